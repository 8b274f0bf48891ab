//! `/timeline`: events on a time axis drawn in SVG, zoomable from all years to a year's months
//! and a month's days; filterable by person, organisation and kind; keyboard navigable. Crowded
//! slots become one circle with a count and the lists below are paginated, so thousands of
//! events stay smooth. Events whose year is unknown, and those with no date, keep lanes and
//! lists of their own. The zoom, selection, filters and pages live in the URL query.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::timeline_layout as layout;

use super::components::{date_text, kind_from_key, kind_key, kind_label, StartHere, KINDS};
use super::history::use_content_width;
use super::locales::i18n::{t, t_string, use_i18n, Locale};
use super::person_search::{PersonSearch, Suggestion};
use super::state::use_app;
use crate::extract::normalize::fold;
use crate::extract::EventKind;
use crate::records::derive::{ArticleIx, OrgIx, PersonIx, Records};
use crate::records::sort;
use crate::records::views::{timeline, TimelineQuery};
use layout::{buckets, marks, month_buckets_without_year, Axis, Bucket, MarkKind, Slot, Ymd, Zoom};

/// Events a page of the lists shows.
const PER_PAGE: usize = 30;
/// Events drawn one by one in a slot before they become a cluster.
const STACK: usize = 3;

/// A slot picked in the current period, to list its events only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Day(u8),
    /// The period's events whose month (in a year) or day (in a month) is unknown.
    Unknown,
}

/// What the URL query says: `?zoom=month&y=2023&m=9&sel=5&person=…&org=…&kind=…&page=2`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TimelineUrl {
    zoom: Zoom,
    pick: Option<Pick>,
    person: Option<String>,
    org: Option<String>,
    kind: Option<EventKind>,
    /// Pages from 0 (the URL counts from 1): dated list, year-unknown list, undated list.
    page: usize,
    no_year_page: usize,
    undated_page: usize,
    /// The month picked in the year-unknown lane.
    no_year_month: Option<u8>,
}

impl TimelineUrl {
    fn read(q: &ParamsMap) -> TimelineUrl {
        let page = |k: &str| {
            q.get(k)
                .and_then(|p| p.parse::<usize>().ok())
                .map_or(0, |p| p.saturating_sub(1))
        };
        let zoom = Zoom::parse(
            q.get("zoom").as_deref(),
            q.get("y").as_deref(),
            q.get("m").as_deref(),
        );
        let pick = match (zoom, q.get("sel").as_deref()) {
            (Zoom::All, _) | (_, None) => None,
            (_, Some("u")) => Some(Pick::Unknown),
            (Zoom::Month(..), Some(d)) => d.parse::<u8>().ok().map(Pick::Day),
            _ => None,
        };
        TimelineUrl {
            zoom,
            pick,
            person: q.get("person").filter(|s| !s.is_empty()),
            org: q.get("org").filter(|s| !s.is_empty()),
            kind: q.get("kind").as_deref().and_then(kind_from_key),
            page: page("page"),
            no_year_page: page("upage"),
            undated_page: page("npage"),
            no_year_month: q
                .get("um")
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m)),
        }
    }

    fn href(&self) -> String {
        let mut parts: Vec<(&str, String)> = self.zoom.query();
        match self.pick {
            Some(Pick::Day(d)) => parts.push(("sel", d.to_string())),
            Some(Pick::Unknown) => parts.push(("sel", "u".into())),
            None => {}
        }
        if let Some(p) = &self.person {
            parts.push(("person", p.clone()));
        }
        if let Some(o) = &self.org {
            parts.push(("org", o.clone()));
        }
        if let Some(k) = self.kind {
            parts.push(("kind", kind_key(k).into()));
        }
        for (k, v) in [
            ("page", self.page),
            ("upage", self.no_year_page),
            ("npage", self.undated_page),
        ] {
            if v > 0 {
                parts.push((k, (v + 1).to_string()));
            }
        }
        if let Some(m) = self.no_year_month {
            parts.push(("um", m.to_string()));
        }
        let query = parts
            .iter()
            .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v)))
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() {
            "/timeline".into()
        } else {
            format!("/timeline?{query}")
        }
    }

    /// At another zoom: nothing picked, first page.
    fn zoomed(&self, zoom: Zoom) -> TimelineUrl {
        TimelineUrl {
            zoom,
            pick: None,
            page: 0,
            ..self.clone()
        }
    }

    /// With other filters: every list back to its first page.
    fn filtered(&self, f: impl FnOnce(&mut TimelineUrl)) -> TimelineUrl {
        let mut u = TimelineUrl {
            pick: None,
            page: 0,
            no_year_page: 0,
            undated_page: 0,
            no_year_month: None,
            ..self.clone()
        };
        f(&mut u);
        u
    }
}

