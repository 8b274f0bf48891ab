//! Persistence: round trips, atomicity under a failure at every write, quota, corruption,
//! revision conflicts between tabs, newer schemas, and migrations from every stored fixture.

#[path = "fixtures/support.rs"]
mod support;

use nienbieu::records::store::{
    is_reload_key, Backend, BackendError, MemoryBackend, Problem, Store, StoreError, HEAD_KEY,
    SCHEMA_VERSION,
};
use nienbieu::records::{Edit, Library, OfficialRef, Source, TitleEdit};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use support::*;

fn with_corrections() -> Library {
    let mut lib = library();
    lib.correct(
        Edit::FixTitle {
            official: OfficialRef::new(&id(NAM_DINH_CONGRESS), "Phạm Văn Lộc"),
            from: None,
            to: Some(TitleEdit::held("Chủ tịch UBND tỉnh")),
        },
        1_700_000_100_000,
    );
    lib.correct(
        Edit::Merge {
            a: OfficialRef::new(&id(TAY_NINH_APPOINTMENT), "Lê Văn Thành"),
            b: OfficialRef::new(&id(HA_NOI_MEETING), "Lê Văn Thành"),
        },
        1_700_000_200_000,
    );
    lib
}

/// Same articles (with their metadata) and corrections.
fn same(a: &Library, b: &Library) -> bool {
    a.articles().eq(b.articles()) && a.corrections() == b.corrections()
}

/// As [`same`], except which extractor version last read each article: a recovery without the
/// head cannot know it (the articles are read again).
fn same_recovered(a: &Library, b: &Library) -> bool {
    let strip = |l: &Library| {
        l.articles()
            .map(|a| {
                (
                    a.id.clone(),
                    a.text.clone(),
                    a.url.clone(),
                    a.published.clone(),
                    a.added_ms,
                )
            })
            .collect::<Vec<_>>()
    };
    strip(a) == strip(b) && a.corrections() == b.corrections()
}

fn stored(lib: &Library) -> MemoryBackend {
    let (mut store, _, _) = Store::open(MemoryBackend::new());
    store.commit(lib).expect("commit");
    store.into_backend()
}

#[test]
fn round_trip() {
    let lib = with_corrections();
    let backend = stored(&lib);
    let (store, loaded, report) = Store::open(backend);
    assert!(report.is_clean(), "{:?}", report.problems);
    assert!(same(&lib, &loaded));
    assert_eq!(store.revision(), 1);
    // An unchanged commit writes only the head.
    let (mut store, loaded, _) = Store::open(store.into_backend());
    let before = store.backend().items().clone();
    store.commit(&loaded).unwrap();
    let after = store.backend().items();
    let changed: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, [HEAD_KEY]);
}

#[test]
fn keys_are_only_the_store_s() {
    let backend = stored(&with_corrections());
    for k in backend.items().keys() {
        assert!(k.starts_with("nienbieu:"), "{k}");
    }
    // One key per article, one for corrections, one head.
    assert_eq!(backend.items().len(), corpus().len() + 2);
}

/// The change a test commits on top of a stored state: a new article, a removal, and a new
/// correction (every kind of write a commit makes).
fn change(lib: &mut Library) {
    lib.add_article(
        "Hà Tĩnh kiện toàn chức danh lãnh đạo\n\nNgày 29-10-2025, HĐND tỉnh bầu ông Trịnh Văn Kiên giữ chức Chủ tịch UBND tỉnh.",
        Source::default(),
        1_800_000_000_000,
        2,
    )
    .unwrap();
    lib.remove_article(&id(HA_NOI_MEETING));
    lib.correct(
        Edit::DropOfficial {
            official: OfficialRef::new(&id(NAM_DINH_CONGRESS), "Hoàng Lan"),
        },
        1_800_000_000_001,
    );
}

