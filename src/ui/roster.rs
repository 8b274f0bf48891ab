//! `/roster`: every official, with latest titles, organisation and place, first and last seen,
//! number of articles. Sortable, filterable, searchable without diacritics, paginated; the whole
//! state of the view is in the URL, so a reload (or a shared link) shows the same page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::browser;
use super::components::{date_text, StartHere};
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::use_app;
use crate::records::export::roster_csv;
use crate::records::sort;
use crate::records::views::{Column, RosterQuery};

const PAGE: usize = 50;

/// Builds a query string from (key, value) pairs, leaving out empty values.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn column_key(c: Column) -> &'static str {
    match c {
        Column::Name => "name",
        Column::Titles => "titles",
        Column::Organization => "organization",
        Column::Place => "place",
        Column::FirstSeen => "first_seen",
        Column::LastSeen => "last_seen",
        Column::Articles => "articles",
    }
}

fn column_from(key: &str) -> Column {
    Column::ALL
        .into_iter()
        .find(|c| column_key(*c) == key)
        .unwrap_or_default()
}

#[component]
pub fn Roster() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();

    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let roster_query = Memo::new(move |_| RosterQuery {
        text: param("q"),
        province: Some(param("province")).filter(|s| !s.is_empty()),
        organization: Some(param("org")).filter(|s| !s.is_empty()),
        post: Some(param("post")).filter(|s| !s.is_empty()),
        sort: column_from(&param("sort")),
        descending: param("desc") == "1",
    });
    let page = Memo::new(move |_| param("page").parse::<usize>().unwrap_or(1).max(1));

    // Every change of the view is a change of the URL (replacing, not adding, history).
    let go = Callback::new(move |(q, page): (RosterQuery, usize)| {
        let url = format!(
            "/roster{}",
            query_string(&[
                ("q", q.text),
                ("province", q.province.unwrap_or_default()),
                ("org", q.organization.unwrap_or_default()),
                ("post", q.post.unwrap_or_default()),
                (
                    "sort",
                    if q.sort == Column::Name {
                        String::new()
                    } else {
                        column_key(q.sort).into()
                    }
                ),
                (
                    "desc",
                    if q.descending {
                        "1".into()
                    } else {
                        String::new()
                    }
                ),
                (
                    "page",
                    if page > 1 {
                        page.to_string()
                    } else {
                        String::new()
                    }
                ),
            ])
        );
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });

    // The matching rows (indices into the roster), recomputed per keystroke.
    let matches = Memo::new(move |_| {
        let q = roster_query.get();
        app.derived.with(|d| {
            d.roster
                .query(&q)
                .iter()
                .map(|r| r.person)
                .collect::<Vec<_>>()
        })
    });

    let on_search = move |ev| {
        let mut q = roster_query.get_untracked();
        q.text = event_target_value(&ev);
        go.run((q, 1));
    };
    let set_filter = move |which: &'static str, value: String| {
        let mut q = roster_query.get_untracked();
        let v = Some(value).filter(|s| !s.is_empty());
        match which {
            "province" => q.province = v,
            "org" => q.organization = v,
            _ => q.post = v,
        }
        go.run((q, 1));
    };
    let sort_by = move |c: Column| {
        let mut q = roster_query.get_untracked();
        q.descending = q.sort == c && !q.descending;
        q.sort = c;
        go.run((q, 1));
    };
    let to_page = move |p: usize| go.run((roster_query.get_untracked(), p));

    let provinces = Memo::new(move |_| {
        app.derived.with(|d| {
            let mut ps: Vec<&'static str> =
                d.roster.rows().iter().filter_map(|r| r.place).collect();
            sort::sort_dedup(&mut ps);
            ps
        })
    });
    let orgs = Memo::new(move |_| {
        app.derived.with(|d| {
            let mut os: Vec<(String, String)> = d
                .records
                .organizations
                .iter()
                .map(|o| (o.id.clone(), o.name.clone()))
                .collect();
            sort::sort_by(&mut os, |a, b| a.1.cmp(&b.1));
            os
        })
    });
    let posts = Memo::new(move |_| {
        app.derived.with(|d| {
            let mut ps: Vec<(String, String)> = d
                .records
                .posts
                .iter()
                .filter(|p| !p.tenures.is_empty())
                .map(|p| (p.id.clone(), p.label.clone()))
                .collect();
            sort::sort_by(&mut ps, |a, b| a.1.cmp(&b.1));
            ps
        })
    });

    let export_csv = move |_| {
        let q = roster_query.get_untracked();
        app.derived.with_untracked(|d| {
            let rows = d.roster.query(&q);
            let bytes = roster_csv(&d.records, &rows);
            if let Err(e) = browser::download(
                &format!("nienbieu-roster-{}.csv", browser::today()),
                &bytes,
                "text/csv;charset=utf-8",
            ) {
                app.alert(e);
            }
        });
    };

    let header = move |c: Column, label: &'static str| {
        let sort = move || {
            let q = roster_query.get();
            if q.sort != c {
                "none"
            } else if q.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" aria-sort=sort>
                <button class="sort" on:click=move |_| sort_by(c)>
                    {label}
                    <span class="sort-mark" aria-hidden="true">{move || match sort() {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "",
                    }}</span>
                </button>
            </th>
        }
    };

    let total = move || matches.with(Vec::len);
    let pages = move || total().div_ceil(PAGE).max(1);
    let rows = move || {
        let p = page.get().min(pages());
        let ids = matches.with(|m| {
            m.iter()
                .skip((p - 1) * PAGE)
                .take(PAGE)
                .copied()
                .collect::<Vec<_>>()
        });
        app.derived.with(|d| {
            ids.into_iter()
                .map(|ix| {
                    let row = &d.roster.rows()[ix.ix()];
                    let person = d.records.person(ix);
                    let href = format!("/people/{}", person.id);
                    let titles = row.titles.join("; ");
                    let name = row.name.clone();
                    let former = !row.current;
                    let org = row.organization.clone().unwrap_or_default();
                    let place = row.place.unwrap_or("");
                    let (first, last, count) = (date_text(row.first_seen), date_text(row.last_seen), row.articles);
                    view! {
                        <tr>
                            <th scope="row"><A href=href>{name}</A>
                                {former.then(|| view! { <span class="chip muted-chip">{t_string!(i18n, roster_not_current)}</span> })}
                            </th>
                            <td data-label=move || t_string!(i18n, col_titles)>{titles}</td>
                            <td data-label=move || t_string!(i18n, col_organization)>{org}</td>
                            <td data-label=move || t_string!(i18n, col_place)>{place}</td>
                            <td data-label=move || t_string!(i18n, col_first_seen)>{first}</td>
                            <td data-label=move || t_string!(i18n, col_last_seen)>{last}</td>
                            <td data-label=move || t_string!(i18n, col_articles) class="num">{count}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let to_prev =
        move |_: leptos::ev::MouseEvent| to_page(page.get_untracked().saturating_sub(1).max(1));
    let to_next = move |_: leptos::ev::MouseEvent| to_page(page.get_untracked() + 1);

    view! {
        <h1>{t!(i18n, roster_title)}</h1>
        <Show when=move || app.derived.with(|d| !d.roster.is_empty()) fallback=StartHere>
            <div class="roster-controls no-print">
                <div class="search">
                    <label for="roster-search">{t!(i18n, roster_search)}</label>
                    <input id="roster-search" type="search" data-testid="roster-search"
                        placeholder=move || t_string!(i18n, roster_search_placeholder)
                        prop:value=move || param("q")
                        on:input=on_search/>
                </div>
                <div>
                    <label for="roster-province">{t!(i18n, col_place)}</label>
                    <select id="roster-province" on:change={
                        move |ev| set_filter("province", event_target_value(&ev))
                    }>
                        <option value="">{t!(i18n, all)}</option>
                        {move || provinces.get().into_iter().map(|p| view! {
                            <option value=p selected=move || param("province") == p>{p}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="roster-org">{t!(i18n, col_organization)}</label>
                    <select id="roster-org" on:change={
                        move |ev| set_filter("org", event_target_value(&ev))
                    }>
                        <option value="">{t!(i18n, all)}</option>
                        {move || orgs.get().into_iter().map(|(id, name)| {
                            let sel = id.clone();
                            view! { <option value=id selected=move || param("org") == sel>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="roster-post">{t!(i18n, roster_post)}</label>
                    <select id="roster-post" on:change={
                        move |ev| set_filter("post", event_target_value(&ev))
                    }>
                        <option value="">{t!(i18n, all)}</option>
                        {move || posts.get().into_iter().map(|(id, label)| {
                            let sel = id.clone();
                            view! { <option value=id selected=move || param("post") == sel>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="roster-summary">
                <p role="status" data-testid="roster-count">{move || format!("{} / {} {}", total(), app.derived.with(|d| d.roster.len()), t_string!(i18n, officials_word))}</p>
                <div class="no-print">
                    <button class="secondary small" on:click=export_csv>{t!(i18n, download_csv)}</button>
                    " "
                    <button class="secondary small" on:click=|_| browser::print()>{t!(i18n, print)}</button>
                </div>
            </div>
            <div class="table-wrap">
                <table data-testid="roster-table" class="roster-table">
                    <caption class="sr-only">{t!(i18n, roster_title)}</caption>
                    <thead>
                        <tr>
                            {header(Column::Name, t_string!(i18n, col_name))}
                            {header(Column::Titles, t_string!(i18n, col_titles))}
                            {header(Column::Organization, t_string!(i18n, col_organization))}
                            {header(Column::Place, t_string!(i18n, col_place))}
                            {header(Column::FirstSeen, t_string!(i18n, col_first_seen))}
                            {header(Column::LastSeen, t_string!(i18n, col_last_seen))}
                            {header(Column::Articles, t_string!(i18n, col_articles))}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || total() == 0>
                <p class="muted">{t!(i18n, roster_no_match)}</p>
            </Show>
            <nav class="pager no-print" aria-label=move || t_string!(i18n, pages_label)>
                <button class="secondary small" disabled=move || { page.get() <= 1 }
                    on:click=to_prev>
                    {t!(i18n, previous)}
                </button>
                <span>{move || format!("{} {} / {}", t_string!(i18n, page_word), page.get().min(pages()), pages())}</span>
                <button class="secondary small" disabled=move || { page.get() >= pages() }
                    on:click=to_next>
                    {t!(i18n, next)}
                </button>
            </nav>
        </Show>
    }
}
