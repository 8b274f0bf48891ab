//! `/posts/:id`: the holders of one post over time, in order, with who came before and after,
//! the gaps between them (vacant, or just not reported) and conflicts (two holders of a
//! single-seat post at once), each fact with its evidence.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::components::date_text;
use super::history::{
    bounds_text, chart_row, held_dates, status_class, status_label, use_content_width, ChartLegend,
    FactList, TenureChart,
};
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::use_app;
use crate::records::derive::{PostIx, Records, TenureIx};
use crate::records::post::Seats;
use crate::records::views::{post_history, Conflict, Gap, PostHistory};

#[component]
pub fn PostPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let width = use_content_width();
    move || {
        let _ = i18n.get_locale();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let records = app.derived.with(|d| d.records.clone());
        match records.post_ix(&id) {
            Some(post) => view! { <PostView records post width/> }.into_any(),
            None => view! {
                <section class="hv-missing" data-testid="post-missing">
                    <h1>{t!(i18n, post_missing_title)}</h1>
                    <p>{t!(i18n, post_missing)}</p>
                    <p><A href="/roster">{t!(i18n, person_to_roster)}</A></p>
                </section>
            }
            .into_any(),
        }
    }
}

/// The holder's name, linked to their page.
fn holder_link(r: &Records, t: TenureIx) -> impl IntoView {
    let p = r.person(r.tenure(t).person);
    let (href, name) = (format!("/people/{}", p.id), p.name.clone());
    view! { <A href=href>{name}</A> }
}

#[component]
fn PostView(records: Arc<Records>, post: PostIx, width: Signal<f64>) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let p = records.post(post).clone();
        let PostHistory {
            holders,
            gaps,
            conflicts,
            ..
        } = post_history(&records, post);
        let in_conflict = |t: TenureIx| conflicts.iter().any(|c| c.a == t || c.b == t);

        let org = p.org.map(|o| records.org(o).name.clone());
        let scope = if p.national {
            Some(t_string!(i18n, post_national).to_string())
        } else {
            p.place.map(str::to_string)
        };
        let seats = match p.seats {
            Seats::One => t_string!(i18n, post_one_seat),
            Seats::Many => t_string!(i18n, post_many_seats),
        };
        let meta = [org, scope, Some(seats.to_string())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");

        let rows: Vec<_> = holders
            .iter()
            .filter_map(|h| {
                let t = records.tenure(h.tenure);
                chart_row(
                    t,
                    records.person(t.person).name.clone(),
                    in_conflict(h.tenure),
                )
            })
            .collect();
        let chart_label = format!("{} {}", t_string!(i18n, post_chart_label), p.label);

        let conflict_box = (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .iter()
                .map(|c| conflict_item(&records, c))
                .collect_view();
            view! {
                <div class="hv-conflicts" role="note" data-testid="conflicts">
                    <h2>{t!(i18n, post_conflicts_heading)}</h2>
                    <p>{t!(i18n, post_conflicts_help)}</p>
                    <ul>{items}</ul>
                </div>
            }
        });

        let mut items = Vec::new();
        for (i, h) in holders.iter().enumerate() {
            if let Some(g) = gaps.iter().find(|g| g.before == h.tenure) {
                items.push(gap_item(&records, g).into_any());
            }
            let t = records.tenure(h.tenure);
            let (from, to) = bounds_text(t);
            let flags = [
                t.acting.then(|| t_string!(i18n, flag_acting)),
                t.concurrent.then(|| t_string!(i18n, flag_concurrent)),
                in_conflict(h.tenure).then(|| t_string!(i18n, post_in_conflict)),
            ]
            .into_iter()
            .flatten()
            .map(|f| view! { <span class="hv-chip">{f}</span> })
            .collect_view();
            let neighbours = (h.predecessor.is_some() || h.successor.is_some()).then(|| {
                view! {
                    <p class="hv-neighbours">
                        {h.predecessor.map(|x| view! {
                            <span>{t!(i18n, post_predecessor)}" "{holder_link(&records, x)}</span>
                        })}
                        {h.successor.map(|x| view! {
                            <span>{t!(i18n, post_successor)}" "{holder_link(&records, x)}</span>
                        })}
                    </p>
                }
            });
            items.push(
                view! {
                    <li class="hv-tenure hv-holder" data-testid="holder" class:hv-flagged=in_conflict(h.tenure)>
                        <div class="hv-tenure-head">
                            <span class="hv-number">{i + 1}"."</span>
                            <h3>{holder_link(&records, h.tenure)}</h3>
                            <span class=status_class(t.status)>{status_label(t.status)}</span>
                            {flags}
                        </div>
                        <dl class="hv-bounds">
                            <dt>{t!(i18n, person_from)}</dt><dd>{from}</dd>
                            <dt>{t!(i18n, person_to)}</dt><dd>{to}</dd>
                        </dl>
                        {neighbours}
                        <FactList records=records.clone() facts=t.facts.clone()/>
                    </li>
                }
                .into_any(),
            );
        }
        let empty = holders.is_empty().then(|| {
            view! { <p class="hv-muted">{t!(i18n, post_no_holders)}</p> }
        });
        let order_help = (p.seats == Seats::Many).then(|| {
            view! { <p class="hv-muted">{t!(i18n, post_many_help)}</p> }
        });

        view! {
            <article class="hv-page" data-testid="post">
                <header class="hv-head">
                    <h1 data-testid="post-label">{p.label.clone()}</h1>
                    <p class="hv-meta">{meta}</p>
                </header>
                <section aria-labelledby="post-chart-h">
                    <h2 id="post-chart-h">{t!(i18n, post_chart_heading)}</h2>
                    <TenureChart rows label=chart_label width/>
                    <ChartLegend/>
                </section>
                {conflict_box}
                <section aria-labelledby="post-holders-h">
                    <h2 id="post-holders-h">{t!(i18n, post_holders_heading)}</h2>
                    {order_help}
                    {empty}
                    <ol class="hv-tenures hv-holders">{items}</ol>
                </section>
            </article>
        }
    })
}

