//! The compiled-in lexicons (title heads, organisations, surnames, ranks, provinces, function
//! words) and the annotated token stream the rule families read.
//!
//! All phrases go into one trie over words, built once: a phrase is the sequence of its
//! lowercase words (runs of word and number tokens with nothing between them) and of the byte
//! gaps between them, so "Bà Rịa - Vũng Tàu" and "Bà Rịa-Vũng Tàu" stay distinct. A text is
//! cut into the same words, each looked up once in a hash table, and the trie is walked from
//! every word; a match counts when its case constraints hold (abbreviations in capitals, names
//! capitalised). Building this takes a fraction of a millisecond, where an automaton over the
//! bytes took milliseconds on the first call (the first paste in the browser).
//!
//! The tokenizer reads ASCII by a byte table and decodes only the other chars (the lowercase
//! Vietnamese letters, most of them, not even those), and notes on the way the chars whose
//! lowercase differs: [`Doc`] keeps the text's lowercase copy, which the dates and the events
//! read too ([`Doc::into_lower`], byte for byte `dates::lower_aligned`).

use super::normalize::{
    class, cls, is_alnum, is_letter, is_lower, is_upper, lower_same_len, normalize,
};

use super::{Role, TitleChange};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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
    Nominate,
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
    /// A foreign country: capitalised words right after it in a title are its official's name
    /// ("Thủ tướng Campuchia Hun Manet").
    pub const COUNTRY: u32 = 1024;
    /// A noun of organisation names that is never the sentence's verb: written in lowercase
    /// it still continues a name ("Vụ Kế hoạch tài chính phát biểu").
    pub const NOUN: u32 = 2048;
    /// A function word that is one only in lowercase or opening a sentence ("anh", "chị":
    /// "Đại sứ Anh" names a country).
    pub const LOWER: u32 = 4096;
    /// A kind of school named after a person: the name right after it is the school's
    /// ("Trường THPT Lê Lợi"), not an official's.
    pub const PATRON: u32 = 8192;
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub class: Class,
    /// Canonical form: canonical title words, expansion, or canonical province name.
    pub canon: String,
    /// Where the words of `canon` are in [`Lexicon`]'s `canon_words` (see [`Doc::canon_words`]).
    canon_words: (u32, u32),
    pub flags: u32,
}

impl Entry {
    /// An entry; the words of `canon` (split on single blanks) are appended to `words`.
    fn new(class: Class, canon: &'static str, flags: u32, words: &mut Vec<&'static str>) -> Entry {
        let from = words.len() as u32;
        words.extend(canon.split(' '));
        Entry {
            class,
            canon: canon.to_string(),
            canon_words: (from, words.len() as u32),
            flags,
        }
    }

    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The lexicon: every entry and the trie over their phrases.
pub struct Lexicon {
    /// Id of every distinct lowercase word of the phrases.
    words: FastMap<String, u32>,
    /// The same for the words of at most 8 bytes (most), keyed by [`short_key`]: looked up
    /// with integer compares instead of a string compare.
    short: KeyTable,
    /// Trie node reached from the root by each word (`NONE` if no phrase starts with it).
    root: Vec<u32>,
    /// Trie edges after the first word: (node << 32 | word, byte gap before the word) → node.
    edges: KeyTable,
    /// Per trie node, a bit for each word (modulo 64) some phrase continues with from there:
    /// most words continue none, and the bit says so without an edge lookup.
    next_words: Vec<u64>,
    /// Entry ids of the phrase ending at each trie node (empty for inner nodes).
    node_entries: Vec<Vec<u32>>,
    pub entries: Vec<Entry>,
    /// The words of every entry's canonical form, one after the other: titles borrow them
    /// rather than split `canon` again each time.
    canon_words: Vec<&'static str>,
}

const NONE: u32 = u32::MAX;

/// A hash table from keys (u64, nonzero u32) to u32 values, built once, for the two lookups
/// made per word of a text (word id, trie edge): one multiply and mostly one probe, where a
/// `HashMap` hashes the fields one by one and probes in groups.
struct KeyTable {
    /// Open addressing, linear probing, at most half full; a zero u32 part marks a free slot.
    slots: Vec<(u64, u32, u32)>,
    /// 64 minus log2 of the number of slots: the top bits of the hash pick the first slot.
    shift: u32,
}

impl KeyTable {
    fn new(entries: &[((u64, u32), u32)]) -> KeyTable {
        let size = (entries.len() * 2).next_power_of_two().max(2);
        let mut table = KeyTable {
            slots: vec![(0, 0, 0); size],
            shift: 64 - size.trailing_zeros(),
        };
        for &((a, b), v) in entries {
            let mut i = table.first_slot(a, b);
            while table.slots[i].1 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (a, b, v);
        }
        table
    }

