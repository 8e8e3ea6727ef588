//! Exports: the fact sheet as Markdown (what is on show, filter noted) and
//! the breakdown as JSON (exactly the CLI's schema: the [`Breakdown`] and
//! its voice balance, see [`Document`]).

use std::fmt::Write as _;

use serde::Serialize;

use crate::parser::{
    Breakdown, DateMention, Fact, FactKind, Figure, Meta, Notice, Paragraph, Party, Person, Quote, QuoteKind, Sentence,
    Stats,
};

use super::corrections::QuoteFix;
use super::filter::{context_text, sentence_text, Filter, SheetView};
use super::format::{count_label, date_label, join_names, party_kind_word, thousands, timestamp_label};
use super::quotes::{display_role, inferences};
use super::search::Query;
use super::timeline::resolution_note;
use super::voice::{voice_balance, VoiceBalance};

/// Text made safe for one line of Markdown: whitespace runs become one
/// space, and the characters Markdown (or HTML inside it) would act on are
/// escaped.
pub fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The filter in words, for the top of an export: `None` when nothing is filtered.
pub fn filter_description(b: &Breakdown, filter: &Filter, typed_query: &str) -> Option<String> {
    if !filter.is_active() {
        return None;
    }
    let mut parts = Vec::new();
    let names: Vec<&str> = filter.parties().iter().filter_map(|&p| b.parties.get(p)).map(|p| p.name.as_str()).collect();
    if !names.is_empty() {
        parts.push(format!("parties {}", join_names(&names)));
    }
    if !Query::new(typed_query).is_empty() {
        parts.push(format!("search “{}”", typed_query.trim()));
    }
    Some(parts.join("; "))
}

/// The fact sheet as a Markdown document: headline, publication details,
/// counts, then parties, the voice balance, quotes (with speakers), quoted
/// terms, facts (with sources), commentary, figures and timeline, as `view`
/// shows them.
/// `filter_note` (see [`filter_description`]) is stated under the counts;
/// the quotes in `corrected` (indices) say the reader corrected them.
pub fn markdown(b: &Breakdown, text: &str, view: &SheetView, filter_note: Option<&str>, corrected: &[usize]) -> String {
    let mut md = String::new();
    md_head(&mut md, b, filter_note);
    md_parties(&mut md, b, view);
    md_voice(&mut md, b, filter_note.is_some());
    md_quotes(&mut md, b, text, view, corrected);
    md_facts(&mut md, b, view);
    md_figures(&mut md, b, view);
    md_timeline(&mut md, b, text, view);
    let _ = writeln!(
        md,
        "---\n\n*Fact sheet made with Factsheet from a {}-word article. Speakers, parties and sources are found automatically; check them against the text.*",
        thousands(b.stats.words)
    );
    md
}

/// Headline, publication details, abstract, counts and the filter.
fn md_head(md: &mut String, b: &Breakdown, filter_note: Option<&str>) {
    let headline = b.meta.headline.as_ref().map(|h| md_inline(&h.text)).filter(|h| !h.is_empty());
    let _ = writeln!(md, "# {}\n", headline.as_deref().unwrap_or("Fact sheet"));

    let mut published = Vec::new();
    if let Some(ts) = &b.meta.timestamp {
        published.push(format!("Published {}", md_inline(&timestamp_label(ts))));
    }
    if let Some(d) = &b.meta.dateline {
        let mut line = format!("Dateline: {}", md_inline(&d.place));
        if let Some(agency) = &d.agency {
            let _ = write!(line, " ({})", md_inline(agency));
        }
        published.push(line);
    }
    if !published.is_empty() {
        let _ = writeln!(md, "*{}*\n", published.join(" · "));
    }
    if let Some(a) = &b.meta.abstract_text {
        let _ = writeln!(md, "> {}\n", md_inline(&a.text));
    }
    let s = &b.stats;
    let _ = writeln!(
        md,
        "{} · {} · {} · {} · {} · {}\n",
        count_label(s.words, "word", "words"),
        count_label(s.paragraphs, "paragraph", "paragraphs"),
        count_label(s.sentences, "sentence", "sentences"),
        count_label(s.quotes, "quote", "quotes"),
        count_label(s.facts, "fact", "facts"),
        count_label(s.parties, "party", "parties"),
    );
    if let Some(note) = filter_note {
        let _ = writeln!(md, "*Filtered: {}.*\n", md_inline(note));
    }
}

