//! Deriving people, posts, tenures and histories from example articles, and corrections that
//! survive re-extraction by a better extractor.

#[path = "fixtures/support.rs"]
mod support;

use nienbieu::extract::{EventKind, Span, TitleChange};
use nienbieu::records::derive::{BoundKind, Status};
use nienbieu::records::views::{self, Column, Roster, RosterQuery, TimelineQuery};
use nienbieu::records::{Edit, Extractions, Library, OfficialRef, PartialDate, Records, TitleEdit};
use support::*;

fn build(lib: &Library, version: u32) -> Records {
    let mut ex = Extractions::new();
    let f = if version == 1 {
        extractor_v1
    } else {
        extractor_v2
    };
    ex.refresh(lib, version, &f);
    Records::build(lib, &ex)
}

/// One line per person and per tenure, to compare records as a whole.
fn summary(r: &Records) -> Vec<String> {
    let d = |d: Option<PartialDate>| d.map(|d| d.iso()).unwrap_or_else(|| "?".into());
    let mut out = Vec::new();
    for p in &r.people {
        out.push(format!("{} = {} {:?}", p.id, p.name, p.places));
        for &t in &p.tenures {
            let t = r.tenure(t);
            out.push(format!(
                "  {} | {}..{} | start {} | end {} | {:?}",
                r.post(t.post).label,
                d(t.first_seen),
                d(t.last_seen),
                t.start
                    .as_ref()
                    .map(|b| d(b.date))
                    .unwrap_or_else(|| "-".into()),
                t.end
                    .as_ref()
                    .map(|b| format!("{} {:?}", d(b.date), b.kind))
                    .unwrap_or_else(|| "-".into()),
                t.status,
            ));
        }
    }
    out
}

/// The names of a post's holders, in the history's order.
fn holder_names<'r>(r: &'r Records, h: &views::PostHistory) -> Vec<&'r str> {
    h.holders
        .iter()
        .map(|x| r.person(r.tenure(x.tenure).person).name.as_str())
        .collect()
}

const EXPECTED: &str = "\
le-thi-hoa-nam-dinh = Lê Thị Hoa [\"Nam Định\"]
  Bí thư Tỉnh ủy Nam Định | 2022-06-01..2022-06-01 | start - | end 2022-08-01 Superseded | Ended