/// The events that match the filters, by how much of their date is known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Matching {
    /// Every event in the records, filtered or not.
    total: usize,
    dated: Vec<(Ymd, ArticleIx)>,
    no_year: Vec<(Ymd, ArticleIx)>,
    undated: Vec<ArticleIx>,
}

fn matching(r: &Records, u: &TimelineUrl) -> Matching {
    // An id the records do not know matches nothing (rather than everything).
    let person = u
        .person
        .as_deref()
        .map(|id| r.person_ix(id).unwrap_or(PersonIx(u32::MAX)));
    let organization = u
        .org
        .as_deref()
        .map(|id| r.org_ix(id).unwrap_or(OrgIx(u32::MAX)));
    let q = TimelineQuery {
        person,
        organization,
        kind: u.kind,
    };
    let mut m = Matching {
        total: r.events.len(),
        ..Matching::default()
    };
    for g in timeline(r, &q) {
        for a in g.events {
            match r.event(a).date {
                Some(d) => {
                    let ymd = Ymd {
                        year: d.year(),
                        month: d.month(),
                        day: d.day(),
                    };
                    if d.year().is_some() {
                        m.dated.push((ymd, a));
                    } else {
                        m.no_year.push((ymd, a));
                    }
                }
                None => m.undated.push(a),
            }
        }
    }
    m
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const EN_MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_short(m: u8) -> String {
    match use_i18n().get_locale_untracked() {
        Locale::vi => format!("T{m}"),
        Locale::en => EN_MONTHS
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
    }
}

/// "tháng 9/2023", "September 2023"; without a year: "tháng 9", "September".
fn month_long(year: Option<i32>, m: u8) -> String {
    match (use_i18n().get_locale_untracked(), year) {
        (Locale::vi, Some(y)) => format!("tháng {m}/{y}"),
        (Locale::vi, None) => format!("tháng {m}"),
        (Locale::en, y) => {
            let name = EN_MONTHS_LONG
                .get(usize::from(m).wrapping_sub(1))
                .copied()
                .unwrap_or("?");
            match y {
                Some(y) => format!("{name} {y}"),
                None => name.to_string(),
            }
        }
    }
}

/// The period in words: "all years", "2023", "tháng 9/2023".
fn period_name(z: Zoom) -> String {
    let i18n = use_i18n();
    match z {
        Zoom::All => t_string!(i18n, tl_all_years).to_string(),
        Zoom::Year(y) => format!("{} {y}", t_string!(i18n, tl_year_word)),
        Zoom::Month(y, m) => month_long(Some(y), m),
    }
}

/// A slot in words, for its tick and for assistive technology.
fn slot_names(zoom: Option<Zoom>, slot: Slot) -> (String, String) {
    let i18n = use_i18n();
    match (zoom, slot) {
        (_, Slot::Year(y)) => (
            y.to_string(),
            format!("{} {y}", t_string!(i18n, tl_year_word)),
        ),
        (Some(Zoom::Year(y)), Slot::Month(m)) => (month_short(m), month_long(Some(y), m)),
        (_, Slot::Month(m)) => (month_short(m), month_long(None, m)),
        (Some(Zoom::Month(y, m)), Slot::Day(d)) => (
            d.to_string(),
            date_text(crate::records::PartialDate::ymd(y, m, d)),
        ),
        (_, Slot::Day(d)) => (d.to_string(), d.to_string()),
        (Some(Zoom::Year(_)), Slot::Unknown) => {
            ("?".into(), t_string!(i18n, tl_month_unknown).to_string())
        }
        (_, Slot::Unknown) => ("?".into(), t_string!(i18n, tl_day_unknown).to_string()),
    }
}

/// One event in words: date, kind, title.
fn event_words(r: &Records, a: ArticleIx) -> String {
    let i18n = use_i18n();
    let e = r.event(a);
    format!(
        "{} · {} · {}",
        date_text(e.date),
        kind_label(e.kind),
        e.title
            .clone()
            .unwrap_or_else(|| t_string!(i18n, person_untitled).to_string())
    )
}

/// A mark as drawn: where, what, and what it says.
#[derive(Debug, Clone)]
struct DrawnMark {
    slot: usize,
    level: usize,
    kind: MarkKind<ArticleIx>,
    class: String,
    words: String,
}

fn drawn_marks(r: &Records, zoom: Option<Zoom>, b: &[Bucket<ArticleIx>]) -> Vec<DrawnMark> {
    let i18n = use_i18n();
    marks(b, STACK)
        .into_iter()
        .map(|m| {
            let (class, words) = match m.kind {
                MarkKind::One(a) => (
                    format!("tl-mark tl-one tl-kind-{}", kind_key(r.event(a).kind)),
                    event_words(r, a),
                ),
                MarkKind::Cluster(n) => {
                    let (_, slot) = slot_names(zoom, b[m.slot].slot);
                    let hint = match (zoom, b[m.slot].slot) {
                        (Some(Zoom::All), _) | (Some(Zoom::Year(_)), Slot::Month(_)) => {
                            t_string!(i18n, tl_cluster_zoom_hint)
                        }
                        _ => t_string!(i18n, tl_cluster_list_hint),
                    };
                    (
                        "tl-mark tl-cluster".to_string(),
                        format!("{slot}: {n} {} ({hint})", t_string!(i18n, tl_events_word)),
                    )
                }
            };
            DrawnMark {
                slot: m.slot,
                level: m.level,
                kind: m.kind,
                class,
                words,
            }
        })
        .collect()
}

/// What a key or click on an axis asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AxisAction {
    /// Enter, Space or a click on mark `i`.
    Activate(usize),
    /// "+": zoom into the slot of mark `i`.
    ZoomIn(usize),
    /// "-".
    ZoomOut,
    /// PageUp (-1), PageDown (+1).
    Step(i32),
}

