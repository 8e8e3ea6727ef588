//! The breakdown of an article: what [`parse`](super::parse) returns, and
//! the [`Options`] it may be given.
//!
//! Every item carries byte offsets ([`Span`]) into the text that was parsed, so
//! a viewer can highlight it in the source. Items refer to each other by index
//! into the lists of the same [`Breakdown`] (`people`, `parties`, `sentences`,
//! `quotes`). The JSON form of these types is documented in `docs/schema.md`
//! and versioned by [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

/// Version of the JSON shape below; raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// What the reader told the parser about a text (see
/// [`parse_with`](super::parse_with)). Serialisable because the app sends it
/// to the parser's worker with the text (`crate::wire`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Lines (paragraphs, compared trimmed) the reader keeps as article text:
    /// never set aside as page furniture.
    pub article_lines: Vec<String>,
}

/// A byte range `start..end` into the parsed text (always on `char` boundaries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Whether `other` lies wholly inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers (empty if it does not fit `text`).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A piece of the input with its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub span: Span,
}

/// Everything Factsheet found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// [`SCHEMA_VERSION`] of this shape.
    pub version: u32,
    pub meta: Meta,
    pub stats: Stats,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub people: Vec<Person>,
    pub parties: Vec<Party>,
    pub facts: Vec<Fact>,
    /// Every figure of the article, in text order (also listed per fact and per quote).
    pub figures: Vec<Figure>,
    /// Every date expression of the article, in text order.
    pub dates: Vec<DateMention>,
    /// Things the reader should know about the input (e.g. an unclosed quote mark).
    pub notices: Vec<Notice>,
}

/// Headline, timestamp, abstract and dateline, when the article has them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub headline: Option<Snippet>,
    pub timestamp: Option<Timestamp>,
    /// An "Abstract:" paragraph (without the label), else the lede (first body paragraph).
    #[serde(rename = "abstract")]
    pub abstract_text: Option<Snippet>,
    pub dateline: Option<Dateline>,
    /// Who wrote it, when a byline credits them ("By Jane Doe, Associated Press").
    pub byline: Option<Byline>,
}

/// A byline: metadata about the article, never a fact, quote or party of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Byline {
    /// The line as written.
    pub text: String,
    pub span: Span,
    /// The writers it names ("Jane Doe").
    pub authors: Vec<String>,
    /// A news agency it credits ("Associated Press", "Reuters").
    pub agency: Option<String>,
}

/// When the article was published, as written and as ISO 8601 when it can be read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timestamp {
    pub text: String,
    pub span: Span,
    /// `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD` or `None` when unreadable.
    pub iso: Option<String>,
}

/// The place (and sometimes date) that opens a report: "KABUL, Afghanistan (AP) —".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline including its dash.
    pub text: String,
    pub span: Span,
    /// The place alone ("KABUL, Afghanistan").
    pub place: String,
    /// A date given in the dateline, ISO 8601.
    pub date: Option<String>,
    /// An agency credit such as "AP".
    pub agency: Option<String>,
}

/// Counts shown in the sheet's header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub bytes: usize,
    pub words: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub quotes: usize,
    pub terms: usize,
    pub facts: usize,
    pub commentary: usize,
    pub parties: usize,
    pub people: usize,
    pub figures: usize,
    pub dates: usize,
}

/// What a paragraph is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphRole {
    Headline,
    Timestamp,
    Abstract,
    Body,
    /// The byline ("By Jane Doe"): metadata, no sentences.
    Byline,
    /// Page furniture around or between the article's paragraphs (menus,
    /// share buttons, captions, "READ MORE:" links, footers): no sentences.
    Furniture,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub role: ParagraphRole,
    /// Index range into [`Breakdown::sentences`].
    pub sentences: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Is a quoted span speech, and how much of it?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A sentence or more of speech, set off on its own.
    Direct,
    /// A fragment of speech inside the reporter's own sentence.
    Partial,
    /// Not speech: scare quotes, titles, nicknames, designations.
    Term,
}

/// How the speaker of a quote was found, so a reader can judge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A speech verb next to the quote names the speaker ("…," X said).
    Adjacent,
    /// The speaker is the subject of a speech verb elsewhere in the sentence.
    Sentence,
    /// Same speaker as the quote just before (a quote broken by its attribution,
    /// or a run of quoted sentences).
    Continued,
    /// The speaker is named in the sentence or paragraph before.
    Context,
    /// No speaker could be found.
    Unknown,
}

/// How the text names a quote's speaker where it attributes the quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerVia {
    /// By name, or an institution by its name ("Karine Jean-Pierre", "the State Department").
    #[default]
    Name,
    /// By a pronoun ("he said").
    Pronoun,
    /// By a description ("the official", "one protester", "the 54-year-old").
    Description,
    /// By a transcript or round-up label (`Name: "…"`, `"…" ― Name`).
    Label,
}

/// Where a quote's party comes from, so a reader can judge it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyVia {
    /// The text ties the speaker to the party next to their name ("Hamas
    /// official X", "X of the WHO", "X, a spokeswoman for Kestrel"), or the
    /// party speaks itself.
    Stated,
    /// The knowledge files: a well-known person's party.
    Knowledge,
    /// Implied by a role: a rank and the article's unit, an astronaut and the
    /// space agency, a council member and the council, an office only one
    /// country has.
    Role,
    /// The article's own country (its dateline) for an office holder or a
    /// state body with no country named.
    Dateline,
    /// Carried over from the sentences before ("Its spokeswoman", "the
    /// newspaper wrote", "In Moscow, …").
    Context,
}

