//! Scale: the roster at 2,000 articles and 10,000 officials, and how many real-sized articles
//! fit in Chromium's localStorage quota.
//!
//! Figures are printed; run `MEASURE=1 cargo test --release --test records_scale -- --nocapture`
//! to see them at full speed and to find how many articles fit at most. The timing bounds are strict in release builds and relaxed in debug ones.

use nienbieu::extract::{
    EventDate, EventKind, Evidence, Extraction, Official, Span, Title, TitleChange, YearSource,
};
use nienbieu::records::store::{MemoryBackend, Store, StoreError};
use nienbieu::records::synth;
use nienbieu::records::views::{Column, Roster, RosterQuery};
use nienbieu::records::{Extractions, Library, Records, Source};
use std::time::Instant;

const TITLES: &[&str] = &[
    "Bí thư Tỉnh ủy",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Phó Bí thư Tỉnh ủy",
    "Chủ tịch Ủy ban nhân dân tỉnh",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Chủ tịch Hội đồng nhân dân tỉnh",
    "Phó Chủ tịch Hội đồng nhân dân tỉnh",
    "Trưởng Ban Tổ chức Tỉnh ủy",
    "Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    "Giám đốc Sở Tài chính",
    "Giám đốc Sở Nội vụ",
    "Giám đốc Sở Kế hoạch và Đầu tư",
    "Giám đốc Sở Giáo dục và Đào tạo",
    "Giám đốc Sở Y tế",
    "Chánh Văn phòng Tỉnh ủy",
    "Bí thư Huyện ủy",
    "Chủ tịch Ủy ban nhân dân huyện",
    "Tỉnh ủy viên",
    "Ủy viên Ban Thường vụ Tỉnh ủy",
];

/// 10,000 officials: (name, province, title); names and provinces from [`synth::official`].
fn officials() -> Vec<(String, &'static str, &'static str)> {
    (0..10_000)
        .map(|k| {
            let (name, province, _) = synth::official(k);
            (name, province, TITLES[k % TITLES.len()])
        })
        .collect()
}

/// 2,000 articles naming 8 officials each (every official at least once), as extractions.
fn world() -> (Library, Extractions) {
    let people = officials();
    let mut lib = Library::new();
    let mut ex = Extractions::new();
    for i in 0..2_000usize {
        let chosen: Vec<&(String, &str, &str)> = (0..8)
            .map(|j| &people[(i * 5 + j) % people.len()])
            .collect();
        let place = chosen[0].1;
        let mut text = format!(
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh {place} số {i}\n\nSáng {}-{}-{}, Ban Chấp hành Đảng bộ tỉnh họp hội nghị. Các đồng chí: ",
            1 + i % 28,
            1 + i % 12,
            2016 + i % 9
        );
        let mut officials = Vec::new();
        for (name, _, title) in &chosen {
            let start = text.len();
            text.push_str(name);
            let end = text.len();
            text.push_str(", ");
            let t0 = text.len();
            text.push_str(title);
            let t1 = text.len();
            text.push_str("; ");
            let sentence = Span::new(0, 0);
            officials.push(Official {
                name: name.clone(),
                rank: None,
                titles: vec![Title {
                    text: title.to_string(),
                    change: TitleChange::Held,
                    evidence: Evidence {
                        mention: Span::new(t0, t1),
                        sentence,
                    },
                    ..Title::default()
                }],
                roles: vec![],
                mentions: vec![Evidence {
                    mention: Span::new(start, end),
                    sentence,
                }],
            });
        }
        text.push_str("chủ trì hội nghị.");
        for o in &mut officials {
            o.mentions[0].sentence = Span::new(0, text.len());
            o.titles[0].evidence.sentence = Span::new(0, text.len());
        }
        let id = match lib.add_article(&text, Source::default(), i as u64, 1) {
            Ok(a) => a.id().clone(),
            Err(e) => panic!("{e}"),
        };
        let iso = format!("{:04}-{:02}-{:02}", 2016 + i % 9, 1 + i % 12, 1 + i % 28);
        ex.insert(
            id,
            1,
            Extraction {
                extractor_version: 1,
                date: Some(iso.clone()),
                event_date: Some(EventDate {
                    iso,
                    year_source: YearSource::Explicit,
                    evidence: None,
                }),
                event: nienbieu::extract::Event {
                    kind: EventKind::Conference,
                    ..Default::default()
                },
                place: Some(place.to_string()),
                people: officials,
                text,
                ..Extraction::default()
            },
        );
    }
    (lib, ex)
}

