//! `/people/:id`: one person's history. Name, spellings and places; their posts over time on a
//! small chart; each tenure with how its bounds are known and every fact with its evidence; and
//! the two identity corrections: merge with another person, split mentions off, with undo.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::history;
use super::person_search as search;

use super::components::date_text;
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::{now_ms, use_app};
use super::timeline::Pager;
use super::timeline_layout as layout;
use crate::records::derive::{MentionIx, PersonIx, Records};
use crate::records::{Edit, Library, OfficialRef};
use history::{
    bounds_text, chart_row, status_class, status_label, use_content_width, ChartLegend,
    EvidenceQuote, FactList, TenureChart,
};
use search::{PersonSearch, Suggestion};

/// Mentions a page of the split list shows.
const MENTIONS_PER_PAGE: usize = 30;

/// The reference a correction uses for one mention: its article, the name as written there,
/// and where (so it still finds it if the name is corrected).
pub fn mention_ref(r: &Records, m: MentionIx) -> OfficialRef {
    let o = r.official(m);
    OfficialRef::new(&r.article(m.article).id, &o.name).at(o.first_evidence().mention)
}

/// The id of the person a mention belongs to now.
fn person_id_of(r: &Records, m: &OfficialRef) -> Option<String> {
    r.person_of_official(m).map(|p| r.person(p).id.clone())
}

/// The last correction, when it is a merge or a split (the ones this page undoes).
fn last_identity_edit(lib: &Library) -> Option<Edit> {
    lib.corrections()
        .last()
        .map(|c| c.edit.clone())
        .filter(|e| matches!(e, Edit::Merge { .. } | Edit::Split { .. }))
}

