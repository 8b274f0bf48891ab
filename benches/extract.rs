//! Extraction throughput, native: `make bench` (or `cargo bench --bench extract`).
//!
//! Reports medians over repeated runs: MB/s and µs per article over realistic article text (the
//! project's example articles in `tests/articles/`, the bench corpus `benches/corpus.txt`, and
//! `../shared/eval/dev.json` where it exists), and how the cost grows with input size from 1 KB
//! to 10 MB (it must be linear: the ns per byte stays flat). `--smoke` runs each once on a tiny
//! input, so `make test` keeps the benchmark from rotting.

use nienbieu::extract::{extract, Context};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let rounds = if smoke { 1 } else { 21 };

    let mut corpora: Vec<(&str, Vec<String>)> = vec![
        ("examples (tests/articles)", example_articles()),
        ("bench corpus (benches/corpus.txt)", bench_corpus()),
    ];
    if let Some(dev) = dev_articles() {
        corpora.push(("dev set (../shared/eval/dev.json)", dev));
    }
    println!("## Extraction throughput (native, {rounds} rounds, medians)\n");
    println!("| corpus | articles | bytes | median per pass | MB/s | µs per article |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, articles) in &corpora {
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
        println!(
            "| {name} | {} | {bytes} | {:.2} ms | {:.1} | {:.1} |",
            articles.len(),
            t.as_secs_f64() * 1e3,
            bytes as f64 / t.as_secs_f64() / 1e6,
            t.as_secs_f64() * 1e6 / articles.len() as f64
        );
    }

    println!("\n## Cost against input size (one article text repeated)\n");
    println!("| input | median | MB/s | ns per byte |");
    println!("|---:|---:|---:|---:|");
    let unit = corpora
        .iter()
        .flat_map(|(_, a)| a.iter())
        .max_by_key(|a| a.len())
        .cloned()
        .unwrap_or_else(|| {
            "Sáng 28-12, đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy, chủ trì hội nghị.\n".into()
        });
    let sizes: &[usize] = if smoke {
        &[1 << 10]
    } else {
        &[1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20]
    };
    for &size in sizes {
        let text = repeat_to(&unit, size);
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
        println!(
            "| {} | {:.3} ms | {:.1} | {:.2} |",
            human(text.len()),
            t.as_secs_f64() * 1e3,
            text.len() as f64 / t.as_secs_f64() / 1e6,
            t.as_nanos() as f64 / text.len() as f64
        );
    }
}

/// The median wall time of `rounds` runs of `f` (after one warm-up run).
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn repeat_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
        s.push_str("\n\n");
    }
    s
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
