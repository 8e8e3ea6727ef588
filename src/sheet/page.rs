//! Whole web pages in the app: the source view's collapsed runs of page
//! furniture, the lines a reader keeps as article text (and how they are
//! remembered for the session), and what an opened file or the share sheet
//! brings in.

use super::source::Block;
use crate::parser::ParagraphRole;

/// One row of the source view: a block of the article, or a run of page
/// furniture shown collapsed ("12 lines of page furniture hidden").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Index into the blocks.
    Block(usize),
    /// Blocks `from..to`, all page furniture.
    Furniture { from: usize, to: usize },
}

/// The rows of `blocks`: consecutive furniture blocks make one row.
pub fn rows(blocks: &[Block]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].role == ParagraphRole::Furniture {
            let to = (i..blocks.len()).find(|&k| blocks[k].role != ParagraphRole::Furniture).unwrap_or(blocks.len());
            out.push(Row::Furniture { from: i, to });
            i = to;
        } else {
            out.push(Row::Block(i));
            i += 1;
        }
    }
    out
}

/// The rows to render when `limit` blocks of the article (furniture aside)
/// are shown: furniture runs cost nothing, so a page's menus never push its
/// paragraphs behind "Show more".
pub fn rows_within(blocks: &[Block], limit: usize) -> Vec<Row> {
    let mut shown = 0;
    rows(blocks)
        .into_iter()
        .take_while(|row| match row {
            Row::Block(_) => {
                shown += 1;
                shown <= limit
            }
            Row::Furniture { .. } => shown < limit,
        })
        .collect()
}

/// How many blocks of the article (furniture aside) come before block `i`.
pub fn article_blocks_before(blocks: &[Block], i: usize) -> usize {
    blocks[..i.min(blocks.len())].iter().filter(|b| b.role != ParagraphRole::Furniture).count()
}

/// "1 line of page furniture hidden", "12 lines of page furniture hidden".
pub fn hidden_label(lines: usize) -> String {
    format!("{lines} {} of page furniture hidden", if lines == 1 { "line" } else { "lines" })
}

/// How many articles [`KeptLines`] remembers.
const KEPT_ARTICLES: usize = 30;

/// The lines readers kept as article text, per article (by a fingerprint of
/// its text), most recent last. Stored for the session as plain text: each
/// article's key on a line, its kept lines one per line, then a blank line
/// (a kept line is one trimmed, non-empty line of the text, so the format
/// needs no escaping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptLines {
    articles: Vec<(String, Vec<String>)>,
}

impl KeptLines {
    /// Reads the stored form; what does not fit it is left out.
    pub fn from_stored(stored: &str) -> KeptLines {
        let mut articles = Vec::new();
        for block in stored.split("\n\n") {
            let mut lines = block.lines().map(str::trim).filter(|l| !l.is_empty());
            let Some(key) = lines.next() else { continue };
            let kept: Vec<String> = lines.map(str::to_string).collect();
            if !kept.is_empty() {
                articles.push((key.to_string(), kept));
            }
        }
        KeptLines { articles }
    }

    /// The stored form (see [`KeptLines`]).
    pub fn to_stored(&self) -> String {
        let mut out = String::new();
        for (key, lines) in &self.articles {
            out.push_str(key);
            for l in lines {
                out.push('\n');
                out.push_str(l);
            }
            out.push_str("\n\n");
        }
        out
    }

    /// Whether no article has kept lines.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The lines kept for the article `key`.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.articles.iter().find(|(k, _)| k == key).map(|(_, lines)| lines.as_slice())
    }

    /// Remembers `lines` for the article `key` (forgets it when empty).
    pub fn set(&mut self, key: &str, lines: &[String]) {
        self.articles.retain(|(k, _)| k != key);
        let lines: Vec<String> =
            lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty() && !l.contains('\n')).map(str::to_string).collect();
        if !lines.is_empty() {
            self.articles.push((key.to_string(), lines));
        }
        let extra = self.articles.len().saturating_sub(KEPT_ARTICLES);
        self.articles.drain(..extra);
    }
}

/// The key of an article's text in [`KeptLines`].
pub fn text_key(text: &str) -> String {
    format!("{:016x}", crate::notes::fnv1a64(text.as_bytes()))
}

/// The lines of `lines` that are still a whole line of `text` (an edited
/// article keeps the choices that still apply).
pub fn still_in(text: &str, lines: &[String]) -> Vec<String> {
    lines.iter().filter(|l| text.lines().any(|t| t.trim() == l.as_str())).cloned().collect()
}

/// `lines` with `line` (trimmed) kept as article text, or no longer kept.
pub fn toggled(lines: &[String], line: &str, keep: bool) -> Vec<String> {
    let line = line.trim();
    let mut out: Vec<String> = lines.iter().filter(|l| l.as_str() != line).cloned().collect();
    if keep && !line.is_empty() {
        out.push(line.to_string());
    }
    out
}

/// What an opened or dropped file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    Markdown,
}

/// The kind of a file by its name and type; `None` for anything Factsheet
/// does not read (images, PDFs, word-processor files).
pub fn file_kind(name: &str, mime: &str) -> Option<FileKind> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let mime = mime.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(FileKind::Html),
        "md" | "markdown" | "mdown" | "mkd" => Some(FileKind::Markdown),
        "txt" | "text" => Some(FileKind::Text),
        _ if mime.starts_with("text/html") || mime.starts_with("application/xhtml") => Some(FileKind::Html),
        _ if mime.starts_with("text/markdown") => Some(FileKind::Markdown),
        _ if mime.starts_with("text/") || (mime.is_empty() && ext.is_empty()) => Some(FileKind::Text),
        _ => None,
    }
}

