//! `/data`: export and import, storage usage, damaged-data backups, clearing everything.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::{now_ms, use_app};
use crate::extract::EXTRACTOR_VERSION;
use crate::records::bulk::{BulkImport, FileOutcome};
use crate::records::export::{
    backup_json, import_backup, popolo_json, roster_csv, timeline_csv, timelinejs_json, ImportMode,
};
use crate::records::views::{timeline, TimelineQuery};
use crate::records::Library;

#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let replace = RwSignal::new(false);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let import_errors = RwSignal::new(Vec::<String>::new());
    let file_reports = RwSignal::new(Vec::<(String, String)>::new());
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    let confirm_clear = RwSignal::new(false);
    spawn_local(async move {
        estimate.set(crate::store::estimate().await);
    });

    let save_file = move |name: String, bytes: Vec<u8>, mime: &'static str| {
        if let Err(e) = browser::download(&name, &bytes, mime) {
            app.alert(e);
        }
    };
    let stamp = browser::today;

    let export_backup = move |_| {
        let json = app.library.with_untracked(|l| backup_json(l, now_ms()));
        save_file(
            format!("nienbieu-backup-{}.json", stamp()),
            json.into_bytes(),
            "application/json",
        );
        app.status(t_string!(i18n, backup_done));
    };
    let export_roster = move |_| {
        let bytes = app.derived.with_untracked(|d| {
            let rows: Vec<_> = d.roster.query(&Default::default());
            roster_csv(&d.records, &rows)
        });
        save_file(
            format!("nienbieu-roster-{}.csv", stamp()),
            bytes,
            "text/csv;charset=utf-8",
        );
    };
    let export_timeline = move |_| {
        let bytes = app.derived.with_untracked(|d| {
            timeline_csv(&d.records, &timeline(&d.records, &TimelineQuery::default()))
        });
        save_file(
            format!("nienbieu-timeline-{}.csv", stamp()),
            bytes,
            "text/csv;charset=utf-8",
        );
    };
    let export_popolo = move |_| {
        let json = app.derived.with_untracked(|d| popolo_json(&d.records));
        save_file(
            format!("nienbieu-popolo-{}.json", stamp()),
            json.into_bytes(),
            "application/json",
        );
    };
    let export_timelinejs = move |_| {
        let json = app.derived.with_untracked(|d| {
            timelinejs_json(
                &d.records,
                &timeline(&d.records, &TimelineQuery::default()),
                "Niên biểu",
            )
        });
        save_file(
            format!("nienbieu-timelinejs-{}.json", stamp()),
            json.into_bytes(),
            "application/json",
        );
    };

    // The import runs as a task, after this handler returns: it needs the page's owner to
    // find the app's state and the language (use_app, use_i18n) from there.
    let owner = Owner::current();
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        import_errors.set(Vec::new());
        file_reports.set(Vec::new());
        app.notice.set(None);
        let import = async move {
            let files = browser::read_files(&input).await;
            input.set_value("");
            let (json, txt): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|(name, _)| name.to_lowercase().ends_with(".json"));
            if !json.is_empty() {
                for (name, bytes) in json {
                    match bytes {
                        Ok(bytes) => {
                            import_json(&name, bytes, replace.get_untracked(), import_errors)
                        }
                        Err(e) => import_errors.update(|v| v.push(format!("{name}: {e}"))),
                    }
                }
            }
            if !txt.is_empty() {
                import_texts(txt, progress, file_reports).await;
            }
        };
        match &owner {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(import)),
            None => spawn_local(import),
        }
    };

    let usage_text = move || {
        app.derived.track();
        let units = app.usage();
        // localStorage counts UTF-16 code units; Chromium allows about 5 million per origin.
        let kb = units * 2 / 1024;
        let pct = units as f64 * 100.0 / (5.0 * 1024.0 * 1024.0);
        format!(
            "{kb} KB ({pct:.1}%) · {} {}",
            app.library.with(Library::len),
            t_string!(i18n, articles_word)
        )
    };
    let estimate_text = move || {
        estimate.get().map(|(used, quota)| {
            format!(
                "{}: {:.1} MB / {:.0} MB",
                t_string!(i18n, origin_storage),
                used / 1e6,
                quota / 1e6
            )
        })
    };
    let ask_persist = move |_| {
        spawn_local(async move {
            let granted = crate::store::request_persistence().await;
            persisted.set(granted);
        });
    };

    let backups = move || {
        app.load_report.track();
        app.backups()
            .into_iter()
            .map(|(key, raw)| {
                let name = format!("{}.txt", key.replace(':', "-"));
                let bytes = raw.clone().into_bytes();
                let del = key.clone();
                view! {
                    <li>
                        <code>{key.clone()}</code>" "
                        <button class="secondary small" on:click=move |_| save_file(name.clone(), bytes.clone(), "text/plain;charset=utf-8")>
                            {t!(i18n, download)}
                        </button>" "
                        <button class="secondary small" on:click=move |_| {
                            match app.remove_backup(&del) {
                                Ok(()) => app.load_report.update(|_| {}),
                                Err(e) => app.alert(super::store_error_text(&e)),
                            }
                        }>{t!(i18n, delete)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let problems = move || {
        app.load_report.with(|r| {
            r.problems
                .iter()
                .map(|p| view! { <li>{p.to_string()}</li> })
                .collect_view()
        })
    };
    let has_problems =
        move || app.load_report.with(|r| !r.problems.is_empty()) || !app.backups().is_empty();

    let clear_all = move |_| {
        if !confirm_clear.get_untracked() {
            confirm_clear.set(true);
            return;
        }
        confirm_clear.set(false);
        match app.change(|lib| *lib = Library::new()) {
            Ok(()) => app.status(t_string!(i18n, cleared)),
            Err(e) => app.alert(super::store_error_text(&e)),
        }
    };

    view! {
        <h1>{t!(i18n, data_title)}</h1>
        <section class="card">
            <h2>{t!(i18n, export_heading)}</h2>
            <p class="muted">{t!(i18n, export_help)}</p>
            <div class="actions">
                <button data-testid="export-backup" on:click=export_backup>{t!(i18n, export_backup)}</button>
                <button class="secondary" data-testid="export-roster-csv" on:click=export_roster>{t!(i18n, export_roster_csv)}</button>
                <button class="secondary" data-testid="export-timeline-csv" on:click=export_timeline>{t!(i18n, export_timeline_csv)}</button>
                <button class="secondary" data-testid="export-popolo" on:click=export_popolo>{t!(i18n, export_popolo)}</button>
                <button class="secondary" data-testid="export-timelinejs" on:click=export_timelinejs>{t!(i18n, export_timelinejs)}</button>
            </div>
        </section>
        <section class="card">
            <h2>{t!(i18n, import_heading)}</h2>
            <p class="muted">{t!(i18n, import_help)}</p>
            <fieldset class="import-mode">
                <legend>{t!(i18n, import_mode)}</legend>
                <label class="inline"><input type="radio" name="mode" prop:checked=move || !replace.get()
                    on:change=move |_| replace.set(false)/>" "{t!(i18n, import_merge)}</label>
                <label class="inline"><input type="radio" name="mode" data-testid="import-replace" prop:checked=move || replace.get()
                    on:change=move |_| replace.set(true)/>" "{t!(i18n, import_replace)}</label>
            </fieldset>
            <label for="import-file">{t!(i18n, import_choose)}</label>
            <input id="import-file" type="file" data-testid="import-file" multiple
                accept=".json,.txt,application/json,text/plain" on:change=on_files/>
            {move || progress.get().map(|(done, total)| view! {
                <div role="status" class="progress" data-testid="import-progress">
                    <progress max=total value=done></progress>
                    " "{format!("{done} / {total}")}
                </div>
            })}
            <Show when=move || !import_errors.with(Vec::is_empty)>
                <div role="alert" class="import-errors" data-testid="import-errors">
                    <p>{t!(i18n, import_invalid)}</p>
                    <ul>{move || import_errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <Show when=move || !file_reports.with(Vec::is_empty)>
                <details class="file-reports" open>
                    <summary>{t!(i18n, import_report)}</summary>
                    <ul>{move || file_reports.get().into_iter().map(|(n, o)| view! { <li><code>{n}</code>" — "{o}</li> }).collect_view()}</ul>
                </details>
            </Show>
        </section>
        <section class="card">
            <h2>{t!(i18n, storage_heading)}</h2>
            <p data-testid="storage-usage">{usage_text}</p>
            <p class="muted">{estimate_text}</p>
            <p>
                <button class="secondary small" on:click=ask_persist>{t!(i18n, ask_persist)}</button>" "
                {move || persisted.get().map(|g| if g { t_string!(i18n, persist_granted) } else { t_string!(i18n, persist_denied) })}
            </p>
        </section>
        <Show when=has_problems>
            <section class="card warn">
                <h2>{t!(i18n, damaged_heading)}</h2>
                <p>{t!(i18n, damaged_help)}</p>
                <ul>{problems}</ul>
                <ul class="backups" data-testid="backups">{backups}</ul>
            </section>
        </Show>
        <section class="card danger-zone">
            <h2>{t!(i18n, clear_heading)}</h2>
            <p class="muted">{t!(i18n, clear_help)}</p>
            <button class="danger" data-testid="clear-all" on:click=clear_all>
                {move || if confirm_clear.get() { t_string!(i18n, clear_confirm) } else { t_string!(i18n, clear_all) }}
            </button>
            <Show when=move || confirm_clear.get()>
                " "<button class="secondary" on:click=move |_| confirm_clear.set(false)>{t!(i18n, cancel)}</button>
            </Show>
        </section>
    }
}

/// Imports a backup: validated whole against the current library, stored in one change.
fn import_json(name: &str, bytes: Vec<u8>, replace: bool, errors: RwSignal<Vec<String>>) {
    let app = use_app();
    let i18n = use_i18n();
    let Ok(text) = String::from_utf8(bytes) else {
        errors.set(vec![format!("{name}: {}", t_string!(i18n, not_utf8))]);
        return;
    };
    let mode = if replace {
        ImportMode::Replace
    } else {
        ImportMode::Merge
    };
    // Validate first, so that nothing is touched unless the whole file is good.
    if let Err(errs) = app
        .library
        .with_untracked(|l| import_backup(&text, l, mode))
    {
        errors.set(errs.iter().map(|e| format!("{name}: {e}")).collect());
        return;
    }
    let result = app.change(|lib| match import_backup(&text, lib, mode) {
        Ok((next, summary)) => {
            *lib = next;
            Ok(summary)
        }
        Err(errs) => Err(errs),
    });
    match result {
        Ok(Ok(s)) => app.status(format!(
            "{}: {} {}, {} {}.",
            t_string!(i18n, imported),
            s.articles_added,
            t_string!(i18n, articles_new),
            s.articles_present,
            t_string!(i18n, articles_present)
        )),
        Ok(Err(errs)) => errors.set(errs.iter().map(|e| format!("{name}: {e}")).collect()),
        Err(e) => app.alert(super::store_error_text(&e)),
    }
}

/// Imports `.txt` files, one article each, with a progress bar: each file is added to a copy of
/// the library and read by the extractor in turn; the copy is stored in one atomic change.
async fn import_texts(
    files: Vec<(String, Result<Vec<u8>, String>)>,
    progress: RwSignal<Option<(usize, usize)>>,
    reports: RwSignal<Vec<(String, String)>>,
) {
    let app = use_app();
    let i18n = use_i18n();
    let mut unreadable = Vec::new();
    let readable: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter_map(|(n, b)| match b {
            Ok(b) => Some((n, b)),
            Err(e) => {
                unreadable.push((n, e));
                None
            }
        })
        .collect();
    let mut bulk = BulkImport::new(readable.clone());
    let mut copy = app.library.get_untracked();
    let now = now_ms();
    let mut out: Vec<(String, String)> = unreadable;
    progress.set(Some(bulk.progress()));
    while let Some(report) = bulk.step(&mut copy, now, EXTRACTOR_VERSION) {
        let what = match &report.outcome {
            FileOutcome::Added(_) => t_string!(i18n, file_added).to_string(),
            FileOutcome::Duplicate(_) => t_string!(i18n, file_duplicate).to_string(),
            FileOutcome::NotUtf8 { utf16: true, .. } => t_string!(i18n, file_utf16).to_string(),
            FileOutcome::NotUtf8 { .. } => t_string!(i18n, not_utf8).to_string(),
            FileOutcome::Empty => t_string!(i18n, file_empty).to_string(),
        };
        out.push((report.name, what));
        app.read_ahead(&copy);
        progress.set(Some(bulk.progress()));
        browser::next_frame().await;
    }
    // Store: the same files, added again to the library as it is now (another tab may have
    // changed it meanwhile); every one was read above, so this is quick.
    let added = out
        .iter()
        .filter(|(_, w)| w == t_string!(i18n, file_added))
        .count();
    let result = app.change(|lib| {
        BulkImport::new(readable.clone()).run(lib, now, EXTRACTOR_VERSION);
    });
    progress.set(None);
    reports.set(out);
    match result {
        Ok(()) => app.status(format!(
            "{}: {added} {}.",
            t_string!(i18n, imported),
            t_string!(i18n, articles_new)
        )),
        Err(e) => app.alert(super::store_error_text(&e)),
    }
}
