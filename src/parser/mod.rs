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
//!    [`lexicon`], plus the shapes of names) into [`entities`]; [`affiliation`]
//!    adds the parties people have only by context.
//! 3. [`attribution`] finds speech verbs and their subjects and gives every
//!    quote a speaker and a kind.
//! 4. [`assemble`] builds the [`Breakdown`]: [`figures`] and [`dates`] per
//!    sentence, [`facts`], and the parties and people that are named.
//!
//! The modules use each other without cycles (`scripts/parser-deps.py`);
//! stored indices that may be missing are typed ([`ids`]).

mod affiliation;
mod assemble;
mod attribution;
mod blocks;
mod dates;
mod doc;
mod entities;
mod facts;
mod figures;
mod ids;
mod lexer;
mod lexicon;
mod mentions;
mod model;
pub mod page;
mod quotes;
mod sentences;

pub use model::*;

use doc::Doc;

/// Breaks an article down into quotes, parties, facts, figures and dates.
///
/// Never panics; any input, however odd, gives a breakdown (possibly empty)
/// whose spans all lie on `char` boundaries inside `text`.
pub fn parse(text: &str) -> Breakdown {
    parse_with(text, &Options::default())
}

/// [`parse`], with what the reader said about the text (see [`Options`]).
pub fn parse_with(text: &str, options: &Options) -> Breakdown {
    let doc = Doc::build(text, &options.article_lines);
    let ents = mentions::find(&doc);
    let attr = attribution::attribute(&doc, &ents);
    assemble::Assembly::new(&doc, &ents, &attr).breakdown()
}

/// A developer's view of the analysis: sentences with their mentions and
/// speech frames (used by `factsheet --debug`; not a stable format).
#[doc(hidden)]
pub fn debug_dump(text: &str) -> String {
    use std::fmt::Write as _;
    let doc = Doc::build(text, &[]);
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