    fn first_slot(&self, a: u64, b: u32) -> usize {
        ((a ^ u64::from(b) << 59).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, a: u64, b: u32) -> Option<u32> {
        if b == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.first_slot(a, b);
        loop {
            let (x, y, v) = self.slots[i & mask];
            if (x, y) == (a, b) {
                return Some(v);
            }
            if y == 0 {
                return None;
            }
            i += 1;
        }
    }
}

/// A word of 1 to 8 bytes as integers (its bytes in at most two fixed-size loads, which may
/// overlap, and its length), `None` for other lengths.
fn short_key(s: &[u8]) -> Option<(u64, u32)> {
    let n = s.len();
    let u32_at = |k: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&s[k..k + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let v = match n {
        1..=3 => u64::from(s[0]) | u64::from(s[n / 2]) << 8 | u64::from(s[n - 1]) << 16,
        4..=8 => u32_at(0) | u32_at(n - 4) << 32,
        _ => return None,
    };
    Some((v, n as u32))
}

/// A multiply-rotate hasher (as in rustc's FxHash): the keys are short words from a fixed
/// lexicon, hashed once per word of the text, where SipHash's flood resistance buys nothing.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        // The tail (most words are shorter than 8 bytes) in at most two fixed-size loads, which
        // may overlap, with its length: no byte loop, no variable-length copy. The packing of
        // `short_key`, written out again: a shared function measured 0.7% slower overall.
        let rest = chunks.remainder();
        let n = rest.len();
        let u32_at = |k: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&rest[k..k + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        let w = match n {
            0 => return,
            1..=3 => {
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
            }
            _ => u32_at(0) | u32_at(n - 4) << 32,
        };
        self.add(w ^ (n as u64) << 59);
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

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
            'K' => flag::COUNTRY,
            'W' => flag::NOUN,
            'P' => flag::PATRON,
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
        "nominate" => Gram::Nominate,
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
        .filter(|r| r[2].is_some_and(|f| f.contains('A')))
        .filter_map(|r| Some((r[0]?, r[1]?)))
}

/// Data lines of a lexicon file: comments and blank lines skipped, fields split on tabs (the
/// files have at most three; `None` for those a line lacks). An array, not a `Vec`: no
/// allocation per line.
fn rows(data: &'static str) -> impl Iterator<Item = [Option<&'static str>; 3]> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut fields = l.split('\t').map(str::trim);
            [fields.next(), fields.next(), fields.next()]
        })
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        let mut canon_words = Vec::with_capacity(2048);
        let mut phrases: Vec<(&'static str, u32)> = Vec::new();
        let mut add = |phrase: &'static str, e: Entry, entries: &mut Vec<Entry>| {
            phrases.push((phrase, entries.len() as u32));
            entries.push(e);
        };
        for r in rows(include_str!("lexicon/heads.tsv")) {
            let (Some(p), Some(c)) = (r[0], r[1]) else {
                continue;
            };
            let e = Entry::new(
                Class::Head,
                c,
                flags_of(r[2].unwrap_or("")),
                &mut canon_words,
            );
            add(p, e, &mut entries);
        }
        for r in rows(include_str!("lexicon/orgs.tsv")) {
            let (Some(p), Some(c)) = (r[0], r[1]) else {
                continue;
            };
            let e = Entry::new(
                Class::Org,
                c,
                flags_of(r[2].unwrap_or("")),
                &mut canon_words,
            );
            add(p, e, &mut entries);
        }
        for r in rows(include_str!("lexicon/surnames.tsv")) {
            let Some(p) = r[0] else { continue };
            let f = if r[1].is_some_and(|f| f.contains('S')) {
                flag::STRONG
            } else {
                0
            };
            add(
                p,
                Entry::new(Class::Surname, p, f, &mut canon_words),
                &mut entries,
            );
        }
        for r in rows(include_str!("lexicon/ranks.tsv")) {
            let (Some(p), Some(c)) = (r[0], r[1]) else {
                continue;
            };
            add(
                p,
                Entry::new(Class::Rank, c, 0, &mut canon_words),
                &mut entries,
            );
        }
        for r in rows(include_str!("lexicon/provinces.tsv")) {
            let (Some(c), Some(vs)) = (r[0], r[1]) else {
                continue;
            };
            for v in vs.split('|') {
                let f = if v.starts_with("TP") { flag::ABBR } else { 0 };
                add(
                    v,
                    Entry::new(Class::Province, c, f, &mut canon_words),
                    &mut entries,
                );
            }
        }
        for r in rows(include_str!("lexicon/grammar.tsv")) {
            let (Some(p), Some(class)) = (r[0], r[1]) else {
                continue;
            };
            let (class, f) = match class.strip_suffix(" lower") {
                Some(c) => (c, flag::LOWER),
                None => (class, 0),
            };
            let Some(g) = gram_of(class) else {
                continue;
            };
            add(
                p,
                Entry::new(Class::Gram(g), p, f, &mut canon_words),
                &mut entries,
            );
        }
        // One trie path per distinct normalized lowercase phrase.
        let mut lex = Lexicon {
            words: FastMap::default(),
            short: KeyTable::new(&[]),
            root: Vec::new(),
            edges: KeyTable::new(&[]),
            node_entries: vec![Vec::new()],
            next_words: vec![0],
            entries: Vec::new(),
            canon_words: Vec::new(),
        };
        let mut edges = FastMap::default();
        for (phrase, id) in phrases {
            let norm = normalize(phrase);
            // token boundaries as the phrase would be written in capitals ("UVT.Ư", "KH-ĐT")
            // (lowercase data such as "uvt.ư", "kh-đt" stands for capitals; proper-case data such
            // as "Bà Rịa-Vũng Tàu" is tokenized as written)
            let all_lower = !norm.chars().any(char::is_uppercase);
            let upper = if all_lower {
                norm.to_uppercase()
            } else {
                String::new()
            };
            let toks = tokenize(if all_lower && upper.len() == norm.len() {
                &upper
            } else {
                &norm
            });
            if toks.is_empty() {
                continue;
            }
            // " bà rịa vũng tàu" for "Bà Rịa-Vũng Tàu", " bà rịa   vũng tàu" for "Bà Rịa - Vũng Tàu":
            // words, and the blanks between them
            let key = search_key(&norm, &toks);
            let key = key.trim_end();
            let mut node = 0u32;
            let mut at = 0usize;
            for (k, word) in key.split(' ').enumerate().filter(|(_, w)| !w.is_empty()) {
                let gap = (k - at) as u32;
                at = k;
                let w = match lex.words.get(word) {
                    Some(&w) => w,
                    None => {
                        let w = lex.words.len() as u32;
                        lex.words.insert(word.to_string(), w);
                        w
                    }
                };
                if w as usize == lex.root.len() {
                    lex.root.push(NONE);
                }
                if node != 0 {
                    lex.next_words[node as usize] |= 1 << (w % 64);
                }
                let fresh = lex.node_entries.len() as u32;
                let slot = if node == 0 {
                    &mut lex.root[w as usize]
                } else {
                    edges
                        .entry((u64::from(node) << 32 | u64::from(w), gap))
                        .or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = fresh;
                    lex.node_entries.push(Vec::new());
                    lex.next_words.push(0);
                }
                node = *slot;
            }
            lex.node_entries[node as usize].push(id);
        }
        let short: Vec<_> = lex
            .words
            .iter()
            .filter_map(|(w, &id)| Some((short_key(w.as_bytes())?, id)))
            .collect();
        lex.short = KeyTable::new(&short);
        lex.edges = KeyTable::new(&edges.into_iter().collect::<Vec<_>>());
        lex.entries = entries;
        lex.canon_words = canon_words;
        lex
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

/// A word of a text as the trie walk reads it: a run of word and number tokens with nothing
/// between them ("12abc" is one), with its bytes (kept here: the walk reads the gap between
/// two words without going back to their tokens) and its id (`NONE` for a word no phrase has).
#[derive(Debug, Clone, Copy)]
struct Word {
    first: u32,
    last: u32,
    start: u32,
    end: u32,
    id: u32,
}

/// A lexicon match over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: u32,
    pub end: u32,
    pub entry: u32,
    /// The entry's class, kept here: the parser's questions go by class, and most are answered
    /// without reading the entry.
    pub class: Class,
}

