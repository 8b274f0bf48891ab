//! Extracts every text of a JSONL file (`{"text": ...}` per line) `N` times: a target for
//! profilers (`valgrind --tool=callgrind`, `perf`).
//!
//! `cargo build --profile bench --example extract_loop && target/release/examples/extract_loop FILE [N]`
use nienbieu::extract::{extract, Context};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: extract_loop FILE.jsonl [ROUNDS]");
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            black_box(extract(black_box(text), &Context::default()));
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!(
        "{} texts, {bytes} bytes, {rounds} rounds: {:.1} MB/s",
        texts.len(),
        (bytes * rounds) as f64 / s / 1e6
    );
}
