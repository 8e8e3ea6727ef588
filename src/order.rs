//! Sorting through one instantiation of std's sort for the whole crate.
//!
//! Each `sort_by`/`sort_by_key` call on a new element type or comparator
//! makes the compiler emit another copy of std's sort (about 2 KB of wasm
//! gzipped each). Here the sort itself works on indices with a comparator
//! behind `&dyn`, so it is compiled once; only a small permutation step is
//! generic. The order is stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in the order `compare` puts them, ties by index.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Moves the item at `order[k]` to position `k`, for every `k` (`order` is a
/// permutation of the indices of `items`), following each cycle once.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            // `at` takes its item; the one that was at `start` moves on to `from`.
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut words = vec![("pear", 2), ("fig", 1), ("apple", 2), ("kiwi", 1), ("plum", 3)];
        sort_by_key(&mut words, |w| w.1);
        assert_eq!(words, [("fig", 1), ("kiwi", 1), ("pear", 2), ("apple", 2), ("plum", 3)]);
        sort_by(&mut words, |a, b| b.0.cmp(a.0));
        assert_eq!(words.iter().map(|w| w.0).collect::<Vec<_>>(), ["plum", "pear", "kiwi", "fig", "apple"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_std_stable_sort(items in proptest::collection::vec((0u8..6, proptest::prelude::any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |i| i.0);
            let mut std = items;
            std.sort_by_key(|i| i.0);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
