//! The record layer over the evaluation set's gold annotations (when `../shared` is there):
//! every real title reads as a post with a role, and the derived records hold together.

use nienbieu::extract::{Extraction, Official, Title};
use nienbieu::records::post;
use nienbieu::records::views::{self, Roster, RosterQuery};
use nienbieu::records::{Extractions, Library, Records, Source};

#[test]
fn gold_officials_make_sound_records() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.json");
    let Ok(raw) = std::fs::read_to_string(path) else {
        println!("{path} not found, skipped");
        return;
    };
    let docs: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap_or_default();
    let mut lib = Library::new();
    let mut ex = Extractions::new();
    let mut roleless = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let Some(text) = d["text"].as_str() else {
            continue;
        };
        let Ok(added) = lib.add_article(text, Source::default(), i as u64, 1) else {
            continue;
        };
        let people: Vec<Official> = d["gold"]["people"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|p| Official {
                name: p["name"].as_str().unwrap_or_default().to_string(),
                titles: p["titles"]
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|t| t.as_str())
                    .map(|t| {
                        if post::resolve(t, None).role.is_empty() {
                            roleless.push(t.to_string());
                        }
                        Title {
                            former: t.starts_with("nguyên "),
                            text: t.to_string(),
                            ..Title::default()
                        }
                    })
                    .collect(),
                ..Official::default()
            })
            .collect();
        ex.insert(
            added.id().clone(),
            1,
            Extraction {
                text: text.to_string(),
                date: d["gold"]["date"].as_str().map(str::to_string),
                event_date: d["gold"]["date"]
                    .as_str()
                    .map(|iso| nienbieu::extract::EventDate {
                        iso: iso.to_string(),
                        ..Default::default()
                    }),
                people,
                ..Extraction::default()
            },
        );
    }
    let r = Records::build(&lib, &ex);
    let roster = Roster::new(&r);
    println!(
        "dev gold: {} articles, {} people, {} posts, {} organisations, {} tenures; titles without a role: {:?}",
        lib.len(),
        r.people.len(),
        r.posts.len(),
        r.organizations.len(),
        r.tenures.len(),
        roleless
    );
    if std::env::var_os("SHOW").is_some() {
        for p in &r.posts {
            println!("post {} = {} [{:?}]", p.id, p.label, p.seats);
        }
    }
    // Nearly every real title starts with a known role.
    assert!(roleless.len() * 20 < r.tenures.len().max(1), "{roleless:?}");
    assert_eq!(roster.len(), r.people.len());
    assert!(!roster
        .query(&RosterQuery {
            text: "bi thu tinh uy".into(),
            ..Default::default()
        })
        .is_empty());
    for p in 0..r.posts.len() {
        let _ = views::post_history(&r, nienbieu::records::derive::PostIx(p as u32));
    }
}
