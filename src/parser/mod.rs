//! The article parser: pure Rust, `&str` in, [`Breakdown`] out.
//!
//! No browser APIs in here: it builds and tests natively and runs unchanged in
//! the WebAssembly app and in the `factsheet` command-line tool.
//!
//! The passes, in order (each module's docs say more):
//! 1. [`blocks`] splits paragraphs; [`quotes`] pairs quote marks inside them;
//!    [`lexer`] turns paragraphs into tokens; [`sentences`] and [`doc`] find
//!    sentences, the dateline, headline, timestamp and abstract.
//! 2. [`mentions`] finds parties and people (knowledge files in `data/` via
//!    [`lexicon`], plus the shapes of names).
//! 3. [`attribution`] finds speech verbs and their subjects and gives every
//!    quote a speaker and a kind.
//! 4. [`facts`], [`figures`] and [`dates`] build the reported statements.

mod affiliation;
mod attribution;
mod blocks;
mod dates;
mod doc;
mod entities;
mod facts;
mod figures;
mod lexer;
mod lexicon;
mod mentions;
mod model;
mod quotes;
mod sentences;

/// Calendar arithmetic, shared with the notes (dates of library entries).
pub(crate) use dates::Ymd;
pub use model::*;

use doc::Doc;

/// Breaks an article down into quotes, parties, facts, figures and dates.
///
/// Never panics; any input, however odd, gives a breakdown (possibly empty)
/// whose spans all lie on `char` boundaries inside `text`.
pub fn parse(text: &str) -> Breakdown {
    let doc = Doc::build(text);
    let ents = mentions::find(&doc);
    let attr = attribution::attribute(&doc, &ents);
    assemble(&doc, &ents, &attr)
}

