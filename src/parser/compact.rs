//! Small replacements for three std routines whose cost in the wasm is out of
//! proportion to what the app needs from them:
//!
//! - [`sort_by_key`]: every sort of the crate goes through one `(u64, u64)`
//!   sort, instead of one copy of the sort algorithm per `sort_by` closure
//!   (each copy is 2–4 KB of wasm).
//! - [`lower`] / [`lower_char`]: lower case for the scripts news text uses
//!   (Latin, Greek, Cyrillic) without std's full Unicode case table.
//! - [`parse_decimal`]: "2000", "3.5", ".5" as an `f64` without std's float
//!   parser and its 10 KB table of powers of five.

/// Sorts `keys` (a key, then usually an index that breaks ties).
pub fn sort_pairs(keys: &mut [(u64, u64)]) {
    keys.sort_unstable();
}

/// Sorts `v` stably by `key`, ascending.
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keys: Vec<(u64, u64)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u64)).collect();
    sort_pairs(&mut keys);
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(keys.iter().filter_map(|&(_, i)| slots.get_mut(i as usize).and_then(Option::take)));
}

/// A sort key of two numbers: `high` first, then `low` (each clamped to 32 bits).
pub fn key2(high: usize, low: usize) -> u64 {
    let clamp = |n: usize| u64::try_from(n).unwrap_or(u64::MAX).min(u64::from(u32::MAX));
    (clamp(high) << 32) | clamp(low)
}

/// `n` counted down, for descending keys.
pub fn desc(n: usize) -> usize {
    (u32::MAX as usize).saturating_sub(n)
}

/// The lower case of `c` in Latin (with the extended blocks used by
/// European and Vietnamese names), Greek and Cyrillic; other characters
/// are returned as they are.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x1E9E => 0xDF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` in lower case (see [`lower_char`]).
pub fn lower(s: &str) -> String {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return s.to_string();
    }
    s.chars().map(lower_char).collect()
}

/// Reads digits with at most one decimal point ("2000", "3.5", ".5", "7.")
/// as a number; `None` for anything else. Exact for up to 15 significant
/// digits and 22 decimals (the value is a correctly rounded quotient of two
/// exactly represented numbers); longer numbers are rounded more loosely.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let mut mantissa = 0f64;
    let mut decimals = 0i32;
    let mut seen_point = false;
    let mut seen_digit = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                if seen_point {
                    decimals += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    Some(if decimals == 0 { mantissa } else { mantissa / 10f64.powi(decimals) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_is_stable_and_ascending() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn key2_orders_by_high_then_low_and_desc_reverses() {
        assert!(key2(1, 9) < key2(2, 0));
        assert!(key2(1, desc(9)) < key2(1, desc(8)));
        assert!(key2(usize::MAX, 0) > key2(5, 0), "clamped, still the largest");
    }

    #[test]
    fn lower_matches_std_on_the_scripts_it_covers() {
        for text in ["ÀÉÎÕÜ ÇÑ Ø", "ŁÓDŹ ŚWIĘTY ŽĎÁR ŐŰ", "ĞÜŞ", "ΑΘΗΝΑ ΆΈΉΊΌΎΏ", "МОСКВА ЁЖ ЇЄІ", "ТЕГЕРАН", "ĐẶNG"]
        {
            assert_eq!(lower(text), text.to_lowercase(), "{text}");
        }
        assert_eq!(lower("İstanbul"), "istanbul", "dotted capital I folds to a plain i");
        assert_eq!(lower("Al Jazeera's"), "al jazeera's");
        assert_eq!(lower_char('東'), '東');
    }

    #[test]
    fn parse_decimal_reads_plain_and_decimal_numbers() {
        assert_eq!(parse_decimal("2000"), Some(2000.0));
        assert_eq!(parse_decimal("3.5"), Some(3.5));
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("7."), Some(7.0));
        assert_eq!(parse_decimal("1.2.3"), None);
        assert_eq!(parse_decimal("."), None);
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal("12a"), None);
        for s in ["1.25", "99.99", "123456.789", "0.000001", "4.2"] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
    }
}
