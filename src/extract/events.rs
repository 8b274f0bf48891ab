//! The event: headline, kind, ordinal, term and holding body.

use super::{Event, Span};

/// The event the article reports.
pub fn detect(_text: &str, _sentences: &[Span]) -> Event {
    Event::default()
}
