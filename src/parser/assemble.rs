//! The last pass: the [`Breakdown`] the sheet shows, built from what the
//! passes before found. Parties and people that the text names are kept and
//! renumbered (parties most named first); quotes, facts, figures and dates
//! refer to them by their new index.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use super::attribution::Attributions;
use super::doc::Doc;
use super::entities::{strip_article, Entities};
use super::model::{
    Breakdown, DateMention, Fact, FactKind, Figure, Notice, Paragraph, ParagraphRole, PartyVia, Person, Quote,
    QuoteKind, Sentence, Source, Span, Stats, SCHEMA_VERSION,
};
use super::{dates, facts, figures, page};

/// The state of the assembly: the passes' results and the renumbering of
/// parties and people.
pub(crate) struct Assembly<'d, 'a> {
    doc: &'d Doc<'a>,
    ents: &'d Entities,
    attr: &'d Attributions,
    /// Old party index → index in [`Breakdown::parties`] (`None`: not named).
    party_map: Vec<Option<usize>>,
    /// The parties kept, in their new order (old indices).
    party_order: Vec<usize>,
    /// Old person index → index in [`Breakdown::people`] (`None`: not named).
    person_map: Vec<Option<usize>>,
    person_order: Vec<usize>,
}

impl<'d, 'a> Assembly<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, ents: &'d Entities, attr: &'d Attributions) -> Self {
        // Parties that are named (or speak), most named first.
        let mut used: Vec<bool> = ents.parties.iter().map(|p| p.mentions > 0).collect();
        for r in &attr.quotes {
            for &p in r.speaker.iter().flat_map(|s| s.parties.iter()) {
                used[p] = true;
            }
        }
        let mut party_order: Vec<usize> = (0..ents.parties.len()).filter(|&i| used[i]).collect();
        crate::order::sort_by_key(&mut party_order, |&p| (Reverse(ents.parties[p].mentions), ents.parties[p].first));
        let person_order: Vec<usize> = (0..ents.people.len()).filter(|&i| ents.people[i].mentions > 0).collect();
        Assembly {
            doc,
            ents,
            attr,
            party_map: renumbering(&party_order, ents.parties.len()),
            party_order,
            person_map: renumbering(&person_order, ents.people.len()),
            person_order,
        }
    }

    fn party(&self, old: usize) -> Option<usize> {
        self.party_map.get(old).copied().flatten()
    }

    fn person(&self, old: usize) -> Option<usize> {
        self.person_map.get(old).copied().flatten()
    }

    /// The breakdown.
    pub fn breakdown(&self) -> Breakdown {
        let doc = self.doc;
        let (figures, dates) = self.figures_and_dates();
        let (quotes, quote_counts, descriptions) = self.quotes();
        let people = self.people(&quote_counts);
        let parties = self.parties(&descriptions);
        let facts = self.facts(&figures, &dates);
        let stats = Stats {
            bytes: doc.text.len(),
            words: doc.toks.iter().filter(|t| t.is_word()).count(),
            paragraphs: doc.paras.len(),
            sentences: doc.sents.len(),
            quotes: quotes.iter().filter(|q| q.kind != QuoteKind::Term).count(),
            terms: quotes.iter().filter(|q| q.kind == QuoteKind::Term).count(),
            facts: facts.iter().filter(|f| f.kind != FactKind::Commentary).count(),
            commentary: facts.iter().filter(|f| f.kind == FactKind::Commentary).count(),
            parties: parties.len(),
            people: people.len(),
            figures: figures.len(),
            dates: dates.len(),
        };
        Breakdown {
            version: SCHEMA_VERSION,
            meta: doc.meta.clone(),
            stats,
            paragraphs: self.paragraphs(),
            sentences: (0..doc.sents.len())
                .map(|s| Sentence { span: doc.sentence_span(s), paragraph: doc.line_of_para[doc.sents[s].para] })
                .collect(),
            quotes,
            people,
            parties,
            facts,
            figures,
            dates,
            notices: self.notices(),
        }
    }

    /// Figures and dates, sentence by sentence (not in the timestamp line), in text order.
    fn figures_and_dates(&self) -> (Vec<Figure>, Vec<DateMention>) {
        let doc = self.doc;
        let mut figures_all = Vec::new();
        let mut dates_all = Vec::new();
        for s in 0..doc.sents.len() {
            if doc.role_of_sentence(s) == ParagraphRole::Timestamp {
                continue;
            }
            figures::find(doc, s, &mut figures_all);
            let st = doc.sents[s];
            dates::find_dates(doc.text, &doc.toks[st.a..st.b], s, doc.reference, &mut dates_all);
        }
        (figures_all, dates_all)
    }

    /// The quotes; how many each person (old index) speaks; and the
    /// descriptions that speak for one party ("a Hamas official"), which
    /// become that party's aliases.
    fn quotes(&self) -> (Vec<Quote>, Vec<usize>, BTreeMap<usize, Vec<String>>) {
        let (doc, ents) = (self.doc, self.ents);
        let mut out = Vec::with_capacity(doc.quotes.len());
        let mut quote_count = vec![0usize; ents.people.len()];
        let mut descriptions: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (qi, q) in doc.quotes.iter().enumerate() {
            let r = &self.attr.quotes[qi];
            let inner = q.span.inner();
            let sp = r.speaker.as_ref();
            if let Some(s) = sp {
                if let Some(p) = s.person {
                    quote_count[p] += 1;
                } else if s.parties.len() == 1 {
                    let list = descriptions.entry(s.parties[0]).or_default();
                    if !list.contains(&s.name) {
                        list.push(s.name.clone());
                    }
                }
            }
            out.push(Quote {
                text: inner.of(doc.text).to_string(),
                span: inner,
                marks: q.span.outer(),
                kind: r.kind,
                speaker: sp.map(|s| s.name.clone()),
                person: sp.and_then(|s| s.person).and_then(|p| self.person(p)),
                role: sp.and_then(|s| s.role.clone()),
                party: party_label(sp.map(|s| s.parties.as_slice()).unwrap_or(&[]), ents),
                parties: sp.map(|s| s.parties.iter().filter_map(|&p| self.party(p)).collect()).unwrap_or_default(),
                verb: r.verb.clone(),
                cue: sp.map(|s| s.cue),
                attribution: r.how,
                speaker_via: sp.map(|s| s.via),
                party_via: sp.filter(|s| !s.parties.is_empty()).map(|s| s.party_via.unwrap_or(PartyVia::Stated)),
                sentence: q.sent,
                paragraph: doc.line_of_para[q.para],
                continues: q.span.continues,
            });
        }
        (out, quote_count, descriptions)
    }

    fn people(&self, quote_counts: &[usize]) -> Vec<Person> {
        self.person_order
            .iter()
            .map(|&i| {
                let p = &self.ents.people[i];
                Person {
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    role: p.role.clone(),
                    party: p.party.and_then(|x| self.party(x)),
                    mentions: p.mentions,
                    quotes: quote_counts[i],
                    spans: p.spans.clone(),
                }
            })
            .collect()
    }

    fn parties(&self, descriptions: &BTreeMap<usize, Vec<String>>) -> Vec<super::model::Party> {
        self.party_order
            .iter()
            .map(|&i| {
                let p = &self.ents.parties[i];
                let mut aliases = p.aliases.clone();
                for alias in descriptions.get(&i).into_iter().flatten() {
                    let alias = strip_article(alias);
                    if alias != p.name && !aliases.iter().any(|a| a == alias) {
                        aliases.push(alias.to_string());
                    }
                }
                super::model::Party {
                    name: p.name.clone(),
                    kind: p.kind,
                    aliases,
                    mentions: p.mentions,
                    people: p.people.iter().filter_map(|&x| self.person(x)).collect(),
                    spans: p.spans.clone(),
                }
            })
            .collect()
    }

    /// Facts with the figures and dates inside them.
    fn facts(&self, figures_all: &[Figure], dates_all: &[DateMention]) -> Vec<Fact> {
        let doc = self.doc;
        facts::find(doc, self.ents, self.attr)
            .into_iter()
            .map(|f| {
                // Both lists are in text order: take the stretch inside the fact.
                let fig_from = figures_all.partition_point(|x| x.span.start < f.span.start);
                let figures: Vec<Figure> = figures_all[fig_from..]
                    .iter()
                    .take_while(|x| x.span.start < f.span.end)
                    .filter(|x| f.span.contains(x.span))
                    .cloned()
                    .collect();
                let date_from = dates_all.partition_point(|x| x.span.start < f.span.start);
                let dates: Vec<DateMention> = dates_all[date_from..]
                    .iter()
                    .take_while(|x| x.span.start < f.span.end)
                    .filter(|x| f.span.contains(x.span))
                    .cloned()
                    .collect();
                Fact {
                    text: f.span.of(doc.text).to_string(),
                    span: f.span,
                    kind: f.kind,
                    source: f.source.map(|(span, name, party)| Source {
                        text: span.of(doc.text).to_string(),
                        span,
                        name,
                        party: party.and_then(|p| self.party(p)),
                    }),
                    parties: f.parties.iter().filter_map(|&p| self.party(p)).collect(),
                    figures,
                    dates,
                    quotes: f.quotes,
                    sentence: f.sentence,
                    paragraph: doc.line_of_para[doc.sents[f.sentence].para],
                }
            })
            .collect()
    }

    /// Every line of the text as a paragraph: the article's with their roles
    /// and sentences, the byline and page furniture with none.
    fn paragraphs(&self) -> Vec<Paragraph> {
        let doc = self.doc;
        let mut out: Vec<Paragraph> = doc
            .lines
            .iter()
            .zip(&doc.layout.roles)
            .map(|(&span, role)| Paragraph {
                span,
                role: match role {
                    page::LineRole::Byline => ParagraphRole::Byline,
                    page::LineRole::Headline => ParagraphRole::Headline,
                    page::LineRole::Timestamp => ParagraphRole::Timestamp,
                    page::LineRole::Article | page::LineRole::Furniture => ParagraphRole::Furniture,
                },
                sentences: Span::new(0, 0),
            })
            .collect();
        let mut s = 0;
        for (pi, p) in doc.paras.iter().enumerate() {
            let first = s;
            while s < doc.sents.len() && doc.sents[s].para == pi {
                s += 1;
            }
            if let Some(slot) = out.get_mut(doc.line_of_para[pi]) {
                *slot = Paragraph { span: p.span, role: p.role, sentences: Span::new(first, s) };
            }
        }
        // Lines without sentences point at where the next sentence starts.
        let mut next = doc.sents.len();
        for p in out.iter_mut().rev() {
            if p.sentences.is_empty() {
                p.sentences = Span::new(next, next);
            } else {
                next = p.sentences.start;
            }
        }
        out
    }

    fn notices(&self) -> Vec<Notice> {
        let doc = self.doc;
        let mut notices = Vec::new();
        if doc.text.trim().is_empty() {
            notices.push(Notice { message: "The text is empty.".into(), span: None });
        }
        for &span in &doc.unclosed_quotes {
            notices.push(Notice {
                message:
                    "A quotation mark opens here and is never closed; the quote was ended at the end of its paragraph."
                        .into(),
                span: Some(span),
            });
        }
        notices
    }
}

