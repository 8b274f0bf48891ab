//! Text normalization: NFC, lookalike letters, whitespace; sentence splitting; folding for search.

use super::Span;
use unicode_normalization::UnicodeNormalization;

/// NFC, with lookalike letters read as what they mean (Ð U+00D0 → Đ).
pub fn normalize(text: &str) -> String {
    text.nfc().map(|c| if c == '\u{00D0}' { 'Đ' } else { c }).collect()
}

/// Sentence spans of `text`, in order, covering every non-blank sentence.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || ((c == '.' || c == '!' || c == '?') && text[i + 1..].starts_with(' ')) {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(Span::new(start, end));
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Case- and diacritic-insensitive form for search and matching: "Phạm Gia Túc" → "pham gia tuc".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}
