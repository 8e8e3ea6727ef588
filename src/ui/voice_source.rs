//! Where the library view's voices come from: the notes library's saved
//! articles; for the article on screen, the sheet's own breakdown (so what
//! the sheet shows is what counts); for the others, a parser worker of
//! their own ([`Summaries`]), one text at a time, each text once
//! (`sheet::voice_library::VoiceCache`).

use std::sync::Arc;

use leptos::prelude::*;

use super::notes::Notes;
use super::parser::Parser;
use super::state::Sheet;
use crate::notes::ArticleRecord;
use crate::sheet::analysis::Request;
use crate::sheet::voice_library::{text_key, ArticleVoices, LibraryArticle, LibraryVoices, Summary, VoiceCache};

/// What the library view shows, and what it was made from.
#[derive(Clone)]
pub struct Shown {
    /// The saved articles (id, last revision, length, in list order), the
    /// article on screen, its text and how many summaries had come.
    signature: Signature,
    pub voices: Arc<LibraryVoices>,
    /// Saved articles still being analysed.
    pub pending: usize,
    /// Titles of saved articles the parser could not analyse.
    pub failed: Vec<String>,
}

type Signature = (Vec<(String, u64, usize)>, Option<String>, (u64, usize), usize);

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
    cache: StoredValue<VoiceCache>,
    parser: StoredValue<Option<Parser>, LocalStorage>,
    /// The request number of the text with the parser.
    sent: StoredValue<u32>,
    /// Notified when a summary comes.
    pub arrived: Trigger,
}

impl Summaries {
    pub fn new() -> Summaries {
        Summaries {
            cache: StoredValue::new(VoiceCache::default()),
            parser: StoredValue::new_local(None),
            sent: StoredValue::new(0),
            arrived: Trigger::new(),
        }
    }

    /// What to show now: the saved articles, most recently opened first,
    /// with the summaries there are; sends the next text waiting to the parser.
    pub fn gather(&self, sheet: Sheet, notes: Notes) -> Shown {
        let current = notes.current();
        let (articles, pending, failed, signature) = notes.with_library(|lib| {
            let records: Vec<&ArticleRecord> = lib.list().iter().filter_map(|a| lib.article(&a.id)).collect();
            let on_screen = records.iter().position(|r| {
                current.as_deref() == Some(r.id.as_str()) && sheet.source.with_untracked(|t| *t == r.text)
            });
            let texts: Vec<&str> = records
                .iter()
                .enumerate()
                .filter(|&(i, _)| Some(i) != on_screen)
                .map(|(_, r)| r.text.as_str())
                .collect();
            let mut summaries = self.cache.try_update_value(|c| c.summaries(&texts)).unwrap_or_default();
            self.send_next(&texts);
            if let Some(i) = on_screen {
                summaries.insert(i, Summary::Ready(Arc::new(sheet.breakdown.with_untracked(ArticleVoices::of))));
            }
            let mut articles = Vec::new();
            let (mut pending, mut failed) = (0, Vec::new());
            for (r, summary) in records.iter().zip(summaries) {
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
            let saved = records.iter().map(|r| (r.id.clone(), r.revised, r.text.len())).collect();
            let screen = sheet.source.with_untracked(|t| text_key(t));
            (articles, pending, failed, (saved, current.clone(), screen, self.cache.with_value(VoiceCache::len)))
        });
        Shown { signature, voices: Arc::new(LibraryVoices::new(articles)), pending, failed }
    }

    /// Whether the view as `shown` is still what [`gather`](Self::gather)
    /// would make (nothing saved, on screen or summarised has changed).
    pub fn unchanged(&self, sheet: Sheet, notes: Notes, shown: &Shown) -> bool {
        let saved: Vec<(String, u64, usize)> = notes.with_library(|lib| {
            lib.list()
                .iter()
                .filter_map(|a| lib.article(&a.id))
                .map(|r| (r.id.clone(), r.revised, r.text.len()))
                .collect()
        });
        let screen = sheet.source.with_untracked(|t| text_key(t));
        shown.signature == (saved, notes.current(), screen, self.cache.with_value(VoiceCache::len))
    }

    /// Sends the first of `texts` without a summary to the parser, unless
    /// it is busy with one.
    fn send_next(&self, texts: &[&str]) {
        let Some(key) = self.cache.try_update_value(|c| c.next(texts)).flatten() else { return };
        let Some(text) = texts.iter().find(|t| text_key(t) == key) else { return };
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
                parser.send(&Request { id, text: text.to_string() });
            }
        });
    }

    fn answered(&self, id: u32, answer: Result<Vec<u8>, String>) {
        let Some(key) = self.cache.with_value(VoiceCache::in_flight) else { return };
        if id != self.sent.get_value() {
            return;
        }
        match answer.and_then(|bytes| crate::wire::decode(&bytes).map_err(|e| e.to_string())) {
            Ok(breakdown) => self.cache.update_value(|c| c.answered(key, ArticleVoices::of(&breakdown))),
            Err(error) => {
                leptos::logging::warn!("Factsheet: a saved article could not be analysed: {error}");
                self.cache.update_value(|c| c.failed(key));
            }
        }
        self.arrived.notify();
    }
}
