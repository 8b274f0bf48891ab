//! Figures: indicator statements such as "78/204 xã ... (38%)", "11/14 chỉ tiêu".

use super::{Figure, Span};

/// Every indicator statement in `text`.
pub fn find(_text: &str, _sentences: &[Span]) -> Vec<Figure> {
    Vec::new()
}
