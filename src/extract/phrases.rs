//! Finding a few dozen fixed phrases in a short stretch of text (an event's headline and lead, a
//! page's first lines): the event-kind cues, the heads of holding bodies, English month names.
//! The stretches are bounded, so a scan that tries, at each character, the phrases starting with
//! its first byte is as fast as an automaton there, and costs the bundle nothing.

/// A set of phrases, matched byte for byte (lowercase ones in a lowercased text).
pub struct Phrases {
    phrases: Vec<String>,
    /// Phrase indexes by first byte, longest first.
    by_first: Vec<Vec<u32>>,
}

/// An occurrence: which phrase (its index in the set), and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let phrases: Vec<String> = phrases.into_iter().map(str::to_string).collect();
        let mut by_first = vec![Vec::new(); 256];
        // (An empty phrase is kept, so indexes stay those of the caller's list, but never found.)
        for (i, p) in phrases.iter().enumerate() {
            if let Some(&b) = p.as_bytes().first() {
                by_first[usize::from(b)].push(i as u32);
            }
        }
        for list in &mut by_first {
            list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].len()));
        }
        Phrases { phrases, by_first }
    }

    pub fn get(&self, phrase: usize) -> &str {
        &self.phrases[phrase]
    }

    /// The phrases starting at byte `at` of `hay`, longest first.
    fn at<'s>(&'s self, hay: &'s str, at: usize) -> impl Iterator<Item = Found> + 's {
        let rest = &hay.as_bytes()[at..];
        self.by_first[usize::from(rest[0])]
            .iter()
            .map(|&i| i as usize)
            .filter(move |&i| rest.starts_with(self.phrases[i].as_bytes()))
            .map(move |i| Found {
                phrase: i,
                start: at,
                end: at + self.phrases[i].len(),
            })
    }

    /// Every occurrence of every phrase, overlapping ones included, in order of where they end
    /// (shorter first among those ending together).
    pub fn overlapping(&self, hay: &str) -> Vec<Found> {
        let mut out: Vec<Found> = (0..hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .flat_map(|i| self.at(hay, i))
            .collect();
        out.sort_by_key(|f| (f.end, std::cmp::Reverse(f.start)));
        out
    }

    /// Occurrences that do not overlap, leftmost first, the longest phrase at each start.
    pub fn leftmost_longest<'s>(&'s self, hay: &'s str) -> impl Iterator<Item = Found> + 's {
        let mut from = 0;
        std::iter::from_fn(move || {
            while from < hay.len() {
                let i = from;
                from += 1;
                if !hay.is_char_boundary(i) {
                    continue;
                }
                if let Some(f) = self.at(hay, i).next() {
                    from = f.end;
                    return Some(f);
                }
            }
            None
        })
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
}
