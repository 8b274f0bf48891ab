//! Persistence logic, over any string key–value [`Backend`] (localStorage in the browser, an
//! in-memory map with injected faults in tests).
//!
//! # Layout (schema 1)
//!
//! - `nienbieu:a:<article id>`: one article, immutable and content-addressed: its JSON record
//!   compressed and packed 15 bits per UTF-16 unit ([`super::pack`]).
//! - `nienbieu:c:<digest>`: the corrections log, content-addressed the same way.
//! - `nienbieu:head`: the small record that names the live blobs, with the schema version, a
//!   revision number and a checksum: `<digest> <json>`.
//! - `nienbieu:backup:...`: raw copies of records found damaged, never removed by the store.
//!
//! # Atomicity
//!
//! A commit writes the new blobs first, then the head: writing the head is the commit point.
//! If anything fails before, the new blobs are removed again (or left as orphans, which the
//! next load removes) and the previous head, still in place, names a complete previous state.
//! Blobs the new head no longer names are removed only after it is written.
//!
//! # Two tabs
//!
//! The head carries a revision. A commit whose base revision is not the stored one is refused
//! with [`StoreError::Conflict`]: the caller reloads and applies its change again, so no tab
//! overwrites another's newer state. A `storage` event for [`HEAD_KEY`] (or for no key: the
//! storage was cleared) means "reload" ([`is_reload_key`]).

use super::article::{digest_hex, Article, ArticleId, Library};
use super::correct::Correction;
use super::pack;
use super::sort;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The current storage schema.
pub const SCHEMA_VERSION: u32 = 1;

/// Every key the store uses starts with this.
pub const PREFIX: &str = "nienbieu:";
/// The commit record.
pub const HEAD_KEY: &str = "nienbieu:head";
const ARTICLE_PREFIX: &str = "nienbieu:a:";
const CORRECTIONS_PREFIX: &str = "nienbieu:c:";
const BACKUP_PREFIX: &str = "nienbieu:backup:";

/// A `storage` event for this key (`None`: the whole storage was cleared) means another tab
/// changed the records: reload.
pub fn is_reload_key(key: Option<&str>) -> bool {
    key.is_none_or(|k| k == HEAD_KEY)
}

/// Why a backend operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The storage is full (localStorage's QuotaExceededError).
    QuotaExceeded,
    /// Any other failure (storage disabled, security error...).
    Other(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::QuotaExceeded => f.write_str("storage quota exceeded"),
            BackendError::Other(e) => f.write_str(e),
        }
    }
}

/// A string key–value store, like localStorage.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// Faults a [`MemoryBackend`] injects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Faults {
    /// Fail the write (set) with this 0-based number, counting from when the fault was set.
    pub fail_write: Option<usize>,
    /// Fail every write from that one on, not just that one.
    pub fail_writes_after: bool,
    /// Fail removals.
    pub fail_removes: bool,
    /// Fail every read.
    pub fail_reads: bool,
}

/// An in-memory [`Backend`] that counts its size like Chromium's localStorage (UTF-16 code
/// units of keys and values) and can fail on demand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryBackend {
    items: BTreeMap<String, String>,
    /// Most UTF-16 code units that keys and values may take.
    pub quota: Option<usize>,
    pub faults: Faults,
    writes: usize,
    /// UTF-16 code units of keys and values, kept up to date.
    used: usize,
}

