//! Small text helpers shared by the notes engine: article ids, whitespace
//! folding, char-safe slicing, and a cheap similarity of two texts.
//!
//! Every function here works on any `&str` and never panics: slices are always
//! cut on `char` boundaries.

/// FNV-1a, 64 bit: a tiny, stable hash (the same in every build and browser).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_parts(&[bytes])
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a 64 hash.
fn fnv1a64_step(hash: u64, b: u8) -> u64 {
    (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// [`fnv1a64`] of the concatenation of `parts`.
fn fnv1a64_parts(parts: &[&[u8]]) -> u64 {
    parts.iter().flat_map(|p| p.iter()).fold(FNV_OFFSET, |hash, &b| fnv1a64_step(hash, b))
}

/// Sorts `v` stably by `cmp`. Every sort of the notes engine goes through
/// here: each distinct `sort_by` puts another copy of the sort algorithm into
/// the wasm, while this one sorts indices with a `dyn` comparator (one copy).
pub fn sort_with<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// The text with every run of whitespace turned into one space, trimmed:
/// what [`article_id`] hashes (it does so without building it).
#[cfg(test)]
fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The id of an article: FNV-1a 64 of its text with every run of whitespace
/// turned into one space and trimmed, as 16 hex digits. Pasting the same article again
/// (even re-wrapped) gives the same id. Hashed in one pass over the chars,
/// without building the folded text: 1 MB takes a few ms in the browser
/// (`split_whitespace` and the copy took ~125 ms there).
pub fn article_id(text: &str) -> String {
    let mut hash = FNV_OFFSET;
    let mut started = false;
    let mut gap = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            gap = started;
            continue;
        }
        if gap {
            hash = fnv1a64_step(hash, b' ');
            gap = false;
        }
        for &b in &text.as_bytes()[i..i + c.len_utf8()] {
            hash = fnv1a64_step(hash, b);
        }
        started = true;
    }
    format!("{hash:016x}")
}

/// The last `n` chars of `s`.
pub fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The first `n` chars of `s`.
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// How many chars `a` and `b` share at their ends (`"xyz"`, `"ayz"` → 2).
pub fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// How many chars `a` and `b` share at their starts (`"abc"`, `"abd"` → 2).
pub fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The largest char boundary of `s` that is `<= i` (`s.len()` if `i` is past the end).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// The smallest char boundary of `s` that is `>= i` (`s.len()` if `i` is past the end).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (i..=s.len()).find(|&j| s.is_char_boundary(j)).unwrap_or(s.len())
}

/// `s` cut to at most `max` chars, with "…" when something was cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    let head = first_chars(s, max);
    if head.len() == s.len() {
        head.to_string()
    } else {
        format!("{}…", head.trim_end())
    }
}

/// Hashes of the word 3-grams of a text (sorted, without repeats): a
/// fingerprint for [`similarity`]. Texts of fewer than three words give one
/// hash of all their words.
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Pairs, to share the crate's one sort ([`crate::sheet::sort_keys`]).
    let mut keys: Vec<(u64, u64)> = if words.len() < 3 {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![(fnv1a64(words.join(" ").as_bytes()), 0)]
        }
    } else {
        // The hash of `w.join(" ")`, without building the string.
        words
            .windows(3)
            .map(|w| (fnv1a64_parts(&[w[0].as_bytes(), b" ", w[1].as_bytes(), b" ", w[2].as_bytes()]), 0))
            .collect()
    };
    crate::sheet::sort_keys(&mut keys);
    let mut out: Vec<u64> = keys.into_iter().map(|k| k.0).collect();
    out.dedup();
    out
}

/// Jaccard similarity (0.0 to 1.0) of two [`shingles`] fingerprints.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    shared as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn article_id_is_the_hash_of_the_folded_text() {
        for text in ["", "   ", "a", " Hamas said\n\nno.  ", "x\u{a0}y\u{2003}z\u{b}w", "Café  «Non»\t—\r\nfin"] {
            assert_eq!(article_id(text), format!("{:016x}", fnv1a64(fold_whitespace(text).as_bytes())), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn article_id_agrees_with_hashing_the_folded_text(text in "[ a\\t\\n\u{a0}\u{3000}é«»-]{0,40}") {
            proptest::prop_assert_eq!(article_id(&text), format!("{:016x}", fnv1a64(fold_whitespace(&text).as_bytes())));
        }
    }

    #[test]
    fn article_id_ignores_how_the_text_is_wrapped() {
        let a = article_id("Hamas said\n\nno.  ");
        assert_eq!(a, article_id("  Hamas said no."));
        assert_eq!(a.len(), 16);
        assert_ne!(a, article_id("Hamas said yes."));
    }

    #[test]
    fn char_slicing_respects_multibyte_chars() {
        assert_eq!(last_chars("a—b€", 2), "b€");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(first_chars("€uro", 1), "€");
        assert_eq!(first_chars("ab", 9), "ab");
        assert_eq!(floor_boundary("a€", 2), 1);
        assert_eq!(ceil_boundary("a€", 2), 4);
        assert_eq!(ceil_boundary("a€", 99), 4);
        assert_eq!(ellipsize("one two three", 7), "one two…");
        assert_eq!(ellipsize("short", 7), "short");
    }

    #[test]
    fn common_affixes_count_chars() {
        assert_eq!(common_suffix_chars("the captives—", "held captives—"), 10);
        assert_eq!(common_prefix_chars("€ab", "€ac"), 2);
        assert_eq!(common_prefix_chars("", "x"), 0);
    }

    #[test]
    fn sort_with_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_with(&mut v, &|x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_with(&mut empty, &|x, y| x.cmp(y));
        assert!(empty.is_empty());
    }

    #[test]
    fn shingles_hash_the_joined_words() {
        let expected = fnv1a64(b"one two three");
        assert!(shingles("one  two\nthree").contains(&expected));
        assert_eq!(fnv1a64_parts(&[b"one", b" ", b"two"]), fnv1a64(b"one two"));
    }

    #[test]
    fn similarity_of_an_edited_text_stays_high() {
        let a = shingles("one two three four five six seven eight nine ten");
        let b = shingles("one two three four five six seven eight nine ten eleven");
        let c = shingles("something else entirely, about other things");
        assert!(similarity(&a, &b) > 0.8);
        assert!(similarity(&a, &c) < 0.1);
        assert_eq!(similarity(&a, &a), 1.0);
    }
}
