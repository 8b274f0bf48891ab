//! The event and the bylines of whole articles: the example articles in
//! `tests/articles/event-*.json` and `byline-*.json`, whose gold names the event (headline, kind,
//! ordinal, term, body) and the authors (credit and name) besides the officials.

use nienbieu::extract::{extract, Context};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Doc {
    id: String,
    url: Option<String>,
    published: Option<String>,
    text: String,
    gold: Gold,
}

#[derive(Deserialize)]
struct Gold {
    event: GoldEvent,
    authors: Vec<GoldAuthor>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct GoldEvent {
    headline: Option<String>,
    kind: String,
    ordinal: Option<u32>,
    term: Option<String>,
    body: Option<String>,
}

#[derive(Deserialize)]
struct GoldAuthor {
    credit: String,
    name: String,
}

#[test]
fn example_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/articles exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                (n.starts_with("event-") || n.starts_with("byline-")) && n.ends_with(".json")
            })
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the event-*.json and byline-*.json articles"
    );
    let mut failures = Vec::new();
    for f in &files {
        let raw = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let doc: Doc =
            serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let ctx = Context {
            url: doc.url.clone().filter(|u| !u.is_empty()),
            published: doc.published.clone(),
        };
        let x = extract(&doc.text, &ctx);
        let kind = serde_json::to_value(x.event.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let got = GoldEvent {
            headline: x.event.headline.clone(),
            kind,
            ordinal: x.event.ordinal,
            term: x.event.term.clone(),
            body: x.event.body.clone(),
        };
        if got != doc.gold.event {
            failures.push(format!(
                "{}: event\n    gold {:?}\n    got  {:?}",
                doc.id, doc.gold.event, got
            ));
        }
        let authors = |v: Vec<(String, String)>| {
            v.into_iter()
                .map(|(c, n)| format!("{c}={n}"))
                .collect::<Vec<_>>()
                .join("|")
        };
        let want = authors(
            doc.gold
                .authors
                .iter()
                .map(|a| (a.credit.clone(), a.name.clone()))
                .collect(),
        );
        let got = authors(
            x.authors
                .iter()
                .map(|a| (a.credit.clone(), a.name.clone()))
                .collect(),
        );
        if got != want {
            failures.push(format!("{}: authors gold {want:?}, got {got:?}", doc.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