fn item_units(key: &str, value: &str) -> usize {
    pack::utf16_len(key) + pack::utf16_len(value)
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// With Chromium's per-origin localStorage quota: 5 M code units... of keys and values
    /// together (10 MiB of UTF-16).
    pub fn chromium() -> MemoryBackend {
        MemoryBackend::with_quota(5 * 1024 * 1024)
    }

    pub fn with_quota(units: usize) -> MemoryBackend {
        MemoryBackend {
            quota: Some(units),
            ..MemoryBackend::default()
        }
    }

    /// Makes the `n`-th write from now fail (0: the next one).
    pub fn fail_write(&mut self, n: usize) {
        self.faults.fail_write = Some(n);
        self.writes = 0;
    }

    /// Writes (sets) since the backend was made or a fault was set.
    pub fn writes(&self) -> usize {
        self.writes
    }

    /// Stops injecting faults.
    pub fn heal(&mut self) {
        self.faults = Faults::default();
    }

    /// UTF-16 code units used by keys and values.
    pub fn usage(&self) -> usize {
        self.used
    }

    fn insert(&mut self, key: &str, value: &str) {
        let new = item_units(key, value);
        if let Some(old) = self.items.insert(key.to_string(), value.to_string()) {
            self.used -= item_units(key, &old);
        }
        self.used += new;
    }

    /// Every item, for fixtures and inspection.
    pub fn items(&self) -> &BTreeMap<String, String> {
        &self.items
    }

    /// Changes a stored value behind the store's back (hand editing, bit rot).
    pub fn tamper(&mut self, key: &str, f: impl FnOnce(&str) -> String) {
        if let Some(v) = self.items.get(key) {
            let changed = f(v);
            self.insert(key, &changed);
        }
    }

    /// Puts an item directly (fixtures, another tab's writes).
    pub fn put(&mut self, key: &str, value: &str) {
        self.insert(key, value);
    }

    pub fn from_items(items: BTreeMap<String, String>) -> MemoryBackend {
        let mut b = MemoryBackend::default();
        for (k, v) in &items {
            b.insert(k, v);
        }
        b
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        if self.faults.fail_reads {
            return Err(BackendError::Other("injected read failure".into()));
        }
        Ok(self.items.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        let n = self.writes;
        self.writes += 1;
        match self.faults.fail_write {
            Some(f) if n == f || (self.faults.fail_writes_after && n > f) => {
                return Err(BackendError::Other("injected write failure".into()))
            }
            _ => {}
        }
        if let Some(quota) = self.quota {
            let old = self.items.get(key).map_or(0, |v| item_units(key, v));
            if self.used - old + item_units(key, value) > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        self.insert(key, value);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        if self.faults.fail_removes {
            return Err(BackendError::Other("injected remove failure".into()));
        }
        if let Some(old) = self.items.remove(key) {
            self.used -= item_units(key, &old);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        if self.faults.fail_reads {
            return Err(BackendError::Other("injected read failure".into()));
        }
        Ok(self.items.keys().cloned().collect())
    }
}

/// Why a change was not stored. In every case the previous stored state is intact and the
/// caller still holds its change (the pasted text, the correction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The storage is full.
    Quota,
    /// Another tab stored a newer revision since this one loaded: reload and apply again.
    Conflict { stored: Option<u64>, base: u64 },
    /// The stored records come from a newer version of the app; nothing is written.
    ReadOnly(String),
    /// The storage failed otherwise.
    Backend(String),
}

impl StoreError {
    /// What to tell the user.
    pub fn message(&self) -> String {
        match self {
            StoreError::Quota => "The browser's storage for this app is full, so this change was not saved \
                 (your text is still here). Export a backup, then remove articles you no longer \
                 need, and try again."
                .into(),
            StoreError::Conflict { .. } => {
                "The records were changed in another tab. They have to be reloaded before this change \
                 can be applied."
                    .into()
            }
            StoreError::ReadOnly(why) => why.clone(),
            StoreError::Backend(e) => format!(
                "The browser refused to save ({e}). Your text is still here; export a backup to keep it."
            ),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for StoreError {}

fn backend_error(e: BackendError) -> StoreError {
    match e {
        BackendError::QuotaExceeded => StoreError::Quota,
        BackendError::Other(e) => StoreError::Backend(e),
    }
}

/// Something found wrong while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The storage could not be read at all; the app runs on an empty, unsaved library.
    Unreadable(String),
    /// The head record is damaged; the records were recovered from the article blobs.
    HeadDamaged(String),
    /// The head is missing but articles are stored; they were recovered.
    HeadMissing,
    /// Written by a newer version of the app (its schema); left untouched.
    NewerSchema(u32),
    ArticleDamaged {
        id: String,
        reason: String,
    },
    ArticleMissing {
        id: String,
    },
    CorrectionsDamaged(String),
    CorrectionsMissing,
    /// A backup copy could not be written (the raw data is still in the report).
    BackupNotSaved {
        key: String,
        reason: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable(e) => write!(f, "the browser storage cannot be read: {e}"),
            Problem::HeadDamaged(e) => write!(f, "the index of the records is damaged ({e}); the articles were recovered"),
            Problem::HeadMissing => f.write_str("the index of the records is missing; the articles were recovered"),
            Problem::NewerSchema(v) => write!(f, "the records were saved by a newer version of Niên biểu (format {v}); they are shown read-only"),
            Problem::ArticleDamaged { id, reason } => write!(f, "article {id} is damaged ({reason})"),
            Problem::ArticleMissing { id } => write!(f, "article {id} is missing"),
            Problem::CorrectionsDamaged(e) => write!(f, "the corrections are damaged ({e})"),
            Problem::CorrectionsMissing => f.write_str("the corrections are missing"),
            Problem::BackupNotSaved { key, reason } => write!(f, "a backup of {key} could not be saved ({reason})"),
        }
    }
}

/// Raw data of a damaged record, to offer for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Where it was read.
    pub original_key: String,
    /// Where the copy was saved, if it could be.
    pub saved_as: Option<String>,
    pub raw: String,
}

/// What loading found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub problems: Vec<Problem>,
    pub backups: Vec<Backup>,
    /// The schema version found, when it was older and was migrated.
    pub migrated_from: Option<u32>,
    /// Blobs no head names (left by an interrupted commit), removed.
    pub orphans_removed: usize,
    /// Nothing will be written (newer schema, or unreadable storage).
    pub read_only: bool,
}

impl LoadReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The stored article record (compact field names: it is stored 2,000 times).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ArticleRecord {
    #[serde(rename = "t")]
    text: String,
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(rename = "a")]
    added_ms: u64,
}