fn gap_item(r: &Records, g: &Gap) -> impl IntoView {
    let i18n = use_i18n();
    let range = format!("{} – {}", date_text(Some(g.from)), date_text(Some(g.to)));
    let (class, what, why) = if g.vacant {
        (
            "hv-gap hv-gap-vacant",
            t_string!(i18n, post_gap_vacant),
            t_string!(i18n, post_gap_vacant_help),
        )
    } else {
        (
            "hv-gap hv-gap-unreported",
            t_string!(i18n, post_gap_unreported),
            t_string!(i18n, post_gap_unreported_help),
        )
    };
    let after = r.person(r.tenure(g.after).person).name.clone();
    let before = r.person(r.tenure(g.before).person).name.clone();
    view! {
        <li class=class data-testid="gap" data-vacant=g.vacant.to_string()>
            <strong>{what}</strong>" "<span class="hv-date">{range}</span>
            <p class="hv-muted">{why}" ("{after}" → "{before}")"</p>
        </li>
    }
}

fn conflict_item(r: &Records, c: &Conflict) -> impl IntoView {
    let i18n = use_i18n();
    let (ta, tb) = (r.tenure(c.a), r.tenure(c.b));
    let range = |t: &crate::records::derive::Tenure| {
        let (a, b) = held_dates(t);
        format!("{} – {}", date_text(a), date_text(b))
    };
    let why = match c.same_article {
        Some(a) => {
            let title = r
                .event(a)
                .title
                .clone()
                .unwrap_or_else(|| t_string!(i18n, person_untitled).to_string());
            view! {
                <span>{t!(i18n, post_conflict_same_article)}" "
                    <A href=format!("/articles/{}", r.article(a).id)>{title}</A>
                </span>
            }
            .into_any()
        }
        None => view! { <span>{t!(i18n, post_conflict_overlap)}</span> }.into_any(),
    };
    view! {
        <li data-testid="conflict">
            {holder_link(r, c.a)}" ("{range(ta)}") "{t!(i18n, post_and)}" "
            {holder_link(r, c.b)}" ("{range(tb)}"): "{why}
        </li>
    }
}
