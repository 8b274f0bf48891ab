//! Event dates of whole articles: the example articles in `tests/articles/date-*.json`, and the
//! gold set in `../shared/eval/dev.json` where it exists (it is not part of the repository).

use nienbieu::extract::{extract, Context, YearSource};
use serde::Deserialize;
use std::path::Path;

mod common;
use common::{example_files, load};

#[derive(Deserialize)]
struct Gold {
    date: Option<String>,
}

type Doc = common::Doc<Gold>;

fn predicted(doc: &Doc) -> Option<String> {
    extract(&doc.text, &doc.context()).date
}

/// The scorer's rule: month and day equal, and the year wherever the gold states one.
fn date_matches(gold: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    gold.len() >= 5
        && got.len() >= 5
        && gold[gold.len() - 5..] == got[got.len() - 5..]
        && (gold.starts_with("--") || gold[..4] == got[..4.min(got.len())])
}

#[test]
fn example_articles() {
    let files = example_files(&["date-"]);
    assert!(
        files.len() >= 5,
        "expected the date-*.json example articles"
    );
    let mut failures = Vec::new();
    for f in &files {
        for doc in load::<Gold>(f) {
            let got = predicted(&doc);
            // Exact, as the held-out score counts it: a year where the gold has none is wrong.
            let ok = doc.gold.date == got;
            if !ok {
                failures.push(format!(
                    "{}: gold {:?}, got {:?}",
                    doc.id, doc.gold.date, got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn year_sources_are_reported() {
    let text = "Sáng 28-12, Ban Chấp hành Đảng bộ tỉnh họp tổng kết công tác năm 2021, phương hướng, nhiệm vụ năm 2022.";
    let ed = extract(text, &Context::default())
        .event_date
        .expect("a date");
    assert_eq!(ed.iso, "2021-12-28");
    assert_eq!(ed.year_source, YearSource::Content);
    let ev = ed.evidence.expect("evidence");
    let out = extract(text, &Context::default());
    assert_eq!(ev.mention.slice(&out.text), "Sáng 28-12");
    let ed = extract("Ngày 5/4, Tỉnh ủy họp.", &Context::default())
        .event_date
        .expect("a date");
    assert_eq!(
        (ed.iso.as_str(), ed.year_source),
        ("--04-05", YearSource::Unknown)
    );
}

/// The shared gold set, when this checkout has it beside it.
#[test]
fn shared_dev_set_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.json");
    if !path.exists() {
        eprintln!("skipped: {} not present", path.display());
        return;
    }
    let docs: Vec<Doc> = load(&path);
    let dated: Vec<&Doc> = docs.iter().filter(|d| d.gold.date.is_some()).collect();
    let ok = dated
        .iter()
        .filter(|d| {
            date_matches(
                d.gold.date.as_deref().unwrap_or(""),
                predicted(d).as_deref(),
            )
        })
        .count();
    let spurious = docs
        .iter()
        .filter(|d| d.gold.date.is_none() && predicted(d).is_some())
        .count();
    let acc = ok as f64 / dated.len().max(1) as f64;
    assert!(
        acc >= 0.9,
        "date_acc {acc:.3} on the dev set ({ok} of {})",
        dated.len()
    );
    assert!(spurious <= 1, "{spurious} dates where the gold has none");
}
