//! Page furniture: what a web page puts around its article.
//!
//! Readers select a whole news page and paste it, so the text holds the site
//! name, menus, "Sign in", share buttons, captions and credits, ad markers,
//! "READ MORE:" links between paragraphs, "Most read" lists and the footer.
//! This pass decides, line by line (the paragraphs of [`blocks`]), what is the
//! article and what is furniture, by the line's shape and its position:
//!
//! 1. Each line is read on its own ([`Line`]): its length, whether it ends
//!    like a sentence, and what the phrase list (`data/furniture.tsv`, see
//!    [`phrases`]) says of it: made only of furniture phrases ("Share",
//!    "Comments (129)"), opening with a label ("READ MORE:"), holding a strong
//!    phrase ("All rights reserved"), ending with a photo credit, or a repeat
//!    of another line (a photo's alt text above its caption, a pull quote).
//! 2. With enough such lines the text is a page ([`Layout::read`]). The
//!    article is then the stretch of lines where prose outweighs furniture
//!    (a maximum-sum run: prose counts its words, furniture and short lines
//!    cost a little), its headline the title line above it that a byline or
//!    date follows, and the lines between give the byline and timestamp.
//!    Inside the article, labelled lines, boxes of links or sign-up prompts
//!    and runs of short lines are furniture; single short lines stay
//!    (subheads). Everything around it is furniture.
//! 3. Without enough evidence (a clean article) only the lines that are
//!    furniture on their own are set aside, and a byline at the top is read.
//!
//! Furniture never reaches the later passes: it is no fact, quote, party or
//! figure. The reader can keep any line as article text
//! ([`Options::article_lines`](crate::parser::Options)).
//!
//! [`blocks`]: super::blocks

mod byline;
pub mod html;
pub mod markdown;
mod phrases;

use super::dates;
use super::model::{Byline, Span};
use phrases::{fold, pieces, Kind, Phrases};

/// What one line (paragraph) of the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineRole {
    Article,
    Headline,
    Byline,
    Timestamp,
    Furniture,
}

/// The pass's answer: a role per line, and what the head of a page gave.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub roles: Vec<LineRole>,
    /// The timestamp line's ISO 8601 form, when it was read with its label
    /// ("Release date: September 6, 2024").
    pub timestamp_iso: Option<String>,
    pub byline: Option<Byline>,
    /// True when the text was read as a whole web page.
    pub page: bool,
}

impl Layout {
    /// Whether the article passes read line `i`: article lines, and in a
    /// clean article its headline and timestamp too (a page's are metadata
    /// only, like every byline: a page's title-case headline is no sentence
    /// to find names in).
    pub fn reads(&self, i: usize) -> bool {
        match self.roles.get(i) {
            Some(LineRole::Article) => true,
            Some(LineRole::Headline | LineRole::Timestamp) => !self.page,
            _ => false,
        }
    }

    /// The line given `role` (the first one).
    pub fn line_with(&self, role: LineRole) -> Option<usize> {
        self.roles.iter().position(|&r| r == role)
    }
}

/// Strong evidence lines needed before a text is read as a whole page.
const PAGE_EVIDENCE: usize = 3;
/// A paragraph long enough to anchor the article (words).
const ANCHOR_WORDS: usize = 12;
/// Longest line (words) read against the phrase list: a cookie notice or a
/// newsletter prompt is shorter, a paragraph this long is the article's (and
/// most of a long text's bytes are in such paragraphs: skipping them keeps
/// the pass cheap).
const LONGEST_FURNITURE: usize = 50;
/// Longest alt text or pull quote (words).
const MAX_REPEAT_WORDS: usize = 60;
/// How far from a pull quote the article gives its words again (lines).
const REPEAT_LINES: usize = 40;
/// How far above the article its headline may be (lines).
const HEAD_LINES: usize = 30;

