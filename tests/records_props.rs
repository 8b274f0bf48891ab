//! Property tests: date order, packing, merge/split/undo, backups, atomic commits under random
//! faults, and no panics on arbitrary input.

#[path = "fixtures/support.rs"]
mod support;

use nienbieu::extract::Span;
use nienbieu::records::export::{self, ImportMode};
use nienbieu::records::store::{MemoryBackend, Store};
use nienbieu::records::{
    correct, pack, post, Edit, Extractions, Library, OfficialRef, PartialDate, Records, Source,
    TitleEdit,
};
use proptest::prelude::*;
use std::cmp::Ordering;
use support::*;

fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (2000i32..2030, 1u8..13, 1u8..29).prop_map(|(y, m, d)| PartialDate::ymd(y, m, d).unwrap()),
        (2000i32..2030, 1u8..13).prop_map(|(y, m)| PartialDate::ym(y, m).unwrap()),
        (2000i32..2030).prop_map(|y| PartialDate::y(y).unwrap()),
        (1u8..13, 1u8..29).prop_map(|(m, d)| PartialDate::md(m, d).unwrap()),
    ]
}

/// Text with Vietnamese letters, punctuation and line breaks.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Bí thư"),
            Just("Tỉnh ủy"),
            Just("Nguyễn"),
            Just("Văn"),
            Just(" "),
            Just(", "),
            Just(". "),
            Just("\n"),
            Just("UBND"),
            Just("nguyên"),
            Just("tỉnh"),
            Just("khóa"),
            Just("-"),
            Just("Đ"),
            Just("\u{301}"),
            Just("x"),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    /// The stored form is a fixed point, so a stored article is recognised as stored (and its id
    /// kept) without being normalized again.
    #[test]
    fn the_stored_form_of_a_text_is_its_own_stored_form(text in "[ \t\r\na-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐÐ\u{0300}-\u{0323}\u{200B}\u{FEFF}\u{2028}\u{00A0}.,-]{0,80}") {
        let once = nienbieu::records::article::canonical_text(&text);
        prop_assert_eq!(nienbieu::records::article::canonical_text(&once), once.clone());
        prop_assert_eq!(nienbieu::records::ArticleId::of_text(&once), nienbieu::records::ArticleId::of_text(&text));
    }

    #[test]
    fn date_order_is_consistent(a in date(), b in date(), c in date()) {
        prop_assert_eq!(PartialDate::parse(&a.iso()), Some(a));
        match a.cmp_known(&b) {
            Some(Ordering::Less) => prop_assert!(a < b && b.cmp_known(&a) == Some(Ordering::Greater)),
            Some(Ordering::Greater) => prop_assert!(a > b),
            Some(Ordering::Equal) => prop_assert_eq!(a, b),
            None => prop_assert!(a.year().is_none() || b.year().is_none() || a.cmp_known(&b).is_none()),
        }
        if a.before(&b) && b.before(&c) {
            prop_assert!(a.before(&c));
        }
    }

    #[test]
    fn packing_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..600), s in ".{0,200}") {
        prop_assert_eq!(pack::unpack(&pack::pack(&bytes)), Ok(bytes));
        prop_assert_eq!(pack::decode(&pack::encode(&s)), Ok(s));
    }

    #[test]
    fn unpacking_anything_never_panics(s in ".{0,100}") {
        let _ = pack::decode(&s);
    }

    #[test]
    fn titles_never_panic(title in text(), place in proptest::option::of(text())) {
        let p = post::resolve(&title, place.as_deref());
        prop_assert!(!p.key.is_empty());
    }

    #[test]
    fn corrections_with_any_span_never_panic(start in 0usize..2000, len in 0usize..2000, name in text()) {
        let mut lib = library();
        let article = id(NAM_DINH_SESSION);
        lib.correct(Edit::AddOfficial {
            article: article.clone(),
            name: name.clone(),
            titles: vec![TitleEdit::held(&name)],
            roles: vec![],
            selection: Span::new(start, start.saturating_add(len)),
        }, 1);
        lib.correct(Edit::FixName {
            official: OfficialRef::new(&article, &name).at(Span::new(start, start + len)),
            name: name.clone(),
        }, 2);
        let _ = correct::sentence_around(NAM_DINH_SESSION, Span::new(start, start + len));
        let mut ex = Extractions::new();
        ex.refresh(&lib, 2, &extractor_v2);
        let r = Records::build(&lib, &ex);
        let _ = nienbieu::records::views::Roster::new(&r);
    }

    #[test]
    fn importing_anything_never_panics(s in ".{0,300}") {
        let _ = export::import_backup(&s, &Library::new(), ImportMode::Merge);
    }
}

/// The mentions of every person, as sets of (article, name): the identity partition.
fn partition(r: &Records) -> Vec<Vec<(String, String)>> {
    let mut parts: Vec<Vec<(String, String)>> = r
        .people
        .iter()
        .map(|p| {
            let mut v: Vec<(String, String)> = p
                .mentions
                .iter()
                .map(|&m| {
                    (
                        r.article(m.article).id.to_string(),
                        r.official(m).name.clone(),
                    )
                })
                .collect();
            v.sort();
            v
        })
        .collect();
    parts.sort();
    parts
}

