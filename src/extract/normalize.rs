//! Text normalization: NFC, lookalike letters, whitespace, tone placement and glued words;
//! sentence splitting; folding for search.
//!
//! Every [`Span`](super::Span) the extractor returns points into the output of [`normalize`], so
//! normalization may change lengths freely: it is the text the user is shown.

use super::Span;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text as the extractor reads it:
/// - NFC; lookalike letters read as what they mean (Ð U+00D0 and Ɖ → Đ);
/// - spaces, tabs and exotic blanks collapsed to one space, line breaks kept as `\n`, blanks at
///   line ends dropped, zero-width characters and soft hyphens removed, control characters blanked;
/// - modern tone placement on open `oa`, `oe`, `uy` syllables ("Uỷ" → "Ủy", "hoá" → "hóa");
/// - words glued by a lost space split again ("Du lịchđề nghị" → "Du lịch đề nghị",
///   "2015Kêu" → "2015 Kêu", "điểm,góp" → "điểm, góp").
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64 + 8);
    let mut w = Writer {
        out: &mut out,
        word: String::new(),
        pending_space: false,
        at_line_start: true,
        prev: '\n',
    };
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        for c in text.chars() {
            w.push(c);
        }
    } else {
        for c in text.nfc() {
            w.push(c);
        }
    }
    w.flush_word();
    drop(w);
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

struct Writer<'a> {
    out: &'a mut String,
    /// The word being read; flushed (tone fix, glue split) at its end. Reused, so no allocation
    /// per character.
    word: String,
    pending_space: bool,
    at_line_start: bool,
    prev: char,
}

impl Writer<'_> {
    fn push(&mut self, c: char) {
        let c = match c {
            '\u{00D0}' | '\u{0189}' => 'Đ',
            '\u{00F0}' | '\u{0256}' => 'đ',
            '\r' => '\n',
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return,
            '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                ' '
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
            c if c.is_control() && c != '\n' => ' ',
            c => c,
        };
        if c.is_alphanumeric() {
            // A comma or semicolon glued to the next word ("điểm,góp") gets its space back.
            if matches!(self.prev, ',' | ';') && !self.pending_space && c.is_alphabetic() {
                self.pending_space = true;
            }
            if self.pending_space {
                self.flush_word();
                if !self.at_line_start {
                    self.out.push(' ');
                }
                self.pending_space = false;
            }
            self.word.push(c);
            self.at_line_start = false;
            self.prev = c;
            return;
        }
        // Apostrophes inside a word belong to it (H'Mông, M’nông).
        if matches!(c, '\'' | '’') && !self.word.is_empty() && !self.pending_space {
            self.word.push(c);
            self.prev = c;
            return;
        }
        self.flush_word();
        match c {
            ' ' => self.pending_space = !self.at_line_start,
            '\n' => {
                // Blanks at line ends go; line breaks stay (they separate headline, body, bylines).
                self.pending_space = false;
                self.out.push('\n');
                self.at_line_start = true;
            }
            _ => {
                if self.pending_space {
                    self.out.push(' ');
                    self.pending_space = false;
                }
                self.out.push(c);
                self.at_line_start = false;
            }
        }
        self.prev = c;
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        write_word(self.out, &word);
        self.word = word;
        self.word.clear();
    }
}

/// Writes one word (a maximal run of letters, digits and inner apostrophes), fixing tone
/// placement and splitting glued words.
fn write_word(out: &mut String, word: &str) {
    let mut seg_start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if let Some(p) = prev {
            // "2015Kêu": digits glued to a capitalised word.
            let digit_then_upper = p.is_ascii_digit() && c.is_uppercase();
            // "lịchĐề": a lowercase Vietnamese letter glued to a capital.
            let lower_then_upper = p.is_lowercase() && c.is_uppercase() && (is_viet(p) || is_viet(c));
            if digit_then_upper || lower_then_upper {
                write_syllables(out, &word[seg_start..i]);
                out.push(' ');
                seg_start = i;
            }
        }
        prev = Some(c);
    }
    write_syllables(out, &word[seg_start..]);
}

/// Writes a word that may be several Vietnamese syllables glued together ("lịchđề", "vụcông").
fn write_syllables(out: &mut String, word: &str) {
    let mut start = 0;
    for cut in glue_cuts(word) {
        write_syllable(out, &word[start..cut]);
        out.push(' ');
        start = cut;
    }
    write_syllable(out, &word[start..]);
}

