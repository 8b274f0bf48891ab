//! Articles and the library: what the user pasted, plus their corrections. Everything else
//! (people, posts, tenures, events) is derived from these two and rebuilt at will.

use super::correct::{Correction, CorrectionId, Edit};
use crate::extract::Context;
use crate::extract::{normalize::surely_nfc, unicode};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// An article's content address: the first 96 bits of the SHA-256 of its text with whitespace
/// collapsed, in lowercase hex. The same article pasted twice (even re-wrapped) gets the same id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Length of the hex form.
    pub const LEN: usize = 24;

    /// The id of a text (as given or as stored: the id is computed on the same canonical form).
    pub fn of_text(text: &str) -> ArticleId {
        let mut hasher = Sha256::new();
        let mut first = true;
        for word in canonical(text).split_whitespace().filter(|w| !w.is_empty()) {
            if !first {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
            first = false;
        }
        ArticleId(hex(&hasher.finalize()[..Self::LEN / 2]))
    }

    /// Reads an id from its hex form, checking its shape.
    pub fn parse(s: &str) -> Option<ArticleId> {
        (s.len() == Self::LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| ArticleId(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// SHA-256 of `bytes` in hex, cut to `len` hex digits: checksums of stored records.
pub fn digest_hex(bytes: &[u8], len: usize) -> String {
    let mut s = hex(&Sha256::digest(bytes));
    s.truncate(len);
    s
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The stored form of a pasted text: NFC, line breaks as "\n", invisible characters removed,
/// spaces at line ends and blank lines at both ends trimmed. Fixed here (not taken from the
/// extractor's normalization) so that ids stay the same whatever the extractor's version.
pub fn canonical_text(text: &str) -> String {
    canonical(text).into_owned()
}

/// [`canonical_text`], borrowing when `text` is already in stored form (as every stored article
/// is: loading thousands of them must not re-normalize each).
fn canonical(text: &str) -> Cow<'_, str> {
    if is_canonical(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(canonicalize(text))
    }
}

fn canonicalize(text: &str) -> String {
    // Invisible characters go first: between a letter and its accent they would keep NFC from
    // composing the two, and the result would not be its own stored form.
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    let nfc = unicode::nfc(&visible);
    let mut out = String::with_capacity(nfc.len());
    for line in nfc.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for part in line.split('\r') {
            out.push_str(part.trim_end());
            out.push('\n');
        }
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// Zero-width characters pasted from web pages.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether `text` is its own [`canonical_text`]: NFC, no invisible characters or carriage
/// returns, nothing trimmable at line ends or at either end.
fn is_canonical(text: &str) -> bool {
    let edges_trimmed =
        !text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace);
    edges_trimmed
        && !text.contains([
            '\r', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ])
        && text
            .split('\n')
            .all(|line| !line.ends_with(char::is_whitespace))
        && (surely_nfc(text) || unicode::is_nfc(text))
}

/// One pasted article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    /// The text in its stored form ([`canonical_text`]); shared, as articles are cloned with
    /// every change of the library.
    pub text: Arc<str>,
    /// Where it was read, as the user gave it.
    pub url: Option<String>,
    /// Publication date the user gave ("YYYY-MM-DD" or "YYYY-MM").
    pub published: Option<String>,
    /// When it was added, in milliseconds since the Unix epoch (given by the caller: the core
    /// has no clock).
    pub added_ms: u64,
    /// The extractor version that last read it.
    pub extractor_version: u32,
}

impl Article {
    /// What the extractor is told besides the text.
    pub fn context(&self) -> Context {
        Context {
            url: self.url.clone(),
            published: self.published.clone(),
        }
    }
}

/// What the user says about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub url: Option<String>,
    pub published: Option<String>,
}

/// The result of adding an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new article.
    New(ArticleId),
    /// The same text is already in the library (it is left as it was).
    Duplicate(ArticleId),
}

impl Added {
    pub fn id(&self) -> &ArticleId {
        match self {
            Added::New(id) | Added::Duplicate(id) => id,
        }
    }
}

/// Why an article cannot be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// Nothing but whitespace.
    Empty,
    /// The publication date is neither "YYYY-MM-DD" nor "YYYY-MM" (nor "YYYY").
    BadPublished(String),
}

impl fmt::Display for AddError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddError::Empty => f.write_str("the article is empty"),
            AddError::BadPublished(s) => write!(
                f,
                "the publication date `{s}` is not a date (YYYY-MM-DD or YYYY-MM)"
            ),
        }
    }
}

/// Everything the user keeps: articles and corrections. Cheap to clone (texts are shared), so
/// a change can be made on a copy and kept only once it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    articles: BTreeMap<ArticleId, Article>,
    corrections: Vec<Correction>,
    next_correction: u64,
    /// Corrections undone, most recent last; not stored (an undo survives a reload, a redo
    /// does not).
    redo: Vec<Correction>,
}

impl Library {
    pub fn new() -> Library {
        Library::default()
    }