/// "## Parties": each with its kind, mentions and people.
fn md_parties(md: &mut String, b: &Breakdown, view: &SheetView) {
    let _ = writeln!(md, "## Parties\n");
    if view.parties.is_empty() {
        let _ = writeln!(md, "None found.\n");
    }
    for &p in &view.parties {
        let Some(party) = b.parties.get(p) else { continue };
        let _ = write!(
            md,
            "- **{}**: {}, {}",
            md_inline(&party.name),
            party_kind_word(party.kind),
            count_label(party.mentions, "mention", "mentions")
        );
        let people: Vec<String> = party
            .people
            .iter()
            .filter_map(|&i| b.people.get(i))
            .map(|person| match &person.role {
                Some(role) => format!("{} ({})", md_inline(&person.name), md_inline(role)),
                None => md_inline(&person.name),
            })
            .collect();
        if !people.is_empty() {
            let _ = write!(md, ". People: {}", people.join(", "));
        }
        md.push('\n');
    }
    md.push('\n');
}

/// "## Voice balance": the whole article's, also when the sheet is
/// `filtered` (it says so then).
fn md_voice(md: &mut String, b: &Breakdown, filtered: bool) {
    md.push_str(&super::voice::markdown(&voice_balance(b), filtered));
}

/// "## Quotes" (numbered, with who said them and how) and "## Quoted terms".
fn md_quotes(md: &mut String, b: &Breakdown, text: &str, view: &SheetView, corrected: &[usize]) {
    let _ = writeln!(md, "## Quotes\n");
    if view.quotes.is_empty() {
        let _ = writeln!(md, "None found.\n");
    }
    for (n, &i) in view.quotes.iter().enumerate() {
        let Some(q) = b.quotes.get(i) else { continue };
        let partial = q.kind == QuoteKind::Partial;
        let _ = writeln!(md, "{}. {}“{}”", n + 1, if partial { "Partial quote: " } else { "" }, md_inline(&q.text));
        let mut who = match &q.speaker {
            Some(name) => format!("**{}**", md_inline(name)),
            None => "*Unattributed*".to_string(),
        };
        if let Some(role) = display_role(q) {
            let _ = write!(who, ", {}", md_inline(role));
        }
        if let Some(party) = &q.party {
            let _ = write!(who, " ({})", md_inline(party));
        }
        if let Some(verb) = &q.verb {
            let _ = write!(who, ", *{}*", md_inline(verb));
        }
        if corrected.contains(&i) {
            who.push_str(" — corrected by the reader");
        } else {
            let notes = inferences(b, text, q);
            if !notes.is_empty() {
                // Mid-sentence here: "— speaker inferred from “he”; party inferred …".
                let notes = notes.join("; ");
                let mut chars = notes.chars();
                let first = chars.next().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
                let _ = write!(who, " — {first}{}", chars.as_str());
            }
        }
        let _ = writeln!(md, "   — {who}");
        if partial {
            let _ = writeln!(md, "   > {}", md_inline(sentence_text(b, text, q.sentence)));
        }
    }
    if !view.quotes.is_empty() {
        md.push('\n');
    }

    if !view.terms.is_empty() {
        let _ = writeln!(md, "## Quoted terms\n");
        for &i in &view.terms {
            if let Some(q) = b.quotes.get(i) {
                let _ = writeln!(md, "- “{}”", md_inline(&q.text));
            }
        }
        md.push('\n');
    }
}