/// A normalized text, its tokens and every lexicon match on them.
pub struct Doc<'a> {
    pub text: &'a str,
    /// The text in lowercase with the same byte offsets, but for titlecase letters of words
    /// ("ǅ"), kept as written: what the lexicon's words are read in.
    shadow: String,
    /// (byte offset, lowercase) of those titlecase letters (mostly none): with them `shadow`
    /// is the lowercase copy the dates and the events read ([`Doc::into_lower`]).
    titlecase: Vec<(u32, char)>,
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
        '.' => is_upper(prev) && next.is_some_and(is_upper),
        // "KH-ĐT", "LĐ-TB&XH": only between capitals ("Niên-Ủy viên" is two words)
        '-' => {
            word_upper
                && is_upper(prev)
                && next.is_some_and(is_upper)
                && !next2.is_some_and(is_lower)
        }
        _ => false,
    }
}

/// A phrase as the trie keys it: a space, then the phrase in lowercase with every byte outside
/// word and number tokens blanked (" phó bí thư"), so its words and the gaps between them can
/// be read off. Lowercasing keeps byte lengths ([`lower_same_len`]).
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
    tokenize_lower(text, None)
}

/// The chars outside ASCII of a text whose lowercase differs from them and keeps their UTF-8
/// length, as [`tokenize_lower`] meets them (it decodes every such char once).
#[derive(Default)]
struct Lowering {
    /// (byte offset, lowercase): `to_ascii_lowercase` with these written over it is the text's
    /// lowercase copy as the lexicon's words read it...
    at: Vec<(u32, char)>,
    /// ...and with these too, of the letters of words that are no capitals (titlecase "ǅ",
    /// which the lexicon's words keep as written), byte for byte `dates::lower_aligned`'s.
    titlecase: Vec<(u32, char)>,
}

impl Lowering {
    /// Notes the char `c` (not ASCII, [`class`] bits `k`) at byte `at`: a lowercase letter (most
    /// of them) is answered here, the rest out of line.
    #[inline(always)]
    fn note(lower: &mut Option<&mut Lowering>, at: usize, c: char, k: u8, in_word: bool) {
        if k & cls::LOWER == 0 {
            if let Some(l) = lower {
                l.note_other(at, c, k, in_word);
            }
        }
    }

    #[inline(never)]
    fn note_other(&mut self, at: usize, c: char, k: u8, in_word: bool) {
        if k & cls::UPPER != 0 {
            let l = lower_same_len(c);
            if l != c {
                self.at.push((at as u32, l));
            }
        } else if !no_lowercase(c) {
            // (titlecase letters and scripts beyond the tables: rare)
            let mut lc = c.to_lowercase();
            if let (Some(l), None) = (lc.next(), lc.next()) {
                if l != c && l.len_utf8() == c.len_utf8() {
                    if in_word {
                        self.titlecase.push((at as u32, l));
                    } else {
                        self.at.push((at as u32, l));
                    }
                }
            }
        }
    }
}

