//! The source view: the pasted text cut into blocks (paragraphs, long ones
//! split at sentence ends so they can be rendered a few at a time), the
//! quotes and facts marked in it, and the way back from a place in the text
//! to the item there.

use crate::parser::{Breakdown, FactKind, ParagraphRole, QuoteKind, Span};

use super::filter::SheetView;
use super::segments::{floor_boundary, segments, Mark, Segment};
use super::ItemRef;

/// Longest block of text rendered as one piece (bytes).
pub const MAX_BLOCK: usize = 2_000;

/// A piece of the source text shown as one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub role: ParagraphRole,
    /// True when it carries on the paragraph of the block before (a long
    /// paragraph cut in pieces).
    pub continued: bool,
}

/// Cuts `span` of `text` into pieces of at most `max_len` bytes, preferring
/// to cut at one of `cuts` (e.g. sentence starts), else after a space, else
/// at a char boundary. Never cuts inside a char; pieces cover `span` exactly.
pub fn split_long(text: &str, span: Span, cuts: &[usize], max_len: usize) -> Vec<Span> {
    let end = floor_boundary(text, span.end);
    let mut start = floor_boundary(text, span.start);
    let max_len = max_len.max(8);
    let mut out = Vec::new();
    while end.saturating_sub(start) > max_len {
        let limit = start + max_len;
        let preferred = cuts.iter().copied().filter(|&c| c > start && c <= limit && text.is_char_boundary(c)).max();
        let cut = preferred
            .or_else(|| {
                let window = &text[start..floor_boundary(text, limit)];
                window.rfind(char::is_whitespace).map(|i| start + i + 1).filter(|&c| c > start && c < end)
            })
            .unwrap_or_else(|| {
                let c = floor_boundary(text, limit);
                // A char longer than the whole budget: take it anyway.
                if c > start {
                    c
                } else {
                    start + text[start..].chars().next().map_or(1, char::len_utf8)
                }
            });
        out.push(Span::new(start, cut));
        start = cut;
    }
    if start < end {
        out.push(Span::new(start, end));
    }
    out
}

/// The blocks of the source view: the parser's paragraphs in order (long
/// ones split, see [`split_long`]), plus any non-blank text between them the
/// parser left out, so the whole article is shown.
pub fn blocks(b: &Breakdown, text: &str, max_len: usize) -> Vec<Block> {
    let mut keys: Vec<(u64, u64)> =
        b.paragraphs.iter().enumerate().map(|(i, p)| (p.span.start as u64, i as u64)).collect();
    super::sort_keys(&mut keys);
    let paragraphs = keys.into_iter().map(|(_, i)| i as usize);
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut pos = 0;
    let gap = |from: usize, to: usize, out: &mut Vec<Block>| {
        let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
        if from >= to {
            return;
        }
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            let span = Span::new(from + lead, to - trail);
            for (k, s) in split_long(text, span, &[], max_len).into_iter().enumerate() {
                out.push(Block { span: s, role: ParagraphRole::Body, continued: k > 0 });
            }
        }
    };
    for i in paragraphs {
        let p = &b.paragraphs[i];
        let span = Span::new(p.span.start.max(pos).min(text.len()), p.span.end.min(text.len()));
        if span.start >= span.end {
            continue;
        }
        gap(pos, span.start, &mut out);
        let cuts: Vec<usize> = b
            .sentences
            .get(p.sentences.start..p.sentences.end.min(b.sentences.len()))
            .unwrap_or(&[])
            .iter()
            .map(|s| s.span.start)
            .collect();
        for (k, s) in split_long(text, span, &cuts, max_len).into_iter().enumerate() {
            out.push(Block { span: s, role: p.role, continued: k > 0 });
        }
        pos = span.end;
    }
    gap(pos, text.len(), &mut out);
    out
}

/// What a mark in the source view stands for (one CSS class each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Quote,
    Term,
    Fact,
    Reported,
    Commentary,
    /// A figure or a date the reader asked to see.
    Focus,
}

impl MarkKind {
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Quote => "src-quote",
            MarkKind::Term => "src-term",
            MarkKind::Fact => "src-fact",
            MarkKind::Reported => "src-reported",
            MarkKind::Commentary => "src-commentary",
            MarkKind::Focus => "src-spot",
        }
    }
}

