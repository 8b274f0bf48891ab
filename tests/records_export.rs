//! Exports and imports: backup round trips, import validation, CSV with BOM, Popolo and
//! TimelineJS.

#[path = "fixtures/support.rs"]
mod support;

use nienbieu::records::export::{self, ImportMode, BOM};
use nienbieu::records::views::{self, Roster, RosterQuery, TimelineQuery};
use nienbieu::records::{Edit, Extractions, Library, OfficialRef, Records, Source, TitleEdit};
use serde_json::Value;
use support::*;

fn lib() -> Library {
    let mut lib = library();
    lib.correct(
        Edit::FixTitle {
            official: OfficialRef::new(&id(NAM_DINH_CONGRESS), "Phạm Văn Lộc"),
            from: None,
            to: Some(TitleEdit::held("Chủ tịch UBND tỉnh")),
        },
        7,
    );
    lib
}

fn records(lib: &Library) -> Records {
    let mut ex = Extractions::new();
    ex.refresh(lib, 2, &extractor_v2);
    Records::build(lib, &ex)
}

#[test]
fn backup_round_trips_by_replace_and_merge() {
    let lib = lib();
    let json = export::backup_json(&lib, 1_800_000_000_000);
    let (replaced, summary) =
        export::import_backup(&json, &Library::new(), ImportMode::Replace).unwrap();
    assert!(replaced.articles().eq(lib.articles()));
    assert_eq!(replaced.corrections(), lib.corrections());
    assert_eq!(summary.articles_added, lib.len());

    // Merging into the same library adds nothing.
    let (merged, summary) = export::import_backup(&json, &lib, ImportMode::Merge).unwrap();
    assert_eq!(merged, lib);
    assert_eq!(
        (summary.articles_added, summary.articles_present),
        (0, lib.len())
    );
    assert_eq!(
        (summary.corrections_added, summary.corrections_present),
        (0, 1)
    );

    // Merging into another library adds the missing articles and corrections after its own.
    let mut other = Library::new();
    other
        .add_article("Một bài khác hẳn.", Source::default(), 5, 1)
        .unwrap();
    other.correct(
        Edit::SetEventTitle {
            article: id("Một bài khác hẳn."),
            title: Some("Bài khác".into()),
        },
        6,
    );
    let (merged, summary) = export::import_backup(&json, &other, ImportMode::Merge).unwrap();
    assert_eq!(merged.len(), lib.len() + 1);
    assert_eq!(summary.corrections_added, 1);
    let ids: Vec<u64> = merged.corrections().iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [1, 2]);
    // The original is untouched.
    assert_eq!(other.len(), 1);
}

#[test]
fn the_backup_fixture_still_imports() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/backup-v1.json");
    let want = lib();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, export::backup_json(&want, 1_800_000_000_000) + "\n").unwrap();
    }
    let json = std::fs::read_to_string(path).unwrap();
    let (imported, _) = export::import_backup(&json, &Library::new(), ImportMode::Replace).unwrap();
    assert!(imported.articles().eq(want.articles()));
    assert_eq!(imported.corrections(), want.corrections());
}

/// (what is wrong, the import, the errors expected as "path: reason" prefixes).
#[test]
fn import_reports_each_wrong_record() {
    let good = export::backup_json(&lib(), 1);
    let mut doc: Value = serde_json::from_str(&good).unwrap();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "not JSON",
            "{ \"format\": ".into(),
            vec!["not JSON (line 1, column 12)"],
        ),
        (
            "not an object",
            "[1, 2]".into(),
            vec!["not a Niên biểu backup"],
        ),
        (
            "wrong format",
            r#"{"format":"other","version":1}"#.into(),
            vec!["format: `other`"],
        ),
        (
            "newer",
            r#"{"format":"nienbieu-backup","version":9}"#.into(),
            vec!["version: 9: made by a newer version"],
        ),
        (
            "missing version",
            r#"{"format":"nienbieu-backup"}"#.into(),
            vec!["version: missing"],
        ),
        (
            "articles not a list",
            r#"{"format":"nienbieu-backup","version":1,"articles":{}}"#.into(),
            vec!["articles: not a list"],
        ),
        {
            let mut d = doc.clone();
            d["articles"][1]["published"] = "28/12/2021".into();
            d["articles"][3]["text"] = "  ".into();
            d["articles"][4]["id"] = "0123456789abcdef01234567".into();
            d["articles"][5].as_object_mut().unwrap().remove("added_ms");
            d["articles"][6]["colour"] = "red".into();
            (
                "bad articles",
                d.to_string(),
                vec![
                    "articles[1].published: `28/12/2021` is not a date",
                    "articles[3].text: empty",
                    "articles[4].id: `0123456789abcdef01234567` does not match the text",
                    "articles[5]: missing field `added_ms`",
                    "articles[6]: unknown field `colour`",
                ],
            )
        },
        {
            let mut d = doc.clone();
            let first = d["articles"][0].clone();
            d["articles"].as_array_mut().unwrap().push(first);
            let n = d["articles"].as_array().unwrap().len() - 1;
            let path: &'static str = Box::leak(
                format!("articles[{n}].id: same article as articles[0]").into_boxed_str(),
            );
            ("duplicate article", d.to_string(), vec![path])
        },
        {
            let mut d = doc.clone();
            let mut c = d["corrections"][0].clone();
            d["corrections"].as_array_mut().unwrap().push(c.clone());
            c["op"] = "paint".into();
            d["corrections"].as_array_mut().unwrap().push(c.clone());
            c["op"] = "drop_official".into();
            c["id"] = 9.into();
            c["official"]["article"] = "nope".into();
            d["corrections"].as_array_mut().unwrap().push(c);
            (
                "bad corrections",
                d.to_string(),
                vec![
                    "corrections[1].id: 1 is also the id of corrections[0]",
                    "corrections[2]: unknown variant `paint`",
                    "corrections[3]: `nope` is not an article id",
                ],
            )
        },
    ];
    let existing = lib();
    for (what, text, want) in cases {
        let errors = export::import_backup(&text, &existing, ImportMode::Replace)
            .map(|_| ())
            .expect_err(what);
        let got: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(got.len(), want.len(), "{what}: {got:#?}");
        for (g, w) in got.iter().zip(&want) {
            assert!(g.starts_with(w), "{what}: `{g}` should start with `{w}`");
        }
    }
    // The good one passes, with a BOM too.
    doc["exported_ms"] = 2.into();
    let with_bom = format!("\u{FEFF}{doc}");
    assert!(export::import_backup(&with_bom, &existing, ImportMode::Merge).is_ok());
}

