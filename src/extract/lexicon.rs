//! The compiled-in lexicons (title heads, organisations, surnames, ranks, provinces, function
//! words) and the annotated token stream the rule families read.
//!
//! All phrases go into one Aho-Corasick automaton, built once, that runs over a lowercase shadow
//! of the text with the same byte offsets; a match counts when it starts and ends on token
//! boundaries and its case constraints hold (abbreviations in capitals, names capitalised).

use super::normalize::{is_alnum, is_letter, lower_same_len, normalize};

use super::{Role, TitleChange};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Kind of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A title head: "Phó Bí thư", "Chủ tịch".
    Head,
    /// Organisation vocabulary that continues a title.
    Org,
    /// A family name.
    Surname,
    /// A province or centrally-run city; `canon` is its canonical name.
    Province,
    /// A military or police rank.
    Rank,
    /// A function word of the grammar.
    Gram(Gram),
}

/// Function words of the officials grammar (see `lexicon/grammar.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gram {
    Cue,
    Cues,
    Plural,
    Former,
    Acting,
    Concurrent,
    New,
    Intro(TitleChange),
    Verb(TitleChange),
    Office,
    Change(TitleChange),
    Linker,
    Linker2,
    Gom,
    Qualifier,
    Age,
    Role(Role),
    Place,
    Adverb,
    Purpose,
}

/// Entry flags (letters in the data files).
pub mod flag {
    /// Head complete on its own.
    pub const STANDALONE: u32 = 1;
    /// Head introducing a nested person ("Trợ lý đồng chí X").
    pub const NESTS: u32 = 2;
    /// Head that needs an organisation.
    pub const NEEDS_ORG: u32 = 4;
    /// Abbreviation, matched in capitals only.
    pub const ABBR: u32 = 8;
    /// Administrative level word.
    pub const LEVEL: u32 = 16;
    /// Bridge word inside long organisation names.
    pub const BRIDGE: u32 = 32;
    /// May follow a comma inside an organisation name.
    pub const COMMA: u32 = 64;
    /// Unit noun ("Sở", "Bộ") an anaphoric "này" can refer to.
    pub const UNIT: u32 = 128;
    /// Strong surname.
    pub const STRONG: u32 = 256;
    /// Unit numbered after its name ("Quân khu 7").
    pub const NUMBERED: u32 = 512;
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub class: Class,
    /// Canonical form: canonical title words, expansion, or canonical province name.
    pub canon: String,
    pub flags: u32,
}

