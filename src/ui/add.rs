//! `/`: paste an article, review what was read, correct it, save.
//!
//! The preview is what will be stored: the article as the record layer will keep it, read by
//! the extractor, with the user's corrections applied by [`correct::apply`]. Corrections made
//! here are saved with the article, as corrections (so they survive a better extractor).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::components::{
    change_label, date_reason, date_text, kind_from_key, kind_key, kind_label, marks_of,
    role_label, EmptyState, Highlighted, KINDS,
};
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::{now_ms, use_app};
use crate::extract::{self, Extraction, Span, EXTRACTOR_VERSION};
use crate::records::article::canonical_text;
use crate::records::correct::{self, CorrectedArticle, CorrectedOfficial};
use crate::records::{
    Added, Article, ArticleId, Edit, OfficialRef, PartialDate, Source, TitleEdit,
};

/// The unsaved paste, kept in localStorage as it is typed so that nothing is lost to a reload,
/// a crash or a full storage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Draft {
    text: String,
    url: String,
    published: String,
    edits: Vec<Edit>,
}

const DRAFT_KEY: &str = "nienbieu.draft";
const SAMPLE: &str = include_str!("sample_article.txt");

/// What the preview shows: the draft read and corrected.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub id: ArticleId,
    pub extraction: Arc<Extraction>,
    pub article: Arc<CorrectedArticle>,
}

/// Reads the sample article as a preview would, and forgets it: the first paste then finds the
/// lexicons built and the browser's compiled code for every step of the preview.
pub(super) fn warm_up() {
    std::hint::black_box(preview(SAMPLE, "", "", &[]));
}

/// Reads a draft as the records will: canonical text, extractor, corrections.
fn preview(text: &str, url: &str, published: &str, edits: &[Edit]) -> Option<Preview> {
    let stored = canonical_text(text);
    if stored.is_empty() {
        return None;
    }
    let id = ArticleId::of_text(&stored);
    let article = Article {
        id: id.clone(),
        text: stored.into(),
        url: Some(url.trim().to_string()).filter(|u| !u.is_empty()),
        published: Some(published.trim().to_string()).filter(|p| !p.is_empty()),
        added_ms: 0,
        extractor_version: EXTRACTOR_VERSION,
    };
    let extraction = extract::extract(&article.text, &article.context());
    let corrections: Vec<crate::records::Correction> = edits
        .iter()
        .enumerate()
        .map(|(i, e)| crate::records::Correction {
            id: crate::records::CorrectionId(i as u64 + 1),
            at_ms: 0,
            edit: e.clone(),
        })
        .collect();
    let refs: Vec<&crate::records::Correction> = corrections.iter().collect();
    let corrected = correct::apply(&article, &extraction, &refs);
    Some(Preview {
        id,
        extraction: Arc::new(extraction),
        article: Arc::new(corrected),
    })
}

