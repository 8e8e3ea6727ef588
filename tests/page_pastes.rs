//! Whole web pages pasted: `tests/corpus/pages/` holds committed articles
//! wrapped in the furniture of eight news-site designs, each as the plain
//! text and the HTML a select-all copy puts on the clipboard. A paste must
//! give the clean article's sheet; this fails below issue 11's targets:
//!
//! * the headline found on at least 95 % of the pages,
//! * at most 2 % of the furniture lines shown as a fact, a quote or a figure,
//! * every gold quote the parser finds in the clean article still found,
//! * no party that neither the clean article's sheet nor its labels name.
//!
//! The HTML goes through the same conversion as the CLI's `--html`
//! (`page::html::from_html`); the app's rich paste builds the same text from
//! the browser's own parse (checked end to end in `e2e/pages.test.mjs`). The
//! measures follow `tests/corpus/pages/score.py` (which also scores the CLI),
//! with exact spans: furniture lines are located in the analysed text.
//! `cargo test --test page_pastes -- --nocapture` prints the figures.
#![cfg(not(target_arch = "wasm32"))] // the HTML parser of the CLI is native only

use std::path::Path;

use factsheet::parser::page::html::from_html;
use factsheet::parser::{parse, Breakdown, QuoteKind, Span};
use serde_json::Value;

struct Page {
    id: String,
    article: String,
    headline: String,
    text: String,
    html: String,
    furniture: Vec<String>,
}

struct Gold {
    text: String,
    quotes: Vec<String>,
    /// Every name and alias of the labelled parties.
    party_names: Vec<String>,
}