impl Entry {
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The lexicon: every entry and the automaton over their phrases.
pub struct Lexicon {
    ac: AhoCorasick,
    /// Entry ids of each automaton pattern.
    pattern_entries: Vec<Vec<u32>>,
    pub entries: Vec<Entry>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn flags_of(s: &str) -> u32 {
    let mut f = 0;
    for c in s.chars() {
        f |= match c {
            'S' => flag::STANDALONE,
            'N' => flag::NESTS,
            'O' => flag::NEEDS_ORG,
            'A' => flag::ABBR,
            'L' => flag::LEVEL,
            'B' => flag::BRIDGE,
            'C' => flag::COMMA,
            'U' => flag::UNIT,
            'M' => flag::NUMBERED,
            _ => 0,
        };
    }
    f
}

fn gram_of(s: &str) -> Option<Gram> {
    let change = |c: &str| match c {
        "T" => TitleChange::Taken,
        "L" => TitleChange::Left,
        _ => TitleChange::Held,
    };
    Some(match s {
        "cue" => Gram::Cue,
        "cues" => Gram::Cues,
        "plural" => Gram::Plural,
        "former" => Gram::Former,
        "acting" => Gram::Acting,
        "concurrent" => Gram::Concurrent,
        "new" => Gram::New,
        "office" => Gram::Office,
        "linker" => Gram::Linker,
        "linker2" => Gram::Linker2,
        "gom" => Gram::Gom,
        "qualifier" => Gram::Qualifier,
        "age" => Gram::Age,
        "place" => Gram::Place,
        "adverb" => Gram::Adverb,
        "purpose" => Gram::Purpose,
        "role:chair" => Gram::Role(Role::Chair),
        "role:attend" => Gram::Role(Role::Attend),
        "role:speak" => Gram::Role(Role::Speak),
        _ => {
            if let Some(c) = s.strip_prefix("intro:") {
                Gram::Intro(change(c))
            } else if let Some(c) = s.strip_prefix("verb:") {
                Gram::Verb(change(c))
            } else if let Some(c) = s.strip_prefix("change:") {
                Gram::Change(change(c))
            } else {
                return None;
            }
        }
    })
}

/// Abbreviations of the title and organisation lexicons with their expansions, as written in
/// the lexicon ("hđnd" → "Hội đồng nhân dân"), so a search box can read "chu tich hdnd" as its
/// users mean it.
pub fn abbreviations() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(include_str!("lexicon/heads.tsv"))
        .chain(rows(include_str!("lexicon/orgs.tsv")))
        .filter(|r| r.get(2).is_some_and(|f| f.contains('A')))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
}

/// Data lines of a lexicon file: comments and blank lines skipped, fields split on tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        let mut phrases: Vec<(String, u32)> = Vec::new();
        let mut add = |phrase: &str, e: Entry, entries: &mut Vec<Entry>| {
            phrases.push((phrase.to_string(), entries.len() as u32));
            entries.push(e);
        };
        for r in rows(include_str!("lexicon/heads.tsv")) {
            let (Some(p), Some(c)) = (r.first(), r.get(1)) else {
                continue;
            };
            let e = Entry {
                class: Class::Head,
                canon: c.to_string(),
                flags: flags_of(r.get(2).unwrap_or(&"")),
            };
            add(p, e, &mut entries);
        }
        for r in rows(include_str!("lexicon/orgs.tsv")) {
            let (Some(p), Some(c)) = (r.first(), r.get(1)) else {
                continue;
            };
            let e = Entry {
                class: Class::Org,
                canon: c.to_string(),
                flags: flags_of(r.get(2).unwrap_or(&"")),
            };
            add(p, e, &mut entries);
        }
        for r in rows(include_str!("lexicon/surnames.tsv")) {
            let Some(p) = r.first() else { continue };
            let f = if r.get(1).is_some_and(|f| f.contains('S')) {
                flag::STRONG
            } else {
                0
            };
            add(
                p,
                Entry {
                    class: Class::Surname,
                    canon: p.to_string(),
                    flags: f,
                },
                &mut entries,
            );
        }
        for r in rows(include_str!("lexicon/ranks.tsv")) {
            let (Some(p), Some(c)) = (r.first(), r.get(1)) else {
                continue;
            };
            add(
                p,
                Entry {
                    class: Class::Rank,
                    canon: c.to_string(),
                    flags: 0,
                },
                &mut entries,
            );
        }
        for r in rows(include_str!("lexicon/provinces.tsv")) {
            let (Some(c), Some(vs)) = (r.first(), r.get(1)) else {
                continue;
            };
            for v in vs.split('|') {
                let f = if v.starts_with("TP") { flag::ABBR } else { 0 };
                add(
                    v,
                    Entry {
                        class: Class::Province,
                        canon: c.to_string(),
                        flags: f,
                    },
                    &mut entries,
                );
            }
        }
        for r in rows(include_str!("lexicon/grammar.tsv")) {
            let (Some(p), Some(g)) = (r.first(), r.get(1).and_then(|g| gram_of(g))) else {
                continue;
            };
            add(
                p,
                Entry {
                    class: Class::Gram(g),
                    canon: p.to_string(),
                    flags: 0,
                },
                &mut entries,
            );
        }
        // One automaton pattern per distinct normalized lowercase phrase.
        let mut by_pattern: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        for (phrase, id) in phrases {
            let norm = normalize(&phrase);
            // token boundaries as the phrase would be written in capitals ("UVT.Ư", "KH-ĐT")
            // (lowercase data such as "uvt.ư", "kh-đt" stands for capitals; proper-case data such
            // as "Bà Rịa-Vũng Tàu" is tokenized as written)
            let upper = norm.to_uppercase();
            let all_lower = !norm.chars().any(char::is_uppercase);
            let toks = tokenize(if all_lower && upper.len() == norm.len() {
                &upper
            } else {
                &norm
            });
            if toks.is_empty() {
                continue;
            }
            // " bà rịa vũng tàu" for "Bà Rịa-Vũng Tàu", " bà rịa   vũng tàu" for "Bà Rịa - Vũng Tàu"
            let key = search_key(&norm, &toks).trim_end().to_string();
            let pid = *by_pattern.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                pattern_entries.push(Vec::new());
                patterns.len() - 1
            });
            pattern_entries[pid].push(id);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("lexicon patterns build");
        Lexicon {
            ac,
            pattern_entries,
            entries,
        }
    }
}

