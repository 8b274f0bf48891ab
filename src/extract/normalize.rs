//! Text normalization: NFC, lookalike letters, whitespace, tone placement and glued words;
//! sentence splitting; folding for search.
//!
//! Every [`Span`](super::Span) the extractor returns points into the output of [`normalize`], so
//! normalization may change lengths freely: it is the text the user is shown.

use super::unicode;
use super::Span;

/// The text as the extractor reads it:
/// - NFC; lookalike letters read as what they mean (Ð U+00D0 and Ɖ → Đ);
/// - spaces, tabs and exotic blanks collapsed to one space, line breaks kept as `\n`, blanks at
///   line ends dropped, zero-width characters and soft hyphens removed, control characters blanked;
/// - modern tone placement on open `oa`, `oe`, `uy` syllables ("Uỷ" → "Ủy", "hoá" → "hóa");
/// - words glued by a lost space split again ("Du lịchđề nghị" → "Du lịch đề nghị",
///   "2015Kêu" → "2015 Kêu", "điểm,góp" → "điểm, góp").
pub fn normalize(text: &str) -> String {
    normalize_nfc(text).unwrap_or_else(|| normalize_any(text))
}

/// A char the slice-based fast path handles: NFC for sure (ASCII, Latin letters up to U+02FF,
/// Latin Extended Additional, general punctuation), not a soft hyphen or a zero-width space or
/// joiner. (The fast path asks [`fast_class`] and [`lookalike`]; the tests check they agree.)
#[cfg(test)]
fn fast_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => true,
        0xAD => false,
        0x80..=0x2FF | 0x1E00..=0x1EFF => true,
        0x200B..=0x200D => false,
        0x2000..=0x203F => true,
        _ => false,
    }
}

/// The char at byte `i` of `text` (a char boundary) and its length; ASCII without decoding.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    let Some(&x) = b.get(i) else {
        return ('\0', 1);
    };
    if x < 0x80 {
        return (x as char, 1);
    }
    // std's decoder: straight-line per length, no validity re-check
    text.get(i..)
        .and_then(|s| s.chars().next())
        .map_or(('\0', 1), |c| (c, c.len_utf8()))
}

