//! Corrections: the user's edits, stored as overrides on top of what the extractor read.
//!
//! A correction never points at an extractor's output by position. It names its target the way
//! a person would: the article (a content address) and the official's name as written, with
//! the span of the mention the user clicked as a fallback. When a better extractor reads the
//! stored articles again, each correction finds its official by name, or by that span when the
//! new extractor reads the name differently ("Văn Hoàn" → "Lại Văn Hoàn"). A correction whose
//! target is gone is kept, reported as unmatched, and applies again if the target returns.

use super::article::{Article, ArticleId};
use super::date::PartialDate;
use crate::extract::normalize::fold;
use crate::extract::{
    titles, EventKind, Evidence, Extraction, Official, Role, Span, Title, TitleChange, YearSource,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Identity of a correction, increasing in the order they were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CorrectionId(pub u64);

/// One stored correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub id: CorrectionId,
    /// When it was made (milliseconds since the Unix epoch, given by the caller).
    pub at_ms: u64,
    #[serde(flatten)]
    pub edit: Edit,
}

/// An official of one article, named as the user saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialRef {
    pub article: ArticleId,
    /// The name as shown when the correction was made (matched case- and diacritic-blind).
    pub name: String,
    /// A mention of the official at the time, tried when no official has that name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Span>,
}

impl OfficialRef {
    pub fn new(article: &ArticleId, name: &str) -> OfficialRef {
        OfficialRef {
            article: article.clone(),
            name: name.to_string(),
            at: None,
        }
    }

    /// With the span of a mention to fall back on.
    pub fn at(mut self, span: Span) -> OfficialRef {
        self.at = Some(span);
        self
    }
}

/// A title as the user writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleEdit {
    /// As written; abbreviations are expanded like the extractor's ("Chủ tịch UBND tỉnh").
    pub text: String,
    #[serde(default)]
    pub change: TitleChange,
    #[serde(default, skip_serializing_if = "is_false")]
    pub former: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub acting: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub concurrent: bool,
}

impl TitleEdit {
    pub fn held(text: &str) -> TitleEdit {
        TitleEdit {
            text: text.to_string(),
            ..TitleEdit::default()
        }
    }
}

/// What a correction does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// The official's name is misread.
    FixName {
        official: OfficialRef,
        name: String,
    },
    /// Not an official at all (a byline, a place read as a name...).
    DropOfficial {
        official: OfficialRef,
    },
    /// An official the extractor missed, from a selection of the text.
    AddOfficial {
        article: ArticleId,
        name: String,
        #[serde(default)]
        titles: Vec<TitleEdit>,
        #[serde(default)]
        roles: Vec<Role>,
        /// The selected text (byte range of the stored text).
        selection: Span,
    },
    /// Replace (`from` and `to`), remove (`to` empty) or add (`from` empty) a title.
    FixTitle {
        official: OfficialRef,
        /// The title as shown (matched case- and diacritic-blind).
        #[serde(default)]
        from: Option<String>,
        #[serde(default)]
        to: Option<TitleEdit>,
    },
    /// The event date; `None`: the article gives none.
    SetEventDate {
        article: ArticleId,
        date: Option<PartialDate>,
    },
    SetEventKind {
        article: ArticleId,
        kind: EventKind,
    },
    /// The event's title (headline); `None`: take the extractor's again.
    SetEventTitle {
        article: ArticleId,
        title: Option<String>,
    },
    /// Two mentions are the same person.
    Merge {
        a: OfficialRef,
        b: OfficialRef,
    },
    /// These mentions are a person of their own, apart from whoever they were merged with.
    Split {
        mentions: Vec<OfficialRef>,
    },
}

impl Edit {
    /// The article a per-article edit applies to (`None` for merges and splits).
    pub fn article(&self) -> Option<&ArticleId> {
        match self {
            Edit::FixName { official, .. }
            | Edit::DropOfficial { official }
            | Edit::FixTitle { official, .. } => Some(&official.article),
            Edit::AddOfficial { article, .. }
            | Edit::SetEventDate { article, .. }
            | Edit::SetEventKind { article, .. }
            | Edit::SetEventTitle { article, .. } => Some(article),
            Edit::Merge { .. } | Edit::Split { .. } => None,
        }
    }

    /// Every article the edit refers to.
    pub fn articles(&self) -> Vec<&ArticleId> {
        match self {
            Edit::Merge { a, b } => vec![&a.article, &b.article],
            Edit::Split { mentions } => mentions.iter().map(|m| &m.article).collect(),
            other => other.article().into_iter().collect(),
        }
    }
}

