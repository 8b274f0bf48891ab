//! The record layer at scale, native: `make bench` (or `cargo bench --bench records`).
//!
//! Collections of real-sized synthetic articles (`records::synth`, five officials each) from
//! 1,000 to 20,000 officials: reading them all (the extractor), deriving the records, indexing
//! the roster, one roster query per keystroke (typing a name, a post), the timeline, adding one
//! more article, and storing and loading the library (into an unbounded in-memory backend with
//! the same encoding as localStorage). Medians over repeated runs. `--smoke` runs each once on
//! a tiny collection, so `make test` keeps the benchmark from rotting.
//!
//! The browser app pays the same costs in wasm (see tests/web_bench.rs) plus the DOM's.

use nienbieu::extract::normalize::fold;
use nienbieu::extract::EXTRACTOR_VERSION;
use nienbieu::records::store::{MemoryBackend, Store};
use nienbieu::records::synth;
use nienbieu::records::views::{timeline, Roster, RosterQuery, TimelineQuery};
use nienbieu::records::{Extractions, Library, Records, Source};
use std::hint::black_box;
use std::time::{Duration, Instant};
use util::{figure, median, ms};

mod util;

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let sizes: &[usize] = if smoke {
        &[100]
    } else {
        &[1_000, 2_000, 5_000, 10_000, 20_000]
    };
    let rounds = if smoke { 1 } else { 5 };

    println!("## Records at scale (native, medians of {rounds} runs; keystrokes: median of 3 runs each)\n");
    println!("| officials | articles | people | read all | build records | roster index | keystroke median | keystroke max | timeline | add one article | store all | load all |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &officials in sizes {
        let n = officials / 5;
        let texts: Vec<String> = (0..n).map(|i| synth::article(i, 7_000)).collect();
        let mut lib = Library::new();
        for (i, t) in texts.iter().enumerate() {
            if let Err(e) = lib.add_article(t, Source::default(), i as u64, EXTRACTOR_VERSION) {
                panic!("article {i}: {e}");
            }
        }

        // Reading every article: what the app does on load (extractions are not stored).
        let t = Instant::now();
        let mut ex = Extractions::new();
        ex.refresh_with_extract(&lib);
        let read_all = t.elapsed();

        let build = median(rounds, || {
            black_box(Records::build(&lib, &ex));
        });
        let records = Records::build(&lib, &ex);
        let index = median(rounds, || {
            black_box(Roster::new(&records));
        });
        let roster = Roster::new(&records);
        let keys = keystrokes(&roster, &typed(n));
        let line = median(rounds, || {
            black_box(timeline(&records, &TimelineQuery::default()));
        });

        // One more article: the app's change path (read the new one, rebuild, re-index).
        let extra = synth::article(n + 1, 7_000);
        let add = median(rounds, || {
            let mut next = lib.clone();
            let mut ex = ex.clone();
            let _ = next.add_article(&extra, Source::default(), n as u64, EXTRACTOR_VERSION);
            ex.refresh_with_extract(&next);
            let r = Records::build(&next, &ex);
            black_box(Roster::new(&r));
        });

        // Storing the whole library, and loading it back (decompressing, parsing, checking).
        let store_all = median(rounds.min(3), || {
            let (mut store, _, _) = Store::open(MemoryBackend::new());
            if let Err(e) = store.commit(&lib) {
                panic!("{e}");
            }
            black_box(store);
        });
        let (mut store, _, _) = Store::open(MemoryBackend::new());
        if let Err(e) = store.commit(&lib) {
            panic!("{e}");
        }
        let backend = store.into_backend();
        let load_all = median(rounds.min(3), || {
            let (_, loaded, _) = Store::open(backend.clone());
            assert_eq!(loaded.len(), lib.len());
            black_box(loaded);
        });

        let (kmed, kmax) = (percentile(&keys, 50), percentile(&keys, 100));
        println!(
            "| {officials} | {n} | {} | {:.0} ms | {:.1} ms | {:.1} ms | {:.3} ms | {:.3} ms | {:.2} ms | {:.1} ms | {:.0} ms | {:.0} ms |",
            roster.len(),
            ms(read_all),
            ms(build),
            ms(index),
            ms(kmed),
            ms(kmax),
            ms(line),
            ms(add),
            ms(store_all),
            ms(load_all),
        );
        let k = format!("native.records.{officials}");
        figure(&format!("{k}.read_all_ms"), ms(read_all));
        figure(&format!("{k}.build_ms"), ms(build));
        figure(&format!("{k}.roster_index_ms"), ms(index));
        figure(&format!("{k}.keystroke_median_ms"), ms(kmed));
        figure(&format!("{k}.keystroke_max_ms"), ms(kmax));
        figure(&format!("{k}.timeline_ms"), ms(line));
        figure(&format!("{k}.add_one_ms"), ms(add));
        figure(&format!("{k}.store_ms"), ms(store_all));
        figure(&format!("{k}.load_ms"), ms(load_all));
    }
}

/// What a user types into the roster search of a collection of `n` articles: an official's
/// name as typed without diacritics, a post, and a post by its abbreviation.
fn typed(n: usize) -> Vec<String> {
    let (name, _, _) = synth::official(n.saturating_sub(1) * 5);
    vec![
        fold(&name),
        "bi thu tinh uy".to_string(),
        "chu tich ubnd".to_string(),
    ]
}

/// The time of each keystroke's query (every prefix of every typed text), the median of 3 runs.
fn keystrokes(roster: &Roster, typed: &[String]) -> Vec<Duration> {
    let mut out = Vec::new();
    for text in typed {
        for n in 1..=text.chars().count() {
            let q = RosterQuery {
                text: text.chars().take(n).collect(),
                ..Default::default()
            };
            out.push(median(3, || {
                black_box(roster.query(&q).len());
            }));
        }
    }
    out
}

/// The `p`-th percentile (0–100) of some durations.
fn percentile(xs: &[Duration], p: usize) -> Duration {
    let mut v = xs.to_vec();
    v.sort();
    v.get((v.len().saturating_sub(1)) * p / 100)
        .copied()
        .unwrap_or_default()
}