/// "## Facts" (with sources and parties) and "## Commentary".
fn md_facts(md: &mut String, b: &Breakdown, view: &SheetView) {
    let _ = writeln!(md, "## Facts\n");
    if view.facts.is_empty() {
        let _ = writeln!(md, "None found.\n");
    }
    for &i in &view.facts {
        let Some(f) = b.facts.get(i) else { continue };
        let mut line = String::from("- ");
        if f.kind == FactKind::Reported {
            line.push_str("*Reported:* ");
        }
        line.push_str(&md_inline(&f.text));
        let mut tail = Vec::new();
        if let Some(source) = &f.source {
            tail.push(format!("source: {}", md_inline(&source.name)));
        }
        let parties: Vec<&str> = f.parties.iter().filter_map(|&p| b.parties.get(p)).map(|p| p.name.as_str()).collect();
        if !parties.is_empty() {
            tail.push(format!("parties: {}", md_inline(&parties.join(", "))));
        }
        if !tail.is_empty() {
            let _ = write!(line, " ({})", tail.join("; "));
        }
        let _ = writeln!(md, "{line}");
    }
    if !view.facts.is_empty() {
        md.push('\n');
    }

    if !view.commentary.is_empty() {
        let _ = writeln!(md, "## Commentary\n\n*The writer’s own analysis, not fact.*\n");
        for &i in &view.commentary {
            if let Some(f) = b.facts.get(i) {
                let _ = writeln!(md, "- {}", md_inline(&f.text));
            }
        }
        md.push('\n');
    }
}

/// "## Figures" as a table.
fn md_figures(md: &mut String, b: &Breakdown, view: &SheetView) {
    if view.figures.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Figures\n\n| Value | Qualifier | What it counts | Source |\n|---|---|---|---|");
    for row in &view.figures {
        let Some(fig) = b.figures.get(row.figure) else { continue };
        let cell = |s: Option<&str>| s.map(md_inline).filter(|s| !s.is_empty()).unwrap_or_else(|| "–".into());
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            cell(Some(&fig.value)),
            cell(fig.qualifier.as_deref()),
            cell(fig.what.as_deref()),
            cell(Some(row.claimant.label())),
        );
    }
    md.push('\n');
}

/// "## Timeline": each date with the statement it dates.
fn md_timeline(md: &mut String, b: &Breakdown, text: &str, view: &SheetView) {
    if view.timeline.is_empty() {
        return;
    }
    let _ = writeln!(md, "## Timeline\n");
    for entry in &view.timeline {
        let Some(d) = b.dates.get(entry.date) else { continue };
        let when = d.iso.as_deref().map_or_else(|| format!("“{}” (date not resolved)", md_inline(&d.text)), date_label);
        let what = context_text(b, text, entry.context, d.sentence);
        let _ = write!(md, "- **{}**: {}", md_inline(&when), md_inline(what));
        if let Some(note) = resolution_note(b, d) {
            let _ = write!(md, " *({})*", md_inline(&note));
        }
        md.push('\n');
    }
    md.push('\n');
}

/// The JSON document `factsheet --json` prints and "Download JSON" saves:
/// every field of the [`Breakdown`], in its order, then `"voice"`, its
/// [`VoiceBalance`] (a view of the breakdown, kept out of the parser's
/// types). The fields are listed rather than `#[serde(flatten)]`ed, which
/// would cost 8 KB of wasm; [`Document::new`] takes the breakdown apart
/// field by field, so a field added to it cannot be forgotten here.
#[derive(Serialize)]
pub struct Document<'a> {
    version: u32,
    meta: &'a Meta,
    stats: &'a Stats,
    paragraphs: &'a [Paragraph],
    sentences: &'a [Sentence],
    quotes: &'a [Quote],
    people: &'a [Person],
    parties: &'a [Party],
    facts: &'a [Fact],
    figures: &'a [Figure],
    dates: &'a [DateMention],
    notices: &'a [Notice],
    voice: VoiceBalance,
}