/// A mark's tag: the item and how to show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceTag {
    pub item: ItemRef,
    pub kind: MarkKind,
}

/// The source view's model: blocks, the marks of the items on show, and
/// which marks touch which block.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceModel {
    pub blocks: Vec<Block>,
    pub marks: Vec<Mark<SourceTag>>,
    /// For each block, indices into `marks` overlapping it.
    by_block: Vec<Vec<usize>>,
}

impl SourceModel {
    /// Marks every quote, term, fact and commentary of `view`.
    pub fn new(b: &Breakdown, text: &str, view: &SheetView) -> SourceModel {
        let blocks = blocks(b, text, MAX_BLOCK);
        let mut marks: Vec<Mark<SourceTag>> = Vec::new();
        for &i in view.quotes.iter().chain(&view.terms) {
            if let Some(q) = b.quotes.get(i) {
                let kind = if q.kind == QuoteKind::Term { MarkKind::Term } else { MarkKind::Quote };
                marks.push(Mark { span: q.marks, tag: SourceTag { item: ItemRef::Quote(i), kind } });
            }
        }
        for &i in view.facts.iter().chain(&view.commentary) {
            if let Some(f) = b.facts.get(i) {
                let kind = match f.kind {
                    FactKind::Fact => MarkKind::Fact,
                    FactKind::Reported => MarkKind::Reported,
                    FactKind::Commentary => MarkKind::Commentary,
                };
                marks.push(Mark { span: f.span, tag: SourceTag { item: ItemRef::Fact(i), kind } });
            }
        }
        marks.retain(|m| m.span.start < m.span.end);
        // By start, longer first (texts are far below 4 GB: both fit in one key).
        let mut keys: Vec<(u64, u64)> = marks
            .iter()
            .enumerate()
            .map(|(i, m)| (((m.span.start as u64) << 32) | (u64::from(u32::MAX) - m.span.end as u64), i as u64))
            .collect();
        super::sort_keys(&mut keys);
        let marks: Vec<Mark<SourceTag>> = keys.into_iter().map(|(_, i)| marks[i as usize].clone()).collect();
        let mut by_block = vec![Vec::new(); blocks.len()];
        for (mi, m) in marks.iter().enumerate() {
            let first = blocks.partition_point(|bl| bl.span.end <= m.span.start);
            for (bi, bl) in blocks.iter().enumerate().skip(first) {
                if bl.span.start >= m.span.end {
                    break;
                }
                by_block[bi].push(mi);
            }
        }
        SourceModel { blocks, marks, by_block }
    }

    /// The block holding byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|bl| bl.span.end <= offset);
        self.blocks.get(i).filter(|bl| bl.span.start <= offset).map(|_| i)
    }

    /// The block where `span` starts (or the first block after it).
    pub fn block_of(&self, span: Span) -> Option<usize> {
        let i = self.blocks.partition_point(|bl| bl.span.end <= span.start);
        (i < self.blocks.len()).then_some(i)
    }

    /// The segments of block `i`, with `spot` (a figure or date on show)
    /// marked too.
    pub fn block_segments(&self, text: &str, i: usize, spot: Option<(ItemRef, Span)>) -> Vec<Segment<SourceTag>> {
        let Some(block) = self.blocks.get(i) else { return Vec::new() };
        let mut marks: Vec<Mark<SourceTag>> =
            self.by_block.get(i).into_iter().flatten().filter_map(|&m| self.marks.get(m).cloned()).collect();
        if let Some((item, span)) = spot {
            marks.push(Mark { span, tag: SourceTag { item, kind: MarkKind::Focus } });
        }
        segments(text, block.span, &marks)
    }

    /// The item at byte `offset`: the innermost (shortest) marked quote or
    /// fact there.
    pub fn item_at(&self, offset: usize) -> Option<ItemRef> {
        let block = self.block_at(offset)?;
        self.by_block
            .get(block)?
            .iter()
            .filter_map(|&m| self.marks.get(m))
            .filter(|m| m.span.start <= offset && offset < m.span.end)
            .min_by_key(|m| m.span.len())
            .map(|m| m.tag.item)
    }
}