#[component]
pub fn AddArticle() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let draft: Draft = crate::store::load(DRAFT_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let text = RwSignal::new(draft.text);
    let url = RwSignal::new(draft.url);
    let published = RwSignal::new(draft.published);
    let edits = RwSignal::new(draft.edits);

    // "/?sample=1" (the empty states link here) fills in the sample article.
    let query = use_query_map();
    Effect::new(move |_| {
        if query.with(|q| q.get("sample").is_some()) && text.with_untracked(String::is_empty) {
            text.set(SAMPLE.to_string());
        }
    });

    Effect::new(move |_| {
        let d = Draft {
            text: text.get(),
            url: url.get(),
            published: published.get(),
            edits: edits.get(),
        };
        if d == Draft::default() {
            crate::store::remove(DRAFT_KEY);
        } else {
            // Best effort: with the storage full the text is still in the box.
            let _ = crate::store::save(DRAFT_KEY, &d);
        }
    });

    let read = Memo::new(move |_| {
        text.with(|t| url.with(|u| published.with(|p| edits.with(|e| preview(t, u, p, e)))))
    });
    let published_ok = move || {
        published.with(|p| {
            p.trim().is_empty() || PartialDate::parse(p.trim()).is_some_and(|d| d.year().is_some())
        })
    };
    let edit = move |e: Edit| edits.update(|v| v.push(e));
    let last_saved: RwSignal<Option<(ArticleId, bool)>> = RwSignal::new(None);

    let save = move |_| {
        let Some(p) = read.get_untracked() else {
            app.alert(t_string!(i18n, nothing_to_save));
            return;
        };
        if !published_ok() {
            app.alert(t_string!(i18n, bad_published));
            return;
        }
        let source = Source {
            url: Some(url.get_untracked()),
            published: Some(published.get_untracked()),
        };
        let pasted = text.get_untracked();
        let corrections = edits.get_untracked();
        let now = now_ms();
        let result = app.change(|lib| {
            let added = lib.add_article(&pasted, source.clone(), now, EXTRACTOR_VERSION);
            if let Ok(Added::New(_)) = &added {
                for e in &corrections {
                    lib.correct(e.clone(), now);
                }
            }
            added
        });
        match result {
            Ok(Ok(Added::New(id))) => {
                let officials = p.article.officials.len();
                app.status(format!(
                    "{} {} ({officials} {}).",
                    t_string!(i18n, saved_article),
                    p.article.title.clone().unwrap_or_default(),
                    t_string!(i18n, officials_word)
                ));
                last_saved.set(Some((id, false)));
                text.set(String::new());
                url.set(String::new());
                published.set(String::new());
                edits.set(Vec::new());
            }
            Ok(Ok(Added::Duplicate(id))) => {
                app.status(t_string!(i18n, already_stored));
                last_saved.set(Some((id, true)));
            }
            Ok(Err(e)) => app.alert(format!("{}: {e}", t_string!(i18n, cannot_save))),
            Err(e) => app.alert(super::store_error_text(&e)),
        }
    };

    let clear = move |_| {
        text.set(String::new());
        url.set(String::new());
        published.set(String::new());
        edits.set(Vec::new());
        app.notice.set(None);
    };

    view! {
        <div class="add-layout">
            <section class="paste-panel" aria-labelledby="add-title">
                <h1 id="add-title">{t!(i18n, add_title)}</h1>
                <label for="article-input">{t!(i18n, paste_label)}</label>
                <textarea id="article-input" data-testid="article-input" rows="14"
                    placeholder=move || t_string!(i18n, paste_placeholder)
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <div class="source-fields">
                    <div>
                        <label for="source-url">{t!(i18n, source_url)}</label>
                        <input id="source-url" type="url" inputmode="url" data-testid="source-url"
                            placeholder="https://…"
                            prop:value=move || url.get()
                            on:input=move |ev| url.set(event_target_value(&ev))/>
                    </div>
                    <div>
                        <label for="source-published">{t!(i18n, published_date)}</label>
                        <input id="source-published" data-testid="source-published"
                            placeholder="2021-12-28"
                            aria-invalid=move || (!published_ok()).to_string()
                            aria-describedby="published-help"
                            prop:value=move || published.get()
                            on:input=move |ev| published.set(event_target_value(&ev))/>
                        <small id="published-help" class:error=move || !published_ok()>{t!(i18n, published_help)}</small>
                    </div>
                </div>
                <div class="actions">
                    <button data-testid="save-article" on:click=save
                        disabled=move || read.with(Option::is_none)>{t!(i18n, save)}</button>
                    <button class="secondary" on:click=clear
                        disabled=move || text.with(String::is_empty)>{t!(i18n, clear)}</button>
                    <Show when=move || text.with(String::is_empty)>
                        <button class="secondary" data-testid="try-sample"
                            on:click=move |_| text.set(SAMPLE.to_string())>{t!(i18n, try_sample)}</button>
                    </Show>
                </div>
                {move || last_saved.get().map(|(id, duplicate)| view! {
                    <p class="saved-link">
                        <A href=format!("/articles/{}", id)>
                            {if duplicate { t_string!(i18n, open_stored) } else { t_string!(i18n, open_saved) }}
                        </A>
                    </p>
                })}
            </section>
            <section class="review-panel" data-testid="extraction-preview" aria-live="polite"
                aria-label=move || t_string!(i18n, preview_label)>
                {move || match read.get() {
                    None => view! {
                        <EmptyState>
                            <p>{t!(i18n, add_empty)}</p>
                            <p>{t!(i18n, add_privacy)}</p>
                        </EmptyState>
                    }.into_any(),
                    Some(p) => view! { <Review preview=p edit=edit/> }.into_any(),
                }}
            </section>
        </div>
    }
}

