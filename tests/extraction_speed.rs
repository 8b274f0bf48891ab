//! Throughput of `extract()` over the dev texts (or the example articles when the dev set is
//! absent). Ignored by default: run with
//! `cargo test --release --test extraction_speed -- --ignored --nocapture`.

use nienbieu::extract::{extract, Context};
use std::path::Path;
use std::time::Instant;

fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Ok(s) = std::fs::read_to_string(root.join("../shared/eval/dev.json")) {
        let v: Vec<serde_json::Value> = serde_json::from_str(&s).expect("dev.json parses");
        return v
            .iter()
            .filter_map(|d| d["text"].as_str().map(str::to_string))
            .collect();
    }
    let mut out = Vec::new();
    for e in std::fs::read_dir(root.join("tests/articles"))
        .expect("articles")
        .flatten()
    {
        let s = std::fs::read_to_string(e.path()).expect("readable");
        let v: serde_json::Value = serde_json::from_str(&s).expect("json");
        out.extend(v["text"].as_str().map(str::to_string));
    }
    out
}

#[test]
#[ignore]
fn throughput() {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = Context::default();
    // warm up (builds the lexicon automaton)
    for t in &texts {
        std::hint::black_box(extract(t, &ctx));
    }
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed().as_secs_f64() < 3.0 {
        for t in &texts {
            std::hint::black_box(extract(t, &ctx));
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} texts, {bytes} bytes, {rounds} rounds: {:.1} MB/s",
        texts.len(),
        mb / secs
    );
    // one large text: all the texts joined
    let big = texts.join("\n\n").repeat(20);
    let t0 = Instant::now();
    std::hint::black_box(extract(&big, &ctx));
    println!(
        "one text of {} bytes: {:.1} MB/s",
        big.len(),
        big.len() as f64 / 1e6 / t0.elapsed().as_secs_f64()
    );
}