/// Old index → new index for the items of `order` (the others map to `None`).
fn renumbering(order: &[usize], len: usize) -> Vec<Option<usize>> {
    let mut map = vec![None; len];
    for (new, &old) in order.iter().enumerate() {
        map[old] = Some(new);
    }
    map
}

/// Country and body names read with "the" in running text ("the United States").
fn takes_article(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "United"
            | "Republic"
            | "Kingdom"
            | "Democratic"
            | "Central"
            | "Czech"
            | "Dominican"
            | "European"
            | "African"
            | "Islamic"
            | "State"
    ) || (name.ends_with('s')
        && !name.contains(' ')
        && matches!(name, "Netherlands" | "Philippines" | "Bahamas" | "Maldives" | "Comoros" | "Seychelles"))
}

/// "United States", or "France, the United Kingdom and Germany" for a group.
fn party_label(parties: &[usize], ents: &Entities) -> Option<String> {
    let names: Vec<String> = parties
        .iter()
        .map(|&p| {
            let name = ents.parties[p].name.as_str();
            if parties.len() > 1 && takes_article(name) {
                format!("the {name}")
            } else {
                name.to_string()
            }
        })
        .collect();
    match names.len() {
        0 => None,
        1 => Some(names[0].clone()),
        n => Some(format!("{} and {}", names[..n - 1].join(", "), names[n - 1])),
    }
}