#[test]
fn roster_csv_has_a_bom_and_vietnamese_intact() {
    let r = records(&lib());
    let roster = Roster::new(&r);
    let rows = roster.query(&RosterQuery {
        text: "nguyen huu tam".into(),
        ..Default::default()
    });
    let bytes = export::roster_csv(&r, &rows);
    assert!(bytes.starts_with(BOM));
    let (header, rows) = export::read_csv(&bytes).unwrap();
    assert_eq!(header[0], "Họ tên");
    assert_eq!(header.len(), 8);
    let table: Vec<String> = rows.iter().map(|r| r.join(" | ")).collect();
    assert_eq!(
        table,
        [
            "Nguyễn Hữu Tâm | Phó Chủ tịch Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân tỉnh | Ủy ban nhân dân tỉnh Nam Định | Nam Định | 2021-12-28 | 2023-03-14 | 2 | nguyen-huu-tam-nam-dinh",
            "Nguyễn Hữu Tâm | Phó Chủ tịch Ủy ban nhân dân tỉnh | Ủy ban nhân dân tỉnh Thái Bình | Thái Bình | --09-07 | --09-07 | 1 | nguyen-huu-tam-thai-binh",
        ]
    );
}

#[test]
fn timeline_csv_and_timelinejs() {
    let r = records(&lib());
    let groups = views::timeline(&r, &TimelineQuery::default());
    let bytes = export::timeline_csv(&r, &groups);
    assert!(bytes.starts_with(BOM));
    let (header, rows) = export::read_csv(&bytes).unwrap();
    assert_eq!(
        header,
        [
            "Ngày",
            "Loại",
            "Sự kiện",
            "Người tham gia",
            "Nguồn",
            "Mã bài"
        ]
    );
    assert_eq!(rows.len(), corpus().len());
    assert_eq!(rows[0][0], "2020-10-15");
    assert_eq!(rows[0][1], "Đại hội");
    assert_eq!(rows[0][3], "Trần Quang Minh; Phạm Văn Lộc");
    assert_eq!(rows[0][4], "https://example.vn/nam-dinh-congress.html");

    let tl: Value =
        serde_json::from_str(&export::timelinejs_json(&r, &groups, "Nam Định & lân cận")).unwrap();
    assert_eq!(tl["title"]["text"]["headline"], "Nam Định &amp; lân cận");
    let events = tl["events"].as_array().unwrap();
    // The Thái Bình inspection has no year: TimelineJS cannot place it.
    assert_eq!(events.len(), corpus().len() - 1);
    assert_eq!(
        events[0]["start_date"],
        serde_json::json!({"year": 2020, "month": 10, "day": 15})
    );
    assert_eq!(events[0]["group"], "Đại hội");
}

#[test]
fn popolo_has_persons_posts_and_memberships_with_sources() {
    let r = records(&lib());
    let doc: Value = serde_json::from_str(&export::popolo_json(&r)).unwrap();
    assert_eq!(doc["persons"].as_array().unwrap().len(), r.people.len());
    assert_eq!(doc["posts"].as_array().unwrap().len(), r.posts.len());
    assert_eq!(
        doc["organizations"].as_array().unwrap().len(),
        r.organizations.len()
    );
    let memberships = doc["memberships"].as_array().unwrap();
    assert_eq!(memberships.len(), r.tenures.len());
    let minh = memberships
        .iter()
        .find(|m| {
            m["person_id"] == "tran-quang-minh-nam-dinh"
                && m["post_id"] == "bi-thu--tinh-uy--nam-dinh"
        })
        .unwrap();
    assert_eq!(minh["start_date"], "2020-10-15");
    assert!(
        minh.get("end_date").is_none(),
        "\"nguyên\" bounds the end, it does not date it"
    );
    assert_eq!(minh["ended_by"], "2024-05-20");
    assert_eq!(minh["organization_id"], "tinh-uy--nam-dinh");
    assert_eq!(minh["sources"].as_array().unwrap().len(), 4);
    assert!(minh["sources"][0]["note"]
        .as_str()
        .unwrap()
        .contains("Trần Quang Minh"));
    let loc = memberships
        .iter()
        .find(|m| {
            m["person_id"] == "pham-van-loc-nam-dinh"
                && m["post_id"] == "chu-tich--uy-ban-nhan-dan--nam-dinh"
        })
        .unwrap();
    assert_eq!(loc["end_date"], "2023-03-14");
    // Year-less dates are not Popolo dates.
    let tam = memberships
        .iter()
        .find(|m| m["person_id"] == "nguyen-huu-tam-thai-binh")
        .unwrap();
    assert!(tam.get("start_date").is_none());
    assert_eq!(tam["first_seen"], "--09-07");
    let org = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "uy-ban-nhan-dan--nam-dinh")
        .unwrap();
    assert_eq!(org["classification"], "executive");
    assert_eq!(org["area"]["name"], "Nam Định");
}
