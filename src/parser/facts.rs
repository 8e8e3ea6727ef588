//! Facts: the article's statements that are not direct quotes, each marked
//! as plain fact, reported speech, or the writer's own commentary.

use super::attribution::{Attributions, Frame};
use super::doc::Doc;
use super::entities::{strip_article, Entities, Target};
use super::lexer::{TokKind, CAP, NUM};
use super::lexicon::{ABSTRACT_NOUN, ANALYSIS_VERB, DET, EVALUATIVE, PRONOUN, SPEECH};
use super::model::{FactKind, ParagraphRole, QuoteKind, Span};

/// A fact before its figures and dates are attached.
pub(crate) struct RawFact {
    pub span: Span,
    pub kind: FactKind,
    pub source: Option<(Span, String, Option<usize>)>,
    pub parties: Vec<usize>,
    pub quotes: Vec<usize>,
    pub sentence: usize,
}

/// Facts of every body sentence.
pub(crate) fn find(doc: &Doc, ents: &Entities, attr: &Attributions) -> Vec<RawFact> {
    let mut out = Vec::new();
    let mut qi = 0;
    for s in 0..doc.sents.len() {
        let st = doc.sents[s];
        let role = doc.paras[st.para].role;
        // Quotes of this sentence.
        let mut direct: Vec<usize> = Vec::new();
        let mut inside: Vec<usize> = Vec::new();
        while qi < doc.quotes.len() && doc.quotes[qi].sent == s {
            match attr.quotes[qi].kind {
                QuoteKind::Direct => direct.push(qi),
                _ => inside.push(qi),
            }
            qi += 1;
        }
        if !matches!(role, ParagraphRole::Body) {
            continue;
        }
        let frames = &attr.frames[s];
        // The part of the sentence outside direct quotes that says something.
        let Some(span) = fact_span(doc, s, &direct, frames) else { continue };
        let (a, b) = token_range(doc, s, span);
        let reported = frames.iter().any(|f| f.verb >= a && f.verb < b && f.speaker.is_some());
        let source = frames.iter().filter(|f| f.verb >= a && f.verb < b).find_map(|f| source_of(doc, f));
        let mut parties = Vec::new();
        for t in a..b {
            if let Some(m) = ents.mention_at(t) {
                if m.a == t {
                    let p = match m.target {
                        Target::Party(p) => Some(p),
                        Target::Person(p) => ents.people[p].party,
                    };
                    if let Some(p) = p {
                        if !parties.contains(&p) {
                            parties.push(p);
                        }
                    }
                }
            }
        }
        for f in frames.iter().filter(|f| f.verb >= a && f.verb < b) {
            for &p in f.speaker.iter().flat_map(|s| s.parties.iter()) {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
        }
        let kind = if reported || source.is_some() {
            FactKind::Reported
        } else if is_commentary(doc, ents, a, b, !inside.is_empty(), frames.iter().any(|f| f.verb >= a && f.verb < b)) {
            FactKind::Commentary
        } else {
            FactKind::Fact
        };
        out.push(RawFact { span, kind, source, parties, quotes: inside, sentence: s });
    }
    out
}

fn token_range(doc: &Doc, s: usize, span: Span) -> (usize, usize) {
    let st = doc.sents[s];
    let a = (st.a..st.b).find(|&k| doc.toks[k].start >= span.start).unwrap_or(st.a);
    let b = (a..st.b).find(|&k| doc.toks[k].start >= span.end).unwrap_or(st.b);
    (a, b)
}

/// The sentence without its direct quotes and their bare attribution; `None`
/// when nothing but attribution is left ("…," he said).
fn fact_span(doc: &Doc, s: usize, direct: &[usize], frames: &[Frame]) -> Option<Span> {
    let st = doc.sents[s];
    if direct.is_empty() {
        return Some(doc.sentence_span(s));
    }
    // The longest stretch of tokens outside direct quotes.
    let mut best: Option<(usize, usize)> = None;
    let mut run_a = st.a;
    let mut k = st.a;
    let mut cuts: Vec<(usize, usize)> = direct.iter().map(|&q| (doc.quotes[q].open, doc.quotes[q].close)).collect();
    crate::order::sort_by(&mut cuts, Ord::cmp);
    let mut ci = 0;
    while k <= st.b {
        let at_cut = ci < cuts.len() && k == cuts[ci].0;
        if at_cut || k == st.b {
            if k > run_a {
                let words = (run_a..k).filter(|&t| doc.toks[t].is_word()).count();
                if best.is_none_or(|(a, b)| words > (a..b).filter(|&t| doc.toks[t].is_word()).count()) {
                    best = Some((run_a, k));
                }
            }
            if at_cut {
                k = cuts[ci].1 + 1;
                run_a = k;
                ci += 1;
                continue;
            }
        }
        k += 1;
    }
    let (mut a, mut b) = best?;
    // Trim punctuation and a trailing participle of speech ("…, adding,").
    loop {
        while a < b && !doc.toks[a].is_word() {
            a += 1;
        }
        while b > a && !doc.toks[b - 1].is_word() {
            b -= 1;
        }
        let last = doc.word(b.saturating_sub(1)).to_ascii_lowercase();
        if b > a && doc.info(b - 1).is(SPEECH) && (last.ends_with("ing") || b >= 2 && doc.toks[b - 2].is_punct(',')) {
            b -= 1;
            continue;
        }
        break;
    }
    if b <= a {
        return None;
    }
    // Only a speaker and a verb left: an attribution, not a fact.
    let words: Vec<usize> = (a..b).filter(|&t| doc.toks[t].is_word()).collect();
    let attribution_only = words.len() <= 8
        && frames.iter().any(|f| {
            let sub = f.subject.as_ref().map_or((f.verb, f.verb + 1), |np| (np.a, np.b));
            let lo = sub.0.min(f.verb);
            let hi = sub.1.max(f.verb_end + 1);
            words.iter().filter(|&&t| t < lo || t >= hi).count() <= 2
        });
    if attribution_only || words.len() < 3 {
        return None;
    }
    Some(Span::new(doc.toks[a].start, doc.toks[b - 1].end))
}

/// Where a reported fact comes from: "according to Israeli officials",
/// "Israel stated", "AFP quoted a Hamas official".
fn source_of(doc: &Doc, f: &Frame) -> Option<(Span, String, Option<usize>)> {
    let sp = f.speaker.as_ref()?;
    let np = f.subject.as_ref()?;
    let lo = np.a.min(f.verb);
    let hi = np.b.max(f.verb_end + 1);
    // "AFP quoted a Hamas official": include the one who quoted.
    let lo = if doc.word(f.verb) == "quoted" && f.verb > 0 {
        (0..f.verb).rev().take(4).find(|&k| doc.toks[k].is_word() && doc.toks[k].has(CAP)).unwrap_or(lo).min(lo)
    } else {
        lo
    };
    let span = Span::new(doc.toks[lo].start, doc.toks[hi - 1].end);
    let name = if sp.person.is_some() { sp.name.clone() } else { strip_article(&sp.name).to_string() };
    Some((span, name, sp.parties.first().copied()))
}

/// Nouns a writer's verdict is built on: "is a reminder", "a setback", "not a luxury".
// Inlined: as a call, its two users compile to 0.5 KB more gzipped wasm.
#[inline(always)]
fn is_verdict_noun(w: &str) -> bool {
    matches!(
        w,
        "reminder"
            | "cornerstone"
            | "testament"
            | "sign"
            | "warning"
            | "test"
            | "luxury"
            | "necessity"
            | "symbol"
            | "lesson"
            | "matter"
            | "measure"
            | "step"
            | "victory"
            | "setback"
            | "blow"
    )
}

/// Whether sentence tokens `a..b` carry any cue of commentary at all.
fn commentary_cue(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| doc.info(k).is(ANALYSIS_VERB | EVALUATIVE | ABSTRACT_NOUN))
        || doc.word(a).eq_ignore_ascii_case("whether")
        || doc.word(a).eq_ignore_ascii_case("how")
        || doc.word(a).eq_ignore_ascii_case("a")
        || (a..b).any(|k| {
            is_verdict_noun(doc.word(k))
                || matches!(
                    doc.word(k),
                    "leaves"
                        | "left"
                        | "laid"
                        | "shape"
                        | "shapes"
                        | "tests"
                        | "exposes"
                        | "deepens"
                        | "complicates"
                        | "always"
                        | "never"
                        | "everywhere"
                        | "inevitably"
                        | "cannot"
                        | "must"
                        | "should"
                        | "end"
                        | "come"
                        | "far"
                )
        })
}