#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let width = use_content_width();
    // Set once this page merged or split, so its undo stays offered wherever that led.
    let acted = RwSignal::new(false);
    move || {
        let _ = i18n.get_locale();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let records = app.derived.with(|d| d.records.clone());
        match records.person_ix(&id) {
            Some(person) => view! { <PersonView records person width acted/> }.into_any(),
            None => view! {
                <section class="hv-missing" data-testid="person-missing">
                    <h1>{t!(i18n, person_missing_title)}</h1>
                    <p>{t!(i18n, person_missing)}</p>
                    <p><A href="/roster">{t!(i18n, person_to_roster)}</A></p>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn PersonView(
    records: Arc<Records>,
    person: PersonIx,
    width: Signal<f64>,
    acted: RwSignal<bool>,
) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let p = records.person(person).clone();
        let dates: Vec<_> = p
            .articles
            .iter()
            .filter_map(|&a| records.date_of(a))
            .filter(|d| d.year().is_some())
            .collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) => format!(" · {} – {}", date_text(Some(*a)), date_text(Some(*b))),
            _ => String::new(),
        };
        let summary = format!(
            "{} {}{span}",
            p.articles.len(),
            t_string!(i18n, person_articles_word)
        );
        let other_names = (!p.other_names.is_empty()).then(|| {
            view! {
                <p class="hv-aka">{t!(i18n, person_other_names)}" "{p.other_names.join(", ")}</p>
            }
        });
        let places = p
            .places
            .iter()
            .map(|pl| view! { <span class="hv-chip hv-place">{*pl}</span> })
            .collect_view();

        // The chart: one bar per tenure with a dated fact; the rest listed apart.
        let rows: Vec<_> = p
            .tenures
            .iter()
            .filter_map(|&t| {
                let tenure = records.tenure(t);
                chart_row(tenure, records.post(tenure.post).label.clone(), false)
            })
            .collect();
        let apart: Vec<_> = p
            .tenures
            .iter()
            .flat_map(|&t| {
                let tenure = records.tenure(t);
                tenure
                    .facts
                    .iter()
                    .filter(|f| f.date.is_none_or(|d| d.year().is_none()))
                    .map(move |f| (tenure.post, f.clone()))
            })
            .collect();
        let apart_view = (!apart.is_empty()).then(|| {
            let items = apart
                .into_iter()
                .map(|(post, f)| {
                    let post = records.post(post);
                    let (post_href, post_label) =
                        (format!("/posts/{}", post.id), post.label.clone());
                    view! {
                        <li class="hv-fact">
                            <div class="hv-fact-head">
                                <span class="hv-date">{date_text(f.date)}</span>" "
                                <A href=post_href>{post_label}</A>
                            </div>
                            <EvidenceQuote records=records.clone() source=f.source/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="hv-apart" data-testid="undated-facts">
                    <h3>{t!(i18n, person_apart_heading)}</h3>
                    <p class="hv-muted">{t!(i18n, person_apart_help)}</p>
                    <ul class="hv-facts">{items}</ul>
                </div>
            }
        });
        let chart_label = format!("{} {}", t_string!(i18n, person_chart_label), p.name);

        let tenures = p
            .tenures
            .iter()
            .map(|&t| {
                let tenure = records.tenure(t);
                let post = records.post(tenure.post);
                let (from, to) = bounds_text(tenure);
                let (post_href, post_label) = (format!("/posts/{}", post.id), post.label.clone());
                let flags = [
                    tenure.acting.then(|| t_string!(i18n, flag_acting)),
                    tenure.concurrent.then(|| t_string!(i18n, flag_concurrent)),
                ]
                .into_iter()
                .flatten()
                .map(|f| view! { <span class="hv-chip">{f}</span> })
                .collect_view();
                view! {
                    <li class="hv-tenure" data-testid="tenure">
                        <div class="hv-tenure-head">
                            <h3><A href=post_href>{post_label}</A></h3>
                            <span class=status_class(tenure.status)>{status_label(tenure.status)}</span>
                            {flags}
                        </div>
                        <dl class="hv-bounds">
                            <dt>{t!(i18n, person_from)}</dt><dd>{from}</dd>
                            <dt>{t!(i18n, person_to)}</dt><dd>{to}</dd>
                        </dl>
                        <FactList records=records.clone() facts=tenure.facts.clone()/>
                    </li>
                }
            })
            .collect_view();
        let no_tenures = p.tenures.is_empty().then(|| {
            view! { <p class="hv-muted">{t!(i18n, person_no_tenures)}</p> }
        });

        view! {
            <article class="hv-page" data-testid="person">
                <header class="hv-head">
                    <h1 data-testid="person-name">{p.name.clone()}</h1>
                    {other_names}
                    <p class="hv-meta">{places}" "<span>{summary}</span></p>
                </header>
                <section aria-labelledby="person-chart-h">
                    <h2 id="person-chart-h">{t!(i18n, person_chart_heading)}</h2>
                    <TenureChart rows label=chart_label width/>
                    <ChartLegend/>
                    {apart_view}
                </section>
                <section aria-labelledby="person-tenures-h">
                    <h2 id="person-tenures-h">{t!(i18n, person_tenures_heading)}</h2>
                    {no_tenures}
                    <ol class="hv-tenures">{tenures}</ol>
                </section>
                <IdentityTools records=records.clone() person acted/>
            </article>
        }
    })
}