/// The stored corrections log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CorrectionsRecord {
    /// The revision that wrote it: recovery without a head picks the newest log.
    rev: u64,
    list: Vec<Correction>,
}

/// The commit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Head {
    schema: u32,
    rev: u64,
    /// Article id → extractor version that last read it.
    articles: BTreeMap<String, u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    corrections: Option<String>,
}

/// Just the schema, read before the rest (which may be in an older or newer shape).
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

fn write_head(head: &Head) -> String {
    let body = serde_json::to_string(head).unwrap_or_default();
    format!("{} {body}", digest_hex(body.as_bytes(), 16))
}

/// The head's JSON, after its checksum is verified.
fn verified_head_body(raw: &str) -> Result<&str, String> {
    let (sum, body) = raw
        .split_once(' ')
        .ok_or_else(|| "no checksum".to_string())?;
    if digest_hex(body.as_bytes(), 16) != sum {
        return Err("checksum mismatch (edited or damaged)".into());
    }
    Ok(body)
}

/// Migrations, one per schema version before the current: `MIGRATIONS[v - 1]` turns a version
/// `v` head (as JSON) into version `v + 1`. Schema 1 is the first, so there are none yet; a
/// format change adds one here and a fixture under `tests/fixtures`.
const MIGRATIONS: &[Migration] = &[];

/// One schema step, on the head's JSON.
type Migration = fn(serde_json::Value) -> Result<serde_json::Value, String>;

fn migrate(body: &str) -> Result<(Head, Option<u32>), String> {
    let found: SchemaOnly =
        serde_json::from_str(body).map_err(|e| format!("not a head record: {e}"))?;
    if found.schema == 0 || found.schema > SCHEMA_VERSION {
        return Err(format!("schema {}", found.schema));
    }
    let mut value: serde_json::Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    for m in &MIGRATIONS[(found.schema - 1) as usize..] {
        value = m(value)?;
    }
    let head: Head = serde_json::from_value(value).map_err(|e| format!("bad head: {e}"))?;
    Ok((
        head,
        (found.schema < SCHEMA_VERSION).then_some(found.schema),
    ))
}

