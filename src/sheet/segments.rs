//! Splitting a stretch of text into flat segments from (possibly overlapping)
//! marked spans: the basis of every highlight in the app (quotes and facts in
//! the source view, figures, dates and search hits inside an item).

use crate::parser::Span;

/// A span of the text with a tag saying what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark<T> {
    pub span: Span,
    pub tag: T,
}

impl<T> Mark<T> {
    pub fn new(start: usize, end: usize, tag: T) -> Self {
        Mark { span: Span::new(start, end), tag }
    }
}

/// A piece of the text and the tags of every mark covering all of it,
/// outermost (longest) mark first, innermost last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<T> {
    pub span: Span,
    pub tags: Vec<T>,
}

impl<T> Segment<T> {
    /// The innermost mark's tag, if any mark covers this segment.
    pub fn innermost(&self) -> Option<&T> {
        self.tags.last()
    }
}

/// The largest char boundary of `text` at or before `i` (clamped to its length).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cuts `range` of `text` into consecutive segments that together cover it
/// exactly, each covered by the same set of `marks` throughout.
///
/// Robust to anything: marks may overlap, nest, be empty, reach outside
/// `range` or `text`, or fall inside a multi-byte char (ends are moved back to
/// the char boundary). Runs in O((m + s) log m) for m marks and s segments
/// (plus the few marks open at once per segment).
pub fn segments<T: Clone>(text: &str, range: Span, marks: &[Mark<T>]) -> Vec<Segment<T>> {
    let spans: Vec<Span> = marks.iter().map(|m| m.span).collect();
    cut(text, range, &spans)
        .into_iter()
        .map(|(span, open)| Segment { span, tags: open.into_iter().map(|i| marks[i].tag.clone()).collect() })
        .collect()
}