#[test]
fn a_failure_at_any_write_leaves_the_previous_state() {
    let old = with_corrections();
    let base = stored(&old);
    let mut new = old.clone();
    change(&mut new);

    // How many writes a successful commit makes: the article, the corrections, the head.
    let (mut probe, mut lib, _) = Store::open(base.clone());
    probe.backend_mut().fail_write(usize::MAX);
    probe.apply(&mut lib, change).unwrap();
    let writes = probe.backend().writes();
    assert_eq!(writes, 3);

    for k in 0..writes {
        for removes_fail in [false, true] {
            let mut backend = base.clone();
            backend.fail_write(k);
            backend.faults.fail_removes = removes_fail;
            let (mut store, mut lib, _) = Store::open(backend);
            let err = store.apply(&mut lib, change).unwrap_err();
            assert!(matches!(err, StoreError::Backend(_)), "{err:?}");
            // The caller's library is unchanged, and so is the stored state.
            assert!(same(&lib, &old), "write {k}");
            let mut backend = store.into_backend();
            backend.heal();
            let (mut store, loaded, report) = Store::open(backend);
            assert!(same(&loaded, &old), "write {k}");
            assert!(report.is_clean(), "write {k}: {:?}", report.problems);
            // Orphans of the failed commit are gone after loading.
            assert_eq!(
                store.backend().items().len(),
                base.items().len(),
                "write {k}, removes fail {removes_fail}"
            );
            // And the change goes through once the storage works again.
            let mut lib = loaded;
            store.apply(&mut lib, change).unwrap();
            let (_, reloaded, _) = Store::open(store.into_backend());
            assert!(same(&reloaded, &lib));
        }
    }
    // The write after the head (none) cannot fail the commit: removing old blobs failing only
    // leaves orphans.
    let mut backend = base.clone();
    backend.faults.fail_removes = true;
    let (mut store, mut lib, _) = Store::open(backend);
    store.apply(&mut lib, change).unwrap();
    let mut backend = store.into_backend();
    backend.heal();
    let (_, loaded, report) = Store::open(backend);
    assert!(same(&loaded, &lib));
    assert_eq!(
        report.orphans_removed, 2,
        "the removed article and the old corrections"
    );
}

#[test]
fn quota_exceeded_is_a_typed_error_and_keeps_everything() {
    let old = with_corrections();
    let base = stored(&old);
    let mut backend = base.clone();
    backend.quota = Some(backend.usage() + 100);
    let (mut store, mut lib, _) = Store::open(backend);
    let pasted = "Một bài báo dài ".repeat(200);
    let err = store
        .apply(&mut lib, |l| {
            l.add_article(&pasted, Source::default(), 9, 1)
        })
        .unwrap_err();
    assert_eq!(err, StoreError::Quota);
    let message = err.to_string();
    assert!(message.contains("Export a backup") && message.contains("remove articles"));
    assert!(same(&lib, &old));
    let (_, loaded, report) = Store::open(store.into_backend());
    assert!(same(&loaded, &old));
    assert!(report.is_clean());
}

#[test]
fn a_hand_edited_head_is_backed_up_and_the_records_recovered() {
    let lib = with_corrections();
    let mut backend = stored(&lib);
    let original = backend.items()[HEAD_KEY].clone();
    backend.tamper(HEAD_KEY, |h| h.replace("\"rev\":1", "\"rev\":7"));
    let (mut store, loaded, report) = Store::open(backend);
    assert!(
        matches!(report.problems[0], Problem::HeadDamaged(_)),
        "{:?}",
        report.problems
    );
    assert!(
        same_recovered(&loaded, &lib),
        "articles and corrections recovered"
    );
    assert_eq!(report.backups.len(), 1);
    let backup = &report.backups[0];
    assert_eq!(backup.original_key, HEAD_KEY);
    assert_ne!(backup.raw, original);
    let saved = backup.saved_as.clone().expect("saved");
    assert_eq!(store.backups(), vec![(saved, backup.raw.clone())]);
    // The recovered state is stored: the next load is clean, and the backup is still there.
    let mut lib = loaded;
    store
        .apply(&mut lib, |l| {
            l.correct(
                Edit::SetEventKind {
                    article: id(NAM_DINH_SESSION),
                    kind: nienbieu::extract::EventKind::PersonnelChange,
                },
                5,
            )
        })
        .unwrap();
    let (store, loaded, report) = Store::open(store.into_backend());
    assert!(report.is_clean(), "{:?}", report.problems);
    assert!(same(&loaded, &lib));
    assert_eq!(store.backups().len(), 1);
}