/// One line as the pass sees it.
#[derive(Debug)]
struct Line {
    words: usize,
    /// Ends like a sentence.
    sentence: bool,
    /// Reads as article prose: a sentence or more.
    prose: bool,
    /// Furniture on its own, and what kind.
    evidence: Option<Kind>,
    /// Site-voice phrases ("sign up", "your inbox").
    hints: usize,
    /// A date line, with its ISO form when readable.
    timestamp: Option<Option<String>>,
    /// Could be a headline: short, no final period.
    title: bool,
    byline: Option<byline::Found>,
    /// Only a name ("Alys Pryce"): a byline when a date or role line follows.
    name_only: bool,
    /// Only a newsroom role ("Wales reporter").
    role_only: bool,
    /// The reader keeps it as article text.
    forced: bool,
}

impl Line {
    fn read(text: &str, span: Span, phrases: &Phrases, forced: &[String]) -> Line {
        let body = span.of(text);
        let words = body.split_ascii_whitespace().count();
        let sentence = ends_sentence(body);
        // A long paragraph is the article's, whatever words it holds.
        let ws = if words <= LONGEST_FURNITURE { pieces(body) } else { Vec::new() };
        let forced = forced.iter().any(|f| f.trim() == body);
        let (strong, hints) = phrases.inside(&ws);
        let evidence = phrases
            .whole_line(&ws)
            .or_else(|| phrases.opening(body, &ws))
            .or(strong)
            .or_else(|| (words <= 60 && has_credit(body, phrases)).then_some(Kind::Caption))
            .filter(|_| !forced);
        let title = words <= 30 && title_shape(body);
        Line {
            words,
            sentence,
            prose: (words >= 6 && sentence) || words >= 20,
            evidence,
            hints,
            timestamp: if words <= 16 { timestamp(body, phrases) } else { None },
            title,
            byline: if words <= byline::MAX_WORDS { byline::read(body, span, phrases) } else { None },
            name_only: words <= 4 && byline::bare_name(body),
            role_only: words <= 5 && !sentence && phrases.has_role(&ws),
            forced,
        }
    }

    /// Prose with nothing of the site's voice: the stuff of the article.
    fn clean_prose(&self) -> bool {
        self.forced || (self.prose && self.evidence.is_none() && self.hints == 0)
    }

    /// A sentence too short to be counted as prose, with nothing of the
    /// site's voice.
    fn short_sentence(&self) -> bool {
        !self.prose && self.sentence && self.words >= 3 && self.evidence.is_none() && self.hints == 0
    }

    /// A short question, as the headline of a linked article is.
    fn linked_question(&self) -> bool {
        self.words <= 14 && self.hints == 0 && self.evidence.is_none() && !self.forced && self.title
    }

    /// Short and talking to the reader ("Enter your email address").
    fn prompt(&self) -> bool {
        !self.prose && self.hints > 0
    }

    /// Weight in the search for the article's stretch of lines.
    fn weight(&self) -> i64 {
        let words = self.words as i64;
        if self.forced {
            words.max(5)
        } else if self.evidence.is_some() || self.prompt() {
            -3
        } else if self.prose && self.hints == 0 {
            words
        } else if self.prose && self.hints == 1 {
            words / 3
        } else if self.prose {
            -(words / 2) - 2
        } else {
            -1
        }
    }
}

impl Layout {
    /// Reads the lines `spans` of `text`; `forced` lines (trimmed texts) are
    /// kept as article text whatever they look like.
    pub fn read(text: &str, spans: &[Span], forced: &[String]) -> Layout {
        let phrases = Phrases::get();
        let mut lines: Vec<Line> = spans.iter().map(|&s| Line::read(text, s, phrases, forced)).collect();
        mark_alt_texts(text, spans, &mut lines);
        let mut evidence = lines.iter().filter(|l| l.evidence.is_some()).count();
        if evidence >= PAGE_EVIDENCE {
            // Only a page repeats the article's words as a pull quote.
            mark_pull_quotes(text, spans, &mut lines);
            evidence = lines.iter().filter(|l| l.evidence.is_some()).count();
        }
        let mut layout = Layout { roles: vec![LineRole::Article; lines.len()], ..Layout::default() };
        if evidence >= PAGE_EVIDENCE && layout.lay_out_page(text, spans, &lines) {
            layout.page = true;
        } else {
            layout.lay_out_article(&lines);
        }
        for (role, line) in layout.roles.iter_mut().zip(&lines) {
            if line.forced && *role == LineRole::Furniture {
                *role = LineRole::Article;
            }
        }
        layout
    }

