//! Which items of a breakdown the sheet shows: the party filter (several
//! parties may be on; an item passes when it concerns any of them) and the
//! search box, applied to every section at once.

use crate::parser::{Breakdown, FactKind, FigureKind, QuoteKind, Span};

use super::format::{date_label, join_names};
use super::search::Query;
use super::timeline::{order_timeline, TimelineEntry};

/// The party filter and the search, resolved against one breakdown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Indices into `Breakdown::parties`, sorted, no repeats.
    parties: Vec<usize>,
    query: Query,
}

impl Filter {
    /// `party_names` are canonical names (the UI keeps names, not indices,
    /// so a selection survives edits that reorder the parties); names the
    /// breakdown does not have are ignored.
    pub fn new(b: &Breakdown, party_names: &[String], query: &str) -> Filter {
        let mut parties: Vec<usize> =
            b.parties.iter().enumerate().filter(|(_, p)| party_names.contains(&p.name)).map(|(i, _)| i).collect();
        parties.dedup();
        Filter { parties, query: Query::new(query) }
    }

    /// Indices of the selected parties.
    pub fn parties(&self) -> &[usize] {
        &self.parties
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Whether anything is narrowed at all.
    pub fn is_active(&self) -> bool {
        !self.parties.is_empty() || !self.query.is_empty()
    }

    fn any_party(&self, test: impl Fn(usize) -> bool) -> bool {
        self.parties.is_empty() || self.parties.iter().any(|&p| test(p))
    }
}

/// Whether quote `q` is spoken for `party` (its speaker's party or one of a
/// speaking group).
pub fn quote_is_by(b: &Breakdown, q: usize, party: usize) -> bool {
    let Some(quote) = b.quotes.get(q) else { return false };
    quote.parties.contains(&party)
        || quote.person.and_then(|p| b.people.get(p)).and_then(|p| p.party).is_some_and(|p| p == party)
}

/// Whether `party` is named inside quote `q` (between its marks).
pub fn quote_mentions(b: &Breakdown, q: usize, party: usize) -> bool {
    let (Some(quote), Some(p)) = (b.quotes.get(q), b.parties.get(party)) else { return false };
    spans_within(&p.spans, quote.marks)
}

/// Whether fact `f` involves `party` (as an actor or as its source).
pub fn fact_involves(b: &Breakdown, f: usize, party: usize) -> bool {
    let Some(fact) = b.facts.get(f) else { return false };
    fact.parties.contains(&party) || fact.source.as_ref().and_then(|s| s.party) == Some(party)
}

/// Whether any of `spans` (sorted by start, as the parser gives them) lies
/// inside `outer`.
fn spans_within(spans: &[Span], outer: Span) -> bool {
    let from = spans.partition_point(|s| s.start < outer.start);
    spans[from..].iter().take_while(|s| s.start < outer.end).any(|s| outer.contains(*s))
}

/// What an item (figure, date) sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// A quote (speech or partial), index into `Breakdown::quotes`.
    Quote(usize),
    /// A fact, reported statement or commentary, index into `Breakdown::facts`.
    Fact(usize),
    /// Neither (e.g. the headline).
    Text,
}

/// Finds the quote or fact around a span quickly (both lists are in text order).
pub struct Locator {
    quotes: Vec<(Span, usize)>,
    facts: Vec<(Span, usize)>,
}

impl Locator {
    pub fn new(b: &Breakdown) -> Locator {
        let quotes: Vec<(Span, usize)> =
            b.quotes.iter().enumerate().filter(|(_, q)| q.kind != QuoteKind::Term).map(|(i, q)| (q.marks, i)).collect();
        let facts: Vec<(Span, usize)> = b.facts.iter().enumerate().map(|(i, f)| (f.span, i)).collect();
        Locator { quotes: by_start(quotes), facts: by_start(facts) }
    }

