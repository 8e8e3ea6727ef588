//! Who said it: speech frames ("X said", "said X", "adding,") and their
//! subjects, resolved through pronouns, descriptions and the sentences
//! before; then the speaker and kind of every quote.
//!
//! A quote takes, in order: the frame right after it (`"…," X said`), the
//! frame right before it (`X said, "…"`), another frame of its sentence
//! (partial quotes in reported speech), the speaker of the quote it
//! continues, or the speaker named in the sentence before. Failing all of
//! these it stays unattributed: an honest unknown beats a wrong guess.

use super::doc::Doc;
use super::entities::{strip_article, Entities, Mention, Target};
use super::lexer::{TokKind, CAP, NUM, POSS, SENT_START};
use super::lexicon::{
    Gender, VerbForm, WordInfo, WordList, ADVERB, ANALYSIS_VERB, AUX, COMPANY_NOUN, CONJ, DESIGNATION, DET, GROUP_NOUN,
    MEDIA_NOUN, MONTH, ORG_NOUN, PERSON_NOUN, PREP, PRONOUN, SPEECH, STATEMENT_NOUN, SUBORD, THINK, VERBISH, WEEKDAY,
    WORK_NOUN,
};
use super::model::{Attribution, PartyKind, PartyVia, QuoteKind, Span, SpeakerVia};

/// A noun phrase naming who speaks.
#[derive(Clone, Debug)]
pub(crate) struct Np {
    pub a: usize,
    pub b: usize,
    pub kind: NpKind,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NpKind {
    /// A mention (index into `Entities::mentions`).
    Mention(usize),
    /// Several mentions joined by commas and "and".
    Group(Vec<usize>),
    Pronoun,
    /// "a Hamas official", "the three European nations".
    Description,
    /// A capitalised name no list knows.
    Name,
}

/// A speech verb with its subject.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub verb: usize,
    /// Last token of the frame's verb phrase ("according to" spans two).
    pub verb_end: usize,
    pub subject: Option<Np>,
    /// The subject follows the verb ("said X").
    pub inverted: bool,
    pub speaker: Option<Speaker>,
    /// Reported thought ("believes") rather than speech.
    pub thought: bool,
}

/// A resolved speaker.
#[derive(Clone, Debug, Default)]
pub(crate) struct Speaker {
    pub name: String,
    pub person: Option<usize>,
    pub role: Option<String>,
    pub parties: Vec<usize>,
    pub cue: Span,
    pub plural: bool,
    /// Head noun of an institutional description ("ministry").
    pub head: Option<String>,
    /// How the text names the speaker.
    pub via: SpeakerVia,
    /// Where the party comes from (when there is one).
    pub party_via: Option<PartyVia>,
}

impl Speaker {
    /// The same speaker, named another way (a pronoun, a description).
    fn named_by(mut self, via: SpeakerVia) -> Speaker {
        self.via = via;
        self
    }

    /// The same speaker, with a party found from the context.
    fn party_from(mut self, via: PartyVia) -> Speaker {
        if !self.parties.is_empty() {
            self.party_via = Some(via);
        }
        self
    }
}

/// What was found for one quote.
#[derive(Clone, Debug)]
pub(crate) struct QuoteResult {
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub verb: Option<String>,
    pub how: Attribution,
}

/// Memory of who was talked about, for pronouns and definite descriptions.
#[derive(Default)]
struct Discourse {
    last_person: Option<(usize, Gender)>,
    recent_people: Vec<usize>,
    last_group: Option<Speaker>,
    last_statement: Option<Speaker>,
    /// Recent speakers known only by a description ("a senior Hamas official").
    described: Vec<(String, Speaker)>,
    /// A person-like description that spoke after the last named person
    /// ("One victim … told the judge"): "she" may mean her.
    human_description: Option<Speaker>,
    /// Genders learned from the pronouns that referred to a person.
    genders: Vec<(usize, Gender)>,
    /// Institutional speakers by head noun ("ministry" → Saudi Arabia's foreign ministry).
    institutions: Vec<Speaker>,
    last_party: Option<usize>,
}

/// Frames of every sentence and the results for every quote.
pub(crate) struct Attributions {
    pub frames: Vec<Vec<Frame>>,
    pub quotes: Vec<QuoteResult>,
}

pub(crate) fn attribute(doc: &Doc, ents: &Entities) -> Attributions {
    let mut disc = Discourse::default();
    let mut frames_all: Vec<Vec<Frame>> = Vec::with_capacity(doc.sents.len());
    let mut results: Vec<QuoteResult> = Vec::with_capacity(doc.quotes.len());
    let mut qi = 0;
    for s in 0..doc.sents.len() {
        let mut frames = find_frames(doc, ents, s);
        for k in 0..frames.len() {
            let Some(np) = frames[k].subject.clone() else { continue };
            // "X called it "…", though he warned …": a pronoun takes the
            // person who spoke earlier in the same sentence.
            let earlier = (np.kind == NpKind::Pronoun)
                .then(|| same_sentence_person(doc, ents, &np, &frames[..k], &disc))
                .flatten();
            frames[k].speaker = earlier.or_else(|| resolve(doc, ents, &np, &disc));
        }
        // Participles and "to say" take the subject of their clause.
        for k in 0..frames.len() {
            if frames[k].subject.is_none() && !frames[k].inverted {
                // "said China hoped …, adding": the speaker, not the belief reported.
                let prior = last_speaker_frame(&frames[..k], |_| true).and_then(|f| f.speaker.clone());
                frames[k].speaker = prior.or_else(|| {
                    let np = main_subject(doc, ents, s)?;
                    let sp = resolve(doc, ents, &np, &disc);
                    frames[k].subject = Some(np);
                    sp
                });
            }
        }
        while qi < doc.quotes.len() && doc.quotes[qi].sent == s {
            let r = attribute_quote(doc, ents, qi, &frames, &results, &frames_all, &disc);
            results.push(r);
            qi += 1;
        }
        update_discourse(doc, ents, s, &frames, &mut disc);
        frames_all.push(frames);
    }
    // Quotes outside any sentence (none in practice) stay unknown.
    while results.len() < doc.quotes.len() {
        results.push(QuoteResult { kind: QuoteKind::Term, speaker: None, verb: None, how: Attribution::Unknown });
    }
    name_the_lede_speaker(doc, &frames_all, &mut results);
    Attributions { frames: frames_all, quotes: results }
}

/// A news lede often describes its speaker before naming them: "…, a top
/// researcher in Washington says." then "Anthony Fauci, director of …,
/// said …" in the next paragraph. A quote of the lede given to such an
/// indefinite description goes to the person the next paragraph introduces
/// as a speaker, unless the description keeps them anonymous.
fn name_the_lede_speaker(doc: &Doc, frames: &[Vec<Frame>], results: &mut [QuoteResult]) {
    let Some(first_body) = doc.paras.iter().position(|p| p.role == super::model::ParagraphRole::Body) else { return };
    for (qi, r) in results.iter_mut().enumerate() {
        let q = &doc.quotes[qi];
        if q.para != first_body {
            continue;
        }
        let Some(sp) = r.speaker.as_ref().filter(|sp| sp.person.is_none() && sp.parties.is_empty()) else { continue };
        let cue_a = (doc.sents[q.sent].a..doc.sents[q.sent].b).find(|&k| doc.toks[k].start == sp.cue.start);
        let Some(cue_a) = cue_a else { continue };
        let indefinite = matches!(doc.word(cue_a).to_ascii_lowercase().as_str(), "a" | "an");
        let singular_person = (cue_a..doc.sents[q.sent].b)
            .take_while(|&k| doc.toks[k].start < sp.cue.end)
            .any(|k| is_description_noun(doc, k) && info(doc, k).is(PERSON_NOUN) && !doc.word(k).ends_with('s'));
        let anonymous = (doc.paras[q.para].a..doc.paras[q.para].b)
            .any(|k| matches!(doc.word(k), "anonymity" | "anonymous" | "unnamed" | "unidentified"));
        if !indefinite || !singular_person || anonymous {
            continue;
        }
        // The next paragraph's first speech frame with a named person.
        let next =
            doc.sents.iter().enumerate().filter(|(_, st)| st.para == q.para + 1).find_map(|(s, _)| {
                frames.get(s)?.iter().find_map(|f| f.speaker.as_ref().filter(|sp| sp.person.is_some()))
            });
        if let Some(named) = next {
            let mut named = named.clone();
            named.cue = sp.cue;
            r.speaker = Some(named);
        }
    }
}

fn info(doc: &Doc, i: usize) -> super::lexicon::WordInfo {
    match doc.toks.get(i) {
        Some(t) if t.is_word() => doc.info(i),
        _ => Default::default(),
    }
}

fn is_word(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| t.is_word())
}

fn lower_word(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| t.is_word() && !t.has(CAP) && !t.has(NUM))
}

/// Speech verbs of sentence `s` (outside quotes) with their subjects.
fn find_frames(doc: &Doc, ents: &Entities, s: usize) -> Vec<Frame> {
    let st = doc.sents[s];
    let mut out = Vec::new();
    let fronted = fronted_phrase_end(doc, st.a, st.b);
    let mut i = st.a;
    while i < st.b {
        let t = &doc.toks[i];
        if !t.is_word() || t.in_quote() || i < fronted {
            i += 1;
            continue;
        }
        let w = doc.word(i);
        // "as X put it,"
        if w == "put" && doc.word(i + 1) == "it" && i > st.a {
            if let Some(subject) = np_before(doc, ents, i, st.a) {
                out.push(Frame {
                    verb: i,
                    verb_end: i + 1,
                    subject: Some(subject),
                    inverted: false,
                    speaker: None,
                    thought: false,
                });
                i += 2;
                continue;
            }
        }
        // "according to X"
        if w.eq_ignore_ascii_case("according") && doc.word(i + 1) == "to" {
            let subject = np_after(doc, ents, i + 1, st.b);
            out.push(Frame { verb: i, verb_end: i + 1, subject, inverted: true, speaker: None, thought: false });
            i += 2;
            continue;
        }
        let wi = doc.info(i);
        // "the inspector general had found "no credible evidence"": findings speak too.
        let finding = matches!(w, "found" | "concluded" | "determined" | "ruled" | "judged")
            && (doc.word(i + 1) == "that"
                || (i + 1..st.b.min(i + 9)).any(|k| matches!(doc.toks[k].kind, TokKind::Open(_))));
        let speechy = wi.is(SPEECH | THINK) || finding || matches!(w, "expressed" | "expresses" | "expressing");
        if !speechy || (t.has(CAP) && !t.has(super::lexer::SENT_START)) {
            i += 1;
            continue;
        }
        if !frame_verb_ok(doc, i, st.a) {
            i += 1;
            continue;
        }
        let mut form = wi.verb_form;
        if doc.word(i.wrapping_sub(1)) == "to" {
            form = VerbForm::Participle;
        }
        let thought = wi.is(THINK) && !wi.is(SPEECH);
        // "AFP quoted a Hamas official": the one quoted speaks.
        if matches!(w, "quoted" | "quoting" | "quotes") {
            let subject = np_after(doc, ents, i, st.b);
            out.push(Frame { verb: i, verb_end: i, subject, inverted: true, speaker: None, thought });
            i += 1;
            continue;
        }
        let (subject, inverted) = verb_subject(doc, ents, s, i, form);
        if !subject_can_speak(doc, i, st.a, form, subject.as_ref(), inverted) {
            i += 1;
            continue;
        }
        out.push(Frame { verb: i, verb_end: i, subject, inverted, speaker: None, thought });
        i += 1;
    }
    out
}

/// The end of a sentence-opening prepositional phrase with no quote in it,
/// whose verbs say nothing ("With Democratic leaders worried about …,
/// President Obama …"); `a` when the sentence opens otherwise.
fn fronted_phrase_end(doc: &Doc, a: usize, b: usize) -> usize {
    let w = doc.word(a);
    let prep = doc.toks[a].is_word() && info(doc, a).is(PREP) && !info(doc, a).is(SUBORD);
    if !prep || w.eq_ignore_ascii_case("according") || w.eq_ignore_ascii_case("as") {
        return a;
    }
    let Some(comma) = (a..b.min(a + 40)).find(|&k| doc.toks[k].is_punct(',')) else {
        return a;
    };
    let quoted = (a..comma).any(|k| doc.toks[k].in_quote());
    let quote_after = (comma..b).any(|k| doc.toks[k].in_quote());
    if quoted || !quote_after {
        return a;
    }
    comma
}