/// Merge with another person, split mentions off, undo.
#[component]
fn IdentityTools(records: Arc<Records>, person: PersonIx, acted: RwSignal<bool>) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let app = use_app();
        let navigate = use_navigate();
        let p = records.person(person).clone();
        let refs: Arc<Vec<OfficialRef>> = Arc::new(
            p.mentions
                .iter()
                .map(|&m| mention_ref(&records, m))
                .collect(),
        );
        let go_to = {
            let navigate = navigate.clone();
            move |id: &str| {
                navigate(
                    &format!("/people/{id}"),
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..NavigateOptions::default()
                    },
                )
            }
        };

        // Merge.
        let merge_with: RwSignal<Option<Suggestion>> = RwSignal::new(None);
        let merge = {
            let refs = refs.clone();
            let go_to = go_to.clone();
            move |_| {
                let Some(other) = merge_with.get_untracked() else {
                    return;
                };
                let (Some(a), Some(b)) = (
                    refs.first().cloned(),
                    app.derived.with_untracked(|d| {
                        let r = &d.records;
                        let o = r.person_ix(&other.id)?;
                        r.person(o).mentions.first().map(|&m| mention_ref(r, m))
                    }),
                ) else {
                    return;
                };
                let edit = Edit::Merge { a: a.clone(), b };
                match app.change(|lib| lib.correct(edit.clone(), now_ms())) {
                    Ok(_) => {
                        acted.set(true);
                        app.status(format!(
                            "{} {}.",
                            t_string!(i18n, person_merged),
                            other.name
                        ));
                        if let Some(id) =
                            app.derived.with_untracked(|d| person_id_of(&d.records, &a))
                        {
                            go_to(&id);
                        }
                    }
                    Err(e) => app.alert(super::store_error_text(&e)),
                }
            }
        };

        // Split.
        let selected: RwSignal<Vec<usize>> = RwSignal::new(Vec::new());
        let total = refs.len();
        let split = {
            let refs = refs.clone();
            let go_to = go_to.clone();
            move |_| {
                let chosen = selected.get_untracked();
                if chosen.is_empty() || chosen.len() >= total {
                    return;
                }
                let mentions: Vec<OfficialRef> = chosen
                    .iter()
                    .filter_map(|&i| refs.get(i).cloned())
                    .collect();
                let stays = (0..total)
                    .find(|i| !chosen.contains(i))
                    .and_then(|i| refs.get(i).cloned());
                let edit = Edit::Split { mentions };
                match app.change(|lib| lib.correct(edit.clone(), now_ms())) {
                    Ok(_) => {
                        acted.set(true);
                        selected.set(Vec::new());
                        app.status(format!(
                            "{} ({}).",
                            t_string!(i18n, person_split_done),
                            chosen.len()
                        ));
                        if let Some(id) = stays.and_then(|s| {
                            app.derived.with_untracked(|d| person_id_of(&d.records, &s))
                        }) {
                            go_to(&id);
                        }
                    }
                    Err(e) => app.alert(super::store_error_text(&e)),
                }
            }
        };
        // Every mention, a page at a time (a busy official is named in thousands of
        // articles); the selection is kept across pages.
        let rows: Arc<Vec<(String, String, String, String)>> = Arc::new(
            p.mentions
                .iter()
                .map(|&m| {
                    let o = records.official(m);
                    let event = records.event(m.article);
                    let titles = o
                        .titles
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let said = if titles.is_empty() {
                        format!("“{}”", o.name)
                    } else {
                        format!("“{}”, {titles}", o.name)
                    };
                    let title = event
                        .title
                        .clone()
                        .unwrap_or_else(|| t_string!(i18n, person_untitled).to_string());
                    (
                        date_text(event.date),
                        title,
                        said,
                        format!("/articles/{}", records.article(m.article).id),
                    )
                })
                .collect(),
        );
        let mention_page = RwSignal::new(0usize);
        let mentions = move || {
            let page = layout::page(rows.len(), mention_page.get(), MENTIONS_PER_PAGE);
            let items = (page.start..page.end)
                .map(|i| {
                    let (date, title, said, href) = rows[i].clone();
                    let check_id = format!("mention-{i}");
                    view! {
                        <li class="hv-mention">
                            <input type="checkbox" id=check_id.clone() data-testid="mention-check"
                                prop:checked=move || selected.with(|s| s.contains(&i))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| {
                                        s.retain(|&x| x != i);
                                        if on {
                                            s.push(i);
                                        }
                                    });
                                }/>
                            <label for=check_id>
                                <span class="hv-date">{date}</span>" "
                                <span>{title}</span>" — "
                                <span class="hv-muted">{said}</span>
                            </label>
                            " "<A href=href>{t!(i18n, person_open_article)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="hv-mentions" data-testid="mentions">{items}</ul>
                <Pager page total=rows.len() label=t_string!(i18n, tl_pages_label)
                    on_page=move |p| mention_page.set(p)/>
            }
        };

        // Undo: the last correction, when it is a merge or split about this person (or made here).
        let me = p.id.clone();
        let last = Memo::new(move |_| app.library.with(last_identity_edit));
        let undo_offer = {
            let records = records.clone();
            move || {
                let edit = last.get()?;
                let involved = match &edit {
                    Edit::Merge { a, b } => [a, b]
                        .iter()
                        .any(|r| person_id_of(&records, r).as_deref() == Some(me.as_str())),
                    Edit::Split { mentions } => mentions
                        .iter()
                        .any(|r| person_id_of(&records, r).as_deref() == Some(me.as_str())),
                    _ => false,
                };
                if !(involved || acted.get()) {
                    return None;
                }
                let (what, other) = match &edit {
                    Edit::Merge { .. } => (t_string!(i18n, person_last_merge), None),
                    Edit::Split { mentions } => {
                        let new_person = mentions
                            .first()
                            .and_then(|r| records.person_of_official(r))
                            .filter(|&np| records.person(np).id != me)
                            .map(|np| records.person(np).clone());
                        (t_string!(i18n, person_last_split), new_person)
                    }
                    _ => return None,
                };
                let other = other.map(|np| {
                    let (href, name) = (format!("/people/{}", np.id), np.name.clone());
                    view! {
                        " "<A href=href attr:data-testid="split-person">{name}</A>
                    }
                });
                let navigate = navigate.clone();
                let undo = move |_| match app.change(|lib| lib.undo().map(|c| c.edit.clone())) {
                    Ok(Some(edit)) => {
                        acted.set(false);
                        app.status(t_string!(i18n, person_undone));
                        let target = match &edit {
                            Edit::Merge { a, .. } => Some(a.clone()),
                            Edit::Split { mentions } => mentions.first().cloned(),
                            _ => None,
                        };
                        if let Some(id) = target.and_then(|t| {
                            app.derived.with_untracked(|d| person_id_of(&d.records, &t))
                        }) {
                            navigate(
                                &format!("/people/{id}"),
                                NavigateOptions {
                                    replace: true,
                                    scroll: false,
                                    ..NavigateOptions::default()
                                },
                            );
                        }
                    }
                    Ok(None) => {}
                    Err(e) => app.alert(super::store_error_text(&e)),
                };
                Some(view! {
                    <div class="hv-last-fix" data-testid="last-fix">
                        <span>{what}{other}</span>
                        <button class="secondary" data-testid="undo" on:click=undo>{t!(i18n, person_undo)}</button>
                    </div>
                })
            }
        };

        let pick_merge = move |s: Option<Suggestion>| merge_with.set(s);
        let merge_label = Signal::derive(move || t_string!(i18n, person_merge_search).to_string());
        let exclude = p.id.clone();
        let name = p.name.clone();
        view! {
            <section class="hv-tools" aria-labelledby="person-tools-h">
                <h2 id="person-tools-h">{t!(i18n, person_tools_heading)}</h2>
                {undo_offer}
                <div class="hv-tool">
                    <h3>{t!(i18n, person_merge_heading)}</h3>
                    <p class="hv-muted">{t!(i18n, person_merge_help)}</p>
                    <PersonSearch id="merge-search" label=merge_label exclude=exclude on_pick=pick_merge/>
                    {move || merge_with.get().map(|other| {
                        let text = format!("{} “{}” {} “{}”", t_string!(i18n, person_merge_do), other.name, t_string!(i18n, person_merge_into), name);
                        view! {
                            <button data-testid="merge-confirm" on:click=merge.clone()>{text}</button>
                        }
                    })}
                </div>
                <div class="hv-tool">
                    <h3>{t!(i18n, person_split_heading)}</h3>
                    <p class="hv-muted">{t!(i18n, person_split_help)}</p>
                    {mentions}
                    <button data-testid="split" on:click=split
                        disabled=move || selected.with(|s| s.is_empty() || s.len() >= total)>
                        {t!(i18n, person_split_do)}
                    </button>
                </div>
            </section>
        }
    })
}