/// How the event date of an article was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Read by the extractor; the year as it says.
    Extracted(YearSource),
    /// No date in the text: the publication date the user gave stands in.
    Published,
    /// Set by the user.
    Corrected,
    /// Not known.
    Unknown,
}

/// An official after corrections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectedOfficial {
    pub name: String,
    pub rank: Option<String>,
    pub titles: Vec<Title>,
    pub roles: Vec<Role>,
    pub mentions: Vec<Evidence>,
    /// The correction that added this official, if the extractor did not find it.
    pub added_by: Option<CorrectionId>,
    /// Corrections that changed it.
    pub corrected_by: Vec<CorrectionId>,
}

impl CorrectedOfficial {
    fn from_extracted(o: &Official) -> CorrectedOfficial {
        CorrectedOfficial {
            name: o.name.clone(),
            rank: o.rank.clone(),
            titles: o.titles.clone(),
            roles: o.roles.clone(),
            mentions: o.mentions.clone(),
            added_by: None,
            corrected_by: Vec::new(),
        }
    }

    /// The first mention, the one evidence stands on when nothing more precise is known.
    pub fn first_evidence(&self) -> Evidence {
        self.mentions
            .first()
            .copied()
            .or_else(|| self.titles.first().map(|t| t.evidence))
            .unwrap_or_default()
    }
}

/// One article as the records see it: the extraction with every correction applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectedArticle {
    pub article: ArticleId,
    /// The text every span points into (the extractor's normalized text).
    pub text: Arc<str>,
    pub officials: Vec<CorrectedOfficial>,
    /// Officials the user dropped, with the correction (so the UI can offer them back).
    pub dropped: Vec<(String, CorrectionId)>,
    pub date: Option<PartialDate>,
    pub date_source: DateSource,
    pub date_evidence: Option<Evidence>,
    pub kind: EventKind,
    pub title: Option<String>,
    pub body: Option<String>,
    pub ordinal: Option<u32>,
    pub term: Option<String>,
    pub place: Option<String>,
    /// Corrections for this article whose target is not in it (kept, applied if it returns).
    pub unmatched: Vec<CorrectionId>,
}

/// Applies, in order, the corrections of `corrections` that concern `article` to its
/// extraction. Merges and splits are left to identity resolution.
pub fn apply(
    article: &Article,
    extraction: &Extraction,
    corrections: &[&Correction],
) -> CorrectedArticle {
    let text = if extraction.text.is_empty() {
        &*article.text
    } else {
        extraction.text.as_str()
    };
    let mut officials: Vec<CorrectedOfficial> = extraction
        .people
        .iter()
        .map(CorrectedOfficial::from_extracted)
        .collect();
    let (date, date_source, date_evidence) = match &extraction.event_date {
        Some(d) => match PartialDate::parse(&d.iso) {
            Some(p) => (Some(p), DateSource::Extracted(d.year_source), d.evidence),
            None => published(article),
        },
        None => published(article),
    };
    let shared = if extraction.text.is_empty() || extraction.text == *article.text {
        article.text.clone()
    } else {
        Arc::from(extraction.text.as_str())
    };
    let mut out = CorrectedArticle {
        article: article.id.clone(),
        text: shared,
        officials: Vec::new(),
        dropped: Vec::new(),
        date,
        date_source,
        date_evidence,
        kind: extraction.event.kind,
        title: extraction.event.headline.clone(),
        body: extraction.event.body.clone(),
        ordinal: extraction.event.ordinal,
        term: extraction.event.term.clone(),
        place: extraction.place.clone(),
        unmatched: Vec::new(),
    };

    for c in corrections {
        if c.edit.article() != Some(&article.id) {
            continue;
        }
        let applied = match &c.edit {
            Edit::FixName { official, name } => find(&officials, official).map(|i| {
                officials[i].name = name.trim().to_string();
                officials[i].corrected_by.push(c.id);
            }),
            Edit::DropOfficial { official } => find(&officials, official).map(|i| {
                let o = officials.remove(i);
                out.dropped.push((o.name, c.id));
            }),
            Edit::AddOfficial {
                name,
                titles: new_titles,
                roles,
                selection,
                ..
            } => {
                let evidence = Evidence {
                    mention: *selection,
                    sentence: sentence_around(text, *selection),
                };
                let target = OfficialRef::new(&article.id, name);
                let i = match find_by_name(&officials, &target) {
                    Some(i) => i,
                    None => {
                        officials.push(CorrectedOfficial {
                            name: name.trim().to_string(),
                            rank: None,
                            titles: Vec::new(),
                            roles: Vec::new(),
                            mentions: vec![evidence],
                            added_by: Some(c.id),
                            corrected_by: Vec::new(),
                        });
                        officials.len() - 1
                    }
                };
                let o = &mut officials[i];
                for t in new_titles {
                    let t = to_title(t, evidence);
                    if !o.titles.iter().any(|have| same_title(&have.text, &t.text)) {
                        o.titles.push(t);
                    }
                }
                for r in roles {
                    if !o.roles.contains(r) {
                        o.roles.push(*r);
                    }
                }
                if o.added_by != Some(c.id) {
                    o.corrected_by.push(c.id);
                }
                Some(())
            }
            Edit::FixTitle { official, from, to } => find(&officials, official).map(|i| {
                let o = &mut officials[i];
                let at = from
                    .as_deref()
                    .and_then(|f| o.titles.iter().position(|t| same_title(&t.text, f)));
                let evidence = at
                    .map(|j| o.titles[j].evidence)
                    .unwrap_or_else(|| o.first_evidence());
                if let Some(j) = at {
                    o.titles.remove(j);
                }
                if let Some(t) = to {
                    let t = to_title(t, evidence);
                    match o
                        .titles
                        .iter()
                        .position(|have| same_title(&have.text, &t.text))
                    {
                        Some(k) => o.titles[k] = t,
                        None => o.titles.insert(at.unwrap_or(o.titles.len()), t),
                    }
                }
                o.corrected_by.push(c.id);
            }),
            Edit::SetEventDate { date, .. } => {
                out.date = *date;
                out.date_source = if date.is_some() {
                    DateSource::Corrected
                } else {
                    DateSource::Unknown
                };
                out.date_evidence = None;
                Some(())
            }
            Edit::SetEventKind { kind, .. } => {
                out.kind = *kind;
                Some(())
            }
            Edit::SetEventTitle { title, .. } => {
                out.title = match title {
                    Some(t) => Some(t.trim().to_string()),
                    None => extraction.event.headline.clone(),
                };
                Some(())
            }
            Edit::Merge { .. } | Edit::Split { .. } => Some(()),
        };
        if applied.is_none() {
            out.unmatched.push(c.id);
        }
    }
    out.officials = officials;
    out
}