/// The subject of speech verb `i` of sentence `s`, and whether it follows
/// the verb: "said X" (never "told X": X is who was told), "X said", a
/// coordinated verb's subject ("X welcomed … but said"); none for a participle.
fn verb_subject(doc: &Doc, ents: &Entities, s: usize, i: usize, form: VerbForm) -> (Option<Np>, bool) {
    let st = doc.sents[s];
    let w = doc.word(i);
    let invertible = !doc.lx.in_list(&w.to_ascii_lowercase(), WordList::TellVerb);
    let inverted_ctx = invertible
        && (i == st.a
            || matches!(doc.toks[i - 1].kind, TokKind::Close(_) | TokKind::Punct(','))
            || (doc.toks[i - 1].is_punct(',') && i >= 2 && matches!(doc.toks[i - 2].kind, TokKind::Close(_))));
    let after = if inverted_ctx { np_after(doc, ents, i, st.b) } else { None };
    let after_ok = after.as_ref().is_some_and(|np| {
        let next = doc.toks.get(np.b);
        next.is_none()
            || np.b >= st.b
            || matches!(next.map(|t| t.kind), Some(TokKind::Punct(_) | TokKind::Open(_)))
            || info(doc, np.b).is(PREP | SUBORD)
    });
    if inverted_ctx && after_ok && form != VerbForm::Participle {
        (after, true)
    } else if form == VerbForm::Participle {
        (person_before_gerund(doc, ents, i, st.a), false)
    } else {
        let before = np_before(doc, ents, i, st.a);
        // "X welcomed the penalty but said …": a second verb shares the
        // sentence's subject.
        let j = skip_back_fillers(doc, i, st.a);
        let coordinated = before.is_none() && j > st.a + 1 && matches!(doc.word(j - 1), "and" | "but");
        let subject = if coordinated {
            // "one woman climbed onto a bollard and shouted": the subject
            // of the verb the coordination joins.
            previous_verb(doc, j - 1, st.a)
                .and_then(|v| np_before(doc, ents, v, st.a))
                .or_else(|| main_subject(doc, ents, s))
        } else {
            before
        };
        (subject, false)
    }
}

/// The person named right before an -ing form, after "of" or "showing":
/// "footage of Trump saying", "a clip showing Mayor Ruiz telling". After a
/// comma the -ing form belongs to the sentence's subject instead.
fn person_before_gerund(doc: &Doc, ents: &Entities, i: usize, floor: usize) -> Option<Np> {
    if !doc.word(i).ends_with("ing") || i <= floor + 1 {
        return None;
    }
    let m = ents.mention_at(i - 1)?;
    if m.b != i || m.a <= floor || !matches!(m.target, Target::Person(_)) {
        return None;
    }
    let before = doc.word(m.a - 1);
    matches!(before, "of" | "showing" | "shows" | "showed" | "shown" | "heard" | "hear" | "watched").then(|| Np {
        a: m.a,
        b: m.b,
        kind: NpKind::Mention(ents.mention_index(m.a)),
    })
}

/// Whether a speech verb with this subject speaks: not a reduced relative
/// or a noun, not analysis, not a "read" without a statement.
fn subject_can_speak(doc: &Doc, i: usize, sent_a: usize, form: VerbForm, subject: Option<&Np>, inverted: bool) -> bool {
    let w = doc.word(i);
    let wi = doc.info(i);
    // A finite verb with no subject before it is a reduced relative ("an
    // agreement announced on May 11") or a noun; a base form ("say") needs a
    // plausible subject ("officials say", "they say").
    if form != VerbForm::Participle && subject.is_none() {
        return false;
    }
    if form == VerbForm::Base && !inverted && !matches!(w, "read") {
        let plausible = subject.is_some_and(|np| match np.kind {
            NpKind::Pronoun => matches!(doc.word(np.a).to_ascii_lowercase().as_str(), "they" | "we" | "i" | "you"),
            NpKind::Group(_) => true,
            NpKind::Description => doc.word(np.b - 1).ends_with('s') || info(doc, np.b - 1).is(ORG_NOUN | GROUP_NOUN),
            _ => doc.word(np.b - 1).ends_with('s') || doc.word(i.wrapping_sub(1)) == "to",
        });
        if !plausible {
            return false;
        }
    }
    // Plural nouns that look like verbs ("network charges", "media reports")
    // speak only with a named or pronoun subject.
    let noun_like = doc.lx.in_list(w, WordList::NounLikeVerb);
    if noun_like
        && !subject.is_some_and(|np| matches!(np.kind, NpKind::Mention(_) | NpKind::Group(_) | NpKind::Pronoun))
    {
        return false;
    }
    // "32% of Republican claims", "the Russian reports": a name after "of",
    // a determiner or a number modifies a noun; it is not a subject.
    if noun_like
        && subject.is_some_and(|np| {
            matches!(np.kind, NpKind::Mention(_))
                && np.a > sent_a
                && (info(doc, np.a - 1).is(DET) || doc.word(np.a - 1) == "of" || doc.toks[np.a - 1].has(NUM))
        })
    {
        return false;
    }
    // "This engagement underscores …": analysis, not speech, unless an actor speaks.
    if wi.is(ANALYSIS_VERB)
        && !subject
            .is_some_and(|np| matches!(np.kind, NpKind::Mention(_) | NpKind::Group(_) | NpKind::Pronoun | NpKind::Name))
    {
        return false;
    }
    // "read" speaks only for a statement: "the statement read".
    if matches!(w, "read" | "reads") && !statement_nearby(doc, i, sent_a, subject) {
        return false;
    }
    true
}

/// The finite verb of the clause before a coordinating "and"/"but" at `conj`
/// (within a few words): "climbed" in "one woman climbed onto a bollard and".
fn previous_verb(doc: &Doc, conj: usize, floor: usize) -> Option<usize> {
    (floor.max(conj.saturating_sub(12))..conj).rev().take_while(|&k| !doc.toks[k].in_quote()).find(|&k| {
        let w = doc.word(k);
        lower_word(doc, k)
            && !info(doc, k).is(DET | PREP | CONJ | SUBORD | PRONOUN | ADVERB | AUX)
            && (info(doc, k).is(VERBISH | SPEECH) || (w.len() > 4 && w.ends_with("ed")))
    })
}

/// Rejects speech-verb look-alikes: "When asked", "called in", nouns.
fn frame_verb_ok(doc: &Doc, i: usize, sent_a: usize) -> bool {
    let w = doc.word(i).to_ascii_lowercase();
    let prev = if i > sent_a { doc.word(i - 1).to_ascii_lowercase() } else { String::new() };
    let next = doc.word(i + 1);
    if matches!(w.as_str(), "asked" | "told")
        && matches!(prev.as_str(), "when" | "if" | "was" | "were" | "being" | "been" | "is" | "are" | "be" | "as")
    {
        return false;
    }
    let naming = ["call", "brand", "label"].iter().any(|p| w.starts_with(p))
        || matches!(w.as_str(), "rate" | "rates" | "rated" | "rating");
    if naming {
        // "called on", or "called the plan "a war on cars"" (a quote follows).
        // The quote may follow its object: "called half of his supporters "deplorables"".
        let quote_follows = (i + 1..doc.toks.len().min(i + 12))
            .take_while(|&k| !doc.toks[k].is_punct('.') && !doc.toks[k].is_punct(';'))
            .any(|k| matches!(doc.toks[k].kind, TokKind::Open(_)));
        return matches!(next, "on" | "for" | "upon") || quote_follows;
    }
    // "continues to engage": not speech.
    if w.starts_with("continu") && next == "to" {
        return false;
    }
    if matches!(w.as_str(), "described" | "describes" | "describing" | "dismissed" | "dismisses" | "dismissing") {
        return (i + 1..i + 12).any(|k| doc.word(k) == "as");
    }
    // "the report", "a statement": a determiner makes it a noun.
    if i > sent_a && info(doc, i - 1).is(DET) && !matches!(prev.as_str(), "that" | "this") {
        return false;
    }
    // Participles used as adjectives: "the stated goal".
    true
}

fn statement_nearby(doc: &Doc, i: usize, sent_a: usize, subject: Option<&Np>) -> bool {
    let from = subject.map_or(i, |np| np.a.min(i));
    (from.saturating_sub(5).max(sent_a)..i).any(|k| info(doc, k).is(STATEMENT_NOUN))
        || subject.is_some_and(|np| (np.a..np.b).any(|k| info(doc, k).is(STATEMENT_NOUN)))
}

/// Skips words that sit between a subject and its verb: "also", "has",
/// "Thursday", "on Wednesday".
fn skip_back_fillers(doc: &Doc, mut j: usize, floor: usize) -> usize {
    while j > floor {
        let k = j - 1;
        let inf = info(doc, k);
        if is_word(doc, k)
            && !doc.toks[k].has(POSS)
            && (inf.is(ADVERB | AUX | WEEKDAY)
                || matches!(
                    doc.word(k),
                    "not"
                        | "long"
                        | "never"
                        | "since"
                        | "nonetheless"
                        | "however"
                        | "meanwhile"
                        | "instead"
                        | "too"
                        | "likewise"
                        | "thus"
                        | "therefore"
                        | "jointly"
                        | "separately"
                        | "reportedly"
                        | "earlier"
                )
                || (doc.word(k).ends_with("ly")
                    && !doc.toks[k].has(CAP)
                    && doc.word(k).len() > 4
                    && !inf.is(ORG_NOUN | PERSON_NOUN | GROUP_NOUN)))
            && !inf.is(PRONOUN)
        {
            j -= 1;
            if j > floor && doc.word(j - 1) == "on" && info(doc, j).is(WEEKDAY) {
                j -= 1;
            }
            continue;
        }
        break;
    }
    j
}

/// The person mention right before "of (the)", "from (the)" or "at (the)"
/// and the party mention starting at `party_a`: "X of the Reform Alliance".
fn person_before_affiliation(doc: &Doc, ents: &Entities, party_a: usize, floor: usize) -> Option<Np> {
    if !matches!(ents.mention_at(party_a)?.target, Target::Party(_)) {
        return None;
    }
    let mut j = party_a;
    if j > floor && doc.word(j - 1).eq_ignore_ascii_case("the") {
        j -= 1;
    }
    if j <= floor + 1 || !matches!(doc.word(j - 1), "of" | "from" | "at") {
        return None;
    }
    let m = ents.mention_at(j - 2)?;
    (m.b == j - 1 && m.a >= floor && matches!(m.target, Target::Person(_))).then(|| Np {
        a: m.a,
        b: m.b,
        kind: NpKind::Mention(ents.mention_index(m.a)),
    })
}

