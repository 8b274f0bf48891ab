//! What the benchmarks share: medians of wall times, and the `@figure` lines that
//! `scripts/bench.sh` reads (the tables are for people, the figures for the report's summary).

// Each benchmark uses a part of this module.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// The median wall time of `rounds` runs of `f` (after one warm-up run).
pub fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..rounds.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// A figure for scripts/bench.sh: `@figure KEY VALUE`.
pub fn figure(key: &str, value: f64) {
    println!("@figure {key} {value:.3}");
}

/// Milliseconds, for tables.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