/// The review of one read article: event, officials, bylines, the marked-up text.
#[component]
pub fn Review(preview: Preview, #[prop(into)] edit: Callback<Edit>) -> impl IntoView {
    let i18n = use_i18n();
    let Preview {
        id,
        extraction,
        article,
    } = preview;
    let bylines: Vec<Span> = extraction
        .authors
        .iter()
        .map(|a| a.evidence.mention)
        .collect();
    let marks = marks_of(&article, &bylines);
    let text = article.text.clone();
    let officials = article
        .officials
        .iter()
        .map(|o| view! { <OfficialCard id=id.clone() official=o.clone() edit=edit/> })
        .collect_view();
    let authors = extraction
        .authors
        .iter()
        .map(|a| view! { <li><span class="credit">{a.credit.clone()}</span>" "{a.name.clone()}</li> })
        .collect_view();
    let has_authors = !extraction.authors.is_empty();
    let dropped = article
        .dropped
        .iter()
        .map(|(name, _)| view! { <li>{name.clone()}</li> })
        .collect_view();
    let has_dropped = !article.dropped.is_empty();
    let count = article.officials.len();
    let add_id = id.clone();
    let add_text = text.clone();
    let add_selected = move |_| {
        if let Some((name, span)) = selected_in(&add_text) {
            edit.run(Edit::AddOfficial {
                article: add_id.clone(),
                name,
                titles: Vec::new(),
                roles: Vec::new(),
                selection: span,
            });
        }
    };
    view! {
        <EventCard id=id.clone() article=article.clone() edit=edit/>
        <h2>{t!(i18n, officials_heading)}" "<span class="count">{count}</span></h2>
        {(count == 0).then(|| view! { <p class="muted">{t!(i18n, no_officials)}</p> })}
        <ol class="officials">{officials}</ol>
        <p class="muted help">{t!(i18n, add_from_selection_help)}</p>
        <button class="secondary" data-testid="add-from-selection" on:click=add_selected>
            {t!(i18n, add_from_selection)}
        </button>
        {has_dropped.then(|| view! {
            <details class="dropped"><summary>{t!(i18n, dropped_heading)}</summary><ul>{dropped}</ul></details>
        })}
        {has_authors.then(|| view! {
            <h3>{t!(i18n, authors_heading)}</h3>
            <ul class="authors">{authors}</ul>
        })}
        <h3>{t!(i18n, marked_text)}</h3>
        <p class="legend">
            <mark class="hl hl-name">{t!(i18n, legend_name)}</mark>" "
            <mark class="hl hl-title">{t!(i18n, legend_title)}</mark>" "
            <mark class="hl hl-date">{t!(i18n, legend_date)}</mark>" "
            <mark class="hl hl-byline">{t!(i18n, legend_byline)}</mark>
        </p>
        <Highlighted text=text marks=marks/>
    }
}

/// The text the user selected inside the marked-up article, as a name and its span in `text`.
fn selected_in(text: &str) -> Option<(String, Span)> {
    let selection = window().get_selection().ok()??;
    let picked = selection.to_string().as_string()?;
    let name = picked.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.len() > 80 {
        return None;
    }
    // Where the selection starts: the piece's data-start plus the offset inside its text node.
    let node = selection.anchor_node()?;
    let piece = node.parent_element()?;
    let base: usize = piece.get_attribute("data-start")?.parse().ok()?;
    let offset_utf16 = selection.anchor_offset() as usize;
    let piece_text = node.text_content().unwrap_or_default();
    let mut units = 0;
    let mut bytes = 0;
    for c in piece_text.chars() {
        if units >= offset_utf16 {
            break;
        }
        units += c.len_utf16();
        bytes += c.len_utf8();
    }
    let near = base + bytes;
    // The selected words themselves, found at (or close to) where the selection starts.
    let first = name.split(' ').next().unwrap_or(&name);
    let start = text
        .get(near.saturating_sub(first.len() + 8)..)
        .and_then(|rest| rest.find(first))
        .map(|i| near.saturating_sub(first.len() + 8) + i)
        .or_else(|| text.find(first))?;
    let end = (start + name.len()).min(text.len());
    let end = (end..=text.len()).find(|&e| text.is_char_boundary(e))?;
    Some((name, Span::new(start, end)))
}

