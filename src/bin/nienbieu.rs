//! `nienbieu`: the command-line extractor.
//!
//! ```text
//! nienbieu extract [--url URL] [--published YYYY-MM-DD|YYYY-MM] < article.txt
//! nienbieu extract --jsonl [--url URL] [--published DATE] < articles.jsonl
//! ```
//!
//! One article on standard input prints one JSON object (the serialized
//! [`Extraction`](nienbieu::extract::Extraction)). With `--jsonl`, every input line is one
//! `{"id", "text", "url"?, "published"?}` object and every output line one extraction with its
//! `"id"` first, in input order; the input is streamed in batches of lines extracted on every
//! core, a bad line is reported on standard error with its number and the others still go
//! through (the exit code then says a line failed).

use nienbieu::extract::dates::is_valid_published;
use nienbieu::extract::{extract, Context, Extraction};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: nienbieu extract [--url URL] [--published YYYY-MM-DD|YYYY-MM] < article.txt
       nienbieu extract --jsonl [--url URL] [--published DATE] < articles.jsonl
       nienbieu --help

extract   read one article (plain text) on standard input and print its extraction as JSON:
          the officials named, their titles, the event, its kind and date.
--url URL          the article's address (it often carries the publication date)
--published DATE   the publication date, YYYY-MM-DD or YYYY-MM
--jsonl            read one JSON object per line: {\"id\", \"text\", \"url\"?, \"published\"?};
                   print one extraction per line with its \"id\" first. --url and --published
                   then apply to lines that give none.";

/// Exit code for bad usage (flags, values).
const EXIT_USAGE: u8 = 2;

/// What the command line asks for.
#[derive(Debug, Default)]
struct Options {
    ctx: Context,
    jsonl: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("nienbieu: {msg}\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if opts.jsonl {
        run_jsonl(stdin.lock(), &mut out, &opts.ctx)
    } else {
        run_single(stdin.lock(), &mut out, &opts.ctx)
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::FAILURE,
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("nienbieu: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `Ok(None)` asks for the help text.
fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("extract") => {}
        Some("--help" | "-h" | "help") => return Ok(None),
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("no command given".into()),
    }
    let mut opts = Options::default();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--help" | "-h" => return Ok(None),
            "--jsonl" if inline.is_none() => opts.jsonl = true,
            "--url" => opts.ctx.url = Some(value("--url")?),
            "--published" => {
                let v = value("--published")?;
                if !is_valid_published(&v) {
                    return Err(format!(
                        "--published {v:?} is not a date: give YYYY-MM-DD or YYYY-MM"
                    ));
                }
                opts.ctx.published = Some(v);
            }
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(Some(opts))
}

/// One article on standard input.
fn run_single(mut input: impl Read, out: &mut impl Write, ctx: &Context) -> io::Result<bool> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "nienbieu: input is not valid UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            );
            return Ok(false);
        }
    };
    serde_json::to_writer(&mut *out, &extract(&text, ctx))?;
    writeln!(out)?;
    Ok(true)
}

/// One input line of `--jsonl`.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

/// One output line of `--jsonl`: the id first, then the extraction.
#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

/// Lines read before they are extracted together on every core: enough to keep the cores busy,
/// few enough (and at most [`BATCH_BYTES`]) that output follows input closely and memory stays
/// bounded.
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 8 << 20;

/// Streams `--jsonl` input in batches, extracted in parallel and written in input order; returns
/// whether every line went through.
fn run_jsonl(
    mut input: impl BufRead,
    out: &mut impl Write,
    defaults: &Context,
) -> io::Result<bool> {
    let mut number = 0usize;
    let mut all_ok = true;
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH_LINES);
    loop {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            bytes += line.len();
            batch.push(line);
        }
        if batch.is_empty() {
            break;
        }
        let results = each_line(&batch, |line| process_line(line, defaults));
        for result in results {
            number += 1;
            match result {
                Ok(None) => {}
                Ok(Some(json)) => writeln!(out, "{json}")?,
                Err(msg) => {
                    all_ok = false;
                    eprintln!("nienbieu: line {number}: {msg}");
                }
            }
        }
        // What is done shows before the next batch is read.
        out.flush()?;
    }
    Ok(all_ok)
}

/// `f` over every line of a batch on every core, results in line order. (The wasm32 build of
/// this command, which only lint checks, has one thread.)
fn each_line<T: Send>(batch: &[Vec<u8>], f: impl Fn(&[u8]) -> T + Sync) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        batch.par_iter().map(|line| f(line)).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        batch.iter().map(|line| f(line)).collect()
    }
}

/// One `--jsonl` line to its output line; `Ok(None)` for a blank line.
fn process_line(bytes: &[u8], defaults: &Context) -> Result<Option<String>, String> {
    let s = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 (at byte {})", e.valid_up_to()))?;
    let s = s.trim_end_matches(['\n', '\r']);
    if s.trim().is_empty() {
        return Ok(None);
    }
    let rec: Record = serde_json::from_str(s).map_err(|e| format!("malformed JSON ({e})"))?;
    let text = rec.text.ok_or_else(|| "missing \"text\"".to_string())?;
    if let Some(p) = rec.published.as_deref() {
        if !is_valid_published(p) {
            return Err(format!(
                "\"published\" {p:?} is not a date: give YYYY-MM-DD or YYYY-MM"
            ));
        }
    }
    let ctx = Context {
        url: rec.url.or_else(|| defaults.url.clone()),
        published: rec.published.or_else(|| defaults.published.clone()),
    };
    let extraction = extract(&text, &ctx);
    let json = serde_json::to_string(&Output {
        id: &rec.id,
        extraction: &extraction,
    })
    .map_err(|e| format!("cannot write the extraction ({e})"))?;
    Ok(Some(json))
}
