//! Figures: indicator statements such as "78/204 xã ... (38%)", "11/14 chỉ tiêu", "100%".
//!
//! A fraction N/M counts as an indicator when it names what it counts ("xã, thị trấn",
//! "chỉ tiêu", "phiếu": `lexicon/figures_units.txt`) or is introduced as one ("đạt", "chiếm",
//! "tỷ lệ ... là"), N ≤ M, and it is neither a date ("28/12", "Sáng 5/12") nor a document
//! number ("1886/QĐ-TTg", "05/2023/NĐ-CP"). A percentage right after a fraction ("(chiếm 38%)")
//! belongs to it; any other percentage is a figure of its own.

use super::dates::{
    ceil_boundary, floor_boundary, is_alnum, is_date_at, lexicon_lines, lower_aligned, next_digit,
};
use super::{Evidence, Figure, Span};
use std::sync::OnceLock;

/// Every indicator statement in `text`, in order.
pub fn find(text: &str, sentences: &[Span]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        i = next_digit(b, i);
        if i >= b.len() {
            break;
        }
        if i > 0 && glued_before(text, i) {
            i += 1;
            continue;
        }
        let Some(num) = number_at(text, i) else {
            i += 1;
            continue;
        };
        let end = i + num.len;
        // A fraction "N/M".
        if b.get(end) == Some(&b'/') && !is_date_at(text, i) {
            if let Some(den) = number_at(text, end + 1).filter(|d| d.integer) {
                let fend = end + 1 + den.len;
                if num.integer
                    && num.value <= den.value
                    && den.value > 0.0
                    && !document_tail(text, fend)
                {
                    let unit = unit_after(text, fend);
                    let cue = cue_before(text, i);
                    if unit.is_some() || cue.is_some() || percent_after(text, fend).is_some() {
                        let mut stop = unit.map_or(fend, |u| u.end);
                        let mut percent = None;
                        if let Some((p, pend)) = percent_after(text, stop).or_else(|| {
                            bracketed_percent_after_words(text, stop, num.value / den.value)
                        }) {
                            percent = Some(p);
                            stop = pend;
                        }
                        let start = cue.unwrap_or(i);
                        out.push(figure(
                            text,
                            sentences,
                            Span::new(start, stop),
                            Some(num.value),
                            Some(den.value),
                            percent,
                            unit.map(|u| u.slice(text).to_string()),
                        ));
                        i = stop.max(fend);
                        continue;
                    }
                }
                i = fend;
                continue;
            }
        }
        // A percentage "N%", "N phần trăm".
        if let Some(pend) = percent_sign(text, end) {
            let unit = unit_after(text, pend);
            let stop = unit.map_or(pend, |u| u.end);
            let start = cue_before(text, i).unwrap_or(i);
            out.push(figure(
                text,
                sentences,
                Span::new(start, stop),
                None,
                None,
                Some(num.value),
                unit.map(|u| u.slice(text).to_string()),
            ));
            i = stop;
            continue;
        }
        i = end;
    }
    out
}

fn figure(
    text: &str,
    sentences: &[Span],
    mention: Span,
    numerator: Option<f64>,
    denominator: Option<f64>,
    percent: Option<f64>,
    unit: Option<String>,
) -> Figure {
    let sentence = super::dates::sentence_at(sentences, mention.start).unwrap_or(mention);
    Figure {
        text: mention.slice(text).trim().to_string(),
        numerator,
        denominator,
        percent,
        unit,
        evidence: Evidence { mention, sentence },
    }
}

/// A number as written: digits, maybe with a decimal part ("38,5", "7.2").
#[derive(Debug, Clone, Copy)]
struct Number {
    value: f64,
    len: usize,
    integer: bool,
}

