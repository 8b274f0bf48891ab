//! Browser benchmark (headless Chromium, wasm, release build): the extractor and the record
//! layer as the app runs them, without the DOM.
//!
//! Smoke by default (each step once, on a tiny input, so `make test` keeps it from rotting);
//! the full run is built with `NIENBIEU_BENCH=full` (read at compile time: the wasm test has
//! no environment), which `scripts/bench.sh` does:
//!
//! ```text
//! NIENBIEU_BENCH=full cargo test --release --target wasm32-unknown-unknown --test web_bench -- --nocapture
//! ```
//!
//! The texts are those of `benches/extract.rs` (the bench corpus, and the first 100 synthetic
//! 7 KB articles), so the script divides wasm by native on the same texts. The figures are
//! printed to the console as `@figure KEY VALUE` lines.
#![cfg(target_arch = "wasm32")]

use nienbieu::extract::normalize::fold;
use nienbieu::extract::{extract, Context, EXTRACTOR_VERSION};
use nienbieu::records::store::Store;
use nienbieu::records::synth;
use nienbieu::records::views::{timeline, Roster, RosterQuery, TimelineQuery};
use nienbieu::records::{Extractions, Library, Records, Source};
use nienbieu::store::LocalStorageBackend;
use std::hint::black_box;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Whether this build is the full benchmark (`NIENBIEU_BENCH=full` at compile time).
fn full() -> bool {
    matches!(option_env!("NIENBIEU_BENCH"), Some(v) if !v.is_empty() && v != "0")
}

/// How many synthetic articles the synthetic row reads (as in benches/extract.rs).
const SYNTH_ARTICLES: usize = 100;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The median, in milliseconds, of `rounds` runs of `f` after one warm-up run. Chromium's
/// clock is coarsened (to 0.1 ms here), so `f` should take a few milliseconds at least.
fn median_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            let t = now_ms();
            f();
            now_ms() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn say(line: &str) {
    web_sys::console::log_1(&line.into());
}

fn figure(key: &str, value: f64) {
    say(&format!("@figure {key} {value:.3}"));
}