    /// A clean article: lines that are furniture on their own, and a byline
    /// above the first paragraph.
    fn lay_out_article(&mut self, lines: &[Line]) {
        self.roles.fill(LineRole::Article);
        for (role, line) in self.roles.iter_mut().zip(lines) {
            if line.evidence.is_some() {
                *role = LineRole::Furniture;
            }
        }
        let first_prose = lines.iter().position(|l| l.prose).unwrap_or(lines.len());
        if let Some(i) = (0..first_prose.min(5)).find(|&i| lines[i].byline.is_some() && lines[i].evidence.is_none()) {
            self.roles[i] = LineRole::Byline;
            self.byline = lines[i].byline.as_ref().map(|f| f.byline.clone());
        }
    }

    /// A whole page; false (nothing decided) when no article stands out.
    fn lay_out_page(&mut self, text: &str, spans: &[Span], lines: &[Line]) -> bool {
        let Some((from, mut to)) = article_stretch(lines) else { return false };
        // A last paragraph too short to count ("The sessions run 'til Sunday.").
        while to < lines.len() && lines[to].short_sentence() {
            to += 1;
        }
        let Some(anchor) = (from..to)
            .find(|&i| lines[i].clean_prose() && lines[i].words >= ANCHOR_WORDS)
            .or_else(|| (from..to).find(|&i| lines[i].clean_prose()))
        else {
            return false;
        };
        self.roles.fill(LineRole::Furniture);
        let headline = headline_above(lines, anchor);
        let head_from = headline.map_or(anchor.saturating_sub(8).max(from.min(anchor)), |h| h + 1);
        if let Some(h) = headline {
            self.roles[h] = LineRole::Headline;
        }
        self.lay_out_head((text, spans), lines, head_from, anchor, headline);
        self.lay_out_body(text, spans, lines, anchor, to);
        true
    }

    /// Between the headline and the first paragraph: the byline, the
    /// timestamp and a standfirst; the rest (captions, share buttons) is
    /// furniture.
    fn lay_out_head(
        &mut self,
        (text, spans): (&str, &[Span]),
        lines: &[Line],
        from: usize,
        to: usize,
        headline: Option<usize>,
    ) {
        for i in from..to {
            let line = &lines[i];
            let named =
                line.name_only && lines.get(i + 1).is_some_and(|next| next.role_only || next.timestamp.is_some());
            if line.byline.is_some() && self.byline.is_none() && line.evidence.is_none() {
                self.roles[i] = LineRole::Byline;
                self.byline = line.byline.as_ref().map(|f| f.byline.clone());
            } else if named && self.byline.is_none() {
                // A name on its own line, its role or the date below it.
                let name = spans[i].of(text).trim().to_string();
                self.roles[i] = LineRole::Byline;
                self.byline = Some(Byline { text: name.clone(), span: spans[i], authors: vec![name], agency: None });
            } else if let Some(iso) = line.timestamp.as_ref().filter(|_| !self.roles.contains(&LineRole::Timestamp)) {
                self.roles[i] = LineRole::Timestamp;
                self.timestamp_iso = iso.clone();
            } else if line.clean_prose() && line.words >= 8
                || headline == Some(i.wrapping_sub(1)) && line.words >= 8 && line.evidence.is_none() && line.hints == 0
            {
                self.roles[i] = LineRole::Article;
            }
        }
    }