#[component]
fn EventCard(
    id: ArticleId,
    article: Arc<CorrectedArticle>,
    #[prop(into)] edit: Callback<Edit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let date_input = RwSignal::new(article.date.map(|d| d.iso()).unwrap_or_default());
    let date_error = RwSignal::new(false);
    let kind = article.kind;
    let title = article.title.clone().unwrap_or_default();
    let reason = date_reason(article.date_source);
    let shown_date = date_text(article.date);
    let evidence = article
        .date_evidence
        .map(|e| e.sentence.slice(&article.text).trim().to_string());
    let details = [
        article.body.clone(),
        article
            .ordinal
            .map(|n| format!("{} {n}", t_string!(i18n, ordinal_word))),
        article
            .term
            .clone()
            .map(|t| format!("{} {t}", t_string!(i18n, term_word))),
        article.place.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let (id_kind, id_title, id_date) = (id.clone(), id.clone(), id);
    let set_date = move |_| {
        let raw = date_input.get_untracked();
        let raw = raw.trim();
        if raw.is_empty() {
            date_error.set(false);
            edit.run(Edit::SetEventDate {
                article: id_date.clone(),
                date: None,
            });
            return;
        }
        match PartialDate::parse(raw) {
            Some(d) => {
                date_error.set(false);
                edit.run(Edit::SetEventDate {
                    article: id_date.clone(),
                    date: Some(d),
                });
            }
            None => date_error.set(true),
        }
    };
    let kind_options = KINDS
        .into_iter()
        .map(|k| view! { <option value=kind_key(k) selected=k == kind>{kind_label(k)}</option> })
        .collect_view();
    view! {
        <div class="event-card" data-testid="event-card">
            <h2>{t!(i18n, event_heading)}</h2>
            <div class="event-date">
                <span class="big-date" data-testid="event-date">{shown_date}</span>
                <span class="reason">{reason}</span>
            </div>
            {evidence.map(|e| view! { <blockquote class="evidence">{e}</blockquote> })}
            {(!details.is_empty()).then(|| view! { <p class="muted">{details}</p> })}
            <div class="event-fields">
                <div>
                    <label for="event-kind">{t!(i18n, event_kind)}</label>
                    <select id="event-kind" on:change=move |ev| {
                        if let Some(k) = kind_from_key(&event_target_value(&ev)) {
                            edit.run(Edit::SetEventKind { article: id_kind.clone(), kind: k });
                        }
                    }>{kind_options}</select>
                </div>
                <div>
                    <label for="event-date-input">{t!(i18n, event_date_label)}</label>
                    <input id="event-date-input" placeholder="2021-12-28 / --12-28"
                        aria-invalid=move || date_error.get().to_string()
                        prop:value=move || date_input.get()
                        on:input=move |ev| date_input.set(event_target_value(&ev))
                        on:change=set_date/>
                    {move || date_error.get().then(|| view! { <small class="error">{t!(i18n, bad_date)}</small> })}
                </div>
                <div class="wide">
                    <label for="event-title">{t!(i18n, event_title)}</label>
                    <input id="event-title" prop:value=title
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = v.trim();
                            edit.run(Edit::SetEventTitle {
                                article: id_title.clone(),
                                title: (!v.is_empty()).then(|| v.to_string()),
                            });
                        }/>
                </div>
            </div>
        </div>
    }
}

