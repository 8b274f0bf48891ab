//! Extraction: one pasted Vietnamese article → the officials it names, their titles, the event
//! and its date.
//!
//! Pure and deterministic: no I/O, no clock, no web dependencies. Every offset ([`Span`]) is a
//! byte range into [`Extraction::text`], the normalized text (see [`normalize`]), so the UI can
//! highlight and a user can verify each fact against its sentence.
//!
//! One rule family per file, each with its corpus of examples beside it that doubles as its
//! tests: [`normalize`], [`names`], [`titles`], [`dates`], [`events`], [`bylines`], [`figures`],
//! [`places`]. The lexicons they share are compiled in from `lexicon/` ([`lexicon`]).

pub mod bylines;
pub mod dates;
pub mod events;
pub mod figures;
pub mod html;
pub mod lexicon;
pub mod names;
pub mod normalize;
pub mod phrases;
pub mod places;
pub mod titles;
pub mod unicode;

use serde::{Deserialize, Serialize};

/// Bumped whenever a rule or lexicon change can change the output for some text, so stored
/// articles know they should be re-extracted.
pub const EXTRACTOR_VERSION: u32 = 9;

/// What the caller knows about the article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Source URL, which often carries the publication date.
    pub url: Option<String>,
    /// Publication date the user gives: "YYYY-MM-DD" or "YYYY-MM".
    pub published: Option<String>,
}

/// A byte range `start..end` into [`Extraction::text`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text this span covers (empty if it is out of range).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Where a fact was read: the mention itself and the sentence around it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub mention: Span,
    pub sentence: Span,
}

/// What the text says happens to a title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleChange {
    /// Held at the time of the article (the default).
    #[default]
    Held,
    /// Taken: được bầu, bổ nhiệm, chỉ định, điều động ... giữ chức.
    Taken,
    /// Left: miễn nhiệm, thôi, nghỉ hưu, cho thôi.
    Left,
}

/// One title attributed to one official, in canonical form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// Canonical text: abbreviations expanded, modern tone placement ("Bí thư Tỉnh ủy").
    /// "nguyên" (former) is kept at its head when the text says it.
    pub text: String,
    pub change: TitleChange,
    /// "nguyên ...": held before, not now.
    #[serde(default, skip_serializing_if = "is_false")]
    pub former: bool,
    /// "Quyền ...": acting.
    #[serde(default, skip_serializing_if = "is_false")]
    pub acting: bool,
    /// Introduced by "kiêm": held concurrently with the title before it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub concurrent: bool,
    pub evidence: Evidence,
}

/// The part an official plays in the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// chủ trì
    Chair,
    /// dự, tham dự
    Attend,
    /// phát biểu, phát biểu kết luận, phát biểu chỉ đạo
    Speak,
}

/// A person named in the article who holds, held, or is given a position.
///
/// Serialized with `titles` as plain strings (the `nienbieu extract` contract) and the full
/// [`Title`]s (change, flags, evidence) under `title_details`; either form reads back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Official {
    /// Full name as written, normalized (NFC, lookalike letters mapped).
    pub name: String,
    /// Military or police rank, e.g. "Đại tá", "Thiếu tướng".
    pub rank: Option<String>,
    /// Titles in the order the text gives them.
    pub titles: Vec<Title>,
    pub roles: Vec<Role>,
    /// Every mention of the person (full name or title + name).
    pub mentions: Vec<Evidence>,
}

impl Serialize for Official {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Texts<'a>(&'a [Title]);
        impl Serialize for Texts<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                titles_as_text(self.0, s)
            }
        }
        let mut m = s.serialize_struct("Official", 6)?;
        m.serialize_field("name", &self.name)?;
        if let Some(r) = &self.rank {
            m.serialize_field("rank", r)?;
        }
        m.serialize_field("titles", &Texts(&self.titles))?;
        m.serialize_field("title_details", &self.titles)?;
        if !self.roles.is_empty() {
            m.serialize_field("roles", &self.roles)?;
        }
        m.serialize_field("mentions", &self.mentions)?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Official {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Repr {
            name: String,
            #[serde(default)]
            rank: Option<String>,
            #[serde(default, deserialize_with = "titles_from_any")]
            titles: Vec<Title>,
            #[serde(default)]
            title_details: Option<Vec<Title>>,
            #[serde(default)]
            roles: Vec<Role>,
            #[serde(default)]
            mentions: Vec<Evidence>,
        }
        let r = Repr::deserialize(d)?;
        Ok(Official {
            name: r.name,
            rank: r.rank,
            titles: r.title_details.unwrap_or(r.titles),
            roles: r.roles,
            mentions: r.mentions,
        })
    }
}

/// Someone credited for the article itself (Tin:, Ảnh:, Bài và ảnh:), not an official.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    /// What they did, as written: "Tin", "Ảnh", "Bài và ảnh"...
    pub credit: String,
    pub evidence: Evidence,
}