    /// The article's paragraphs from `from` to `to`: labelled lines, boxes
    /// and runs of short lines are furniture, the rest is article.
    fn lay_out_body(&mut self, text: &str, spans: &[Span], lines: &[Line], from: usize, to: usize) {
        let about_writer = |i: usize| self.about_the_writer(spans[i].of(text), &lines[i]);
        let mut article = Vec::new();
        let mut i = from;
        while i < to {
            let line = &lines[i];
            if let Some(kind) = line.evidence.or_else(|| line.prompt().then_some(Kind::Newsletter)) {
                // A box runs on over its short lines, linked questions and site prose.
                i += 1;
                if kind.opens_box() {
                    while i < to && (!lines[i].clean_prose() || lines[i].linked_question()) {
                        i += 1;
                    }
                }
                continue;
            }
            if line.prose {
                // Prose full of the site's voice ("We send the newsletter…") is not the article's.
                if line.hints < 3 && !about_writer(i) {
                    article.push(i);
                }
                i += 1;
                continue;
            }
            // Short lines: one or two alone are subheads, three or more a list of links.
            let run_end =
                (i..to).find(|&k| lines[k].prose || lines[k].evidence.is_some() || lines[k].prompt()).unwrap_or(to);
            if run_end - i < 3 {
                article.extend(
                    (i..run_end)
                        .filter(|&k| lines[k].timestamp.is_none() && lines[k].byline.is_none() && !about_writer(k)),
                );
            }
            i = run_end;
        }
        for k in article {
            self.roles[k] = LineRole::Article;
        }
    }

    /// A short line about the byline's writer ("Jane Doe covers the courts
    /// from Bogota."), as sites add after the article.
    fn about_the_writer(&self, body: &str, line: &Line) -> bool {
        line.words <= 30
            && self.byline.as_ref().is_some_and(|b| {
                b.authors.iter().any(|a| a.split_whitespace().count() >= 2 && body.starts_with(a.as_str()))
            })
    }
}

/// The stretch of lines `from..to` where the article's prose outweighs
/// everything else (the maximum-sum run of [`Line::weight`]).
fn article_stretch(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += line.weight();
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, from, to)| (from, to))
}

/// The headline: of the title lines above line `anchor`, the one a byline or
/// a date follows, nearest the article.
fn headline_above(lines: &[Line], anchor: usize) -> Option<usize> {
    let from = anchor.saturating_sub(HEAD_LINES);
    let strong_byline = |l: &Line| l.byline.as_ref().is_some_and(|f| !f.weak);
    let candidate =
        |l: &Line| l.title && l.evidence.is_none() && !strong_byline(l) && l.timestamp.is_none() && !l.forced;
    let credit = |l: &Line| (l.byline.is_some() || l.timestamp.is_some()) && l.evidence.is_none();
    let mut best: Option<(i64, usize)> = None;
    let mut gap = 0i64;
    for i in (from..anchor).rev() {
        let line = &lines[i];
        if !candidate(line) {
            if line.evidence.is_none() && line.byline.is_none() && line.timestamp.is_none() {
                gap += 1;
            }
            continue;
        }
        // A byline or date follows before the next title ("Name in Place" bylines aside).
        let credited =
            lines[i + 1..anchor].iter().take_while(|l| !candidate(l) || l.byline.is_some()).take(8).any(credit);
        let score =
            4 * i64::from(credited) + 2 * i64::from((5..=25).contains(&line.words)) - 2 * line.hints as i64 - gap;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
        gap += 1;
    }
    best.filter(|&(score, _)| score > -3).map(|(_, i)| i)
}

/// Marks a photo's alt text: a line that its credited caption, just below,
/// repeats.
fn mark_alt_texts(text: &str, spans: &[Span], lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].evidence.is_some() || lines[i].words < 4 || lines[i].words > MAX_REPEAT_WORDS {
            continue;
        }
        let own = spans[i].of(text).trim_end_matches(['.', ' ']);
        if (i + 1..lines.len().min(i + 3))
            .any(|j| lines[j].evidence == Some(Kind::Caption) && spans[j].of(text).starts_with(own))
        {
            lines[i].evidence = Some(Kind::Repeat);
        }
    }
}

