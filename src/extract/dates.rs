//! The date of the event, in every form real articles use.

use super::{Context, EventDate, Span};

/// The date the reported event took place, if the text says it.
pub fn find_event_date(_text: &str, _sentences: &[Span], _ctx: &Context) -> Option<EventDate> {
    None
}