/// The subject before verb `v` (not before `floor`).
fn np_before(doc: &Doc, ents: &Entities, v: usize, floor: usize) -> Option<Np> {
    let j = skip_back_fillers(doc, v, floor);
    if j <= floor {
        return None;
    }
    let j = skip_parentheticals(doc, ents, j, floor)?;
    let j = match j {
        Subject::Found(np) => return Some(np),
        Subject::EndsAt(j) => j,
    };
    if j <= floor || !is_word(doc, j - 1) {
        return None;
    }
    let k = j - 1;
    let t = &doc.toks[k];
    let inf = info(doc, k);
    // "Dale Kostecki, the party's county chairman, who said": a relative
    // pronoun speaks for the noun phrase it hangs on.
    if matches!(doc.word(k), "who" | "which") && k > floor {
        return np_before(doc, ents, k, floor)
            .or_else(|| doc.toks[k - 1].is_punct(',').then(|| np_before(doc, ents, k - 1, floor)).flatten());
    }
    if inf.is(PRONOUN)
        && !t.has(POSS)
        && matches!(doc.word(k).to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i")
    {
        return Some(Np { a: k, b: k + 1, kind: NpKind::Pronoun });
    }
    if let Some(m) = ents.mention_at(k) {
        let mi = ents.mention_index(k);
        if m.b == k + 1 && !doc.toks[k].has(POSS) {
            // "a top researcher in Washington": the mention is inside a description.
            if m.a > floor + 1 && info(doc, m.a - 1).is(PREP) && is_description_noun(doc, m.a - 2) {
                return description_before(doc, k + 1, floor);
            }
            // "Tomas Vaher of the Reform Alliance called": the person named
            // before "of"/"from"/"at" the party speaks.
            if let Some(np) = person_before_affiliation(doc, ents, m.a, floor) {
                return Some(np);
            }
            return Some(group_before(doc, ents, mi, floor));
        }
    }
    if is_description_noun(doc, k) {
        return description_before(doc, k + 1, floor);
    }
    // "a third added", "another said": a new speaker described like the last.
    if let Some(a) = elliptical_speaker_start(doc, k, floor) {
        return Some(Np { a, b: k + 1, kind: NpKind::Description });
    }
    if t.has(CAP) && !inf.is(super::lexicon::COMMON_CAP | MONTH | WEEKDAY) {
        let mut a = k;
        while a > floor
            && doc.toks[a - 1].is_word()
            && doc.toks[a - 1].has(CAP)
            && !doc.toks[a - 1].has(POSS)
            && k - a < 3
        {
            a -= 1;
        }
        return Some(Np { a, b: k + 1, kind: NpKind::Name });
    }
    None
}

/// Where the subject before a verb ends, once asides are skipped.
enum Subject {
    /// The subject is the name between two commas (`the army's spokesman, Col. X, told`).
    Found(Np),
    /// The subject's last token is just before this index.
    EndsAt(usize),
}

/// Steps back over what sits between a subject and its verb: a parenthesis,
/// appositions, ages and relative clauses between commas ("Ruth Mweemba, a
/// mother of five in Siavonga, about 200 kilometers south of the capital,
/// said"; "Linda Pasko, 58, who runs a diner, said"; "Mrs. Marchetti,
/// campaigning in Erie, Pa., told").
fn skip_parentheticals(doc: &Doc, ents: &Entities, j: usize, floor: usize) -> Option<Subject> {
    let skip_parenthesis = |end: usize| -> Option<usize> {
        if end > floor && doc.toks[end - 1].is_punct(')') {
            (floor..end - 1).rev().take(10).find(|&k| doc.toks[k].is_punct('('))
        } else {
            Some(end)
        }
    };
    let mut end = skip_parenthesis(j)?;
    for round in 0..6 {
        if end <= floor || !doc.toks[end - 1].is_punct(',') {
            break;
        }
        let comma = end - 1;
        let mut prev_comma = previous_comma(doc, floor, comma);
        // "in Erie, Pa.,": a place's state or country after a comma belongs to the place.
        while let Some(pc) = prev_comma.filter(|&pc| is_place_tail(doc, ents, pc + 1, comma)) {
            prev_comma = previous_comma(doc, floor, pc);
        }
        let Some(pc) = prev_comma else {
            // The sentence opens with the subject: "The minister, speaking …, said".
            if round == 0 {
                return None;
            }
            end = comma;
            break;
        };
        let first = pc + 1;
        // `the army's spokesman, Col. X, told`, `His neighbour, 81-year-old
        // Marjorie Tuck, said`: the name between the commas is the subject.
        if let Some(np) = person_ending_at(doc, ents, first, comma) {
            return Some(Subject::Found(np));
        }
        // An apposition, relative clause or aside: ", a former adviser,",
        // ", who spoke …,", ", known as ATMIS,", ", however,", ", 58,".
        let opens_parenthetical = lower_word(doc, first) && !matches!(doc.word(first), "and" | "or" | "but" | "so");
        // ", Pyongyang's only ally and its lifeline,": a name's possessive opening an apposition.
        let possessive_apposition = doc.toks[first].has(CAP)
            && doc.toks[first].has(POSS)
            && doc.toks.get(first + 1).is_some_and(|t| t.is_word() && !t.has(CAP));
        let opens_parenthetical = opens_parenthetical || possessive_apposition;
        let age = first + 1 == comma && is_age_number(doc, first);
        let party_tag = comma <= first + 3 && is_party_tag(doc, first);
        // ", Democrat of Louisiana,", ", Republican of Wyoming,": a party and a state.
        let party_of_state = comma <= first + 5
            && matches!(doc.word(first), "Democrat" | "Republican" | "Independent")
            && doc.word(first + 1) == "of";
        let party_tag = party_tag || party_of_state;
        if !opens_parenthetical && !age && !party_tag {
            if round == 0 {
                return None;
            }
            end = comma;
            break;
        }
        end = skip_parenthesis(first)?;
    }
    // After the asides, the subject ends before the comma that opened them.
    if end > floor && doc.toks[end - 1].is_punct(',') && end < j {
        end -= 1;
    }
    Some(Subject::EndsAt(skip_parenthesis(end)?))
}

/// A person mention ending at `end` and starting at `a` or after a few
/// descriptive words ("81-year-old", "former senator").
fn person_ending_at(doc: &Doc, ents: &Entities, a: usize, end: usize) -> Option<Np> {
    if let Some(np) = mention_np_at(doc, ents, a) {
        let person = matches!(np.kind, NpKind::Mention(mi) if matches!(ents.mentions[mi].target, Target::Person(_)));
        return (np.b == end && person).then_some(np);
    }
    let m = ents.mention_at(end.checked_sub(1)?)?;
    let descriptor = m.a > a
        && m.a - a <= 3
        && m.b == end
        && matches!(m.target, Target::Person(_))
        && (a..m.a).all(|k| doc.toks[k].is_word() && !info(doc, k).is(VERBISH | AUX | SUBORD | CONJ | PRONOUN));
    descriptor.then(|| Np { a, b: end, kind: NpKind::Mention(ents.mention_index(m.a)) })
}

/// The comma before `before` (not inside a quote, within 40 tokens, not before `floor`).
fn previous_comma(doc: &Doc, floor: usize, before: usize) -> Option<usize> {
    (floor..before).rev().take(40).find(|&k| doc.toks[k].is_punct(',') && !doc.toks[k].in_quote())
}

/// "Pa." in "Erie, Pa.," or "Afghanistan" in "Kabul, Afghanistan,": tokens
/// `a..b` are a state abbreviation or a country after a place name.
fn is_place_tail(doc: &Doc, ents: &Entities, a: usize, b: usize) -> bool {
    if a >= b || a == 0 || !doc.toks[a - 2.min(a)].has(CAP) {
        return false;
    }
    let abbreviation = b == a + 1 && doc.toks[a].has(CAP) && doc.toks[a].has(super::lexer::ABBR);
    let country = ents.mention_at(a).is_some_and(|m| {
        m.a == a && m.b == b && matches!(m.target, Target::Party(p) if ents.parties[p].kind == PartyKind::Country)
    });
    abbreviation || country
}

/// "R-Ky." in "Mitch McConnell, R-Ky., said": a party letter and a state.
fn is_party_tag(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    let mut parts = w.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|st| st.chars().next().is_some_and(char::is_uppercase))
}

/// "58" in "Linda Pasko, 58, said": a bare number that reads as an age.
fn is_age_number(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    doc.toks.get(k).is_some_and(|t| t.has(NUM))
        && w.len() <= 3
        && w.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
}

/// Where an elliptical speaker ending at `k` starts: "another", "one",
/// "a third", "the second" stand for a new person like the one described
/// before ("one protester shouted … said another").
fn elliptical_speaker_start(doc: &Doc, k: usize, floor: usize) -> Option<usize> {
    if !is_word(doc, k) || doc.toks[k].in_quote() {
        return None;
    }
    let w = doc.word(k).to_ascii_lowercase();
    let prev = if k > floor { doc.word(k - 1).to_ascii_lowercase() } else { String::new() };
    match w.as_str() {
        "another" => Some(k),
        "one" if !matches!(prev.as_str(), "no" | "the" | "that" | "this" | "every" | "any") && !is_word(doc, k + 1) => {
            Some(k)
        }
        "one" if k == floor || !is_word(doc, k - 1) => Some(k),
        _ if info(doc, k).is(super::lexicon::ORDINAL_WORD) && matches!(prev.as_str(), "a" | "the") => Some(k - 1),
        _ => None,
    }
}

/// Lower-case head nouns of speaker descriptions.
fn is_description_noun(doc: &Doc, k: usize) -> bool {
    let Some(t) = doc.toks.get(k) else { return false };
    // "Prosecutors said" opens a sentence with a capital; "the 54-year-old said".
    let shape_ok =
        lower_word(doc, k) || (t.is_word() && t.has(SENT_START) && t.has(CAP) && !t.has(super::lexer::UPPER));
    (shape_ok
        && !t.has(POSS)
        && plural_aware_info(doc, k).is(PERSON_NOUN | ORG_NOUN | GROUP_NOUN | STATEMENT_NOUN)
        && !info(doc, k).is(VERBISH))
        || is_age(doc, k)
}

/// "54-year-old": an age standing for a person.
fn is_age(doc: &Doc, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| t.is_word() && t.has(NUM)) && doc.word(k).ends_with("-year-old")
}

/// Lexicon classes of a word or of its singular ("prosecutors" → "prosecutor").
fn plural_aware_info(doc: &Doc, k: usize) -> super::lexicon::WordInfo {
    let inf = info(doc, k);
    if inf.is_known() {
        return inf;
    }
    let w = doc.word(k);
    // "companies" → "company", "agencies" → "agency".
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        let mut buf = [0u8; 32];
        if stem.len() < buf.len() {
            buf[..stem.len()].copy_from_slice(stem.as_bytes());
            buf[stem.len()] = b'y';
            if let Ok(single) = std::str::from_utf8(&buf[..=stem.len()]) {
                let si = doc.lx.info(single);
                if si.is_known() {
                    return si;
                }
            }
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 3 => doc.lx.info(stem),
        _ => inf,
    }
}

/// A description ending before `end`: extends left over modifiers to its
/// determiner, and over one "of/for/in …" attachment.
fn description_before(doc: &Doc, end: usize, floor: usize) -> Option<Np> {
    let mut a = end;
    let mut pp_used = false;
    while a > floor && end - a < 10 {
        let k = a - 1;
        let t = &doc.toks[k];
        if !t.is_word() || t.in_quote() {
            break;
        }
        let inf = info(doc, k);
        // "a narrator in the Clinton ad": over the determiner of one attachment.
        let attachment = k > floor + 1
            && !pp_used
            && info(doc, k - 1).is(PREP)
            && !doc.toks[k - 1].has(CAP)
            && is_description_noun(doc, k - 2);
        if inf.is(DET) && !t.has(POSS) && !attachment {
            a = k;
            break;
        }
        if inf.is(DET) && attachment {
            a = k;
            continue;
        }
        if inf.is(PREP) && !pp_used && k > floor && is_description_noun(doc, k - 1) && a < end {
            pp_used = true;
            a = k;
            continue;
        }
        // A function word ends the description, capitalised too when it opens
        // the sentence ("With Democratic leaders worried, …").
        let opens = t.has(SENT_START);
        if inf.is(AUX | SUBORD | CONJ | SPEECH | PREP) && (!t.has(CAP) || opens) {
            break;
        }
        if inf.is(VERBISH) && !t.has(CAP) {
            break;
        }
        if t.has(NUM) || t.has(CAP) || t.has(POSS) || lower_word(doc, k) {
            a = k;
            continue;
        }
        break;
    }
    (a < end).then_some(Np { a, b: end, kind: NpKind::Description })
}

/// A mention, widened to a coordinated group: "France, the United Kingdom, and Germany".
fn group_before(doc: &Doc, ents: &Entities, mi: usize, floor: usize) -> Np {
    let m = ents.mentions[mi];
    let mut members = vec![mi];
    let mut a = m.a;
    let mut k = a;
    // The join nearest the head must be "and"/"or" ("…, and Germany").
    let mut need_conj = true;
    loop {
        // "U.S. snack maker Brightwell Brands"
        k = descriptor_start(doc, ents, k, floor);
        // optional "the"
        if k > floor && info(doc, k - 1).is(DET) && doc.word(k - 1).eq_ignore_ascii_case("the") {
            k -= 1;
        }
        let mut j = k;
        let mut joined = false;
        if j > floor && matches!(doc.word(j - 1), "and" | "or") {
            j -= 1;
            joined = true;
        }
        if need_conj && !joined {
            break;
        }
        if j > floor && doc.toks[j - 1].is_punct(',') {
            j -= 1;
            joined = true;
        }
        if !joined || j <= floor {
            break;
        }
        need_conj = false;
        match ents.mention_at(j - 1) {
            Some(prev) if prev.b == j && !doc.toks[j - 1].has(POSS) => {
                members.push(ents.mention_index(j - 1));
                a = prev.a;
                k = prev.a;
            }
            _ => break,
        }
    }
    if members.len() > 1 {
        members.reverse();
        Np { a, b: m.b, kind: NpKind::Group(members) }
    } else {
        Np { a: m.a, b: m.b, kind: NpKind::Mention(mi) }
    }
}

/// The subject after verb `v` ("said Pvt. Brandon Hickle", "asked one caller
/// from Tehran"), ending before `limit`.
fn np_after(doc: &Doc, ents: &Entities, v: usize, limit: usize) -> Option<Np> {
    let np = np_after_inner(doc, ents, v, limit)?;
    // "said Ofwat's director of enforcement, Dr Eleanor Price.": the name is the speaker.
    if np.kind == NpKind::Description && doc.toks.get(np.b).is_some_and(|t| t.is_punct(',')) {
        if let Some(name) = mention_np_at(doc, ents, np.b + 1) {
            let person =
                matches!(name.kind, NpKind::Mention(mi) if matches!(ents.mentions[mi].target, Target::Person(_)));
            let ends = doc.toks.get(name.b).is_none_or(|t| !t.is_word()) || name.b >= limit;
            if person && ends {
                return Some(name);
            }
        }
    }
    Some(np)
}

