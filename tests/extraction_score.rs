//! Scores the extractor over the example articles in `tests/articles/` the way
//! `shared/eval/score.py` does (same folding, same greedy title matching), and fails when names
//! F1 or titles F1 fall below the thresholds. Where `../shared/eval/dev.json` exists, its figures
//! are printed too (without being asserted).

use nienbieu::extract::{extract, Context};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

const NAMES_F1: f64 = 0.95;
const TITLES_F1: f64 = 0.90;

#[derive(Deserialize)]
struct Doc {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    text: String,
    gold: Gold,
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    people: Vec<Person>,
}

#[derive(Deserialize)]
struct Person {
    name: String,
    #[serde(default)]
    titles: Vec<String>,
}

/// The scorer's folding: NFD, combining marks dropped, đ → d, lowercase, anything but [0-9a-z]
/// a separator.
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        for l in c.to_lowercase() {
            out.push(if l.is_ascii_lowercase() || l.is_ascii_digit() {
                l
            } else {
                ' '
            });
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dice(a: &str, b: &str) -> f64 {
    let ta: Vec<&str> = a.split(' ').filter(|t| !t.is_empty()).collect();
    let mut pool: Vec<&str> = b.split(' ').filter(|t| !t.is_empty()).collect();
    if ta.is_empty() || pool.is_empty() {
        return 0.0;
    }
    let n = ta.len() + pool.len();
    let mut common = 0;
    for t in ta {
        if let Some(i) = pool.iter().position(|p| *p == t) {
            pool.remove(i);
            common += 1;
        }
    }
    2.0 * common as f64 / n as f64
}

/// Greedy one-to-one matching, lenient (token Dice ≥ 0.8) as `titles_f1`.
fn match_titles(gold: &[String], pred: &[String]) -> usize {
    let gold: Vec<String> = gold.iter().map(|t| fold(t)).collect();
    let pred: Vec<String> = pred.iter().map(|t| fold(t)).collect();
    let mut used = vec![false; pred.len()];
    let mut hits = 0;
    for g in &gold {
        let mut best = (0.0, None);
        for (j, p) in pred.iter().enumerate() {
            if used[j] {
                continue;
            }
            let s = if g == p { 1.0 } else { dice(g, p) };
            if s > best.0 {
                best = (s, Some(j));
            }
        }
        if let (s, Some(j)) = best {
            if s >= 0.8 {
                used[j] = true;
                hits += 1;
            }
        }
    }
    hits
}

fn f1(tp: usize, n_pred: usize, n_gold: usize) -> f64 {
    let p = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else if n_gold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        1.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// (names F1, titles F1, per-document problems).
fn score(docs: &[Doc]) -> (f64, f64, Vec<String>) {
    let (mut name_tp, mut name_pred, mut name_gold) = (0, 0, 0);
    let (mut t_tp, mut t_pred, mut t_gold) = (0, 0, 0);
    let mut problems = Vec::new();
    for d in docs {
        let ctx = Context {
            url: d.url.clone(),
            published: d.published.clone(),
        };
        let out = extract(&d.text, &ctx);
        let gp: HashMap<String, &Person> =
            d.gold.people.iter().map(|p| (fold(&p.name), p)).collect();
        let mut pp: HashMap<String, Vec<String>> = HashMap::new();
        for p in &out.people {
            pp.entry(fold(&p.name))
                .or_insert_with(|| p.titles.iter().map(|t| t.text.clone()).collect());
        }
        name_pred += pp.len();
        name_gold += gp.len();
        for (k, g) in &gp {
            t_gold += g.titles.len();
            match pp.get(k) {
                Some(pt) => {
                    name_tp += 1;
                    let hit = match_titles(&g.titles, pt);
                    t_tp += hit;
                    if hit < g.titles.len() || hit < pt.len() {
                        problems.push(format!(
                            "{}: {} gold {:?} got {:?}",
                            d.id, g.name, g.titles, pt
                        ));
                    }
                }
                None => problems.push(format!("{}: missed {}", d.id, g.name)),
            }
        }
        for (k, t) in &pp {
            t_pred += t.len();
            if !gp.contains_key(k) {
                problems.push(format!("{}: extra {k} {t:?}", d.id));
            }
        }
    }
    (
        f1(name_tp, name_pred, name_gold),
        f1(t_tp, t_pred, t_gold),
        problems,
    )
}

fn example_articles() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/articles exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let s = std::fs::read_to_string(&p).expect("article readable");
            serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

#[test]
fn example_articles_meet_thresholds() {
    let docs = example_articles();
    assert!(
        docs.len() >= 20,
        "at least 20 example articles, found {}",
        docs.len()
    );
    let (names, titles, problems) = score(&docs);
    println!(
        "tests/articles: {} documents, names F1 {names:.3}, titles F1 {titles:.3}",
        docs.len()
    );
    for p in &problems {
        println!("  {p}");
    }
    assert!(names >= NAMES_F1, "names F1 {names:.3} < {NAMES_F1}");
    assert!(titles >= TITLES_F1, "titles F1 {titles:.3} < {TITLES_F1}");
}

#[test]
fn dev_set_figures_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.json");
    let Ok(s) = std::fs::read_to_string(&path) else {
        println!("no {}: skipped", path.display());
        return;
    };
    let docs: Vec<Doc> = serde_json::from_str(&s).expect("dev.json parses");
    let (names, titles, problems) = score(&docs);
    println!(
        "dev: {} documents, names F1 {names:.3}, titles F1 {titles:.3}",
        docs.len()
    );
    for p in &problems {
        println!("  {p}");
    }
}

#[test]
fn folding_matches_the_scorer() {
    assert_eq!(fold("Tỉnh uỷ"), fold("tinh uy"));
    assert_eq!(fold("Đoàn ĐBQH"), "doan dbqh");
    assert!(dice("bi thu tinh uy", "bi thu tinh uy yen bai") >= 0.8);
}