#[test]
fn roster_queries_are_fast_at_scale() {
    let (lib, ex) = world();
    let t = Instant::now();
    let records = Records::build(&lib, &ex);
    let build = t.elapsed();
    let t = Instant::now();
    let roster = Roster::new(&records);
    let index = t.elapsed();
    assert!(roster.len() >= 9_000, "{} people", roster.len());

    // Typing a name, a post, and filtering while sorted by another column.
    let mut worst = std::time::Duration::ZERO;
    let mut queries = Vec::new();
    for typed in ["nguyen van hai", "bi thu tinh uy", "Giám đốc Sở Tài chính"] {
        for n in 1..=typed.chars().count() {
            queries.push(RosterQuery {
                text: typed.chars().take(n).collect(),
                ..Default::default()
            });
        }
    }
    queries.push(RosterQuery {
        province: Some("Nam Định".into()),
        sort: Column::LastSeen,
        descending: true,
        ..Default::default()
    });
    queries.push(RosterQuery {
        text: "tran".into(),
        post: Some(records.posts[0].id.clone()),
        sort: Column::Articles,
        ..Default::default()
    });
    let mut found = 0;
    for q in &queries {
        let t = Instant::now();
        found += roster.query(q).len();
        worst = worst.max(t.elapsed());
    }
    assert!(found > 0);
    println!(
        "scale: {} articles, {} officials: build {:?}, roster index {:?}, worst of {} queries {:?}",
        lib.len(),
        roster.len(),
        build,
        index,
        queries.len(),
        worst
    );
    let bound = if cfg!(debug_assertions) { 500 } else { 50 };
    assert!(worst.as_millis() < bound, "worst query {worst:?}");
}

/// How many articles to offer: just past the 2,000 that must fit, or (with `MEASURE=1`) enough
/// to find the limit.
fn offered() -> usize {
    if std::env::var_os("MEASURE").is_some() {
        8_000
    } else {
        2_100
    }
}

/// Fills a Chromium-sized store with articles in batches until the quota stops it.
fn fill(articles: impl Iterator<Item = String>) -> (usize, usize) {
    let (mut store, mut lib, _) = Store::open(MemoryBackend::chromium());
    let mut batch = Vec::new();
    let mut stored = 0;
    let mut text_bytes = 0;
    let mut articles = articles.peekable();
    while articles.peek().is_some() {
        batch.push(articles.next().unwrap_or_default());
        if batch.len() < 50 && articles.peek().is_some() {
            continue;
        }
        let texts = std::mem::take(&mut batch);
        let n = lib.len();
        let result = store.apply(&mut lib, |l| {
            for (j, t) in texts.iter().enumerate() {
                let _ = l.add_article(t, Source::default(), (n + j) as u64, 1);
            }
        });
        match result {
            Ok(()) => {
                stored = lib.len();
                text_bytes += texts.iter().map(|t| t.len()).sum::<usize>();
            }
            Err(StoreError::Quota) => {
                // Near the limit: one at a time.
                for t in texts {
                    let n = lib.len() as u64;
                    match store.apply(&mut lib, |l| l.add_article(&t, Source::default(), n, 1)) {
                        Ok(_) => {
                            stored = lib.len();
                            text_bytes += t.len();
                        }
                        Err(StoreError::Quota) => return (stored, text_bytes),
                        Err(e) => panic!("{e}"),
                    }
                }
            }
            Err(e) => panic!("{e}"),
        }
    }
    (stored, text_bytes)
}

#[test]
fn two_thousand_real_sized_articles_fit_in_chromium_s_quota() {
    let (stored, bytes) = fill((0..offered()).map(|i| synth::article(i, 7_000)));
    println!(
        "quota: {stored} generated articles of {} bytes on average fit in 5 Mi UTF-16 units",
        bytes / stored.max(1)
    );
    assert!(stored >= 2_000, "only {stored} articles fit");
}

/// The same measure on real articles, when the evaluation set is there: consecutive articles
/// joined into texts of at least 7 KB.
#[test]
fn real_articles_per_quota() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/dev.json");
    let Ok(raw) = std::fs::read_to_string(path) else {
        println!("quota (real): {path} not found, skipped");
        return;
    };
    let docs: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap_or_default();
    let texts: Vec<&str> = docs.iter().filter_map(|d| d["text"].as_str()).collect();
    if texts.is_empty() {
        return;
    }
    // Real-sized texts, each unique (rotating the start so no two are equal).
    let sized = (0..offered()).map(|i| {
        let mut t = format!("{i}\n");
        let mut k = i;
        while t.len() < 7_000 {
            t.push_str(texts[k % texts.len()]);
            t.push_str("\n\n");
            k += 7;
        }
        t
    });
    let (stored, bytes) = fill(sized);
    println!(
        "quota (real): {stored} articles of {} bytes on average from dev.json fit in 5 Mi UTF-16 units",
        bytes / stored.max(1)
    );
    assert!(stored >= 2_000, "only {stored} real articles fit");
}
