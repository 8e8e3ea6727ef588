//! Where the library view's voices come from: the notes library's saved
//! articles; for the article on screen, the sheet's own breakdown, as the
//! reader corrected it (so what the sheet shows is what counts); for the
//! others, a parser worker of their own ([`Summaries`]), one text at a time
//! (with the lines of it kept as article text), each once
//! (`sheet::voice_library::VoiceCache`), and the article's stored
//! corrections applied to its breakdown before it is summarised.

use std::sync::Arc;

use leptos::prelude::*;

use super::kept_lines;
use super::notes::Notes;
use super::parser::Parser;
use super::state::Sheet;
use crate::notes::{ArticleRecord, Library};
use crate::parser::Options;
use crate::sheet::voice_library::{
    reader_key, text_key, ArticleVoices, LibraryArticle, LibraryVoices, Summary, SummaryKey, VoiceCache,
};

/// What the library view shows, and what it was made from.
#[derive(Clone)]
pub struct Shown {
    /// The saved articles (what their summaries are made from, in list
    /// order), the article on screen, its text and kept lines, and how many
    /// summaries had come.
    signature: Signature,
    pub voices: Arc<LibraryVoices>,
    /// Saved articles still being analysed.
    pub pending: usize,
    /// Titles of saved articles the parser could not analyse.
    pub failed: Vec<String>,
}

type Signature = (Vec<(String, SummaryKey)>, Option<String>, (u64, usize), usize);

impl Shown {
    /// Whether `other` was made from the same articles and summaries.
    pub fn same_as(&self, other: &Shown) -> bool {
        self.signature == other.signature
    }
}

/// The saved articles' summaries from a parser worker of their own (see the
/// module docs). `Copy`; the worker starts at the first text to analyse.
#[derive(Clone, Copy)]
pub struct Summaries {
    notes: Notes,
    cache: StoredValue<VoiceCache>,
    parser: StoredValue<Option<Parser>, LocalStorage>,
    /// The request number of the text with the parser.
    sent: StoredValue<u32>,
    /// Notified when a summary comes.
    pub arrived: Trigger,
}

impl Summaries {
    pub fn new(notes: Notes) -> Summaries {
        Summaries {
            notes,
            cache: StoredValue::new(VoiceCache::default()),
            parser: StoredValue::new_local(None),
            sent: StoredValue::new(0),
            arrived: Trigger::new(),
        }
    }

    /// What to show now: the saved articles, most recently opened first,
    /// with the summaries there are; sends the next text waiting to the parser.
    pub fn gather(&self, sheet: Sheet) -> Shown {
        let notes = self.notes;
        let current = notes.current();
        let (articles, pending, failed, signature) = notes.with_library(|lib| {
            let records = saved(lib);
            let on_screen = records.iter().position(|(r, _)| {
                current.as_deref() == Some(r.id.as_str()) && sheet.source.with_untracked(|t| *t == r.text)
            });
            let keys: Vec<SummaryKey> =
                records.iter().enumerate().filter(|&(i, _)| Some(i) != on_screen).map(|(_, (_, key))| *key).collect();
            let mut summaries = self.cache.try_update_value(|c| c.summaries(&keys)).unwrap_or_default();
            self.send_next(&records, &keys);
            if let Some(i) = on_screen {
                summaries.insert(i, Summary::Ready(Arc::new(sheet.breakdown.with_untracked(|b| ArticleVoices::of(b)))));
            }
            let mut articles = Vec::new();
            let (mut pending, mut failed) = (0, Vec::new());
            for ((r, _), summary) in records.iter().zip(summaries) {
                match summary {
                    Summary::Ready(voices) => articles.push(LibraryArticle {
                        id: r.id.clone(),
                        title: r.title.clone(),
                        published: r.published.clone(),
                        voices,
                    }),
                    Summary::Pending => pending += 1,
                    Summary::Failed => failed.push(r.title.clone()),
                }
            }
            let saved = records.iter().map(|(r, key)| (r.id.clone(), *key)).collect();
            (
                articles,
                pending,
                failed,
                (saved, current.clone(), on_screen_key(sheet), self.cache.with_value(VoiceCache::len)),
            )
        });
        Shown { signature, voices: Arc::new(LibraryVoices::new(articles)), pending, failed }
    }