impl<'a> Document<'a> {
    pub fn new(b: &'a Breakdown) -> Document<'a> {
        let Breakdown {
            version,
            meta,
            stats,
            paragraphs,
            sentences,
            quotes,
            people,
            parties,
            facts,
            figures,
            dates,
            notices,
        } = b;
        Document {
            version: *version,
            meta,
            stats,
            paragraphs,
            sentences,
            quotes,
            people,
            parties,
            facts,
            figures,
            dates,
            notices,
            voice: voice_balance(b),
        }
    }
}

/// The breakdown as JSON, exactly what the CLI's `factsheet --json` prints
/// (serde_json of [`Document`], compact, one line ending in a newline).
pub fn json(b: &Breakdown) -> String {
    match serde_json::to_string(&Document::new(b)) {
        Ok(j) => j + "\n",
        // Plain data always encodes; say so rather than panic if it ever did not.
        Err(_) => "{\"error\":\"the breakdown could not be encoded\"}\n".to_string(),
    }
}

/// The breakdown with the reader's corrections as JSON: [`json`] of the
/// corrected breakdown `b`, plus a `corrections` member that lists each
/// corrected quote with what the reader changed and the parser's answer
/// (from `parsed`); see docs/schema.md. Without fixes, exactly [`json`].
pub fn corrected_json(b: &Breakdown, parsed: &Breakdown, fixes: &[QuoteFix]) -> String {
    if fixes.is_empty() {
        return json(b);
    }
    let corrections: Vec<CorrectionOut> = fixes
        .iter()
        .filter_map(|fix| {
            let (now, was) = (b.quotes.get(fix.quote)?, parsed.quotes.get(fix.quote)?);
            Some(CorrectionOut {
                quote: fix.quote,
                speaker: fix.speaker.is_some().then_some(now.speaker.as_deref()).flatten(),
                party: fix.party.is_some().then_some(now.party.as_deref()),
                parser: ParserAnswer { speaker: was.speaker.as_deref(), party: was.party.as_deref() },
            })
        })
        .collect();
    // The breakdown's own JSON object with one more member at its end (it is
    // `{…}` and a newline: see `json`), so the breakdown is written once, as the CLI writes it.
    let breakdown = json(b);
    match (breakdown.strip_suffix("}\n"), serde_json::to_string(&corrections)) {
        (Some(open), Ok(list)) => format!("{open},\"corrections\":{list}}}\n"),
        _ => breakdown,
    }
}

/// One corrected quote in [`corrected_json`].
#[derive(Serialize)]
struct CorrectionOut<'a> {
    /// Index into `quotes`.
    quote: usize,
    /// The speaker the reader gave (absent when not corrected).
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    /// The party the reader gave, `null` for none (absent when not corrected).
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<Option<&'a str>>,
    parser: ParserAnswer<'a>,
}

/// What the parser had found.
#[derive(Serialize)]
struct ParserAnswer<'a> {
    speaker: Option<&'a str>,
    party: Option<&'a str>,
}