/// A short description of an item, for the card above the source view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// "Quote", "Partial quote", "Quoted term", "Fact", "Reported", "Commentary", "Figure", "Date".
    pub kind: &'static str,
    /// A CSS class for that kind ("kind-partial-quote").
    pub class: &'static str,
    /// Who: the speaker, the source, the writer; `None` when nobody is named.
    pub who: Option<String>,
    /// The item's text, shortened to about `MAX_EXCERPT` chars.
    pub excerpt: String,
}

/// Longest excerpt in a [`Summary`] (chars).
pub const MAX_EXCERPT: usize = 160;

/// `s` cut after at most `max` chars, at a word end when possible, with "…".
pub fn excerpt(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => {
            let head = &s[..cut];
            let head = match head.rfind(char::is_whitespace) {
                Some(i) if i > cut / 2 => &head[..i],
                _ => head,
            };
            format!("{}…", head.trim_end_matches(|c: char| c.is_whitespace() || c == ','))
        }
    }
}

/// What the card says about `item`; `None` if the breakdown has no such item.
pub fn describe(b: &Breakdown, item: ItemRef) -> Option<Summary> {
    use super::filter::Locator;
    use super::Claimant;
    let claimant_of = |span: Span| {
        let c = Claimant::of(b, Locator::new(b).context_of(span));
        c.is_named().then(|| c.label().to_string())
    };
    Some(match item {
        ItemRef::Quote(i) => {
            let q = b.quotes.get(i)?;
            let (kind, class) = match q.kind {
                QuoteKind::Direct => ("Quote", "kind-quote"),
                QuoteKind::Partial => ("Partial quote", "kind-partial-quote"),
                QuoteKind::Term => ("Quoted term", "kind-quoted-term"),
            };
            let who = match q.kind {
                QuoteKind::Term => None,
                _ => Some(q.speaker.clone().unwrap_or_else(|| "Unattributed".to_string())),
            };
            Summary { kind, class, who, excerpt: excerpt(&q.text, MAX_EXCERPT) }
        }
        ItemRef::Fact(i) => {
            let f = b.facts.get(i)?;
            let (kind, class, who) = match f.kind {
                FactKind::Fact => ("Fact", "kind-fact", f.source.as_ref().map(|s| s.name.clone())),
                FactKind::Reported => ("Reported", "kind-reported", f.source.as_ref().map(|s| s.name.clone())),
                FactKind::Commentary => ("Commentary", "kind-commentary", Some("The writer".to_string())),
            };
            Summary { kind, class, who, excerpt: excerpt(&f.text, MAX_EXCERPT) }
        }
        ItemRef::Figure(i) => {
            let f = b.figures.get(i)?;
            let mut text = f.value.clone();
            if let Some(what) = &f.what {
                text = format!("{text} {what}");
            }
            Summary {
                kind: "Figure",
                class: "kind-figure",
                who: claimant_of(f.span),
                excerpt: excerpt(&text, MAX_EXCERPT),
            }
        }
        ItemRef::Date(i) => {
            let d = b.dates.get(i)?;
            let text = match &d.iso {
                Some(iso) => format!("{} ({})", d.text.trim(), super::format::date_label(iso)),
                None => d.text.trim().to_string(),
            };
            Summary { kind: "Date", class: "kind-date", who: claimant_of(d.span), excerpt: text }
        }
    })
}