    /// The innermost speech quote holding `span`, else the fact holding it.
    pub fn context_of(&self, span: Span) -> Context {
        if let Some(q) = Self::innermost(&self.quotes, span) {
            return Context::Quote(q);
        }
        Self::innermost(&self.facts, span).map_or(Context::Text, Context::Fact)
    }

    fn innermost(list: &[(Span, usize)], span: Span) -> Option<usize> {
        let upto = list.partition_point(|(s, _)| s.start <= span.start);
        // Items barely nest, so the holder is among the last few starting
        // at or before the span; the shortest holder wins.
        list[..upto]
            .iter()
            .rev()
            .take(16)
            .filter(|(s, _)| s.contains(span))
            .min_by_key(|(s, _)| s.len())
            .map(|&(_, i)| i)
    }
}

/// `list` ordered by span start (then index).
fn by_start(list: Vec<(Span, usize)>) -> Vec<(Span, usize)> {
    let mut keys: Vec<(u64, u64)> = list.iter().enumerate().map(|(k, &(s, _))| (s.start as u64, k as u64)).collect();
    super::sort_keys(&mut keys);
    keys.into_iter().map(|(_, k)| list[k as usize]).collect()
}

/// Who puts a figure or a date forward.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claimant {
    /// The speaker of the quote it is in.
    Speaker(String),
    /// A quote with no speaker found.
    Unattributed,
    /// The named source of a reported fact ("Israeli officials").
    Source(String),
    /// The article states it without a source.
    Article,
    /// The writer's own commentary.
    Writer,
}

impl Claimant {
    pub fn of(b: &Breakdown, context: Context) -> Claimant {
        match context {
            Context::Quote(q) => match b.quotes.get(q).and_then(|q| q.speaker.clone()) {
                Some(name) => Claimant::Speaker(name),
                None => Claimant::Unattributed,
            },
            Context::Fact(f) => match b.facts.get(f) {
                Some(fact) if fact.kind == FactKind::Commentary => Claimant::Writer,
                Some(fact) => fact.source.as_ref().map_or(Claimant::Article, |s| Claimant::Source(s.name.clone())),
                None => Claimant::Article,
            },
            Context::Text => Claimant::Article,
        }
    }

    /// "Karine Jean-Pierre", "Israeli officials", "The article", …
    pub fn label(&self) -> &str {
        match self {
            Claimant::Speaker(name) | Claimant::Source(name) => name,
            Claimant::Unattributed => "Unattributed quote",
            Claimant::Article => "The article",
            Claimant::Writer => "The writer (commentary)",
        }
    }

    /// Whether this is someone named in the text (rather than the article itself).
    pub fn is_named(&self) -> bool {
        matches!(self, Claimant::Speaker(_) | Claimant::Source(_))
    }
}

/// A row of the Figures table.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// Index into `Breakdown::figures`.
    pub figure: usize,
    pub context: Context,
    pub claimant: Claimant,
}

/// Everything the sheet shows under the current filter, as indices into the
/// breakdown's lists (in text order, except the timeline: in date order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetView {
    /// Parties (all of them unless searching; selected ones always).
    pub parties: Vec<usize>,
    /// Speech: direct and partial quotes.
    pub quotes: Vec<usize>,
    /// Quoted terms (scare quotes, titles): not speech.
    pub terms: Vec<usize>,
    /// Facts and reported statements.
    pub facts: Vec<usize>,
    /// The writer's commentary.
    pub commentary: Vec<usize>,
    pub figures: Vec<FigureRow>,
    pub timeline: Vec<TimelineEntry>,
}

impl SheetView {
    /// Number of items listed (parties aside).
    pub fn item_count(&self) -> usize {
        self.quotes.len()
            + self.terms.len()
            + self.facts.len()
            + self.commentary.len()
            + self.figures.len()
            + self.timeline.len()
    }
}

