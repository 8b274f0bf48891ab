//! Extraction throughput, native: `make bench` (or `cargo bench --bench extract`).
//!
//! Reports medians over repeated runs: MB/s and µs per article over realistic article text (the
//! project's example articles in `tests/articles/`, the bench corpus `benches/corpus.txt`,
//! real-sized synthetic articles from `records::synth`, and `../shared/eval/dev.json` where it
//! exists), and how the cost grows with input size from 1 KB to 10 MB (it must be linear: the ns
//! per byte stays flat). `--smoke` runs each once on a tiny input, so `make test` keeps the
//! benchmark from rotting.
//!
//! The bench corpus and the synthetic rows are the texts `tests/web_bench.rs` extracts in
//! Chromium, so `scripts/bench.sh` can divide one by the other. Lines starting with `@figure`
//! are for that script (key, value); the tables are for people.

use nienbieu::extract::{extract, Context};
use nienbieu::records::synth;
use rayon::prelude::*;
use std::hint::black_box;
use util::{figure, median};

mod util;

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let rounds = if smoke { 1 } else { 21 };

    // The first call of the process builds the lexicon's automata and tables (once): a user
    // pays it on the first paste after the app starts.
    let t = std::time::Instant::now();
    black_box(extract(black_box(FIRST), &Context::default()));
    let first = t.elapsed();

    // (figure key, row label, articles): the keys and the synthetic count are shared with
    // tests/web_bench.rs.
    let mut corpora: Vec<(&str, &str, Vec<String>)> = vec![
        ("examples", "examples (tests/articles)", example_articles()),
        (
            "corpus",
            "bench corpus (benches/corpus.txt)",
            bench_corpus(),
        ),
        (
            "synth",
            "synthetic 7 KB (records::synth)",
            synth_articles(if smoke { 2 } else { SYNTH_ARTICLES }),
        ),
    ];
    if let Some(dev) = dev_articles() {
        corpora.push(("dev", "dev set (../shared/eval/dev.json)", dev));
    }
    let mut single_mbps = std::collections::HashMap::new();
    println!("## Extraction throughput (native, one thread, {rounds} rounds, medians)\n");
    println!("| corpus | articles | bytes | median per pass | MB/s | µs per article |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (key, name, articles) in &corpora {
        if articles.is_empty() {
            continue;
        }
        let articles: Vec<String> = if smoke {
            articles.iter().take(2).cloned().collect()
        } else {
            articles.clone()
        };
        let bytes: usize = articles.iter().map(String::len).sum();
        let t = median(rounds, || {
            for a in &articles {
                black_box(extract(black_box(a), &Context::default()));
            }
        });
        let mbps = bytes as f64 / t.as_secs_f64() / 1e6;
        let us = t.as_secs_f64() * 1e6 / articles.len() as f64;
        println!(
            "| {name} | {} | {bytes} | {:.2} ms | {mbps:.1} | {us:.1} |",
            articles.len(),
            t.as_secs_f64() * 1e3,
        );
        figure(&format!("native.extract.{key}.mbps"), mbps);
        single_mbps.insert(*key, mbps);
        figure(&format!("native.extract.{key}.us"), us);
    }

    // `nienbieu extract --jsonl` extracts a batch of lines on every core: the same texts, read
    // that way. (The browser has one thread: the rows above are what a paste costs there.)
    let threads = rayon::current_num_threads();
    println!("\n## On every core ({threads} threads, as `nienbieu extract --jsonl` reads)\n");
    println!("| corpus | articles | median per pass | MB/s | vs one thread |");
    println!("|---|---:|---:|---:|---:|");
    for (key, name, articles) in &corpora {
        if articles.is_empty() {
            continue;
        }
        let articles: Vec<&String> = articles
            .iter()
            .take(if smoke { 2 } else { usize::MAX })
            .collect();
        let bytes: usize = articles.iter().map(|a| a.len()).sum();
        let t = median(rounds, || {
            articles.par_iter().for_each(|a| {
                black_box(extract(black_box(a), &Context::default()));
            });
        });
        let mbps = bytes as f64 / t.as_secs_f64() / 1e6;
        let single = single_mbps.get(key).copied().unwrap_or(f64::NAN);
        println!(
            "| {name} | {} | {:.2} ms | {mbps:.1} | {:.2}× |",
            articles.len(),
            t.as_secs_f64() * 1e3,
            mbps / single,
        );
        figure(&format!("native.extract_parallel.{key}.mbps"), mbps);
    }
    figure("native.extract_parallel.threads", threads as f64);

    println!(
        "\nFirst call of the process (builds the lexicon once): {:.2} ms",
        first.as_secs_f64() * 1e3
    );
    figure("native.extract.first_call_ms", first.as_secs_f64() * 1e3);

    println!("\n## Cost against input size (distinct synthetic articles, concatenated)\n");
    println!("| input | median | MB/s | ns per byte |");
    println!("|---:|---:|---:|---:|");
    let sizes: &[usize] = if smoke {
        &[1 << 10, 10 << 10]
    } else {
        &[1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20]
    };
    // (bytes, seconds) of each size.
    let mut points = Vec::new();
    for &size in sizes {
        let text = sized_text(size);
        let r = if smoke {
            1
        } else if size >= 1 << 20 {
            5
        } else {
            15
        };
        let t = median(r, || {
            black_box(extract(black_box(&text), &Context::default()));
        });
        let nspb = t.as_nanos() as f64 / text.len() as f64;
        points.push((text.len() as f64, t.as_secs_f64()));
        println!(
            "| {} | {:.3} ms | {:.1} | {nspb:.2} |",
            human(text.len()),
            t.as_secs_f64() * 1e3,
            text.len() as f64 / t.as_secs_f64() / 1e6,
        );
        figure(&format!("native.growth.{}.nspb", label(size)), nspb);
    }
    // Linear growth: the slope of time against size on a log-log scale, over the top two
    // decades (100 KB to 10 MB; below, the fixed cost of a call weighs in). 1.0 is linear, a
    // quadratic pass would show as 2.0; caches make big inputs a little dearer per byte.
    let from = points.len().saturating_sub(3);
    if let (Some(&(b0, t0)), Some(&(b1, t1))) = (points.get(from), points.last()) {
        if b1 > b0 && t0 > 0.0 {
            let slope = (t1 / t0).ln() / (b1 / b0).ln();
            println!(
                "\nGrowth from {} to {}: time ∝ size^{slope:.2} (1.0 = linear)",
                human(b0 as usize),
                human(b1 as usize)
            );
            figure("native.growth.slope", slope);
        }
    }
}