le-van-thanh-tay-ninh = Lê Văn Thành [\"Tây Ninh\"]
  Ủy viên Ban Chấp hành Đảng bộ tỉnh Tây Ninh | 2022-04-03..2022-04-03 | start - | end - | Current
  Giám đốc Sở Tài chính tỉnh Tây Ninh | 2022-04-03..2022-04-03 | start 2022-04-03 | end - | Current
le-van-thanh-ha-noi = Lê Văn Thành [\"Hà Nội\"]
  Phó Chủ tịch Ủy ban nhân dân thành phố Hà Nội | 2022-06-09..2022-06-09 | start - | end - | Current
nguyen-huu-tam-nam-dinh = Nguyễn Hữu Tâm [\"Nam Định\"]
  Phó Chủ tịch Ủy ban nhân dân tỉnh Nam Định | 2021-12-28..2023-03-14 | start - | end - | Current
  Chủ tịch Ủy ban nhân dân tỉnh Nam Định | 2023-03-14..2023-03-14 | start 2023-03-14 | end - | Current
nguyen-huu-tam-thai-binh = Nguyễn Hữu Tâm [\"Thái Bình\"]
  Phó Chủ tịch Ủy ban nhân dân tỉnh Thái Bình | --09-07..--09-07 | start - | end - | Current
pham-van-loc-nam-dinh = Phạm Văn Lộc [\"Nam Định\"]
  Phó Bí thư Tỉnh ủy Nam Định | 2020-10-15..2021-12-28 | start - | end - | Current
  Chủ tịch Ủy ban nhân dân tỉnh Nam Định | 2020-10-15..2021-12-28 | start - | end 2023-03-14 Stated | Ended
tran-quang-minh-nam-dinh = Trần Quang Minh [\"Nam Định\"]
  Bí thư Tỉnh ủy Nam Định | 2020-10-15..2022-08-01 | start 2020-10-15 | end 2024-05-20 EndedBy | Ended
  Ủy viên Ban Chấp hành Trung ương Đảng | 2024-05-20..2024-05-20 | start - | end - | Current
  Phó Trưởng Ban Tuyên giáo Trung ương | 2024-05-20..2024-05-20 | start - | end - | Current
vo-minh-chau-tay-ninh = Võ Minh Châu [\"Tây Ninh\"]
  Bí thư Tỉnh ủy Tây Ninh | 2022-04-03..2022-04-03 | start - | end - | Current";

#[test]
fn derives_people_posts_and_tenures() {
    let r = build(&library(), 2);
    assert_eq!(summary(&r).join("\n"), EXPECTED);
}

#[test]
fn the_same_name_in_two_provinces_is_two_people() {
    let r = build(&library(), 2);
    for name in ["Nguyễn Hữu Tâm", "Lê Văn Thành"] {
        let n = r.people.iter().filter(|p| p.name == name).count();
        assert_eq!(n, 2, "{name}");
    }
    // A national mention ("nguyên Bí thư Tỉnh ủy Nam Định" in a Hà Nam article) joins the only
    // Trần Quang Minh.
    assert_eq!(
        r.people
            .iter()
            .filter(|p| p.name == "Trần Quang Minh")
            .count(),
        1
    );
}

#[test]
fn every_fact_has_its_evidence() {
    let r = build(&library(), 2);
    for t in &r.tenures {
        for f in &t.facts {
            let sentence = views::evidence_text(&r, &f.source);
            let name = &r.person(t.person).name;
            let text = &r.corrected[f.source.article.ix()].text;
            assert!(!sentence.is_empty(), "{name}: {}", f.title);
            assert!(
                f.source
                    .evidence
                    .mention
                    .slice(text)
                    .contains(name.as_str())
                    || sentence.contains(name.as_str())
                    || f.source.evidence.mention.slice(text) == f.title,
                "{name}: {} in {sentence}",
                f.title
            );
        }
    }
}

#[test]
fn post_history_orders_holders_and_flags_conflicts_and_gaps() {
    let r = build(&library(), 2);
    let post = r
        .post_ix("chu-tich--uy-ban-nhan-dan--nam-dinh")
        .expect("post");
    let h = views::post_history(&r, post);
    let holders = holder_names(&r, &h);
    assert_eq!(holders, ["Phạm Văn Lộc", "Nguyễn Hữu Tâm"]);
    assert_eq!(h.holders[0].successor, Some(h.holders[1].tenure));
    assert_eq!(h.holders[1].predecessor, Some(h.holders[0].tenure));
    assert!(h.conflicts.is_empty());
    // Left on 2023-03-14 and elected the same day: no gap.
    assert!(h.gaps.is_empty());

    // Two secretaries on record in the summer of 2022.
    let post = r.post_ix("bi-thu--tinh-uy--nam-dinh").expect("post");
    let h = views::post_history(&r, post);
    assert_eq!(h.conflicts.len(), 1);
    let c = h.conflicts[0];
    let mut names = [
        r.person(r.tenure(c.a).person).name.as_str(),
        r.person(r.tenure(c.b).person).name.as_str(),
    ];
    names.sort();
    assert_eq!(names, ["Lê Thị Hoa", "Trần Quang Minh"]);
}

#[test]
fn a_gap_between_holders_is_flagged() {
    let mut lib = library();
    // The chairman leaves in March 2023 and the next is elected in July: vacant in between.
    let text = "HĐND tỉnh bầu Chủ tịch UBND tỉnh\n\nNgày 10-7-2023, HĐND tỉnh bầu ông Đỗ Văn Hải giữ chức Chủ tịch UBND tỉnh.";
    lib.add_article(text, Default::default(), 1_800_000_000_000, 2)
        .unwrap();
    let mut ex = Extractions::new();
    ex.refresh(&lib, 2, &extractor_v2);
    let s = Sample {
        name: "gap",
        text,
        published: None,
        place: Some("Nam Định"),
        date: Some(("2023-07-10", nienbieu::extract::YearSource::Explicit)),
        kind: EventKind::CouncilSession,
        headline: None,
        people: vec![p("Đỗ Văn Hải", &[taken("Chủ tịch Ủy ban nhân dân tỉnh")])],
        v1_people: None,
    };
    let e = extraction(text, &s, &s.people, 2);
    ex.insert(id(text), 2, e);
    let r = Records::build(&lib, &ex);
    let post = r
        .post_ix("chu-tich--uy-ban-nhan-dan--nam-dinh")
        .expect("post");
    let h = views::post_history(&r, post);
    let holders = holder_names(&r, &h);
    assert_eq!(holders, ["Phạm Văn Lộc", "Nguyễn Hữu Tâm", "Đỗ Văn Hải"]);
    // Tâm was elected in March; Hải in July: Tâm is superseded, and the record has a gap
    // between Tâm's last mention and Hải's election, which no article states as a vacancy.
    let tam = r.tenure(h.holders[1].tenure);
    assert_eq!(tam.status, Status::Ended);
    assert_eq!(
        tam.end.as_ref().map(|b| b.kind),
        Some(BoundKind::Superseded)
    );
    assert_eq!(h.gaps.len(), 1);
    assert_eq!(
        (h.gaps[0].from.iso(), h.gaps[0].to.iso(), h.gaps[0].vacant),
        ("2023-03-14".to_string(), "2023-07-10".to_string(), false)
    );
}

/// The user's corrections made while version 1 was current.
fn corrections_on_v1(lib: &mut Library) {
    let congress = id(NAM_DINH_CONGRESS);
    let conference = id(NAM_DINH_CONFERENCE);
    let session = id(NAM_DINH_SESSION);
    let thai_binh = id(THAI_BINH_INSPECTION);
    // The byline is not an official.
    lib.correct(
        Edit::DropOfficial {
            official: OfficialRef::new(&congress, "Hoàng Lan"),
        },
        1,
    );
    // The chair's second title was missed.
    lib.correct(
        Edit::FixTitle {
            official: OfficialRef::new(&congress, "Phạm Văn Lộc"),
            from: None,
            to: Some(TitleEdit::held("Chủ tịch UBND tỉnh")),
        },
        2,
    );
    // "Hữu Tâm" is Nguyễn Hữu Tâm.
    let at = NAM_DINH_CONFERENCE.find("Nguyễn Hữu Tâm").unwrap() + "Nguyễn ".len();
    lib.correct(
        Edit::FixName {
            official: OfficialRef::new(&conference, "Hữu Tâm")
                .at(Span::new(at, at + "Hữu Tâm".len())),
            name: "Nguyễn Hữu Tâm".into(),
        },
        3,
    );
    // The newly elected chairman was missed.
    let at = NAM_DINH_SESSION.rfind("Nguyễn Hữu Tâm").unwrap();
    lib.correct(
        Edit::AddOfficial {
            article: session.clone(),
            name: "Nguyễn Hữu Tâm".into(),
            titles: vec![
                TitleEdit::held("Phó Chủ tịch UBND tỉnh"),
                TitleEdit {
                    text: "Chủ tịch UBND tỉnh".into(),
                    change: TitleChange::Taken,
                    ..TitleEdit::default()
                },
            ],
            roles: vec![],
            selection: Span::new(at, at + "Nguyễn Hữu Tâm".len()),
        },
        4,
    );
    // The user knows the year of the storm.
    lib.correct(
        Edit::SetEventDate {
            article: thai_binh,
            date: PartialDate::parse("2024-09-07"),
        },
        5,
    );
}

#[test]
fn corrections_survive_re_extraction() {
    let mut lib = library();
    corrections_on_v1(&mut lib);
    let v1 = build(&lib, 1);
    let v2 = build(&lib, 2);
    // What the user fixed by hand on version 1 is what version 2 reads with the same fixes:
    // no correction lost, none applied twice.
    assert_eq!(summary(&v1), summary(&v2));
    // Every correction still stands; the byline drop has nothing left to drop in version 2,
    // and says so instead of vanishing.
    assert_eq!(lib.corrections().len(), 5);
    assert!(v1.unmatched.is_empty(), "{:?}", v1.unmatched);
    assert_eq!(v2.unmatched.len(), 1);
    assert_eq!(v2.unmatched[0].correction, lib.corrections()[0].id);
    // The corrected records are version 2's, with the date the user set.
    let want = EXPECTED.replace(
        "Thái Bình | --09-07..--09-07",
        "Thái Bình | 2024-09-07..2024-09-07",
    );
    assert_eq!(summary(&v2).join("\n"), want);
    // Version 1 without corrections differs: the flaws are real.
    assert_ne!(summary(&build(&library(), 1)).join("\n"), EXPECTED);
}

#[test]
fn refresh_reads_only_what_is_stale() {
    let lib = library();
    let mut ex = Extractions::new();
    assert_eq!(ex.refresh(&lib, 1, &extractor_v1).len(), lib.len());
    assert_eq!(ex.refresh(&lib, 1, &extractor_v1).len(), 0);
    assert_eq!(ex.refresh(&lib, 2, &extractor_v2).len(), lib.len());
}

#[test]
fn merge_split_and_undo() {
    let mut lib = library();
    let before = summary(&build(&lib, 2));
    let tay_ninh = OfficialRef::new(&id(TAY_NINH_APPOINTMENT), "Lê Văn Thành");
    let ha_noi = OfficialRef::new(&id(HA_NOI_MEETING), "Lê Văn Thành");
    lib.correct(
        Edit::Merge {
            a: tay_ninh.clone(),
            b: ha_noi.clone(),
        },
        10,
    );
    let merged = build(&lib, 2);
    assert_eq!(
        merged
            .people
            .iter()
            .filter(|p| p.name == "Lê Văn Thành")
            .count(),
        1
    );
    assert_eq!(
        merged.person_of_official(&tay_ninh),
        merged.person_of_official(&ha_noi)
    );
    let p = merged.person(merged.person_of_official(&ha_noi).unwrap());
    assert_eq!(p.tenures.len(), 3);

    // Split the Hà Nội mention off again: back to two people.
    lib.correct(
        Edit::Split {
            mentions: vec![ha_noi.clone()],
        },
        11,
    );
    assert_eq!(summary(&build(&lib, 2)), before);

    // Undo the split: merged again; undo the merge: as before; redo both.
    lib.undo();
    assert_eq!(summary(&build(&lib, 2)), summary(&merged));
    lib.undo();
    assert_eq!(summary(&build(&lib, 2)), before);
    assert!(!lib.can_undo());
    lib.redo();
    lib.redo();
    assert_eq!(summary(&build(&lib, 2)), before);
    assert!(!lib.can_redo());
}

#[test]
fn split_what_the_rule_joined() {
    // Two Trần Quang Minh after all: the one in the Hà Nam article is someone else.
    let mut lib = library();
    let central = OfficialRef::new(&id(CENTRAL_VISIT), "Trần Quang Minh");
    lib.correct(
        Edit::Split {
            mentions: vec![central.clone()],
        },
        1,
    );
    let r = build(&lib, 2);
    let minhs: Vec<_> = r
        .people
        .iter()
        .filter(|p| p.name == "Trần Quang Minh")
        .collect();
    assert_eq!(minhs.len(), 2);
    let ids: Vec<&str> = minhs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["tran-quang-minh-nam-dinh", "tran-quang-minh-nam-dinh-2"]
    );
}

#[test]
fn roster_search_sort_and_filter() {
    let r = build(&library(), 2);
    let roster = Roster::new(&r);
    assert_eq!(roster.len(), r.people.len());
    let names = |q: &RosterQuery| -> Vec<String> {
        roster.query(q).iter().map(|row| row.name.clone()).collect()
    };
    let q = |text: &str| RosterQuery {
        text: text.into(),
        ..Default::default()
    };
    assert_eq!(names(&q("tran quang minh")), ["Trần Quang Minh"]);
    assert_eq!(names(&q("TRẦN quang MINH")), ["Trần Quang Minh"]);
    assert_eq!(
        names(&q("bi thu tinh uy")),
        [
            "Lê Thị Hoa",
            "Phạm Văn Lộc",
            "Trần Quang Minh",
            "Võ Minh Châu"
        ]
    );
    assert_eq!(names(&q("giam doc so tai chinh")), ["Lê Văn Thành"]);
    assert!(names(&q("không có ai")).is_empty());

    let by_province = RosterQuery {
        province: Some("thai binh".into()),
        ..Default::default()
    };
    assert_eq!(names(&by_province), ["Nguyễn Hữu Tâm"]);
    let by_post = RosterQuery {
        post: Some("chu-tich--uy-ban-nhan-dan--nam-dinh".into()),
        ..Default::default()
    };
    assert_eq!(names(&by_post), ["Nguyễn Hữu Tâm", "Phạm Văn Lộc"]);
    let by_org = RosterQuery {
        organization: Some("tinh-uy--tay-ninh".into()),
        ..Default::default()
    };
    assert_eq!(names(&by_org), ["Võ Minh Châu"]);

    // Sorted by each column, both ways.
    for col in Column::ALL {
        let asc = RosterQuery {
            sort: col,
            ..Default::default()
        };
        let desc = RosterQuery {
            descending: true,
            ..asc.clone()
        };
        let mut a = names(&asc);
        let mut d = names(&desc);
        assert_eq!(a.len(), roster.len(), "{col:?}");
        a.sort();
        d.sort();
        assert_eq!(a, d, "{col:?}");
    }
    let by_last_seen = RosterQuery {
        sort: Column::LastSeen,
        descending: true,
        ..Default::default()
    };
    let order = names(&by_last_seen);
    assert_eq!(order[0], "Trần Quang Minh");
    // Seen only on a date whose year is unknown: last either way.
    assert_eq!(order.last().map(String::as_str), Some("Nguyễn Hữu Tâm"));
    let ascending = names(&RosterQuery {
        sort: Column::LastSeen,
        ..Default::default()
    });
    assert_eq!(ascending.last().map(String::as_str), Some("Nguyễn Hữu Tâm"));
    assert_eq!(ascending[0], "Lê Văn Thành");
    let by_articles = RosterQuery {
        sort: Column::Articles,
        descending: true,
        ..Default::default()
    };
    assert_eq!(names(&by_articles)[0], "Trần Quang Minh");

    // A row shows the latest titles, organisation and place.
    let row = roster
        .rows()
        .iter()
        .find(|row| row.name == "Trần Quang Minh")
        .unwrap();
    assert_eq!(
        row.titles,
        [
            "Ủy viên Ban Chấp hành Trung ương Đảng",
            "nguyên Bí thư Tỉnh ủy Nam Định",
            "Phó Trưởng ban Tuyên giáo Trung ương"
        ]
    );
    // The organisation of the post held now: not of a committee seat, nor of a post left.
    assert_eq!(
        row.organization.as_deref(),
        Some("Ban Tuyên giáo Trung ương")
    );
    assert_eq!(row.articles, 4);
    assert_eq!(
        row.first_seen.map(|d| d.iso()).as_deref(),
        Some("2020-10-15")
    );
    assert_eq!(
        row.last_seen.map(|d| d.iso()).as_deref(),
        Some("2024-05-20")
    );
}

#[test]
fn timeline_groups_by_year_and_month() {
    let r = build(&library(), 2);
    let all = views::timeline(&r, &TimelineQuery::default());
    let shape: Vec<(Option<i32>, Option<u8>, usize)> = all
        .iter()
        .map(|g| (g.year, g.month, g.events.len()))
        .collect();
    assert_eq!(
        shape,
        [
            (Some(2020), Some(10), 1),
            (Some(2021), Some(12), 1),
            (Some(2022), Some(4), 1),
            (Some(2022), Some(6), 2),
            (Some(2022), Some(8), 1),
            (Some(2023), Some(3), 1),
            (Some(2024), Some(5), 1),
            (None, Some(9), 1),
        ]
    );
    let minh = r.person_ix("tran-quang-minh-nam-dinh").unwrap();
    let his: usize = views::timeline(
        &r,
        &TimelineQuery {
            person: Some(minh),
            ..Default::default()
        },
    )
    .iter()
    .map(|g| g.events.len())
    .sum();
    assert_eq!(his, 4);
    let visits: usize = views::timeline(
        &r,
        &TimelineQuery {
            kind: Some(EventKind::WorkingVisit),
            ..Default::default()
        },
    )
    .iter()
    .map(|g| g.events.len())
    .sum();
    assert_eq!(visits, 3);
    let org = r.org_ix("uy-ban-nhan-dan--nam-dinh").unwrap();
    let council: Vec<_> = views::timeline(
        &r,
        &TimelineQuery {
            organization: Some(org),
            ..Default::default()
        },
    );
    assert_eq!(council.iter().map(|g| g.events.len()).sum::<usize>(), 3);
}

#[test]
fn person_history_shows_titles_over_time_with_evidence() {
    let r = build(&library(), 2);
    let minh = r.person_ix("tran-quang-minh-nam-dinh").unwrap();
    let h = views::person_history(&r, minh);
    let posts: Vec<(&str, Status)> = h
        .tenures
        .iter()
        .map(|t| (t.post_label.as_str(), t.status))
        .collect();
    assert_eq!(
        posts,
        [
            ("Bí thư Tỉnh ủy Nam Định", Status::Ended),
            ("Ủy viên Ban Chấp hành Trung ương Đảng", Status::Current),
            ("Phó Trưởng Ban Tuyên giáo Trung ương", Status::Current),
        ]
    );
    let secretary = &h.tenures[0];
    let facts: Vec<(String, &str, TitleChange, bool)> = secretary
        .facts
        .iter()
        .map(|f| (f.date.unwrap().iso(), f.title.as_str(), f.change, f.former))
        .collect();
    assert_eq!(
        facts,
        [
            (
                "2020-10-15".into(),
                "Bí thư Tỉnh ủy",
                TitleChange::Taken,
                false
            ),
            (
                "2021-12-28".into(),
                "Bí thư Tỉnh ủy",
                TitleChange::Held,
                false
            ),
            (
                "2022-08-01".into(),
                "Bí thư Tỉnh ủy",
                TitleChange::Held,
                false
            ),
            (
                "2024-05-20".into(),
                "nguyên Bí thư Tỉnh ủy Nam Định",
                TitleChange::Held,
                true
            ),
        ]
    );
    assert!(secretary.facts[0]
        .sentence
        .contains("bầu đồng chí Trần Quang Minh giữ chức Bí thư Tỉnh ủy"));
    assert_eq!(secretary.end_kind, Some(BoundKind::EndedBy));
}

#[test]
fn the_crate_s_extractor_is_one_call_away() {
    // Whatever the extractor finds, every article is read and has its event.
    let lib = library();
    let r = Records::from_library(&lib);
    assert_eq!(r.articles.len(), lib.len());
    assert_eq!(r.events.len(), lib.len());
    assert!(r.unread.is_empty());
    // An article missing from the cache given to `build` is reported, not dropped.
    let r = Records::build(&lib, &Extractions::new());
    assert_eq!(r.unread.len(), lib.len());
    assert_eq!(r.articles.len(), lib.len());
}

/// The user adds, in the words of the post with its place, a title the extractor also reads
/// without it: one article, one post, one fact (not two).
#[test]
fn a_title_said_twice_of_one_post_in_one_article_is_one_fact() {
    let mut lib = Library::new();
    lib.add_article(NAM_DINH_CONGRESS, Default::default(), 1, 2)
        .unwrap();
    let article = id(NAM_DINH_CONGRESS);
    let at = NAM_DINH_CONGRESS.find("Phạm Văn Lộc").unwrap();
    lib.correct(
        Edit::AddOfficial {
            article: article.clone(),
            name: "Phạm Văn Lộc".into(),
            titles: vec![TitleEdit::held("Phó Bí thư Tỉnh ủy Nam Định")],
            roles: vec![],
            selection: Span::new(at, at + "Phạm Văn Lộc".len()),
        },
        2,
    );
    let r = build(&lib, 2);
    let loc = r.people.iter().find(|p| p.name == "Phạm Văn Lộc").unwrap();
    let deputy = loc
        .tenures
        .iter()
        .map(|&t| r.tenure(t))
        .find(|t| r.post(t.post).label.starts_with("Phó Bí thư Tỉnh ủy"))
        .unwrap();
    assert_eq!(deputy.facts.len(), 1, "{:?}", deputy.facts);
    assert_eq!(deputy.facts[0].title, "Phó Bí thư Tỉnh ủy Nam Định");
}

/// "X được bầu giữ chức T thay ông Y": one sentence names both holders of the post, in order,
/// with no gap between them (the crate's own extractor, not a fixture).
#[test]
fn one_article_names_a_post_s_outgoing_and_incoming_holders() {
    let mut lib = Library::new();
    let text = "HĐND tỉnh Quảng Trị bầu Chủ tịch UBND tỉnh\n\nChiều 28-6-2023, HĐND tỉnh Quảng Trị khóa VIII tổ chức kỳ họp thứ 15. Ông Trần Quốc Nam được bầu giữ chức Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026 thay ông Lưu Xuân Vĩnh nghỉ hưu.";
    lib.add_article(text, Default::default(), 1_800_000_000_000, 1)
        .unwrap();
    let r = Records::from_library(&lib);
    let post = r
        .post_ix("chu-tich--uy-ban-nhan-dan--quang-tri")
        .unwrap_or_else(|| panic!("post; records:\n{}", summary(&r).join("\n")));
    let h = views::post_history(&r, post);
    let holders = holder_names(&r, &h);
    assert_eq!(holders, ["Lưu Xuân Vĩnh", "Trần Quốc Nam"]);
    assert_eq!(h.holders[0].successor, Some(h.holders[1].tenure));
    let outgoing = r.tenure(h.holders[0].tenure);
    assert_eq!(outgoing.status, Status::Ended);
    assert!(h.gaps.is_empty() && h.conflicts.is_empty());
}