/// A quoted span of text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The characters between the marks.
    pub text: String,
    /// Span of `text`.
    pub span: Span,
    /// Span including the quote marks (the closing mark may be missing).
    pub marks: Span,
    pub kind: QuoteKind,
    /// Fullest name the article uses for the speaker, or its description.
    pub speaker: Option<String>,
    /// Index into [`Breakdown::people`] when the speaker is a person.
    pub person: Option<usize>,
    /// The speaker's role or title ("White House Press Secretary").
    pub role: Option<String>,
    /// Canonical name of the party the speaker speaks for (several joined by
    /// ", " and " and " when a group of parties speaks).
    pub party: Option<String>,
    /// Indices into [`Breakdown::parties`] of that party or those parties.
    pub parties: Vec<usize>,
    /// The speech verb ("said", "stated", "adding").
    pub verb: Option<String>,
    /// Where the text names the speaker for this quote (may be a pronoun).
    pub cue: Option<Span>,
    pub attribution: Attribution,
    /// How the cue names the speaker (`None` when there is no speaker).
    pub speaker_via: Option<SpeakerVia>,
    /// Where the party comes from (`None` when there is no party).
    pub party_via: Option<PartyVia>,
    /// The sentence holding the quote (for partial quotes, the reporter's sentence).
    pub sentence: usize,
    pub paragraph: usize,
    /// True when the quote runs on into the next paragraph (its closing mark is
    /// missing because the next paragraph re-opens it).
    pub continues: bool,
}

/// What kind of actor a party is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    Country,
    International,
    ArmedGroup,
    Organisation,
    Media,
    Company,
    PoliticalParty,
    GovernmentBody,
    /// An actor no list knows, found by its shape ("3rd Cavalry Regiment").
    Other,
}

/// An actor of the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Party {
    /// Canonical name ("United States").
    pub name: String,
    pub kind: PartyKind,
    /// Every surface form the text uses for it, including the people who act for it.
    pub aliases: Vec<String>,
    /// How many times the text names it (or one of its people).
    pub mentions: usize,
    /// Indices into [`Breakdown::people`] of those who speak or act for it.
    pub people: Vec<usize>,
    /// Where it is named (text order).
    pub spans: Vec<Span>,
}

/// A person the article names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Fullest name the article uses ("Karine Jean-Pierre").
    pub name: String,
    /// Other forms ("Jean-Pierre", "White House Press Secretary Karine Jean-Pierre").
    pub aliases: Vec<String>,
    pub role: Option<String>,
    /// Index into [`Breakdown::parties`].
    pub party: Option<usize>,
    pub mentions: usize,
    /// Number of quotes attributed to them.
    pub quotes: usize,
    pub spans: Vec<Span>,
}

/// Reported fact, reported speech, or the writer's own commentary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A statement of what happened or is.
    Fact,
    /// Indirect speech: "Israel stated that …", "Hamas insists on …".
    Reported,
    /// The writer's own analysis or opinion, not attributed to anyone.
    Commentary,
}

/// Who a fact is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// As written: "according to Israeli officials", "AFP quoted a Hamas official".
    pub text: String,
    pub span: Span,
    /// The named source ("Israeli officials").
    pub name: String,
    /// Index into [`Breakdown::parties`].
    pub party: Option<usize>,
}

/// A statement of the article that is not a direct quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub text: String,
    pub span: Span,
    pub kind: FactKind,
    pub source: Option<Source>,
    /// Indices into [`Breakdown::parties`] of the parties it involves.
    pub parties: Vec<usize>,
    pub figures: Vec<Figure>,
    pub dates: Vec<DateMention>,
    /// Indices into [`Breakdown::quotes`] of partial quotes or terms inside it.
    pub quotes: Vec<usize>,
    pub sentence: usize,
    pub paragraph: usize,
}

/// What sort of number a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Count,
    Percent,
    Money,
    Duration,
    Year,
    /// A day of a month ("May 11").
    Date,
    Ordinal,
    Measure,
}

/// A number in the text with what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// As written, with its qualifier and unit word ("over 2,000").
    pub value: String,
    pub span: Span,
    /// The value as a number (1.2e9 for "one-point-two billion").
    pub number: Option<f64>,
    /// Upper end of a range ("12,000 to 19,000").
    pub upper: Option<f64>,
    pub kind: FigureKind,
    /// "approximately", "at least", "over", "nearly", "up to", …
    pub qualifier: Option<String>,
    /// Currency or unit ("USD", "percent", "barrels").
    pub unit: Option<String>,
    /// What it counts ("living captives", "Palestinian prisoners and detainees").
    pub what: Option<String>,
    pub sentence: usize,
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A full calendar date ("March 6, 2025").
    Day,
    /// A month, with or without year ("in January").
    Month,
    Year,
    /// A day of the week ("on Sunday").
    Weekday,
    /// "today", "yesterday", "last week", …
    Relative,
    Decade,
}

/// A date expression, resolved against the article's own date when possible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub span: Span,
    pub kind: DateKind,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` once resolved.
    pub iso: Option<String>,
    pub sentence: usize,
}

/// A remark about the input for the reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub message: String,
    pub span: Option<Span>,
}