/// Letter case of a word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// First letter capital, not all capitals ("Phạm", "TTg", a single capital "A").
    Cap,
    /// Two or more letters, all capitals ("HĐND", "T.PHÚC").
    Upper,
}

/// Token kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word(Case),
    Num,
    Punct(char),
}

/// One token: a byte range of the normalized text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
}

/// A lexicon match over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: u32,
    pub end: u32,
    pub entry: u32,
}

/// A normalized text, its tokens and every lexicon match on them.
pub struct Doc<'a> {
    pub text: &'a str,
    /// `" " +` the lowercase text with bytes outside word tokens blanked (see `search_key`).
    shadow: String,
    pub toks: Vec<Tok>,
    hits: Vec<Hit>,
    /// `hit_start[i]..hit_start[i+1]` are the hits starting at token `i`, longest first.
    hit_start: Vec<u32>,
    /// Per token, a bit for each class with a hit starting there (fast "no" answers).
    mask: Vec<u8>,
    lex: &'static Lexicon,
}

fn class_bit(c: Class) -> u8 {
    match c {
        Class::Head => 1,
        Class::Org => 2,
        Class::Surname => 4,
        Class::Province => 8,
        Class::Rank => 16,
        Class::Gram(_) => 32,
    }
}

fn joins_word(
    prev: char,
    c: char,
    next: Option<char>,
    next2: Option<char>,
    word_upper: bool,
) -> bool {
    let next_alpha = next.is_some_and(is_letter);
    match c {
        '\'' | '’' => is_letter(prev) && next_alpha,
        '&' => is_alnum(prev) && next.is_some_and(is_alnum),
        // "UVT.Ư", "TP.HCM", "T.PHÚC"
        '.' => prev.is_uppercase() && next.is_some_and(|n| n.is_uppercase()),
        // "KH-ĐT", "LĐ-TB&XH": only between capitals ("Niên-Ủy viên" is two words)
        '-' => {
            word_upper
                && prev.is_uppercase()
                && next.is_some_and(|n| n.is_uppercase())
                && !next2.is_some_and(|n| n.is_lowercase())
        }
        _ => false,
    }
}

/// The text the automaton searches: a space, then the text in lowercase with every byte outside
/// word and number tokens blanked, so that a pattern (" phó bí thư") can only match from a
/// token start, and never across punctuation. Offsets are the text's plus one; lowercasing
/// keeps byte lengths ([`lower_same_len`]).
fn search_key(text: &str, toks: &[Tok]) -> String {
    const BLANKS: &str = "                                ";
    let mut out = String::with_capacity(text.len() + 1);
    let mut at = 0usize;
    let blank = |out: &mut String, mut gap: usize| {
        while gap > 0 {
            let n = gap.min(BLANKS.len());
            out.push_str(&BLANKS[..n]);
            gap -= n;
        }
    };
    out.push(' ');
    for t in toks {
        if matches!(t.kind, Kind::Punct(_)) {
            continue;
        }
        let (a, b) = (t.start as usize, t.end as usize);
        blank(&mut out, a.saturating_sub(at));
        let w = text.get(a..b).unwrap_or("");
        if w.is_ascii() {
            for &c in w.as_bytes() {
                out.push(c.to_ascii_lowercase() as char);
            }
        } else {
            for c in w.chars() {
                out.push(lower_same_len(c));
            }
        }
        at = b;
    }
    blank(&mut out, text.len().saturating_sub(at));
    out
}