fn encode_article(a: &Article) -> String {
    let rec = ArticleRecord {
        text: a.text.to_string(),
        url: a.url.clone(),
        published: a.published.clone(),
        added_ms: a.added_ms,
    };
    pack::encode(&serde_json::to_string(&rec).unwrap_or_default())
}

fn decode_article(id: &str, raw: &str, extractor_version: u32) -> Result<Article, String> {
    let json = pack::decode(raw).map_err(|e| e.to_string())?;
    let rec: ArticleRecord = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let actual = ArticleId::of_text(&rec.text);
    if actual.as_str() != id {
        return Err("its text does not match its id".into());
    }
    Ok(Article {
        id: actual,
        text: rec.text.into(),
        url: rec.url,
        published: rec.published,
        added_ms: rec.added_ms,
        extractor_version,
    })
}

fn encode_corrections(rev: u64, list: &[Correction]) -> (String, String) {
    let json = serde_json::to_string(&CorrectionsRecord {
        rev,
        list: list.to_vec(),
    })
    .unwrap_or_default();
    // Addressed by the content of the log, not the revision, so an unchanged log is not
    // rewritten.
    let list_json = serde_json::to_string(list).unwrap_or_default();
    (digest_hex(list_json.as_bytes(), 16), pack::encode(&json))
}

fn decode_corrections(digest: &str, raw: &str) -> Result<CorrectionsRecord, String> {
    let json = pack::decode(raw).map_err(|e| e.to_string())?;
    let rec: CorrectionsRecord = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let list_json = serde_json::to_string(&rec.list).unwrap_or_default();
    if digest_hex(list_json.as_bytes(), 16) != digest {
        return Err("its content does not match its digest".into());
    }
    Ok(rec)
}

/// The records in a [`Backend`], and the revision this tab last saw.
#[derive(Debug)]
pub struct Store<B: Backend> {
    backend: B,
    /// The head as last loaded or written (`None`: nothing stored yet).
    head: Option<Head>,
    revision: u64,
    /// The head as this tab last saw it, to detect another tab's commits.
    seen: Seen,
    read_only: Option<String>,
}

/// The state of the head record as last read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Nothing,
    Revision(u64),
    /// Damaged (and backed up): a commit may replace it.
    Damaged,
}

impl<B: Backend> Store<B> {
    /// Opens the store and loads the library. Never fails: damage is reported, the raw data
    /// backed up, and whatever is sound is loaded.
    pub fn open(backend: B) -> (Store<B>, Library, LoadReport) {
        let mut store = Store {
            backend,
            head: None,
            revision: 0,
            seen: Seen::Nothing,
            read_only: None,
        };
        let (library, report) = store.load();
        (store, library, report)
    }

