//! Stable sorting through one shared copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparator, so each call site compiles
//! its own copy of the whole sort (driftsort, its quicksort and small sorts: several KB of wasm
//! each). The record and view code sorts many kinds of rows in many orders; here each call
//! sorts a list of positions with a comparator behind `&mut dyn FnMut`, so the sort itself is
//! compiled once, and only the small permutation step is generic. Same result as
//! `slice::sort_by` (stable), at the cost of an indirect call per comparison: fine for the
//! record layer's lists and for the extractor's few sorts (lexicons sorted once, a document's
//! date candidates), not for an inner loop.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` stably by `cmp`, as [`slice::sort_by`] does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    // Positions fit in u32: no list sorted here comes near 4 billion rows.
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &mut order);
}

/// Sorts `v` stably by the key `f` gives, as [`slice::sort_by_key`] does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` stably by a key computed once per element, as [`slice::sort_by_cached_key`] does.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], f: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(f).collect();
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &mut |a, b| {
        keys[a as usize].cmp(&keys[b as usize])
    });
    permute(v, &mut order);
}

/// Sorts and removes consecutive duplicates, as `sort` then `dedup` do.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// A set of the items, as `collect::<BTreeSet<_>>()` makes it, but by insertion: collecting
/// sorts a vector first, an instantiation of the standard sort per item type.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}

/// A map of the pairs, as `collect::<BTreeMap<_, _>>()` makes it (the last value of a repeated
/// key wins), but by insertion, for the same reason as [`set`].
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    m
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves `v[order[i]]` to position `i` for every `i`, in place, following each cycle of the
/// permutation once; `order` is consumed (each visited entry is set to its own position).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stable_like_the_standard_sort() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn dedup_after_sort() {
        let mut v = vec!["b", "a", "b", "c", "a"];
        sort_dedup(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
    }

    proptest! {
        #[test]
        fn agrees_with_slice_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std);
            let mut cached = v.clone();
            sort_by_cached_key(&mut cached, |p| std::cmp::Reverse(p.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(cached, std);
        }
    }
}