/// Marks pull quotes: a quote alone on its line whose words the article
/// gives again nearby (compared folded: case, curly or straight apostrophes).
fn mark_pull_quotes(text: &str, spans: &[Span], lines: &mut [Line]) {
    // Folded lines, made when first needed.
    let mut folded: Vec<Option<String>> = vec![None; spans.len()];
    for i in 0..lines.len() {
        if lines[i].evidence.is_some() || lines[i].words < 5 || lines[i].words > MAX_REPEAT_WORDS {
            continue;
        }
        let Some(inner) = pull_quote_text(spans[i].of(text)).map(fold) else { continue };
        let inner = inner.trim().trim_end_matches(['.', ',', ' ']);
        let near = i.saturating_sub(REPEAT_LINES)..lines.len().min(i + REPEAT_LINES);
        let mut repeated = false;
        for j in near.filter(|&j| j != i) {
            let line = folded[j].get_or_insert_with(|| fold(spans[j].of(text)));
            if line.contains(inner) {
                repeated = true;
                break;
            }
        }
        if repeated {
            lines[i].evidence = Some(Kind::Repeat);
        }
    }
}

/// The words of a line that is nothing but a quotation.
fn pull_quote_text(line: &str) -> Option<&str> {
    const OPEN: &[char] = &['"', '\u{201C}', '\u{2018}', '\'', '\u{AB}', '\u{201E}'];
    const CLOSE: &[char] = &['"', '\u{201D}', '\u{2019}', '\'', '\u{BB}', '\u{201C}'];
    let t = line.trim();
    let inner = t.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    (!inner.contains(OPEN) || inner.contains('\u{2018}')).then_some(inner)
}

/// Could be a headline: 3 to 30 words, no full stop at its end or inside
/// (abbreviations and initials aside: "U.S. Initiative On Malaria").
fn title_shape(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let abbreviation = |w: &&str| {
        let core = w.trim_end_matches('.');
        core.chars().count() <= 3 || core.contains('.') || core.starts_with(char::is_uppercase) && core.len() <= 4
    };
    (3..=30).contains(&words.len())
        && t.len() <= 250
        && !t.ends_with(['.', ':', ',', ';'])
        && words[..words.len() - 1].iter().filter(|w| w.ends_with('.')).all(abbreviation)
}

/// Ends like a sentence: '.', '!', '?' or '…', maybe inside closing quotes
/// or brackets.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']']);
    t.ends_with(['.', '!', '?', '\u{2026}'])
}

/// A caption's credit at the end of the line: "(Photo: Reuters)", "(AP
/// Photo/Brian Otieno)", "(U.S. Army photo by …)", "Photograph: Lucy North/PA",
/// "… Getty Images".
fn has_credit(line: &str, phrases: &Phrases) -> bool {
    let t = line.trim_end();
    let paren = t.strip_suffix(')').and_then(|s| s.rfind('(').map(|o| &s[o + 1..])).filter(|i| i.len() <= 120);
    if let Some(inner) = paren {
        let inner_words = pieces(inner);
        let inner_folded = fold(inner);
        if inner_words.len() <= 12 && (credit_label(&inner_folded, phrases) || phrases.is_agency(&inner_words)) {
            return true;
        }
    }
    // "Label: Name" closing the line after a sentence.
    let colon = t.rfind(':').filter(|&c| t[c + 1..].starts_with(' ') && t.len() - c <= 80);
    if let Some(colon) = colon {
        let (before, after) = (&t[..colon], &t[colon + 2..]);
        // The label is the last word or two before the colon.
        let tail_from = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let tail = pieces(&before[tail_from..]);
        let label = &tail[tail.len().saturating_sub(2)..];
        let label_is_credit = (0..label.len()).any(|k| phrases.is_credit(&label[k..]));
        let opens = before.trim_end().rsplit(' ').next().is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        let before_sentence = before.trim_end().rsplit_once(['.', '!', '?', '\u{201D}', '"']).is_some();
        if label_is_credit && opens && before_sentence && after.split_whitespace().count() <= 8 && !ends_sentence(after)
        {
            return true;
        }
    }
    let getty =
        t.len() >= 12 && t.is_char_boundary(t.len() - 12) && t[t.len() - 12..].eq_ignore_ascii_case("getty images");
    agency_slash_credit(t, phrases) || getty
}