/// Writes each (byte offset, char) over the char of the same UTF-8 length there.
fn write_chars(s: &mut String, chars: &[(u32, char)]) {
    let mut buf = [0u8; 4];
    for &(at, c) in chars {
        let at = at as usize;
        s.replace_range(at..at + c.len_utf8(), c.encode_utf8(&mut buf));
    }
}

/// Whether `c`, neither a capital nor a lowercase letter, surely has no other lowercase: the
/// tabled blocks hold no such char but the titlecase digraphs (ǅ ǈ ǋ ǲ).
fn no_lowercase(c: char) -> bool {
    match c as u32 {
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 => false,
        0..=0x24F | 0x1EA0..=0x1EF9 | 0x2000..=0x206F => true,
        _ => false,
    }
}

/// Byte classes for [`tokenize_lower`]: for ASCII the [`cls`] bits ([`class`] of the char)
/// with two of them, meaningless for ASCII, reused; every byte from 0x80 is [`cls::WIDE`].
mod byte {
    use super::cls;
    /// ' & . - (may join a word, see `joins_word`), in place of `cls::VOWEL`.
    pub const JOIN: u8 = cls::VOWEL;
    /// A byte of a char outside ASCII.
    pub const WIDE: u8 = cls::WIDE;
    pub static CLASS: [u8; 256] = {
        let mut t = [WIDE; 256];
        let mut x = 0;
        while x < 0x80 {
            let c = x as u8;
            t[x] = if c.is_ascii_digit() {
                cls::ALNUM | cls::DIGIT
            } else if c.is_ascii_uppercase() {
                cls::ALNUM | cls::LETTER | cls::UPPER
            } else if c.is_ascii_lowercase() {
                cls::ALNUM | cls::LETTER | cls::LOWER
            } else if matches!(c, b'\'' | b'&' | b'.' | b'-') {
                JOIN
            } else {
                0
            };
            x += 1;
        }
        t
    };
}

