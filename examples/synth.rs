//! Writes the generated inputs of the end-to-end benchmark (`tests/e2e/bench.mjs`):
//!
//! - `backup.json`: a backup of `N` real-sized synthetic articles (`records::synth`, five
//!   officials each, so 2,000 articles name 10,000 officials), as the Data page imports it;
//! - `paste-7k.txt`, `paste-200k.txt`: articles to paste, of about 7 KB and 200 KB, not in the
//!   backup;
//! - `extra-K.txt`: further articles to add one at a time to the stored collection;
//! - `expect.json`: what the benchmark checks on screen (officials of each pasted article, a
//!   roster search, article counts).
//!
//! `cargo run --example synth -- OUT_DIR [--articles N]` (N = 2000 by default).

use nienbieu::records::export::backup_json;
use nienbieu::records::synth;
use nienbieu::records::{Library, Source};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// Pasted and added articles are numbered after the collection, so none is a duplicate.
const EXTRA: usize = 16;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut articles = 2_000usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => articles = n,
                None => return usage("--articles needs a number"),
            },
            _ if out.is_none() => out = Some(PathBuf::from(a)),
            _ => return usage(&format!("unexpected argument `{a}`")),
        }
    }
    let Some(out) = out else {
        return usage("no output directory");
    };
    match write(&out, articles) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn usage(why: &str) -> ExitCode {
    eprintln!("synth: {why}\nusage: cargo run --example synth -- OUT_DIR [--articles N]");
    ExitCode::from(2)
}

fn write(out: &std::path::Path, n: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut lib = Library::new();
    for i in 0..n {
        // Added a minute apart, as a user would over time.
        let added = 1_700_000_000_000 + i as u64 * 60_000;
        if let Err(e) = lib.add_article(&synth::article(i, 7_000), Source::default(), added, 1) {
            return Err(std::io::Error::other(format!("article {i}: {e}")));
        }
    }
    std::fs::write(
        out.join("backup.json"),
        backup_json(&lib, 1_700_000_000_000),
    )?;

    let names =
        |i: usize| -> Vec<String> { (0..5).map(|j| synth::official(i * 5 + j).0).collect() };
    let paste_7k = n;
    let paste_200k = n + 1;
    std::fs::write(out.join("paste-7k.txt"), synth::article(paste_7k, 7_000))?;
    std::fs::write(
        out.join("paste-200k.txt"),
        synth::article(paste_200k, 200_000),
    )?;
    for k in 0..EXTRA {
        std::fs::write(
            out.join(format!("extra-{k}.txt")),
            synth::article(n + 2 + k, 7_000),
        )?;
    }
    // A name to type into the roster search, one letter at a time: the first official of the
    // collection's last article, folded as a user types it (no diacritics).
    let (search, _, _) = synth::official(n.saturating_sub(1) * 5);
    let expect = json!({
        "articles": lib.len(),
        "officials_named": n * 5,
        "paste_7k": { "file": "paste-7k.txt", "names": names(paste_7k) },
        "paste_200k": { "file": "paste-200k.txt", "names": names(paste_200k) },
        "extra": (0..EXTRA).map(|k| json!({
            "file": format!("extra-{k}.txt"),
            "names": names(n + 2 + k),
        })).collect::<Vec<_>>(),
        "search_name": search,
        "search_typed": nienbieu::extract::normalize::fold(&search),
    });
    std::fs::write(
        out.join("expect.json"),
        serde_json::to_string_pretty(&expect).unwrap_or_default(),
    )?;
    println!(
        "synth: {} articles ({} bytes of backup) and the pasted articles in {}",
        lib.len(),
        std::fs::metadata(out.join("backup.json"))?.len(),
        out.display()
    );
    Ok(())
}
