//! What to emphasise inside one item of the sheet: the figures and dates of
//! a fact, the quote inside its sentence, the words searched for.

use crate::parser::{Breakdown, Span};

use super::search::Query;
use super::segments::{segments, Mark, Segment};

/// How a piece of an item's text is set off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Emphasis {
    Figure,
    Date,
    /// The quoted words inside the sentence shown around a partial quote.
    Quote,
    /// A word of the search.
    Hit,
}

impl Emphasis {
    pub fn class(self) -> &'static str {
        match self {
            Emphasis::Figure => "em-figure",
            Emphasis::Date => "em-date",
            Emphasis::Quote => "em-quote",
            Emphasis::Hit => "em-hit",
        }
    }
}

/// What to emphasise in `span` of `text`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Wanted<'q> {
    pub figures: bool,
    pub dates: bool,
    /// A quote's span (with its marks) to set off.
    pub quote: Option<Span>,
    pub query: Option<&'q Query>,
}

/// `span` of `text` cut into segments carrying their emphases (innermost last).
pub fn emphasis(b: &Breakdown, text: &str, span: Span, wanted: Wanted<'_>) -> Vec<Segment<Emphasis>> {
    let mut marks: Vec<Mark<Emphasis>> = Vec::new();
    if let Some(q) = wanted.quote {
        marks.push(Mark { span: q, tag: Emphasis::Quote });
    }
    if wanted.figures {
        let from = b.figures.partition_point(|f| f.span.start < span.start);
        marks.extend(
            b.figures[from..]
                .iter()
                .take_while(|f| f.span.start < span.end)
                .filter(|f| span.contains(f.span))
                .map(|f| Mark { span: f.span, tag: Emphasis::Figure }),
        );
    }
    if wanted.dates {
        let from = b.dates.partition_point(|d| d.span.start < span.start);
        marks.extend(
            b.dates[from..]
                .iter()
                .take_while(|d| d.span.start < span.end)
                .filter(|d| span.contains(d.span))
                .map(|d| Mark { span: d.span, tag: Emphasis::Date }),
        );
    }
    if let Some(query) = wanted.query {
        let piece = span.of(text);
        marks.extend(query.hits(piece, span.start).into_iter().map(|s| Mark { span: s, tag: Emphasis::Hit }));
    }
    segments(text, span, &marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::filter::tests as fx;

    fn show(segs: &[Segment<Emphasis>]) -> Vec<(&'static str, Vec<Emphasis>)> {
        segs.iter()
            .map(|s| {
                let t: &'static str = s.span.of(fx::TEXT);
                (t, s.tags.clone())
            })
            .collect()
    }

    fn span_of(needle: &str) -> Span {
        let start = fx::TEXT.find(needle).unwrap_or(0);
        Span::new(start, start + needle.len())
    }

    #[test]
    fn figures_and_dates_of_a_fact_are_set_off() {
        let b = fx::sample();
        let fact = span_of("Israel and Hamas met on Sunday.");
        let segs = emphasis(&b, fx::TEXT, fact, Wanted { figures: true, dates: true, ..Wanted::default() });
        assert_eq!(
            show(&segs),
            vec![("Israel and Hamas met on ", vec![]), ("Sunday", vec![Emphasis::Date]), (".", vec![])]
        );
        let fact = span_of("Over 2,000 people marched.");
        let segs = emphasis(&b, fx::TEXT, fact, Wanted { figures: true, dates: true, ..Wanted::default() });
        assert_eq!(show(&segs), vec![("Over 2,000", vec![Emphasis::Figure]), (" people marched.", vec![])]);
    }

    #[test]
    fn nothing_is_set_off_unless_asked() {
        let b = fx::sample();
        let fact = span_of("Over 2,000 people marched.");
        let segs = emphasis(&b, fx::TEXT, fact, Wanted::default());
        assert_eq!(show(&segs), vec![("Over 2,000 people marched.", vec![])]);
    }

    #[test]
    fn search_hits_nest_inside_figures() {
        let b = fx::sample();
        let q = Query::new("2,000 MARCH");
        let fact = span_of("Over 2,000 people marched.");
        let segs = emphasis(&b, fx::TEXT, fact, Wanted { figures: true, query: Some(&q), ..Wanted::default() });
        assert_eq!(
            show(&segs),
            vec![
                ("Over ", vec![Emphasis::Figure]),
                ("2,000", vec![Emphasis::Figure, Emphasis::Hit]),
                (" people ", vec![]),
                ("march", vec![Emphasis::Hit]),
                ("ed.", vec![]),
            ]
        );
    }

    #[test]
    fn a_partial_quote_is_set_off_in_its_sentence() {
        let b = fx::sample();
        let sentence = span_of("Hamas called it a \"show trial\".");
        let quote = b.quotes[1].marks;
        let segs = emphasis(&b, fx::TEXT, sentence, Wanted { quote: Some(quote), ..Wanted::default() });
        assert_eq!(
            show(&segs),
            vec![("Hamas called it a ", vec![]), ("\"show trial\"", vec![Emphasis::Quote]), (".", vec![])]
        );
    }
}