/// Moves the focus to mark `i` of the axis `svg` (roving tabindex: only one mark is in the tab
/// order at a time, arrows move between them).
fn focus_mark(svg: &web_sys::Element, from: Option<&web_sys::Element>, i: usize) {
    if let Ok(Some(next)) = svg.query_selector(&format!("[data-ix=\"{i}\"]")) {
        if let Some(from) = from {
            let _ = from.set_attribute("tabindex", "-1");
        }
        let _ = next.set_attribute("tabindex", "0");
        // SVG elements have focus() too; the binding calls it by name.
        next.unchecked_ref::<web_sys::HtmlElement>().focus().ok();
    }
}

/// After a zoom, the first mark of the main axis takes the focus (once it is drawn).
fn focus_first_mark_soon() {
    set_timeout(
        || {
            if let Ok(Some(svg)) = document().query_selector("[data-testid=\"timeline\"]") {
                focus_mark(&svg, None, 0);
            }
        },
        std::time::Duration::from_millis(30),
    );
}

/// One axis: slots with ticks and labels, marks above. `unknown` says the last slot is the
/// period's "unknown" slot, drawn apart.
#[component]
fn AxisSvg(
    testid: &'static str,
    label: String,
    ticks: Vec<(String, String)>,
    marks: Vec<DrawnMark>,
    picked: Option<usize>,
    width: f64,
    #[prop(into)] on_action: Callback<AxisAction>,
) -> impl IntoView {
    const AXIS_Y: f64 = 104.0;
    const HEIGHT: f64 = 132.0;
    let slots = ticks.len().max(1);
    let axis = Axis::fit(width, slots);
    let sw = axis.slot_width();
    let every = axis.label_every(if slots > 13 { 22.0 } else { 34.0 });
    let unknown_last = ticks.last().is_some_and(|(l, _)| l == "?");
    let n = marks.len();
    let picked_rect = picked.map(|i| {
        view! {
            <rect class="tl-picked" x=axis.x(i) - sw / 2.0 y=8 width=sw height=AXIS_Y - 4.0 rx=4/>
        }
    });
    let tick_views = ticks
        .iter()
        .enumerate()
        .map(|(i, (tick, _))| {
            let x = axis.x(i);
            let is_unknown = unknown_last && i + 1 == slots;
            let shown = is_unknown || i % every == 0;
            let divider = is_unknown.then(|| {
                let dx = x - sw / 2.0;
                view! { <line class="tl-divider" x1=dx x2=dx y1=12 y2=AXIS_Y + 6.0/> }
            });
            view! {
                {divider}
                <line class="tl-tick" x1=x x2=x y1=AXIS_Y y2=AXIS_Y + 5.0/>
                {shown.then(|| view! {
                    <text class="tl-tick-label" x=x y=AXIS_Y + 20.0 text-anchor="middle">{tick.clone()}</text>
                })}
            }
        })
        .collect_view();
    let mark_views = marks
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let x = axis.x(m.slot);
            let tab = if i == 0 { "0" } else { "-1" };
            let click = move |_| on_action.run(AxisAction::Activate(i));
            match m.kind {
                MarkKind::One(_) => {
                    let cy = AXIS_Y - 14.0 - m.level as f64 * 20.0;
                    let r = (sw / 2.0 - 1.0).clamp(4.0, 8.0);
                    let words = m.words.clone();
                    view! {
                        <g class=m.class tabindex=tab role="link" aria-label=words
                            data-ix=i data-testid="tl-mark" on:click=click>
                            <title>{m.words}</title>
                            <circle cx=x cy=cy r=r/>
                        </g>
                    }
                    .into_any()
                }
                MarkKind::Cluster(count) => {
                    let r = layout::cluster_radius(count, 8.0, (sw / 2.0 - 1.0).clamp(8.0, 24.0));
                    let cy = AXIS_Y - 10.0 - r;
                    // A count too wide for its circle goes above it.
                    let inside = r >= 11.0 || count < 10;
                    let ty = if inside { cy } else { cy - r - 6.0 };
                    let words = m.words.clone();
                    view! {
                        <g class=m.class tabindex=tab role="button" aria-label=words
                            data-ix=i data-testid="tl-cluster" on:click=click>
                            <title>{m.words}</title>
                            <circle cx=x cy=cy r=r/>
                            <text class="tl-count" class:tl-count-out=!inside x=x y=ty dy="0.35em" text-anchor="middle">{count.to_string()}</text>
                        </g>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let from = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let at = from
            .as_ref()
            .and_then(|e| e.closest("[data-ix]").ok().flatten())
            .and_then(|e| e.get_attribute("data-ix"))
            .and_then(|i| i.parse::<usize>().ok());
        let Some(at) = at else { return };
        let from = svg
            .query_selector(&format!("[data-ix=\"{at}\"]"))
            .ok()
            .flatten();
        let go = |i: usize| focus_mark(&svg, from.as_ref(), i);
        let handled = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" if at + 1 < n => {
                go(at + 1);
                true
            }
            "ArrowLeft" | "ArrowUp" if at > 0 => {
                go(at - 1);
                true
            }
            "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" => true,
            "Home" => {
                go(0);
                true
            }
            "End" if n > 0 => {
                go(n - 1);
                true
            }
            "Enter" | " " => {
                on_action.run(AxisAction::Activate(at));
                true
            }
            "+" | "=" => {
                on_action.run(AxisAction::ZoomIn(at));
                true
            }
            "-" | "_" => {
                on_action.run(AxisAction::ZoomOut);
                true
            }
            "PageUp" => {
                on_action.run(AxisAction::Step(-1));
                true
            }
            "PageDown" => {
                on_action.run(AxisAction::Step(1));
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let w = axis.width;
    view! {
        <div class="tl-axis-scroll">
            <svg class="tl-axis" data-testid=testid role="group" aria-label=label
                aria-describedby="tl-keys"
                width=w height=HEIGHT viewBox=format!("0 0 {w} {HEIGHT}") on:keydown=keydown>
                {picked_rect}
                <line class="tl-axis-line" x1=axis.left x2=w - axis.right y1=AXIS_Y y2=AXIS_Y/>
                {tick_views}
                {mark_views}
            </svg>
        </div>
    }
}

/// Previous/next page buttons and where the list is.
#[component]
pub(super) fn Pager(
    page: layout::Page,
    total: usize,
    #[prop(into)] label: String,
    #[prop(into)] on_page: Callback<usize>,
) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        if page.pages <= 1 {
            return ().into_any();
        }
        let (prev, next) = (page.page.checked_sub(1), page.page + 1);
        view! {
            <nav class="tl-pager" aria-label=label>
                <button class="secondary" disabled=prev.is_none() data-testid="page-prev"
                    on:click=move |_| if let Some(p) = prev { on_page.run(p) }>
                    {t!(i18n, tl_page_prev)}
                </button>
                <span class="tl-page-of">
                    {format!("{} {}/{} · {}–{} / {}", t_string!(i18n, tl_page_word), page.page + 1, page.pages, page.start + 1, page.end, total)}
                </span>
                <button class="secondary" disabled={next >= page.pages} data-testid="page-next"
                    on:click=move |_| on_page.run(next)>
                    {t!(i18n, tl_page_next)}
                </button>
            </nav>
        }
        .into_any()
    })
}