fn number_at(text: &str, at: usize) -> Option<Number> {
    let b = text.as_bytes();
    let int = b[at.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if int == 0 || int > 9 {
        return None;
    }
    if matches!(b.get(at + int), Some(b',' | b'.')) {
        let frac = b[at + int + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        // "38,5" is a decimal; "12.000" (three digits) is a thousands group, not a figure here.
        if (1..=2).contains(&frac) && percent_sign(text, at + int + 1 + frac).is_some() {
            // All the digits as one integer (at most eleven: exact in an f64), divided by 10 or
            // 100: one correctly rounded division, the same f64 as parsing "38.5".
            let n = b[at..at + int + 1 + frac]
                .iter()
                .filter(|c| c.is_ascii_digit())
                .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'));
            let scale = if frac == 1 { 10.0 } else { 100.0 };
            return Some(Number {
                value: n as f64 / scale,
                len: int + 1 + frac,
                integer: false,
            });
        }
    }
    // At most nine digits: exact as an integer, and so as an f64.
    let value = b[at..at + int]
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    Some(Number {
        value: f64::from(value),
        len: int,
        integer: true,
    })
}

/// Glued to a word or another number on the left ("QĐ/12", "1.2", "A3").
fn glued_before(text: &str, at: usize) -> bool {
    let mut rev = text[..at].chars().rev();
    match rev.next() {
        Some(c) if is_alnum(c) => true,
        Some('/' | '.' | ',' | '-') => rev.next().is_some_and(is_alnum),
        _ => false,
    }
}

/// "1886/QĐ-TTg", "05/2023/NĐ-CP", "12/KH": a document number goes on with letters or a slash.
fn document_tail(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    rest.starts_with(|c: char| c.is_alphabetic())
        || (rest.starts_with(['/', '-']) && rest[1..].starts_with(is_alnum))
}

/// "%" or " phần trăm" right after a number: the end of the sign.
fn percent_sign(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    for sign in ["%", " %", " phần trăm"] {
        if rest.starts_with(sign) {
            return Some(at + sign.len());
        }
    }
    None
}

/// A percentage attached to a fraction: " (chiếm 38%)", " (38,5%)", ", chiếm 38%".
fn percent_after(text: &str, at: usize) -> Option<(f64, usize)> {
    let rest = text.get(at..)?;
    let lower = lower_aligned(&rest[..floor_boundary(rest, rest.len().min(40))]);
    let mut k = 0;
    let paren = if lower.starts_with(" (") {
        k += 2;
        true
    } else if lower.starts_with(", ") {
        k += 2;
        false
    } else {
        return None;
    };
    for w in ["chiếm ", "đạt ", "bằng ", "tỷ lệ ", "tỉ lệ "] {
        if lower[k..].starts_with(w) {
            k += w.len();
            break;
        }
    }
    if !paren && !lower[..k].ends_with(' ') {
        return None;
    }
    let n = number_at(text, at + k)?;
    let pend = percent_sign(text, at + k + n.len)?;
    let mut end = pend;
    if paren && text[end..].starts_with(')') {
        end += 1;
    }
    Some((n.value, end))
}

/// A bracketed percentage a few words on: "50/52 đại biểu tán thành (96,15%)". Further on (up
/// to six words: "98/120 xã đạt chuẩn nông thôn mới (tỷ lệ 81,7%)") only the fraction's own
/// share (`ratio`, rounded as written) is taken.
fn bracketed_percent_after_words(text: &str, at: usize, ratio: f64) -> Option<(f64, usize)> {
    let rest = text.get(at..)?;
    let mut k = 0;
    for words in 1..=6 {
        let word = rest[k..].strip_prefix(' ')?;
        let wl = word
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(word.len(), |(i, _)| i);
        if wl == 0 {
            return None;
        }
        k += 1 + wl;
        if rest[k..].starts_with(" (") {
            return percent_after(text, at + k)
                .filter(|(p, _)| words <= 3 || (p - ratio * 100.0).abs() < 0.6);
        }
    }
    None
}

fn units() -> &'static [String] {
    static UNITS: OnceLock<Vec<String>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let mut v = lexicon_lines(include_str!("lexicon/figures_units.txt"));
        crate::sort::sort_by_key(&mut v, |u| std::cmp::Reverse(u.len()));
        v
    })
}