fn assemble(doc: &Doc, ents: &entities::Entities, attr: &attribution::Attributions) -> Breakdown {
    let text = doc.text;
    // Figures and dates, sentence by sentence (not in the timestamp line).
    let mut figures_all = Vec::new();
    let mut dates_all = Vec::new();
    for s in 0..doc.sents.len() {
        if doc.role_of_sentence(s) == ParagraphRole::Timestamp {
            continue;
        }
        figures::find(doc, s, &mut figures_all);
        let st = doc.sents[s];
        dates::find_dates(text, &doc.toks[st.a..st.b], s, doc.reference, &mut dates_all);
    }

    // Parties that are named, most named first; indices remapped.
    let mut used = vec![false; ents.parties.len()];
    for (i, p) in ents.parties.iter().enumerate() {
        used[i] = p.mentions > 0;
    }
    for r in &attr.quotes {
        for &p in r.speaker.iter().flat_map(|s| s.parties.iter()) {
            used[p] = true;
        }
    }
    let mut order: Vec<usize> = (0..ents.parties.len()).filter(|&i| used[i]).collect();
    order.sort_by_key(|&p| (std::cmp::Reverse(ents.parties[p].mentions), ents.parties[p].first));
    let mut party_map = vec![usize::MAX; ents.parties.len()];
    for (new, &old) in order.iter().enumerate() {
        party_map[old] = new;
    }
    let map_party = |p: usize| party_map.get(p).copied().filter(|&i| i != usize::MAX);

    // People who are named.
    let person_order: Vec<usize> = (0..ents.people.len()).filter(|&i| ents.people[i].mentions > 0).collect();
    let mut person_map = vec![usize::MAX; ents.people.len()];
    for (new, &old) in person_order.iter().enumerate() {
        person_map[old] = new;
    }

    // Quotes.
    let mut quotes_out = Vec::with_capacity(doc.quotes.len());
    let mut quote_count = vec![0usize; ents.people.len()];
    // Descriptions that speak for one party ("a Hamas official") are its aliases too.
    let mut extra_aliases: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let r = &attr.quotes[qi];
        let inner = q.span.inner();
        let sp = r.speaker.as_ref();
        let parties: Vec<usize> =
            sp.map(|s| s.parties.iter().filter_map(|&p| map_party(p)).collect()).unwrap_or_default();
        let party = party_label(sp.map(|s| s.parties.as_slice()).unwrap_or(&[]), ents);
        if let Some(s) = sp {
            if let Some(p) = s.person {
                quote_count[p] += 1;
            } else if s.parties.len() == 1 {
                let list = extra_aliases.entry(s.parties[0]).or_default();
                if !list.contains(&s.name) {
                    list.push(s.name.clone());
                }
            }
        }
        quotes_out.push(Quote {
            text: inner.of(text).to_string(),
            span: inner,
            marks: q.span.outer(),
            kind: r.kind,
            speaker: sp.map(|s| s.name.clone()),
            person: sp.and_then(|s| s.person).and_then(|p| person_map.get(p).copied()).filter(|&i| i != usize::MAX),
            role: sp.and_then(|s| s.role.clone()),
            party,
            parties,
            verb: r.verb.clone(),
            cue: sp.map(|s| s.cue),
            attribution: r.how,
            speaker_via: sp.map(|s| s.via),
            party_via: sp.filter(|s| !s.parties.is_empty()).map(|s| s.party_via.unwrap_or(PartyVia::Stated)),
            sentence: q.sent,
            paragraph: q.para,
            continues: q.span.continues,
        });
    }

    let people: Vec<Person> = person_order
        .iter()
        .map(|&i| {
            let p = &ents.people[i];
            Person {
                name: p.name.clone(),
                aliases: p.aliases.clone(),
                role: p.role.clone(),
                party: p.party.and_then(map_party),
                mentions: p.mentions,
                quotes: quote_count[i],
                spans: p.spans.clone(),
            }
        })
        .collect();

    let parties: Vec<Party> = order
        .iter()
        .map(|&i| {
            let p = &ents.parties[i];
            let mut aliases = p.aliases.clone();
            for alias in extra_aliases.get(&i).into_iter().flatten() {
                let alias = entities::strip_article(alias);
                if alias != p.name && !aliases.iter().any(|a| a == alias) {
                    aliases.push(alias.to_string());
                }
            }
            Party {
                name: p.name.clone(),
                kind: p.kind,
                aliases,
                mentions: p.mentions,
                people: p
                    .people
                    .iter()
                    .filter_map(|&x| person_map.get(x).copied())
                    .filter(|&x| x != usize::MAX)
                    .collect(),
                spans: p.spans.clone(),
            }
        })
        .collect();

    // Facts with their figures and dates.
    let raw = facts::find(doc, ents, attr);
    let facts_out: Vec<Fact> = raw
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
                text: f.span.of(text).to_string(),
                span: f.span,
                kind: f.kind,
                source: f.source.map(|(span, name, party)| Source {
                    text: span.of(text).to_string(),
                    span,
                    name,
                    party: party.and_then(map_party),
                }),
                parties: f.parties.iter().filter_map(|&p| map_party(p)).collect(),
                figures,
                dates,
                quotes: f.quotes,
                sentence: f.sentence,
                paragraph: doc.sents[f.sentence].para,
            }
        })
        .collect();

    let paragraphs: Vec<Paragraph> = {
        let mut out = Vec::with_capacity(doc.paras.len());
        let mut s = 0;
        for (pi, p) in doc.paras.iter().enumerate() {
            let first = s;
            while s < doc.sents.len() && doc.sents[s].para == pi {
                s += 1;
            }
            out.push(Paragraph { span: p.span, role: p.role, sentences: Span::new(first, s) });
        }
        out
    };
    let sentences: Vec<Sentence> =
        (0..doc.sents.len()).map(|s| Sentence { span: doc.sentence_span(s), paragraph: doc.sents[s].para }).collect();

    let mut notices = Vec::new();
    if text.trim().is_empty() {
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

    let stats = Stats {
        bytes: text.len(),
        words: doc.toks.iter().filter(|t| t.is_word()).count(),
        paragraphs: doc.paras.len(),
        sentences: doc.sents.len(),
        quotes: quotes_out.iter().filter(|q| q.kind != QuoteKind::Term).count(),
        terms: quotes_out.iter().filter(|q| q.kind == QuoteKind::Term).count(),
        facts: facts_out.iter().filter(|f| f.kind != FactKind::Commentary).count(),
        commentary: facts_out.iter().filter(|f| f.kind == FactKind::Commentary).count(),
        parties: parties.len(),
        people: people.len(),
        figures: figures_all.len(),
        dates: dates_all.len(),
    };

    Breakdown {
        version: SCHEMA_VERSION,
        meta: doc.meta.clone(),
        stats,
        paragraphs,
        sentences,
        quotes: quotes_out,
        people,
        parties,
        facts: facts_out,
        figures: figures_all,
        dates: dates_all,
        notices,
    }
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
fn party_label(parties: &[usize], ents: &entities::Entities) -> Option<String> {
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

/// A developer's view of the analysis: sentences with their mentions and
/// speech frames (used by `factsheet --debug`; not a stable format).
#[doc(hidden)]
pub fn debug_dump(text: &str) -> String {
    use std::fmt::Write as _;
    let doc = Doc::build(text);
    let ents = mentions::find(&doc);
    let attr = attribution::attribute(&doc, &ents);
    let mut out = String::new();
    for (s, st) in doc.sents.iter().enumerate() {
        let _ = write!(out, "[{s}]");
        let mut k = st.a;
        while k < st.b {
            if let Some(m) = ents.mention_at(k).filter(|m| m.a == k) {
                let target = match m.target {
                    entities::Target::Party(p) => format!("P:{}", ents.parties[p].name),
                    entities::Target::Person(p) => format!("H:{}", ents.people[p].name),
                };
                let words: Vec<&str> = (m.a..m.b).map(|i| doc.word(i)).collect();
                let _ =
                    write!(out, " {{{}={}{}}}", words.join(" "), target, if m.antecedent.is_some() { "*" } else { "" });
                k = m.b;
                continue;
            }
            let _ = write!(out, " {}", doc.word(k));
            k += 1;
        }
        for f in &attr.frames[s] {
            let _ = write!(
                out,
                "\n    frame '{}' subject={:?} inverted={} speaker={:?}",
                doc.word(f.verb),
                f.subject.as_ref().map(|np| (np.a..np.b).map(|i| doc.word(i)).collect::<Vec<_>>().join(" ")),
                f.inverted,
                f.speaker.as_ref().map(|sp| (
                    &sp.name,
                    sp.parties.iter().map(|&p| ents.parties[p].name.as_str()).collect::<Vec<_>>()
                ))
            );
        }
        out.push('\n');
    }
    out
}