fn np_after_inner(doc: &Doc, ents: &Entities, v: usize, limit: usize) -> Option<Np> {
    let j = v + 1;
    if j >= limit || !is_word(doc, j) || doc.toks[j].in_quote() {
        return None;
    }
    let inf = info(doc, j);
    let w = doc.word(j).to_ascii_lowercase();
    if inf.is(PRONOUN) && matches!(w.as_str(), "he" | "she" | "they" | "it" | "we") {
        return Some(Np { a: j, b: j + 1, kind: NpKind::Pronoun });
    }
    if let Some(np) = mention_np_at(doc, ents, j) {
        if !is_description_noun(doc, np.b) {
            return Some(np);
        }
    }
    // "said the Rev. Peter Wherry", "said MSNBC host Chris Matthews", "said
    // 9/11 widow Terry Strada": a few words of description before a person.
    if let Some(np) = person_after_descriptor(doc, ents, j, limit) {
        return Some(np);
    }
    // "said another", "added a third": the phrase ends at punctuation.
    for end in [j, j + 1] {
        if end < limit && !is_word(doc, end + 1) && elliptical_speaker_start(doc, end, j) == Some(j) {
            return Some(Np { a: j, b: end + 1, kind: NpKind::Description });
        }
    }
    // A description: determiner or number, modifiers, a head noun, maybe one attachment.
    let mut b = j;
    let mut head = false;
    let mut pp_used = false;
    while b < limit && b - j < 9 {
        let t = &doc.toks[b];
        if !t.is_word() || t.in_quote() {
            break;
        }
        let bi = info(doc, b);
        if bi.is(PREP) && !t.has(CAP) {
            if head
                && !pp_used
                && matches!(doc.word(b), "from" | "of" | "for" | "at" | "in" | "with")
                && is_word(doc, b + 1)
            {
                pp_used = true;
                b += 1;
                continue;
            }
            break;
        }
        if (bi.is(AUX | SUBORD | CONJ | VERBISH) && !t.has(CAP)) || (bi.is(DET) && b > j && !pp_used) {
            break;
        }
        if head && !pp_used && !bi.is(PREP) && !is_description_noun(doc, b) {
            break;
        }
        if pp_used && b - j >= 8 {
            break;
        }
        if is_description_noun(doc, b) {
            head = true;
        }
        b += 1;
        if head && doc.toks.get(b).is_some_and(|t| !t.is_word()) {
            break;
        }
    }
    if head && b > j {
        // "replied Reyes's partner, Lt. Col. Jin Ahn": the name in apposition speaks.
        if doc.toks.get(b).is_some_and(|t| t.is_punct(',')) && b + 1 < limit {
            let named = mention_np_at(doc, ents, b + 1).or_else(|| person_after_descriptor(doc, ents, b + 1, limit));
            if let Some(np) = named.filter(|np| {
                matches!(np.kind, NpKind::Mention(mi) if matches!(ents.mentions[mi].target, Target::Person(_)))
                    && doc.toks.get(np.b).is_none_or(|t| !t.is_word())
            }) {
                return Some(np);
            }
        }
        return Some(Np { a: j, b, kind: NpKind::Description });
    }
    if doc.toks[j].has(CAP) && !inf.is(super::lexicon::COMMON_CAP | MONTH | WEEKDAY) {
        let mut b = j + 1;
        while b < limit && doc.toks[b].is_word() && doc.toks[b].has(CAP) && b - j < 4 {
            b += 1;
        }
        return Some(Np { a: j, b, kind: NpKind::Name });
    }
    None
}

/// A person mention starting within four tokens of `j`, after words that
/// describe them ("the", "MSNBC host", "9/11 widow", "former Vice President").
fn person_after_descriptor(doc: &Doc, ents: &Entities, j: usize, limit: usize) -> Option<Np> {
    for k in j + 1..limit.min(j + 5) {
        let t = &doc.toks[k - 1];
        let describes = t.is_word() && !t.in_quote() && !info(doc, k - 1).is(VERBISH | AUX | SUBORD | CONJ | PRONOUN)
            || (t.is_punct('/') && doc.toks[k - 2].has(NUM));
        if !describes || (info(doc, k - 1).is(PREP) && !t.has(CAP)) {
            return None;
        }
        if let Some(m) = ents.mention_at(k).filter(|m| m.a == k && matches!(m.target, Target::Person(_))) {
            return Some(Np { a: j, b: m.b, kind: NpKind::Mention(ents.mention_index(k)) });
        }
    }
    None
}

/// The mention starting at `j`, widened over the person it prefixes:
/// "VOA" + "Director Dan Austin", "U.S." + "Envoy Stephen Bosworth".
fn mention_np_at(doc: &Doc, ents: &Entities, j: usize) -> Option<Np> {
    let m = ents.mention_at(j).filter(|m| m.a == j)?;
    let mut mi = ents.mention_index(j);
    let mut b = m.b;
    if matches!(m.target, Target::Party(_)) {
        if let Some(next) = ents.mention_at(m.b).filter(|n| n.a == m.b && matches!(n.target, Target::Person(_))) {
            mi = ents.mention_index(m.b);
            b = next.b;
        } else if doc.toks[m.b - 1].has(POSS) {
            return None;
        }
    }
    Some(Np { a: j, b, kind: NpKind::Mention(mi) })
}

/// The subject that opens sentence `s` (after a leading clause such as
/// "When asked …," or "In 2005,").
fn main_subject(doc: &Doc, ents: &Entities, s: usize) -> Option<Np> {
    let st = doc.sents[s];
    let mut a = st.a;
    let first = info(doc, a);
    if first.is(SUBORD | PREP) || doc.word(a).ends_with("ing") {
        // Skip to after the first comma outside quotes.
        let comma = (a..st.b).take(40).find(|&k| doc.toks[k].is_punct(',') && !doc.toks[k].in_quote())?;
        a = comma + 1;
    }
    // The first mention, pronoun or description before a verb.
    for k in a..st.b.min(a + 12) {
        let t = &doc.toks[k];
        if !t.is_word() || t.in_quote() {
            return None;
        }
        if let Some(np) = mention_np_at(doc, ents, k).filter(
            |np| matches!(np.kind, NpKind::Mention(mi) if matches!(ents.mentions[mi].target, Target::Person(_))),
        ) {
            return Some(np);
        }
        if let Some(m) = ents.mention_at(k).map(|m| skip_descriptor(doc, ents, m)) {
            if m.a >= k {
                let k = m.a;
                let mi = ents.mention_index(k);
                // Extend over a following coordination handled by group_before.
                let mut end = m.b;
                let mut last = mi;
                loop {
                    let mut j = end;
                    if doc.toks.get(j).is_some_and(|t| t.is_punct(',')) {
                        j += 1;
                    }
                    if matches!(doc.word(j), "and" | "or") {
                        j += 1;
                    }
                    if doc.word(j).eq_ignore_ascii_case("the") {
                        j += 1;
                    }
                    match ents.mention_at(j).map(|n| skip_descriptor(doc, ents, n)) {
                        Some(n) if n.a >= j && j > end => {
                            last = ents.mention_index(n.a);
                            end = n.b;
                        }
                        _ => break,
                    }
                }
                if last != mi {
                    return Some(group_before(doc, ents, last, a));
                }
                if doc.toks[m.b - 1].has(POSS) || is_description_noun(doc, m.b) {
                    break; // "Saudi Arabia's foreign ministry": a description
                }
                return Some(Np { a: m.a, b: m.b, kind: NpKind::Mention(mi) });
            }
        }
        let inf = info(doc, k);
        if inf.is(PRONOUN) && matches!(doc.word(k).to_ascii_lowercase().as_str(), "he" | "she" | "they" | "it" | "we") {
            return Some(Np { a: k, b: k + 1, kind: NpKind::Pronoun });
        }
        if is_description_noun(doc, k) {
            // "Brightwell chief executive, Daniel Okoro, will …", "the
            // authority's director of planning, Nadia Osei, welcomed": the
            // name is the subject.
            if let Some(np) = named_after_description(doc, ents, k, st.b) {
                return Some(np);
            }
            return description_before(doc, k + 1, a);
        }
        if inf.is(VERBISH | AUX | SPEECH) && !t.has(CAP) {
            return None;
        }
    }
    // A description ending on a noun further on ("Saudi Arabia's foreign ministry").
    let head = (a..st.b.min(a + 8)).find(|&k| is_description_noun(doc, k))?;
    // "… cabinet member for the environment, Priya Nair, welcomed": the
    // name after the description is the subject.
    if let Some(np) = named_after_description(doc, ents, head, st.b) {
        return Some(np);
    }
    description_before(doc, head + 1, a)
}

/// The person named between commas right after a description whose head is
/// at `head`: "director of planning, Nadia Osei, welcomed".
fn named_after_description(doc: &Doc, ents: &Entities, head: usize, limit: usize) -> Option<Np> {
    let comma = (head + 1..limit.min(head + 8)).find(|&k| !doc.toks[k].is_word() || doc.toks[k].has(CAP))?;
    if !doc.toks[comma].is_punct(',') {
        return None;
    }
    let np = mention_np_at(doc, ents, comma + 1)?;
    let person = matches!(np.kind, NpKind::Mention(mi) if matches!(ents.mentions[mi].target, Target::Person(_)));
    (person && doc.toks.get(np.b).is_some_and(|t| t.is_punct(','))).then_some(np)
}

/// Where a name's descriptor begins: at "U.S." for the name at `k` in "U.S.
/// snack maker Brightwell Brands"; `k` when there is none.
fn descriptor_start(doc: &Doc, ents: &Entities, k: usize, floor: usize) -> usize {
    let mut j = k;
    while j > floor
        && j + 3 > k
        && doc.toks[j - 1].is_word()
        && !doc.toks[j - 1].has(CAP)
        && !doc.toks[j - 1].in_quote()
        && !info(doc, j - 1).is(VERBISH | AUX | SPEECH | PREP | DET | CONJ | SUBORD | PRONOUN)
    {
        j -= 1;
    }
    match ents.mention_at(j.wrapping_sub(1)) {
        Some(m) if j < k && j > floor && m.b == j && skip_descriptor(doc, ents, m).a == k => m.a,
        _ => k,
    }
}

/// "Dutch food group Vandermeer Foods": a nationality and a description
/// before a name; the name is the mention that counts.
fn skip_descriptor<'e>(doc: &Doc, ents: &'e Entities, m: &'e Mention) -> &'e Mention {
    let Target::Party(p) = m.target else { return m };
    if ents.parties[p].kind != PartyKind::Country || doc.toks[m.b - 1].has(POSS) {
        return m;
    }
    let mut j = m.b;
    while j < m.b + 3
        && doc.toks.get(j).is_some_and(|t| t.is_word() && !t.has(CAP) && !t.in_quote())
        && !info(doc, j).is(VERBISH | AUX | SPEECH | PREP | DET | CONJ | SUBORD | PRONOUN)
    {
        j += 1;
    }
    match ents.mention_at(j) {
        Some(n) if j > m.b && n.a == j && matches!(n.target, Target::Party(_)) => n,
        _ => m,
    }
}

fn np_text(doc: &Doc, np: &Np) -> String {
    Span::new(doc.toks[np.a].start, doc.toks[np.b - 1].end).of(doc.text).to_string()
}

fn np_span(doc: &Doc, np: &Np) -> Span {
    Span::new(doc.toks[np.a].start, doc.toks[np.b - 1].end)
}

