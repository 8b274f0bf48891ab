//! HTML source pasted as text ("view source", a CMS editor's HTML mode): its tags and character
//! references are read as a browser would show the page, so the article's words, not its markup,
//! reach the other rules. Text that does not look like HTML is returned as it is.
//!
//! Only what news pages use is decoded: numeric references and the named ones for Latin letters
//! with accents, spaces, quotes and dashes (a full entity table would cost the bundle ~30 KB for
//! names no Vietnamese news page writes). One pass, linear in the input.

use super::dates::floor_boundary;
use std::borrow::Cow;

/// Elements whose content is not text on the page.
const HIDDEN: [&str; 4] = ["script", "style", "noscript", "template"];

/// Elements that break a line where they start or end.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "blockquote",
    "hr",
];

/// `text` as a page would show it, if it is HTML source; otherwise `text` itself.
pub fn to_text(text: &str) -> Cow<'_, str> {
    if !looks_like_html(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            match reference(rest) {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let Some(tag) = tag(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if tag.comment {
            continue;
        }
        if !tag.closing && HIDDEN.contains(&tag.name.as_str()) {
            // Skip to the element's end tag (or the end of the text).
            let close = format!("</{}", tag.name);
            let lower_at = find_ascii_ci(rest, &close);
            rest = match lower_at {
                Some(i) => &rest[i..],
                None => "",
            };
            continue;
        }
        if BLOCKS.contains(&tag.name.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Tags of the elements articles are made of, or character references, in the first few KB.
fn looks_like_html(text: &str) -> bool {
    let head = &text[..floor_boundary(text, 8192)];
    // Most pasted text has no '<' at all: answer that without copying anything.
    let b = head.as_bytes();
    if memchr::memchr(b'<', b).is_none()
        && !memchr::memchr_iter(b'&', b)
            .any(|i| b[i..].starts_with(b"&#") || b[i..].starts_with(b"&nbsp;"))
    {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "<span", "<strong>", "&nbsp;", "&#",
    ]
    .iter()
    .filter(|m| lower.contains(*m))
    .count()
        >= 2
}

struct Tag {
    /// Lowercase element name ("" for a comment or a declaration).
    name: String,
    closing: bool,
    comment: bool,
    /// Bytes the tag takes.
    len: usize,
}

/// The tag at the start of `s` ("<p class=x>", "</div>", "<br/>", "<!-- ... -->").
fn tag(s: &str) -> Option<Tag> {
    if let Some(body) = s.strip_prefix("<!--") {
        let end = body.find("-->").map_or(s.len(), |i| 4 + i + 3);
        return Some(Tag {
            name: String::new(),
            closing: false,
            comment: true,
            len: end,
        });
    }
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let declaration = b.get(i) == Some(&b'!') || b.get(i) == Some(&b'?');
    if !declaration && !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None; // "a < b", "<3": not a tag
    }
    let name_start = i;
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    // To the closing '>' (quoted attribute values may hold one), within a sane length.
    let mut quote = None;
    let limit = b.len().min(i + 2048);
    while i < limit {
        match (quote, b[i]) {
            (None, b'>') => {
                return Some(Tag {
                    name: s[name_start..]
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase(),
                    closing,
                    comment: declaration,
                    len: i + 1,
                });
            }
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The character reference at the start of `s` ("&amp;", "&#7889;", "&#x1EBF;"): its character
/// and length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n).filter(|c| *c != '\0')?
    } else {
        named(body)?
    };
    Some((c, end + 1))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        _ => return accented(name),
    })
}

/// "aacute", "Ocirc", "atilde"...: the accented Latin letters HTML has names for and
/// Vietnamese uses.
fn accented(name: &str) -> Option<char> {
    const LETTERS: [(&str, char); 32] = [
        ("aacute", 'á'),
        ("agrave", 'à'),
        ("acirc", 'â'),
        ("atilde", 'ã'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("ecirc", 'ê'),
        ("iacute", 'í'),
        ("igrave", 'ì'),
        ("oacute", 'ó'),
        ("ograve", 'ò'),
        ("ocirc", 'ô'),
        ("otilde", 'õ'),
        ("uacute", 'ú'),
        ("ugrave", 'ù'),
        ("yacute", 'ý'),
        ("Aacute", 'Á'),
        ("Agrave", 'À'),
        ("Acirc", 'Â'),
        ("Atilde", 'Ã'),
        ("Eacute", 'É'),
        ("Egrave", 'È'),
        ("Ecirc", 'Ê'),
        ("Iacute", 'Í'),
        ("Igrave", 'Ì'),
        ("Oacute", 'Ó'),
        ("Ograve", 'Ò'),
        ("Ocirc", 'Ô'),
        ("Otilde", 'Õ'),
        ("Uacute", 'Ú'),
        ("Ugrave", 'Ù'),
        ("Yacute", 'Ý'),
    ];
    LETTERS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Byte offset of `needle` (ASCII, lowercase) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `html.examples.tsv`: HTML source, then the text it shows (`\n` a line break).
    #[test]
    fn examples() {
        let mut failures = Vec::new();
        for line in include_str!("html.examples.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((html, text)) = line.split_once('\t') else {
                continue;
            };
            let expected = text.replace("\\n", "\n");
            let got = to_text(html);
            if got != expected {
                failures.push(format!(
                    "{html}\n  got:      {got:?}\n  expected: {expected:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
