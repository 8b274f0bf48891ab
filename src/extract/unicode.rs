//! Unicode normalization forms, from wherever they are cheapest: natively the
//! `unicode-normalization` crate; in the browser the engine's own `String.prototype.normalize`,
//! which saves the bundle the crate's composition tables (about 64 KB gzip). Both follow the
//! Unicode standard, so the extractor reads a text the same on either side (a browser test,
//! `tests/web_unicode.rs`, checks it). Callers try [`super::normalize::surely_nfc`] first: most
//! Vietnamese text is proved NFC by a byte scan and never gets here.

/// Whether `text` is certainly NFC (a "maybe" counts as no: the caller then normalizes).
pub fn is_nfc(text: &str) -> bool {
    imp::is_nfc(text)
}

/// `text` in NFC.
pub fn nfc(text: &str) -> String {
    imp::nfc(text)
}

/// The canonical decomposition (NFD) of `c`, written to `out`.
pub fn nfd_char(c: char, out: &mut impl FnMut(char)) {
    imp::nfd_char(c, out)
}

/// Combining marks that decompositions of letters produce (Combining Diacritical Marks and their
/// supplements and extensions): what search folding drops. A range check, the same on both
/// sides, rather than the full general-category table.
pub fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::{char::decompose_canonical, is_nfc_quick, IsNormalized};

    pub fn is_nfc(text: &str) -> bool {
        is_nfc_quick(text.chars()) == IsNormalized::Yes
    }

    pub fn nfc(text: &str) -> String {
        text.nfc().collect()
    }

    pub fn nfd_char(c: char, out: &mut impl FnMut(char)) {
        decompose_canonical(c, out)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::JsString;

    fn normalize(text: &str, form: &str) -> String {
        String::from(JsString::from(text).normalize(form))
    }

    pub fn is_nfc(text: &str) -> bool {
        normalize(text, "NFC") == text
    }

    pub fn nfc(text: &str) -> String {
        normalize(text, "NFC")
    }

    pub fn nfd_char(c: char, out: &mut impl FnMut(char)) {
        let mut buf = [0u8; 4];
        for d in normalize(c.encode_utf8(&mut buf), "NFD").chars() {
            out(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert!(is_nfc("Hội nghị Ban Chấp hành"));
        assert!(!is_nfc("Ho\u{0323}\u{0302}i"));
        assert_eq!(nfc("Ho\u{0323}\u{0302}i"), "Hội");
        let mut d = String::new();
        nfd_char('ộ', &mut |c| d.push(c));
        assert_eq!(d, "o\u{0323}\u{0302}");
        assert!(d.chars().skip(1).all(is_combining_mark));
        assert!(!is_combining_mark('o'));
    }
}