/// Turns a subject into a speaker, through the discourse for pronouns and
/// definite descriptions.
fn resolve(doc: &Doc, ents: &Entities, np: &Np, disc: &Discourse) -> Option<Speaker> {
    let cue = np_span(doc, np);
    match &np.kind {
        NpKind::Mention(mi) => {
            let m = ents.mentions[*mi];
            // "the ministry" after "China's foreign ministry said": the
            // institution that spoke last with that head noun.
            if m.antecedent.is_some() {
                let head = doc.word(np.b - 1).to_ascii_lowercase();
                if let Some(inst) = disc.institutions.iter().rev().find(|s| s.head.as_deref() == Some(head.as_str())) {
                    if ents.party_of(&m).is_some_and(|p| inst.parties.contains(&p)) {
                        return Some(Speaker { cue, ..inst.clone() });
                    }
                }
            }
            Some(match m.target {
                Target::Person(p) => person_speaker(ents, p, cue),
                Target::Party(p) => Speaker {
                    party_via: Some(if m.antecedent.is_some() { PartyVia::Context } else { PartyVia::Stated }),
                    // "the ministry" speaks as the one named before ("Niger's Ministry of …").
                    name: match m.antecedent {
                        Some(ante) => match ents.mention_at(ante as usize) {
                            Some(am) => {
                                // "China's" + "foreign ministry": the institution, not its country.
                                let end = institution_end(doc, am.b);
                                Span::new(doc.toks[am.a].start, doc.toks[end - 1].end).of(doc.text).to_string()
                            }
                            None => strip_article(&np_text(doc, np)).to_string(),
                        },
                        None => strip_article(&np_text(doc, np)).to_string(),
                    },
                    parties: vec![p],
                    cue,
                    plural: doc.word(np.b - 1).ends_with('s'),
                    ..Speaker::default()
                },
            })
        }
        NpKind::Group(members) => {
            let mut parties = Vec::new();
            for &mi in members {
                if let Some(p) = ents.party_of(&ents.mentions[mi]) {
                    if !parties.contains(&p) {
                        parties.push(p);
                    }
                }
            }
            // Named by its members, without their descriptors ("Vandermeer
            // Foods and Brightwell Brands", not "… and U.S. snack maker …").
            let names: Vec<&str> = members
                .iter()
                .map(|&mi| {
                    let m = &ents.mentions[mi];
                    Span::new(doc.toks[m.a].start, doc.toks[m.b - 1].end).of(doc.text)
                })
                .collect();
            let plain = (np.a..np.b).all(|k| {
                ents.mention_of[k].is_some()
                    || !doc.toks[k].is_word()
                    || matches!(doc.word(k), "and" | "or" | "the" | "The")
            });
            let name = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() && !plain => format!("{} and {last}", rest.join(", ")),
                _ => np_text(doc, np),
            };
            let party_via = (!parties.is_empty()).then_some(PartyVia::Stated);
            Some(Speaker { name, parties, cue, plural: true, party_via, ..Speaker::default() })
        }
        NpKind::Pronoun => resolve_pronoun(doc, ents, np, disc, cue).map(|sp| sp.named_by(SpeakerVia::Pronoun)),
        NpKind::Description => Some(resolve_description(doc, ents, np, disc).named_by(SpeakerVia::Description)),
        NpKind::Name => {
            let name = np_text(doc, np);
            Some(Speaker { name, cue, ..Speaker::default() })
        }
    }
}

/// "he"/"she" → a recent person whose gender fits; "they"/"we" → the last
/// group; "it" → the last institution or party.
fn resolve_pronoun(doc: &Doc, ents: &Entities, np: &Np, disc: &Discourse, cue: Span) -> Option<Speaker> {
    {
        {
            let w = doc.word(np.a).to_ascii_lowercase();
            match w.as_str() {
                "he" | "she" => {
                    let want = if w == "he" { Gender::Male } else { Gender::Female };
                    let gender = |p: usize| {
                        disc.genders.iter().rev().find(|(q, _)| *q == p).map_or(ents.people[p].gender, |(_, g)| *g)
                    };
                    let fits = |p: usize| matches!(gender(p), Gender::Unknown) || gender(p) == want;
                    if let Some(d) = &disc.human_description {
                        // Unless someone who fits was named since the description spoke.
                        let named_since = recently_named(doc, ents, np.a, fits)
                            .and_then(|p| last_mention_before(ents, p, np.a))
                            .is_some_and(|k| doc.toks[k].start >= d.cue.end);
                        if !named_since {
                            let mut d = d.clone();
                            d.cue = cue;
                            return Some(d);
                        }
                    }
                    let known = |p: usize| gender(p) == want;
                    // A person of the pronoun's known gender named recently beats
                    // a salient person of the other gender.
                    let recent = disc.recent_people.iter().rev().copied().find(|&p| fits(p));
                    let pick = match recent {
                        Some(p) if known(p) => Some(p),
                        // A person whose gender is not known yet is still the
                        // one meant, unless someone who is known to fit was
                        // named after them.
                        Some(p) => match recently_named(doc, ents, np.a, known) {
                            Some(k) if last_mention_before(ents, k, np.a) > last_mention_before(ents, p, np.a) => {
                                Some(k)
                            }
                            _ => Some(p),
                        },
                        None => recently_named(doc, ents, np.a, known),
                    }
                    .or(disc.last_person.map(|l| l.0))?;
                    Some(person_speaker(ents, pick, cue))
                }
                "they" | "we" => disc.last_group.clone().map(|mut s| {
                    s.cue = cue;
                    s
                }),
                "it" => subject_party_before(doc, ents, np.a, cue)
                    .or_else(|| disc.institutions.last().cloned())
                    .or_else(|| {
                        let p = disc.last_party?;
                        Some(Speaker {
                            name: ents.parties[p].name.clone(),
                            parties: vec![p],
                            cue,
                            party_via: Some(PartyVia::Context),
                            ..Speaker::default()
                        })
                    }),
                _ => None,
            }
        }
    }
}

/// For "it": the party that is the subject of the pronoun's sentence (before
/// it) or of the sentence before: "China Daily, the state newspaper, struck a
/// measured tone. "…," it said".
fn subject_party_before(doc: &Doc, ents: &Entities, at: usize, cue: Span) -> Option<Speaker> {
    let s = doc.sent_of[at]?.index();
    for cand in [Some(s), s.checked_sub(1)].into_iter().flatten() {
        let Some(np) = main_subject(doc, ents, cand) else { continue };
        if np.b > at {
            continue;
        }
        if let NpKind::Mention(mi) = np.kind {
            let m = &ents.mentions[mi];
            let possessive = doc.toks[m.b - 1].has(POSS);
            if let Target::Party(p) = m.target {
                if possessive || ents.parties[p].kind == PartyKind::Country {
                    return None;
                }
                return Some(Speaker {
                    name: ents.parties[p].name.clone(),
                    parties: vec![p],
                    cue,
                    party_via: Some(PartyVia::Context),
                    ..Speaker::default()
                });
            }
        }
        return None;
    }
    None
}

/// For "he"/"she": the person an earlier frame of the same sentence gave as
/// speaker, when their gender does not rule it out.
fn same_sentence_person(doc: &Doc, ents: &Entities, np: &Np, earlier: &[Frame], disc: &Discourse) -> Option<Speaker> {
    let want = match doc.word(np.a).to_ascii_lowercase().as_str() {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return None,
    };
    let sp = earlier.iter().rev().find_map(|f| f.speaker.as_ref().filter(|sp| sp.person.is_some()))?;
    let p = sp.person?;
    let gender = disc.genders.iter().rev().find(|(q, _)| *q == p).map_or(ents.people[p].gender, |(_, g)| *g);
    if gender != Gender::Unknown && gender != want {
        return None;
    }
    let mut sp = sp.clone();
    sp.cue = np_span(doc, np);
    Some(sp)
}

/// After a possessive party mention ending at `b` ("China's"), the end of
/// the institution it owns ("foreign ministry"); `b` when there is none.
fn institution_end(doc: &Doc, b: usize) -> usize {
    if b == 0 || !doc.toks[b - 1].has(POSS) {
        return b;
    }
    (b..doc.toks.len().min(b + 3))
        .take_while(|&k| lower_word(doc, k))
        .find(|&k| info(doc, k).is(ORG_NOUN))
        .map_or(b, |k| k + 1)
}

/// The first token of the last mention of person `p` before token `at`.
fn last_mention_before(ents: &Entities, p: usize, at: usize) -> Option<usize> {
    let end = ents.mentions.partition_point(|m| m.a < at);
    ents.mentions[..end].iter().rev().find(|m| m.target == Target::Person(p)).map(|m| m.a)
}

/// The person most recently named before token `at` (within a few
/// paragraphs) who satisfies `ok`.
fn recently_named(doc: &Doc, ents: &Entities, at: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
    let end = ents.mentions.partition_point(|m| m.a < at);
    let para = doc.sent_of[at].and_then(|s| doc.sents.get(s.index())).map_or(0, |s| s.para);
    let floor = doc.paras.get(para.saturating_sub(3)).map_or(0, |p| p.a);
    ents.mentions[..end].iter().rev().take_while(|m| m.a >= floor).find_map(|m| match m.target {
        Target::Person(p) if ok(p) => Some(p),
        _ => None,
    })
}

fn person_speaker(ents: &Entities, p: usize, cue: Span) -> Speaker {
    let person = &ents.people[p];
    Speaker {
        name: person.name.clone(),
        person: Some(p),
        role: person.role.clone(),
        parties: person.party.into_iter().collect(),
        cue,
        party_via: person.party.map(|_| person.party_via),
        ..Speaker::default()
    }
}

/// "a Hamas official" → Hamas; "the statement" → who issued it; "the three
/// European nations" → the group named before; "the secretary" → the person
/// with that role.
fn resolve_description(doc: &Doc, ents: &Entities, np: &Np, disc: &Discourse) -> Speaker {
    let cue = np_span(doc, np);
    let text = np_text(doc, np);
    let definite = matches!(doc.word(np.a), "the" | "The");
    let head_k = (np.a..np.b).rev().find(|&k| is_description_noun(doc, k));
    if head_k.is_none() && elliptical_speaker_start(doc, np.b - 1, np.a) == Some(np.a) {
        return like_the_last_described(text, cue, disc);
    }
    let head = head_k.map(|k| doc.word(k).to_ascii_lowercase()).unwrap_or_default();
    let head_info = head_k.map(|k| info(doc, k)).unwrap_or_default();
    // "the newspaper wrote", "the influential US daily said", "the company
    // said": the outlet or company named before, not the place inside.
    if definite {
        if let Some(s) = outlet_named_before(doc, ents, np, head_k, cue) {
            return s;
        }
    }
    // Parties named inside (not "from Tehran": a place, not an allegiance).
    let (mut parties, by) = parties_inside(doc, ents, np, head_info);
    let mut party_via = PartyVia::Stated;
    // "A statement released by X": X speaks.
    if let Some(b) = by {
        if b < np.b {
            let sub = Np { a: b, b: np.b, kind: NpKind::Description };
            if let Some(m) = ents.mention_at(b).filter(|m| m.a == b) {
                let mi = ents.mention_index(b);
                if let Some(s) = resolve(doc, ents, &Np { a: m.a, b: m.b, kind: NpKind::Mention(mi) }, disc) {
                    return s;
                }
            }
            return resolve_description(doc, ents, &sub, disc);
        }
    }
    if head_info.is(STATEMENT_NOUN) && parties.is_empty() {
        if let Some(s) = &disc.last_statement {
            let mut s = s.clone();
            s.cue = cue;
            return s;
        }
    }
    let plural = head.ends_with('s') && !head.ends_with("ss");
    // "the 54-year-old said": the person given that age ("Grace Achieng, a
    // 54-year-old farmer", "Raymond Kessler, 67,"), else the latest person.
    if let Some(p) =
        (np.a..np.b).find(|&k| is_age(doc, k)).filter(|_| definite).and_then(|k| person_of_age(doc, ents, k, np, disc))
    {
        return person_speaker(ents, p, cue);
    }
    if definite && parties.is_empty() {
        if let Some(sp) = described_before(doc, ents, np, disc, head_k, &head, cue) {
            return sp;
        }
        // The party named last, when the head fits its kind: "the group", "the government".
        if head_info.is(ORG_NOUN) {
            if let Some(p) = disc.last_party.filter(|&p| head_fits_party(&head, ents.parties[p].kind)) {
                parties.push(p);
                party_via = PartyVia::Context;
            }
        }
    }
    // "Government officials", "police", "the interior ministry": state bodies
    // with no country named are the article's own country's.
    if parties.is_empty() && is_state_description(doc, np) {
        parties.extend(ents.home);
        party_via = PartyVia::Dateline;
    }
    Speaker {
        name: text,
        cue,
        plural,
        head: head_info.is(ORG_NOUN | STATEMENT_NOUN).then_some(head),
        party_via: (!parties.is_empty()).then_some(party_via),
        parties,
        ..Speaker::default()
    }
}

/// "the newspaper wrote", "the company said": the outlet or company named
/// before a definite description with that head.
fn outlet_named_before(doc: &Doc, ents: &Entities, np: &Np, head_k: Option<usize>, cue: Span) -> Option<Speaker> {
    let kind = match head_k.map(|k| info(doc, k)) {
        Some(i) if i.is(MEDIA_NOUN) => Some(PartyKind::Media),
        Some(i) if i.is(COMPANY_NOUN) => Some(PartyKind::Company),
        _ => None,
    };
    let p = kind.and_then(|kind| party_named_before(doc, ents, np.a, kind))?;
    Some(Speaker {
        name: ents.parties[p].name.clone(),
        parties: vec![p],
        cue,
        head: head_k.map(|k| doc.word(k).to_ascii_lowercase()),
        party_via: Some(PartyVia::Context),
        ..Speaker::default()
    })
}