/// The byte offset in `s` of the position `units` UTF-16 code units in (the
/// unit the DOM counts selection offsets in); clamped to `s`, and never
/// inside a char.
pub fn byte_offset_from_utf16(s: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in s.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
        if seen > units {
            // Inside a surrogate pair: the char's start.
            return i;
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Paragraph, Sentence};
    use crate::sheet::filter::{sheet_view, tests as fx, Filter};

    fn spans(text: &str, list: &[Span]) -> Vec<String> {
        list.iter().map(|s| s.of(text).to_string()).collect()
    }

    #[test]
    fn short_spans_are_not_split() {
        let text = "Short paragraph.";
        assert_eq!(split_long(text, Span::new(0, text.len()), &[], 100), vec![Span::new(0, text.len())]);
    }

    #[test]
    fn long_spans_are_cut_at_sentence_starts_when_possible() {
        let text = "One two three. Four five six. Seven eight nine.";
        // Sentence starts at 15 and 30; 20-byte pieces.
        let pieces = split_long(text, Span::new(0, text.len()), &[15, 30], 20);
        assert_eq!(spans(text, &pieces), ["One two three. ", "Four five six. ", "Seven eight nine."]);
    }

    #[test]
    fn long_sentences_are_cut_after_a_space_else_anywhere() {
        let text = "aaaa bbbb cccc dddd";
        let pieces = split_long(text, Span::new(0, text.len()), &[], 10);
        assert_eq!(spans(text, &pieces), ["aaaa bbbb ", "cccc dddd"]);
        let text = "é".repeat(12); // 24 bytes, no spaces
        let pieces = split_long(&text, Span::new(0, text.len()), &[], 9);
        assert_eq!(spans(&text, &pieces), ["éééé", "éééé", "éééé"]);
    }

    #[test]
    fn pieces_cover_the_span_exactly() {
        let text = "x".repeat(1000) + " " + &"y".repeat(999);
        let pieces = split_long(&text, Span::new(3, 1990), &[500, 1500], 300);
        assert_eq!(pieces.first().map(|s| s.start), Some(3));
        assert_eq!(pieces.last().map(|s| s.end), Some(1990));
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(pieces.iter().all(|p| p.len() <= 300));
        assert!(pieces.iter().any(|p| p.end == 500), "a sentence start within reach is used");
    }

    fn para(start: usize, end: usize, role: ParagraphRole, sentences: (usize, usize)) -> Paragraph {
        Paragraph { span: Span::new(start, end), role, sentences: Span::new(sentences.0, sentences.1) }
    }

    #[test]
    fn blocks_follow_paragraphs_and_keep_text_between_them() {
        let text = "Headline here\n\nstray line\n\nBody one. Body two.\n\n  trailing bit  ";
        let body = text.find("Body one").unwrap_or(0);
        let b = Breakdown {
            paragraphs: vec![
                para(0, 13, ParagraphRole::Headline, (0, 1)),
                para(body, body + 19, ParagraphRole::Body, (1, 3)),
            ],
            sentences: vec![
                Sentence { span: Span::new(0, 13), paragraph: 0 },
                Sentence { span: Span::new(body, body + 9), paragraph: 1 },
                Sentence { span: Span::new(body + 10, body + 19), paragraph: 1 },
            ],
            ..Breakdown::default()
        };
        let bl = blocks(&b, text, 2000);
        let shown: Vec<(&str, ParagraphRole)> = bl.iter().map(|x| (x.span.of(text), x.role)).collect();
        assert_eq!(
            shown,
            vec![
                ("Headline here", ParagraphRole::Headline),
                ("stray line", ParagraphRole::Body),
                ("Body one. Body two.", ParagraphRole::Body),
                ("trailing bit", ParagraphRole::Body),
            ]
        );
        // With a tiny budget the body is cut at its second sentence.
        let bl = blocks(&b, text, 12);
        let body_blocks: Vec<(&str, bool)> = bl
            .iter()
            .filter(|x| x.span.start >= body && x.span.end <= body + 19)
            .map(|x| (x.span.of(text), x.continued))
            .collect();
        assert_eq!(body_blocks, vec![("Body one. ", false), ("Body two.", true)]);
    }

    #[test]
    fn blocks_of_text_the_parser_did_not_split() {
        let b = Breakdown::default();
        let bl = blocks(&b, "  just text  ", 2000);
        assert_eq!(bl.len(), 1);
        assert_eq!(bl[0].span, Span::new(2, 11));
        assert!(blocks(&b, " \n\n ", 2000).is_empty());
    }

    #[test]
    fn source_marks_and_the_item_at_an_offset() {
        let b = fx::sample();
        let text = fx::TEXT;
        let view = sheet_view(&b, text, &Filter::default());
        let model = SourceModel::new(&b, text, &view);
        assert_eq!(model.blocks.len(), 1);
        // Two quotes (one a term) and four facts.
        assert_eq!(model.marks.len(), 6);
        let at = |needle: &str| text.find(needle).and_then(|i| model.item_at(i));
        assert_eq!(at("want"), Some(ItemRef::Quote(0)));
        assert_eq!(at("show trial"), Some(ItemRef::Quote(1)), "the term inside its fact wins");
        assert_eq!(at("called"), Some(ItemRef::Fact(1)));
        assert_eq!(at("grim"), Some(ItemRef::Fact(2)));
        assert_eq!(model.item_at(text.len() + 10), None);
        // "said Ann Lee of Israel." is in no fact of the sample: no item.
        assert_eq!(at("said Ann"), None);
    }

    #[test]
    fn only_items_on_show_are_marked() {
        let b = fx::sample();
        let text = fx::TEXT;
        let view = sheet_view(&b, text, &Filter::new(&b, &["Hamas".into()], ""));
        let model = SourceModel::new(&b, text, &view);
        let items: Vec<ItemRef> = model.marks.iter().map(|m| m.tag.item).collect();
        assert_eq!(items, vec![ItemRef::Fact(0), ItemRef::Fact(1), ItemRef::Quote(1)]);
    }

    #[test]
    fn block_segments_carry_a_spot_for_figures() {
        let b = fx::sample();
        let text = fx::TEXT;
        let view = sheet_view(&b, text, &Filter::default());
        let model = SourceModel::new(&b, text, &view);
        let fig = b.figures[1].span;
        let segs = model.block_segments(text, 0, Some((ItemRef::Figure(1), fig)));
        let spot: Vec<&str> =
            segs.iter().filter(|s| s.tags.iter().any(|t| t.kind == MarkKind::Focus)).map(|s| s.span.of(text)).collect();
        assert_eq!(spot, ["Over 2,000"]);
        assert!(model.block_segments(text, 5, None).is_empty());
    }

    #[test]
    fn blocks_are_found_by_offset() {
        let b = fx::sample();
        let model = SourceModel::new(&b, fx::TEXT, &SheetView::default());
        assert_eq!(model.block_at(0), Some(0));
        assert_eq!(model.block_at(fx::TEXT.len()), None);
        assert_eq!(model.block_of(Span::new(5, 9)), Some(0));
    }

    #[test]
    fn excerpts_end_at_a_word() {
        assert_eq!(excerpt("  short  ", 10), "short");
        assert_eq!(excerpt("one two three four", 11), "one two…");
        assert_eq!(excerpt("one two, three", 9), "one two…");
        assert_eq!(excerpt("abcdefghij", 4), "abcd…");
        assert_eq!(excerpt("ééééé", 3), "ééé…");
    }

    #[test]
    fn items_are_described_for_the_card() {
        let b = fx::sample();
        let d = |item| describe(&b, item);
        assert_eq!(
            d(ItemRef::Quote(0)),
            Some(Summary {
                kind: "Quote",
                class: "kind-quote",
                who: Some("Ann Lee".into()),
                excerpt: "We want 20 hostages back,".into()
            })
        );
        assert_eq!(d(ItemRef::Quote(1)).map(|s| (s.kind, s.who)), Some(("Quoted term", None)));
        assert_eq!(d(ItemRef::Fact(1)).map(|s| (s.kind, s.who)), Some(("Reported", Some("Hamas".into()))));
        assert_eq!(d(ItemRef::Fact(2)).map(|s| (s.kind, s.who)), Some(("Commentary", Some("The writer".into()))));
        assert_eq!(d(ItemRef::Fact(3)).map(|s| (s.kind, s.who)), Some(("Fact", None)));
        assert_eq!(
            d(ItemRef::Figure(0)),
            Some(Summary {
                kind: "Figure",
                class: "kind-figure",
                who: Some("Ann Lee".into()),
                excerpt: "20 hostages".into()
            })
        );
        assert_eq!(d(ItemRef::Date(0)).map(|s| s.excerpt), Some("Sunday (Sun 2 Mar 2025)".into()));
        assert_eq!(d(ItemRef::Quote(7)), None);
    }

    #[test]
    fn utf16_offsets_become_byte_offsets() {
        let s = "a“b”😀c";
        // UTF-16: a=1, “=1, b=1, ”=1, 😀=2, c=1. Bytes: a=1, “=3, b=1, ”=3, 😀=4, c=1.
        assert_eq!(byte_offset_from_utf16(s, 0), 0);
        assert_eq!(byte_offset_from_utf16(s, 1), 1);
        assert_eq!(byte_offset_from_utf16(s, 2), 4);
        assert_eq!(byte_offset_from_utf16(s, 4), 8);
        assert_eq!(byte_offset_from_utf16(s, 5), 8, "inside the surrogate pair: the emoji's start");
        assert_eq!(byte_offset_from_utf16(s, 6), 12);
        assert_eq!(byte_offset_from_utf16(s, 99), s.len());
    }
}