/// The text of the sentence numbered `s` (empty if there is none).
pub fn sentence_text<'a>(b: &Breakdown, text: &'a str, s: usize) -> &'a str {
    b.sentences.get(s).map_or("", |sentence| sentence.span.of(text))
}

/// Whether a figure belongs in the Figures table: quantities (counts,
/// percentages, money, durations, measures). Years and days are dates (they
/// are in the timeline) and ordinals ("the second phase") count nothing.
pub fn is_quantity(kind: FigureKind) -> bool {
    !matches!(kind, FigureKind::Year | FigureKind::Date | FigureKind::Ordinal)
}

/// The statement to show for something in `context` found in sentence
/// `sentence`: the fact itself when it is one (a reported statement without
/// the quote that follows it), else the whole sentence.
pub fn context_text<'a>(b: &Breakdown, text: &'a str, context: Context, sentence: usize) -> &'a str {
    context_span(b, context, sentence).map_or("", |s| s.of(text))
}

/// Where [`context_text`] is in the article.
pub fn context_span(b: &Breakdown, context: Context, sentence: usize) -> Option<Span> {
    match context {
        Context::Fact(f) => b.facts.get(f).map(|f| f.span),
        Context::Quote(_) | Context::Text => b.sentences.get(sentence).map(|s| s.span),
    }
}