fn string(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

fn load_pages() -> Vec<Page> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/pages");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("page file")).expect("page JSON");
            Page {
                id: string(&v, "id"),
                article: string(&v, "article"),
                headline: string(&v, "headline"),
                text: string(&v, "text"),
                html: string(&v, "html"),
                furniture: v["furniture"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

fn load_gold(article: &str) -> Gold {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(format!("{article}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("article file")).expect("article JSON");
    let quotes = v["quotes"].as_array().into_iter().flatten().map(|q| string(q, "text")).collect();
    let mut party_names = Vec::new();
    if let Some(parties) = v["parties"].as_object() {
        for (name, aliases) in parties {
            party_names.push(name.clone());
            party_names.extend(aliases.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_string));
        }
    }
    Gold { text: string(&v, "text"), quotes, party_names }
}

/// Comparable text: typographic forms folded, no quote marks, single spaces,
/// no edge punctuation, lower case.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{AB}' | '\u{BB}' | '\u{201E}' => {}
            '\u{2026}' => out.push_str("..."),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_matches(|c: char| " .,;:!?-\u{2014}\u{2013}".contains(c)).to_string()
}

fn words(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Word-overlap F1 of two texts.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, mut pool) = (words(a), words(b));
    if wa.is_empty() || pool.is_empty() {
        return 0.0;
    }
    let size_b = pool.len();
    let hits = wa.iter().filter(|w| pool.iter().position(|p| p == *w).map(|i| pool.swap_remove(i)).is_some()).count();
    if hits == 0 {
        return 0.0;
    }
    let (p, r) = (hits as f64 / size_b as f64, hits as f64 / wa.len() as f64);
    2.0 * p * r / (p + r)
}

/// Which gold quotes the breakdown finds (one to one).
fn found_quotes(gold: &[String], b: &Breakdown) -> Vec<bool> {
    let mut free: Vec<&str> = b.quotes.iter().filter(|q| q.kind != QuoteKind::Term).map(|q| q.text.as_str()).collect();
    gold.iter()
        .map(|g| {
            let hit =
                free.iter().position(|p| fold(p) == fold(g)).or_else(|| free.iter().position(|p| overlap(g, p) >= 0.8));
            hit.map(|i| free.swap_remove(i)).is_some()
        })
        .collect()
}

/// A name as names compare: folded, no periods, no leading article.
fn name_form(s: &str) -> String {
    let n = fold(s).replace('.', "");
    ["the ", "a ", "an "].iter().find_map(|a| n.strip_prefix(a)).unwrap_or(&n).to_string()
}

/// Furniture lines located in order as whole lines of `text`; `None` where a
/// line is not there (left out of an HTML page's text).
fn locate(text: &str, lines: &[String]) -> Vec<Option<Span>> {
    let mut text_lines = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let lead = piece.len() - piece.trim_start().len();
        text_lines.push((piece.trim(), start + lead));
        start += piece.len() + 1;
    }
    let mut next = 0;
    lines
        .iter()
        .map(|line| {
            let k = (next..text_lines.len()).find(|&k| text_lines[k].0 == line.trim())?;
            next = k + 1;
            let at = text_lines[k].1;
            Some(Span::new(at, at + text_lines[k].0.len()))
        })
        .collect()
}

/// What the sheet shows: facts, quotes that are speech, figures.
fn shown_spans(b: &Breakdown) -> Vec<Span> {
    let mut spans: Vec<Span> = b.facts.iter().map(|f| f.span).collect();
    spans.extend(b.quotes.iter().filter(|q| q.kind != QuoteKind::Term).map(|q| q.span));
    spans.extend(b.figures.iter().map(|f| f.span));
    spans.extend(b.facts.iter().flat_map(|f| f.figures.iter().map(|x| x.span)));
    spans
}

#[derive(Default)]
struct Tally {
    pages: usize,
    headlines: usize,
    furniture: usize,
    located: usize,
    shown: usize,
    clean_quotes: usize,
    kept: usize,
    parties_added: usize,
    /// Facts and quotes not from the clean article's text.
    foreign: usize,
    log: Vec<String>,
}

impl Tally {
    fn page(&mut self, page: &Page, gold: &Gold, clean: &Breakdown, text: &str) {
        let b = parse(text);
        self.pages += 1;
        let headline = b.meta.headline.as_ref().map(|h| fold(&h.text));
        if headline.as_deref() == Some(fold(&page.headline).as_str()) {
            self.headlines += 1;
        } else {
            self.log.push(format!("[{}] headline: want {:?}, got {headline:?}", page.id, page.headline));
        }
        let shown = shown_spans(&b);
        for (line, at) in page.furniture.iter().zip(locate(text, &page.furniture)) {
            self.furniture += 1;
            let Some(at) = at else { continue };
            self.located += 1;
            if shown.iter().any(|s| s.start < at.end && at.start < s.end) {
                self.shown += 1;
                self.log.push(format!("[{}] furniture shown: {line:?}", page.id));
            }
        }
        // Facts and quotes whose words the clean article does not hold.
        let article = fold(&gold.text);
        let items = b
            .facts
            .iter()
            .map(|f| &f.text)
            .chain(b.quotes.iter().filter(|q| q.kind != QuoteKind::Term).map(|q| &q.text));
        for item in items {
            if !article.contains(&fold(item)) {
                self.foreign += 1;
                self.log.push(format!("[{}] not from the article: {item:?}", page.id));
            }
        }
        let in_clean = found_quotes(&gold.quotes, clean);
        let in_page = found_quotes(&gold.quotes, &b);
        for ((q, c), p) in gold.quotes.iter().zip(&in_clean).zip(&in_page) {
            if *c {
                self.clean_quotes += 1;
                if *p {
                    self.kept += 1;
                } else {
                    self.log.push(format!("[{}] quote lost: {q:?}", page.id));
                }
            }
        }
        let known: Vec<String> = clean
            .parties
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .chain(&gold.party_names)
            .map(|n| name_form(n))
            .collect();
        for p in &b.parties {
            if !std::iter::once(&p.name).chain(&p.aliases).any(|n| known.contains(&name_form(n))) {
                self.parties_added += 1;
                self.log.push(format!("[{}] party added: {:?}", page.id, p.name));
            }
        }
    }

    fn check(&self, flavour: &str) {
        let headline = self.headlines as f64 / self.pages as f64;
        let shown = self.shown as f64 / self.furniture as f64;
        println!(
            "{flavour}: {} pages · headline {}/{} · furniture shown {}/{} ({:.1} %; {} lines in the analysed text) · quotes kept {}/{} · parties added {} · facts and quotes not from the article {}",
            self.pages,
            self.headlines,
            self.pages,
            self.shown,
            self.furniture,
            100.0 * shown,
            self.located,
            self.kept,
            self.clean_quotes,
            self.parties_added,
            self.foreign
        );
        for l in &self.log {
            println!("  {l}");
        }
        assert!(self.pages >= 28, "{flavour}: the corpus has {} pages, expected at least 28", self.pages);
        assert!(headline >= 0.95, "{flavour}: headline found on {:.1} % of the pages (want >= 95 %)", 100.0 * headline);
        assert!(shown <= 0.02, "{flavour}: {:.1} % of the furniture lines shown (want <= 2 %)", 100.0 * shown);
        assert_eq!(self.kept, self.clean_quotes, "{flavour}: quotes of the clean article lost");
        assert_eq!(self.parties_added, 0, "{flavour}: parties added by the page");
        assert_eq!(self.foreign, 0, "{flavour}: facts or quotes that are not the article's");
    }
}

fn score(flavour: &str, text_of: impl Fn(&Page) -> String) {
    let mut tally = Tally::default();
    for page in load_pages() {
        let gold = load_gold(&page.article);
        let clean = parse(&gold.text);
        tally.page(&page, &gold, &clean, &text_of(&page));
    }
    tally.check(flavour);
}

#[test]
fn plain_text_pastes_give_the_clean_article_sheet() {
    score("text", |p| p.text.clone());
}

#[test]
fn html_pastes_give_the_clean_article_sheet() {
    score("html", |p| {
        let text = from_html(&p.html).text;
        assert!(!text.is_empty(), "{}: no text from the HTML", p.id);
        text
    });
}