fn build(lib: &Library) -> Records {
    let mut ex = Extractions::new();
    ex.refresh(lib, 2, &extractor_v2);
    Records::build(lib, &ex)
}

/// Every (article, official name) of the sample corpus as version 2 reads it.
fn all_refs() -> Vec<OfficialRef> {
    corpus()
        .iter()
        .flat_map(|s| {
            s.people
                .iter()
                .map(|p| OfficialRef::new(&id(s.text), p.name))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[derive(Debug, Clone)]
enum IdOp {
    Merge(usize, usize),
    Split(Vec<usize>),
}

fn id_ops() -> impl Strategy<Value = Vec<IdOp>> {
    let n = all_refs().len();
    proptest::collection::vec(
        prop_oneof![
            (0..n, 0..n).prop_map(|(a, b)| IdOp::Merge(a, b)),
            proptest::collection::vec(0..n, 1..4).prop_map(IdOp::Split),
        ],
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merges_and_splits_partition_and_undo(ops in id_ops()) {
        let refs = all_refs();
        let mut lib = library();
        let before = partition(&build(&lib));
        for (t, op) in (10..).zip(&ops) {
            let edit = match op {
                IdOp::Merge(a, b) => Edit::Merge { a: refs[*a].clone(), b: refs[*b].clone() },
                IdOp::Split(ms) => Edit::Split { mentions: ms.iter().map(|&m| refs[m].clone()).collect() },
            };
            lib.correct(edit, t);
            let r = build(&lib);
            // Every mention belongs to exactly one person, and no person is empty.
            let total: usize = r.people.iter().map(|p| p.mentions.len()).sum();
            prop_assert_eq!(total, r.person_of.len());
            prop_assert!(r.people.iter().all(|p| !p.mentions.is_empty()));
            if let IdOp::Merge(a, b) = op {
                prop_assert_eq!(r.person_of_official(&refs[*a]), r.person_of_official(&refs[*b]));
            }
            if let IdOp::Split(ms) = op {
                // The split mentions are together and with nobody else.
                let p = r.person_of_official(&refs[ms[0]]).unwrap();
                let mut wanted: Vec<_> = ms.iter().map(|&m| (refs[m].article.to_string(), refs[m].name.clone())).collect();
                wanted.sort();
                wanted.dedup();
                let mut got: Vec<_> = r.person(p).mentions.iter()
                    .map(|&m| (r.article(m.article).id.to_string(), r.official(m).name.clone()))
                    .collect();
                got.sort();
                prop_assert_eq!(got, wanted);
            }
        }
        while lib.undo().is_some() {}
        prop_assert_eq!(partition(&build(&lib)), before);
    }

    #[test]
    fn backups_round_trip(
        picks in proptest::collection::vec(any::<bool>(), 9),
        dates in proptest::collection::vec(proptest::option::of(date()), 3),
    ) {
        let mut lib = Library::new();
        for (i, (s, keep)) in corpus().iter().zip(&picks).enumerate() {
            if *keep {
                lib.add_article(s.text, Source { url: Some(format!("https://example.vn/{i}")), published: None }, i as u64, 2).unwrap();
            }
        }
        for (i, d) in dates.iter().enumerate() {
            lib.correct(Edit::SetEventDate { article: id(corpus()[i].text), date: *d }, 100 + i as u64);
        }
        let json = export::backup_json(&lib, 5);
        let (back, _) = export::import_backup(&json, &Library::new(), ImportMode::Replace).unwrap();
        prop_assert!(back.articles().eq(lib.articles()));
        prop_assert_eq!(back.corrections(), lib.corrections());
        let (merged, summary) = export::import_backup(&json, &lib, ImportMode::Merge).unwrap();
        prop_assert_eq!(&merged, &lib);
        prop_assert_eq!(summary.articles_added + summary.corrections_added, 0);
    }

    /// Random changes, each committed with a random write failing (or none): whatever
    /// happens, the stored state is always the last one committed successfully.
    #[test]
    fn commits_are_atomic_under_random_faults(
        steps in proptest::collection::vec((0usize..9, any::<bool>(), proptest::option::of(0usize..4), any::<bool>()), 1..12)
    ) {
        let samples = corpus();
        let (mut store, mut lib, _) = Store::open(MemoryBackend::new());
        let mut committed = lib.clone();
        for (t, (pick, remove, fail, removes_fail)) in steps.into_iter().enumerate() {
            match fail {
                Some(k) => store.backend_mut().fail_write(k),
                None => store.backend_mut().heal(),
            }
            store.backend_mut().faults.fail_removes = removes_fail;
            let s = &samples[pick];
            let result = store.apply(&mut lib, |l| {
                if remove {
                    l.remove_article(&id(s.text));
                } else {
                    let _ = l.add_article(s.text, Source::default(), t as u64, 2);
                }
                l.correct(Edit::SetEventTitle { article: id(s.text), title: Some(format!("{t}")) }, t as u64);
            });
            if result.is_ok() {
                committed = lib.clone();
            }
            prop_assert_eq!(&lib, &committed);
            let mut backend = store.backend().clone();
            backend.heal();
            let (_, loaded, report) = Store::open(backend);
            prop_assert!(report.is_clean(), "{:?}", report.problems);
            prop_assert!(loaded.articles().eq(committed.articles()));
            prop_assert_eq!(loaded.corrections(), committed.corrections());
        }
    }
}