    /// Loads again (after a [`StoreError::Conflict`] or a storage event).
    pub fn reload(&mut self) -> (Library, LoadReport) {
        self.load()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    pub fn into_backend(self) -> B {
        self.backend
    }

    /// Whether writes are refused, and why.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    fn load(&mut self) -> (Library, LoadReport) {
        let mut report = LoadReport::default();
        let mut library = Library::new();
        self.read_only = None;
        let keys = match self.backend.keys() {
            Ok(k) => k,
            Err(e) => {
                report.problems.push(Problem::Unreadable(e.to_string()));
                report.read_only = true;
                self.read_only = Some(format!("The browser storage cannot be read ({e})."));
                return (library, report);
            }
        };
        let raw_head = match self.backend.get(HEAD_KEY) {
            Ok(h) => h,
            Err(e) => {
                report.problems.push(Problem::Unreadable(e.to_string()));
                report.read_only = true;
                self.read_only = Some(format!("The browser storage cannot be read ({e})."));
                return (library, report);
            }
        };
        self.seen = Seen::Nothing;
        let head = match raw_head {
            None => None,
            Some(raw) => match verified_head_body(&raw).and_then(migrate) {
                Ok((head, from)) => {
                    report.migrated_from = from;
                    Some(head)
                }
                Err(reason) => {
                    if let Ok(SchemaOnly { schema }) = verified_head_body(&raw)
                        .and_then(|b| serde_json::from_str(b).map_err(|e| e.to_string()))
                    {
                        if schema > SCHEMA_VERSION {
                            report.problems.push(Problem::NewerSchema(schema));
                            report.read_only = true;
                            self.read_only = Some(Problem::NewerSchema(schema).to_string());
                            return (library, report);
                        }
                    }
                    report.problems.push(Problem::HeadDamaged(reason));
                    self.back_up(HEAD_KEY, &raw, &mut report);
                    self.seen = Seen::Damaged;
                    None
                }
            },
        };
        let article_keys: Vec<&String> = keys
            .iter()
            .filter(|k| k.starts_with(ARTICLE_PREFIX))
            .collect();
        let correction_keys: Vec<&String> = keys
            .iter()
            .filter(|k| k.starts_with(CORRECTIONS_PREFIX))
            .collect();

        match head {
            Some(head) => {
                for (id, &version) in &head.articles {
                    let key = format!("{ARTICLE_PREFIX}{id}");
                    match self.backend.get(&key) {
                        Ok(Some(raw)) => match decode_article(id, &raw, version) {
                            Ok(a) => library.insert_article(a),
                            Err(reason) => {
                                report.problems.push(Problem::ArticleDamaged {
                                    id: id.clone(),
                                    reason,
                                });
                                self.back_up(&key, &raw, &mut report);
                            }
                        },
                        Ok(None) | Err(_) => report
                            .problems
                            .push(Problem::ArticleMissing { id: id.clone() }),
                    }
                }
                if let Some(digest) = &head.corrections {
                    let key = format!("{CORRECTIONS_PREFIX}{digest}");
                    match self.backend.get(&key) {
                        Ok(Some(raw)) => match decode_corrections(digest, &raw) {
                            Ok(rec) => library.set_corrections(rec.list),
                            Err(reason) => {
                                report.problems.push(Problem::CorrectionsDamaged(reason));
                                self.back_up(&key, &raw, &mut report);
                            }
                        },
                        Ok(None) | Err(_) => report.problems.push(Problem::CorrectionsMissing),
                    }
                }
                // Orphans: blobs of commits that did not complete. Damaged blobs the head names
                // are kept where they are (and backed up).
                let live: BTreeSet<String> = sort::set(
                    head.articles
                        .keys()
                        .map(|id| format!("{ARTICLE_PREFIX}{id}"))
                        .chain(
                            head.corrections
                                .iter()
                                .map(|d| format!("{CORRECTIONS_PREFIX}{d}")),
                        ),
                );
                for k in article_keys.into_iter().chain(correction_keys) {
                    if !live.contains(k) && self.backend.remove(k).is_ok() {
                        report.orphans_removed += 1;
                    }
                }
                self.revision = head.rev;
                self.seen = Seen::Revision(head.rev);
                self.head = Some(head);
                if report.migrated_from.is_some() {
                    // Write the migrated head so later loads read the current schema; if it
                    // fails the old one stays and is migrated again next time.
                    let _ = self.write(&library, self.revision);
                }
            }
            None => {
                // No usable head: recover every sound article and the newest sound log.
                if !article_keys.is_empty() && report.problems.is_empty() {
                    report.problems.push(Problem::HeadMissing);
                }
                for key in article_keys {
                    let id = &key[ARTICLE_PREFIX.len()..];
                    if let Ok(Some(raw)) = self.backend.get(key) {
                        match decode_article(id, &raw, 0) {
                            Ok(a) => library.insert_article(a),
                            Err(reason) => {
                                report.problems.push(Problem::ArticleDamaged {
                                    id: id.to_string(),
                                    reason,
                                });
                                self.back_up(key, &raw, &mut report);
                            }
                        }
                    }
                }
                let mut best: Option<CorrectionsRecord> = None;
                for key in correction_keys {
                    let digest = &key[CORRECTIONS_PREFIX.len()..];
                    if let Ok(Some(raw)) = self.backend.get(key) {
                        match decode_corrections(digest, &raw) {
                            Ok(rec) if best.as_ref().is_none_or(|b| rec.rev > b.rev) => {
                                best = Some(rec)
                            }
                            Ok(_) => {}
                            Err(reason) => {
                                report.problems.push(Problem::CorrectionsDamaged(reason));
                                self.back_up(key, &raw, &mut report);
                            }
                        }
                    }
                }
                let rev = best.as_ref().map_or(0, |b| b.rev);
                if let Some(b) = best {
                    library.set_corrections(b.list);
                }
                self.head = None;
                self.revision = rev;
                if !report.problems.is_empty() {
                    // Make the recovered state the stored one (blobs are kept as they are,
                    // only a head is added); failing that, the next load recovers again.
                    let _ = self.write(&library, rev);
                }
            }
        }
        (library, report)
    }

