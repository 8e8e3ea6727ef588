//! The notes' view model: which note sits on which item of the sheet, what
//! the Notes panel lists, what the save indicator, the library list and the
//! import report say. Plain Rust over [`crate::notes`], tested natively; the
//! components in `ui::notes` only lay it out.

use crate::calendar::Date;
use crate::notes::{
    normalize_tags, ArticleRecord, ArticleSummary, Attachment, Health, ItemKind, MergeReport, Millis, PartyFix,
    Placement,
};
use crate::parser::Breakdown;

use super::format::{count_label, date_label, IsoDate};
use super::source::excerpt;

/// Longest "what the note is on" shown in the Notes panel (chars).
const ABOUT_CHARS: usize = 140;

/// Where the items of the sheet are in [`items_of`](crate::notes::items_of)'s
/// list (quotes, then facts, then parties, then people).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemIndex {
    quotes: usize,
    facts: usize,
}

impl ItemIndex {
    pub fn new(b: &Breakdown) -> ItemIndex {
        ItemIndex { quotes: b.quotes.len(), facts: b.facts.len() }
    }

    pub fn quote(self, q: usize) -> usize {
        q
    }

    pub fn fact(self, f: usize) -> usize {
        self.quotes + f
    }

    pub fn party(self, p: usize) -> usize {
        self.quotes + self.facts + p
    }
}

/// One live note as the reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteRow {
    pub id: String,
    /// The item of the sheet it is on (index into the items list), if any.
    pub item: Option<usize>,
    pub kind: ItemKind,
    /// What it is on: the party's or person's name, or its text on one line, shortened.
    pub about: String,
    pub body: String,
    pub tags: Vec<String>,
    /// Its text is gone from the article (kept, shown apart).
    pub detached: bool,
}

impl NoteRow {
    /// A row for a note no longer in the view (deleted meanwhile): shown
    /// empty until its list lets it go.
    pub fn gone(id: &str) -> NoteRow {
        NoteRow {
            id: id.to_string(),
            item: None,
            kind: ItemKind::Text,
            about: String::new(),
            body: String::new(),
            tags: Vec::new(),
            detached: false,
        }
    }
}

/// A correction of a quote as the Notes panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorrectionRow {
    pub id: String,
    /// The quote's text on one line, shortened.
    pub about: String,
    /// What the reader set: "Speaker: Basem Naim · Party: none".
    pub change: String,
    /// The quote it is on (index into the items list), if it is still there.
    pub item: Option<usize>,
    pub detached: bool,
}

/// Everything the notes UI shows for the open article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotesView {
    /// Live notes in the order of the article; detached ones last.
    pub rows: Vec<NoteRow>,
    /// The article note ("" for none).
    pub article_note: String,
    /// Corrections in force, in the order of the article; detached ones last.
    pub corrections: Vec<CorrectionRow>,
}

