//! Small components shared by the views: the highlighted article text, notices, labels.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::locales::i18n::{t, t_string, use_i18n};
use crate::extract::{EventKind, Role, Span, TitleChange, YearSource};
use crate::records::correct::{CorrectedArticle, DateSource};
use crate::records::date::PartialDate;
use crate::records::sort;

/// What a highlighted stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    // In order of precedence where marks overlap.
    Name,
    Date,
    Title,
    Byline,
}

impl MarkKind {
    fn class(self) -> &'static str {
        match self {
            MarkKind::Name => "hl hl-name",
            MarkKind::Date => "hl hl-date",
            MarkKind::Title => "hl hl-title",
            MarkKind::Byline => "hl hl-byline",
        }
    }
}

/// A stretch of text to highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// The marks of an article read and corrected: names, titles, the event date, bylines.
pub fn marks_of(article: &CorrectedArticle, bylines: &[Span]) -> Vec<Mark> {
    let mut marks = Vec::new();
    for o in &article.officials {
        marks.extend(o.mentions.iter().map(|e| Mark {
            span: e.mention,
            kind: MarkKind::Name,
        }));
        marks.extend(o.titles.iter().map(|t| Mark {
            span: t.evidence.mention,
            kind: MarkKind::Title,
        }));
    }
    if let Some(e) = article.date_evidence {
        marks.push(Mark {
            span: e.mention,
            kind: MarkKind::Date,
        });
    }
    marks.extend(bylines.iter().map(|&span| Mark {
        span,
        kind: MarkKind::Byline,
    }));
    marks
}

/// Cuts `text` into consecutive segments, each with the mark that covers it (by precedence,
/// never overlapping), so every byte appears exactly once.
pub fn segments(text: &str, marks: &[Mark]) -> Vec<(Span, Option<MarkKind>)> {
    let mut candidates: Vec<Mark> = marks
        .iter()
        .copied()
        .filter(|m| {
            !m.span.is_empty()
                && m.span.end <= text.len()
                && text.is_char_boundary(m.span.start)
                && text.is_char_boundary(m.span.end)
        })
        .collect();
    sort::sort_by_key(&mut candidates, |m| (m.kind, m.span.start));
    let mut taken: Vec<Mark> = Vec::new();
    for m in candidates {
        let i = taken.partition_point(|t| t.span.start < m.span.start);
        let clashes_before = i > 0 && taken[i - 1].span.end > m.span.start;
        let clashes_after = i < taken.len() && taken[i].span.start < m.span.end;
        if !clashes_before && !clashes_after {
            taken.insert(i, m);
        }
    }
    let mut out = Vec::with_capacity(taken.len() * 2 + 1);
    let mut at = 0;
    for m in taken {
        if m.span.start > at {
            out.push((Span::new(at, m.span.start), None));
        }
        out.push((m.span, Some(m.kind)));
        at = m.span.end;
    }
    if at < text.len() {
        out.push((Span::new(at, text.len()), None));
    }
    out
}

/// The article text with its marks. Every piece carries `data-start` (its byte offset in the
/// text), so a selection can be mapped back to the text.
#[component]
pub fn Highlighted(text: Arc<str>, marks: Vec<Mark>) -> impl IntoView {
    let pieces = segments(&text, &marks)
        .into_iter()
        .map(|(span, kind)| {
            let s = span.slice(&text).to_string();
            match kind {
                Some(k) => {
                    view! { <mark class=k.class() data-start=span.start>{s}</mark> }.into_any()
                }
                None => view! { <span data-start=span.start>{s}</span> }.into_any(),
            }
        })
        .collect_view();
    view! { <div class="article-text" data-testid="highlighted-text">{pieces}</div> }
}

/// The status and alert regions for [`super::state::AppState::notice`].
#[component]
pub fn Notices() -> impl IntoView {
    let app = super::state::use_app();
    let status = move || match app.notice.get() {
        Some(super::state::Notice::Status(s)) => Some(s),
        _ => None,
    };
    let alert = move || match app.notice.get() {
        Some(super::state::Notice::Alert(s)) => Some(s),
        _ => None,
    };
    view! {
        <div class="notices">
            <p role="status" class="notice notice-status" class:empty=move || status().is_none()>{status}</p>
            <p role="alert" class="notice notice-alert" class:empty=move || alert().is_none()>{alert}</p>
        </div>
    }
}

/// Its children once the stored articles are all read ([`super::state::AppState::reading`]);
/// until then, how far the reading is.
#[component]
pub fn WhenRead(children: ChildrenFn) -> impl IntoView {
    let app = super::state::use_app();
    let i18n = use_i18n();
    let progress = move || {
        app.reading.get().map(|(done, total)| {
            view! {
                <div role="status" class="progress reading" data-testid="reading-progress">
                    <p>{t!(i18n, reading_saved)}</p>
                    <progress max=total value=done></progress>
                    " "{format!("{done} / {total}")}
                </div>
            }
        })
    };
    view! {
        <Show when=move || app.reading.with(Option::is_none) fallback=progress>
            {children()}
        </Show>
    }
}