/// Largest file read (bytes): a long book, far beyond any article.
pub const MAX_FILE_BYTES: f64 = 20_000_000.0;

/// What the share sheet sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Text to analyse (the title first when it is not already there).
    Text(String),
    /// Only a link: Factsheet cannot fetch pages (nothing leaves the device),
    /// so the reader is asked to paste the page.
    Link(String),
}

/// What the share target's `title`, `text` and `url` parameters amount to;
/// `None` when nothing was shared.
pub fn shared(title: &str, text: &str, url: &str) -> Option<Shared> {
    let (title, text, url) = (title.trim(), text.trim(), url.trim());
    // Apps often put the link in `text`.
    let link = if is_link(text) { text } else { url };
    if text.is_empty() || is_link(text) {
        return (!link.is_empty()).then(|| Shared::Link(link.to_string()));
    }
    let body = text.strip_suffix(url).map(str::trim_end).filter(|_| !url.is_empty()).unwrap_or(text);
    if title.is_empty() || body.starts_with(title) {
        Some(Shared::Text(body.to_string()))
    } else {
        Some(Shared::Text(format!("{title}\n\n{body}")))
    }
}

fn is_link(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::Span;

    fn block(role: ParagraphRole) -> Block {
        Block { span: Span::new(0, 1), role, continued: false }
    }

    #[test]
    fn furniture_runs_make_one_row() {
        let f = ParagraphRole::Furniture;
        let b = ParagraphRole::Body;
        let blocks = [block(f), block(f), block(ParagraphRole::Headline), block(b), block(f), block(b), block(f)];
        assert_eq!(
            rows(&blocks),
            [
                Row::Furniture { from: 0, to: 2 },
                Row::Block(2),
                Row::Block(3),
                Row::Furniture { from: 4, to: 5 },
                Row::Block(5),
                Row::Furniture { from: 6, to: 7 }
            ]
        );
        assert_eq!(rows_within(&blocks, 2), rows(&blocks)[..3], "a run after the last block shown is not");
        assert_eq!(rows_within(&blocks, 1), rows(&blocks)[..2]);
        assert_eq!(rows_within(&blocks, 9), rows(&blocks));
        assert_eq!(article_blocks_before(&blocks, 5), 2);
        assert_eq!(hidden_label(1), "1 line of page furniture hidden");
        assert_eq!(hidden_label(12), "12 lines of page furniture hidden");
    }

    #[test]
    fn kept_lines_are_remembered_per_article() {
        let mut kept = KeptLines::default();
        kept.set("a", &["Most read".to_string()]);
        kept.set("b", &["Share".to_string()]);
        let again = KeptLines::from_stored(&kept.to_stored());
        assert_eq!(again, kept);
        assert_eq!(again.get("a"), Some(&["Most read".to_string()][..]));
        kept.set("a", &[]);
        assert_eq!(kept.get("a"), None);
        for i in 0..40 {
            kept.set(&i.to_string(), &["x".to_string()]);
        }
        assert_eq!(kept.get("b"), None, "the oldest are forgotten");
        assert!(kept.get("39").is_some());
        assert_eq!(KeptLines::from_stored(""), KeptLines::default());
        assert!(KeptLines::from_stored("").is_empty() && !kept.is_empty());
        assert_eq!(KeptLines::from_stored("key-without-lines\n\n").get("key-without-lines"), None);
    }

    #[test]
    fn keeping_and_hiding_a_line() {
        let kept = toggled(&[], "  Most read ", true);
        assert_eq!(kept, ["Most read"]);
        assert_eq!(toggled(&kept, "Most read", false), Vec::<String>::new());
        assert_eq!(still_in("Headline\nMost read\nBody.", &kept), ["Most read"]);
        assert_eq!(still_in("Another article.", &kept), Vec::<String>::new());
    }

    #[test]
    fn files_by_name_and_type() {
        assert_eq!(file_kind("page.HTML", ""), Some(FileKind::Html));
        assert_eq!(file_kind("notes.md", "text/markdown"), Some(FileKind::Markdown));
        assert_eq!(file_kind("article.txt", "text/plain"), Some(FileKind::Text));
        assert_eq!(file_kind("saved", "text/html; charset=utf-8"), Some(FileKind::Html));
        assert_eq!(file_kind("photo.jpg", "image/jpeg"), None);
        assert_eq!(file_kind("report.pdf", "application/pdf"), None);
    }

    #[test]
    fn shared_text_links_and_titles() {
        assert_eq!(
            shared("Ferry strike", "Crossings were cancelled.", ""),
            Some(Shared::Text("Ferry strike\n\nCrossings were cancelled.".into()))
        );
        assert_eq!(
            shared("Ferry strike", "Ferry strike\nCrossings were cancelled.", ""),
            Some(Shared::Text("Ferry strike\nCrossings were cancelled.".into()))
        );
        assert_eq!(
            shared("", "Crossings were cancelled. https://example.org/a", "https://example.org/a"),
            Some(Shared::Text("Crossings were cancelled.".into()))
        );
        assert_eq!(
            shared("Ferry strike", "https://example.org/a", ""),
            Some(Shared::Link("https://example.org/a".into()))
        );
        assert_eq!(
            shared("Ferry strike", "", "https://example.org/a"),
            Some(Shared::Link("https://example.org/a".into()))
        );
        assert_eq!(shared("", "", ""), None);
        assert_eq!(shared("Only a title", "", ""), None);
    }
}
