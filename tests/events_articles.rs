//! The event and the bylines of whole articles: the example articles in
//! `tests/articles/event-*.json` and `byline-*.json`, whose gold names the event (headline, kind,
//! ordinal, term, body) and the authors (credit and name) besides the officials.

use nienbieu::extract::extract;
use serde::Deserialize;

mod common;
use common::{example_files, load};

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
    let files = example_files(&["event-", "byline-"]);
    assert!(
        files.len() >= 10,
        "expected the event-*.json and byline-*.json articles"
    );
    let mut failures = Vec::new();
    for f in &files {
        for doc in load::<Gold>(f) {
            let x = extract(&doc.text, &doc.context());
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
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