/// A file name for a download: the headline as a slug (`us-confirms-direct-talks…`)
/// plus `extension`, or `factsheet.<extension>` without a usable headline.
pub fn file_name(b: &Breakdown, extension: &str) -> String {
    let mut slug = String::new();
    let headline = b.meta.headline.as_ref().map(|h| h.text.as_str()).unwrap_or("");
    for c in headline.chars().map(super::search::fold_char) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("factsheet.{extension}")
    } else {
        format!("{slug}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Dateline, Snippet, Span, Timestamp};
    use crate::sheet::filter::{sheet_view, tests as fx};

    fn snippet(text: &str) -> Snippet {
        Snippet { text: text.into(), span: Span::new(0, text.len()) }
    }

    fn sample_with_meta() -> Breakdown {
        let mut b = fx::sample();
        b.meta.headline = Some(snippet("Talks resume | at last"));
        b.meta.timestamp = Some(Timestamp {
            text: "2025-03-06 03:24:00".into(),
            span: Span::new(0, 1),
            iso: Some("2025-03-06 03:24:00".into()),
        });
        b.meta.abstract_text = Some(snippet("Both sides\nmet."));
        b.meta.dateline = Some(Dateline {
            text: "GAZA (AP) —".into(),
            span: Span::new(0, 1),
            place: "GAZA".into(),
            date: None,
            agency: Some("AP".into()),
        });
        b.stats.words = 1234;
        b.stats.quotes = 1;
        b.stats.parties = 2;
        b
    }

    #[test]
    fn inline_markdown_is_escaped_and_on_one_line() {
        assert_eq!(md_inline("  a *bold*\n\n claim  "), "a \\*bold\\* claim");
        assert_eq!(
            md_inline("<script>x</script> | [link](y) #1 _u_"),
            "\\<script\\>x\\</script\\> \\| \\[link\\](y) \\#1 \\_u\\_"
        );
        assert_eq!(md_inline("I'm “fine” — 2,000"), "I'm “fine” — 2,000");
    }

    #[test]
    fn markdown_has_every_section_in_order() {
        let b = sample_with_meta();
        let view = sheet_view(&b, fx::TEXT, &Filter::default());
        let md = markdown(&b, fx::TEXT, &view, None, &[]);
        let order = [
            "# Talks resume \\| at last\n",
            "*Published Thursday 6 March 2025, 03:24 · Dateline: GAZA (AP)*",
            "> Both sides met.",
            "1,234 words · 0 paragraphs · 0 sentences · 1 quote · 0 facts · 2 parties",
            "## Parties",
            "- **Israel**: country, 2 mentions. People: Ann Lee",
            "- **Hamas**: armed group, 2 mentions",
            "## Voice balance",
            "*Share of the 5 quoted words in 1 quote.*",
            "| Israel | 100 % | 5 | 1 | 1 |",
            "| Ann Lee | Israel | 100 % | 5 | 1 |",
            "## Quotes",
            "1. “We want 20 hostages back,”\n   — **Ann Lee** (Israel), *said*",
            "## Quoted terms",
            "- “show trial”",
            "## Facts",
            "- Israel and Hamas met on Sunday. (parties: Israel, Hamas)",
            "- *Reported:* Hamas called it a \"show trial\". (source: Hamas; parties: Hamas)",
            "- Over 2,000 people marched.",
            "## Commentary",
            "*The writer’s own analysis, not fact.*",
            "- This is a grim moment.",
            "## Figures",
            "| 20 | – | hostages | Ann Lee |",
            "| Over 2,000 | over | people | The article |",
            "## Timeline",
            "- **Sun 2 Mar 2025**: Israel and Hamas met on Sunday. *(“Sunday”, counted from the article’s date (Thu 6 Mar 2025))*",
        ];
        let mut at = 0;
        for part in order {
            match md[at..].find(part) {
                Some(i) => at += i + part.len(),
                None => panic!("missing or out of order: {part:?}\n---\n{md}"),
            }
        }
        assert!(!md.contains("*Filtered"), "no filter note without a filter");
    }

    #[test]
    fn markdown_of_a_filtered_view_says_so_and_leaves_the_rest_out() {
        let b = sample_with_meta();
        let filter = Filter::new(&b, &["Hamas".into()], "");
        let view = sheet_view(&b, fx::TEXT, &filter);
        let note = filter_description(&b, &filter, "");
        assert_eq!(note.as_deref(), Some("parties Hamas"));
        let md = markdown(&b, fx::TEXT, &view, note.as_deref(), &[]);
        assert!(md.contains("*Filtered: parties Hamas.*"));
        assert!(md.contains("## Quotes\n\nNone found."));
        assert!(!md.contains("**Ann Lee**"), "her quote is not about Hamas");
        assert!(!md.contains("## Commentary"), "no commentary involves Hamas");
        assert!(!md.contains("## Figures"));
    }

    #[test]
    fn unattributed_and_partial_quotes_are_explicit() {
        let mut b = fx::sample();
        b.quotes[0].speaker = None;
        b.quotes[0].person = None;
        b.quotes[0].party = None;
        b.quotes[0].verb = None;
        b.quotes[0].attribution = crate::parser::Attribution::Unknown;
        b.quotes[0].kind = QuoteKind::Partial;
        let view = sheet_view(&b, fx::TEXT, &Filter::default());
        let md = markdown(&b, fx::TEXT, &view, None, &[]);
        assert!(md.contains("1. Partial quote: “We want 20 hostages back,”\n   — *Unattributed* — no speaker found in the text\n   > \"We want 20 hostages back,\" said Ann Lee of Israel."), "{md}");
    }

    #[test]
    fn filter_descriptions() {
        let b = fx::sample();
        assert_eq!(filter_description(&b, &Filter::default(), ""), None);
        let f = Filter::new(&b, &["Israel".into(), "Hamas".into()], " gaza  talks ");
        assert_eq!(
            filter_description(&b, &f, " gaza  talks ").as_deref(),
            Some("parties Israel and Hamas; search “gaza  talks”")
        );
    }

    #[test]
    fn json_is_the_cli_schema() {
        let b = fx::sample();
        let out = json(&b);
        let back: Breakdown = serde_json::from_str(&out).expect("valid JSON of a Breakdown");
        assert_eq!(back, b);
        let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(doc["voice"]["parties"][0]["name"], "Israel");
        assert_eq!(doc["voice"]["parties"][0]["share"], 100);
        assert_eq!(doc["voice"]["speakers"][0]["name"], "Ann Lee");
        assert!(out.contains("],\"notices\":[],\"voice\":{\"quotes\":1,"), "the voice after the breakdown's fields");
        // Without its voice, the document is the breakdown, field for field.
        let mut fields = doc;
        fields.as_object_mut().map(|o| o.remove("voice"));
        assert_eq!(fields, serde_json::to_value(&b).expect("a breakdown encodes"));
        assert_eq!(out.find("\"version\""), Some(1), "in the breakdown's order");
        assert!(out.contains("\"abstract\":null"), "field names as in the CLI's schema");
        assert!(out.ends_with("}\n") && out.lines().count() == 1, "one line, as the CLI prints it");
    }

    #[test]
    fn corrected_json_lists_the_corrections_with_the_parsers_answer() {
        use crate::notes::PartyFix;
        use crate::sheet::corrections::{apply, QuoteFix};
        let parsed = fx::sample();
        assert_eq!(corrected_json(&parsed, &parsed, &[]), json(&parsed), "no corrections: the CLI's JSON");
        let fixes = [
            QuoteFix { quote: 0, correction: "c1".into(), speaker: None, party: Some(PartyFix::Nobody) },
            QuoteFix { quote: 1, correction: "c2".into(), speaker: Some("Ann Lee".into()), party: None },
        ];
        let b = apply(&parsed, &fixes);
        let out = corrected_json(&b, &parsed, &fixes);
        assert!(out.ends_with("}\n") && out.lines().count() == 1);
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let back: Breakdown = serde_json::from_value(v.clone()).expect("still a breakdown");
        assert_eq!(back, b, "the quotes carry the corrected speaker and party");
        assert_eq!(
            v["corrections"],
            serde_json::json!([
                { "quote": 0, "party": null, "parser": { "speaker": "Ann Lee", "party": "Israel" } },
                { "quote": 1, "speaker": "Ann Lee", "parser": { "speaker": null, "party": null } }
            ])
        );
    }

    #[test]
    fn file_names_come_from_the_headline() {
        let mut b = Breakdown::default();
        assert_eq!(file_name(&b, "json"), "factsheet.json");
        b.meta.headline = Some(snippet("US confirms direct talks with Hamas over Gaza captives"));
        assert_eq!(file_name(&b, "json"), "us-confirms-direct-talks-with-hamas-over-gaza-captives.json");
        b.meta.headline = Some(snippet("  “Élan” — 50% up!  "));
        assert_eq!(file_name(&b, "md"), "elan-50-up.md");
        b.meta.headline = Some(snippet("中文标题"));
        assert_eq!(file_name(&b, "json"), "factsheet.json");
        b.meta.headline = Some(snippet(&"word ".repeat(40)));
        assert!(file_name(&b, "json").len() <= 61 + 5);
    }
}