    /// Copies a damaged record under a backup key (never overwriting an earlier backup).
    fn back_up(&mut self, key: &str, raw: &str, report: &mut LoadReport) {
        let base = format!("{BACKUP_PREFIX}{}", key.trim_start_matches(PREFIX));
        let mut saved_as = None;
        let mut why = String::new();
        for n in 1..100 {
            let k = if n == 1 {
                base.clone()
            } else {
                format!("{base}:{n}")
            };
            match self.backend.get(&k) {
                Ok(Some(existing)) if existing == raw => {
                    saved_as = Some(k);
                    break;
                }
                Ok(Some(_)) => continue,
                Ok(None) => {
                    match self.backend.set(&k, raw) {
                        Ok(()) => saved_as = Some(k),
                        Err(e) => why = e.to_string(),
                    }
                    break;
                }
                Err(e) => {
                    why = e.to_string();
                    break;
                }
            }
        }
        if saved_as.is_none() {
            report.problems.push(Problem::BackupNotSaved {
                key: key.to_string(),
                reason: why,
            });
        }
        report.backups.push(Backup {
            original_key: key.to_string(),
            saved_as,
            raw: raw.to_string(),
        });
    }

    /// Backups of damaged records kept in the storage: (key, raw data).
    pub fn backups(&self) -> Vec<(String, String)> {
        let keys = self.backend.keys().unwrap_or_default();
        keys.into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .filter_map(|k| {
                let v = self.backend.get(&k).ok().flatten()?;
                Some((k, v))
            })
            .collect()
    }

    /// Deletes a backup the user has downloaded.
    pub fn remove_backup(&mut self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(BACKUP_PREFIX) {
            return Ok(());
        }
        self.backend.remove(key).map_err(backend_error)
    }

