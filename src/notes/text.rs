//! Small text helpers shared by the notes engine: article ids, whitespace
//! folding, char-safe slicing.
//!
//! Every function here works on any `&str` and never panics: slices are always
//! cut on `char` boundaries.

/// FNV-1a, 64 bit: a tiny, stable hash (the same in every build and browser).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The text with every run of whitespace turned into one space, trimmed.
pub fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The id of an article: FNV-1a 64 of its whitespace-folded text, as 16 hex
/// digits. Pasting the same article again (even re-wrapped) gives the same id.
pub fn article_id(text: &str) -> String {
    format!("{:016x}", fnv1a64(fold_whitespace(text).as_bytes()))
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
    }

    #[test]
    fn common_affixes_count_chars() {
        assert_eq!(common_suffix_chars("the captives—", "held captives—"), 10);
        assert_eq!(common_prefix_chars("€ab", "€ac"), 2);
        assert_eq!(common_prefix_chars("", "x"), 0);
    }
}