/// A box that tells a first-time user what to do.
#[component]
pub fn EmptyState(children: Children) -> impl IntoView {
    view! { <div class="empty-state">{children()}</div> }
}

/// The event kind in the UI's language.
pub fn kind_label(kind: EventKind) -> &'static str {
    let i18n = use_i18n();
    match kind {
        EventKind::Conference => t_string!(i18n, kind_conference),
        EventKind::CouncilSession => t_string!(i18n, kind_council_session),
        EventKind::Congress => t_string!(i18n, kind_congress),
        EventKind::WorkingVisit => t_string!(i18n, kind_working_visit),
        EventKind::AppointmentCeremony => t_string!(i18n, kind_appointment),
        EventKind::VoterMeeting => t_string!(i18n, kind_voter_meeting),
        EventKind::PersonnelChange => t_string!(i18n, kind_personnel),
        EventKind::Ceremony => t_string!(i18n, kind_ceremony),
        EventKind::Discipline => t_string!(i18n, kind_discipline),
        EventKind::Other => t_string!(i18n, kind_other),
    }
}

/// Every event kind, in the order the UI offers them.
pub const KINDS: [EventKind; 10] = [
    EventKind::Conference,
    EventKind::CouncilSession,
    EventKind::Congress,
    EventKind::WorkingVisit,
    EventKind::AppointmentCeremony,
    EventKind::VoterMeeting,
    EventKind::PersonnelChange,
    EventKind::Ceremony,
    EventKind::Discipline,
    EventKind::Other,
];

/// Stable identifiers of event kinds, for `<select>` values and URLs.
pub fn kind_key(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Conference => "conference",
        EventKind::CouncilSession => "council_session",
        EventKind::Congress => "congress",
        EventKind::WorkingVisit => "working_visit",
        EventKind::AppointmentCeremony => "appointment_ceremony",
        EventKind::VoterMeeting => "voter_meeting",
        EventKind::PersonnelChange => "personnel_change",
        EventKind::Ceremony => "ceremony",
        EventKind::Discipline => "discipline",
        EventKind::Other => "other",
    }
}

pub fn kind_from_key(key: &str) -> Option<EventKind> {
    KINDS.into_iter().find(|k| kind_key(*k) == key)
}

pub fn role_label(role: Role) -> &'static str {
    let i18n = use_i18n();
    match role {
        Role::Chair => t_string!(i18n, role_chair),
        Role::Attend => t_string!(i18n, role_attend),
        Role::Speak => t_string!(i18n, role_speak),
    }
}

/// What happens to a title, where the text says something happens.
pub fn change_label(change: TitleChange) -> Option<&'static str> {
    let i18n = use_i18n();
    match change {
        TitleChange::Held => None,
        TitleChange::Taken => Some(t_string!(i18n, change_taken)),
        TitleChange::Left => Some(t_string!(i18n, change_left)),
    }
}

/// Why the event date is what it is, in the UI's language.
pub fn date_reason(source: DateSource) -> &'static str {
    let i18n = use_i18n();
    match source {
        DateSource::Extracted(YearSource::Explicit) => t_string!(i18n, year_explicit),
        DateSource::Extracted(YearSource::PageStamp) => t_string!(i18n, year_page_stamp),
        DateSource::Extracted(YearSource::Content) => t_string!(i18n, year_content),
        DateSource::Extracted(YearSource::Url) => t_string!(i18n, year_url),
        DateSource::Extracted(YearSource::Published) => t_string!(i18n, year_published),
        DateSource::Extracted(YearSource::Unknown) => t_string!(i18n, year_unknown),
        DateSource::Published => t_string!(i18n, date_from_published),
        DateSource::Corrected => t_string!(i18n, date_corrected),
        DateSource::Unknown => t_string!(i18n, date_none),
    }
}

/// A partial date as people read it: "28/12/2021", "28/12 (năm chưa rõ)", "12/2021", "2021".
pub fn date_text(d: Option<PartialDate>) -> String {
    let i18n = use_i18n();
    let Some(d) = d else {
        return "—".into();
    };
    match (d.day(), d.month(), d.year()) {
        (Some(day), Some(m), Some(y)) => format!("{day:02}/{m:02}/{y}"),
        (Some(day), Some(m), None) => {
            format!("{day:02}/{m:02} ({})", t_string!(i18n, year_not_known))
        }
        (None, Some(m), Some(y)) => format!("{m:02}/{y}"),
        (None, None, Some(y)) => y.to_string(),
        _ => d.iso(),
    }
}

/// The standard message for an empty collection, with links to start.
#[component]
pub fn StartHere() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <EmptyState>
            <p>{t!(i18n, empty_collection)}</p>
            <p><A href="/?sample=1">{t!(i18n, try_sample)}</A></p>
        </EmptyState>
    }
}