/// The char at byte `i` of valid UTF-8 (a char boundary, not ASCII) and its length, decoded
/// here: std's decoder behind a slice of the text costs more than the rest of a letter's work.
#[inline]
fn wide_at(b: &[u8], i: usize) -> (char, usize) {
    let cont = |k: usize| u32::from(b.get(i + k).map_or(0, |y| y & 0x3F));
    let x = u32::from(b[i]);
    let (n, len) = if x < 0xE0 {
        ((x & 0x1F) << 6 | cont(1), 2)
    } else if x < 0xF0 {
        ((x & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
    } else {
        ((x & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4)
    };
    (char::from_u32(n).unwrap_or('\0'), len)
}

/// The length of the char at byte `i` of valid UTF-8 when it is, by its bytes alone, a
/// lowercase letter of the blocks Vietnamese is written in (ạ..ỹ and the odd code points of
/// U+1E80..=U+1EFF, ß à..ÿ but ÷, the odd ones of U+0101..=U+0137 and U+014B..=U+0177 as ă đ
/// ĩ ũ, ơ ư), 0 otherwise: most chars outside ASCII of a text, read without decoding.
#[inline(always)]
fn viet_lower_len(b: &[u8], i: usize) -> usize {
    let (Some(&x), Some(&y)) = (b.get(i), b.get(i + 1)) else {
        return 0;
    };
    let two = match x {
        // E1 BA xx, E1 BB xx: the code point's parity is its last byte's
        0xE1 => {
            return if y & 0xFE == 0xBA && b.get(i + 2).is_some_and(|z| z & 1 == 1) {
                3
            } else {
                0
            };
        }
        0xC3 => y >= 0x9F && y != 0xB7,
        0xC4 => y & 1 == 1 && y <= 0xB7,
        0xC5 => y & 1 == 1 && (0x8B..=0xB7).contains(&y),
        0xC6 => y == 0xA1 || y == 0xB0,
        _ => false,
    };
    usize::from(two) * 2
}

/// The char at byte `i` of valid UTF-8, `None` past the end.
#[inline]
fn char_after(b: &[u8], i: usize) -> Option<char> {
    match *b.get(i)? {
        x @ ..0x80 => Some(x as char),
        _ => Some(wide_at(b, i).0),
    }
}

/// [`tokenize`], noting in `lower` the chars outside ASCII whose lowercase differs and keeps
/// their UTF-8 length: one pass over the text for the tokens and its lowercase copy.
///
/// ASCII goes by a byte table ([`byte::CLASS`]); only the chars outside it are decoded, once
/// each (a char ending a word starts the next token, where it is read).
fn tokenize_lower(text: &str, mut lower: Option<&mut Lowering>) -> Vec<Tok> {
    let b = text.as_bytes();
    // (about one token per 4 to 5 bytes of Vietnamese: room enough not to grow)
    let mut toks = Vec::with_capacity(text.len() / 3 + 8);
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x == b' ' {
            i += 1;
            continue;
        }
        let t = byte::CLASS[x as usize];
        let (c, n, k) = if t & byte::WIDE == 0 {
            (x as char, 1, t)
        } else {
            match viet_lower_len(b, i) {
                // (a lowercase letter: the char itself is read only to note a capital or to
                // make a punctuation token)
                0 => {
                    let (c, n) = wide_at(b, i);
                    (c, n, class(c))
                }
                m => ('\0', m, cls::ALNUM | cls::LETTER | cls::LOWER),
            }
        };
        // a letter, or a numeral outside ASCII (the ALNUM bit of a wide char: letter or numeric)
        let starts_word = if t & byte::WIDE == 0 {
            k & cls::LETTER != 0
        } else {
            k & cls::ALNUM != 0
        };
        if starts_word {
            if t & byte::WIDE != 0 {
                Lowering::note(&mut lower, i, c, k, true);
            }
            let c_upper = k & cls::UPPER != 0;
            let mut end = i + n;
            // where the last char read starts (the char before a joiner, decoded there only)
            let mut prev = i;
            // the class bits of every char of the word so far, or'ed (a LOWER bit ends "all
            // capitals"), and twice the number of letters (the LETTER bit is 2)
            let mut seen = k;
            let mut letters2 = usize::from(k & cls::LETTER);
            while let Some(&y) = b.get(end) {
                let t = byte::CLASS[y as usize];
                if t & cls::ALNUM != 0 {
                    seen |= t;
                    letters2 += usize::from(t & cls::LETTER);
                    prev = end;
                    end += 1;
                    continue;
                }
                // (other ASCII than the joiners ends the word: see `joins_word`)
                if t & (byte::WIDE | byte::JOIN) == 0 {
                    break;
                }
                // most letters outside ASCII, known by their bytes: no decoding, nothing to note
                let m = viet_lower_len(b, end);
                if m != 0 {
                    seen |= cls::LOWER;
                    letters2 += usize::from(cls::LETTER);
                    prev = end;
                    end += m;
                    continue;
                }
                let (d, m) = if t & byte::WIDE == 0 {
                    (y as char, 1)
                } else {
                    let (d, m) = wide_at(b, end);
                    let k = class(d);
                    if k & cls::ALNUM != 0 {
                        seen |= k;
                        letters2 += usize::from(k & cls::LETTER);
                        Lowering::note(&mut lower, end, d, k, true);
                        prev = end;
                        end += m;
                        continue;
                    }
                    (d, m)
                };
                // only these can join a word (see `joins_word`): spare the look-ahead otherwise
                if matches!(d, '\'' | '’' | '&' | '.' | '-') {
                    let next = char_after(b, end + m);
                    let next2 = next.and_then(|x| char_after(b, end + m + x.len_utf8()));
                    let all_upper = c_upper && seen & cls::LOWER == 0;
                    let prev_char = char_after(b, prev).unwrap_or('\0');
                    if joins_word(prev_char, d, next, next2, all_upper) {
                        prev = end;
                        end += m;
                        continue;
                    }
                }
                break;
            }
            let case = if !c_upper {
                Case::Lower
            } else if seen & cls::LOWER == 0 && letters2 >= 4 {
                Case::Upper
            } else {
                Case::Cap
            };
            toks.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: Kind::Word(case),
            });
            i = end;
        } else if k & cls::DIGIT != 0 {
            let mut end = i + 1;
            while let Some(&d) = b.get(end) {
                if d.is_ascii_digit()
                    || ((d == b'.' || d == b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
                {
                    end += 1;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: i as u32,
                end: end as u32,
                kind: Kind::Num,
            });
            i = end;
        } else {
            if t & byte::WIDE != 0 {
                Lowering::note(&mut lower, i, c, k, false);
            }
            toks.push(Tok {
                start: i as u32,
                end: (i + n) as u32,
                kind: Kind::Punct(cell_comma(c)),
            });
            i += n;
        }
    }
    toks
}

/// A table's cell boundary pasted as text ("1 | Nguyễn Văn A | Phó Chủ tịch UBND quận")
/// separates as a comma does.
fn cell_comma(c: char) -> char {
    if c == '|' {
        ','
    } else {
        c
    }
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` (already normalized) and finds every lexicon phrase on it.
    pub fn new(text: &'a str) -> Doc<'a> {
        let lex = lexicon();
        // (non-ASCII capitals: a few per sentence)
        let mut caps = Lowering {
            at: Vec::with_capacity(text.len() / 64 + 8),
            titlecase: Vec::new(),
        };
        let toks = tokenize_lower(text, Some(&mut caps));
        // ASCII lowered in place, then the few others: whole chars of the same length, so the
        // offsets hold (and no UTF-8 validation of a byte copy is needed).
        let mut shadow = text.to_ascii_lowercase();
        write_chars(&mut shadow, &caps.at);
        let mut words: Vec<Word> = Vec::with_capacity(toks.len());
        // where the token before ends if it is a word or number token
        let mut joins_at = u32::MAX;
        for (k, t) in toks.iter().enumerate() {
            if matches!(t.kind, Kind::Punct(_)) {
                joins_at = u32::MAX;
                continue;
            }
            match words.last_mut() {
                Some(w) if joins_at == t.start => {
                    w.last = k as u32;
                    w.end = t.end;
                }
                _ => words.push(Word {
                    first: k as u32,
                    last: k as u32,
                    start: t.start,
                    end: t.end,
                    id: NONE,
                }),
            }
            joins_at = t.end;
        }
        for w in &mut words {
            let span = w.start as usize..w.end as usize;
            // (a short word as bytes: no char boundaries to check; a word's span is the text's)
            let id = match short_key(&shadow.as_bytes()[span.clone()]) {
                Some((a, n)) => lex.short.get(a, n),
                None => shadow.get(span).and_then(|s| lex.words.get(s)).copied(),
            };
            w.id = id.unwrap_or(NONE);
        }
        let hits = find_hits(lex, &toks, &words);
        // hits per start token, summed up into where each token's hits begin
        let mut mask = vec![0u8; toks.len()];
        let mut hit_start = vec![0u32; toks.len() + 1];
        for h in &hits {
            mask[h.start as usize] |= class_bit(h.class);
            hit_start[h.start as usize + 1] += 1;
        }
        let mut sum = 0;
        for n in &mut hit_start {
            sum += *n;
            *n = sum;
        }
        Doc {
            text,
            shadow,
            titlecase: caps.titlecase,
            toks,
            hits,
            hit_start,
            mask,
            lex,
        }
    }

    /// The text in lowercase, byte for byte `dates::lower_aligned(text)`: one copy for the
    /// lexicon, the dates and the events.
    pub fn into_lower(self) -> String {
        let mut lower = self.shadow;
        write_chars(&mut lower, &self.titlecase);
        lower
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Does any lexicon phrase start at token `i`?
    pub fn has_hits(&self, i: usize) -> bool {
        self.mask.get(i).is_some_and(|&m| m != 0)
    }

    /// Does a hit of class `a` or `b` start at token `i` (of any function word for a
    /// `Class::Gram`)? Answered from the class mask.
    #[inline]
    pub fn has_hit_of(&self, i: usize, a: Class, b: Class) -> bool {
        self.mask
            .get(i)
            .is_some_and(|&m| m & (class_bit(a) | class_bit(b)) != 0)
    }

    /// Does a hit of another class than `c` start at token `i`? Answered from the class mask.
    #[inline]
    pub fn has_hit_but(&self, i: usize, c: Class) -> bool {
        self.mask.get(i).is_some_and(|&m| m & !class_bit(c) != 0)
    }

    /// Hits starting at token `i`, longest first.
    pub fn hits(&self, i: usize) -> &[Hit] {
        match (self.hit_start.get(i), self.hit_start.get(i + 1)) {
            // (the table's ranges are the hits')
            (Some(&a), Some(&b)) => &self.hits[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The words of `e.canon`.
    pub fn canon_words(&self, e: &Entry) -> &'static [&'static str] {
        let (a, b) = e.canon_words;
        self.lex
            .canon_words
            .get(a as usize..b as usize)
            .unwrap_or_default()
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

    /// The longest hit of `class` at `i`. The parser asks this of most tokens and the answer
    /// is mostly "no": that test is inlined, the search is not.
    #[inline]
    pub fn class(&self, i: usize, class: Class) -> Option<(usize, &'static Entry)> {
        if self.mask.get(i).is_none_or(|m| m & class_bit(class) == 0) {
            return None;
        }
        self.class_hit(i, class)
    }

    fn class_hit(&self, i: usize, class: Class) -> Option<(usize, &'static Entry)> {
        let h = self.hits(i).iter().find(|h| h.class == class)?;
        Some((h.end as usize, self.entry(h)))
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
        self.hits(i).iter().find_map(|h| match h.class {
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
        let Some(t) = self.toks.get(i) else {
            return "";
        };
        let text = match t.kind {
            Kind::Punct(_) => self.text,
            _ => &self.shadow,
        };
        text.get(t.start as usize..t.end as usize).unwrap_or("")
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

/// Every lexicon phrase on the words of `toks`, by start token, longest first. (Out of line:
/// inside `Doc::new` the walk's state lives on the stack.)
#[inline(never)]
fn find_hits(lex: &Lexicon, toks: &[Tok], words: &[Word]) -> Vec<Hit> {
    // Hits come out by start token, then by end ascending; each start's group is put
    // longest first as it closes (equal ends keep their entry order), so no sort is needed.
    // (most words start a phrase: room for about one hit each)
    let mut hits = Vec::with_capacity(words.len());
    for (r, word) in words.iter().enumerate() {
        let Some(&root) = lex.root.get(word.id as usize) else {
            continue;
        };
        let ts = word.first;
        let group = hits.len();
        let mut node = root;
        let mut q = r;
        // the last token of word `q`, and where it ends
        let mut te = word.last as usize;
        let mut end = word.end;
        while node != NONE {
            // (the automaton this replaces saw 16 tokens back from a match's end at most)
            if te - ts as usize > 16 {
                break;
            }
            for &id in &lex.node_entries[node as usize] {
                let entry = &lex.entries[id as usize];
                if case_ok(toks, ts as usize, te, entry) {
                    hits.push(Hit {
                        start: ts,
                        end: te as u32 + 1,
                        entry: id,
                        class: entry.class,
                    });
                }
            }
            q += 1;
            let Some(next) = words.get(q) else {
                break;
            };
            // (a word no phrase continues with from here: no edge)
            if lex.next_words[node as usize] >> (next.id % 64) & 1 == 0 {
                break;
            }
            node = lex
                .edges
                .get(u64::from(node) << 32 | u64::from(next.id), next.start - end)
                .unwrap_or(NONE);
            te = next.last as usize;
            end = next.end;
        }
        // (most groups have at most one hit: in order already)
        if hits.len() > group + 1 {
            longest_first(&mut hits[group..]);
        }
    }
    hits
}

/// Hits of one start token, by end ascending, reordered by end descending; hits with the same
/// end keep their order (what a stable sort by end descending gives).
fn longest_first(hits: &mut [Hit]) {
    hits.reverse();
    let mut k = 0;
    while k < hits.len() {
        let run = hits[k..]
            .iter()
            .take_while(|h| h.end == hits[k].end)
            .count();
        hits[k..k + run].reverse();
        k += run;
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
        // (a lone capital letter reads as capitalised: "H." for "huyện")
        let initial = ts == te && toks[ts].end - toks[ts].start == 1;
        return matches!(last, Some(Case::Upper))
            || (initial && first == Some(Case::Cap))
            || (e.class == Class::Province && first != Some(Case::Lower));
    }
    if e.has(flag::LOWER) && first != Some(Case::Lower) {
        return ts == 0 || matches!(toks[ts - 1].kind, Kind::Punct('.' | '!' | '?' | ':' | ';'));
    }
    // "Ban", "Bộ", "Phòng" alone name a body only when capitalised ("ban hành", "phòng chống").
    if e.has(flag::UNIT) && ts == te && first == Some(Case::Lower) {
        return false;
    }
    match e.class {
        // (in capitals too: "đồng chí TRẦN VĂN KHOA"; names are read from capitalised words,
        // so a headline in capitals opens none)
        Class::Surname => matches!(first, Some(Case::Cap | Case::Upper)),
        Class::Province => matches!(first, Some(Case::Cap | Case::Upper)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::char_at;

    /// The tokenizer as it was before the byte table, the oracle of [`tokenize_lower`]: it
    /// notes in `lower` the non-ASCII capitals of word tokens whose lowercase keeps their UTF-8
    /// length, as (byte offset, lowercase).
    fn tokenize_lower_reference(
        text: &str,
        mut lower: Option<&mut Vec<(usize, char)>>,
    ) -> Vec<Tok> {
        let b = text.as_bytes();
        // (about one token per 4 to 5 bytes of Vietnamese: room enough not to grow)
        let mut toks = Vec::with_capacity(text.len() / 3 + 8);
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x == b' ' {
                i += 1;
                continue;
            }
            let (c, n) = char_at(text, i);
            // (one class lookup answers is_letter and is_upper)
            let k = class(c);
            let letter = k & cls::LETTER != 0;
            if letter || (!c.is_ascii() && c.is_numeric()) {
                let c_upper = k & cls::UPPER != 0;
                if c_upper && !c.is_ascii() {
                    lower_at(&mut lower, i, c);
                }
                let mut end = i + n;
                let mut prev = c;
                let mut all_upper = c_upper;
                let mut letters = usize::from(letter);
                while end < b.len() {
                    let y = b[end];
                    if y.is_ascii_alphanumeric() {
                        all_upper &= !y.is_ascii_lowercase();
                        letters += usize::from(y.is_ascii_alphabetic());
                        prev = y as char;
                        end += 1;
                        continue;
                    }
                    // (other ASCII than these ends the word: see `joins_word`)
                    if y < 0x80 && !matches!(y, b'\'' | b'&' | b'.' | b'-') {
                        break;
                    }
                    let (d, m) = char_at(text, end);
                    let k = class(d);
                    if k & (cls::WIDE | cls::ALNUM) == cls::WIDE | cls::ALNUM {
                        all_upper &= k & cls::LOWER == 0;
                        letters += usize::from(k & cls::LETTER != 0);
                        if k & cls::UPPER != 0 {
                            lower_at(&mut lower, end, d);
                        }
                        end += m;
                        prev = d;
                        continue;
                    }
                    // only these can join a word (see `joins_word`): spare the look-ahead otherwise
                    if matches!(d, '\'' | '’' | '&' | '.' | '-') {
                        let mut after = text[end + m..].chars();
                        let (next, next2) = (after.next(), after.next());
                        if joins_word(prev, d, next, next2, all_upper) {
                            end += m;
                            prev = d;
                            continue;
                        }
                    }
                    break;
                }
                let case = if !c_upper {
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
                i = end;
            } else if x.is_ascii_digit() {
                let mut end = i + 1;
                while let Some(&d) = b.get(end) {
                    let digit_after = b.get(end + 1).is_some_and(u8::is_ascii_digit);
                    if d.is_ascii_digit() || ((d == b'.' || d == b',') && digit_after) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                toks.push(Tok {
                    start: i as u32,
                    end: end as u32,
                    kind: Kind::Num,
                });
                i = end;
            } else {
                toks.push(Tok {
                    start: i as u32,
                    end: (i + n) as u32,
                    kind: Kind::Punct(cell_comma(c)),
                });
                i += n;
            }
        }
        toks
    }

    /// Notes the lowercase of the capital `c` at byte `at` when it keeps its length.
    fn lower_at(lower: &mut Option<&mut Vec<(usize, char)>>, at: usize, c: char) {
        if let Some(caps) = lower {
            let l = lower_same_len(c);
            if l != c {
                caps.push((at, l));
            }
        }
    }

    /// Texts to hold the tokenizer to its oracle: the examples corpora, the bench corpus, the
    /// example articles, the dev articles where they exist, and every char in a few contexts.
    fn sample_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            include_str!("../../benches/corpus.txt"),
            include_str!("dates.examples.tsv"),
            include_str!("events.examples.tsv"),
            include_str!("titles.examples.tsv"),
            include_str!("names.examples"),
            include_str!("normalize.examples.tsv"),
            include_str!("bylines.examples.tsv"),
            include_str!("figures.examples.tsv"),
        ]
        .iter()
        .flat_map(|t| [t.to_string(), normalize(t)])
        .collect();
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/tests/articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.push(format!("{root}/../shared/eval/dev.json").into());
        for f in files {
            let Ok(json) = std::fs::read_to_string(&f) else {
                continue;
            };
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            let items = v.as_array().cloned().unwrap_or_else(|| vec![v]);
            for x in items {
                if let Some(t) = x.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                    texts.push(normalize(t));
                }
            }
        }
        texts
    }

    fn contexts(c: char) -> [String; 10] {
        [
            format!("{c}"),
            format!("a{c}b"),
            format!("A{c}B"),
            format!("AB{c}"),
            format!("A.{c}"),
            format!("AB-{c}C"),
            format!("{c}-AB"),
            format!("x'{c}"),
            format!("1{c}"),
            format!("Ư{c}Ơ -{c}"),
        ]
    }

    fn assert_same_tokens(t: &str) {
        let key = |v: Vec<Tok>| {
            v.iter()
                .map(|t| (t.start, t.end, t.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            key(tokenize(t)),
            key(tokenize_lower_reference(t, None)),
            "{t:?}"
        );
    }

    /// The lowercase copy is `dates::lower_aligned`'s, and the words read in it as the former
    /// shadow (capitals of words lowered, nothing else) read them.
    fn assert_same_lowercase(t: &str) {
        let d = Doc::new(t);
        let mut caps = Vec::new();
        tokenize_lower_reference(t, Some(&mut caps));
        let mut shadow = t.to_ascii_lowercase();
        for (at, l) in caps {
            let mut buf = [0u8; 4];
            shadow.replace_range(at..at + l.len_utf8(), l.encode_utf8(&mut buf));
        }
        for i in 0..d.len() {
            if !matches!(d.toks[i].kind, Kind::Punct(_)) {
                let (a, b) = (d.toks[i].start as usize, d.toks[i].end as usize);
                assert_eq!(d.lower(i), &shadow[a..b], "{t:?}");
            }
        }
        assert_eq!(
            d.into_lower(),
            crate::extract::dates::lower_aligned(t),
            "{t:?}"
        );
    }

    #[test]
    fn tokens_as_the_reference_reads_them() {
        for t in sample_texts() {
            assert_same_tokens(&t);
            assert_same_lowercase(&t);
        }
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for t in contexts(c) {
                assert_same_tokens(&t);
            }
        }
    }

    #[test]
    fn lowercase_as_the_dates_read_it() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            // (a Doc per text: a few of the contexts)
            for t in &contexts(c)[..4] {
                assert_same_lowercase(t);
            }
        }
        // a titlecase letter: lowered for the dates, as written in the lexicon's words
        let d = Doc::new("ǅa Ǆ");
        assert_eq!(d.lower(0), "ǅa");
        assert_eq!(d.into_lower(), "ǆa ǆ");
    }

    #[test]
    fn lowercase_letters_by_their_bytes() {
        let mut seen = 0;
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let n = viet_lower_len(b, 0);
            if n != 0 {
                seen += 1;
                assert_eq!(n, b.len(), "{c:?}");
                let bits = cls::ALNUM | cls::LETTER | cls::UPPER | cls::LOWER;
                assert_eq!(
                    class(c) & bits,
                    cls::ALNUM | cls::LETTER | cls::LOWER,
                    "{c:?}"
                );
            }
        }
        assert!(seen > 100);
        for c in "ạỹàáâãèéêìíòóôõùúýăđĩũơưẁ".chars() {
            let mut buf = [0u8; 4];
            assert_ne!(
                viet_lower_len(c.encode_utf8(&mut buf).as_bytes(), 0),
                0,
                "{c}"
            );
        }
    }

    #[test]
    fn short_keys_are_one_to_one() {
        let lex = lexicon();
        for (w, &id) in &lex.words {
            if let Some((a, n)) = short_key(w.as_bytes()) {
                assert_eq!(lex.short.get(a, n), Some(id), "{w}");
            }
        }
        // every slot filled is one word: no two words share a key
        let short = lex.words.keys().filter(|w| w.len() <= 8).count();
        assert_eq!(lex.short.slots.iter().filter(|s| s.1 != 0).count(), short);
        assert_eq!(short_key(b"ab"), Some((0x0062_6261, 2)));
        assert_ne!(short_key(b"abcdefg"), short_key(b"abcdeffg"));
        assert_eq!(short_key(b""), None);
        assert_eq!(short_key(b"abcdefghi"), None);
    }

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