    /// Stores `library` as the next revision. Atomic: on error the stored state is the
    /// previous one, whole.
    pub fn commit(&mut self, library: &Library) -> Result<u64, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly(why.clone()));
        }
        // What is stored now, by this tab or another, must be what this tab loaded.
        let now = match self.backend.get(HEAD_KEY).map_err(backend_error)? {
            None => Seen::Nothing,
            Some(raw) => match verified_head_body(&raw).and_then(migrate) {
                Ok((head, _)) => Seen::Revision(head.rev),
                Err(_) => Seen::Damaged,
            },
        };
        if now != self.seen {
            return Err(StoreError::Conflict {
                stored: match now {
                    Seen::Revision(r) => Some(r),
                    _ => None,
                },
                base: self.revision,
            });
        }
        if now == Seen::Nothing {
            // First commit: an empty head goes first, so that blobs without a head can only
            // mean a lost head (to recover from), never a first commit that failed.
            self.write(&Library::new(), 0)?;
        }
        self.write(library, self.revision + 1)
    }

    /// Writes blobs then the head at revision `rev`; cleans up on failure.
    fn write(&mut self, library: &Library, rev: u64) -> Result<u64, StoreError> {
        let old = self.head.clone();
        let old_articles: BTreeSet<&str> = old
            .as_ref()
            .map(|h| sort::set(h.articles.keys().map(String::as_str)))
            .unwrap_or_default();
        let mut written: Vec<String> = Vec::new();
        let result = (|| {
            for a in library.articles() {
                if old_articles.contains(a.id.as_str()) {
                    continue;
                }
                let key = format!("{ARTICLE_PREFIX}{}", a.id);
                // A blob already there (an orphan, or a recovered one) is kept if it holds this
                // very article: same text (the address says so) and same details.
                if let Ok(Some(raw)) = self.backend.get(&key) {
                    if decode_article(a.id.as_str(), &raw, a.extractor_version).as_ref() == Ok(a) {
                        continue;
                    }
                }
                self.backend
                    .set(&key, &encode_article(a))
                    .map_err(backend_error)?;
                written.push(key);
            }
            let corrections = if library.corrections().is_empty() {
                None
            } else {
                let (digest, packed) = encode_corrections(rev, library.corrections());
                if old.as_ref().and_then(|h| h.corrections.as_deref()) != Some(digest.as_str()) {
                    let key = format!("{CORRECTIONS_PREFIX}{digest}");
                    self.backend.set(&key, &packed).map_err(backend_error)?;
                    written.push(key);
                }
                Some(digest)
            };
            let head = Head {
                schema: SCHEMA_VERSION,
                rev,
                articles: sort::map(
                    library
                        .articles()
                        .map(|a| (a.id.to_string(), a.extractor_version)),
                ),
                corrections,
            };
            // The commit point.
            self.backend
                .set(HEAD_KEY, &write_head(&head))
                .map_err(backend_error)?;
            Ok(head)
        })();
        match result {
            Ok(head) => {
                // Blobs the new head no longer names; a failure leaves orphans for the next
                // load.
                if let Some(old) = &old {
                    for id in old.articles.keys() {
                        if !head.articles.contains_key(id) {
                            let _ = self.backend.remove(&format!("{ARTICLE_PREFIX}{id}"));
                        }
                    }
                    if let Some(d) = &old.corrections {
                        if head.corrections.as_ref() != Some(d) {
                            let _ = self.backend.remove(&format!("{CORRECTIONS_PREFIX}{d}"));
                        }
                    }
                }
                self.revision = head.rev;
                self.seen = Seen::Revision(head.rev);
                self.head = Some(head);
                Ok(rev)
            }
            Err(e) => {
                for key in written {
                    let _ = self.backend.remove(&key);
                }
                Err(e)
            }
        }
    }

    /// Applies `change` to a copy of `library`, stores it, and only then replaces `library`:
    /// on error `library` is as it was (and the caller still has whatever it was adding).
    pub fn apply<T>(
        &mut self,
        library: &mut Library,
        change: impl FnOnce(&mut Library) -> T,
    ) -> Result<T, StoreError> {
        let mut next = library.clone();
        let out = change(&mut next);
        self.commit(&next)?;
        *library = next;
        Ok(out)
    }

    /// As [`Store::apply`], but on a conflict with another tab reloads and applies the change
    /// once more to the newer state (`library` then holds that state).
    pub fn apply_or_reload<T>(
        &mut self,
        library: &mut Library,
        mut change: impl FnMut(&mut Library) -> T,
    ) -> Result<T, StoreError> {
        match self.apply(library, &mut change) {
            Err(StoreError::Conflict { .. }) => {
                let (fresh, _) = self.reload();
                *library = fresh;
                self.apply(library, change)
            }
            other => other,
        }
    }

    /// UTF-16 code units the records take (keys and values).
    pub fn usage(&self) -> usize {
        let keys = self.backend.keys().unwrap_or_default();
        keys.iter()
            .filter(|k| k.starts_with(PREFIX))
            .map(|k| {
                pack::utf16_len(k)
                    + self
                        .backend
                        .get(k)
                        .ok()
                        .flatten()
                        .map_or(0, |v| pack::utf16_len(&v))
            })
            .sum()
    }
}