/// A definite description with no party inside, resolved to someone met
/// before: the person known by that role, the group, or the institution.
fn described_before(
    doc: &Doc,
    ents: &Entities,
    np: &Np,
    disc: &Discourse,
    head_k: Option<usize>,
    head: &str,
    cue: Span,
) -> Option<Speaker> {
    let head_info = head_k.map(|k| info(doc, k)).unwrap_or_default();
    let plural = head.ends_with('s') && !head.ends_with("ss");
    // A person known by this role: "the secretary", "the Nobel Peace Prize winner".
    if head_info.is(PERSON_NOUN) && !plural {
        if let Some(sp) = known_by_role(doc, ents, np, disc, head, cue) {
            return Some(sp);
        }
    }
    // A group named before: "the three European countries", "the two companies".
    if plural && plural_aware_info(doc, head_k.unwrap_or(np.a)).is(GROUP_NOUN | ORG_NOUN) {
        if let Some(g) = &disc.last_group {
            let count = (np.a..np.b).find_map(|k| small_number(doc.word(k)));
            if count.is_none_or(|c| c == g.parties.len()) {
                let mut g = g.clone();
                g.cue = cue;
                return Some(g);
            }
        }
    }
    // An institution named before: "the ministry", "the Arab nation's foreign ministry".
    if head_info.is(ORG_NOUN) {
        if let Some(inst) = disc.institutions.iter().rev().find(|s| s.head.as_deref() == Some(head)) {
            return Some(
                Speaker {
                    name: np_text(doc, np),
                    parties: inst.parties.clone(),
                    cue,
                    head: Some(head.to_string()),
                    ..Speaker::default()
                }
                .party_from(PartyVia::Context),
            );
        }
    }
    None
}

/// Whether a description's head ("group", "company", "government") fits a
/// party of this kind.
fn head_fits_party(head: &str, kind: PartyKind) -> bool {
    match head {
        "group" | "movement" | "militia" | "faction" => {
            matches!(kind, PartyKind::ArmedGroup | PartyKind::PoliticalParty)
        }
        "company" | "firm" => kind == PartyKind::Company,
        "government" | "ministry" | "administration" | "kingdom" | "state" | "cabinet" | "regime" => {
            kind == PartyKind::Country
        }
        _ => false,
    }
}

/// A new person like the last one described: "another" after "one
/// protester" is "another protester", of the same party.
fn like_the_last_described(text: String, cue: Span, disc: &Discourse) -> Speaker {
    let last = disc.described.last().map(|(head, sp)| (head.clone(), sp.parties.clone()));
    let (name, parties) = match last {
        Some((head, parties)) => (format!("{text} {head}"), parties),
        None => (text, Vec::new()),
    };
    Speaker { name, parties, cue, ..Speaker::default() }.party_from(PartyVia::Context)
}

/// The parties a description names inside it ("a Hamas official"; not
/// "a caller from Tehran": a place, not an allegiance), and where the
/// author of a statement is named ("a statement released by X").
fn parties_inside(doc: &Doc, ents: &Entities, np: &Np, head_info: WordInfo) -> (Vec<usize>, Option<usize>) {
    let mut parties = Vec::new();
    let mut by: Option<usize> = None;
    for k in np.a..np.b {
        if matches!(doc.word(k), "by" | "from") && head_info.is(STATEMENT_NOUN) {
            by = Some(k + 1);
        }
        if let Some(m) = ents.mention_at(k) {
            if m.a != k && k != np.a {
                continue;
            }
            if k > np.a && matches!(doc.word(k - 1), "from" | "in" | "near" | "at") && !head_info.is(STATEMENT_NOUN) {
                continue;
            }
            if let Some(p) = ents.party_of(m) {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
        }
    }
    (parties, by)
}

/// "the 54-year-old" (its age word at `age_k`): the person given that age
/// before ("Grace Achieng, a 54-year-old farmer", "Raymond Kessler, 67,"),
/// else the latest person.
fn person_of_age(doc: &Doc, ents: &Entities, age_k: usize, np: &Np, disc: &Discourse) -> Option<usize> {
    let age_word = doc.word(age_k).to_ascii_lowercase();
    let age = age_word.split('-').next().unwrap_or("");
    let end = ents.mentions.partition_point(|m| m.a < np.a);
    let aged = ents.mentions[..end].iter().rev().find_map(|m| {
        let Target::Person(p) = m.target else { return None };
        let after = doc.toks.get(m.b).is_some_and(|t| t.is_punct(','));
        let stated = after
            && (doc.word(m.b + 1) == age || (m.b + 2..m.b + 6).any(|k| doc.word(k).starts_with(age) && is_age(doc, k)));
        stated.then_some(p)
    });
    aged.or_else(|| disc.recent_people.last().copied())
}

/// "the secretary", "the Nobel Peace Prize winner", "the official": a
/// recent person with that role (its head noun, or two of its words), or
/// the last speaker described with that head noun.
fn known_by_role(doc: &Doc, ents: &Entities, np: &Np, disc: &Discourse, head: &str, cue: Span) -> Option<Speaker> {
    // The description's words ("the Nobel Peace Prize winner") in the
    // person's role or apposition, or its head noun in the role.
    let words: Vec<String> = (np.a..np.b)
        .filter(|&k| doc.toks[k].is_word() && !info(doc, k).is(DET))
        .map(|k| doc.word(k).to_ascii_lowercase())
        .collect();
    let found = disc.recent_people.iter().rev().copied().find(|&p| {
        let person = &ents.people[p];
        let hay = person.role.as_deref().unwrap_or("").to_ascii_lowercase();
        let hay: Vec<&str> = hay.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let shared = words.iter().filter(|w| w.len() > 3 && hay.contains(&w.as_str())).count();
        hay.contains(&head) || shared >= 2
    });
    if let Some(p) = found {
        return Some(person_speaker(ents, p, cue));
    }
    // "the official" after "a senior Hamas official".
    if let Some((_, sp)) = disc.described.iter().rev().find(|(h, _)| *h == head) {
        let mut sp = sp.clone();
        sp.cue = cue;
        return Some(sp);
    }
    None
}

/// A description of the state's own people or bodies: "Government officials",
/// "police", "the interior ministry", "a ministry spokesman".
fn is_state_description(doc: &Doc, np: &Np) -> bool {
    let words: Vec<String> = (np.a..np.b).map(|k| doc.word(k).to_ascii_lowercase()).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let state = ["government", "ministry", "police", "authorities", "cabinet", "presidency", "officials", "official"];
    // Not someone else's: "opposition officials", "rebel officials", "party officials", "UN officials".
    let other = ["opposition", "rebel", "rebels", "party", "union", "company", "campaign", "movement", "group", "club"];
    state.iter().any(|w| has(w))
        && !other.iter().any(|w| has(w))
        && !(np.a..np.b).any(|k| {
            doc.toks[k].has(CAP) && !doc.toks[k].has(SENT_START) && !doc.word(k).eq_ignore_ascii_case("government")
        })
}

/// The party of `kind` named last before token `at`, within the paragraph
/// and the three before it.
fn party_named_before(doc: &Doc, ents: &Entities, at: usize, kind: PartyKind) -> Option<usize> {
    let end = ents.mentions.partition_point(|m| m.a < at);
    let para = doc.sent_of[at].and_then(|s| doc.sents.get(s.index())).map_or(0, |s| s.para);
    let floor = doc.paras.get(para.saturating_sub(3)).map_or(0, |p| p.a);
    ents.mentions[..end].iter().rev().take_while(|m| m.a >= floor).find_map(|m| match m.target {
        Target::Party(p) if ents.parties[p].kind == kind && !doc.toks[m.a].in_quote() => Some(p),
        _ => None,
    })
}

fn small_number(w: &str) -> Option<usize> {
    let n = match w.to_ascii_lowercase().as_str() {
        "two" | "both" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        _ => return w.parse().ok().filter(|&n| n < 50),
    };
    Some(n)
}

/// Frames whose verb phrase touches `[from, to)` only through commas/colons.
fn attribute_quote(
    doc: &Doc,
    ents: &Entities,
    qi: usize,
    frames: &[Frame],
    done: &[QuoteResult],
    prev_frames: &[Vec<Frame>],
    disc: &Discourse,
) -> QuoteResult {
    let q = &doc.quotes[qi];
    let s = q.sent;
    let st = doc.sents[s];
    let (o, c) = (q.open, q.close);
    let inner = q.span.inner().of(doc.text);
    let pick = |f: &Frame, how: Attribution| (f.speaker.clone(), Some(doc.word(f.verb).to_string()), how);

    // Terms first: designations, nicknames, titles, questions put to someone.
    let term = is_term(doc, qi, frames);

    // A: right after the quote: `"…," X said` / `"…," said X`.
    let mut k = c + 1;
    if doc.toks.get(k).is_some_and(|t| t.is_punct(',') || t.is_punct('\u{2014}')) {
        k += 1;
    }
    // The subject may start a few words on: `"…," Qatar's Foreign Ministry spokesman X told`.
    let nearby_subject = |np: &Np| {
        np.a >= k
            && np.a <= k + 8
            && (k..np.a).all(|t| {
                doc.toks[t].is_word()
                    && !doc.toks[t].in_quote()
                    && !info(doc, t).is(SUBORD | CONJ | PREP | AUX | VERBISH)
            })
    };
    let after = frames.iter().find(|f| {
        (f.inverted && f.verb == k)
            || (!f.inverted && f.subject.as_ref().is_some_and(|np| nearby_subject(np) && f.verb <= np.b + 3))
    });
    // B: right before: `X said, "…"` / `adding, "…"` / `said X, "…"`.
    let mut j = o;
    let mut punct_before = false;
    if j > st.a && matches!(doc.toks[j - 1].kind, TokKind::Punct(',' | ':' | '\u{2014}')) {
        j -= 1;
        punct_before = true;
    }
    let before = frames.iter().rev().find(|f| {
        if f.verb >= o {
            return false;
        }
        let end = if f.inverted { f.subject.as_ref().map_or(f.verb_end + 1, |np| np.b) } else { f.verb_end + 1 };
        end == j || (punct_before && end < j && j - end <= 6 && no_quote_between(doc, end, j) && !f.thought)
    });
    let prev_quote = qi.checked_sub(1).map(|p| (&doc.quotes[p], &done[p]));
    let label = label_speaker(doc, ents, qi, disc);
    let (speaker, verb, how) = if let Some(sp) = label {
        (Some(sp), None, Attribution::Adjacent)
    } else if let Some(f) = after.filter(|f| f.speaker.is_some()) {
        pick(f, Attribution::Adjacent)
    } else if let Some(f) = before.filter(|f| f.speaker.is_some()) {
        pick(f, Attribution::Adjacent)
    } else if let Some(pq) =
        prev_quote.filter(|(pq, pr)| pq.span.continues && pr.speaker.is_some() && pq.para + 1 == q.para)
    {
        (pq.1.speaker.clone(), pq.1.verb.clone(), Attribution::Continued)
    } else if let Some(f) = last_speaker_frame(frames, |f| f.verb < o) {
        // "X said China hoped … "properly"": the one who said it, not the
        // belief they report.
        pick(f, Attribution::Sentence)
    } else if let Some(f) = frames.iter().find(|f| f.verb > c && f.speaker.is_some()) {
        pick(f, Attribution::Sentence)
    } else if frames.is_empty() {
        continued_or_context(doc, ents, qi, done, prev_frames, disc)
    } else {
        (None, None, Attribution::Unknown)
    };

    let kind = if term {
        QuoteKind::Term
    } else {
        speech_kind(doc, qi, after.is_some() || before.is_some(), speaker.as_ref(), done)
    };
    if kind == QuoteKind::Term {
        return QuoteResult { kind, speaker: None, verb: None, how: Attribution::Unknown };
    }
    // A short fragment no one is found to have said is a scare quote.
    if speaker.is_none() && kind == QuoteKind::Partial && inner.split_whitespace().count() <= 4 {
        return QuoteResult { kind: QuoteKind::Term, speaker: None, verb: None, how: Attribution::Unknown };
    }
    QuoteResult { kind, how: if speaker.is_some() { how } else { Attribution::Unknown }, speaker, verb }
}

/// The last of `frames` that has a speaker and passes `ok`, speech before
/// thought: in "X said China hoped …", X, not the belief X reports.
fn last_speaker_frame(frames: &[Frame], ok: impl Fn(&Frame) -> bool) -> Option<&Frame> {
    let with_speaker = |f: &&Frame| f.speaker.is_some() && ok(f);
    frames.iter().rev().filter(with_speaker).find(|f| !f.thought).or_else(|| frames.iter().rev().find(with_speaker))
}

/// A transcript or round-up label names the speaker: `Name: "…"` or `Name,
/// The Outlet: "…"` at the start of a line, `"…" ― Name` at the end of one,
/// or `"NAME: …"` opening the quote itself.
fn label_speaker(doc: &Doc, ents: &Entities, qi: usize, disc: &Discourse) -> Option<Speaker> {
    labelled_speaker(doc, ents, qi, disc).map(|sp| sp.named_by(SpeakerVia::Label))
}

fn labelled_speaker(doc: &Doc, ents: &Entities, qi: usize, disc: &Discourse) -> Option<Speaker> {
    let q = &doc.quotes[qi];
    let (o, c) = (q.open, q.close);
    let para = &doc.paras[q.para];
    let mut line_start = line_start_before(doc, para.body_from, o);
    // "Paola Ferri, La Voce di Genova:" on a line (or paragraph) of its own,
    // the quote on the next.
    if line_start == o && o > para.body_from {
        line_start = line_start_before(doc, para.body_from, o - 1);
    } else if o == para.a && q.para > 0 && doc.paras[q.para - 1].b + 12 >= o {
        line_start = doc.paras[q.para - 1].body_from;
    }
    if o >= line_start + 2 && o - line_start <= 12 && doc.toks[o - 1].is_punct(':') {
        if let Some(sp) = label_before_colon(doc, ents, line_start, o - 1, disc) {
            return Some(sp);
        }
    }
    // "“…” ― Sonya Herridge": a dash and a name closing the line.
    let mut k = c + 1;
    while doc.toks.get(k).is_some_and(|t| t.is_punct(',') || t.is_punct('.')) {
        k += 1;
    }
    let dash = doc
        .toks
        .get(k)
        .is_some_and(|t| matches!(t.kind, TokKind::Punct('\u{2014}' | '\u{2015}' | '\u{2013}' | '-')) && !t.in_quote());
    if dash && k < para.b {
        let a = k + 1;
        let mut b = a;
        while b < para.b && b - a < 6 && is_label_word(doc, b) {
            b += 1;
        }
        let line_ends = b == para.b
            || doc.text[doc.toks[b - 1].end..doc.toks[b].start].contains('\n')
            || (doc.toks[b].is_punct('.')
                && (b + 1 == para.b || doc.text[doc.toks[b].end..doc.toks[b + 1].start].contains('\n')));
        if b > a && doc.toks[a].has(CAP) && line_ends {
            return label_name(doc, ents, a, b, disc);
        }
    }
    // "“WALLACE: Governor, …”": a transcript excerpt quoted whole.
    let first = o + 1;
    let colon = (first..c.min(first + 4)).find(|&k| doc.toks[k].is_punct(':'))?;
    if colon > first && (first..colon).all(|k| doc.toks[k].is_word() && doc.toks[k].has(CAP)) {
        let upper = (first..colon).all(|k| doc.toks[k].has(super::lexer::UPPER));
        let named = ents.mention_at(first).is_some_and(|m| m.a == first && m.b == colon);
        if upper || named {
            return label_name(doc, ents, first, colon, disc);
        }
    }
    None
}

/// The first token of the line holding token `at` (not before `floor`).
fn line_start_before(doc: &Doc, floor: usize, at: usize) -> usize {
    (floor + 1..=at).rev().find(|&k| doc.text[doc.toks[k - 1].end..doc.toks[k].start].contains('\n')).unwrap_or(floor)
}

/// A word of a name label: capitalised, an initial, or a particle ("de").
fn is_label_word(doc: &Doc, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| t.is_word() && !t.in_quote())
        && (doc.toks[k].has(CAP) || doc.info(k).is(super::lexicon::PARTICLE))
}