/// A page of events: date, kind, title linked to the article, the officials named.
#[component]
fn EventList(records: Arc<Records>, events: Vec<ArticleIx>, testid: &'static str) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let items = events
            .into_iter()
            .map(|a| {
                let e = records.event(a);
                let title = e
                    .title
                    .clone()
                    .unwrap_or_else(|| t_string!(i18n, person_untitled).to_string());
                let shown = 4;
                let people = e
                    .participants
                    .iter()
                    .take(shown)
                    .map(|p| {
                        let person = records.person(p.person);
                        let (href, name) = (format!("/people/{}", person.id), person.name.clone());
                        view! { <A href=href>{name}</A> }
                    })
                    .collect_view();
                let more = e
                    .participants
                    .len()
                    .checked_sub(shown)
                    .filter(|&n| n > 0)
                    .map(|n| format!(" +{n}"));
                view! {
                    <li class="tl-item" data-testid="tl-event">
                        <span class="tl-item-date">{date_text(e.date)}</span>
                        <span class=format!("hv-chip tl-chip-{}", kind_key(e.kind))>{kind_label(e.kind)}</span>
                        <A href=format!("/articles/{}", records.article(a).id) attr:class="tl-item-title">{title}</A>
                        <span class="tl-people">{people}{more}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="tl-list" data-testid=testid>{items}</ol> }
    })
}