#[test]
fn garbage_in_place_of_the_head_still_opens() {
    for garbage in [
        "",
        "{",
        "not json at all",
        "0000000000000000 {\"schema\":1}",
        "\u{0}\u{FFFF}",
    ] {
        let lib = with_corrections();
        let mut backend = stored(&lib);
        backend.put(HEAD_KEY, garbage);
        let (_, loaded, report) = Store::open(backend);
        assert!(same_recovered(&loaded, &lib), "{garbage:?}");
        assert!(!report.is_clean());
    }
}

#[test]
fn a_damaged_article_is_backed_up_and_the_rest_loaded() {
    let lib = with_corrections();
    let mut backend = stored(&lib);
    let key = format!("nienbieu:a:{}", id(NAM_DINH_SESSION));
    backend.tamper(&key, |v| {
        let mut c: Vec<char> = v.chars().collect();
        c.truncate(c.len() / 2);
        c.into_iter().collect()
    });
    let (store, loaded, report) = Store::open(backend);
    assert_eq!(loaded.len(), lib.len() - 1);
    assert!(
        matches!(&report.problems[..], [Problem::ArticleDamaged { id: bad, .. }] if *bad == id(NAM_DINH_SESSION).to_string())
    );
    assert_eq!(report.backups[0].original_key, key);
    assert!(
        store.backend().items().contains_key(&key),
        "never silently wiped"
    );

    // A blob replaced by another article's (ids no longer match) is detected too.
    let mut backend = stored(&lib);
    let other = backend.items()[&format!("nienbieu:a:{}", id(NAM_DINH_CONGRESS))].clone();
    backend.put(&key, &other);
    let (_, loaded, report) = Store::open(backend);
    assert_eq!(loaded.len(), lib.len() - 1);
    assert!(matches!(
        &report.problems[..],
        [Problem::ArticleDamaged { .. }]
    ));
}

#[test]
fn damaged_corrections_are_backed_up() {
    let lib = with_corrections();
    let mut backend = stored(&lib);
    let key = backend
        .items()
        .keys()
        .find(|k| k.starts_with("nienbieu:c:"))
        .unwrap()
        .clone();
    backend.tamper(&key, |_| "[{\"op\":\"merge\"}]".into());
    let (_, loaded, report) = Store::open(backend);
    assert_eq!(loaded.len(), lib.len());
    assert!(loaded.corrections().is_empty());
    assert!(matches!(
        &report.problems[..],
        [Problem::CorrectionsDamaged(_)]
    ));
    assert_eq!(report.backups[0].raw, "[{\"op\":\"merge\"}]");
}

#[test]
fn a_lost_head_is_recovered_from_the_blobs() {
    let lib = with_corrections();
    let mut backend = stored(&lib);
    backend.remove(HEAD_KEY).unwrap();
    let (_, loaded, report) = Store::open(backend);
    assert_eq!(report.problems, [Problem::HeadMissing]);
    assert_eq!(loaded.len(), lib.len());
    assert_eq!(loaded.corrections(), lib.corrections());
}

#[test]
fn unreadable_storage_opens_empty_and_read_only() {
    let mut backend = stored(&with_corrections());
    backend.faults.fail_reads = true;
    let (mut store, loaded, report) = Store::open(backend);
    assert!(loaded.is_empty());
    assert!(report.read_only);
    assert!(matches!(
        store.commit(&loaded),
        Err(StoreError::ReadOnly(_))
    ));
}