/// `Name:` or `Name, The Outlet:` in tokens `from..colon`.
fn label_before_colon(doc: &Doc, ents: &Entities, from: usize, colon: usize, disc: &Discourse) -> Option<Speaker> {
    let comma = (from..colon).find(|&k| doc.toks[k].is_punct(','));
    let name_end = comma.unwrap_or(colon);
    if name_end == from || !(from..name_end).all(|k| is_label_word(doc, k)) {
        return None;
    }
    let mut sp = label_name(doc, ents, from, name_end, disc)?;
    if let Some(comma) = comma {
        // The affiliation after the comma: a party, or nothing else.
        if !(comma + 1..colon).all(|k| is_label_word(doc, k)) || comma + 1 == colon {
            return None;
        }
        let party =
            ents.mention_at(comma + 1).filter(|m| m.a == comma + 1 && m.b == colon).and_then(|m| ents.party_of(m));
        if let Some(p) = party.filter(|_| sp.parties.is_empty()) {
            sp.parties = vec![p];
            sp.party_via = Some(PartyVia::Stated);
        }
    }
    Some(sp)
}

/// The speaker a label's name tokens `a..b` give: a known mention, a person
/// named elsewhere by that surname ("WALLACE"), or the name as written.
fn label_name(doc: &Doc, ents: &Entities, a: usize, b: usize, disc: &Discourse) -> Option<Speaker> {
    if let Some(np) = mention_np_at(doc, ents, a).filter(|np| np.b == b) {
        return resolve(doc, ents, &np, disc);
    }
    let np = Np { a, b, kind: NpKind::Name };
    if (a..b).any(|k| doc.info(k).is(SPEECH | super::lexicon::COMMON_CAP) && !doc.toks[k].has(super::lexer::UPPER)) {
        return None;
    }
    // A surname in capitals, as transcripts write it: the person of that name.
    if b == a + 1 {
        let w = doc.word(a);
        let found = ents.people.iter().position(|p| p.words.last().is_some_and(|l| l.eq_ignore_ascii_case(w)));
        if let Some(p) = found {
            return Some(person_speaker(ents, p, np_span(doc, &np)));
        }
        if doc.toks[a].has(super::lexer::UPPER) {
            let mut name: String = w.chars().take(1).collect();
            name.extend(w.chars().skip(1).flat_map(char::to_lowercase));
            return Some(Speaker { name, cue: np_span(doc, &np), ..Speaker::default() });
        }
    }
    resolve(doc, ents, &np, disc)
}

fn no_quote_between(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).all(|k| !matches!(doc.toks[k].kind, TokKind::Open(_) | TokKind::Close(_)))
}

/// A quote sentence with no speech verb: it continues the quote before, or
/// its speaker is the one named in the sentence before.
fn continued_or_context(
    doc: &Doc,
    ents: &Entities,
    qi: usize,
    done: &[QuoteResult],
    prev_frames: &[Vec<Frame>],
    disc: &Discourse,
) -> (Option<Speaker>, Option<String>, Attribution) {
    let q = &doc.quotes[qi];
    let s = q.sent;
    // "President Obama is rolling out a new message: "It's about me."": after
    // a colon, the person the sentence is about.
    if q.open > doc.sents[s].a && doc.toks[q.open - 1].is_punct(':') {
        if let Some(np) = main_subject(doc, ents, s) {
            if let NpKind::Mention(mi) = np.kind {
                if let Target::Person(p) = ents.mentions[mi].target {
                    return (Some(person_speaker(ents, p, np_span(doc, &np))), None, Attribution::Context);
                }
            }
        }
    }
    let para_start = doc.sents[s].a == doc.paras[q.para].body_from;
    // The sentence before, in this paragraph or (for a quote opening a
    // paragraph) at the end of the previous one.
    let Some(prev_s) = s.checked_sub(1) else { return (None, None, Attribution::Unknown) };
    let prev_para = doc.sents[prev_s].para;
    if prev_para != q.para && !(para_start && prev_para + 1 == q.para) {
        return (None, None, Attribution::Unknown);
    }
    // The quote before, if it sits in that sentence or this one.
    if let Some(p) = qi.checked_sub(1) {
        let pq = &doc.quotes[p];
        if (pq.sent == prev_s || pq.sent == s) && done[p].speaker.is_some() && done[p].kind != QuoteKind::Term {
            return (done[p].speaker.clone(), done[p].verb.clone(), Attribution::Continued);
        }
    }
    if let Some(f) = prev_frames.get(prev_s).and_then(|fs| last_speaker_frame(fs, |_| true)) {
        return (f.speaker.clone(), Some(doc.word(f.verb).to_string()), Attribution::Context);
    }
    // "… foreign policy:" then the quote: the person the sentence is about.
    let ends_colon = doc.toks[doc.sents[prev_s].b - 1].is_punct(':');
    if let (true, Some((p, _))) = (ends_colon, disc.last_person) {
        let cue = doc.sentence_span(prev_s);
        return (Some(person_speaker(ents, p, Span::new(cue.start, cue.start))), None, Attribution::Context);
    }
    // "Sen. Bernie Sanders, who …, identified … as one of the reasons. "…"":
    // a quote standing alone after a sentence about a named person.
    let alone = q.open == doc.sents[s].a;
    if let Some(np) = main_subject(doc, ents, prev_s).filter(|_| alone) {
        if let NpKind::Mention(mi) = np.kind {
            if let Target::Person(p) = ents.mentions[mi].target {
                return (Some(person_speaker(ents, p, np_span(doc, &np))), None, Attribution::Context);
            }
        }
    }
    (None, None, Attribution::Unknown)
}

/// Scare quotes, names, titles and designations: not speech.
fn is_term(doc: &Doc, qi: usize, frames: &[Frame]) -> bool {
    let q = &doc.quotes[qi];
    let st = doc.sents[q.sent];
    let (o, c) = (q.open, q.close);
    let inner = q.span.inner().of(doc.text).trim();
    let words = inner.split_whitespace().count();
    if words == 0 {
        return true;
    }
    let sentence_like =
        words >= 4 && inner.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}']).ends_with(['.', '!', '?']);
    if sentence_like && words >= 6 {
        return false;
    }
    // A title or name in title case inside the reporter's sentence: the
    // "Axis of Resistance", the "Reporters' Shield" initiative, the Pacific "Ring of Fire".
    let embedded = o > st.a && doc.toks[o - 1].is_word();
    let title_case = inner
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "in" | "on" | "to" | "a" | "an" | "de" | "la" | "du"))
        .all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase));
    // A title may end with a period ("the column "Legend in the Coal Fields."").
    let content_caps = inner.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    if embedded && title_case && words <= 8 && (!sentence_like || content_caps >= 2) {
        return true;
    }
    // Charges and what others call things: "on charges of "…"", "what Moscow calls its "…"".
    if o >= st.a + 2 {
        let w1 = doc.word(o - 1).to_ascii_lowercase();
        let w2 = doc.word(o - 2).to_ascii_lowercase();
        // "on charges of espionage, extremism or "…"": the charge list may run on.
        let charge = (st.a + 1..o).rev().take(8).any(|k| {
            let w1 = doc.word(k).to_ascii_lowercase();
            let w0 = doc.word(k - 1).to_ascii_lowercase();
            matches!(
                (w0.as_str(), w1.as_str()),
                ("charges", "of")
                    | ("charged", "with")
                    | ("accused", "of")
                    | ("convicted", "of")
                    | ("guilty", "of")
                    | ("charge", "of")
            )
        }) && !(st.a..o).any(|k| doc.toks[k].is_punct(';'));
        let calls_its = matches!(w1.as_str(), "its" | "their" | "his" | "her")
            && matches!(w2.as_str(), "calls" | "called" | "call" | "dubs" | "dubbed" | "terms" | "termed");
        if charge || calls_its {
            return true;
        }
    }
    // Designations: "so-called "…"", "dubbed "…"", "known as "…"".
    if designated(doc, st.a, o, inner) {
        return true;
    }
    // A nickname inside a name: `2nd Squadron "Sabre," 3rd Cavalry`, `Joe "Jo" Smith`.
    if o > st.a && words <= 3 {
        let prev_cap = doc.toks[o - 1].is_word() && doc.toks[o - 1].has(CAP);
        let next = doc.toks.get(c + 1);
        let next_cap = next.is_some_and(|t| t.is_word() && (t.has(CAP) || t.has(NUM)))
            || (next.is_some_and(|t| t.is_punct(','))
                && doc.toks.get(c + 2).is_some_and(|t| t.is_word() && (t.has(CAP) || t.has(NUM))));
        let capitalised = inner.chars().next().is_some_and(char::is_uppercase);
        if prev_cap && capitalised && (next_cap || inner.ends_with(',')) {
            return true;
        }
    }
    // A titled work: the program "Looking Ahead", the report "…".
    if o > st.a && words <= 8 && info(doc, o - 1).is(WORK_NOUN) && !sentence_like && title_case {
        return true;
    }
    // A label: under the headline "A ban with no brakes", captioned "…".
    if o > st.a && words <= 12 && doc.lx.in_list(&doc.word(o - 1).to_ascii_lowercase(), WordList::LabelWord) {
        return true;
    }
    // A quoted modifier of the noun after it: a 'designated bathing water'
    // status, the "day after" plan.
    let next_noun = doc.toks.get(c + 1).is_some_and(|t| {
        t.is_word()
            && !t.has(CAP)
            && !t.has(NUM)
            && !info(doc, c + 1).is(PREP | CONJ | AUX | DET | SUBORD | VERBISH | PRONOUN | SPEECH | ADVERB)
            && !doc.word(c + 1).ends_with("ly")
    });
    // Only after a determiner or a possessive ("a 'designated bathing water'
    // status", "the "day after" plan"): "said China "firmly opposes" sanctions" is speech.
    let after_modifier = o > st.a
        && doc.toks[o - 1].is_word()
        && !info(doc, o - 1).is(SPEECH | VERBISH | AUX | SUBORD | PRONOUN | CONJ)
        && (doc.toks[o - 1].has(POSS) || ents_free(doc, o - 1));
    if next_noun && after_modifier && (2..=4).contains(&words) && !sentence_like {
        return true;
    }
    // Words on a sign, a banner or a caption: "signs that read "Homes, not hotels"".
    let written_on_object = frames
        .iter()
        .any(|f| f.verb < o && f.subject.as_ref().is_some_and(|np| is_sign_noun(doc, np.b - 1)))
        || (st.a..o).rev().take(16).any(|k| {
            is_sign_noun(doc, k) && matches!(doc.word(k + 1), "that" | "which" | "reading" | "read" | "saying" | "with")
        });
    if written_on_object && !sentence_like {
        return true;
    }
    // A question put to the speaker: "When asked about the current "…"".
    let asked = (st.a..o).rev().take(12).find(|&k| {
        matches!(doc.word(k), "asked" | "questioned") && matches!(doc.word(k + 1), "about" | "whether" | "if" | "on")
    });
    if let Some(k) = asked {
        if !frames.iter().any(|f| f.verb > k + 1 && f.verb < o) && !sentence_like {
            return true;
        }
    }
    false
}