fn published(article: &Article) -> (Option<PartialDate>, DateSource, Option<Evidence>) {
    match article.published.as_deref().and_then(PartialDate::parse) {
        Some(d) => (Some(d), DateSource::Published, None),
        None => (None, DateSource::Unknown, None),
    }
}

/// The official a reference names: by name, else by the mention it was made on.
pub fn find(officials: &[CorrectedOfficial], r: &OfficialRef) -> Option<usize> {
    find_by_name(officials, r).or_else(|| {
        let at = r.at?;
        officials.iter().position(|o| {
            o.mentions
                .iter()
                .any(|m| m.mention.start < at.end && at.start < m.mention.end)
        })
    })
}

fn find_by_name(officials: &[CorrectedOfficial], r: &OfficialRef) -> Option<usize> {
    let key = fold(&r.name);
    if key.is_empty() {
        return None;
    }
    officials.iter().position(|o| fold(&o.name) == key)
}

/// Two wordings of one title ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh").
fn same_title(a: &str, b: &str) -> bool {
    fold(&titles::canonical(a)) == fold(&titles::canonical(b)) || fold(a) == fold(b)
}

fn to_title(t: &TitleEdit, evidence: Evidence) -> Title {
    let mut text = titles::canonical(t.text.trim());
    let starts_former = fold(&text).starts_with("nguyen ");
    if t.former && !starts_former {
        text = format!("nguyên {text}");
    }
    Title {
        former: t.former || starts_former,
        text,
        change: t.change,
        acting: t.acting,
        concurrent: t.concurrent,
        evidence,
    }
}

/// The sentence of `text` that holds `span`: from the previous sentence end or line break to
/// the next. Clamped to the text and to character boundaries.
pub fn sentence_around(text: &str, span: Span) -> Span {
    let clamp = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (s, e) = (clamp(span.start), clamp(span.end.max(span.start)));
    let start = text[..s]
        .rfind(['\n', '.', '!', '?'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let end = text[e..]
        .find(['\n', '.', '!', '?'])
        .map(|i| e + i + 1)
        .unwrap_or(text.len());
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    Span::new(start.min(end), clamp(end))
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_around_a_selection() {
        let text = "Sáng 7-9, đoàn đi kiểm tra. Ông Lại Văn Hoàn phát biểu.\nTin: Minh";
        let at = text.find("Lại").unwrap();
        let s = sentence_around(text, Span::new(at, at + "Lại Văn Hoàn".len()));
        assert_eq!(s.slice(text), "Ông Lại Văn Hoàn phát biểu.");
        // Out of range and inside a character: clamped, no panic.
        let _ = sentence_around(text, Span::new(1, 10_000));
        let _ = sentence_around(text, Span::new(2, 1));
    }
}