/// A one-sentence article, for the first call.
const FIRST: &str = "Sáng 28-12, đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy, chủ trì hội nghị.";

/// How many synthetic articles the synthetic row reads (the same in tests/web_bench.rs).
const SYNTH_ARTICLES: usize = 100;

fn synth_articles(n: usize) -> Vec<String> {
    (0..n).map(|i| synth::article(i, 7_000)).collect()
}

/// `size` bytes of article text: distinct synthetic articles one after another, the last cut
/// at a paragraph (or character) boundary.
fn sized_text(size: usize) -> String {
    let mut s = String::with_capacity(size + 8_000);
    let mut i = 0;
    while s.len() < size {
        s.push_str(&synth::article(i, 7_000));
        s.push_str("\n\n");
        i += 1;
    }
    let mut cut = size;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = s[..cut]
        .rfind("\n\n")
        .filter(|&p| p > size / 2)
        .unwrap_or(cut);
    s.truncate(cut);
    s
}

/// "1KB", "10MB": a size as a figure key.
fn label(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{}MB", n >> 20)
    } else {
        format!("{}KB", n >> 10)
    }
}

fn human(n: usize) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    } else {
        format!("{:.1} KB", n as f64 / 1024.0)
    }
}

fn example_articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        if let Some(text) = std::fs::read_to_string(p)
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        {
            out.push(text);
        }
    }
    out
}

fn bench_corpus() -> Vec<String> {
    include_str!("corpus.txt")
        .split("\n\n\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn dev_articles() -> Option<Vec<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    Some(
        v.as_array()?
            .iter()
            .filter_map(|d| d.get("text")?.as_str().map(str::to_string))
            .collect(),
    )
}