/// A designation before the quote opening at token `o` (its sentence
/// starting at `sent_a`, `inner` its text): "so-called "…"", "dubbed "…""
/// right before it, "known as "…"", a name after "a group called", or
/// "designating Hamas as a "…"" (the verb, then "as a" right before it).
fn designated(doc: &Doc, sent_a: usize, o: usize, inner: &str) -> bool {
    let lo = o.saturating_sub(8).max(sent_a);
    let as_before = o >= sent_a + 2 && matches!(doc.word(o - 1), "a" | "an" | "the") && doc.word(o - 2) == "as"
        || o > sent_a && doc.word(o - 1) == "as";
    for k in (lo..o).rev() {
        let w = doc.word(k).to_ascii_lowercase();
        if !info(doc, k).is(DESIGNATION) || doc.toks[k].in_quote() {
            continue;
        }
        let near = o - k <= 2 || (o - k <= 3 && doc.word(o - 1).eq_ignore_ascii_case("the"));
        match w.as_str() {
            // "called it "a disaster"" is speech; "a group called "X"" is a name.
            "called" | "named" => {
                let after_noun = k > sent_a && lower_word(doc, k - 1) && !info(doc, k - 1).is(PRONOUN | AUX | ADVERB);
                // "what the ministry called "serious deficiencies"" is speech;
                // a name is capitalised: "a group called "Friends of the Wen"".
                let lowercase = inner.chars().next().is_some_and(char::is_lowercase);
                if k + 1 == o && after_noun && !lowercase {
                    return true;
                }
            }
            "known" => {
                if doc.word(k + 1) == "as" && near {
                    return true;
                }
            }
            "designated" | "designating" | "designate" | "labeled" | "labelled" | "labeling" | "labelling"
            | "branded" | "branding" | "termed" => {
                if near || as_before {
                    return true;
                }
            }
            _ => {
                if near {
                    return true;
                }
            }
        }
    }
    false
}

/// Token `k` is an ordinary word, not a capitalised name (which would be
/// the speaker: "said China "firmly opposes" sanctions").
fn ents_free(doc: &Doc, k: usize) -> bool {
    !doc.toks[k].has(CAP) || doc.toks[k].has(SENT_START)
}

/// Things that carry words but do not speak: signs, banners, captions.
fn is_sign_noun(doc: &Doc, k: usize) -> bool {
    // Lower-case, or capitalised only because it opens the sentence ("Signs read").
    let opening = doc.toks.get(k).is_some_and(|t| t.is_word() && t.has(SENT_START) && !t.has(NUM));
    (lower_word(doc, k) && doc.lx.in_list(doc.word(k), WordList::SignNoun))
        || (opening && doc.lx.in_list(&doc.word(k).to_ascii_lowercase(), WordList::SignNoun))
}

/// Direct or partial speech.
fn speech_kind(doc: &Doc, qi: usize, adjacent: bool, speaker: Option<&Speaker>, done: &[QuoteResult]) -> QuoteKind {
    let q = &doc.quotes[qi];
    let st = doc.sents[q.sent];
    let (o, c) = (q.open, q.close);
    let inner = q.span.inner().of(doc.text);
    let first = inner.chars().find(|c| c.is_alphanumeric());
    let upper = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let words = inner.split_whitespace().count();
    let ends_sentence = inner
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    // The quote stands alone in its sentence (maybe with an attribution).
    let alone_start = o == st.a;
    let quote_only = alone_start && (c + 1 >= st.b || doc.toks[c + 1..st.b].iter().all(|t| !t.is_word()));
    let colon_before = o > st.a && doc.toks[o - 1].is_punct(':');
    let set_off = adjacent || quote_only || colon_before || (alone_start && words >= 3) || q.span.continues;
    // The same speaker's quote earlier in this sentence: a broken quote.
    let continues_quote = qi > 0 && doc.quotes[qi - 1].sent == q.sent && {
        let prev = &done[qi - 1];
        prev.kind == QuoteKind::Direct && prev.speaker.as_ref().map(|s| &s.name) == speaker.map(|s| &s.name)
    };
    // A quote continued from the paragraph before.
    let continued_para = qi > 0 && doc.quotes[qi - 1].span.continues && doc.quotes[qi - 1].para + 1 == q.para;
    if set_off {
        if upper || continues_quote || continued_para {
            return QuoteKind::Direct;
        }
        // `read, "the Kingdom … welcomes …."`: a whole sentence after its verb.
        let first_word = inner.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let opens_clause = matches!(
            first_word.as_str(),
            "the" | "a" | "an" | "this" | "these" | "we" | "i" | "it" | "there" | "they" | "our" | "my" | "he" | "she"
        );
        let verb_right_before =
            o >= 2 && matches!(doc.toks[o - 1].kind, TokKind::Punct(',' | ':')) && info(doc, o - 2).is(SPEECH);
        if opens_clause && ends_sentence && words >= 5 && verb_right_before {
            return QuoteKind::Direct;
        }
        return QuoteKind::Partial;
    }
    let prev_word_info = if o > st.a { info(doc, o - 1) } else { Default::default() };
    if upper && ends_sentence && words >= 4 && !prev_word_info.is(DET | PREP) {
        return QuoteKind::Direct;
    }
    QuoteKind::Partial
}

/// Remembers who the sentence was about.
fn update_discourse(doc: &Doc, ents: &Entities, s: usize, frames: &[Frame], disc: &mut Discourse) {
    let st = doc.sents[s];
    let mut person_subject = false;
    for f in frames {
        let Some(sp) = &f.speaker else { continue };
        learn_gender(doc, ents, f, sp, disc);
        // A person speaking ends the reign of a described speaker; a singular
        // person-like description ("One victim", "a doctor") starts one.
        if sp.person.is_some() {
            disc.human_description = None;
        } else if let Some(np) = f.subject.as_ref().filter(|np| np.kind == NpKind::Description) {
            let head = (np.a..np.b).rev().find(|&k| is_description_noun(doc, k));
            let singular_person = head.is_some_and(|h| {
                (plural_aware_info(doc, h).is(PERSON_NOUN) && !doc.word(h).ends_with('s')) || is_age(doc, h)
            });
            if singular_person {
                disc.human_description = Some(sp.clone());
            }
        }
        // "another", "a third": a new person, described like the one before.
        if let Some(np) = f.subject.as_ref().filter(|np| np.kind == NpKind::Description) {
            if elliptical_speaker_start(doc, np.b - 1, np.a) == Some(np.a) && sp.person.is_none() {
                disc.human_description = Some(sp.clone());
            }
        }
        // An indefinite description that speaks: "a senior Hamas official".
        if let Some(np) = f.subject.as_ref().filter(|np| np.kind == NpKind::Description) {
            let indefinite = matches!(doc.word(np.a).to_ascii_lowercase().as_str(), "a" | "an" | "one");
            if let Some(h) = (np.a..np.b).rev().find(|&k| is_description_noun(doc, k) && info(doc, k).is(PERSON_NOUN)) {
                if indefinite && sp.person.is_none() {
                    disc.described.push((doc.word(h).to_ascii_lowercase(), sp.clone()));
                    if disc.described.len() > 8 {
                        disc.described.remove(0);
                    }
                }
            }
        }
        if let Some(p) = sp.person {
            push_person(disc, ents, p);
            person_subject = true;
        } else if sp.plural || sp.parties.len() > 1 {
            disc.last_group = Some(sp.clone());
        }
        if let Some(head) = &sp.head {
            if info_is_statement(head) {
                continue;
            }
            push_institution(disc, sp.clone());
        }
        // "A statement released by X": remember X as the statement's author.
        if let Some(np) = &f.subject {
            if (np.a..np.b).any(|k| info(doc, k).is(STATEMENT_NOUN)) || statement_nearby(doc, f.verb, st.a, Some(np)) {
                disc.last_statement = Some(sp.clone());
            }
        }
    }
    // A sentence's subject is salient even without a speech verb.
    if let Some(np) = main_subject(doc, ents, s) {
        match &np.kind {
            NpKind::Mention(mi) => match ents.mentions[*mi].target {
                Target::Person(p) if !person_subject => push_person(disc, ents, p),
                Target::Party(p) => disc.last_party = Some(p),
                _ => {}
            },
            NpKind::Group(_) => {
                if let Some(sp) = resolve(doc, ents, &np, disc) {
                    disc.last_group = Some(sp);
                }
            }
            NpKind::Description => {
                if let Some(sp) = resolve(doc, ents, &np, disc) {
                    if sp.plural {
                        disc.last_group = Some(sp.clone());
                    }
                    if sp.head.as_deref().is_some_and(|h| !info_is_statement(h)) {
                        push_institution(disc, sp);
                    }
                }
            }
            _ => {}
        }
    }
    // Parties named at depth 0 keep "it"/"the group" resolvable.
    let end = ents.mentions.partition_point(|m| m.a < st.b);
    let last_in_sentence =
        ents.mentions[..end].iter().rev().take_while(|m| m.a >= st.a).find(|m| !doc.toks[m.a].in_quote());
    if let Some(m) = last_in_sentence {
        if let Target::Party(p) = m.target {
            if disc.last_party.is_none() || !matches!(ents.parties[p].kind, PartyKind::Media) {
                disc.last_party = Some(p);
            }
        }
    }
}

/// Genders a frame tells: the pronoun that names a person ("he said"), or
/// the one right after their verb ("Okonjo said she had accepted").
fn learn_gender(doc: &Doc, ents: &Entities, f: &Frame, sp: &Speaker, disc: &mut Discourse) {
    // "he"/"she" tells the person's gender for later pronouns.
    if let (Some(np), Some(p)) = (f.subject.as_ref(), sp.person) {
        if np.kind == NpKind::Pronoun {
            let g = match doc.word(np.a).to_ascii_lowercase().as_str() {
                "he" => Gender::Male,
                "she" => Gender::Female,
                _ => Gender::Unknown,
            };
            if g != Gender::Unknown && !disc.genders.iter().any(|(q, _)| *q == p) {
                disc.genders.push((p, g));
            }
        }
    }
    // "Okonjo said she had accepted": the pronoun right after the verb
    // tells the speaker's gender.
    if let (Some(p), false) = (sp.person, f.inverted) {
        let mut k = f.verb_end + 1;
        if doc.word(k) == "that" {
            k += 1;
        }
        let g = match doc.word(k) {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        if g != Gender::Unknown
            && ents.people[p].gender == Gender::Unknown
            && !disc.genders.iter().any(|(q, _)| *q == p)
        {
            disc.genders.push((p, g));
        }
    }
}

fn info_is_statement(head: &str) -> bool {
    matches!(
        head,
        "statement"
            | "statements"
            | "communique"
            | "communiqué"
            | "letter"
            | "report"
            | "release"
            | "message"
            | "post"
            | "tweet"
            | "announcement"
            | "declaration"
    )
}

fn push_institution(disc: &mut Discourse, sp: Speaker) {
    if disc.institutions.len() >= 16 {
        disc.institutions.remove(0);
    }
    disc.institutions.push(sp);
}

fn push_person(disc: &mut Discourse, ents: &Entities, p: usize) {
    disc.recent_people.retain(|&x| x != p);
    disc.recent_people.push(p);
    if disc.recent_people.len() > 8 {
        disc.recent_people.remove(0);
    }
    disc.last_person = Some((p, ents.people[p].gender));
}