    /// Adds a pasted article. `now_ms` is the time of adding, `extractor_version` the version
    /// that will read it.
    pub fn add_article(
        &mut self,
        text: &str,
        source: Source,
        now_ms: u64,
        extractor_version: u32,
    ) -> Result<Added, AddError> {
        let text = canonical_text(text);
        if text.is_empty() {
            return Err(AddError::Empty);
        }
        let published = match source.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => match super::date::PartialDate::parse(p) {
                Some(d) if d.year().is_some() => Some(d.iso()),
                _ => return Err(AddError::BadPublished(p.to_string())),
            },
        };
        let id = ArticleId::of_text(&text);
        if self.articles.contains_key(&id) {
            return Ok(Added::Duplicate(id));
        }
        let url = source
            .url
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        self.articles.insert(
            id.clone(),
            Article {
                id: id.clone(),
                text: text.into(),
                url,
                published,
                added_ms: now_ms,
                extractor_version,
            },
        );
        Ok(Added::New(id))
    }

    /// Puts back an article exactly as it was stored (loading, importing). The id is checked
    /// against the text by the caller.
    pub(crate) fn insert_article(&mut self, article: Article) {
        self.articles.insert(article.id.clone(), article);
    }

    /// Removes an article; its corrections stay (they are keyed by article id and apply again
    /// if the same text is pasted later).
    pub fn remove_article(&mut self, id: &ArticleId) -> Option<Article> {
        self.articles.remove(id)
    }

    pub fn article(&self, id: &ArticleId) -> Option<&Article> {
        self.articles.get(id)
    }

    /// Articles by id.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = &Article> {
        self.articles.values()
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Records that an article was read again by another extractor version.
    pub fn set_extractor_version(&mut self, id: &ArticleId, version: u32) {
        if let Some(a) = self.articles.get_mut(id) {
            a.extractor_version = version;
        }
    }

    /// Corrections in the order they apply.
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    /// Adds a correction on top of the others; clears what could be redone.
    pub fn correct(&mut self, edit: Edit, now_ms: u64) -> CorrectionId {
        let id = CorrectionId(self.next_correction.max(self.max_correction_id() + 1));
        self.next_correction = id.0 + 1;
        self.corrections.push(Correction {
            id,
            at_ms: now_ms,
            edit,
        });
        self.redo.clear();
        id
    }

    /// Takes back the most recent correction.
    pub fn undo(&mut self) -> Option<&Correction> {
        let c = self.corrections.pop()?;
        self.redo.push(c);
        self.redo.last()
    }

    /// Puts back the most recently undone correction.
    pub fn redo(&mut self) -> Option<&Correction> {
        let c = self.redo.pop()?;
        self.corrections.push(c);
        self.corrections.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.corrections.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Removes one correction wherever it is in the log (the UI's "revert this fix").
    pub fn revert(&mut self, id: CorrectionId) -> Option<Correction> {
        let i = self.corrections.iter().position(|c| c.id == id)?;
        Some(self.corrections.remove(i))
    }

    /// Puts back corrections exactly as stored (loading, importing).
    pub(crate) fn set_corrections(&mut self, corrections: Vec<Correction>) {
        self.corrections = corrections;
        self.next_correction = self.max_correction_id() + 1;
        self.redo.clear();
    }

    fn max_correction_id(&self) -> u64 {
        self.corrections.iter().map(|c| c.id.0).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_article_pasted_twice_is_recognised() {
        let a = "Sáng 28-12, Ban Chấp hành Đảng bộ tỉnh họp.\r\nĐồng chí Phạm Văn A chủ trì.  ";
        let b = "\u{FEFF}Sáng 28-12, Ban Chấp hành\nĐảng bộ tỉnh họp.\n\n  Đồng chí Phạm Văn A chủ trì.";
        // Decomposed diacritics (as some sites serve them) are the same text.
        let c: String = unicode_normalization::UnicodeNormalization::nfd(a).collect();
        assert_eq!(ArticleId::of_text(a), ArticleId::of_text(b));
        assert_eq!(ArticleId::of_text(a), ArticleId::of_text(&c));
        assert_ne!(ArticleId::of_text(a), ArticleId::of_text("Sáng 29-12, ..."));

        let mut lib = Library::new();
        let first = lib.add_article(a, Source::default(), 1, 1).unwrap();
        assert!(matches!(first, Added::New(_)));
        assert_eq!(
            lib.add_article(b, Source::default(), 2, 1),
            Ok(Added::Duplicate(first.id().clone()))
        );
        assert_eq!(lib.len(), 1);
    }

    #[test]
    fn ids_are_stable_across_platforms_and_versions() {
        // Pinned: a change here orphans every stored article.
        assert_eq!(
            ArticleId::of_text("Hội nghị lần thứ 13 Ban Chấp hành Đảng bộ tỉnh").as_str(),
            ArticleId::of_text(" Hội nghị lần thứ 13\nBan Chấp hành Đảng bộ tỉnh ").as_str()
        );
        assert_eq!(
            ArticleId::of_text("abc").as_str(),
            "ba7816bf8f01cfea414140de"
        );
    }

    #[test]
    fn rejects_empty_articles_and_bad_dates() {
        let mut lib = Library::new();
        assert_eq!(
            lib.add_article(" \n\u{200B} ", Source::default(), 1, 1),
            Err(AddError::Empty)
        );
        let bad = Source {
            url: None,
            published: Some("28/12/2021".into()),
        };
        assert!(matches!(
            lib.add_article("Sáng 28-12 ...", bad, 1, 1),
            Err(AddError::BadPublished(_))
        ));
        assert!(lib.is_empty());
    }

    #[test]
    fn canonical_text_keeps_paragraphs() {
        assert_eq!(canonical_text("  a \r\nb\r\rc\n\n"), "a\nb\n\nc");
    }

    #[test]
    fn the_stored_form_is_recognised_without_being_redone() {
        for text in [
            "Sáng 28-12, Hội nghị\n\nlần thứ 13",
            "Ho\u{0300}a", // NFD
            "a\u{200B}b",  // invisible
            "a \nb",       // space at a line end
            "a\r\nb",      // carriage return
            " a",          // leading space
            "a\u{2028}",   // Unicode whitespace at the end
            "Ðồng chí",    // lookalike letters are the extractor's business, not the store's
        ] {
            let slow = canonicalize(text);
            assert_eq!(canonical(text), slow.as_str(), "{text:?}");
            assert!(is_canonical(&slow), "{slow:?}");
        }
    }
}
