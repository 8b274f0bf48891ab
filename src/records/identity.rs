//! Who is who: mentions of one name are one person when their contexts agree.
//!
//! Real articles name different people alike (two Nguyễn Thành Tâm, in two provinces), and the
//! same person in several provinces over a career. The rule, for mentions with the same folded
//! name:
//!
//! 1. mentions with a province in common are one person;
//! 2. mentions sharing a national body (Bộ Chính trị, a ministry) are one person, unless that
//!    joins two different provinces;
//! 3. what is left without any province joins the only provincial person of that name, if
//!    there is exactly one; otherwise those mentions are one person together, apart from the
//!    provincial ones (an unplaced "Nguyễn Văn Hùng" is not guessed into one of three
//!    provinces).
//!
//! Conflicting provinces therefore always give different people; the user merges them when
//! they are one (a transfer), and splits what this rule joined wrongly.

use super::sort;
use std::collections::{BTreeMap, BTreeSet};

/// What a mention says about who it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionContext {
    /// The folded name.
    pub name: String,
    /// Provinces of the posts of this mention (sorted, distinct).
    pub provinces: Vec<&'static str>,
    /// Keys of the national bodies of its posts.
    pub orgs: Vec<String>,
}

/// A cluster label for each mention: equal labels, same person. Deterministic.
pub fn cluster(mentions: &[MentionContext]) -> Vec<usize> {
    let mut uf = UnionFind::new(mentions.len());
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        by_name.entry(m.name.as_str()).or_default().push(i);
    }
    let mut provinces: Vec<BTreeSet<&'static str>> = mentions
        .iter()
        .map(|m| sort::set(m.provinces.iter().copied()))
        .collect();

    for group in by_name.values() {
        // 1. A province in common.
        let mut first_with: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in group {
            for p in &mentions[m].provinces {
                match first_with.get(p) {
                    Some(&f) => union(&mut uf, &mut provinces, f, m),
                    None => {
                        first_with.insert(p, m);
                    }
                }
            }
        }
        // 2. A national body in common, where provinces allow.
        let mut with_org: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &m in group {
            for o in &mentions[m].orgs {
                with_org.entry(o.as_str()).or_default().push(m);
            }
        }
        for ms in with_org.values() {
            for &m in &ms[1..] {
                let (a, b) = (uf.find(ms[0]), uf.find(m));
                let (pa, pb) = (&provinces[a], &provinces[b]);
                if pa.is_empty() || pb.is_empty() || !pa.is_disjoint(pb) {
                    union(&mut uf, &mut provinces, a, b);
                }
            }
        }
        // 3. The unplaced.
        let mut roots: Vec<usize> = group.iter().map(|&m| uf.find(m)).collect();
        sort::sort_dedup(&mut roots);
        let (placed, unplaced): (Vec<usize>, Vec<usize>) =
            roots.into_iter().partition(|&r| !provinces[r].is_empty());
        let target = match placed.as_slice() {
            [only] => Some(*only),
            _ => unplaced.first().copied(),
        };
        if let Some(t) = target {
            for u in unplaced {
                union(&mut uf, &mut provinces, t, u);
            }
        }
    }
    (0..mentions.len()).map(|i| uf.find(i)).collect()
}

fn union(uf: &mut UnionFind, provinces: &mut [BTreeSet<&'static str>], a: usize, b: usize) {
    let (ra, rb) = (uf.find(a), uf.find(b));
    if ra == rb {
        return;
    }
    let root = uf.union(ra, rb);
    let other = if root == ra { rb } else { ra };
    let moved = std::mem::take(&mut provinces[other]);
    provinces[root].extend(moved);
}

/// Union-find with path halving; the smaller index is the root, so labels are deterministic.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two roots; returns the new root.
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (root, child) = if a < b { (a, b) } else { (b, a) };
        self.parent[child] = root;
        root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, provinces: &[&'static str], orgs: &[&str]) -> MentionContext {
        MentionContext {
            name: name.to_string(),
            provinces: provinces.to_vec(),
            orgs: orgs.iter().map(|o| o.to_string()).collect(),
        }
    }

    /// Mentions → which of them are one person (same letter, same person).
    #[test]
    fn resolves_identity_from_name_and_context() {
        let cases: &[(&str, Vec<MentionContext>, &str)] = &[
            (
                "same name, same province",
                vec![m("a", &["Nam Định"], &[]), m("a", &["Nam Định"], &[])],
                "xx",
            ),
            (
                "same name, two provinces",
                vec![m("a", &["Tây Ninh"], &[]), m("a", &["Hà Nội"], &[])],
                "xy",
            ),
            (
                "different names",
                vec![m("a", &["Nam Định"], &[]), m("b", &["Nam Định"], &[])],
                "xy",
            ),
            (
                "unplaced joins the only provincial one",
                vec![
                    m("a", &["Nam Định"], &[]),
                    m("a", &[], &[]),
                    m("a", &["Nam Định"], &[]),
                ],
                "xxx",
            ),
            (
                "unplaced stays apart from two provinces",
                vec![
                    m("a", &["Tây Ninh"], &[]),
                    m("a", &[], &[]),
                    m("a", &["Hà Nội"], &[]),
                    m("a", &[], &[]),
                ],
                "xyzy",
            ),
            (
                "a mention in two provinces bridges them",
                vec![
                    m("a", &["Tây Ninh"], &[]),
                    m("a", &["Hà Nội"], &[]),
                    m("a", &["Hà Nội", "Tây Ninh"], &[]),
                ],
                "xxx",
            ),
            (
                "a national body joins the unplaced to a province",
                vec![
                    m("a", &["Vĩnh Phúc"], &["bo ld"]),
                    m("a", &[], &["bo ld"]),
                    m("a", &["Hà Nội"], &[]),
                ],
                "xxy",
            ),
            (
                "a national body does not join two provinces",
                vec![
                    m("a", &["Vĩnh Phúc"], &["qh"]),
                    m("a", &["Hà Nội"], &["qh"]),
                ],
                "xy",
            ),
        ];
        for (what, mentions, want) in cases {
            let labels = cluster(mentions);
            let mut names: BTreeMap<usize, char> = BTreeMap::new();
            let got: String = labels
                .iter()
                .map(|l| {
                    let n = names.len();
                    *names.entry(*l).or_insert((b'x' + n as u8) as char)
                })
                .collect();
            assert_eq!(&got, want, "{what}");
        }
    }
}