fn bench_corpus() -> Vec<String> {
    include_str!("../benches/corpus.txt")
        .split("\n\n\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// Extraction in wasm, µs per article and MB/s, over the same texts as the native bench.
#[wasm_bindgen_test]
fn extraction_per_article() {
    let (rounds, take) = if full() { (21, usize::MAX) } else { (1, 2) };
    // The first extraction of the page builds the lexicon's automata and tables (once): a
    // user pays it on the first paste after the app starts.
    let t = now_ms();
    black_box(extract(
        "Sáng 28-12, đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy, chủ trì hội nghị.",
        &Context::default(),
    ));
    let first = now_ms() - t;
    let synth_n = if full() { SYNTH_ARTICLES } else { 2 };
    let corpora: Vec<(&str, &str, Vec<String>)> = vec![
        (
            "corpus",
            "bench corpus (benches/corpus.txt)",
            bench_corpus().into_iter().take(take).collect(),
        ),
        (
            "synth",
            "synthetic 7 KB (records::synth)",
            (0..synth_n).map(|i| synth::article(i, 7_000)).collect(),
        ),
    ];
    // V8 first runs wasm compiled by its baseline compiler and recompiles the hot functions
    // with its optimising one in the background: time the code the user runs after a few
    // pastes, not the first seconds.
    if full() {
        let t = now_ms();
        while now_ms() - t < 2_000.0 {
            for (_, _, articles) in &corpora {
                for a in articles {
                    black_box(extract(black_box(a), &Context::default()));
                }
            }
        }
    }
    say(&format!(
        "## Extraction in Chromium (wasm, release build, {rounds} rounds, medians)\n"
    ));
    say("| corpus | articles | bytes | median per pass | MB/s | µs per article |");
    say("|---|---:|---:|---:|---:|---:|");
    for (key, name, articles) in &corpora {
        let bytes: usize = articles.iter().map(String::len).sum();
        let t = median_ms(rounds, || {
            for a in articles {
                black_box(extract(black_box(a), &Context::default()));
            }
        });
        let t = t.max(0.1);
        let mbps = bytes as f64 / t / 1e3;
        let us = t * 1e3 / articles.len().max(1) as f64;
        say(&format!(
            "| {name} | {} | {bytes} | {t:.2} ms | {mbps:.1} | {us:.1} |",
            articles.len()
        ));
        figure(&format!("wasm.extract.{key}.mbps"), mbps);
        figure(&format!("wasm.extract.{key}.us"), us);
        assert!(articles
            .iter()
            .any(|a| !extract(a, &Context::default()).people.is_empty()));
    }

    say(&format!(
        "\nwasm, first extraction of the page (builds the lexicon once): {first:.1} ms"
    ));
    figure("wasm.extract.first_call_ms", first);

    // Growth in wasm too: 10 KB and 1 MB of distinct articles.
    let sizes: &[usize] = if full() {
        &[10 << 10, 1 << 20]
    } else {
        &[10 << 10]
    };
    for &size in sizes {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < size {
            text.push_str(&synth::article(i, 7_000));
            text.push_str("\n\n");
            i += 1;
        }
        let t = median_ms(if full() { 5 } else { 1 }, || {
            black_box(extract(black_box(&text), &Context::default()));
        })
        .max(0.1);
        let nspb = t * 1e6 / text.len() as f64;
        say(&format!(
            "wasm, one text of {} KB: {t:.1} ms, {nspb:.1} ns per byte",
            text.len() / 1024
        ));
        figure(&format!("wasm.growth.{}KB.nspb", size >> 10), nspb);
    }
}

/// Lets the page breathe between long steps (the test runner polls it).
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// The app's load and change paths in wasm, without the DOM, on 2,000 stored articles (10,000
/// officials): store into the real localStorage, load, read every article, derive the
/// records, index the roster, query per keystroke, the timeline, add one more article.
#[wasm_bindgen_test]
async fn collection_at_scale() {
    let n = if full() { 2_000 } else { 20 };
    let rounds = if full() { 5 } else { 1 };
    let officials = n * 5;
    local_storage().clear().expect("clear");
    let mut lib = Library::new();
    for i in 0..n {
        if let Err(e) = lib.add_article(
            &synth::article(i, 7_000),
            Source::default(),
            i as u64,
            EXTRACTOR_VERSION,
        ) {
            panic!("article {i}: {e}");
        }
    }
    yield_now().await;

    let open = || Store::open(LocalStorageBackend::open().expect("localStorage"));
    let t = now_ms();
    let (mut store, _, _) = open();
    if let Err(e) = store.commit(&lib) {
        panic!("{e}");
    }
    let store_all = now_ms() - t;
    yield_now().await;
    let load = median_ms(rounds.min(3), || {
        let (_, loaded, report) = open();
        assert!(report.is_clean(), "{:?}", report.problems);
        assert_eq!(loaded.len(), lib.len());
    });
    yield_now().await;

    let t = now_ms();
    let mut ex = Extractions::new();
    ex.refresh_with_extract(&lib);
    let read_all = now_ms() - t;
    yield_now().await;
    let build = median_ms(rounds, || {
        black_box(Records::build(&lib, &ex));
    });
    let records = Records::build(&lib, &ex);
    yield_now().await;
    let index = median_ms(rounds, || {
        black_box(Roster::new(&records));
    });
    let roster = Roster::new(&records);
    yield_now().await;

    // Per keystroke: every prefix of a name typed without diacritics, and of two posts. One
    // query is below the clock's resolution on small collections, so each is run 10 times.
    let (name, _, _) = synth::official((n - 1) * 5);
    let mut keys = Vec::new();
    for typed in [fold(&name), "bi thu tinh uy".into(), "chu tich ubnd".into()] {
        for k in 1..=typed.chars().count() {
            let q = RosterQuery {
                text: typed.chars().take(k).collect(),
                ..Default::default()
            };
            keys.push(
                median_ms(3, || {
                    for _ in 0..10 {
                        black_box(roster.query(&q).len());
                    }
                }) / 10.0,
            );
        }
    }
    keys.sort_by(f64::total_cmp);
    let (kmed, kmax) = (keys[keys.len() / 2], keys[keys.len() - 1]);
    let found = roster.query(&RosterQuery {
        text: fold(&name),
        ..Default::default()
    });
    assert!(found.iter().any(|r| r.name == name), "{name} not found");
    yield_now().await;
    let line = median_ms(rounds, || {
        black_box(timeline(&records, &TimelineQuery::default()));
    });
    yield_now().await;

    // One more article: read it, rebuild, re-index (as AppState::change does), and store.
    let extra = synth::article(n + 1, 7_000);
    let add = median_ms(rounds, || {
        let mut next = lib.clone();
        let mut ex = ex.clone();
        let _ = next.add_article(&extra, Source::default(), n as u64, EXTRACTOR_VERSION);
        ex.refresh_with_extract(&next);
        let r = Records::build(&next, &ex);
        black_box(Roster::new(&r));
    });
    let mut next = lib.clone();
    let _ = next.add_article(&extra, Source::default(), n as u64, EXTRACTOR_VERSION);
    let t = now_ms();
    if let Err(e) = store.commit(&next) {
        panic!("{e}");
    }
    let store_one = now_ms() - t;
    let units = store.usage();
    local_storage().clear().expect("clear");

    say(&format!(
        "## Records at scale in Chromium (wasm, release build, {n} articles, {} people)\n",
        roster.len()
    ));
    say("| store all | load all | read all | build records | roster index | keystroke median | keystroke max | timeline | add one article | store one more |");
    say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    say(&format!(
        "| {store_all:.0} ms | {load:.0} ms | {read_all:.0} ms | {build:.1} ms | {index:.1} ms | {kmed:.3} ms | {kmax:.3} ms | {line:.2} ms | {add:.1} ms | {store_one:.0} ms |"
    ));
    say(&format!(
        "localStorage used: {units} UTF-16 units ({:.0} per article)",
        units as f64 / n as f64
    ));
    let k = format!("wasm.records.{officials}");
    for (key, v) in [
        ("store_ms", store_all),
        ("load_ms", load),
        ("read_all_ms", read_all),
        ("build_ms", build),
        ("roster_index_ms", index),
        ("keystroke_median_ms", kmed),
        ("keystroke_max_ms", kmax),
        ("timeline_ms", line),
        ("add_one_ms", add),
        ("store_one_ms", store_one),
    ] {
        figure(&format!("{k}.{key}"), v);
    }
}