/// "… February 12, 2025. REUTERS/Marta Quintero": an agency or credit label,
/// a slash and a name close the line.
fn agency_slash_credit(line: &str, phrases: &Phrases) -> bool {
    let Some(slash) = line.rfind('/') else { return false };
    let (before, after) = (&line[..slash], &line[slash + 1..]);
    let label = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let label_words = pieces(label);
    (phrases.is_agency(&label_words) || phrases.is_credit(&label_words))
        && label.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && (1..=4).contains(&after.split_whitespace().count())
        && !ends_sentence(after)
}

/// A credit label inside a caption's brackets: "photo: …", "ap photo/…",
/// "army photo by …".
fn credit_label(inner: &str, phrases: &Phrases) -> bool {
    let words = pieces(inner);
    let folded = fold(inner);
    (0..words.len()).any(|i| {
        (1..=2).filter(|n| i + n <= words.len()).any(|n| {
            let label = &words[i..i + n];
            let last = &label[n - 1];
            let next = words.get(i + n).map(|p| &*p.word);
            phrases.is_credit(label)
                && (last.colon
                    || matches!(next, Some("by" | "courtesy"))
                    || folded.contains(&format!("{}/", last.word)))
        })
    })
}

/// A timestamp line, possibly labelled and with several parts
/// ("Published: Oct. 15, 2024 at 5:14 PM CDT | Updated: 2 hours ago"): the
/// ISO form of its first readable part (`Some(None)` when it is a date line
/// whose form is not readable).
fn timestamp(line: &str, phrases: &Phrases) -> Option<Option<String>> {
    for part in line.split(['|', '\u{B7}', '\u{2022}']) {
        let words = pieces(part);
        let skip = phrases.label_len(&words);
        let rest = skip_words(part, skip).trim_start_matches([':', ' ']);
        let tidy = tidy_time(rest);
        if tidy.is_empty() {
            continue;
        }
        if let Some(iso) = dates::parse_timestamp(&tidy) {
            return Some(Some(iso));
        }
        if relative_time(&tidy) {
            return Some(None);
        }
    }
    None
}

/// "11 hours ago", "2 days ago", "Yesterday", "Just now": a date line whose
/// date is the reader's, not the article's.
fn relative_time(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(|w| w.trim_matches([',', '.']).to_ascii_lowercase()).collect();
    let unit = |w: &str| {
        matches!(
            w.trim_end_matches('s'),
            "sec" | "second" | "min" | "minute" | "hr" | "hour" | "day" | "week" | "month" | "year"
        )
    };
    match words.as_slice() {
        [n, u, ago] => ago == "ago" && unit(u) && (n.parse::<u32>().is_ok() || n == "an" || n == "a"),
        [w] => matches!(w.as_str(), "yesterday" | "today"),
        [a, b] => a == "just" && b == "now",
        _ => false,
    }
}

/// `s` after its first `n` words (words as [`pieces`] cuts them, so "Release
/// date:" is two).
fn skip_words(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start();
    for _ in 0..n {
        let end = rest.find(|c: char| c.is_whitespace() || c == ':').unwrap_or(rest.len());
        rest = rest[end..].trim_start_matches(':').trim_start();
    }
    rest
}

/// Time words the timestamp reader does not take: "17.45" is "17:45", time
/// zone offsets ("GMT+3") are dropped.
fn tidy_time(s: &str) -> String {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let bare = w.trim_end_matches(',');
        let dotted = bare
            .split_once('.')
            .filter(|(h, m)| h.len() <= 2 && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()));
        if let Some((h, m)) = dotted {
            out.push(format!("{h}:{m}{}", &w[bare.len()..]));
        } else if ["GMT+", "GMT-", "UTC+", "UTC-"].iter().any(|p| bare.starts_with(p)) {
            out.push(format!("GMT{}", &w[bare.len()..]));
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests;