#[component]
pub fn Timeline() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let width = use_content_width();
    let url = Memo::new(move |_| query.with(TimelineUrl::read));
    let found = Memo::new(move |_| app.derived.with(|d| url.with(|u| matching(&d.records, u))));
    let open = {
        let navigate = navigate.clone();
        Callback::new(move |href: String| navigate(&href, NavigateOptions::default()))
    };
    let go = Callback::new(move |(u, push): (TimelineUrl, bool)| {
        navigate(
            &u.href(),
            NavigateOptions {
                replace: !push,
                scroll: false,
                ..NavigateOptions::default()
            },
        )
    });

    view! {
        <div class="tl-page">
            <h1>{t!(i18n, tl_title)}</h1>
            {move || {
                let _ = i18n.get_locale();
                let records = app.derived.with(|d| d.records.clone());
                if records.events.is_empty() {
                    view! { <StartHere/> }.into_any()
                } else {
                    view! { <TimelineBody records url found go open width/> }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn TimelineBody(
    records: Arc<Records>,
    url: Memo<TimelineUrl>,
    found: Memo<Matching>,
    go: Callback<(TimelineUrl, bool)>,
    open: Callback<String>,
    width: Signal<f64>,
) -> impl IntoView {
    // Labels are read once: the page above draws this again when the language changes.
    untrack(move || {
        let i18n = use_i18n();
        let u0 = url.get_untracked();

        // Filters.
        let person_name = u0
            .person
            .as_deref()
            .map(|id| match records.person_ix(id) {
                Some(p) => records.person(p).name.clone(),
                None => id.to_string(),
            })
            .unwrap_or_default();
        let person_follow = {
            let records = records.clone();
            Signal::derive(move || {
                url.with(|u| match u.person.as_deref() {
                    Some(id) => records
                        .person_ix(id)
                        .map_or_else(|| id.to_string(), |p| records.person(p).name.clone()),
                    None => String::new(),
                })
            })
        };
        let pick_person = move |s: Option<Suggestion>| {
            let u = url.get_untracked();
            let id = s.map(|s| s.id);
            if id != u.person {
                go.run((u.filtered(|u| u.person = id), true));
            }
        };
        let mut orgs: Vec<OrgIx> = records
            .events
            .iter()
            .flat_map(|e| e.organizations.iter().copied())
            .collect();
        sort::sort_dedup(&mut orgs);
        sort::sort_by_cached_key(&mut orgs, |&o| fold(&records.org(o).name));
        let org_options = orgs
            .iter()
            .map(|&o| {
                let org = records.org(o);
                let id = org.id.clone();
                let selected = u0.org.as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected>{org.name.clone()}</option> }
            })
            .collect_view();
        let kind_options = KINDS
            .into_iter()
            .map(|k| view! { <option value=kind_key(k) selected=u0.kind == Some(k)>{kind_label(k)}</option> })
            .collect_view();
        let any_filter =
            move || url.with(|u| u.person.is_some() || u.org.is_some() || u.kind.is_some());
        let clear = move |_| {
            go.run((
                url.get_untracked().filtered(|u| {
                    u.person = None;
                    u.org = None;
                    u.kind = None;
                }),
                true,
            ))
        };
        let person_label = Signal::derive(move || t_string!(i18n, tl_filter_person).to_string());

        // The main axis and the period's list.
        let years = {
            let r = found;
            move || {
                r.with(|m| {
                    let ys = m.dated.iter().filter_map(|(d, _)| d.year);
                    (ys.clone().min(), ys.max())
                })
            }
        };
        let records_axis = records.clone();
        let axis = move || {
            let u = url.get();
            let zoom = u.zoom;
            let w = width.get();
            let (b, drawn) = found.with(|m| {
                let b = buckets(zoom, &m.dated);
                let d = drawn_marks(&records_axis, Some(zoom), &b);
                (b, d)
            });
            let slots: Vec<Slot> = b.iter().map(|b| b.slot).collect();
            let ticks: Vec<(String, String)> =
                slots.iter().map(|&s| slot_names(Some(zoom), s)).collect();
            let picked = u.pick.and_then(|p| {
                slots.iter().position(|&s| match p {
                    Pick::Day(d) => s == Slot::Day(d),
                    Pick::Unknown => s == Slot::Unknown,
                })
            });
            let in_period: usize = b.iter().map(|b| b.items.len()).sum();
            let label = format!(
                "{}: {} — {in_period} {}",
                t_string!(i18n, tl_axis_label),
                period_name(zoom),
                t_string!(i18n, tl_events_word)
            );
            let mark_list = drawn.clone();
            let records_here = records_axis.clone();
            let on_action = move |a: AxisAction| {
                let u = url.get_untracked();
                let slot_of = |i: usize| mark_list.get(i).and_then(|m| slots.get(m.slot).copied());
                let zoom_into = |s: Slot| match (u.zoom, s) {
                    (Zoom::All, Slot::Year(y)) => Some(Zoom::Year(y)),
                    (Zoom::Year(y), Slot::Month(m)) => Some(Zoom::Month(y, m)),
                    _ => None,
                };
                match a {
                    AxisAction::Activate(i) => match mark_list.get(i).map(|m| m.kind) {
                        Some(MarkKind::One(article)) => {
                            open.run(format!("/articles/{}", records_here.article(article).id));
                        }
                        Some(MarkKind::Cluster(_)) => {
                            if let Some(s) = slot_of(i) {
                                match (zoom_into(s), s) {
                                    (Some(z), _) => {
                                        go.run((u.zoomed(z), true));
                                        focus_first_mark_soon();
                                    }
                                    (None, Slot::Day(d)) => go.run((
                                        TimelineUrl {
                                            pick: Some(Pick::Day(d)),
                                            page: 0,
                                            ..u
                                        },
                                        false,
                                    )),
                                    (None, _) => go.run((
                                        TimelineUrl {
                                            pick: Some(Pick::Unknown),
                                            page: 0,
                                            ..u
                                        },
                                        false,
                                    )),
                                }
                            }
                        }
                        None => {}
                    },
                    AxisAction::ZoomIn(i) => {
                        if let Some(z) = slot_of(i).and_then(zoom_into) {
                            go.run((u.zoomed(z), true));
                            focus_first_mark_soon();
                        }
                    }
                    AxisAction::ZoomOut => {
                        if u.zoom != Zoom::All {
                            go.run((u.zoomed(u.zoom.out()), true));
                            focus_first_mark_soon();
                        }
                    }
                    AxisAction::Step(s) => {
                        if u.zoom != Zoom::All {
                            go.run((u.zoomed(u.zoom.step(s)), true));
                            focus_first_mark_soon();
                        }
                    }
                }
            };
            let empty = (in_period == 0).then(|| {
                view! { <p class="tl-none" data-testid="tl-period-empty">{t!(i18n, tl_period_empty)}</p> }
            });
            view! {
                <AxisSvg testid="timeline" label ticks marks=drawn picked width=w on_action/>
                {empty}
            }
        };

        let zoom_bar = move || {
            let u = url.get();
            let (min_y, max_y) = years();
            let crumbs = {
                let mut c = vec![(Zoom::All, t_string!(i18n, tl_all_years).to_string())];
                match u.zoom {
                    Zoom::All => {}
                    Zoom::Year(y) => c.push((Zoom::Year(y), y.to_string())),
                    Zoom::Month(y, m) => {
                        c.push((Zoom::Year(y), y.to_string()));
                        c.push((Zoom::Month(y, m), month_long(None, m)));
                    }
                }
                c
            };
            let last = crumbs.len() - 1;
            let crumb_views = crumbs
                .into_iter()
                .enumerate()
                .map(|(i, (z, name))| {
                    if i == last {
                        view! { <li><span aria-current="true" class="tl-crumb-here">{name}</span></li> }.into_any()
                    } else {
                        let u = u.clone();
                        view! {
                            <li><button class="tl-crumb" on:click=move |_| go.run((u.zoomed(z), true))>{name}</button></li>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            let year_of = |z: Zoom| match z {
                Zoom::All => None,
                Zoom::Year(y) | Zoom::Month(y, _) => Some(y),
            };
            let outside = |z: Zoom| match (year_of(z), min_y, max_y) {
                (Some(y), Some(a), Some(b)) => y < a || y > b,
                (Some(_), _, _) => true,
                (None, _, _) => true,
            };
            let (prev, next) = (u.zoom.step(-1), u.zoom.step(1));
            let (u1, u2, u3) = (u.clone(), u.clone(), u.clone());
            view! {
                <div class="tl-zoom" role="group" aria-label=move || t_string!(i18n, tl_zoom_label)>
                    <ol class="tl-crumbs" aria-label=move || t_string!(i18n, tl_crumbs_label)>{crumb_views}</ol>
                    <div class="tl-zoom-buttons">
                        <button class="secondary" data-testid="tl-prev" disabled={u.zoom == Zoom::All || outside(prev)}
                            on:click=move |_| go.run((u1.zoomed(prev), true))>
                            {t!(i18n, tl_prev)}
                        </button>
                        <button class="secondary" data-testid="tl-next" disabled={u.zoom == Zoom::All || outside(next)}
                            on:click=move |_| go.run((u2.zoomed(next), true))>
                            {t!(i18n, tl_next)}
                        </button>
                        <button class="secondary" data-testid="tl-zoom-out" disabled={u.zoom == Zoom::All}
                            on:click=move |_| go.run((u3.zoomed(u3.zoom.out()), true))>
                            {t!(i18n, tl_zoom_out)}
                        </button>
                    </div>
                </div>
            }
        };

        let records_list = records.clone();
        let period_list = move || {
            let u = url.get();
            let events: Vec<ArticleIx> = found.with(|m| {
                m.dated
                    .iter()
                    .filter(|(d, _)| u.zoom.contains(*d))
                    .filter(|(d, _)| match (u.zoom, u.pick) {
                        (_, None) => true,
                        (Zoom::Month(..), Some(Pick::Day(day))) => d.day == Some(day),
                        (Zoom::Month(..), Some(Pick::Unknown)) => d.day.is_none(),
                        (Zoom::Year(_), Some(Pick::Unknown)) => d.month.is_none(),
                        _ => true,
                    })
                    .map(|(_, a)| *a)
                    .collect()
            });
            let heading = match (u.zoom, u.pick) {
                (Zoom::Month(y, m), Some(Pick::Day(d))) => {
                    date_text(crate::records::PartialDate::ymd(y, m, d))
                }
                (Zoom::Year(y), Some(Pick::Unknown)) => {
                    format!("{y}, {}", t_string!(i18n, tl_month_unknown))
                }
                (Zoom::Month(y, m), Some(Pick::Unknown)) => {
                    format!(
                        "{}, {}",
                        month_long(Some(y), m),
                        t_string!(i18n, tl_day_unknown)
                    )
                }
                (z, _) => period_name(z),
            };
            let total = events.len();
            let page = layout::page(total, u.page, PER_PAGE);
            let shown = events[page.start..page.end].to_vec();
            let unpick = u.pick.map(|_| {
                let u = u.clone();
                view! {
                    <button class="secondary small" data-testid="tl-unpick"
                        on:click=move |_| go.run((TimelineUrl { pick: None, page: 0, ..u.clone() }, false))>
                        {t!(i18n, tl_show_whole_period)}
                    </button>
                }
            });
            let pu = u.clone();
            view! {
                <section class="tl-section" aria-labelledby="tl-list-h">
                    <h2 id="tl-list-h">{heading}" "<span class="tl-count-badge">{total}</span></h2>
                    {unpick}
                    <EventList records=records_list.clone() events=shown testid="tl-list"/>
                    <Pager page total label=t_string!(i18n, tl_pages_label)
                        on_page=move |p| go.run((TimelineUrl { page: p, ..pu.clone() }, false))/>
                </section>
            }
        };

        let records_no_year = records.clone();
        let no_year = move || {
            let u = url.get();
            let w = width.get();
            let (b, drawn, all) = found.with(|m| {
                let b = month_buckets_without_year(&m.no_year);
                let d = drawn_marks(&records_no_year, None, &b);
                (b, d, m.no_year.clone())
            });
            if all.is_empty() {
                return ().into_any();
            }
            let ticks: Vec<(String, String)> = b.iter().map(|b| slot_names(None, b.slot)).collect();
            let picked = u.no_year_month.map(|m| usize::from(m) - 1);
            let events: Vec<ArticleIx> = all
                .iter()
                .filter(|(d, _)| u.no_year_month.is_none() || d.month == u.no_year_month)
                .map(|(_, a)| *a)
                .collect();
            let total = events.len();
            let page = layout::page(total, u.no_year_page, PER_PAGE);
            let shown = events[page.start..page.end].to_vec();
            let mark_list = drawn.clone();
            let records = records_no_year.clone();
            let uu = u.clone();
            let on_action = move |a: AxisAction| {
                let u = url.get_untracked();
                // The lane has no zoom: Enter opens an event or lists a month.
                if let AxisAction::Activate(i) = a {
                    match mark_list.get(i) {
                        Some(DrawnMark {
                            kind: MarkKind::One(article),
                            ..
                        }) => {
                            open.run(format!("/articles/{}", records.article(*article).id));
                        }
                        Some(m) => go.run((
                            TimelineUrl {
                                no_year_month: Some(m.slot as u8 + 1),
                                no_year_page: 0,
                                ..u
                            },
                            false,
                        )),
                        None => {}
                    }
                }
            };
            let label = format!(
                "{} — {} {}",
                t_string!(i18n, tl_no_year_heading),
                all.len(),
                t_string!(i18n, tl_events_word)
            );
            let unpick = u.no_year_month.map(|m| {
                let u = u.clone();
                view! {
                    <p>
                        <span>{month_long(None, m)}</span>" "
                        <button class="secondary small"
                            on:click=move |_| go.run((TimelineUrl { no_year_month: None, no_year_page: 0, ..u.clone() }, false))>
                            {t!(i18n, tl_show_all_months)}
                        </button>
                    </p>
                }
            });
            view! {
                <section class="tl-section tl-no-year" data-testid="tl-no-year" aria-labelledby="tl-no-year-h">
                    <h2 id="tl-no-year-h">{t!(i18n, tl_no_year_heading)}" "<span class="tl-count-badge">{all.len()}</span></h2>
                    <p class="hv-muted">{t!(i18n, tl_no_year_help)}</p>
                    <AxisSvg testid="timeline-no-year" label ticks marks=drawn picked width=w on_action/>
                    {unpick}
                    <EventList records=records_no_year.clone() events=shown testid="tl-no-year-list"/>
                    <Pager page total label=t_string!(i18n, tl_pages_label)
                        on_page=move |p| go.run((TimelineUrl { no_year_page: p, ..uu.clone() }, false))/>
                </section>
            }
            .into_any()
        };

        let records_undated = records.clone();
        let undated = move || {
            let u = url.get();
            let events = found.with(|m| m.undated.clone());
            if events.is_empty() {
                return ().into_any();
            }
            let total = events.len();
            let page = layout::page(total, u.undated_page, PER_PAGE);
            let shown = events[page.start..page.end].to_vec();
            view! {
                <section class="tl-section tl-undated" data-testid="tl-undated" aria-labelledby="tl-undated-h">
                    <h2 id="tl-undated-h">{t!(i18n, tl_undated_heading)}" "<span class="tl-count-badge">{total}</span></h2>
                    <p class="hv-muted">{t!(i18n, tl_undated_help)}</p>
                    <EventList records=records_undated.clone() events=shown testid="tl-undated-list"/>
                    <Pager page total label=t_string!(i18n, tl_pages_label)
                        on_page=move |p| go.run((TimelineUrl { undated_page: p, ..u.clone() }, false))/>
                </section>
            }
            .into_any()
        };

        let summary = move || {
            found.with(|m| {
                let shown = m.dated.len() + m.no_year.len() + m.undated.len();
                if shown == m.total {
                    format!("{} {}", m.total, t_string!(i18n, tl_events_word))
                } else {
                    format!(
                        "{shown} / {} {} {}",
                        m.total,
                        t_string!(i18n, tl_events_word),
                        t_string!(i18n, tl_match_filters)
                    )
                }
            })
        };
        let nothing = move || {
            found.with(|m| m.dated.is_empty() && m.no_year.is_empty() && m.undated.is_empty())
        };

        view! {
            <p class="tl-summary" data-testid="tl-summary" aria-live="polite">{summary}</p>
            <form class="tl-filters" role="search" on:submit=|ev| ev.prevent_default()
                aria-label=move || t_string!(i18n, tl_filters_label)>
                <PersonSearch id="tl-person" label=person_label initial=person_name follow=person_follow on_pick=pick_person/>
                <div>
                    <label for="tl-org">{t!(i18n, tl_filter_org)}</label>
                    <select id="tl-org" data-testid="tl-org"
                    prop:value=move || url.with(|u| u.org.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        go.run((url.get_untracked().filtered(|u| u.org = (!v.is_empty()).then_some(v)), true));
                    }>
                        <option value="" selected=u0.org.is_none()>{t!(i18n, tl_all_orgs)}</option>
                        {org_options}
                    </select>
                </div>
                <div>
                    <label for="tl-kind">{t!(i18n, tl_filter_kind)}</label>
                    <select id="tl-kind" data-testid="tl-kind"
                    prop:value=move || url.with(|u| u.kind.map(kind_key).unwrap_or_default())
                    on:change=move |ev| {
                        let k = kind_from_key(&event_target_value(&ev));
                        go.run((url.get_untracked().filtered(|u| u.kind = k), true));
                    }>
                        <option value="" selected=u0.kind.is_none()>{t!(i18n, tl_all_kinds)}</option>
                        {kind_options}
                    </select>
                </div>
                <div class="tl-filter-clear">
                    <button type="button" class="secondary" data-testid="tl-clear" disabled=move || !any_filter() on:click=clear>
                        {t!(i18n, tl_clear_filters)}
                    </button>
                </div>
            </form>
            {move || nothing().then(|| view! {
                <p class="tl-none" data-testid="tl-no-match">{t!(i18n, tl_no_match)}</p>
            })}
            {zoom_bar}
            {axis}
            <p class="tl-keys" id="tl-keys">{t!(i18n, tl_keys_help)}</p>
            {period_list}
            {no_year}
            {undated}
        }
    })
}