impl NotesView {
    /// The view of `record`'s notes and corrections placed by
    /// [`ArticleRecord::place_notes_in`] and
    /// [`ArticleRecord::place_corrections_in`] (one placement each).
    pub fn new(record: &ArticleRecord, placements: &[Placement], corrections: &[Placement]) -> NotesView {
        let mut keyed: Vec<(bool, usize, Millis, NoteRow)> = placements
            .iter()
            .filter_map(|p| {
                let note = record.note(&p.id).filter(|n| n.is_live())?;
                let span = p.attachment.span();
                let about = match &note.anchor.name {
                    Some(name) => name.clone(),
                    None => excerpt(&one_line(&note.anchor.exact), ABOUT_CHARS),
                };
                let row = NoteRow {
                    id: note.id.clone(),
                    item: p.item,
                    kind: note.anchor.kind,
                    about,
                    body: note.body.clone(),
                    tags: note.tags.clone(),
                    detached: p.attachment == Attachment::Detached,
                };
                Some((span.is_none(), span.map_or(0, |s| s.start), note.created, row))
            })
            .collect();
        crate::order::sort_by(&mut keyed, |a, b| {
            (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then_with(|| a.3.id.cmp(&b.3.id))
        });
        NotesView {
            rows: keyed.into_iter().map(|k| k.3).collect(),
            article_note: record.article_note.as_ref().map(|n| n.body.clone()).unwrap_or_default(),
            corrections: correction_rows(record, corrections),
        }
    }

    /// The notes on item `item` (usually one; two tabs may each have added one).
    pub fn on_item(&self, item: usize) -> impl Iterator<Item = &NoteRow> {
        self.rows.iter().filter(move |r| r.item == Some(item))
    }

    pub fn row(&self, id: &str) -> Option<&NoteRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// Live notes, counting a non-empty article note as one.
    pub fn count(&self) -> usize {
        self.rows.len() + usize::from(!self.article_note.trim().is_empty())
    }
}

/// The rows of the corrections in force, in article order, detached last.
fn correction_rows(record: &ArticleRecord, placements: &[Placement]) -> Vec<CorrectionRow> {
    let mut keyed: Vec<(Option<usize>, CorrectionRow)> = placements
        .iter()
        .filter_map(|p| {
            let c = record.correction(&p.id).filter(|c| c.is_live())?;
            let mut change = Vec::new();
            if let Some(speaker) = &c.speaker {
                change.push(format!("Speaker: {speaker}"));
            }
            match &c.party {
                Some(PartyFix::Party(name)) => change.push(format!("Party: {name}")),
                Some(PartyFix::Nobody) => change.push("Party: none".to_string()),
                None => {}
            }
            let row = CorrectionRow {
                id: c.id.clone(),
                about: excerpt(&one_line(&c.anchor.exact), ABOUT_CHARS),
                change: change.join(" · "),
                item: p.item,
                detached: p.attachment == Attachment::Detached,
            };
            Some((p.attachment.span().map(|s| s.start), row))
        })
        .collect();
    crate::order::sort_by_key(&mut keyed, |(start, _)| (start.is_none(), *start));
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// Tags as typed ("hostages, to check, #numbers"): split at commas, then
/// normalised ([`normalize_tags`]: `to-check`, `numbers`).
pub fn parse_tags(input: &str) -> Vec<String> {
    normalize_tags(&input.split(',').collect::<Vec<_>>())
}

/// Tags as the tags box shows them.
pub fn tags_text(tags: &[String]) -> String {
    tags.join(", ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the reader's notes are safely stored, for the save indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A write is scheduled (the debounce).
    Saving,
    /// The last write failed (storage full…): kept in memory, retried.
    Retrying,
    /// No storage: notes live as long as the tab.
    InMemory,
}

impl SaveState {
    pub fn of(health: &Health) -> SaveState {
        if !health.persistent {
            SaveState::InMemory
        } else if health.fault.is_some() {
            SaveState::Retrying
        } else if health.unsaved {
            SaveState::Saving
        } else {
            SaveState::Saved
        }
    }

    /// What the indicator says (and announces, politely). Empty while a
    /// write is only waiting for a pause in typing: announcing that at every
    /// keystroke would be noise.
    pub fn message(self) -> &'static str {
        match self {
            SaveState::Saved => "Saved",
            SaveState::Saving => "",
            SaveState::Retrying => "Not saved yet, retrying",
            SaveState::InMemory => "Not saved: kept in this tab only",
        }
    }
}

/// One row of the library list, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryRow {
    pub id: String,
    pub title: String,
    /// "Thu 6 Mar 2025" (as the article gives it).
    pub published: Option<String>,
    /// "2 notes", "No notes", "1 note · 1 correction".
    pub notes: String,
    /// "Opened today, 14:05" or "Opened Wed 5 Mar 2025".
    pub opened: String,
}

/// The library list's rows (`list` from [`crate::notes::Library::list`]),
/// with times in the reader's time zone (`offset_minutes` east of UTC).
pub fn library_rows(list: &[ArticleSummary], now: Millis, offset_minutes: i64) -> Vec<LibraryRow> {
    list.iter()
        .map(|a| LibraryRow {
            id: a.id.clone(),
            title: a.title.clone(),
            published: a.published.as_deref().map(date_label),
            notes: notes_label(a),
            opened: opened_label(a.last_opened, now, offset_minutes),
        })
        .collect()
}

/// "No notes", "2 notes", "1 note · 1 correction".
fn notes_label(a: &ArticleSummary) -> String {
    let notes = if a.note_count == 0 { "No notes".to_string() } else { count_label(a.note_count, "note", "notes") };
    match a.correction_count {
        0 => notes,
        n => format!("{notes} · {}", count_label(n, "correction", "corrections")),
    }
}

/// "Opened today, 14:05" or "Opened Wed 5 Mar 2025".
pub fn opened_label(at: Millis, now: Millis, offset_minutes: i64) -> String {
    let (date, (h, m)) = local_date(at, offset_minutes);
    if date == local_date(now, offset_minutes).0 {
        format!("Opened today, {h:02}:{m:02}")
    } else {
        format!("Opened {}", date.short())
    }
}

/// The calendar date and time (hours, minutes) of `at` (ms since the epoch,
/// UTC) in a time zone `offset_minutes` east of UTC.
pub fn local_date(at: Millis, offset_minutes: i64) -> (IsoDate, (u32, u32)) {
    let minutes = (at / 60_000) as i64 + offset_minutes;
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let date = IsoDate::from(Date::from_days_since_epoch(days));
    (date, ((minute_of_day / 60) as u32, (minute_of_day % 60) as u32))
}

/// "factsheet-notes-2025-03-06.json": the name of a full export made at `now`.
pub fn export_file_name(now: Millis, offset_minutes: i64) -> String {
    let (d, _) = local_date(now, offset_minutes);
    format!("factsheet-notes-{}-{:02}-{:02}.json", d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
}

/// What an import brought, for the reader.
pub fn import_message(report: &MergeReport) -> String {
    if report.is_empty() {
        return "Nothing new to import: every article and note in the file is already here.".to_string();
    }
    let mut parts = Vec::new();
    if report.articles_added > 0 {
        parts.push(count_label(report.articles_added, "article", "articles"));
    }
    if report.notes_added > 0 {
        parts.push(count_label(report.notes_added, "note", "notes"));
    }
    if report.notes_updated > 0 {
        parts.push(count_label(report.notes_updated, "newer note", "newer notes"));
    }
    if report.corrections > 0 {
        parts.push(count_label(report.corrections, "correction", "corrections"));
    }
    if parts.is_empty() {
        return "Imported: articles deleted elsewhere were removed.".to_string();
    }
    format!("Imported {}.", super::format::join_names(&parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{anchor, items_of, ArticleMeta, Library};
    use crate::parser::{parse, Span};

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle");
        Span::new(start, start + needle.len())
    }

    /// The seed article with a note on a quote, a fact, a party and a gone sentence.
    fn library() -> (Library, String) {
        let mut lib = Library::default();
        let id = lib.open_article(SEED, ArticleMeta::default(), 1_000).expect("opened").id().to_string();
        let rec = lib.article_mut(&id).expect("record");
        let b = parse(SEED);
        let items = items_of(&b);
        let at = ItemIndex::new(&b);
        let quote = crate::notes::anchor_item(SEED, &items[at.quote(1)]).expect("quote");
        rec.upsert_note(quote, "On the quote", 30, || "n-quote".into());
        let fact = crate::notes::anchor_item(SEED, &items[at.fact(0)]).expect("fact");
        rec.upsert_note(fact, "On the first fact", 20, || "n-fact".into());
        let party = crate::notes::anchor_item(SEED, &items[at.party(0)]).expect("party");
        rec.upsert_note(party, "On a party", 10, || "n-party".into());
        let mut gone = anchor(SEED, span_of(SEED, "24 living captives"), ItemKind::Fact, None).expect("valid");
        gone.exact = "a sentence that is no longer there".into();
        rec.upsert_note(gone, "Gone", 40, || "n-gone".into());
        rec.set_note_tags("n-quote", &["check"], 31);
        rec.set_article_note("Whole article", 50);
        (lib, id)
    }

    #[test]
    fn item_positions_follow_items_of() {
        let b = parse(SEED);
        let items = items_of(&b);
        let at = ItemIndex::new(&b);
        assert_eq!(items[at.quote(2)].span, b.quotes[2].span);
        assert_eq!(items[at.fact(3)].span, b.facts[3].span);
        assert_eq!(items[at.party(1)].name.as_deref(), Some(b.parties[1].name.as_str()));
    }

    #[test]
    fn notes_are_listed_in_article_order_with_detached_last() {
        let (lib, id) = library();
        let rec = lib.article(&id).expect("record");
        let b = parse(SEED);
        let items = items_of(&b);
        let view = NotesView::new(rec, &rec.place_notes(&items), &[]);
        let ids: Vec<&str> = view.rows.iter().map(|r| r.id.as_str()).collect();
        // The party's first mention is in the headline, before the first fact.
        assert_eq!(ids.last(), Some(&"n-gone"));
        assert!(view.rows.last().is_some_and(|r| r.detached && r.item.is_none()));
        let starts: Vec<usize> = ids[..3]
            .iter()
            .map(|id| crate::notes::reanchor(&rec.note(id).expect("note").anchor, SEED).span().expect("attached").start)
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "article order: {starts:?}");
        let at = ItemIndex::new(&b);
        let quote = view.row("n-quote").expect("quote note");
        assert_eq!(quote.item, Some(at.quote(1)));
        assert_eq!(quote.tags, ["check"]);
        assert_eq!(view.on_item(at.quote(1)).count(), 1);
        assert_eq!(view.on_item(at.quote(0)).count(), 0);
        assert_eq!(view.row("n-party").map(|r| r.about.as_str()), Some(b.parties[0].name.as_str()));
        assert_eq!(view.article_note, "Whole article");
        assert_eq!(view.count(), 5);
    }

    #[test]
    fn notes_follow_the_text_being_edited() {
        let (lib, id) = library();
        let rec = lib.article(&id).expect("record");
        let edited = format!("Updated at noon.\n\n{SEED}");
        let b = parse(&edited);
        let view = NotesView::new(rec, &rec.place_notes_in(&edited, &items_of(&b)), &[]);
        let at = ItemIndex::new(&b);
        assert_eq!(view.row("n-quote").and_then(|r| r.item), Some(at.quote(1)));
        assert_eq!(view.rows.iter().filter(|r| r.detached).count(), 1);
    }

    #[test]
    fn long_texts_are_shortened_on_one_line() {
        let mut lib = Library::default();
        let text = format!("Head\n\n{} end.", "word\n".repeat(100));
        let id = lib.open_article(&text, ArticleMeta::default(), 1).expect("opened").id().to_string();
        let rec = lib.article_mut(&id).expect("record");
        let a = anchor(&text, Span::new(6, text.len()), ItemKind::Fact, None).expect("valid");
        rec.upsert_note(a, "x", 2, || "n".into());
        let view = NotesView::new(rec, &rec.place_notes(&[]), &[]);
        let about = &view.rows[0].about;
        assert!(about.ends_with('…') && !about.contains('\n') && about.chars().count() <= ABOUT_CHARS + 1, "{about}");
    }

    #[test]
    fn corrections_are_listed_in_article_order_detached_last_and_counted_in_the_library() {
        use crate::notes::Change;
        let (mut lib, id) = library();
        let rec = lib.article_mut(&id).expect("record");
        let quote = |words: &str| anchor(SEED, span_of(SEED, words), ItemKind::Quote, None).expect("valid");
        rec.correct(quote("The Americans have said"), Change::Party(PartyFix::Nobody), 60, || "c-late".into());
        rec.correct(quote("These are ongoing talks"), Change::Speaker("KJP".into()), 61, || "c-early".into());
        rec.correct(
            quote("These are ongoing talks"),
            Change::Party(PartyFix::Party("White House".into())),
            62,
            || unreachable!(),
        );
        let mut gone = quote("The President has demonstrated");
        gone.exact = "words no longer in the article".into();
        rec.correct(gone, Change::Speaker("Someone".into()), 63, || "c-gone".into());
        let b = parse(SEED);
        let items = items_of(&b);
        let view = NotesView::new(rec, &rec.place_notes(&items), &rec.place_corrections_in(SEED, &items));
        let rows: Vec<(&str, &str, bool)> =
            view.corrections.iter().map(|r| (r.id.as_str(), r.change.as_str(), r.detached)).collect();
        assert_eq!(
            rows,
            [
                ("c-early", "Speaker: KJP · Party: White House", false),
                ("c-late", "Party: none", false),
                ("c-gone", "Speaker: Someone", true)
            ]
        );
        assert!(view.corrections[0].about.starts_with("These are ongoing talks"));
        assert_eq!(view.count(), 5, "corrections are not notes");
        let rows = library_rows(&lib.list(), 0, 0);
        assert_eq!(rows[0].notes, "5 notes · 3 corrections");
        let report = MergeReport { corrections: 1, ..MergeReport::default() };
        assert_eq!(import_message(&report), "Imported 1 correction.");
    }

    #[test]
    fn tags_are_typed_with_commas() {
        assert_eq!(parse_tags("hostages, to check ,#numbers,, Hostages"), ["hostages", "to-check", "numbers"]);
        assert!(parse_tags(" , ").is_empty());
        assert_eq!(tags_text(&parse_tags("a, b")), "a, b");
    }

    #[test]
    fn save_state_follows_health() {
        use crate::notes::{LoadStatus, StorageFault};
        let mut h =
            Health { persistent: true, unsaved: false, fault: None, load: LoadStatus::Loaded, backup_key: None };
        assert_eq!(SaveState::of(&h), SaveState::Saved);
        h.unsaved = true;
        assert_eq!(SaveState::of(&h), SaveState::Saving);
        assert_eq!(SaveState::Saving.message(), "");
        h.fault = Some(StorageFault::QuotaExceeded);
        assert_eq!(SaveState::of(&h), SaveState::Retrying);
        h.persistent = false;
        assert_eq!(SaveState::of(&h), SaveState::InMemory);
    }

    #[test]
    fn dates_in_the_readers_time_zone() {
        // 2025-03-06 03:24 UTC.
        let at: Millis = 1_741_231_440_000;
        let (d, t) = local_date(at, 0);
        assert_eq!((d.year, d.month, d.day, t), (2025, Some(3), Some(6), (3, 24)));
        let (d, t) = local_date(at, -240);
        assert_eq!((d.day, t), (Some(5), (23, 24)), "four hours west of UTC it is still the 5th");
        assert_eq!(local_date(0, 0).0.short(), "Thu 1 Jan 1970");
        assert_eq!(local_date(951_782_400_000, 0).0.short(), "Tue 29 Feb 2000");
        assert_eq!(opened_label(at, at + 3_600_000, 60), "Opened today, 04:24");
        assert_eq!(opened_label(at, at + 86_400_000, 0), "Opened Thu 6 Mar 2025");
        assert_eq!(export_file_name(at, 0), "factsheet-notes-2025-03-06.json");
    }

    #[test]
    fn library_rows_say_what_is_kept() {
        let (mut lib, _) = library();
        lib.open_article("Second article\n\nNothing much.", ArticleMeta::default(), 86_400_000);
        let rows = library_rows(&lib.list(), 86_400_000 + 60_000, 0);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].title.as_str(), rows[0].notes.as_str()), ("Second article", "No notes"));
        assert_eq!(rows[0].opened, "Opened today, 00:00");
        assert_eq!(rows[1].notes, "5 notes");
        assert_eq!(rows[1].opened, "Opened Thu 1 Jan 1970");
    }

    #[test]
    fn import_messages() {
        assert!(import_message(&MergeReport::default()).starts_with("Nothing new"));
        let report = MergeReport { articles_added: 2, notes_added: 5, notes_updated: 1, ..MergeReport::default() };
        assert_eq!(import_message(&report), "Imported 2 articles, 5 notes and 1 newer note.");
        let report = MergeReport { notes_added: 1, ..MergeReport::default() };
        assert_eq!(import_message(&report), "Imported 1 note.");
    }
}