/// How the year of the event date was found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Written with the date itself ("25-5-2016", "ngày 12 tháng 02 năm 2026").
    Explicit,
    /// A page stamp ("21:03 13/04/2020") or dateline elsewhere in the text.
    PageStamp,
    /// Inferred from the content: a year under review in December, a congress term...
    Content,
    /// A date in the source URL.
    Url,
    /// The publication date the user gave.
    Published,
    /// No year can be known: the date is "--MM-DD".
    #[default]
    Unknown,
}

/// The date of the event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// "YYYY-MM-DD", or "--MM-DD" when no year can be known.
    pub iso: String,
    pub year_source: YearSource,
    /// The date expression in the text ("Sáng 28-12").
    pub evidence: Option<Evidence>,
}

/// The kind of event an article reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// hội nghị (Ban Chấp hành, cán bộ chủ chốt...)
    Conference,
    /// kỳ họp Hội đồng nhân dân / Quốc hội
    CouncilSession,
    /// đại hội (Đảng bộ, Mặt trận...)
    Congress,
    /// làm việc, thăm, kiểm tra
    WorkingVisit,
    /// trao / công bố quyết định (nhân sự)
    AppointmentCeremony,
    /// tiếp xúc cử tri
    VoterMeeting,
    /// bầu, bổ nhiệm, miễn nhiệm reported without a ceremony
    PersonnelChange,
    /// lễ kỷ niệm, mít tinh, trao tặng Huân chương, khánh thành, lễ tang
    Ceremony,
    /// kỷ luật, khai trừ, cách chức
    Discipline,
    #[default]
    Other,
}

/// The event the article reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The article's headline, when its first line reads as one.
    pub headline: Option<String>,
    pub kind: EventKind,
    /// "lần thứ 13" → 13.
    pub ordinal: Option<u32>,
    /// "khoá XX" → "XX"; "nhiệm kỳ 2020 - 2025" → "2020-2025".
    pub term: Option<String>,
    /// The body that holds it: "Ban Chấp hành Đảng bộ tỉnh".
    pub body: Option<String>,
    pub evidence: Option<Evidence>,
}

/// An indicator statement: "78/204 xã ... (38%)", "11/14 chỉ tiêu".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The statement as written.
    pub text: String,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub percent: Option<f64>,
    /// What is counted: "xã, thị trấn", "chỉ tiêu".
    pub unit: Option<String>,
    pub evidence: Evidence,
}

/// Everything read from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub extractor_version: u32,
    /// The normalized text every [`Span`] points into.
    pub text: String,
    /// The event date as "YYYY-MM-DD" / "--MM-DD", duplicated from [`Extraction::event_date`]
    /// because the JSON contract of `nienbieu extract` puts it at the top.
    pub date: Option<String>,
    pub event_date: Option<EventDate>,
    pub event: Event,
    /// The province or centrally-run city the article is about, canonical ("Nam Định",
    /// "Hải Phòng"), so that a bare "Bí thư Tỉnh ủy" resolves to one post.
    pub place: Option<String>,
    pub people: Vec<Official>,
    pub authors: Vec<Author>,
    pub figures: Vec<Figure>,
}

/// Reads one article. Never panics, and runs in time linear in the size of `text`.
pub fn extract(text: &str, ctx: &Context) -> Extraction {
    let text = normalize::normalize(&html::to_text(text));
    let sentences = normalize::sentences(&text);
    let authors = bylines::find(&text);
    // (the lexicon's lowercase copy is the one the dates and the events read)
    let (people, place, lower) = {
        let doc = lexicon::Doc::new(&text);
        let people = names::officials_in(&doc, &sentences, &authors);
        let place = places::main_place_in(&doc).map(str::to_string);
        (people, place, doc.into_lower())
    };
    let event_date = dates::find_event_date_lowered(&text, &lower, &sentences, ctx);
    let event = events::detect_lowered(&text, &lower, &sentences);
    let figures = figures::find(&text, &sentences);
    Extraction {
        place,
        extractor_version: EXTRACTOR_VERSION,
        date: event_date.as_ref().map(|d| d.iso.clone()),
        event_date,
        event,
        people,
        authors,
        figures,
        text,
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `titles` is serialized as plain strings (the `nienbieu extract` contract); the details go in
/// `title_details`.
fn titles_as_text<S: serde::Serializer>(titles: &[Title], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(titles.len()))?;
    for t in titles {
        seq.serialize_element(&t.text)?;
    }
    seq.end()
}

/// Accepts both plain strings and full [`Title`] objects.
fn titles_from_any<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Title>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum AnyTitle {
        Text(String),
        Full(Title),
    }
    let raw: Vec<AnyTitle> = Vec::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|t| match t {
            AnyTitle::Text(text) => Title {
                text,
                ..Title::default()
            },
            AnyTitle::Full(t) => t,
        })
        .collect())
}
