//! The app's state: the library as stored, what is derived from it, and the actions that change
//! it. Every change goes through [`AppState::change`], which stores it first (atomically, with the
//! revision check against other tabs) and only then shows it, so the screen never shows what is
//! not saved.

use std::sync::Arc;

use leptos::prelude::*;

use crate::records::store::{is_reload_key, LoadReport, Store, StoreError};
use crate::records::views::Roster;
use crate::records::{Extractions, Library, Records};
use crate::store::LocalStorageBackend;

/// What the screen shows, rebuilt from the library after every change.
#[derive(Clone, Default)]
pub struct Derived {
    /// Increases with every rebuild (so views can tell one from the next cheaply).
    pub generation: u64,
    pub records: Arc<Records>,
    pub roster: Arc<Roster>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

/// A message for the user: `Status` goes to a `role="status"` region, `Alert` to `role="alert"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Status(String),
    Alert(String),
}

/// Handles to the app's state, provided as context at the top of the app. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The library as last stored (or loaded).
    pub library: RwSignal<Library>,
    pub derived: RwSignal<Derived>,
    /// What loading found (damage, recovered backups); shown on /data and as an alert.
    pub load_report: RwSignal<LoadReport>,
    /// Why nothing can be saved, when the storage is unavailable or read-only.
    pub read_only: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// While the articles stored before this start are being read: (read, total). The records
    /// are complete once it is `None`.
    pub reading: RwSignal<Option<(usize, usize)>>,
    store: StoredValue<Option<Store<LocalStorageBackend>>, LocalStorage>,
    extractions: StoredValue<Extractions, LocalStorage>,
}

/// Fewer unread articles than this at start are read before the first view (a few frames).
const READ_AT_ONCE: usize = 50;
/// Time to spend reading per frame, in milliseconds, while the page stays responsive.
const SLICE_MS: u64 = 40;

/// A performance mark, for the benchmarks ("nienbieu-records": every stored article is read).
fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// The state provided by [`AppState::provide`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Milliseconds since the Unix epoch (the core has no clock; the UI gives it the time).
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

impl AppState {
    /// Opens the storage, loads the library, derives the records, and listens for other tabs.
    pub fn provide() -> AppState {
        let (store, library, report, read_only) = match LocalStorageBackend::open() {
            Ok(backend) => {
                let (store, library, report) = Store::open(backend);
                let read_only = store.read_only().map(str::to_string);
                (Some(store), library, report, read_only)
            }
            Err(e) => (
                None,
                Library::new(),
                LoadReport::default(),
                Some(format!(
                    "localStorage cannot be used ({e}): nothing will be saved."
                )),
            ),
        };
        let state = AppState {
            library: RwSignal::new(Library::new()),
            derived: RwSignal::new(Derived::default()),
            load_report: RwSignal::new(report),
            read_only: RwSignal::new(read_only),
            notice: RwSignal::new(None),
            reading: RwSignal::new(None),
            store: StoredValue::new_local(store),
            extractions: StoredValue::new_local(Extractions::new()),
        };
        state.read_in_background(library);
        provide_context(state);
        crate::store::on_other_tab_change(move |key| {
            if is_reload_key(key.as_deref()) {
                state.reload();
            }
        });
        state
    }

    /// Shows `library` at once and reads its articles a slice per frame, so that the first view
    /// is up, and the paste box usable, however many articles are stored. The records appear when
    /// all are read (or sooner, if a change needs them: [`AppState::show`] reads the rest).
    fn read_in_background(&self, library: Library) {
        let total = self.extractions.with_value(|ex| ex.unread(&library));
        if total < READ_AT_ONCE {
            self.show(library);
            mark("nienbieu-records");
            return;
        }
        self.library.set(library);
        self.reading.set(Some((0, total)));
        let state = *self;
        leptos::task::spawn_local(async move {
            loop {
                super::browser::next_frame().await;
                if !matches!(state.reading.try_get_untracked(), Some(Some(_))) {
                    return; // shown in full by a change meanwhile, or the app is gone
                }
                let deadline = now_ms() + SLICE_MS;
                let left = state.library.try_with_untracked(|library| {
                    state
                        .extractions
                        .try_update_value(|ex| ex.read_some(library, || now_ms() < deadline))
                });
                match left.flatten() {
                    None => return,
                    Some(0) => return state.show(state.library.get_untracked()),
                    Some(left) => state.reading.set(Some((total.saturating_sub(left), total))),
                }
            }
        });
    }

    /// Makes `library` the one shown: reads what is new, rebuilds the records.
    fn show(&self, library: Library) {
        let records = self
            .extractions
            .try_update_value(|ex| {
                ex.refresh_with_extract(&library);
                Records::build(&library, ex)
            })
            .unwrap_or_default();
        let roster = Roster::new(&records);
        let generation = self.derived.with_untracked(|d| d.generation) + 1;
        self.derived.set(Derived {
            generation,
            records: Arc::new(records),
            roster: Arc::new(roster),
        });
        self.library.set(library);
        if self.reading.get_untracked().is_some() {
            self.reading.set(None);
            mark("nienbieu-records");
        }
    }

    /// Reads, ahead of a change, the articles of `library` not read yet, so that a long import
    /// can show progress while the slow part (the extractor) runs, article by article.
    pub fn read_ahead(&self, library: &Library) {
        self.extractions.update_value(|ex| {
            ex.refresh_with_extract(library);
        });
    }

    /// Another tab stored a change: load it.
    pub fn reload(&self) {
        let loaded = self
            .store
            .try_update_value(|s| s.as_mut().map(Store::reload));
        if let Some(Some((library, report))) = loaded {
            self.load_report.set(report);
            self.show(library);
        }
    }

    /// Applies `change` to a copy of the library and stores it; shows it only once stored. On a
    /// conflict with another tab, reloads and applies the change to the newer state. On any
    /// error the library (stored and shown) is as it was, and the error says what to do.
    pub fn change<T>(&self, change: impl FnMut(&mut Library) -> T) -> Result<T, StoreError> {
        if let Some(why) = self.read_only.get_untracked() {
            return Err(StoreError::ReadOnly(why));
        }
        let mut library = self.library.get_untracked();
        let result = self
            .store
            .try_update_value(|s| match s.as_mut() {
                Some(store) => store.apply_or_reload(&mut library, change),
                None => Err(StoreError::ReadOnly("localStorage is not available".into())),
            })
            .unwrap_or_else(|| Err(StoreError::Backend("the app is shutting down".into())));
        match &result {
            Ok(_) => self.show(library),
            // A reload happened inside apply_or_reload: show the newer state.
            Err(_) if library != self.library.get_untracked() => self.show(library),
            Err(_) => {}
        }
        result
    }

    /// UTF-16 code units the records take in localStorage.
    pub fn usage(&self) -> usize {
        self.store
            .try_with_value(|s| s.as_ref().map(Store::usage))
            .flatten()
            .unwrap_or(0)
    }

    /// Raw copies of damaged records kept under backup keys: (key, raw).
    pub fn backups(&self) -> Vec<(String, String)> {
        self.store
            .try_with_value(|s| s.as_ref().map(Store::backups))
            .flatten()
            .unwrap_or_default()
    }

    /// Deletes a backup the user has downloaded.
    pub fn remove_backup(&self, key: &str) -> Result<(), StoreError> {
        self.store
            .try_update_value(|s| s.as_mut().map(|s| s.remove_backup(key)))
            .flatten()
            .unwrap_or(Ok(()))
    }

    pub fn status(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Status(text.into())));
    }

    pub fn alert(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Alert(text.into())));
    }
}
