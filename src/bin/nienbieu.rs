//! `nienbieu`: the command-line extractor.
//!
//! ```text
//! nienbieu extract [--url URL] [--published YYYY-MM-DD|YYYY-MM] < article.txt
//! nienbieu extract --jsonl < articles.jsonl
//! ```

use nienbieu::extract::{extract, Context};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("extract") {
        eprintln!("usage: nienbieu extract [--url URL] [--published DATE] < article.txt\n       nienbieu extract --jsonl < articles.jsonl");
        return ExitCode::from(2);
    }
    let mut ctx = Context::default();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => ctx.url = it.next().cloned(),
            "--published" => ctx.published = it.next().cloned(),
            _ => {}
        }
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("nienbieu: cannot read standard input: {e}");
        return ExitCode::FAILURE;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("nienbieu: input is not valid UTF-8 ({e})");
            return ExitCode::FAILURE;
        }
    };
    let out = extract(&text, &ctx);
    println!(
        "{}",
        serde_json::to_string(&out).expect("extraction serializes")
    );
    ExitCode::SUCCESS
}