/// The counted noun right after a number: " xã, thị trấn", " chỉ tiêu".
fn unit_after(text: &str, at: usize) -> Option<Span> {
    let window = text.get(at..ceil_boundary(text, (at + 96).min(text.len())))?;
    let lower = lower_aligned(window);
    let rest = lower.strip_prefix(' ')?;
    let start = at + 1;
    let mut end = start;
    let mut cur = rest;
    let unit_at = |s: &str| {
        // (most units differ in their first byte: tell them before a byte compare)
        let first = s.as_bytes().first();
        units()
            .iter()
            .filter(|u| u.as_bytes().first() == first)
            .find(|u| s.starts_with(u.as_str()) && !s[u.len()..].starts_with(is_alnum))
            .map(String::len)
    };
    loop {
        let ul = unit_at(cur)?;
        end += ul;
        cur = &cur[ul..];
        // A list of units: "xã, thị trấn", "tỉnh và thành phố".
        let joined = [", ", " và "]
            .iter()
            .find(|j| cur.strip_prefix(**j).and_then(unit_at).is_some())
            .map(|j| j.len());
        match joined {
            Some(jl) => {
                end += jl;
                cur = &cur[jl..];
            }
            None => break,
        }
    }
    (end > start).then(|| Span::new(start, end))
}

/// Words that introduce an indicator just before its number: the start of the statement.
fn cue_before(text: &str, at: usize) -> Option<usize> {
    const CUES: [&str; 10] = [
        "đạt và vượt",
        "đạt",
        "vượt",
        "chiếm",
        "tỷ lệ",
        "tỉ lệ",
        "số phiếu",
        "đứng thứ",
        "với",
        "là",
    ];
    let from = floor_boundary(text, at.saturating_sub(80));
    let lower = lower_aligned(&text[from..at]);
    let trimmed = lower.trim_end();
    for c in CUES {
        if super::dates::ends_with_word(trimmed, c) {
            let start = trimmed.len() - c.len();
            // "tỷ lệ phiếu bầu là 32/45": the statement opens at "tỷ lệ".
            if c == "là" {
                let before = &lower[floor_boundary(&lower, start.saturating_sub(32))..start];
                for lead in ["tỷ lệ", "tỉ lệ", "số phiếu"] {
                    if let Some(i) = before.rfind(lead) {
                        return Some(from + start - (before.len() - i));
                    }
                }
            }
            return Some(from + start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize;

    fn show(f: &Figure) -> String {
        let n = |v: Option<f64>| v.map_or("-".to_string(), |x| x.to_string());
        format!(
            "{}/{}|{}|{}",
            n(f.numerator),
            n(f.denominator),
            n(f.percent),
            f.unit.as_deref().unwrap_or("-")
        )
    }

    /// `figures.examples.tsv`: text, then the figures as `num/den|percent|unit` joined by ` ; `
    /// (`-` for none; an empty list as `none`).
    #[test]
    fn examples_corpus() {
        let mut failures = Vec::new();
        let mut n = 0;
        for (i, line) in include_str!("figures.examples.tsv").lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            n += 1;
            let (text, want) = line.split_once('\t').expect("two columns");
            let text = normalize::normalize(text);
            let got: Vec<String> = find(&text, &normalize::sentences(&text))
                .iter()
                .map(show)
                .collect();
            let got = if got.is_empty() {
                "none".to_string()
            } else {
                got.join(" ; ")
            };
            if got != want {
                failures.push(format!(
                    "  figures.examples.tsv:{}: expected {want}, got {got}",
                    i + 1
                ));
            }
        }
        assert!(n >= 12);
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn statement_text() {
        let t = "Đến nay có 78/204 xã, thị trấn (chiếm 38%) đạt chuẩn nông thôn mới nâng cao.";
        let f = find(t, &normalize::sentences(t));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "78/204 xã, thị trấn (chiếm 38%)");
        let t = "Kết quả, tỷ lệ phiếu bầu là 32/45 phiếu.";
        assert_eq!(find(t, &[])[0].text, "tỷ lệ phiếu bầu là 32/45 phiếu");
        let t = "Ước cả năm đạt và vượt 11/14 chỉ tiêu chủ yếu.";
        assert_eq!(find(t, &[])[0].text, "đạt và vượt 11/14 chỉ tiêu chủ yếu");
    }
}