/// [`segments`] without the tags (one copy of the algorithm for every tag
/// type): each piece with the indices into `spans` covering it, outermost first.
fn cut(text: &str, range: Span, spans: &[Span]) -> Vec<(Span, Vec<usize>)> {
    let start = floor_boundary(text, range.start);
    let end = floor_boundary(text, range.end.max(range.start));
    if start >= end {
        return Vec::new();
    }
    // Marks clipped to the range, on char boundaries; empty ones dropped.
    let mut clipped: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, index)
    for (i, m) in spans.iter().enumerate() {
        let s = floor_boundary(text, m.start.max(start));
        let e = floor_boundary(text, m.end.min(end));
        if s < e {
            clipped.push((s, e, i));
        }
    }
    // Rank: outermost first (longer before shorter; ties keep the caller's order).
    let mut keys: Vec<(u64, u64)> = clipped
        .iter()
        .enumerate()
        .map(|(k, &(s, e, i))| (u64::MAX - (e - s) as u64, ((i as u64) << 32) | k as u64))
        .collect();
    super::sort_keys(&mut keys);
    let ranked: Vec<(usize, usize, usize)> = keys.iter().map(|&(_, k)| clipped[(k & 0xffff_ffff) as usize]).collect();

    let mut cuts: Vec<(u64, u64)> = Vec::with_capacity(ranked.len() * 2 + 2);
    cuts.push((start as u64, 0));
    cuts.push((end as u64, 0));
    for &(s, e, _) in &ranked {
        cuts.push((s as u64, 0));
        cuts.push((e as u64, 0));
    }
    super::sort_keys(&mut cuts);
    cuts.dedup();

    // Sweep: marks opening at each cut, in outer-first rank order.
    let mut by_start: Vec<(u64, u64)> = ranked.iter().enumerate().map(|(r, &(s, _, _))| (s as u64, r as u64)).collect();
    super::sort_keys(&mut by_start);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new(); // ranks, kept sorted
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0].0 as usize, pair[1].0 as usize);
        active.retain(|&r| ranked[r].1 > a);
        while next < by_start.len() && by_start[next].0 as usize <= a {
            let r = by_start[next].1 as usize;
            if ranked[r].1 > a {
                let at = active.partition_point(|&x| x < r);
                active.insert(at, r);
            }
            next += 1;
        }
        // Every cut is where some mark opens or closes, so neighbours always
        // differ; two abutting marks with equal tags stay two segments.
        out.push((Span::new(a, b), active.iter().map(|&r| ranked[r].2).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, segs: &[Segment<char>]) -> Vec<(String, String)> {
        segs.iter().map(|s| (s.span.of(text).to_string(), s.tags.iter().collect())).collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn no_marks_gives_one_plain_segment() {
        let text = "Hello world";
        let segs = segments::<char>(text, Span::new(0, text.len()), &[]);
        assert_eq!(show(text, &segs), pairs(&[("Hello world", "")]));
    }

    #[test]
    fn one_mark_in_the_middle() {
        let text = "one two three";
        let segs = segments(text, Span::new(0, 13), &[Mark::new(4, 7, 'a')]);
        assert_eq!(show(text, &segs), pairs(&[("one ", ""), ("two", "a"), (" three", "")]));
    }

    #[test]
    fn nested_marks_list_outermost_first() {
        // A fact (f) covering the sentence, a quote (q) inside it.
        let text = "He said \"no way\" today.";
        let segs = segments(text, Span::new(0, text.len()), &[Mark::new(8, 16, 'q'), Mark::new(0, 23, 'f')]);
        assert_eq!(show(text, &segs), pairs(&[("He said ", "f"), ("\"no way\"", "fq"), (" today.", "f")]));
        assert_eq!(segs[1].innermost(), Some(&'q'));
    }

    #[test]
    fn overlapping_marks_split_into_three() {
        let text = "abcdefgh";
        let segs = segments(text, Span::new(0, 8), &[Mark::new(1, 5, 'x'), Mark::new(3, 7, 'y')]);
        assert_eq!(show(text, &segs), pairs(&[("a", ""), ("bc", "x"), ("de", "xy"), ("fg", "y"), ("h", "")]));
    }

    #[test]
    fn equal_marks_keep_the_callers_order() {
        let text = "abc";
        let segs = segments(text, Span::new(0, 3), &[Mark::new(0, 3, 'x'), Mark::new(0, 3, 'y')]);
        assert_eq!(show(text, &segs), pairs(&[("abc", "xy")]));
    }

    #[test]
    fn marks_are_clipped_to_the_range() {
        let text = "aaa bbb ccc";
        // Only "bbb" is asked for; the mark starts before it and ends inside it.
        let segs = segments(text, Span::new(4, 7), &[Mark::new(0, 5, 'm'), Mark::new(9, 20, 'n')]);
        assert_eq!(show(text, &segs), pairs(&[("b", "m"), ("bb", "")]));
    }

    #[test]
    fn empty_and_out_of_text_marks_are_ignored() {
        let text = "abc";
        let segs =
            segments(text, Span::new(0, 99), &[Mark::new(2, 2, 'e'), Mark::new(7, 9, 'o'), Mark::new(2, 1, 'r')]);
        assert_eq!(show(text, &segs), pairs(&[("abc", "")]));
    }

    #[test]
    fn spans_inside_multibyte_chars_move_to_char_boundaries() {
        // "é" is 2 bytes (1..3), "—" is 3 bytes (4..7).
        let text = "aé —b";
        let segs = segments(text, Span::new(0, text.len()), &[Mark::new(2, 5, 'm')]);
        // 2 is inside "é" -> 1; 5 is inside "—" -> 4.
        assert_eq!(show(text, &segs), pairs(&[("a", ""), ("é ", "m"), ("—b", "")]));
        for s in &segs {
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
    }

    #[test]
    fn a_mark_that_vanishes_at_a_boundary_leaves_no_empty_segment() {
        let text = "x—y"; // "—" is bytes 1..4
        let segs = segments(text, Span::new(0, text.len()), &[Mark::new(2, 3, 'm')]);
        assert_eq!(show(text, &segs), pairs(&[("x—y", "")]));
    }

    #[test]
    fn empty_or_inverted_range_gives_nothing() {
        assert!(segments::<char>("abc", Span::new(2, 2), &[]).is_empty());
        assert!(segments::<char>("abc", Span::new(3, 1), &[]).is_empty());
        assert!(segments::<char>("", Span::new(0, 5), &[]).is_empty());
    }

    #[test]
    fn segments_cover_the_range_exactly_in_order() {
        let text = "The quick brown fox jumps over the lazy dog";
        let marks = [Mark::new(4, 15, 1), Mark::new(10, 30, 2), Mark::new(16, 19, 3), Mark::new(35, 99, 4)];
        let segs = segments(text, Span::new(2, 40), &marks);
        assert_eq!(segs.first().map(|s| s.span.start), Some(2));
        assert_eq!(segs.last().map(|s| s.span.end), Some(40));
        for w in segs.windows(2) {
            assert_eq!(w[0].span.end, w[1].span.start);
        }
        // "fox" (16..19) lies in marks 2 and 3 only; 2 is longer, so it comes first.
        let fox = segs.iter().find(|s| s.span == Span::new(16, 19)).map(|s| s.tags.clone());
        assert_eq!(fox, Some(vec![2, 3]));
    }

    #[test]
    fn floor_boundary_clamps_and_steps_back() {
        let text = "aé";
        assert_eq!(floor_boundary(text, 0), 0);
        assert_eq!(floor_boundary(text, 2), 1);
        assert_eq!(floor_boundary(text, 3), 3);
        assert_eq!(floor_boundary(text, 10), 3);
    }
}
