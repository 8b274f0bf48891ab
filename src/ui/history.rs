//! Pieces shared by the person and post pages: how a tenure's bounds are known, facts with
//! their evidence, and the tenure chart (one bar per tenure on a small SVG time scale).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::records::date::PartialDate;
use crate::records::derive::{BoundKind, Fact, FactSource, Records, Status, Tenure};
use crate::ui::components::{change_label, date_text};
use crate::ui::locales::i18n::{t, t_string, use_i18n};
use crate::ui::timeline::Pager;
use crate::ui::timeline_layout::{self as layout, Axis, Scale};

/// The width the page's content has, in CSS pixels: the window's, less the page margins, up to
/// the page's maximum width. Follows resizes.
pub fn use_content_width() -> Signal<f64> {
    let measure = || {
        let w = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0);
        (w.min(1200.0) - 32.0).max(280.0)
    };
    let width = RwSignal::new(measure());
    let handle = window_event_listener(leptos::ev::resize, move |_| width.set(measure()));
    on_cleanup(move || handle.remove());
    width.into()
}

/// The date's span in day numbers, when its year is known.
pub fn days(d: Option<PartialDate>) -> Option<(i64, i64)> {
    d.filter(|d| d.year().is_some()).and_then(|d| d.span())
}

/// Whether the tenure goes on, in the UI's language.
pub fn status_label(s: Status) -> &'static str {
    let i18n = use_i18n();
    match s {
        Status::Current => t_string!(i18n, person_status_current),
        Status::Ended => t_string!(i18n, person_status_ended),
        Status::Unknown => t_string!(i18n, person_status_unknown),
    }
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Current => "hv-status hv-current",
        Status::Ended => "hv-status hv-ended",
        Status::Unknown => "hv-status hv-unknown",
    }
}

/// The earliest and latest dated (year known) facts: the tenure's `first_seen`/`last_seen`
/// would count a date without a year as the latest.
fn dated_facts(t: &Tenure) -> impl Iterator<Item = &Fact> {
    t.facts
        .iter()
        .filter(|f| f.date.is_some_and(|d| d.year().is_some()))
}

/// The first and last dated (year known) facts saying the post was held.
pub fn held_dates(t: &Tenure) -> (Option<PartialDate>, Option<PartialDate>) {
    let held = || {
        dated_facts(t)
            .filter(|f| f.is_held())
            .filter_map(|f| f.date)
    };
    (held().min(), held().max())
}

/// "From" and "to" of a tenure, each with how it is known.
pub fn bounds_text(t: &Tenure) -> (String, String) {
    let i18n = use_i18n();
    let first = dated_facts(t).filter_map(|f| f.date).min();
    let last_held = dated_facts(t)
        .filter(|f| f.is_held())
        .filter_map(|f| f.date)
        .max();
    let from = match t.start.as_ref() {
        Some(b) => format!(
            "{} ({})",
            date_text(b.date),
            t_string!(i18n, person_start_stated)
        ),
        None => match first {
            Some(d) => format!(
                "{} ({})",
                date_text(Some(d)),
                t_string!(i18n, person_first_seen)
            ),
            None => t_string!(i18n, person_no_dated_fact).to_string(),
        },
    };
    let seen = last_held.map(|d| {
        format!(
            "{} {}",
            t_string!(i18n, person_last_seen),
            date_text(Some(d))
        )
    });
    let to = match t.end.as_ref() {
        Some(b) => {
            let how = match b.kind {
                BoundKind::Stated => t_string!(i18n, person_end_stated),
                BoundKind::EndedBy => t_string!(i18n, person_end_ended_by),
                BoundKind::Superseded => t_string!(i18n, person_end_superseded),
            };
            match seen {
                Some(s) if b.kind != BoundKind::Stated => {
                    format!("{} ({how}; {s})", date_text(b.date))
                }
                _ => format!("{} ({how})", date_text(b.date)),
            }
        }
        None => match (t.status, seen) {
            (Status::Current, Some(s)) => format!("{} ({s})", t_string!(i18n, person_to_now)),
            (_, Some(s)) => s,
            (_, None) => "—".to_string(),
        },
    };
    (from, to)
}

/// The chips of a fact: takes/leaves the post, former, acting, concurrent.
fn fact_flags(f: &Fact) -> Vec<&'static str> {
    let i18n = use_i18n();
    [
        change_label(f.change),
        f.former.then(|| t_string!(i18n, flag_former)),
        f.acting.then(|| t_string!(i18n, flag_acting)),
        f.concurrent.then(|| t_string!(i18n, flag_concurrent)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The sentence a fact was read in, the mention marked, and the article it is from.
#[component]
pub fn EvidenceQuote(records: Arc<Records>, source: FactSource) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let text = &records.corrected[source.article.ix()].text;
        let (sentence, mention) = (source.evidence.sentence, source.evidence.mention);
        let quote = if mention.start >= sentence.start && mention.end <= sentence.end {
            match (
                text.get(sentence.start..mention.start),
                text.get(mention.start..mention.end),
                text.get(mention.end..sentence.end),
            ) {
                (Some(a), Some(m), Some(b)) => view! {
                    <blockquote class="hv-quote">{a.to_string()}<mark>{m.to_string()}</mark>{b.to_string()}</blockquote>
                }
                .into_any(),
                _ => view! { <blockquote class="hv-quote">{sentence.slice(text).to_string()}</blockquote> }
                    .into_any(),
            }
        } else {
            view! { <blockquote class="hv-quote">{sentence.slice(text).to_string()}</blockquote> }
                .into_any()
        };
        let article = records.article(source.article);
        let event = records.event(source.article);
        let title = event
            .title
            .clone()
            .unwrap_or_else(|| t_string!(i18n, person_untitled).to_string());
        let when = date_text(event.date);
        view! {
            <div class="hv-evidence">
                {quote}
                <p class="hv-source">"— "<A href=format!("/articles/{}", article.id)>{title}</A>" · "{when}</p>
            </div>
        }
    })
}