    /// Whether the view as `shown` is still what [`gather`](Self::gather)
    /// would make (nothing saved, corrected, on screen or summarised has
    /// changed).
    pub fn unchanged(&self, sheet: Sheet, shown: &Shown) -> bool {
        let saved: Vec<(String, SummaryKey)> =
            self.notes.with_library(|lib| saved(lib).into_iter().map(|(r, key)| (r.id.clone(), key)).collect());
        shown.signature == (saved, self.notes.current(), on_screen_key(sheet), self.cache.with_value(VoiceCache::len))
    }

    /// Sends the text of the first of `keys` without a summary to the
    /// parser (with the lines of it kept as article text), unless it is busy
    /// with one.
    fn send_next(&self, records: &[(&ArticleRecord, SummaryKey)], keys: &[SummaryKey]) {
        let Some(key) = self.cache.try_update_value(|c| c.next(keys)).flatten() else { return };
        let Some((record, _)) = records.iter().find(|(_, k)| *k == key) else { return };
        let options = Options { article_lines: kept_lines::kept_for(&record.text, &[]) };
        let Ok(options) = crate::wire::encode_options(&options) else {
            self.cache.update_value(|c| c.failed(key));
            return;
        };
        if self.parser.with_value(Option::is_none) {
            let this = *self;
            let parser = Parser::start(
                move |id, bytes| this.answered(id, Ok(bytes)),
                move |id, error| this.answered(id, Err(error)),
                // The link parses on the page from then on, the text in flight included.
                |_| {},
            );
            self.parser.set_value(Some(parser));
        }
        let id = self.sent.get_value().wrapping_add(1);
        self.sent.set_value(id);
        self.parser.with_value(|p| {
            if let Some(parser) = p {
                parser.send(id, &record.text, options);
            }
        });
    }

    fn answered(&self, id: u32, answer: Result<Vec<u8>, String>) {
        let Some(key) = self.cache.with_value(VoiceCache::in_flight) else { return };
        if id != self.sent.get_value() {
            return;
        }
        match answer.and_then(|bytes| crate::wire::decode(&bytes).map_err(|e| e.to_string())) {
            Ok(parsed) => {
                // With the corrections of the article sent (if it changed
                // meanwhile, its new key is sent next and this entry dropped).
                let voices = self.notes.with_library(|lib| {
                    saved(lib).into_iter().find(|(_, k)| *k == key).map(|(r, _)| ArticleVoices::of_saved(r, &parsed))
                });
                let voices = voices.unwrap_or_else(|| ArticleVoices::of(&parsed));
                self.cache.update_value(|c| c.answered(key, voices));
            }
            Err(error) => {
                leptos::logging::warn!("Factsheet: a saved article could not be analysed: {error}");
                self.cache.update_value(|c| c.failed(key));
            }
        }
        self.arrived.notify();
    }
}

/// The saved articles, most recently opened first, each with the key of its
/// summary (its text, the reader's corrections and kept lines).
fn saved(lib: &Library) -> Vec<(&ArticleRecord, SummaryKey)> {
    lib.list()
        .iter()
        .filter_map(|a| lib.article(&a.id))
        .map(|r| {
            let kept = kept_lines::kept_for(&r.text, &[]);
            (r, (text_key(&r.text), reader_key(r, &kept)))
        })
        .collect()
}

/// What the article on screen is made from: its text and the lines of it kept.
fn on_screen_key(sheet: Sheet) -> (u64, usize) {
    let (hash, len) = sheet.source.with_untracked(|t| text_key(t));
    let kept = sheet.kept.with_untracked(|k| crate::notes::fnv1a64(k.join("\n").as_bytes()));
    (hash ^ kept, len)
}