/// "is a reminder that" (4), "remains far from clear" (2): a copula whose
/// subject names no one, with a verdict or an evaluative complement.
fn copula_score(doc: &Doc, ents: &Entities, words: &[usize]) -> i32 {
    let lower = |k: usize| doc.word(k).to_ascii_lowercase();
    let copulas: Vec<usize> = words
        .iter()
        .take(16)
        .enumerate()
        .filter(|(_, &k)| is_one_of(doc.word(k), &["is", "are", "remains", "remain"]))
        .map(|(i, _)| i)
        .collect();
    let mut copula_score = 0;
    for ci in copulas {
        let subject_named = words[..ci].iter().any(|&k| ents.mention_at(k).is_some());
        let complement: Vec<String> = words[ci + 1..].iter().take(5).map(|&k| lower(k)).collect();
        let reminder =
            complement.windows(2).any(|w| matches!(w[0].as_str(), "a" | "an" | "not") && is_verdict_noun(&w[1]));
        let evaluative_complement = words[ci + 1..].iter().take(6).any(|&k| doc.info(k).is(EVALUATIVE));
        if !subject_named && reminder {
            copula_score = 4;
        } else if !subject_named && evaluative_complement {
            copula_score = copula_score.max(2);
        }
    }
    copula_score
}

/// Whether `word` in lower case is one of `these` (written in lower case).
fn is_one_of(word: &str, these: &[&str]) -> bool {
    these.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// The writer's own analysis: an unattributed, evaluative sentence such as
/// "This engagement underscores the urgency of the situation.",
/// "Defeating malaria is both an urgent calling and an achievable goal." or
/// "How Paris manages that retreat will shape its influence for years to come."
///
/// A score of cues: an analysis verb ("underscores", "signals", "leaves")
/// whose subject is an abstract noun phrase rather than a named actor;
/// a clause as subject ("Whether …", "How …"); a copula with an evaluative
/// complement ("is a reminder that", "remains far from clear"); evaluative
/// and generalising words. Numbers, speech verbs, quotes and named actors
/// opening the sentence count against it.
fn is_commentary(doc: &Doc, ents: &Entities, a: usize, b: usize, has_quotes: bool, has_frame: bool) -> bool {
    if has_quotes || has_frame && b - a < 6 {
        return false;
    }
    // Cheap gate: most sentences carry none of the cues scored below.
    let cued = commentary_cue(doc, a, b);
    if !cued {
        return false;
    }
    let words: Vec<usize> = (a..b).filter(|&k| doc.toks[k].is_word()).collect();
    if words.len() < 5 {
        return false;
    }
    // Words compared in lower case, without making a lower-case copy.
    let is = |k: usize, these: &[&str]| is_one_of(doc.word(k), these);
    // The subject starts after a leading phrase ("For Kyiv, the arithmetic …").
    let mut first = words[0];
    if doc.info(first).is(super::lexicon::PREP | super::lexicon::SUBORD)
        && !is(first, &["whether", "how", "what", "why"])
    {
        if let Some(comma) = (a..b.min(a + 10)).find(|&k| doc.toks[k].is_punct(',')) {
            if let Some(&w) = words.iter().find(|&&w| w > comma) {
                first = w;
            }
        }
    }
    let words: Vec<usize> = words.into_iter().filter(|&w| w >= first).collect();
    let first_word = doc.word(first);
    let named_first = ents.mention_at(first).is_some();
    let mut score = 0i32;
    // The subject: an abstract or anaphoric noun phrase ("This engagement",
    // "The broader scope", "The blunt wording", "The withdrawal").
    let abstract_subject = !named_first
        && doc.info(first).is(DET | PRONOUN)
        && words.iter().skip(1).take(4).take_while(|&&k| ents.mention_at(k).is_none()).any(|&k| {
            let w = doc.word(k);
            !doc.toks[k].has(CAP)
                && (doc.info(k).is(ABSTRACT_NOUN)
                    || ["tion", "sion", "ment", "ness", "ity", "ance", "ence", "al", "ure", "ing", "ics"]
                        .iter()
                        .any(|suffix| w.len() > suffix.len() + 3 && w.ends_with(suffix)))
        });
    let anaphoric = is_one_of(first_word, &["this", "these", "such", "their", "its", "that", "those"]);
    // An analysis verb as main verb ("signals", "laid bare", "will shape").
    let analysis = words.iter().take(16).any(|&k| {
        let w = doc.word(k).as_bytes();
        !doc.toks[k].has(CAP)
            && ((doc.info(k).is(ANALYSIS_VERB)
                && (w.last().is_some_and(|c| c.eq_ignore_ascii_case(&b's'))
                    || w.len() >= 2 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed")))
                || is(k, &["leaves", "left", "laid", "shape", "shapes", "tests", "exposes", "deepens", "complicates"]))
    });
    if analysis && !named_first {
        score += 2;
        if abstract_subject || anaphoric {
            score += 2;
        }
    } else if abstract_subject {
        score += 1;
    }
    // A clause as subject: "Whether either side is ready … remains far from clear."
    if is_one_of(first_word, &["whether", "how", "what", "why"]) && doc.toks[first].has(CAP) {
        score += 2;
    }
    // Copula with an evaluative complement.
    score += copula_score(doc, ents, &words);
    // A generic subject with a modal: "A society that cannot learn the truth cannot govern itself."
    if is_one_of(first_word, &["a", "an"]) && words.iter().any(|&k| is(k, &["cannot", "must", "should"])) {
        score += 3;
    }
    let evaluative = words.iter().filter(|&&k| doc.info(k).is(EVALUATIVE) && !doc.toks[k].has(CAP)).count() as i32;
    score += evaluative.min(2);
    let generalising = words.iter().filter(|&&k| is(k, &["always", "never", "everywhere", "inevitably"])).count()
        + words
            .windows(3)
            .filter(|w| {
                (is(w[0], &["in"]) && is(w[1], &["the"]) && is(w[2], &["end"]))
                    || (is(w[0], &["years"]) && is(w[1], &["to"]) && is(w[2], &["come"]))
                    || (is(w[0], &["how"]) && is(w[1], &["far"]))
            })
            .count();
    score += generalising.min(2) as i32;
    // Facts carry numbers, speech and named actors doing things.
    let numbers = (a..b).filter(|&k| doc.toks[k].has(NUM)).count();
    let date_numbers = (a..b)
        .filter(|&k| doc.toks[k].has(NUM) && k > a && super::dates::month_number(doc.word(k - 1)).is_some())
        .count();
    score -= 3 * (numbers > date_numbers) as i32 + date_numbers.min(1) as i32;
    if named_first && matches!(ents.mention_at(first).map(|m| m.target), Some(Target::Person(_) | Target::Party(_))) {
        score -= 2;
    }
    if has_frame {
        score -= 3;
    }
    if (a..b).any(|k| matches!(doc.toks[k].kind, TokKind::Open(_))) {
        score -= 2;
    }
    score >= 4
}