/// The code point of the non-ASCII char at byte `i` of valid UTF-8 and its length, decoded
/// here: std's decoder behind a slice of the text costs more than the rest of a letter's work.
#[inline]
fn code_point_at(b: &[u8], i: usize) -> (u32, usize) {
    let cont = |k: usize| u32::from(b.get(i + k).map_or(0, |y| y & 0x3F));
    match b[i] {
        x @ ..0xE0 => ((u32::from(x & 0x1F) << 6) | cont(1), 2),
        x @ ..0xF0 => ((u32::from(x & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        x => (
            (u32::from(x & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    }
}

/// [`fast_char`] and [`class`] of a non-ASCII code point in one: the [`cls`] bits, or `None`
/// when the fast path cannot take it.
#[inline]
fn fast_class(n: u32) -> Option<u8> {
    // the letters of Vietnamese text: one lookup, no range tests for the exceptions
    let k = match n {
        0..=0x24F => FAST_LO[n as usize],
        0x1EA0..=0x1EF9 => CLASS_HI[(n - 0x1EA0) as usize],
        _ => cls::SLOW,
    };
    if k != cls::SLOW {
        return Some(k);
    }
    fast_class_rare(n)
}

/// [`fast_class`] of what its table leaves out.
#[cold]
#[inline(never)]
fn fast_class_rare(n: u32) -> Option<u8> {
    let k = match n {
        0xAD | 0xD0 | 0xF0 | 0x189 | 0x256 | 0x200B..=0x200D => return None,
        0..=0x24F => CLASS_LO[n as usize],
        0x1EA0..=0x1EF9 => CLASS_HI[(n - 0x1EA0) as usize],
        0x2000..=0x203F => cls::WIDE,
        0x250..=0x2FF | 0x1E00..=0x1EFF => cls::SLOW,
        _ => return None,
    };
    if k != cls::SLOW {
        return Some(k);
    }
    char::from_u32(n).map(class_slow)
}

/// The char at byte `i` of `text`, its length and [`class`]; `None` if not a [`fast_char`].
/// A lookalike letter reads as the letter it stands for ([`lookalike`]).
#[inline]
fn fast_char_at(b: &[u8], i: usize) -> Option<(char, usize, u8)> {
    let x = b[i];
    if x < 0x80 {
        return Some((char::from(x), 1, CLASS_LO[usize::from(x)]));
    }
    let (n, len) = code_point_at(b, i);
    match fast_class(n) {
        Some(k) => Some((char::from_u32(n)?, len, k)),
        None => lookalike(n).map(|c| (c, len, class(c))),
    }
}

/// Đ or đ for a letter that looks like it (Ð U+00D0, ð, Ɖ U+0189, ɖ), as [`normalize`] reads
/// them; each is two bytes in UTF-8 like the letter, so a word keeps its length.
#[cold]
fn lookalike(n: u32) -> Option<char> {
    match n {
        0xD0 | 0x189 => Some('Đ'),
        0xF0 | 0x256 => Some('đ'),
        _ => None,
    }
}

/// Is the char at byte `i` a [`lookalike`] letter?
#[inline]
fn is_lookalike_at(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..i + 2),
        Some([0xC3, 0x90 | 0xB0] | [0xC6, 0x89] | [0xC9, 0x96])
    )
}

/// A word with lookalike letters, written with the letters they stand for.
#[cold]
#[inline(never)]
fn unlookalike(word: &str) -> String {
    word.chars()
        .map(|c| lookalike(c as u32).unwrap_or(c))
        .collect()
}

/// [`normalize`] for text already NFC without lookalike letters. Most of such a text is its
/// own normal form: [`clean_run`] skips what cannot change, and what it stops at is read here
/// char by char. The output is copied from the input in runs (`text[run..]`), broken only where
/// something changes: blanks collapsed or dropped, a space put back, a word fixed. `None` at the
/// first char that is not a [`fast_char`] (checked on the way, not by a scan before: such text
/// is rare).
fn normalize_nfc(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 64 + 8);
    // `text[run..]` up to the current position is still to be copied as it is.
    let mut run = 0;
    // Blanks read since the last visible character, from `blank_at`; they are written as one
    // space before the next visible character unless a line ends first. `blank_is_space`: they
    // are exactly one ' ', which the run can keep.
    let mut pending_space = false;
    let mut blank_at = 0;
    let mut blank_is_space = false;
    let mut at_line_start = true;
    // the last character read was ',' or ';' (a word glued to it gets its space back)
    let mut after_comma = false;
    // Where `clean_run` stopped: the loop below reads up to there before handing back.
    let mut careful_to = 0;
    let mut i = 0;
    while i < b.len() {
        if !pending_space && i >= careful_to {
            let (p, stop) = clean_run(b, i, at_line_start, after_comma);
            if p > i {
                at_line_start = b[p - 1] == b'\n';
                after_comma = matches!(b[p - 1], b',' | b';');
                i = p;
            }
            careful_to = stop + 1;
            if i >= b.len() {
                break;
            }
        }
        // the common blank: one space after a visible character
        if b[i] == b' ' && !pending_space && !at_line_start {
            pending_space = true;
            blank_at = i;
            blank_is_space = true;
            after_comma = false;
            i += 1;
            continue;
        }
        let (c, n, k) = fast_char_at(b, i)?;
        // a lookalike letter reads as Đ or đ (its word is then written with the real letter)
        let mut lookalikes = b[i] >= 0x80 && is_lookalike_at(b, i);
        let word = k & cls::ALNUM != 0;
        if word && after_comma && !pending_space && k & cls::LETTER != 0 {
            pending_space = true;
            blank_at = i;
            blank_is_space = false;
        }
        let c = match c {
            _ if word => c,
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
            '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                ' '
            }
            c if c.is_control() && c != '\n' => ' ',
            c => c,
        };
        if c == ' ' {
            if at_line_start {
                // blanks at a line start go
                out.push_str(&text[run..i]);
                run = i + n;
            } else if !pending_space {
                pending_space = true;
                blank_at = i;
                blank_is_space = b[i] == b' ';
            } else {
                blank_is_space = false;
            }
            after_comma = false;
            i += n;
            continue;
        }
        if c == '\n' {
            // blanks at a line end go; line breaks stay (they separate headline, body, bylines)
            out.push_str(&text[run..if pending_space { blank_at } else { i }]);
            run = if b[i] == b'\n' { i } else { i + n };
            if b[i] != b'\n' {
                out.push('\n');
            }
            pending_space = false;
            at_line_start = true;
            after_comma = false;
            i += n;
            continue;
        }
        if pending_space {
            if !(blank_is_space && i == blank_at + 1) {
                out.push_str(&text[run..blank_at]);
                out.push(' ');
                run = i;
            }
            pending_space = false;
        }
        at_line_start = false;
        if !word {
            after_comma = matches!(c, ',' | ';');
            i += n;
            continue;
        }
        after_comma = false;
        // the word: letters, digits and inner apostrophes (H'Mông, M’nông)
        let mut ws = WordShape::default();
        ws.push(k);
        let mut e = i + n;
        loop {
            // lowercase ASCII letters, most of the bytes of a word, by a tight loop
            while let Some(&y @ b'a'..=b'z') = b.get(e) {
                ws.push_ascii_lower(CLASS_LO[usize::from(y)]);
                e += 1;
            }
            let Some(&y) = b.get(e) else { break };
            // other ASCII by byte, without decoding
            if y < 0x80 {
                let k = CLASS_LO[usize::from(y)];
                if k & cls::ALNUM == 0 && y != b'\'' {
                    break;
                }
                ws.push(k);
                e += 1;
                continue;
            }
            let (d, m) = code_point_at(b, e);
            let k = match fast_class(d) {
                Some(k) => k,
                None => {
                    lookalikes = true;
                    class(lookalike(d)?)
                }
            };
            if k & cls::ALNUM == 0 && d != u32::from('’') {
                break;
            }
            ws.push(k);
            e += m;
        }
        let shape = ws.shape();
        if lookalikes {
            out.push_str(&text[run..i]);
            write_shaped(&mut out, &unlookalike(&text[i..e]), shape);
            run = e;
        } else if shape != Shape::Verbatim {
            out.push_str(&text[run..i]);
            write_shaped(&mut out, &text[i..e], shape);
            run = e;
        }
        i = e;
    }
    out.push_str(&text[run..if pending_space { blank_at } else { b.len() }]);
    while out.ends_with(' ') {
        out.pop();
    }
    Some(out)
}

/// The scan ahead of [`normalize_nfc`]: a small automaton over the chars of `b` from `start`
/// (where no blank is pending, `at_line_start` and `after_comma` as `normalize_nfc` has them)
/// that stops at the first char after which the text might not be its own normal form: a
/// blank to collapse or drop, a word glued to a comma, a char the automaton does not know
/// (controls, exotic blanks, letters outside Vietnamese), or the end of a word that might be
/// re-toned or split ([`WordShape::shape`], read generously: a capital after a lowercase letter
/// or a digit, two vowel nuclei in a word with a non-ASCII char, a toned `a`/`e` after `o` or a
/// toned `y` after `u` at the end). Returns where `normalize_nfc` must resume reading (a point
/// with no blank pending, at most the start of the word in question) and where the scan
/// stopped (`b.len()` if at the end); `(b.len(), b.len())` when nothing up to the end changes.
/// Per char: one or two table lookups and one transition, no decoding to `char`.
fn clean_run(b: &[u8], start: usize, at_line_start: bool, after_comma: bool) -> (usize, usize) {
    // the state, as an index (`STOP` is not one: the scan ends on it)
    let mut st = usize::from(if at_line_start {
        scan::LINE
    } else if after_comma {
        scan::AFTER_COMMA
    } else {
        scan::VISIBLE
    });
    let mut i = start;
    loop {
        // ASCII bytes, most of the text: one lookup each (the ASCII transition table holds the
        // next state)
        while let Some(&x) = b.get(i) {
            if x >= 0x80 {
                break;
            }
            let next = scan::NEXT_ASCII[st & 0x7F][usize::from(x)];
            if next == scan::STOP {
                return (resume_point(b, start, i), i);
            }
            st = usize::from(next);
            i += 1;
        }
        let Some(&x) = b.get(i) else { break };
        let (cc, len) = scan::wide_class(b, i, x);
        let next = scan::NEXT[st & 0x7F][usize::from(cc & 31)];
        if next == scan::STOP {
            return (resume_point(b, start, i), i);
        }
        st = usize::from(next);
        i += len;
    }
    if st == usize::from(scan::SPACE) || scan::ends_retone(st as u8) {
        return (resume_point(b, start, b.len()), b.len());
    }
    (b.len(), b.len())
}

/// The last point at or before `stop` (and not before `start`) where [`normalize_nfc`] can take
/// over from [`clean_run`] with no blank pending: right after a line break or a visible ASCII
/// char that ends words, or on a space that follows a visible char.
fn resume_point(b: &[u8], start: usize, stop: usize) -> usize {
    let mut p = stop;
    while p > start {
        let y = b[p - 1];
        if y == b'\n' || (y.is_ascii_punctuation() && y != b'\'') {
            return p;
        }
        // `clean_run` read `b[p]` as one space after a visible char (a blank run ends at `stop`)
        if p < stop && b[p] == b' ' {
            return p;
        }
        p -= 1;
    }
    start
}

/// The automaton of [`clean_run`]: char classes and states, tables built at compile time.
mod scan {
    use super::vowel_info_slow;

    // Char classes. Letters: lowercase/uppercase, ASCII or wide (`W`), consonant (`C`), vowel
    // (`V`); `o`, `u`, `q` and the toned `a`/`e` (`TA`) and `y` (`TY`) apart for tone placement.
    const SP: u8 = 0;
    const NL: u8 = 1;
    const COMMA: u8 = 2;
    const PUNCT: u8 = 3;
    const APOS: u8 = 4;
    /// ’, which makes a word wide
    const WAPOS: u8 = 5;
    const DIGIT: u8 = 6;
    const LC: u8 = 7;
    const UC: u8 = 8;
    const LQ: u8 = 9;
    const UQ: u8 = 10;
    const LV: u8 = 11;
    const UV: u8 = 12;
    const LO: u8 = 13;
    const UO: u8 = 14;
    const LU: u8 = 15;
    const UU: u8 = 16;
    const WLV: u8 = 17;
    const WUV: u8 = 18;
    const WLTA: u8 = 19;
    const WUTA: u8 = 20;
    const WLTY: u8 = 21;
    const WUTY: u8 = 22;
    const WLC: u8 = 23;
    const WUC: u8 = 24;
    /// anything else: the scan stops
    const BAD: u8 = 25;

    /// The class of code point `n`.
    const fn class_of(n: u32) -> u8 {
        match n {
            0x20 => return SP,
            0x0A => return NL,
            0x2C | 0x3B => return COMMA,
            0x27 => return APOS,
            0x2019 => return WAPOS,
            0x30..=0x39 => return DIGIT,
            0x71 => return LQ,
            0x51 => return UQ,
            0x6F => return LO,
            0x4F => return UO,
            0x75 => return LU,
            0x55 => return UU,
            0x111 => return WLC,
            0x110 => return WUC,
            0x21..=0x2F | 0x3A..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E => return PUNCT,
            // dashes, quotes, bullets, ellipsis (not the blanks, zero widths and separators)
            0x2010..=0x2027 | 0x2030..=0x203F => return PUNCT,
            _ => {}
        }
        let Some(c) = char::from_u32(n) else {
            return BAD;
        };
        let wide = n >= 0x80;
        match vowel_info_slow(c) {
            Some((b, t, up)) => {
                match (wide, t != 0 && (b == 'a' || b == 'e'), t != 0 && b == 'y') {
                    (false, _, _) => pick(up, LV, UV),
                    (true, true, _) => pick(up, WLTA, WUTA),
                    (true, _, true) => pick(up, WLTY, WUTY),
                    (true, _, _) => pick(up, WLV, WUV),
                }
            }
            None => match n {
                0x61..=0x7A => LC,
                0x41..=0x5A => UC,
                _ => BAD,
            },
        }
    }

    const fn pick(upper: bool, lower_class: u8, upper_class: u8) -> u8 {
        if upper {
            upper_class
        } else {
            lower_class
        }
    }

    /// `[class_of(from), class_of(from + 1), …]`.
    const fn table<const N: usize>(from: u32) -> [u8; N] {
        let mut t = [BAD; N];
        let mut k = 0;
        while k < N {
            t[k] = class_of(from + k as u32);
            k += 1;
        }
        t
    }

    /// ASCII bytes.
    static ASCII: [u8; 128] = table(0);
    /// Two-byte chars with leads C3..C6: U+00C0..U+01BF, by `(lead - 0xC3) << 6 | cont & 0x3F`.
    static TWO: [u8; 256] = table(0xC0);
    /// E1 BA xx and E1 BB xx: U+1E80..U+1EFF (Vietnamese letters from U+1EA0).
    static E1: [u8; 128] = table(0x1E80);
    /// E2 80 xx: U+2000..U+203F.
    static E2_80: [u8; 64] = table(0x2000);

    /// The class and length of the non-ASCII char at byte `i` (lead byte `x`) of valid UTF-8;
    /// [`BAD`] for anything outside the tables.
    #[inline]
    pub(super) fn wide_class(b: &[u8], i: usize, x: u8) -> (u8, usize) {
        let cont = |k: usize| usize::from(b.get(i + k).map_or(0, |y| y & 0x3F));
        match x {
            0xC3..=0xC6 => (TWO[usize::from(x - 0xC3) << 6 | cont(1)], 2),
            0xE1 => match b.get(i + 1) {
                Some(0xBA) => (E1[cont(2)], 3),
                Some(0xBB) => (E1[64 | cont(2)], 3),
                _ => (BAD, 3),
            },
            0xE2 if b.get(i + 1) == Some(&0x80) => (E2_80[cont(2)], 3),
            _ => (BAD, 1),
        }
    }

    // States. Between words: at a line start (or the text start), after a visible char, after
    // ',' or ';', after one space. In a word: what the last char was (`K_*`) × vowel nuclei so
    // far (none, in the first, after the first, two or more) × whether a char was wide.
    pub(super) const LINE: u8 = 0;
    pub(super) const VISIBLE: u8 = 1;
    pub(super) const AFTER_COMMA: u8 = 2;
    pub(super) const SPACE: u8 = 3;
    pub(super) const STOP: u8 = 0xFF;
    const WORD: u8 = 4;
    /// last char: anything not below (capital, apostrophe; also the start)
    const K_OTHER: u8 = 0;
    const K_DIGIT: u8 = 1;
    /// a lowercase letter not below
    const K_LOWER: u8 = 2;
    const K_LQ: u8 = 3;
    const K_UQ: u8 = 4;
    /// `o`, `O`, and `u`, `U` not after `q`: a toned vowel after them may move its tone
    const K_LO: u8 = 5;
    const K_UO: u8 = 6;
    const K_LU: u8 = 7;
    const K_UU: u8 = 8;
    /// such a toned vowel, lowercase or capital: the word must not end here
    const K_CAND_L: u8 = 9;
    const K_CAND_U: u8 = 10;
    const KINDS: u8 = 11;
    const STATES: usize = WORD as usize + KINDS as usize * 8;
    // the tables have 128 rows, indexed by the state masked to 7 bits
    const _: () = assert!(STATES < 128);

    const fn word_state(kind: u8, nuclei: u8, wide: bool) -> u8 {
        WORD + kind * 8 + nuclei + if wide { 4 } else { 0 }
    }

    /// A word state whose word must not end there (its tone may move).
    pub(super) const fn ends_retone(st: u8) -> bool {
        st != STOP && st >= WORD && {
            let kind = (st - WORD) / 8;
            kind == K_CAND_L || kind == K_CAND_U
        }
    }

    const fn is_upper(cc: u8) -> bool {
        matches!(cc, UC | UQ | UV | UO | UU | WUV | WUTA | WUTY | WUC)
    }

    const fn is_vowel(cc: u8) -> bool {
        matches!(
            cc,
            LV | UV | LO | UO | LU | UU | WLV | WUV | WLTA | WUTA | WLTY | WUTY
        )
    }

    const fn is_wide(cc: u8) -> bool {
        matches!(
            cc,
            WAPOS | WLV | WUV | WLTA | WUTA | WLTY | WUTY | WLC | WUC
        )
    }

    /// A word char `cc` after word state (kind, nuclei, wide).
    const fn in_word(kind: u8, nuclei: u8, wide: bool, cc: u8) -> u8 {
        let after_lower_or_digit =
            matches!(kind, K_DIGIT | K_LOWER | K_LQ | K_LO | K_LU | K_CAND_L);
        if is_upper(cc) && after_lower_or_digit {
            return STOP;
        }
        let nuclei = match (is_vowel(cc), nuclei) {
            (true, 0 | 1) => 1,
            (true, _) => 3,
            (false, 1) => 2,
            (false, n) => n,
        };
        let wide = wide || is_wide(cc);
        if nuclei == 3 && wide {
            return STOP;
        }
        let after_q = matches!(kind, K_LQ | K_UQ);
        let after_o = matches!(kind, K_LO | K_UO);
        let after_u = matches!(kind, K_LU | K_UU);
        let kind = match cc {
            DIGIT => K_DIGIT,
            LQ => K_LQ,
            UQ => K_UQ,
            LO => K_LO,
            UO => K_UO,
            LU if after_q => K_LOWER,
            LU => K_LU,
            UU if after_q => K_OTHER,
            UU => K_UU,
            WLTA if after_o => K_CAND_L,
            WUTA if after_o => K_CAND_U,
            WLTY if after_u => K_CAND_L,
            WUTY if after_u => K_CAND_U,
            LC | LV | WLV | WLTA | WLTY | WLC => K_LOWER,
            _ => K_OTHER,
        };
        word_state(kind, nuclei, wide)
    }

    /// The transition from state `st` on class `cc`.
    const fn next(st: u8, cc: u8) -> u8 {
        if cc == BAD {
            return STOP;
        }
        let word_char = !matches!(cc, SP | NL | COMMA | PUNCT);
        if st < WORD {
            return match cc {
                // a blank at a line start or after another goes
                SP => match st {
                    VISIBLE | AFTER_COMMA => SPACE,
                    _ => STOP,
                },
                // a blank at a line end goes
                NL if st == SPACE => STOP,
                NL => LINE,
                COMMA => AFTER_COMMA,
                PUNCT | APOS | WAPOS => VISIBLE,
                // a letter glued to a comma gets its space back
                _ if st == AFTER_COMMA && cc != DIGIT => STOP,
                _ => in_word(K_OTHER, 0, false, cc),
            };
        }
        let (kind, rest) = ((st - WORD) / 8, (st - WORD) % 8);
        if word_char {
            return in_word(kind, rest % 4, rest >= 4, cc);
        }
        if kind == K_CAND_L || kind == K_CAND_U {
            return STOP;
        }
        match cc {
            SP => SPACE,
            NL => LINE,
            COMMA => AFTER_COMMA,
            _ => VISIBLE,
        }
    }

    /// `NEXT[st][cc]`: the transitions.
    pub(super) static NEXT: [[u8; 32]; 128] = {
        let mut t = [[STOP; 32]; 128];
        let mut st = 0;
        while st < STATES {
            let mut cc = 0;
            while cc <= BAD {
                t[st][cc as usize] = next(st as u8, cc);
                cc += 1;
            }
            st += 1;
        }
        t
    };

    /// `NEXT_ASCII[st][x] = NEXT[st][ASCII[x]]`.
    pub(super) static NEXT_ASCII: [[u8; 128]; 128] = {
        let mut t = [[STOP; 128]; 128];
        let mut st = 0;
        while st < STATES {
            let mut x = 0;
            while x < 128 {
                t[st][x] = next(st as u8, ASCII[x]);
                x += 1;
            }
            st += 1;
        }
        t
    };
}

/// [`normalize`] for any text, through the NFC iterator.
fn normalize_any(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64 + 8);
    let mut w = Writer {
        out: &mut out,
        word: String::new(),
        pending_space: false,
        at_line_start: true,
        prev: '\n',
    };
    if surely_nfc(text) || unicode::is_nfc(text) {
        for c in text.chars() {
            w.push(c);
        }
    } else {
        for c in unicode::nfc(text).chars() {
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

/// `char::is_alphanumeric` with fast paths for ASCII and the Latin blocks Vietnamese uses.
pub fn is_alnum(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_alphabetic` with the same fast paths.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase` with fast paths for the blocks Vietnamese text is made of (its
/// letters are looked up in Unicode tables otherwise, which dominates a per-char loop).
pub const fn is_upper(c: char) -> bool {
    let n = c as u32;
    match n {
        0x41..=0x5A => true,
        0..=0x7F => false,
        0xC0..=0xDE => n != 0xD7,
        0xDF..=0xFF => false,
        // Latin Extended-A pairs (Ă ă, Đ đ, Ĩ ĩ, Ũ ũ): capitals at even code points.
        0x100..=0x137 | 0x14A..=0x177 => n % 2 == 0,
        0x1A0 | 0x1AF => true,
        0x1A1 | 0x1B0 => false,
        // Latin Extended Additional (ạ ả ấ ... ỹ): capitals at even code points.
        0x1EA0..=0x1EF9 => n % 2 == 0,
        _ => c.is_uppercase(),
    }
}

/// `char::is_lowercase` with the same fast paths as [`is_upper`].
pub const fn is_lower(c: char) -> bool {
    let n = c as u32;
    match n {
        0x61..=0x7A => true,
        0..=0x7F => false,
        0xC0..=0xDE => false,
        0xDF..=0xFF => n != 0xF7,
        0x100..=0x137 | 0x14A..=0x177 => n % 2 == 1,
        0x1A0 | 0x1AF => false,
        0x1A1 | 0x1B0 => true,
        0x1EA0..=0x1EF9 => n % 2 == 1,
        _ => c.is_lowercase(),
    }
}

/// Character classes for the per-character loops ([`class`]): one table lookup for the
/// characters Vietnamese text is made of instead of a chain of range tests.
pub(crate) mod cls {
    /// [`super::is_alnum`]
    pub const ALNUM: u8 = 1;
    /// [`super::is_letter`]
    pub const LETTER: u8 = 2;
    /// [`super::is_upper`]
    pub const UPPER: u8 = 4;
    /// [`super::is_lower`]
    pub const LOWER: u8 = 8;
    /// A vowel letter, toned or not.
    pub const VOWEL: u8 = 16;
    /// [`super::is_viet`]: đ, or a vowel with a tone mark or a diacritic.
    pub const VIET: u8 = 32;
    /// An ASCII digit.
    pub const DIGIT: u8 = 64;
    /// Not ASCII.
    pub const WIDE: u8 = 128;
    /// Table entry for "ask the functions" (no real class has both DIGIT and LETTER).
    pub const SLOW: u8 = 0xFF;
}

/// The [`cls`] bits of code point `n`, for the ranges where they need no Unicode table.
const fn class_of(n: u32) -> u8 {
    let Some(c) = char::from_u32(n) else {
        return 0;
    };
    // what `is_alnum` / `is_letter` decide without std's tables
    let (alnum, letter) = match n {
        0x30..=0x39 => (true, false),
        0x41..=0x5A | 0x61..=0x7A => (true, true),
        0..=0x7F => (false, false),
        0xC0..=0x24F => (n != 0xD7 && n != 0xF7, n != 0xD7 && n != 0xF7),
        0x1EA0..=0x1EF9 => (true, true),
        _ => return cls::SLOW,
    };
    let mut k = 0;
    if alnum {
        k |= cls::ALNUM;
    }
    if letter {
        k |= cls::LETTER;
    }
    if is_upper(c) {
        k |= cls::UPPER;
    }
    if is_lower(c) {
        k |= cls::LOWER;
    }
    if let Some((b, t, _)) = vowel_info_slow(c) {
        k |= cls::VOWEL;
        if n >= 0x80 && (t != 0 || !b.is_ascii()) {
            k |= cls::VIET;
        }
    }
    if n == 0x110 || n == 0x111 {
        k |= cls::VIET;
    }
    if c.is_ascii_digit() {
        k |= cls::DIGIT;
    }
    if n >= 0x80 {
        k |= cls::WIDE;
    }
    k
}

/// `[f(from), f(from + 1), …]`, N entries, computed at compile time (a const fn cannot take the
/// function as a parameter, so this is a macro).
macro_rules! const_table {
    ($f:ident, $n:expr, $from:expr) => {{
        let mut t = [0u8; $n];
        let mut i = 0;
        while i < $n {
            t[i] = $f($from + i as u32);
            i += 1;
        }
        t
    }};
}

static CLASS_LO: [u8; 0x250] = const_table!(class_of, 0x250, 0);
static CLASS_HI: [u8; 0x5A] = const_table!(class_of, 0x5A, 0x1EA0);
/// [`CLASS_LO`] with [`cls::SLOW`] also at the chars [`fast_class`] refuses.
static FAST_LO: [u8; 0x250] = {
    let mut t = const_table!(class_of, 0x250, 0);
    t[0xAD] = cls::SLOW;
    t[0xD0] = cls::SLOW;
    t[0xF0] = cls::SLOW;
    t[0x189] = cls::SLOW;
    t
};

/// The [`cls`] bits of `c`.
#[inline]
pub(crate) fn class(c: char) -> u8 {
    let n = c as u32;
    let k = match n {
        0..=0x24F => CLASS_LO[n as usize],
        0x1EA0..=0x1EF9 => CLASS_HI[(n - 0x1EA0) as usize],
        // general punctuation (dashes, quotes, ellipsis): no letter or digit among it
        0x2000..=0x206F => cls::WIDE,
        _ => cls::SLOW,
    };
    if k != cls::SLOW {
        return k;
    }
    class_slow(c)
}

/// [`class`] outside the tables (punctuation, symbols, other scripts), from the functions each
/// bit stands for; also the oracle the tables are tested against.
#[cold]
#[inline(never)]
fn class_slow(c: char) -> u8 {
    let mut k = 0;
    for (yes, bit) in [
        (is_alnum(c), cls::ALNUM),
        (is_letter(c), cls::LETTER),
        (is_upper(c), cls::UPPER),
        (is_lower(c), cls::LOWER),
        (vowel_info(c).is_some(), cls::VOWEL),
        (is_viet(c), cls::VIET),
        (c.is_ascii_digit(), cls::DIGIT),
        (!c.is_ascii(), cls::WIDE),
    ] {
        if yes {
            k |= bit;
        }
    }
    k
}

/// A byte scan that proves the common case NFC: ASCII, Latin letters up to U+02FF, Latin
/// Extended Additional (Vietnamese precomposed letters) and general punctuation, no combining
/// marks.
pub(crate) fn surely_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
        } else if (0xC2..=0xCB).contains(&x) {
            i += 2;
        } else if x == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB))
            || x == 0xE2 && b.get(i + 1) == Some(&0x80)
        {
            i += 3;
        } else {
            return false;
        }
    }
    true
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
        // the common case: a lowercase ASCII letter inside a word
        if c.is_ascii_lowercase() && !self.pending_space && !matches!(self.prev, ',' | ';') {
            self.word.push(c);
            self.at_line_start = false;
            self.prev = c;
            return;
        }
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
        if is_alnum(c) {
            // A comma or semicolon glued to the next word ("điểm,góp") gets its space back.
            if matches!(self.prev, ',' | ';') && !self.pending_space && is_letter(c) {
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

/// What writing a word takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Written as it is.
    Verbatim,
    /// One syllable whose tone mark may move ([`retone`]), as [`write_syllable`] decides: the
    /// scan does not slice the word out of the text, which costs more than a rare rewrite.
    Retone,
    /// Maybe glued words or syllables: cut by [`write_shaped`].
    Split,
}

/// [`shape`] of a word read character by character ([`WordShape::push`] the [`class`] of
/// each), so the scan that finds a word's end can decide it on the way.
#[derive(Default)]
struct WordShape {
    /// Class of the last character (0 before the start).
    prev: u8,
    /// Class of the character before the last one [`Self::push`] took: [`Self::may_retone`]
    /// asks only when the last character is a toned vowel, which is not ASCII.
    prev2: u8,
    /// Classes of the characters right before a capital: DIGIT for "2015Kêu", LOWER for
    /// "lịchĐề".
    before_upper: u8,
    /// Classes of all the characters.
    any: u8,
    /// Vowel nuclei (a vowel after a non-vowel): one per syllable.
    nuclei: u32,
}

impl WordShape {
    fn push(&mut self, k: u8) {
        if k & cls::UPPER != 0 {
            self.before_upper |= self.prev;
        }
        self.nuclei += u32::from(k & !self.prev & cls::VOWEL != 0);
        self.any |= k;
        self.prev2 = self.prev;
        self.prev = k;
    }

    /// [`Self::push`] for a lowercase ASCII letter: no capital to look before, nothing `any`
    /// is asked about, and no tone to move at the end.
    #[inline]
    fn push_ascii_lower(&mut self, k: u8) {
        self.nuclei += u32::from(k & !self.prev & cls::VOWEL != 0);
        self.prev = k;
    }

    /// What [`retone`] needs: a toned vowel after a plain `o` or `u` (ASCII) at the end.
    fn may_retone(&self) -> bool {
        self.prev & (cls::VOWEL | cls::VIET) == cls::VOWEL | cls::VIET
            && self.prev2 & (cls::VOWEL | cls::WIDE) == cls::VOWEL
    }

    fn shape(&self) -> Shape {
        let digit_upper = self.before_upper & cls::DIGIT != 0;
        let lower_upper = self.before_upper & cls::LOWER != 0;
        // An ASCII word has no tone marks and no Vietnamese letters: only "2015Kêu"-style
        // digits glued to a capital are cut.
        if self.any & cls::WIDE == 0 {
            return if digit_upper {
                Shape::Split
            } else {
                Shape::Verbatim
            };
        }
        // The common case: no glued words, at most one vowel nucleus.
        if digit_upper || lower_upper || self.nuclei >= 2 {
            Shape::Split
        } else if self.may_retone() {
            Shape::Retone
        } else {
            Shape::Verbatim
        }
    }
}

/// Decides how a word (a maximal run of letters, digits and inner apostrophes) is written; most
/// words are [`Shape::Verbatim`].
fn shape(word: &str) -> Shape {
    let mut ws = WordShape::default();
    for c in word.chars() {
        ws.push(class(c));
    }
    ws.shape()
}

/// Writes one word, fixing tone placement and splitting glued words.
fn write_word(out: &mut String, word: &str) {
    write_shaped(out, word, shape(word));
}

/// Writes a word as its [`shape`] says.
fn write_shaped(out: &mut String, word: &str, shape: Shape) {
    match shape {
        Shape::Verbatim => return out.push_str(word),
        Shape::Retone => return write_syllable(out, word),
        Shape::Split => {}
    }
    let mut seg_start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        if let Some(p) = prev {
            // "2015Kêu": digits glued to a capitalised word.
            let digit_then_upper = p.is_ascii_digit() && is_upper(c);
            // "lịchĐề": a lowercase Vietnamese letter glued to a capital.
            let lower_then_upper = is_lower(p) && is_upper(c) && (is_viet(p) || is_viet(c));
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
    if word.len() < 5 || word.is_ascii() || !word.chars().any(is_viet) {
        return cuts;
    }
    // Letters Vietnamese does not write (f, j, w, z, ñ, ü...) make a foreign word: "José".
    if word.chars().any(|c| {
        matches!(c.to_ascii_lowercase(), 'f' | 'j' | 'w' | 'z') || (!c.is_ascii() && !is_viet(c))
    }) {
        return cuts;
    }
    // Cheap count of vowel nuclei first: one nucleus is one syllable, the common case.
    let mut nuclei = 0;
    let mut in_vowel = false;
    for c in word.chars() {
        let v = base_vowel(c).is_some();
        if v && !in_vowel {
            nuclei += 1;
        }
        in_vowel = v;
    }
    if nuclei < 2 {
        return cuts;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    // (a "p" not of "ph" opens no Vietnamese syllable: the Raglai and Cơ Tu family names
    // "Pinăng", "Pơloong" are one word, not "Pi năng", "Pơ loong")
    if matches!(word.as_bytes(), [b'P' | b'p', x, ..] if *x != b'h')
        || chars.iter().skip(1).any(|&(_, c)| !c.is_lowercase())
        || chars.iter().any(|&(_, c)| !is_letter(c))
    {
        return cuts;
    }
    let lower: Vec<char> = chars
        .iter()
        .map(|&(_, c)| c.to_lowercase().next().unwrap_or(c))
        .collect();
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
    // Each part must read as a Vietnamese syllable: "Rươne", "Chamaléa" are names written in
    // another language's spelling, not "Rươ ne", "Cha ma léa".
    let mut start = 0;
    for end in cuts.iter().copied().chain(std::iter::once(word.len())) {
        if !is_syllable(&lower[char_index(&chars, start)..char_index(&chars, end)]) {
            return Vec::new();
        }
        start = end;
    }
    cuts
}

/// The index in `chars` of the char at byte `at` (or the length at the end).
fn char_index(chars: &[(usize, char)], at: usize) -> usize {
    chars.partition_point(|&(b, _)| b < at)
}

/// Is `word` spelt in no Vietnamese syllable ("Joe", "Biden", "Kishida"): a foreign name's word.
pub(crate) fn foreign_word(word: &str) -> bool {
    // (no Vietnamese syllable has more than seven letters: "nghiêng")
    let mut lower = ['\0'; 8];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if !c.is_alphabetic() {
            return false;
        }
        if n == lower.len() {
            return true;
        }
        lower[n] = c;
        n += 1;
    }
    !is_syllable(&lower[..n])
}

/// Does `syl` (lowercase letters) spell a Vietnamese syllable: an initial, a vowel nucleus
/// Vietnamese writes, and a final it allows (some nuclei need one: "iê", "ươ", "uô"; some
/// take none: "ưa", "ươi")?
fn is_syllable(syl: &[char]) -> bool {
    let mut i = 0;
    while i < syl.len() && !is_vowel(syl[i], i.checked_sub(1).map(|p| syl[p])) {
        i += 1;
    }
    // "gi" + vowel: the "i" belongs to the initial ("giữ", "gia").
    if i == 1
        && syl[0] == 'g'
        && syl.get(1) == Some(&'i')
        && syl.get(2).is_some_and(|&c| base_vowel(c).is_some())
    {
        i = 2;
    }
    let initial: String = syl[..i].iter().collect();
    if !(initial.is_empty() || is_initial(&initial) || initial == "qu" || initial == "gi") {
        return false;
    }
    let mut nucleus = String::new();
    while i < syl.len() {
        match base_vowel(syl[i]) {
            Some(b) => nucleus.push(b),
            None => break,
        }
        i += 1;
    }
    let fin: String = syl[i..].iter().collect();
    if !is_final(&fin) {
        return false;
    }
    const OPEN_OR_CLOSED: &[&str] = &[
        "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "ai", "ao", "au",
        "ay",
    ];
    const CLOSED: &[&str] = &["ă", "â", "iê", "yê", "oă", "oo", "uâ", "uô", "ươ", "uyê"];
    const OPEN: &[&str] = &[
        "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "uơ", "ưa", "ưi", "ưu",
        "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "oao",
    ];
    let n = nucleus.as_str();
    OPEN_OR_CLOSED.contains(&n)
        || (CLOSED.contains(&n) && !fin.is_empty())
        || (OPEN.contains(&n) && fin.is_empty())
}

fn is_final(s: &str) -> bool {
    matches!(s, "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t")
}

fn is_initial(s: &str) -> bool {
    matches!(
        s,
        "b" | "c"
            | "ch"
            | "d"
            | "đ"
            | "g"
            | "gh"
            | "h"
            | "k"
            | "kh"
            | "l"
            | "m"
            | "n"
            | "ng"
            | "ngh"
            | "nh"
            | "p"
            | "ph"
            | "q"
            | "r"
            | "s"
            | "t"
            | "th"
            | "tr"
            | "v"
            | "x"
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

/// (vowel without tone mark, tone 0..=5, is capital) of a Vietnamese vowel letter. A `match`
/// compiles to a jump table: this runs for every letter of the text.
const fn vowel_info_slow(c: char) -> Option<(char, u8, bool)> {
    Some(match c {
        'a' => ('a', 0, false),
        'A' => ('a', 0, true),
        'à' => ('a', 1, false),
        'À' => ('a', 1, true),
        'á' => ('a', 2, false),
        'Á' => ('a', 2, true),
        'ả' => ('a', 3, false),
        'Ả' => ('a', 3, true),
        'ã' => ('a', 4, false),
        'Ã' => ('a', 4, true),
        'ạ' => ('a', 5, false),
        'Ạ' => ('a', 5, true),
        'ă' => ('ă', 0, false),
        'Ă' => ('ă', 0, true),
        'ằ' => ('ă', 1, false),
        'Ằ' => ('ă', 1, true),
        'ắ' => ('ă', 2, false),
        'Ắ' => ('ă', 2, true),
        'ẳ' => ('ă', 3, false),
        'Ẳ' => ('ă', 3, true),
        'ẵ' => ('ă', 4, false),
        'Ẵ' => ('ă', 4, true),
        'ặ' => ('ă', 5, false),
        'Ặ' => ('ă', 5, true),
        'â' => ('â', 0, false),
        'Â' => ('â', 0, true),
        'ầ' => ('â', 1, false),
        'Ầ' => ('â', 1, true),
        'ấ' => ('â', 2, false),
        'Ấ' => ('â', 2, true),
        'ẩ' => ('â', 3, false),
        'Ẩ' => ('â', 3, true),
        'ẫ' => ('â', 4, false),
        'Ẫ' => ('â', 4, true),
        'ậ' => ('â', 5, false),
        'Ậ' => ('â', 5, true),
        'e' => ('e', 0, false),
        'E' => ('e', 0, true),
        'è' => ('e', 1, false),
        'È' => ('e', 1, true),
        'é' => ('e', 2, false),
        'É' => ('e', 2, true),
        'ẻ' => ('e', 3, false),
        'Ẻ' => ('e', 3, true),
        'ẽ' => ('e', 4, false),
        'Ẽ' => ('e', 4, true),
        'ẹ' => ('e', 5, false),
        'Ẹ' => ('e', 5, true),
        'ê' => ('ê', 0, false),
        'Ê' => ('ê', 0, true),
        'ề' => ('ê', 1, false),
        'Ề' => ('ê', 1, true),
        'ế' => ('ê', 2, false),
        'Ế' => ('ê', 2, true),
        'ể' => ('ê', 3, false),
        'Ể' => ('ê', 3, true),
        'ễ' => ('ê', 4, false),
        'Ễ' => ('ê', 4, true),
        'ệ' => ('ê', 5, false),
        'Ệ' => ('ê', 5, true),
        'i' => ('i', 0, false),
        'I' => ('i', 0, true),
        'ì' => ('i', 1, false),
        'Ì' => ('i', 1, true),
        'í' => ('i', 2, false),
        'Í' => ('i', 2, true),
        'ỉ' => ('i', 3, false),
        'Ỉ' => ('i', 3, true),
        'ĩ' => ('i', 4, false),
        'Ĩ' => ('i', 4, true),
        'ị' => ('i', 5, false),
        'Ị' => ('i', 5, true),
        'o' => ('o', 0, false),
        'O' => ('o', 0, true),
        'ò' => ('o', 1, false),
        'Ò' => ('o', 1, true),
        'ó' => ('o', 2, false),
        'Ó' => ('o', 2, true),
        'ỏ' => ('o', 3, false),
        'Ỏ' => ('o', 3, true),
        'õ' => ('o', 4, false),
        'Õ' => ('o', 4, true),
        'ọ' => ('o', 5, false),
        'Ọ' => ('o', 5, true),
        'ô' => ('ô', 0, false),
        'Ô' => ('ô', 0, true),
        'ồ' => ('ô', 1, false),
        'Ồ' => ('ô', 1, true),
        'ố' => ('ô', 2, false),
        'Ố' => ('ô', 2, true),
        'ổ' => ('ô', 3, false),
        'Ổ' => ('ô', 3, true),
        'ỗ' => ('ô', 4, false),
        'Ỗ' => ('ô', 4, true),
        'ộ' => ('ô', 5, false),
        'Ộ' => ('ô', 5, true),
        'ơ' => ('ơ', 0, false),
        'Ơ' => ('ơ', 0, true),
        'ờ' => ('ơ', 1, false),
        'Ờ' => ('ơ', 1, true),
        'ớ' => ('ơ', 2, false),
        'Ớ' => ('ơ', 2, true),
        'ở' => ('ơ', 3, false),
        'Ở' => ('ơ', 3, true),
        'ỡ' => ('ơ', 4, false),
        'Ỡ' => ('ơ', 4, true),
        'ợ' => ('ơ', 5, false),
        'Ợ' => ('ơ', 5, true),
        'u' => ('u', 0, false),
        'U' => ('u', 0, true),
        'ù' => ('u', 1, false),
        'Ù' => ('u', 1, true),
        'ú' => ('u', 2, false),
        'Ú' => ('u', 2, true),
        'ủ' => ('u', 3, false),
        'Ủ' => ('u', 3, true),
        'ũ' => ('u', 4, false),
        'Ũ' => ('u', 4, true),
        'ụ' => ('u', 5, false),
        'Ụ' => ('u', 5, true),
        'ư' => ('ư', 0, false),
        'Ư' => ('ư', 0, true),
        'ừ' => ('ư', 1, false),
        'Ừ' => ('ư', 1, true),
        'ứ' => ('ư', 2, false),
        'Ứ' => ('ư', 2, true),
        'ử' => ('ư', 3, false),
        'Ử' => ('ư', 3, true),
        'ữ' => ('ư', 4, false),
        'Ữ' => ('ư', 4, true),
        'ự' => ('ư', 5, false),
        'Ự' => ('ư', 5, true),
        'y' => ('y', 0, false),
        'Y' => ('y', 0, true),
        'ỳ' => ('y', 1, false),
        'Ỳ' => ('y', 1, true),
        'ý' => ('y', 2, false),
        'Ý' => ('y', 2, true),
        'ỷ' => ('y', 3, false),
        'Ỷ' => ('y', 3, true),
        'ỹ' => ('y', 4, false),
        'Ỹ' => ('y', 4, true),
        'ỵ' => ('y', 5, false),
        'Ỵ' => ('y', 5, true),
        _ => return None,
    })
}

const BASES: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

const fn base_index(b: char) -> u8 {
    match b {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        _ => 11,
    }
}

/// Packed [`vowel_info_slow`]: base index + 1 (0 = not a vowel) in the low nibble, tone in
/// bits 4..7, capital in bit 7.
const fn pack(n: u32) -> u8 {
    match char::from_u32(n) {
        Some(c) => match vowel_info_slow(c) {
            Some((b, t, up)) => (base_index(b) + 1) | (t << 4) | if up { 0x80 } else { 0 },
            None => 0,
        },
        None => 0,
    }
}

/// Vowel data for U+0000..U+0200 and U+1EA0..U+1F00, computed at compile time.
static VOWELS_LO: [u8; 0x200] = const_table!(pack, 0x200, 0);
static VOWELS_HI: [u8; 0x60] = const_table!(pack, 0x60, 0x1EA0);

/// (vowel without tone mark, tone 0..=5, is capital) of a Vietnamese vowel letter.
fn vowel_info(c: char) -> Option<(char, u8, bool)> {
    let n = c as u32;
    let v = match n {
        0..=0x1FF => VOWELS_LO[n as usize],
        0x1EA0..=0x1EFF => VOWELS_HI[(n - 0x1EA0) as usize],
        _ => 0,
    };
    if v == 0 {
        return None;
    }
    Some((
        BASES[((v & 0x0F) - 1) as usize],
        (v >> 4) & 0x07,
        v & 0x80 != 0,
    ))
}

/// The vowel letter without tone mark (keeping circumflex, breve, horn): 'ấ' → 'â'.
fn base_vowel(c: char) -> Option<char> {
    vowel_info(c).map(|(b, _, _)| b)
}

/// Letters only Vietnamese uses: đ and vowels with a tone mark or a diacritic.
fn is_viet(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if c == 'đ' || c == 'Đ' {
        return true;
    }
    matches!(vowel_info(c), Some((b, t, _)) if t != 0 || !b.is_ascii())
}

/// Tone index 0..=5 (none, huyền, sắc, hỏi, ngã, nặng), for the rows tone placement moves.
fn tone_of(c: char) -> Option<(char, usize, bool)> {
    match vowel_info(c) {
        Some((b @ ('a' | 'e' | 'o' | 'u' | 'y' | 'i'), t, up)) => Some((b, t as usize, up)),
        _ => None,
    }
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
    match retone(syl) {
        Some((cut, first, second)) => {
            out.push_str(&syl[..cut]);
            out.push(first);
            out.push(second);
        }
        None => out.push_str(syl),
    }
}

/// Where the tone of a syllable moves ([`write_syllable`]): the byte offset of its last two
/// letters and what they become. `None` when it stays.
fn retone(syl: &str) -> Option<(usize, char, char)> {
    // A toned last letter is never ASCII: most syllables end on a consonant or a plain vowel.
    if syl.as_bytes().last().is_none_or(u8::is_ascii) {
        return None;
    }
    let mut it = syl.chars().rev();
    let (last, second) = (it.next()?, it.next()?);
    let before = it.next();
    let ((lb, lt, lu), (sb, st, su)) = (tone_of(last)?, tone_of(second)?);
    let pair_ok = (sb == 'o' && (lb == 'a' || lb == 'e')) || (sb == 'u' && lb == 'y');
    let q_before = matches!(before, Some('q') | Some('Q'));
    // A vowel before the pair means another rhyme ("ngoài" has no final pair here anyway).
    let vowel_before = before.is_some_and(|b| base_vowel(b).is_some());
    if st == 0 && pair_ok && lt != 0 && !q_before && !vowel_before {
        let cut = syl.len() - last.len_utf8() - second.len_utf8();
        Some((cut, with_tone(sb, lt, su), with_tone(lb, 0, lu)))
    } else {
        None
    }
}

/// Words after which a full stop does not end a sentence ("TP. Cần Thơ", "TS. Nguyễn").
const NO_BREAK_AFTER: &[&str] = &[
    "TP", "Tp", "tp", "TX", "Tx", "TS", "ThS", "PGS", "GS", "BS", "KS", "Th", "Q", "P", "St",
];

/// Sentence spans of `text`, in order, covering every non-blank sentence. A sentence ends at a
/// line break, or at `.`, `!`, `?`, `…` followed by a space — except after an abbreviation or a
/// single capital initial ("TP. Cần Thơ", "T. Phúc"). Spans exclude the surrounding blanks.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead + trail < seg.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    // The characters that end a sentence are ASCII but '…' (E2 80 A6), and in UTF-8 neither
    // ASCII bytes nor lead bytes occur inside another character: two SIMD byte searches, the
    // frequent bytes and the rare ones, merged in order.
    let blank_at = |k: usize| matches!(bytes.get(k), None | Some(b' ') | Some(b'\n'));
    let mut frequent = memchr::memchr2_iter(b'\n', b'.', bytes).peekable();
    let mut rare = memchr::memchr3_iter(b'!', b'?', 0xE2, bytes).peekable();
    loop {
        let i = match (frequent.peek(), rare.peek()) {
            (Some(&f), Some(&r)) if r < f => rare.next(),
            (Some(_), _) => frequent.next(),
            (None, _) => rare.next(),
        };
        let Some(i) = i else { break };
        let x = bytes[i];
        let end = match x {
            b'\n' | b'!' | b'?' | b'.' => i + 1,
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6][..]) => i + 3,
            _ => continue,
        };
        let brk = match x {
            b'\n' => true,
            b'.' => blank_at(end) && !abbreviation_before(&text[start..i]),
            _ => blank_at(end),
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
        .take_while(|&(_, c)| is_alnum(c))
        .last()
        .map(|(i, _)| i);
    let Some(ws) = word_start else { return false };
    let word = &before[ws..];
    if NO_BREAK_AFTER.contains(&word) {
        return true;
    }
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_upper(c))
}

/// The ASCII letter a Vietnamese letter folds to ('ấ' → 'a', 'Đ' → 'd'), 0 for any other.
const fn fold_letter(n: u32) -> u8 {
    match char::from_u32(n) {
        Some('đ' | 'Đ') => b'd',
        Some(c) => match vowel_info_slow(c) {
            Some(('a' | 'ă' | 'â', _, _)) => b'a',
            Some(('e' | 'ê', _, _)) => b'e',
            Some(('i', _, _)) => b'i',
            Some(('o' | 'ô' | 'ơ', _, _)) => b'o',
            Some(('u' | 'ư', _, _)) => b'u',
            Some(('y', _, _)) => b'y',
            _ => 0,
        },
        None => 0,
    }
}

/// [`fold`] of an ASCII char: a letter in lowercase, a digit, 0 for any other (a blank).
static FOLD_ASCII: [u8; 0x80] = {
    let mut t = [0u8; 0x80];
    let mut i = 0;
    while i < 0x80 {
        let x = i as u8;
        if x.is_ascii_alphanumeric() {
            t[i] = x.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// [`fold_letter`] for U+0000..U+0200 and U+1EA0..U+1F00, computed at compile time.
static FOLD_LO: [u8; 0x200] = const_table!(fold_letter, 0x200, 0);
static FOLD_HI: [u8; 0x60] = const_table!(fold_letter, 0x60, 0x1EA0);

/// The ASCII letter or digit the first char of `text` folds to, if it folds to one ('Đ' → 'd'):
/// [`fold`]'s first byte then, known without folding the rest.
pub(crate) fn fold_first(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    let f = match *b.first()? {
        x @ ..0x80 => FOLD_ASCII[usize::from(x)],
        _ => match code_point_at(b, 0).0 {
            cp @ 0..=0x1FF => FOLD_LO[cp as usize],
            cp @ 0x1EA0..=0x1EFF => FOLD_HI[(cp - 0x1EA0) as usize],
            _ => 0,
        },
    };
    (f != 0).then_some(f)
}

/// Case- and diacritic-insensitive form for search and matching: "Phạm Gia Túc" → "pham gia tuc".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] appended to `out`: callers that fold many short texts reuse one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    let b = text.as_bytes();
    let from = out.len();
    // (a fold is mostly no longer than its text: one reservation, no growth per letter)
    out.reserve(text.len());
    // One blank between words, none at the start.
    let blank = |out: &mut String| {
        if out.len() > from && out.as_bytes().last() != Some(&b' ') {
            out.push(' ');
        }
    };
    let mut i = 0;
    while i < b.len() {
        // ASCII first: most characters of a title or a name.
        let x = b[i];
        if x < 0x80 {
            match FOLD_ASCII[usize::from(x)] {
                0 => blank(out),
                f => out.push(char::from(f)),
            }
            i += 1;
            continue;
        }
        // Vietnamese letters fold by a table, without a decomposition.
        let (cp, n) = code_point_at(b, i);
        let f = match cp {
            0..=0x1FF => FOLD_LO[cp as usize],
            0x1EA0..=0x1EFF => FOLD_HI[(cp - 0x1EA0) as usize],
            _ => 0,
        };
        if f != 0 {
            out.push(char::from(f));
            i += n;
            continue;
        }
        let (c, n) = char_at(text, i);
        i += n;
        unicode::nfd_char(c, &mut |d| {
            if !unicode::is_combining_mark(d) {
                if d.is_alphanumeric() {
                    out.extend(d.to_lowercase());
                } else {
                    blank(out);
                }
            }
        });
    }
    if out.len() > from && out.ends_with(' ') {
        out.pop();
    }
}

/// Lowercase of one character when it keeps its UTF-8 length (fast for Vietnamese letters).
pub fn lower_same_len(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\u{7f}' => c,
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{1ea0}'..='\u{1ef9}' => char::from_u32(c as u32 | 1).unwrap_or(c),
        'Ă' => 'ă',
        'Đ' => 'đ',
        'Ĩ' => 'ĩ',
        'Ũ' => 'ũ',
        'Ơ' => 'ơ',
        'Ư' => 'ư',
        c if !c.is_uppercase() => c,
        c => {
            let mut lc = c.to_lowercase();
            match (lc.next(), lc.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// Lowercase copy of `text` with the same byte offsets: a character whose lowercase form has
/// another UTF-8 length is kept as it is. Lexicon lookups run over this shadow.
pub fn lowercase_shadow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(lower_same_len(c));
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
                failures.push(format!(
                    "line {}: {input:?} → {got:?}, expected {expected:?}",
                    n + 1
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn fast_path_agrees() {
        let data = include_str!("normalize.examples.tsv");
        let mut inputs: Vec<String> = data
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(i, _)| i.replace("\\n", "\n"))
            .collect();
        inputs.extend(
            [
                "a,b ; c,d'e ’f\r\n x",
                "  \n \t",
                "H'Mông, M’nông'",
                "x\u{200b}y z\u{7}w",
                "một, hai. ba,bốn .năm , sáu.  bảy.\nTám, Hoá. quý",
                "",
            ]
            .map(String::from),
        );
        for t in &inputs {
            let fast = t.chars().all(fast_char);
            assert_eq!(normalize_nfc(t).is_some(), fast, "{t:?}");
            if let Some(n) = normalize_nfc(t) {
                assert_eq!(n, normalize_any(t), "{t:?}");
            }
        }
    }

    /// Texts made of pieces where normalization acts (blanks, commas, tone placement, glued
    /// words, capitals after lowercase letters or digits, apostrophes, chars outside the fast
    /// path) and plain ones, at random: the fast path with its scan ahead agrees with the
    /// reference char by char.
    #[test]
    fn scan_agrees_at_random() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            " ", " ", " ", "  ", "\n", "\n", "\r\n", "\t", "\u{a0}", ",", ";", ".", ". ", ", ",
            "'", "’", "–", "“", "”", "…", "(", "-", "o", "u", "q", "Q", "O", "U", "y", "a", "e",
            "à", "á", "ạ", "é", "ẻ", "ý", "ỷ", "ỵ", "Ý", "Ỷ", "À", "Á", "É", "hoá", "Hoà", "Thuỷ",
            "quý", "Quỳ", "khoẻ", "toàn", "hoàng", "người", "Nguyễn", "đ", "Đ", "ư", "ơ", "ă", "Ư",
            "lịch", "đề", "vụ", "công", "2015", "7", "Kêu", "Ông", "iPhone", "VnExpress", "Covid",
            "online", "H'Mông", "M’nông", "Êđê", "José", "ñ", "ç", "\u{200b}", "\u{ad}", "Ð", "ð",
            "Ɖ", "ɖ", "ÐÀ", "Ðoà", "lịchÐà", "\u{7}", "\u{2028}", "\u{3000}", "b", "ng", "th",
            "tr", "x", "Z", "ê", "ô",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut rand = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..40_000 {
            let len = 1 + rand(if round % 2 == 0 { 6 } else { 40 });
            let t: String = (0..len).map(|_| PIECES[rand(PIECES.len())]).collect();
            let fast = t.chars().all(fast_char);
            assert_eq!(normalize_nfc(&t).is_some(), fast, "{t:?}");
            if let Some(n) = normalize_nfc(&t) {
                assert_eq!(n, normalize_any(&t), "{t:?}");
            }
        }
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
    fn classes_agree_with_the_functions() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let k = class_slow(c);
            assert_eq!(class(c), k, "{c:?}");
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(char_at(s, 0), (c, c.len_utf8()));
            let fast = fast_char_at(s.as_bytes(), 0);
            let read = lookalike(c as u32).unwrap_or(c);
            let read = (read, c.len_utf8(), class(read));
            assert_eq!(fast, fast_char(c).then_some(read), "{c:?}");
            assert_eq!(
                is_lookalike_at(s.as_bytes(), 0),
                lookalike(c as u32).is_some()
            );
        }
    }

    #[test]
    fn fast_case_agrees_with_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn sentence_spans() {
        let t = "Sáng 7.9, ông A đến TP. Cần Thơ. Ông B về.\nTin: C";
        let got: Vec<&str> = sentences(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            got,
            vec!["Sáng 7.9, ông A đến TP. Cần Thơ.", "Ông B về.", "Tin: C"]
        );
    }

    #[test]
    fn shadow_keeps_offsets() {
        let t = "Ủy ban Nhân dân TỈNH Đắk Lắk İ";
        let s = lowercase_shadow(t);
        assert_eq!(s.len(), t.len());
        assert!(s.starts_with("ủy ban nhân dân tỉnh đắk lắk"));
    }
}