/// Splits normalized text into words, numbers and single punctuation characters.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == ' ' {
            continue;
        }
        if is_letter(c) || (!c.is_ascii() && c.is_numeric()) {
            let mut end = i + c.len_utf8();
            let mut prev = c;
            let mut all_upper = c.is_uppercase();
            let mut letters = usize::from(is_letter(c));
            while let Some(&(j, d)) = it.peek() {
                if is_alnum(d) {
                    all_upper &= !d.is_lowercase();
                    letters += usize::from(is_letter(d));
                    end = j + d.len_utf8();
                    prev = d;
                    it.next();
                    continue;
                }
                let mut after = text[j + d.len_utf8()..].chars();
                let (next, next2) = (after.next(), after.next());
                if joins_word(prev, d, next, next2, all_upper) {
                    end = j + d.len_utf8();
                    prev = d;
                    it.next();
                    continue;
                }
                break;
            }
            let case = if !c.is_uppercase() {
                Case::Lower
            } else if all_upper && letters >= 2 {
                Case::Upper
            } else {
                Case::Cap
            };
            toks.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: Kind::Word(case),
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                let digit_after = text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || ((d == '.' || d == ',') && digit_after) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: Kind::Num,
            });
        } else {
            toks.push(Tok {
                start: i as u32,
                end: (i + c.len_utf8()) as u32,
                kind: Kind::Punct(c),
            });
        }
    }
    toks
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` (already normalized) and finds every lexicon phrase on it.
    pub fn new(text: &'a str) -> Doc<'a> {
        let lex = lexicon();
        let toks = tokenize(text);
        let search = search_key(text, &toks);
        let bytes = search.as_bytes();
        let mut hits = Vec::new();
        // Matches come in order of their end: a cursor finds the end token, and the start
        // token is a few tokens back.
        let mut cur = 0usize;
        for m in lex.ac.find_overlapping_iter(search.as_str()) {
            // patterns start with the space before a token; they must end at a token's end
            if bytes.get(m.end()).is_some_and(|&b| b != b' ') {
                continue;
            }
            let (s, e) = (m.start() as u32, m.end() as u32 - 1);
            while cur < toks.len() && toks[cur].end < e {
                cur += 1;
            }
            if cur >= toks.len() || toks[cur].end != e {
                continue;
            }
            let te = cur;
            let mut ts = te;
            while ts > 0 && toks[ts].start > s && te - ts < 16 {
                ts -= 1;
            }
            if toks[ts].start != s {
                continue;
            }
            for &id in &lex.pattern_entries[m.pattern().as_usize()] {
                let entry = &lex.entries[id as usize];
                if case_ok(&toks, ts, te, entry) {
                    hits.push(Hit {
                        start: ts as u32,
                        end: te as u32 + 1,
                        entry: id,
                    });
                }
            }
        }
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut mask = vec![0u8; toks.len()];
        for h in &hits {
            mask[h.start as usize] |= class_bit(lex.entries[h.entry as usize].class);
        }
        let mut hit_start = vec![0u32; toks.len() + 1];
        let mut h = 0usize;
        for (i, slot) in hit_start.iter_mut().enumerate() {
            while h < hits.len() && (hits[h].start as usize) < i {
                h += 1;
            }
            *slot = h as u32;
        }
        Doc {
            text,
            shadow: search,
            toks,
            hits,
            hit_start,
            mask,
            lex,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Hits starting at token `i`, longest first.
    pub fn hits(&self, i: usize) -> &[Hit] {
        if i >= self.toks.len() {
            return &[];
        }
        let (a, b) = (self.hit_start[i] as usize, self.hit_start[i + 1] as usize);
        &self.hits[a..b]
    }

    pub fn entry(&self, h: &Hit) -> &'static Entry {
        &self.lex.entries[h.entry as usize]
    }

    /// The longest hit at `i` whose entry satisfies `pred`: (end token, entry).
    pub fn find(&self, i: usize, pred: impl Fn(&Entry) -> bool) -> Option<(usize, &'static Entry)> {
        self.hits(i)
            .iter()
            .map(|h| (h.end as usize, self.entry(h)))
            .find(|(_, e)| pred(e))
    }

    pub fn class(&self, i: usize, class: Class) -> Option<(usize, &'static Entry)> {
        if self.mask.get(i).is_none_or(|m| m & class_bit(class) == 0) {
            return None;
        }
        self.find(i, |e| e.class == class)
    }

    pub fn head(&self, i: usize) -> Option<(usize, &'static Entry)> {
        self.class(i, Class::Head)
    }

    pub fn org(&self, i: usize) -> Option<(usize, &'static Entry)> {
        self.class(i, Class::Org)
    }

    pub fn province(&self, i: usize) -> Option<(usize, &'static Entry)> {
        self.class(i, Class::Province)
    }

    pub fn surname(&self, i: usize) -> Option<(usize, &'static Entry)> {
        self.class(i, Class::Surname)
    }

    pub fn rank(&self, i: usize) -> Option<(usize, &'static Entry)> {
        self.class(i, Class::Rank)
    }

    /// The longest function-word hit at `i` accepted by `pred`.
    pub fn gram(&self, i: usize, pred: impl Fn(Gram) -> bool) -> Option<(usize, Gram)> {
        if self.mask.get(i).is_none_or(|m| m & 32 == 0) {
            return None;
        }
        self.hits(i).iter().find_map(|h| match self.entry(h).class {
            Class::Gram(g) if pred(g) => Some((h.end as usize, g)),
            _ => None,
        })
    }

    pub fn is(&self, i: usize, g: Gram) -> Option<usize> {
        self.gram(i, |x| x == g).map(|(e, _)| e)
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn case(&self, i: usize) -> Option<Case> {
        match self.kind(i) {
            Some(Kind::Word(c)) => Some(c),
            _ => None,
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(Kind::Punct('-' | '–' | '—')))
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    /// The token as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| {
            self.text
                .get(t.start as usize..t.end as usize)
                .unwrap_or("")
        })
    }

    /// The token in lowercase (punctuation as written).
    pub fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if matches!(t.kind, Kind::Punct(_)) => self.raw(i),
            Some(t) => self
                .shadow
                .get(t.start as usize + 1..t.end as usize + 1)
                .unwrap_or(""),
            None => "",
        }
    }

    /// Byte span of tokens `a..b` (b exclusive, b > a).
    pub fn span(&self, a: usize, b: usize) -> super::Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if b > a => super::Span::new(x.start as usize, y.end as usize),
            _ => super::Span::default(),
        }
    }

    /// Text of tokens `a..b` as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        self.span(a, b).slice(self.text)
    }

    /// First token index at or after byte `offset`.
    pub fn tok_at_byte(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < offset)
    }
}

fn case_ok(toks: &[Tok], ts: usize, te: usize, e: &Entry) -> bool {
    let first = match toks[ts].kind {
        Kind::Word(c) => Some(c),
        _ => None,
    };
    let last = match toks[te].kind {
        Kind::Word(c) => Some(c),
        _ => None,
    };
    if e.has(flag::ABBR) {
        return matches!(last, Some(Case::Upper))
            || (e.class == Class::Province && first != Some(Case::Lower));
    }
    // "Ban", "Bộ", "Phòng" alone name a body only when capitalised ("ban hành", "phòng chống").
    if e.has(flag::UNIT) && ts == te && first == Some(Case::Lower) {
        return false;
    }
    match e.class {
        Class::Surname => first == Some(Case::Cap),
        Class::Province => matches!(first, Some(Case::Cap | Case::Upper)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_abbreviations_only() {
        let t = "Sở TT&TT, Sở KH-ĐT; Niên-Ủy viên UVT.Ư Đảng 93.000 28-12";
        let d = Doc::new(t);
        let words: Vec<&str> = (0..d.len()).map(|i| d.raw(i)).collect();
        assert_eq!(
            words,
            vec![
                "Sở", "TT&TT", ",", "Sở", "KH-ĐT", ";", "Niên", "-", "Ủy", "viên", "UVT.Ư", "Đảng",
                "93.000", "28", "-", "12"
            ]
        );
    }

    #[test]
    fn hits_respect_boundaries_and_case() {
        let d = Doc::new("Phó Bí thư Tỉnh ủy công tác tt hđnd HĐND");
        assert_eq!(
            d.head(0).map(|(e, h)| (e, h.canon.as_str())),
            Some((3, "Phó Bí thư"))
        );
        assert!(d.org(3).is_some());
        // "ông" inside "công" is no cue
        assert!(d.is(5, Gram::Cue).is_none());
        // abbreviations only in capitals
        assert!(d.find(8, |e| e.has(flag::ABBR)).is_none());
        assert!(d.find(9, |e| e.has(flag::ABBR)).is_some());
    }
}