/// Byte offsets where a lowercase Vietnamese word made of several syllables must be cut.
/// A Vietnamese syllable has one vowel nucleus, so two nuclei separated by consonants mean two
/// syllables; the consonants between them split into a valid final and a valid initial.
/// Words without Vietnamese-only letters (foreign words, "Thursday") are left alone.
fn glue_cuts(word: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    if word.len() < 5 || !word.chars().any(is_viet) {
        return cuts;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.iter().skip(1).any(|&(_, c)| !c.is_lowercase()) || chars.iter().any(|&(_, c)| !c.is_alphabetic()) {
        return cuts;
    }
    let lower: Vec<char> = chars.iter().map(|&(_, c)| c.to_lowercase().next().unwrap_or(c)).collect();
    let n = lower.len();
    let mut i = 0;
    // Skip the first syllable's initial and nucleus.
    while i < n && !is_vowel(lower[i], lower.get(i.wrapping_sub(1)).copied()) {
        i += 1;
    }
    let mut syl_start = 0;
    while i < n {
        // In a nucleus: skip vowels.
        while i < n && is_vowel(lower[i], if i > 0 { Some(lower[i - 1]) } else { None }) {
            i += 1;
        }
        let cons_start = i;
        while i < n && !is_vowel(lower[i], if i > 0 { Some(lower[i - 1]) } else { None }) {
            i += 1;
        }
        if i >= n {
            break;
        }
        // Consonants cons_start..i sit between two nuclei: split into final + initial.
        let cluster: String = lower[cons_start..i].iter().collect();
        let mut cut_at = None;
        for final_len in (0..=cluster.chars().count()).rev() {
            let fin: String = cluster.chars().take(final_len).collect();
            let ini: String = cluster.chars().skip(final_len).collect();
            if !ini.is_empty() && is_final(&fin) && is_initial(&ini) {
                cut_at = Some(cons_start + final_len);
                break;
            }
        }
        match cut_at {
            // Each part must keep at least two letters ("Êđê" stays whole).
            Some(k) if k - syl_start >= 2 && n - k >= 2 => {
                cuts.push(chars[k].0);
                syl_start = k;
            }
            _ => return Vec::new(),
        }
    }
    cuts
}

fn is_final(s: &str) -> bool {
    matches!(s, "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t")
}

fn is_initial(s: &str) -> bool {
    matches!(
        s,
        "b" | "c" | "ch" | "d" | "đ" | "g" | "gh" | "h" | "k" | "kh" | "l" | "m" | "n" | "ng" | "ngh" | "nh" | "p" | "ph" | "q" | "r" | "s" | "t" | "th" | "tr" | "v" | "x"
    )
}

/// Is `c` a vowel letter (any tone)? `u` after `q` belongs to the initial.
fn is_vowel(c: char, prev: Option<char>) -> bool {
    let base = base_vowel(c);
    if base == Some('u') && prev == Some('q') {
        return false;
    }
    base.is_some()
}

/// The vowel letter without tone mark (keeping circumflex, breve, horn): 'ấ' → 'â'.
fn base_vowel(c: char) -> Option<char> {
    const ROWS: [(char, &str); 12] = [
        ('a', "aàáảãạ"),
        ('ă', "ăằắẳẵặ"),
        ('â', "âầấẩẫậ"),
        ('e', "eèéẻẽẹ"),
        ('ê', "êềếểễệ"),
        ('i', "iìíỉĩị"),
        ('o', "oòóỏõọ"),
        ('ô', "ôồốổỗộ"),
        ('ơ', "ơờớởỡợ"),
        ('u', "uùúủũụ"),
        ('ư', "ưừứửữự"),
        ('y', "yỳýỷỹỵ"),
    ];
    let lc = c.to_lowercase().next().unwrap_or(c);
    ROWS.iter().find(|(_, row)| row.contains(lc)).map(|(b, _)| *b)
}

/// Letters only Vietnamese uses: đ and vowels with a tone mark or a diacritic.
fn is_viet(c: char) -> bool {
    let lc = c.to_lowercase().next().unwrap_or(c);
    if lc == 'đ' {
        return true;
    }
    match base_vowel(lc) {
        Some(b) => b != lc || matches!(lc, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'),
        None => false,
    }
}

/// Tone index 0..=5 (none, huyền, sắc, hỏi, ngã, nặng) and the row of a vowel.
fn tone_of(c: char) -> Option<(char, usize, bool)> {
    const ROWS: [(char, [char; 6]); 6] = [
        ('a', ['a', 'à', 'á', 'ả', 'ã', 'ạ']),
        ('e', ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ']),
        ('o', ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ']),
        ('u', ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ']),
        ('y', ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
        ('i', ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị']),
    ];
    let upper = c.is_uppercase();
    let lc = c.to_lowercase().next().unwrap_or(c);
    for (base, row) in ROWS.iter() {
        if let Some(t) = row.iter().position(|&x| x == lc) {
            return Some((*base, t, upper));
        }
    }
    None
}

fn with_tone(base: char, tone: usize, upper: bool) -> char {
    let row: [char; 6] = match base {
        'a' => ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
        'e' => ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        'o' => ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
        'u' => ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
        'y' => ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
        _ => return base,
    };
    let c = row[tone.min(5)];
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Writes one syllable with modern tone placement: in an open `oa`, `oe`, `uy` rhyme the tone
/// sits on the first vowel ("hoá" → "hóa", "Uỷ" → "Ủy", "Thuỵ" → "Thụy"); "quý" keeps its tone.
fn write_syllable(out: &mut String, syl: &str) {
    let mut it = syl.chars().rev();
    let (last, second) = match (it.next(), it.next()) {
        (Some(l), Some(s)) => (l, s),
        _ => {
            out.push_str(syl);
            return;
        }
    };
    let before = it.next();
    if let (Some((lb, lt, lu)), Some((sb, 0, su))) = (tone_of(last), tone_of(second)) {
        let pair_ok = (sb == 'o' && (lb == 'a' || lb == 'e')) || (sb == 'u' && lb == 'y');
        let q_before = matches!(before, Some('q') | Some('Q'));
        // A vowel before the pair means another rhyme ("ngoài" has no final pair here anyway).
        let vowel_before = before.is_some_and(|b| base_vowel(b).is_some());
        if pair_ok && lt != 0 && !q_before && !vowel_before {
            let cut = syl.len() - last.len_utf8() - second.len_utf8();
            out.push_str(&syl[..cut]);
            out.push(with_tone(sb, lt, su));
            out.push(with_tone(lb, 0, lu));
            return;
        }
    }
    out.push_str(syl);
}

/// Words after which a full stop does not end a sentence ("TP. Cần Thơ", "TS. Nguyễn").
const NO_BREAK_AFTER: &[&str] = &["TP", "Tp", "tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "Q", "P", "St"];

/// Sentence spans of `text`, in order, covering every non-blank sentence. A sentence ends at a
/// line break, or at `.`, `!`, `?`, `…` followed by a space — except after an abbreviation or a
/// single capital initial ("TP. Cần Thơ", "T. Phúc"). Spans exclude the surrounding blanks.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead + trail < seg.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let brk = match c {
            '\n' => true,
            '!' | '?' | '…' => matches!(bytes.get(end), None | Some(b' ') | Some(b'\n')),
            '.' => {
                matches!(bytes.get(end), None | Some(b' ') | Some(b'\n')) && !abbreviation_before(&text[start..i])
            }
            _ => false,
        };
        if brk {
            push(start, end, &mut out);
            start = end;
        }
    }
    if start < text.len() {
        push(start, text.len(), &mut out);
    }
    out
}

fn abbreviation_before(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i);
    let Some(ws) = word_start else { return false };
    let word = &before[ws..];
    if NO_BREAK_AFTER.contains(&word) {
        return true;
    }
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
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

/// Lowercase copy of `text` with the same byte offsets: a character whose lowercase form has
/// another UTF-8 length is kept as it is. Lexicon lookups run over this shadow.
pub fn lowercase_shadow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lc = c.to_lowercase();
        match (lc.next(), lc.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `normalize.examples.tsv`: input → expected normalized text (`\n` written as `\\n`).
    #[test]
    fn examples() {
        let data = include_str!("normalize.examples.tsv");
        let mut failures = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((input, expected)) = line.split_once('\t') else {
                failures.push(format!("line {}: no tab", n + 1));
                continue;
            };
            let input = input.replace("\\n", "\n");
            let expected = expected.replace("\\n", "\n");
            let got = normalize(&input);
            if got != expected {
                failures.push(format!("line {}: {input:?} → {got:?}, expected {expected:?}", n + 1));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn idempotent() {
        let data = include_str!("normalize.examples.tsv");
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            if let Some((input, _)) = line.split_once('\t') {
                let once = normalize(&input.replace("\\n", "\n"));
                assert_eq!(normalize(&once), once);
            }
        }
    }

    #[test]
    fn sentence_spans() {
        let t = "Sáng 7.9, ông A đến TP. Cần Thơ. Ông B về.\nTin: C";
        let got: Vec<&str> = sentences(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(got, vec!["Sáng 7.9, ông A đến TP. Cần Thơ.", "Ông B về.", "Tin: C"]);
    }

    #[test]
    fn shadow_keeps_offsets() {
        let t = "Ủy ban Nhân dân TỈNH Đắk Lắk İ";
        let s = lowercase_shadow(t);
        assert_eq!(s.len(), t.len());
        assert!(s.starts_with("ủy ban nhân dân tỉnh đắk lắk"));
    }
}
