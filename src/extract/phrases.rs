//! Finding a few dozen fixed phrases in a short stretch of text (an event's headline and lead):
//! the event-kind cues, the heads of holding bodies. The stretches are bounded, so a scan that
//! tries, at each byte, the phrases starting with its two bytes is as fast as an automaton there,
//! and costs the bundle nothing. Each phrase keeps its first eight bytes as a word, so most
//! candidates are rejected by one comparison, without a `memcmp`.

/// A set of phrases, matched byte for byte (lowercase ones in a lowercased text).
pub struct Phrases {
    phrases: Vec<String>,
    /// Candidates grouped by the bucket of their first two bytes, longest first within a
    /// bucket (a one-byte phrase sits in every bucket of its byte).
    entries: Vec<Entry>,
    /// The group of each bucket: `entries[buckets[h].0..buckets[h].1]`.
    buckets: Box<[(u32, u32); BUCKETS]>,
    /// Per bucket, the [`third_fourth`] values its phrases can have: a place whose first two
    /// bytes share a bucket with some phrase (as "th", "hộ" do with many words) is mostly
    /// turned away by one bit. Phrases of fewer than four bytes take every value.
    third_fourth: Box<[u64; BUCKETS]>,
    /// Whether some phrase opens with an ASCII byte that is no letter or digit (a space, a
    /// bracket...): if none does, word starts are only tried at letters, digits and non-ASCII
    /// chars.
    punct_starts: bool,
}

const BUCKETS: usize = 1024;

/// The bucket of a place whose first two bytes are `b0`, `b1` (`b1` is 0 past the end: phrases
/// hold no NUL, so only one-byte ones are found there).
#[inline(always)]
fn bucket(b0: u8, b1: u8) -> usize {
    (usize::from(b0) * 61 + usize::from(b1)) % BUCKETS
}

/// Bytes 2 and 3 of the eight bytes `w` (as [`eight_bytes_at`] reads them) as one of 64 values.
#[inline(always)]
fn third_fourth(w: u64) -> u32 {
    ((w >> 16) as u8 as u32 * 31 + (w >> 24) as u8 as u32) % 64
}

/// A phrase's first eight bytes, as a little-endian word and the mask of its bytes.
#[derive(Debug, Clone, Copy)]
struct Entry {
    prefix: u64,
    mask: u64,
    phrase: u32,
}

/// An occurrence: which phrase (its index in the set), and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter or digit.
fn ascii_alnum(x: u64) -> u64 {
    // Per byte, with its high bit clear (no carry crosses bytes): `t + (0x80 - lo)` has its high
    // bit set when `t >= lo`.
    let at_least = |t: u64, lo: u8| t + ONES * (0x80 - u64::from(lo));
    let t = x & !HIGH;
    let digit = at_least(t, b'0') & !at_least(t, b'9' + 1);
    let folded = t | (ONES * 0x20); // 'A'..='Z' onto 'a'..='z'
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & !x & HIGH
}

/// The eight bytes of `b` from `at`, zero-padded past its end.
#[inline]
pub(crate) fn eight_bytes_at(b: &[u8], at: usize) -> u64 {
    if let Some(w) = b.get(at..at + 8) {
        return u64::from_le_bytes(w.try_into().unwrap_or_default());
    }
    let mut w = [0u8; 8];
    let n = (b.len() - at).min(8);
    w[..n].copy_from_slice(&b[at..at + n]);
    u64::from_le_bytes(w)
}

/// Where `needle` first occurs in `hay`, as `hay.find(needle)` says. For the rules' short
/// haystacks (a line, a sentence) and fixed needles: `str::find` and `contains` build a Two-Way
/// searcher on every call, which costs more than the search itself there. This one looks for
/// the needle's first byte that is not a space (spaces are everywhere) with `memchr`, and
/// compares the rest there. (A match of the whole needle starts at a char boundary: a needle
/// opens with a lead byte.)
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last = h.len().checked_sub(n.len())?;
    let Some(k) = n.iter().position(|&b| b != b' ') else {
        return hay.find(needle);
    };
    memchr::memchr_iter(n[k], &h[k..last + k + 1]).find(|&p| &h[p..p + n.len()] == n)
}