/// Applies `filter` to every section of `b` (`text` is the parsed text).
pub fn sheet_view(b: &Breakdown, text: &str, filter: &Filter) -> SheetView {
    let query = filter.query();
    let party_names = |ids: &[usize]| -> String {
        let names: Vec<&str> = ids.iter().filter_map(|&p| b.parties.get(p)).map(|p| p.name.as_str()).collect();
        join_names(&names)
    };

    // Facts first: quotes inside a fact that involves a party are about it too.
    let fact_in_party: Vec<bool> = (0..b.facts.len()).map(|f| filter.any_party(|p| fact_involves(b, f, p))).collect();
    let mut quote_in_party_fact = vec![false; b.quotes.len()];
    for (f, fact) in b.facts.iter().enumerate() {
        if fact_in_party[f] && !filter.parties().is_empty() {
            for &q in &fact.quotes {
                if let Some(slot) = quote_in_party_fact.get_mut(q) {
                    *slot = true;
                }
            }
        }
    }
    let quote_in_party: Vec<bool> = (0..b.quotes.len())
        .map(|q| quote_in_party_fact[q] || filter.any_party(|p| quote_is_by(b, q, p) || quote_mentions(b, q, p)))
        .collect();

    let mut view = SheetView::default();

    for (i, party) in b.parties.iter().enumerate() {
        let selected = filter.parties().contains(&i);
        let people: Vec<&str> = party.people.iter().filter_map(|&p| b.people.get(p)).map(|p| p.name.as_str()).collect();
        let mut fields: Vec<&str> = vec![party.name.as_str()];
        fields.extend(party.aliases.iter().map(String::as_str));
        fields.extend(people);
        if selected || query.matches(&fields) {
            view.parties.push(i);
        }
    }

    for (i, q) in b.quotes.iter().enumerate() {
        if !quote_in_party[i] {
            continue;
        }
        if q.kind == QuoteKind::Term {
            if query.matches(&[&q.text]) {
                view.terms.push(i);
            }
            continue;
        }
        let mut fields: Vec<&str> = vec![&q.text];
        fields.extend(q.speaker.as_deref());
        fields.extend(q.role.as_deref());
        fields.extend(q.party.as_deref());
        fields.extend(q.verb.as_deref());
        if q.speaker.is_none() {
            fields.push("unattributed");
        }
        if q.kind == QuoteKind::Partial {
            fields.push(sentence_text(b, text, q.sentence));
        }
        if query.matches(&fields) {
            view.quotes.push(i);
        }
    }

    for (i, f) in b.facts.iter().enumerate() {
        if !fact_in_party[i] {
            continue;
        }
        let parties = party_names(&f.parties);
        let mut fields: Vec<&str> = vec![&f.text, &parties];
        if let Some(source) = &f.source {
            fields.push(&source.name);
            fields.push(&source.text);
        }
        if f.kind == FactKind::Reported {
            fields.push("reported");
        }
        if !query.matches(&fields) {
            continue;
        }
        if f.kind == FactKind::Commentary {
            view.commentary.push(i);
        } else {
            view.facts.push(i);
        }
    }

    let locator = Locator::new(b);
    let context_in_party = |c: Context| match c {
        Context::Quote(q) => quote_in_party.get(q).copied().unwrap_or(false),
        Context::Fact(f) => fact_in_party.get(f).copied().unwrap_or(false),
        Context::Text => filter.parties().is_empty(),
    };

    for (i, fig) in b.figures.iter().enumerate() {
        if !is_quantity(fig.kind) {
            continue;
        }
        let context = locator.context_of(fig.span);
        if !context_in_party(context) {
            continue;
        }
        let claimant = Claimant::of(b, context);
        let mut fields: Vec<&str> = vec![&fig.value, claimant.label()];
        fields.extend(fig.qualifier.as_deref());
        fields.extend(fig.unit.as_deref());
        fields.extend(fig.what.as_deref());
        if query.matches(&fields) {
            view.figures.push(FigureRow { figure: i, context, claimant });
        }
    }

    for (i, d) in b.dates.iter().enumerate() {
        let context = locator.context_of(d.span);
        if !context_in_party(context) {
            continue;
        }
        let claimant = Claimant::of(b, context);
        let label = d.iso.as_deref().map(date_label).unwrap_or_default();
        let fields = [d.text.as_str(), label.as_str(), context_text(b, text, context, d.sentence), claimant.label()];
        if query.matches(&fields) {
            view.timeline.push(TimelineEntry { date: i, context, claimant });
        }
    }
    order_timeline(b, &mut view.timeline);

    view
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::parser::*;

    /// A small hand-built breakdown of this text (byte offsets in comments):
    ///
    /// ```text
    /// Israel and Hamas met on Sunday. "We want 20 hostages back," said Ann Lee of Israel.
    /// Hamas called it a "show trial". This is a grim moment. Over 2,000 people marched.
    /// ```
    pub(crate) const TEXT: &str = "Israel and Hamas met on Sunday. \"We want 20 hostages back,\" said Ann Lee of Israel. Hamas called it a \"show trial\". This is a grim moment. Over 2,000 people marched.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect("needle in TEXT");
        Span::new(start, start + needle.len())
    }

    fn nth_span_of(needle: &str, n: usize) -> Span {
        let start = TEXT.match_indices(needle).nth(n).expect("needle in TEXT").0;
        Span::new(start, start + needle.len())
    }

    pub(crate) fn sample() -> Breakdown {
        let s0 = span_of("Israel and Hamas met on Sunday.");
        let s1 = span_of("\"We want 20 hostages back,\" said Ann Lee of Israel.");
        let s2 = span_of("Hamas called it a \"show trial\".");
        let s3 = span_of("This is a grim moment.");
        let s4 = span_of("Over 2,000 people marched.");
        let sentences = [s0, s1, s2, s3, s4].iter().map(|&span| Sentence { span, paragraph: 0 }).collect();
        let q0_inner = span_of("We want 20 hostages back,");
        let q1_inner = span_of("show trial");
        let quote = |text: &str, inner: Span, kind, speaker: Option<&str>, sentence| Quote {
            text: text.into(),
            span: inner,
            marks: Span::new(inner.start - 1, inner.end + 1),
            kind,
            speaker: speaker.map(Into::into),
            person: speaker.map(|_| 0),
            role: None,
            party: speaker.map(|_| "Israel".into()),
            parties: if speaker.is_some() { vec![0] } else { vec![] },
            verb: speaker.map(|_| "said".into()),
            cue: None,
            attribution: if speaker.is_some() { Attribution::Adjacent } else { Attribution::Unknown },
            speaker_via: None,
            party_via: None,
            sentence,
            paragraph: 0,
            continues: false,
        };
        let figure = |value: &str, span: Span, number: f64, what: &str, sentence| Figure {
            value: value.into(),
            span,
            number: Some(number),
            upper: None,
            kind: FigureKind::Count,
            qualifier: value.starts_with("Over").then(|| "over".into()),
            unit: None,
            what: Some(what.into()),
            sentence,
        };
        let fig_hostages = figure("20", span_of("20"), 20.0, "hostages", 1);
        let fig_people = figure("Over 2,000", span_of("Over 2,000"), 2000.0, "people", 4);
        let sunday = DateMention {
            text: "Sunday".into(),
            span: span_of("Sunday"),
            kind: DateKind::Weekday,
            iso: Some("2025-03-02".into()),
            sentence: 0,
        };
        let fact = |span: Span, kind, parties: Vec<usize>, sentence| Fact {
            text: span.of(TEXT).into(),
            span,
            kind,
            source: None,
            parties,
            figures: vec![],
            dates: vec![],
            quotes: vec![],
            sentence,
            paragraph: 0,
        };
        let mut f0 = fact(s0, FactKind::Fact, vec![0, 1], 0);
        f0.dates.push(sunday.clone());
        let mut f1 = fact(s2, FactKind::Reported, vec![1], 2);
        f1.source =
            Some(Source { text: "Hamas".into(), span: span_of("Hamas called"), name: "Hamas".into(), party: Some(1) });
        f1.quotes = vec![1];
        let f2 = fact(s3, FactKind::Commentary, vec![], 3);
        let mut f3 = fact(s4, FactKind::Fact, vec![], 4);
        f3.figures.push(fig_people.clone());
        Breakdown {
            version: SCHEMA_VERSION,
            meta: Meta::default(),
            stats: Stats::default(),
            paragraphs: vec![Paragraph {
                span: Span::new(0, TEXT.len()),
                role: ParagraphRole::Body,
                sentences: Span::new(0, 5),
            }],
            sentences,
            quotes: vec![
                quote("We want 20 hostages back,", q0_inner, QuoteKind::Direct, Some("Ann Lee"), 1),
                quote("show trial", q1_inner, QuoteKind::Term, None, 2),
            ],
            people: vec![Person {
                name: "Ann Lee".into(),
                aliases: vec![],
                role: None,
                party: Some(0),
                mentions: 1,
                quotes: 1,
                spans: vec![span_of("Ann Lee")],
            }],
            parties: vec![
                Party {
                    name: "Israel".into(),
                    kind: PartyKind::Country,
                    aliases: vec![],
                    mentions: 2,
                    people: vec![0],
                    spans: vec![nth_span_of("Israel", 0), nth_span_of("Israel", 1)],
                },
                Party {
                    name: "Hamas".into(),
                    kind: PartyKind::ArmedGroup,
                    aliases: vec![],
                    mentions: 2,
                    people: vec![],
                    spans: vec![nth_span_of("Hamas", 0), nth_span_of("Hamas", 1)],
                },
            ],
            facts: vec![f0, f1, f2, f3],
            figures: vec![fig_hostages, fig_people],
            dates: vec![sunday],
            notices: vec![],
        }
    }

    fn view(parties: &[&str], query: &str) -> SheetView {
        let b = sample();
        let names: Vec<String> = parties.iter().map(|s| s.to_string()).collect();
        sheet_view(&b, TEXT, &Filter::new(&b, &names, query))
    }

    #[test]
    fn without_a_filter_every_item_is_shown_in_its_section() {
        let v = view(&[], "");
        assert_eq!(v.parties, [0, 1]);
        assert_eq!(v.quotes, [0], "the term is not speech");
        assert_eq!(v.terms, [1]);
        assert_eq!(v.facts, [0, 1, 3], "facts and the reported statement");
        assert_eq!(v.commentary, [2]);
        assert_eq!(v.figures.iter().map(|r| r.figure).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(v.timeline.len(), 1);
        assert_eq!(v.item_count(), 1 + 1 + 3 + 1 + 2 + 1);
    }

    #[test]
    fn filter_resolves_names_and_ignores_unknown_ones() {
        let b = sample();
        let f = Filter::new(&b, &["Hamas".into(), "Atlantis".into()], "");
        assert_eq!(f.parties(), [1]);
        assert!(f.is_active());
        assert!(!Filter::new(&b, &[], " ").is_active());
    }

    #[test]
    fn party_filter_keeps_quotes_by_or_about_the_party() {
        // Ann Lee speaks for Israel.
        assert_eq!(view(&["Israel"], "").quotes, [0]);
        // Hamas neither speaks nor is named in her quote.
        assert!(view(&["Hamas"], "").quotes.is_empty());
        // The term sits in a fact involving Hamas, so it is about Hamas.
        assert_eq!(view(&["Hamas"], "").terms, [1]);
        assert!(view(&["Israel"], "").terms.is_empty());
    }

    #[test]
    fn party_filter_keeps_facts_involving_the_party() {
        let v = view(&["Hamas"], "");
        assert_eq!(v.facts, [0, 1]);
        assert!(v.commentary.is_empty(), "the commentary involves no party");
        let v = view(&["Israel"], "");
        assert_eq!(v.facts, [0]);
    }

    #[test]
    fn several_parties_show_what_concerns_any_of_them() {
        let v = view(&["Israel", "Hamas"], "");
        assert_eq!(v.quotes, [0]);
        assert_eq!(v.facts, [0, 1]);
        assert_eq!(v.terms, [1]);
    }

    #[test]
    fn figures_and_dates_follow_their_quote_or_fact() {
        // "20 hostages" is in Ann Lee's quote (Israel); "Over 2,000" in a fact with no party.
        let v = view(&["Israel"], "");
        assert_eq!(v.figures.iter().map(|r| r.figure).collect::<Vec<_>>(), [0]);
        assert_eq!(v.figures[0].claimant, Claimant::Speaker("Ann Lee".into()));
        // Sunday is in the fact naming both.
        assert_eq!(v.timeline.len(), 1);
        assert!(view(&["Hamas"], "").figures.is_empty());
        assert_eq!(view(&["Hamas"], "").timeline.len(), 1);
    }

    #[test]
    fn search_narrows_every_section() {
        let v = view(&[], "hamas");
        assert_eq!(v.parties, [1]);
        assert!(v.quotes.is_empty());
        assert_eq!(v.facts, [0, 1]);
        assert!(v.commentary.is_empty());
        assert!(v.figures.is_empty());
        // The timeline entry's sentence names Hamas.
        assert_eq!(v.timeline.len(), 1);
    }

    #[test]
    fn search_looks_at_speakers_sources_and_labels() {
        assert_eq!(view(&[], "ann lee").quotes, [0]);
        assert_eq!(view(&[], "ANN").figures.len(), 1, "the figure's claimant is Ann Lee");
        assert_eq!(view(&[], "reported").facts, [1]);
        assert_eq!(view(&[], "grim").commentary, [2]);
        assert_eq!(view(&[], "show trial").terms, [1]);
        assert_eq!(view(&[], "marched").facts, [3]);
        assert_eq!(view(&[], "Mar 2025").timeline.len(), 1, "dates match by their label");
    }

    #[test]
    fn selected_parties_stay_listed_while_searching() {
        let v = view(&["Israel"], "hamas");
        assert_eq!(v.parties, [0, 1]);
    }

    #[test]
    fn search_and_party_filter_combine() {
        let v = view(&["Israel"], "sunday");
        assert_eq!(v.facts, [0]);
        let v = view(&["Israel"], "called");
        assert!(v.facts.is_empty(), "the fact naming 'called' involves Hamas only");
    }

    #[test]
    fn years_dates_and_ordinals_are_not_in_the_figures_table() {
        let mut b = sample();
        b.figures[1].kind = FigureKind::Year;
        let v = sheet_view(&b, TEXT, &Filter::default());
        assert_eq!(v.figures.iter().map(|r| r.figure).collect::<Vec<_>>(), [0]);
        for (kind, shown) in [
            (FigureKind::Count, true),
            (FigureKind::Percent, true),
            (FigureKind::Money, true),
            (FigureKind::Duration, true),
            (FigureKind::Measure, true),
            (FigureKind::Year, false),
            (FigureKind::Date, false),
            (FigureKind::Ordinal, false),
        ] {
            assert_eq!(is_quantity(kind), shown, "{kind:?}");
        }
    }

    #[test]
    fn context_text_prefers_the_fact() {
        let b = sample();
        assert_eq!(context_text(&b, TEXT, Context::Fact(3), 0), "Over 2,000 people marched.");
        assert_eq!(
            context_text(&b, TEXT, Context::Quote(0), 1),
            "\"We want 20 hostages back,\" said Ann Lee of Israel."
        );
        assert_eq!(context_text(&b, TEXT, Context::Text, 3), "This is a grim moment.");
        assert_eq!(context_text(&b, TEXT, Context::Fact(42), 3), "");
    }

    #[test]
    fn locator_finds_the_innermost_holder() {
        let b = sample();
        let loc = Locator::new(&b);
        assert_eq!(loc.context_of(span_of("20")), Context::Quote(0));
        assert_eq!(loc.context_of(span_of("Over 2,000")), Context::Fact(3));
        // The term is not speech: what holds it is the fact.
        assert_eq!(loc.context_of(span_of("show")), Context::Fact(1));
        assert_eq!(loc.context_of(Span::new(TEXT.len() + 5, TEXT.len() + 9)), Context::Text);
    }

    #[test]
    fn claimants_say_who_puts_a_figure_forward() {
        let b = sample();
        assert_eq!(Claimant::of(&b, Context::Quote(0)).label(), "Ann Lee");
        assert_eq!(Claimant::of(&b, Context::Quote(1)), Claimant::Unattributed);
        assert_eq!(Claimant::of(&b, Context::Fact(1)), Claimant::Source("Hamas".into()));
        assert_eq!(Claimant::of(&b, Context::Fact(2)), Claimant::Writer);
        assert_eq!(Claimant::of(&b, Context::Fact(3)), Claimant::Article);
        assert_eq!(Claimant::of(&b, Context::Fact(99)), Claimant::Article);
        assert!(Claimant::Source("x".into()).is_named());
        assert!(!Claimant::Article.is_named());
    }

    #[test]
    fn membership_helpers() {
        let b = sample();
        assert!(quote_is_by(&b, 0, 0));
        assert!(!quote_is_by(&b, 0, 1));
        assert!(!quote_is_by(&b, 9, 0), "out of range is false, not a panic");
        assert!(!quote_mentions(&b, 0, 0), "Israel is named after the quote, not in it");
        assert!(fact_involves(&b, 1, 1));
        assert!(!fact_involves(&b, 2, 0));
    }

    #[test]
    fn a_quote_naming_a_party_is_about_it() {
        let mut b = sample();
        // Pretend "hostages" inside the quote were a mention of Hamas.
        b.parties[1].spans.insert(1, span_of("hostages"));
        assert!(quote_mentions(&b, 0, 1));
        let v = sheet_view(&b, TEXT, &Filter::new(&b, &["Hamas".into()], ""));
        assert_eq!(v.quotes, [0]);
    }
}