#[test]
fn a_newer_schema_is_left_untouched() {
    let lib = with_corrections();
    let mut backend = stored(&lib);
    // A head as a future version would write it: checksummed, schema 2.
    let raw = backend.items()[HEAD_KEY].clone();
    let body = raw.split_once(' ').unwrap().1.replace(
        &format!("\"schema\":{SCHEMA_VERSION}"),
        &format!("\"schema\":{}", SCHEMA_VERSION + 1),
    );
    let sum = nienbieu::records::article::digest_hex(body.as_bytes(), 16);
    backend.put(HEAD_KEY, &format!("{sum} {body}"));
    let before = backend.items().clone();
    let (mut store, loaded, report) = Store::open(backend);
    assert_eq!(report.problems, [Problem::NewerSchema(SCHEMA_VERSION + 1)]);
    assert!(report.read_only && loaded.is_empty());
    assert!(matches!(store.commit(&lib), Err(StoreError::ReadOnly(_))));
    assert_eq!(store.backend().items(), &before);
}

/// One storage seen by two tabs.
#[derive(Clone)]
struct Shared(Rc<RefCell<MemoryBackend>>);

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.0.borrow().keys()
    }
}

#[test]
fn two_tabs_never_overwrite_each_other() {
    let shared = Shared(Rc::new(RefCell::new(stored(&with_corrections()))));
    let (mut tab_a, mut lib_a, _) = Store::open(shared.clone());
    let (mut tab_b, mut lib_b, _) = Store::open(shared.clone());

    tab_a
        .apply(&mut lib_a, |l| {
            l.add_article("Bài thứ nhất của tab A.", Source::default(), 1, 1)
        })
        .unwrap()
        .unwrap();
    // Tab B's change was made on revision 1; revision 2 is stored now.
    let err = tab_b
        .apply(&mut lib_b, |l| {
            l.add_article("Bài của tab B.", Source::default(), 2, 1)
        })
        .unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            stored: Some(2),
            base: 1
        }
    );
    // Reloading and applying again keeps both changes.
    tab_b
        .apply_or_reload(&mut lib_b, |l| {
            l.add_article("Bài của tab B.", Source::default(), 2, 1)
        })
        .unwrap()
        .unwrap();
    let (_, both, _) = Store::open(shared.clone());
    assert_eq!(both.len(), corpus().len() + 2);
    assert!(same(&both, &lib_b));
    // Tab A, now behind, is refused in turn.
    assert!(matches!(
        tab_a.commit(&lib_a),
        Err(StoreError::Conflict { .. })
    ));
    // Storage events: the head means reload; a clear() (no key) too; blobs alone do not.
    assert!(is_reload_key(Some(HEAD_KEY)));
    assert!(is_reload_key(None));
    assert!(!is_reload_key(Some("nienbieu:a:0123")));
}

/// Fixtures: the stored items of each schema version, written by that version's code, with
/// the library they hold. Loading each must give that library in the current schema.
#[test]
fn migrates_from_every_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seen = Vec::new();
    for v in 1..=SCHEMA_VERSION {
        let path = format!("{dir}/store-v{v}.json");
        let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let items: BTreeMap<String, String> = serde_json::from_str(&raw).unwrap();
        let (mut store, loaded, report) = Store::open(MemoryBackend::from_items(items));
        assert!(report.is_clean(), "v{v}: {:?}", report.problems);
        assert_eq!(report.migrated_from, (v < SCHEMA_VERSION).then_some(v));
        assert!(same(&loaded, &with_corrections()), "v{v}");
        // And it can be written on.
        let mut lib = loaded;
        store.apply(&mut lib, change).unwrap();
        seen.push(v);
    }
    assert_eq!(seen.len() as u32, SCHEMA_VERSION);
}

/// Writes the fixture of the current schema (run once per schema: `UPDATE_FIXTURES=1`).
#[test]
fn current_fixture_is_what_this_version_writes() {
    let path = format!(
        "{}/tests/fixtures/store-v{SCHEMA_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let items = stored(&with_corrections()).items().clone();
    let json = serde_json::to_string_pretty(&items).unwrap();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, json + "\n").unwrap();
        return;
    }
    let fixture: BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        fixture, items,
        "the format changed: bump SCHEMA_VERSION and add a migration"
    );
}
