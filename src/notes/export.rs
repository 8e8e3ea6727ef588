//! Export and import: the whole library as JSON (import merges it into the
//! current one), and one article's notes as Markdown for Obsidian and the like.

use super::anchor::{reanchor, Attachment};
use super::correction::PartyFix;
use super::merge::{merge_into, MergeReport};
use super::model::{ArticleRecord, Library, Note};
use super::schema::{load, to_json, LoadStatus};

/// Why an import was refused (nothing was changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not a Factsheet export (or damaged).
    NotAnExport,
    /// Made by a newer version of Factsheet.
    NewerVersion { version: u64 },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotAnExport => f.write_str("This file is not a Factsheet notes export, or it is damaged."),
            ImportError::NewerVersion { version } => write!(
                f,
                "This file was made by a newer version of Factsheet (format {version}); update the app to import it."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// The whole library (every article and note, tombstones included) as JSON
/// in the storage format, in canonical order: exporting, importing into an
/// empty library and exporting again gives the same text. Compact, as
/// stored: an indented copy would compile the whole library's serialisation
/// into the app a second time (2.2 KB of wasm, gzip).
pub fn export_json(library: &Library) -> Result<String, serde_json::Error> {
    let mut canonical = library.clone();
    canonical.canonicalize();
    to_json(&canonical)
}

/// Merges an export (of this or any earlier version) into `library`: no
/// duplicates, the newer version of each note wins. On error nothing changes.
pub fn import_json(library: &mut Library, raw: &str) -> Result<MergeReport, ImportError> {
    let outcome = load(Some(raw));
    match outcome.status {
        LoadStatus::Loaded | LoadStatus::Migrated { .. } => Ok(merge_into(library, &outcome.library)),
        LoadStatus::UnknownVersion { version } => Err(ImportError::NewerVersion { version }),
        LoadStatus::Fresh | LoadStatus::Damaged { .. } | LoadStatus::Corrupt => Err(ImportError::NotAnExport),
    }
}

/// A file name for an article's Markdown export: its title, made safe.
pub fn markdown_file_name(article: &ArticleRecord) -> String {
    let mut name = String::new();
    for c in article.title.chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
        if name.chars().count() >= 80 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.md", if name.is_empty() { "article" } else { name })
}

/// The article's notes as Markdown: YAML front matter (title, published, id,
/// tags), the article note, then each live note under a heading naming its
/// item, with the item's text as a blockquote and its tags as `#tags`, in the
/// order of the article; notes whose text is gone come last, marked detached;
/// then the reader's corrections of quotes.
pub fn article_markdown(article: &ArticleRecord) -> String {
    let mut placed: Vec<(Option<usize>, &Note)> = article
        .live_notes()
        .map(|note| match reanchor(&note.anchor, &article.text) {
            Attachment::Attached { span, .. } => (Some(span.start), note),
            Attachment::Detached => (None, note),
        })
        .collect();
    crate::order::sort_by_key(&mut placed, |(start, note)| (start.is_none(), *start, note.created));

    let mut all_tags: Vec<&str> = Vec::new();
    for (_, note) in &placed {
        for tag in &note.tags {
            if !all_tags.contains(&tag.as_str()) {
                all_tags.push(tag);
            }
        }
    }

    let mut md = String::new();
    md.push_str("---\n");
    md.push_str(&format!("title: {}\n", yaml_string(&article.title)));
    if let Some(published) = &article.published {
        md.push_str(&format!("published: {}\n", yaml_string(published)));
    }
    md.push_str(&format!("factsheet_id: {}\n", yaml_string(&article.id)));
    md.push_str("tags:\n  - factsheet\n");
    for tag in &all_tags {
        md.push_str(&format!("  - {}\n", yaml_string(tag)));
    }
    md.push_str("---\n\n");
    md.push_str(&format!("# {}\n", one_line(&article.title)));

    if let Some(body) = article.article_note_text() {
        md.push_str("\n## Article note\n\n");
        md.push_str(body.trim_end());
        md.push('\n');
    }

    let detached_from = placed.iter().position(|(at, _)| at.is_none()).unwrap_or(placed.len());
    if detached_from > 0 {
        md.push_str("\n## Notes\n");
    }
    for (i, (_, note)) in placed.iter().enumerate() {
        if i == detached_from {
            md.push_str("\n## Detached notes\n\n");
            md.push_str("The text these notes were written on is no longer in the article.\n");
        }
        note_markdown(&mut md, note);
    }
    corrections_markdown(&mut md, article);
    md
}

/// "## Corrections": each quote the reader corrected, what they set, and
/// whether the quote is still in the article.
fn corrections_markdown(md: &mut String, article: &ArticleRecord) {
    let mut first = true;
    for c in article.live_corrections() {
        if first {
            md.push_str("\n## Corrections\n\nSpeakers and parties corrected by the reader.\n\n");
            first = false;
        }
        let mut change = Vec::new();
        if let Some(speaker) = &c.speaker {
            change.push(format!("speaker **{}**", one_line(speaker)));
        }
        match &c.party {
            Some(PartyFix::Party(name)) => change.push(format!("party **{}**", one_line(name))),
            Some(PartyFix::Nobody) => change.push("no party".to_string()),
            None => {}
        }
        let gone = match reanchor(&c.anchor, &article.text) {
            Attachment::Detached => " (detached: the quote is no longer in the article)",
            Attachment::Attached { .. } => "",
        };
        md.push_str(&format!("- “{}”: {}{gone}\n", one_line(&c.anchor.exact), change.join(", ")));
    }
}

fn note_markdown(md: &mut String, note: &Note) {
    let anchor = &note.anchor;
    match &anchor.name {
        Some(name) => md.push_str(&format!("\n### {}: {}\n\n", anchor.kind.label(), one_line(name))),
        None => md.push_str(&format!("\n### {}\n\n", anchor.kind.label())),
    }
    if !anchor.exact.trim().is_empty() {
        for line in anchor.exact.trim().lines() {
            md.push('>');
            if !line.trim().is_empty() {
                md.push(' ');
                md.push_str(line.trim_end());
            }
            md.push('\n');
        }
        md.push('\n');
    }
    md.push_str(note.body.trim_end());
    md.push('\n');
    if !note.tags.is_empty() {
        let tags: Vec<String> = note.tags.iter().map(|t| format!("#{t}")).collect();
        md.push('\n');
        md.push_str(&tags.join(" "));
        md.push('\n');
    }
}

/// A YAML double-quoted scalar on one line.
fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in one_line(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{anchor, ItemKind};
    use crate::notes::model::ArticleMeta;
    use crate::parser::Span;

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

    fn span_of(needle: &str) -> Span {
        let start = SEED.find(needle).expect("needle");
        Span::new(start, start + needle.len())
    }

    fn sample() -> Library {
        let mut lib = Library::default();
        let meta = ArticleMeta { title: "US confirms \"direct\" talks".into(), published: Some("2025-03-06".into()) };
        let id = lib.open_article(SEED, meta, 1_000).expect("opened").id().to_string();
        let rec = lib.article_mut(&id).expect("record");
        rec.set_article_note("Compare with the Axios report.\n", 1_100);
        let fact = anchor(SEED, span_of("24 living captives"), ItemKind::Fact, None).expect("valid");
        rec.upsert_note(fact, "Check against the\nlater counts.", 1_200, || "n-fact".into());
        rec.set_note_tags("n-fact", &["hostages", "numbers"], 1_201);
        let quote = anchor(SEED, span_of("These are ongoing talks and discussions"), ItemKind::Quote, None);
        rec.upsert_note(quote.expect("valid"), "Vague on purpose?", 1_300, || "n-quote".into());
        let hamas = anchor(SEED, span_of("Hamas"), ItemKind::Party, Some("Hamas")).expect("valid");
        rec.upsert_note(hamas, "Designated in 1997.", 1_400, || "n-party".into());
        rec.upsert_note(
            crate::notes::anchor::Anchor { exact: "a sentence the editor removed".into(), start: 9, ..quote_anchor() },
            "Where did this go?",
            1_500,
            || "n-gone".into(),
        );
        rec.upsert_note(quote_anchor(), "deleted", 1_600, || "n-deleted".into());
        rec.delete_note("n-deleted", 1_700);
        lib.open_article("Another article.\n\nWith a second paragraph.", ArticleMeta::default(), 2_000);
        lib
    }

    fn quote_anchor() -> crate::notes::anchor::Anchor {
        anchor(SEED, span_of("talking to people around the world"), ItemKind::Quote, None).expect("valid")
    }

    #[test]
    fn json_export_round_trips_exactly() {
        let library = sample();
        let exported = export_json(&library).expect("export");
        let mut fresh = Library::default();
        let report = import_json(&mut fresh, &exported).expect("import");
        assert_eq!(report.articles_added, 2);
        assert_eq!(report.notes_added, 5, "4 live item notes and 1 article note; the deleted one is not counted");
        assert_eq!(export_json(&fresh).expect("export"), exported);
        assert_eq!(fresh.article(&library.articles[0].id).map(|a| a.notes.len()), Some(5), "tombstone kept");
    }

    #[test]
    fn importing_twice_or_into_itself_adds_nothing() {
        let mut library = sample();
        let exported = export_json(&library).expect("export");
        let before = export_json(&library).expect("export");
        assert!(import_json(&mut library, &exported).expect("import").is_empty());
        assert!(import_json(&mut library, &exported).expect("import").is_empty());
        assert_eq!(export_json(&library).expect("export"), before);
    }

    #[test]
    fn import_merges_newer_notes_and_keeps_local_ones() {
        let mut theirs = sample();
        let id = theirs.articles[0].id.clone();
        theirs.article_mut(&id).expect("rec").set_note_body("n-quote", "Edited elsewhere", 5_000);
        let exported = export_json(&theirs).expect("export");
        let mut ours = sample();
        let local = anchor(SEED, span_of("Adam Boehler"), ItemKind::Fact, None).expect("valid");
        ours.article_mut(&id).expect("rec").upsert_note(local, "local only", 4_000, || "n-local".into());
        let report = import_json(&mut ours, &exported).expect("import");
        assert_eq!((report.notes_added, report.notes_updated), (0, 1));
        let rec = ours.article(&id).expect("rec");
        assert_eq!(rec.note("n-quote").map(|n| n.body.as_str()), Some("Edited elsewhere"));
        assert_eq!(rec.note("n-local").map(|n| n.body.as_str()), Some("local only"));
    }

    #[test]
    fn bad_imports_change_nothing() {
        let mut library = sample();
        let before = library.clone();
        assert_eq!(import_json(&mut library, "{\"not\":\"ours\"}"), Err(ImportError::NotAnExport));
        assert_eq!(import_json(&mut library, "{\"schema\":9}"), Err(ImportError::NewerVersion { version: 9 }));
        assert_eq!(library, before);
    }

    #[test]
    fn an_earlier_version_export_imports() {
        let v1 = serde_json::json!({
            "schema": 1,
            "article": { "text": "Old text.", "saved": 5, "note": "old article note", "items": {} }
        });
        let mut library = Library::default();
        let report = import_json(&mut library, &v1.to_string()).expect("v1 imports");
        assert_eq!((report.articles_added, report.notes_added), (1, 1));
    }

    #[test]
    fn markdown_ends_with_the_corrections() {
        use crate::notes::correction::Change;
        let mut library = sample();
        let article = library.articles.iter_mut().find(|a| a.text == SEED).expect("seed");
        let plain = article_markdown(article);
        assert!(!plain.contains("## Corrections"));
        let mut quote = quote_anchor();
        article.correct(quote.clone(), Change::Speaker("Karine  Jean-Pierre".into()), 50, || "c1".into());
        article.correct(quote.clone(), Change::Party(PartyFix::Nobody), 51, || unreachable!());
        quote.exact = "words gone from the article".into();
        article.correct(quote, Change::Party(PartyFix::Party("WHO".into())), 52, || "c2".into());
        let md = article_markdown(article);
        assert!(md.starts_with(&plain), "after the notes");
        assert_eq!(
            &md[plain.len()..],
            "\n## Corrections\n\nSpeakers and parties corrected by the reader.\n\n\
             - “talking to people around the world”: speaker **Karine Jean-Pierre**, no party\n\
             - “words gone from the article”: party **WHO** (detached: the quote is no longer in the article)\n"
        );
    }

    #[test]
    fn markdown_lists_notes_in_article_order_with_detached_last() {
        let library = sample();
        let md = article_markdown(library.articles.iter().find(|a| a.text == SEED).expect("seed"));
        let expected = format!(
            "---
title: \"US confirms \\\"direct\\\" talks\"
published: \"2025-03-06\"
factsheet_id: \"{id}\"
tags:
  - factsheet
  - \"hostages\"
  - \"numbers\"
---

# US confirms \"direct\" talks

## Article note

Compare with the Axios report.

## Notes

### Party: Hamas

> Hamas

Designated in 1997.

### Quote

> These are ongoing talks and discussions

Vague on purpose?

### Fact

> 24 living captives

Check against the
later counts.

#hostages #numbers

## Detached notes

The text these notes were written on is no longer in the article.

### Quote

> a sentence the editor removed

Where did this go?
",
            id = crate::notes::text::article_id(SEED)
        );
        assert_eq!(md, expected);
    }

    #[test]
    fn file_names_are_safe() {
        let library = sample();
        let seed = library.articles.iter().find(|a| a.text == SEED).expect("seed");
        assert_eq!(markdown_file_name(seed), "US-confirms-direct-talks.md");
        let mut untitled = seed.clone();
        untitled.title = "???".into();
        assert_eq!(markdown_file_name(&untitled), "article.md");
    }
}