/// A tenure's facts, each with its evidence. A long list shows its first and last few until
/// asked for all, then goes a page at a time.
#[component]
pub fn FactList(records: Arc<Records>, facts: Vec<Fact>) -> impl IntoView {
    const ENDS: usize = 3;
    const PER_PAGE: usize = 30;
    let i18n = use_i18n();
    let total = facts.len();
    let expanded = RwSignal::new(total <= 2 * ENDS);
    let page = RwSignal::new(0usize);
    let item = {
        let records = records.clone();
        move |f: &Fact| {
            let flags = fact_flags(f)
                .into_iter()
                .map(|c| view! { <span class="hv-chip">{c}</span> })
                .collect_view();
            view! {
                <li class="hv-fact" data-testid="fact">
                    <div class="hv-fact-head">
                        <span class="hv-date">{date_text(f.date)}</span>" "
                        <span class="hv-title">{f.title.clone()}</span>" "{flags}
                    </div>
                    <EvidenceQuote records=records.clone() source=f.source/>
                </li>
            }
        }
    };
    let facts = Arc::new(facts);
    view! {
        <ul class="hv-facts">
            {move || {
                if expanded.get() {
                    let p = layout::page(total, page.get(), PER_PAGE);
                    let items = facts[p.start..p.end].iter().map(&item).collect_view();
                    view! {
                        {items}
                        <li class="hv-more">
                            <Pager page=p total label=t_string!(i18n, tl_pages_label)
                                on_page=move |n| page.set(n)/>
                        </li>
                    }
                    .into_any()
                } else {
                    let head = facts.iter().take(ENDS).map(&item).collect_view();
                    let tail = facts.iter().skip(total - ENDS).map(&item).collect_view();
                    view! {
                        {head}
                        <li class="hv-more">
                            <button class="secondary" on:click=move |_| expanded.set(true)>
                                {format!("{} ({} {})", t_string!(i18n, person_show_all_facts), total, t_string!(i18n, person_facts_word))}
                            </button>
                        </li>
                        {tail}
                    }
                    .into_any()
                }
            }}
        </ul>
    }
}

/// One bar of a [`TenureChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    /// What the bar is: a post (on a person's page) or a person (on a post's page).
    pub label: String,
    /// Days certainly (or by the article's word) in the post.
    pub from: i64,
    pub to: i64,
    /// The tenure ended at some point between `to` and this day ("nguyên ..." or a successor).
    pub tail: Option<i64>,
    pub status: Status,
    pub acting: bool,
    /// In conflict with another holder.
    pub flagged: bool,
    /// The bar in words (its tooltip).
    pub describe: String,
}

/// The bar of a tenure, or `None` when none of its facts has a year (those are listed apart).
pub fn chart_row(t: &Tenure, label: String, flagged: bool) -> Option<ChartRow> {
    let first = dated_facts(t)
        .filter_map(|f| days(f.date))
        .map(|s| s.0)
        .min()?;
    let from = t
        .start
        .as_ref()
        .and_then(|b| days(b.date))
        .map(|s| s.0)
        .unwrap_or(first);
    let mut to = dated_facts(t)
        .filter(|f| f.is_held())
        .filter_map(|f| days(f.date))
        .map(|s| s.1)
        .max()
        .unwrap_or(from)
        .max(from);
    let mut tail = None;
    if let Some(end) = t.end.as_ref() {
        if let Some((e0, _)) = days(end.date) {
            match end.kind {
                // The article says when it ended: held until then.
                BoundKind::Stated => to = to.max(e0),
                BoundKind::EndedBy | BoundKind::Superseded if e0 > to => tail = Some(e0),
                _ => {}
            }
        }
    }
    let (a, b) = bounds_text(t);
    Some(ChartRow {
        describe: format!("{label}: {a} – {b}; {}", status_label(t.status)),
        label,
        from,
        to,
        tail,
        status: t.status,
        acting: t.acting,
        flagged,
    })
}