/// One official in the review: name, rank, titles (each editable), roles; removable.
#[component]
fn OfficialCard(
    id: ArticleId,
    official: CorrectedOfficial,
    #[prop(into)] edit: Callback<Edit>,
) -> impl IntoView {
    let i18n = use_i18n();
    let target = OfficialRef::new(&id, &official.name).at(official.first_evidence().mention);
    let name = official.name.clone();
    let (t_name, t_drop, t_add) = (target.clone(), target.clone(), target.clone());
    let titles = official
        .titles
        .iter()
        .map(|t| {
            let old = t.text.clone();
            let (r_fix, r_del) = (target.clone(), target.clone());
            let (o_fix, o_del) = (old.clone(), old.clone());
            let flags = [
                t.former.then(|| t_string!(i18n, flag_former)),
                t.acting.then(|| t_string!(i18n, flag_acting)),
                t.concurrent.then(|| t_string!(i18n, flag_concurrent)),
                change_label(t.change),
            ]
            .into_iter()
            .flatten()
            .map(|f| view! { <span class="chip">{f}</span> })
            .collect_view();
            view! {
                <li class="title-row">
                    // (a textarea, so that a long title wraps on a phone instead of being cut)
                    <textarea class="title-input" rows="1" prop:value=old.clone()
                        aria-label=move || t_string!(i18n, title_label)
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
                            edit.run(Edit::FixTitle {
                                official: r_fix.clone(),
                                from: Some(o_fix.clone()),
                                to: (!v.is_empty()).then(|| TitleEdit::held(&v)),
                            });
                        }
                        // (Enter commits, as in a one-line field)
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                let _ = event_target::<web_sys::HtmlElement>(&ev).blur();
                            }
                        }></textarea>
                    {flags}
                    <button class="icon" title=move || t_string!(i18n, remove_title)
                        aria-label=move || format!("{} {}", t_string!(i18n, remove_title), o_del)
                        on:click=move |_| edit.run(Edit::FixTitle {
                            official: r_del.clone(),
                            from: Some(old.clone()),
                            to: None,
                        })>"×"</button>
                </li>
            }
        })
        .collect_view();
    let roles = official
        .roles
        .iter()
        .map(|r| view! { <span class="chip role">{role_label(*r)}</span> })
        .collect_view();
    let new_title = RwSignal::new(String::new());
    let add_title = move || {
        let v = new_title.get_untracked().trim().to_string();
        if !v.is_empty() {
            edit.run(Edit::FixTitle {
                official: t_add.clone(),
                from: None,
                to: Some(TitleEdit::held(&v)),
            });
            new_title.set(String::new());
        }
    };
    let add_title_click = add_title.clone();
    let drop_label = name.clone();
    view! {
        <li class="official-card" data-testid="official">
            <div class="official-head">
                <input class="name-input" data-testid="official-name" prop:value=name.clone()
                    aria-label=move || t_string!(i18n, name_label)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let v = v.trim().to_string();
                        if !v.is_empty() {
                            edit.run(Edit::FixName { official: t_name.clone(), name: v });
                        }
                    }/>
                {official.rank.clone().map(|r| view! { <span class="chip rank">{r}</span> })}
                {roles}
                {official.added_by.is_some().then(|| view! { <span class="chip added">{t!(i18n, added_by_you)}</span> })}
                <button class="icon danger" data-testid="drop-official"
                    title=move || t_string!(i18n, not_an_official)
                    aria-label=move || format!("{} {}", t_string!(i18n, not_an_official), drop_label)
                    on:click=move |_| edit.run(Edit::DropOfficial { official: t_drop.clone() })>"×"</button>
            </div>
            <ul class="titles" data-testid="official-titles">{titles}</ul>
            <div class="add-title">
                <input placeholder=move || t_string!(i18n, add_title_placeholder)
                    aria-label=move || t_string!(i18n, add_title_placeholder)
                    prop:value=move || new_title.get()
                    on:input=move |ev| new_title.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add_title() }/>
                <button class="secondary small" on:click=move |_| add_title_click()>{t!(i18n, add)}</button>
            </div>
        </li>
    }
}