/// The starts of the non-overlapping occurrences of a non-empty `needle` in `hay`, as
/// `hay.match_indices(needle)` gives them ([`find_str`]).
pub(crate) fn find_all_str<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = from + find_str(hay.get(from..)?, needle)?;
        from = p + needle.len().max(1);
        Some(p)
    })
}

/// Whether `needle` occurs in `hay` ([`find_str`]).
pub(crate) fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let phrases: Vec<String> = phrases.into_iter().map(str::to_string).collect();
        // (An empty phrase is kept, so indexes stay those of the caller's list, but never found.)
        let mut order: Vec<u32> = (0..phrases.len() as u32)
            .filter(|&i| !phrases[i as usize].is_empty())
            .collect();
        crate::sort::sort_by_key(&mut order, |&i| {
            std::cmp::Reverse(phrases[i as usize].len())
        });
        let mut lists = vec![Vec::new(); BUCKETS];
        for &i in &order {
            let p = phrases[i as usize].as_bytes();
            match p.get(1) {
                Some(&b1) => lists[bucket(p[0], b1)].push(i),
                None => {
                    for b1 in 0..=255 {
                        let list = &mut lists[bucket(p[0], b1)];
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        let mut buckets = Box::new([(0u32, 0u32); BUCKETS]);
        let mut third_fourths = Box::new([0u64; BUCKETS]);
        let mut entries = Vec::new();
        for (h, list) in lists.iter().enumerate() {
            for &i in list {
                let p = phrases[i as usize].as_bytes();
                third_fourths[h] |= match p.get(3) {
                    Some(_) => 1 << third_fourth(eight_bytes_at(p, 0)),
                    None => u64::MAX,
                };
            }
            let start = entries.len() as u32;
            entries.extend(list.iter().map(|&i| {
                let p = phrases[i as usize].as_bytes();
                let n = p.len().min(8);
                Entry {
                    prefix: eight_bytes_at(&p[..n], 0),
                    mask: u64::MAX >> (8 * (8 - n)),
                    phrase: i,
                }
            }));
            buckets[h] = (start, entries.len() as u32);
        }
        let punct_starts = phrases
            .iter()
            .filter_map(|p| p.bytes().next())
            .any(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
        Phrases {
            phrases,
            entries,
            buckets,
            third_fourth: third_fourths,
            punct_starts,
        }
    }

    pub fn get(&self, phrase: usize) -> &str {
        &self.phrases[phrase]
    }

    /// Calls `f` with the phrases starting at byte `at` of `hay`, longest first, until it
    /// returns `false`. (A phrase starts with a char's first byte, so it only matches where a
    /// char starts.)
    #[inline(always)] // a call per byte would cost more than the test it makes
    fn each_at(&self, hay: &[u8], at: usize, mut f: impl FnMut(Found) -> bool) {
        let w = eight_bytes_at(hay, at);
        let h = bucket(w as u8, (w >> 8) as u8);
        let (s, e) = self.buckets[h];
        if s == e || self.third_fourth[h] >> third_fourth(w) & 1 == 0 {
            return;
        }
        for entry in &self.entries[s as usize..e as usize] {
            if (w ^ entry.prefix) & entry.mask != 0 {
                continue;
            }
            let p = self.phrases[entry.phrase as usize].as_bytes();
            if at + p.len() > hay.len() || (p.len() > 8 && !hay[at..].starts_with(p)) {
                continue;
            }
            let found = Found {
                phrase: entry.phrase as usize,
                start: at,
                end: at + p.len(),
            };
            if !f(found) {
                return;
            }
        }
    }

    /// Every occurrence of every phrase, overlapping ones included, by where they start (the
    /// longest first among those starting together).
    pub fn for_each(&self, hay: &str, mut f: impl FnMut(Found)) {
        let b = hay.as_bytes();
        for at in 0..b.len() {
            self.each_at(b, at, |found| {
                f(found);
                true
            });
        }
    }

    /// Like [`Phrases::for_each`], but only where no ASCII letter or digit comes right before:
    /// what a caller that wants whole words would keep (it still checks other letters).
    pub fn for_each_word_start(&self, hay: &str, mut f: impl FnMut(Found)) {
        let b = hay.as_bytes();
        let mut emit = |at: usize| {
            self.each_at(b, at, |found| {
                f(found);
                true
            })
        };
        // Eight bytes at a time: the bytes whose previous byte is no ASCII letter or digit.
        let mut at = 0;
        let mut prev_alnum = 0u64; // the high bit set when the byte before `at` is one
        while let Some(chunk) = b.get(at..at + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let alnum = ascii_alnum(x);
            // No phrase starts with a continuation byte (0b10xxxxxx).
            let continuation = x & !(x << 1);
            let mut starts = !((alnum << 8) | prev_alnum | continuation) & HIGH;
            if !self.punct_starts {
                starts &= alnum | x; // a letter, a digit or a non-ASCII lead byte
            }
            while starts != 0 {
                emit(at + starts.trailing_zeros() as usize / 8);
                starts &= starts - 1;
            }
            prev_alnum = alnum >> 56;
            at += 8;
        }
        for at in at..b.len() {
            let first_ok = self.punct_starts || !b[at].is_ascii() || b[at].is_ascii_alphanumeric();
            if first_ok && (at == 0 || !b[at - 1].is_ascii_alphanumeric()) {
                emit(at);
            }
        }
    }

    /// Every occurrence of every phrase, overlapping ones included, in order of where they end
    /// (shorter first among those ending together).
    pub fn overlapping(&self, hay: &str) -> Vec<Found> {
        let mut out = Vec::new();
        self.for_each(hay, |f| out.push(f));
        out.sort_by_key(|f| (f.end, std::cmp::Reverse(f.start)));
        out
    }

    /// Occurrences that do not overlap, leftmost first, the longest phrase at each start.
    pub fn leftmost_longest<'s>(&'s self, hay: &'s str) -> impl Iterator<Item = Found> + 's {
        let b = hay.as_bytes();
        // Places are tried eight bytes at a time, only where a phrase can start.
        let mut next = 0; // where the next chunk starts
        let mut pending = 0u64; // the places left to try in the chunk before `next`
        std::iter::from_fn(move || loop {
            if pending == 0 {
                if next >= b.len() {
                    return None;
                }
                pending = self.possible_starts(b, next);
                next += 8;
                continue;
            }
            let at = next - 8 + pending.trailing_zeros() as usize / 8;
            pending &= pending - 1;
            let mut first = None;
            self.each_at(b, at, |found| {
                first = Some(found);
                false
            });
            if let Some(f) = first {
                // Go on from its end.
                if f.end >= next {
                    (next, pending) = (f.end, 0);
                } else {
                    pending &= u64::MAX << (8 * (f.end + 8 - next));
                }
                return Some(f);
            }
        })
    }

    /// The high bit of each byte of `b[at..at + 8]` where a phrase may start: no continuation
    /// byte, and no ASCII punctuation or space unless some phrase opens with one.
    fn possible_starts(&self, b: &[u8], at: usize) -> u64 {
        let x = eight_bytes_at(b, at);
        let continuation = x & !(x << 1);
        let first_ok = if self.punct_starts {
            HIGH
        } else {
            ascii_alnum(x) | x
        };
        let in_range = match b.len() - at {
            n @ 0..=7 => (1u64 << (8 * n)) - 1,
            _ => u64::MAX,
        };
        first_ok & !continuation & in_range & HIGH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_as_an_automaton_would() {
        let p = Phrases::new([
            "quốc hội",
            "ủy ban thường vụ quốc hội",
            "hội nghị",
            "hội",
            "",
        ]);
        let hay = "ủy ban thường vụ quốc hội họp hội nghị";
        let ll: Vec<&str> = p.leftmost_longest(hay).map(|f| p.get(f.phrase)).collect();
        assert_eq!(ll, ["ủy ban thường vụ quốc hội", "hội nghị"]);
        let all: Vec<(&str, usize)> = p
            .overlapping(hay)
            .iter()
            .map(|f| (p.get(f.phrase), f.start))
            .collect();
        let q = hay.find("quốc").unwrap();
        let h = hay.find("hội nghị").unwrap();
        assert_eq!(
            all,
            [
                ("hội", q + "quốc ".len()),
                ("quốc hội", q),
                ("ủy ban thường vụ quốc hội", 0),
                ("hội", h),
                ("hội nghị", h),
            ]
        );
        assert!(p.overlapping("").is_empty());
    }

    #[test]
    fn leftmost_longest_as_a_plain_scan() {
        let pieces = [
            "hội", "quốc", " ", "ộ", "a", "(", "ban", "ủy", ".", "\n", "đồng",
        ];
        let sets: [&[&str]; 2] = [
            &["quốc hội", "hội", "ủy ban", "ban", "a", "hội đồng", "ộ"],
            &["(a", " ban", "hội", "ban", ".", "quốc"],
        ];
        let mut seed = 7u64;
        for phrases in sets {
            let p = Phrases::new(phrases.iter().copied());
            for n in 0..3000 {
                let mut hay = String::new();
                for _ in 0..n % 40 {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    hay.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                // At each place, the longest phrase there (the first listed of equals); then
                // on from its end.
                let mut want = Vec::new();
                let mut at = 0;
                while at < hay.len() {
                    let best = (0..phrases.len())
                        .filter(|&i| hay.as_bytes()[at..].starts_with(phrases[i].as_bytes()))
                        .max_by_key(|&i| (phrases[i].len(), std::cmp::Reverse(i)));
                    match best {
                        Some(i) => {
                            want.push((i, at));
                            at += phrases[i].len();
                        }
                        None => at += 1,
                    }
                }
                let got: Vec<(usize, usize)> = p
                    .leftmost_longest(&hay)
                    .map(|f| (f.phrase, f.start))
                    .collect();
                assert_eq!(got, want, "{hay:?}");
            }
        }
    }

    #[test]
    fn word_starts() {
        let hay = "hội nghị họp; (họp)ahội1 a1 bhội “hội” họp\nhội1a (a ,hội";
        for p in [
            Phrases::new(["hội", "họp", "a", "1"]),
            Phrases::new(["hội", "(a", " họp", ",", "“"]),
        ] {
            let mut all = Vec::new();
            p.for_each(hay, |f| all.push(f));
            let b = hay.as_bytes();
            all.retain(|f| f.start == 0 || !b[f.start - 1].is_ascii_alphanumeric());
            let mut starts = Vec::new();
            p.for_each_word_start(hay, |f| starts.push(f));
            assert_eq!(starts, all);
        }
        for byte in 0..=255u8 {
            let x = u64::from(byte) << 24;
            assert_eq!(ascii_alnum(x) != 0, byte.is_ascii_alphanumeric(), "{byte}");
        }
    }

    #[test]
    fn find_str_as_str_find() {
        let hays = [
            "",
            " ",
            "Trang chủ > Thời sự › Chính trị » Tin",
            "Ngọc Anh | 10/07/2025 15:20",
            "Thanh Hà - 10:15 03/03/2025 – a  -  b",
            "Bộ trưởng Bộ Công an, Sở Nội vụ",
            "Cập nhật: 10/07 cập nhật CẬP NHẬT",
        ];
        let needles = [
            "",
            " ",
            "  ",
            " > ",
            " › ",
            " » ",
            " | ",
            " - ",
            " – ",
            "Bộ",
            "Sở",
            "Cập nhật",
            "cập nhật",
            "CẬP NHẬT",
            "a",
            "b ",
            "Tin",
            "15:20",
            "x",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
                for (i, _) in h.char_indices() {
                    assert_eq!(find_str(&h[i..], n), h[i..].find(n), "{h:?} {i} {n:?}");
                }
            }
        }
    }
}