/// Bars on a time scale of whole years, labelled above; the same facts are in the lists that
/// follow, so the chart is one image for assistive technology.
#[component]
pub fn TenureChart(
    rows: Vec<ChartRow>,
    #[prop(into)] label: String,
    width: Signal<f64>,
) -> impl IntoView {
    const ROW: f64 = 38.0;
    const TOP: f64 = 6.0;
    const AXIS: f64 = 26.0;
    if rows.is_empty() {
        return ().into_any();
    }
    let first = rows.iter().map(|r| r.from).min().unwrap_or(0);
    let last = rows
        .iter()
        .map(|r| r.tail.unwrap_or(r.to).max(r.to))
        .max()
        .unwrap_or(first);
    let year_of = |day: i64| -> i32 {
        // Day numbers count from 0000-03-01; a year's span says which year a day is in.
        let guess = (day as f64 / 365.2425).floor() as i32;
        (guess - 1..=guess + 1)
            .find(|&y| {
                PartialDate::y(y)
                    .and_then(|d| d.span())
                    .is_some_and(|(a, b)| a <= day && day <= b)
            })
            .unwrap_or(guess)
    };
    let (y0, y1) = (year_of(first), year_of(last));
    let start = PartialDate::y(y0)
        .and_then(|d| d.span())
        .map_or(first, |s| s.0);
    let end = PartialDate::y(y1)
        .and_then(|d| d.span())
        .map_or(last, |s| s.1 + 1);
    let height = TOP + ROW * rows.len() as f64 + AXIS;
    let rows = Arc::new(rows);
    (move || {
        let w = width.get().max(300.0);
        let scale = Scale {
            from: start,
            to: end,
            x0: 8.0,
            x1: w - 8.0,
        };
        let years = (y1 - y0 + 1).max(1) as usize;
        let every = Axis {
            width: w,
            left: 8.0,
            right: 8.0,
            slots: years,
        }
        .label_every(40.0);
        let ticks = (y0..=y1)
            .enumerate()
            .map(|(i, y)| {
                let x = PartialDate::y(y)
                    .and_then(|d| d.span())
                    .map_or(scale.x0, |s| scale.x(s.0));
                let mid = PartialDate::y(y)
                    .and_then(|d| d.span())
                    .map_or(x, |s| (scale.x(s.0) + scale.x(s.1 + 1)) / 2.0);
                let label = (i % every == 0).then(|| {
                    view! {
                        <text class="hv-year" x=mid y=height - 8.0 text-anchor="middle">{y.to_string()}</text>
                    }
                });
                view! {
                    <line class="hv-grid" x1=x x2=x y1=TOP y2=height - AXIS + 4.0/>
                    {label}
                }
            })
            .collect_view();
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let y = TOP + ROW * i as f64;
                let (xa, xb) = scale.bar(r.from, r.to, 5.0);
                let class = format!(
                    "hv-bar {}{}{}",
                    match r.status {
                        Status::Current => "hv-bar-current",
                        Status::Ended => "hv-bar-ended",
                        Status::Unknown => "hv-bar-unknown",
                    },
                    if r.acting { " hv-bar-acting" } else { "" },
                    if r.flagged { " hv-bar-flagged" } else { "" },
                );
                let tail = r.tail.map(|t| {
                    let xt = scale.x(t);
                    view! { <line class="hv-tail" x1=xb x2=xt y1=y + 23.0 y2=y + 23.0/> }
                });
                let open = (r.status == Status::Current).then(|| {
                    let points = format!(
                        "{},{} {},{} {},{}",
                        xb + 1.0,
                        y + 17.0,
                        xb + 8.0,
                        y + 23.0,
                        xb + 1.0,
                        y + 29.0
                    );
                    view! { <polygon class="hv-open" points=points/> }
                });
                // A label runs right from a bar in the left half of the chart and ends at a bar in
                // the right half, so that a long title is never cut at the edge.
                let (label_x, anchor) = if xa > w / 2.0 {
                    (xb.min(w - 8.0), "end")
                } else {
                    (xa.max(8.0), "start")
                };
                view! {
                    <g class="hv-row">
                        <title>{r.describe.clone()}</title>
                        <text class="hv-label" x=label_x y=y + 12.0 text-anchor=anchor>{r.label.clone()}</text>
                        <rect class=class x=xa y=y + 17.0 width=xb - xa height=12 rx=3/>
                        {tail}
                        {open}
                    </g>
                }
            })
            .collect_view();
        let label = label.clone();
        view! {
            <div class="hv-chart-scroll">
                <svg class="hv-chart" data-testid="tenure-chart" role="img" aria-label=label
                    width=w height=height viewBox=format!("0 0 {w} {height}")>
                    <line class="hv-axis" x1=scale.x0 x2=scale.x1 y1=height - AXIS + 4.0 y2=height - AXIS + 4.0/>
                    {ticks}
                    {bars}
                </svg>
            </div>
        }
    })
    .into_any()
}

/// The chart's legend.
#[component]
pub fn ChartLegend() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hv-legend">
            <span class="hv-key hv-key-current"></span>{t!(i18n, person_legend_current)}
            <span class="hv-key hv-key-ended"></span>{t!(i18n, person_legend_ended)}
            <span class="hv-key hv-key-tail"></span>{t!(i18n, person_legend_tail)}
        </p>
    }
}
