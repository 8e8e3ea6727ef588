//! The article as the analysis passes see it: paragraphs with their roles,
//! one flat token stream, sentences as token ranges, and the outermost quotes.

use super::blocks;
use super::dates::{self, Ymd};
use super::ids::SentId;
use super::lexer::{self, Tok, TokKind, SENT_START};
use super::lexicon::{lexicon, Lexicon, WordInfo};
use super::model::{Dateline, Meta, ParagraphRole, Snippet, Span, Timestamp};
use super::page::{Layout, LineRole};
use super::quotes::{self, QuoteSpan};
use super::sentences;

/// A paragraph with its role and its tokens (`a..b` in [`Doc::toks`]).
pub(crate) struct Para {
    pub span: Span,
    pub role: ParagraphRole,
    pub a: usize,
    pub b: usize,
    /// First token after a dateline.
    pub body_from: usize,
}

/// A sentence: tokens `a..b` of paragraph `para`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sent {
    pub para: usize,
    pub a: usize,
    pub b: usize,
}

/// One outermost quote with the tokens of its marks.
pub(crate) struct QuoteRef {
    pub span: QuoteSpan,
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    pub sent: usize,
    pub para: usize,
}

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub lx: &'static Lexicon,
    pub paras: Vec<Para>,
    pub toks: Vec<Tok>,
    /// What the lexicon knows of each token (default for punctuation).
    pub infos: Vec<WordInfo>,
    pub sents: Vec<Sent>,
    /// The sentence of every token (none in a dateline or a label).
    pub sent_of: Vec<Option<SentId>>,
    pub quotes: Vec<QuoteRef>,
    pub meta: Meta,
    /// The article's own date, to resolve "on Sunday".
    pub reference: Option<Ymd>,
    pub unclosed_quotes: Vec<Span>,
    /// Every line (paragraph) of the text, furniture included, with its role
    /// from the page pass; `paras` holds only the article's.
    pub lines: Vec<Span>,
    pub layout: Layout,
    /// For each of `paras`, its index in `lines`.
    pub line_of_para: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// The article of `text`; `article_lines` are lines the reader keeps as
    /// article text (see [`Layout::read`]).
    pub fn build(text: &'a str, article_lines: &[String]) -> Doc<'a> {
        let lx = lexicon();
        let lines = blocks::paragraphs(text);
        let layout = Layout::read(text, &lines, article_lines);
        let line_of_para: Vec<usize> = (0..lines.len()).filter(|&i| layout.reads(i)).collect();
        let para_spans: Vec<Span> = line_of_para.iter().map(|&i| lines[i]).collect();
        let all_quotes = quotes::find_quotes(text, &para_spans);
        let outer: Vec<usize> = (0..all_quotes.len()).filter(|&i| all_quotes[i].depth == 0).collect();
        let per_para = lexer::tokenize(text, &para_spans, &all_quotes, &outer, lx);

        let mut toks = Vec::with_capacity(per_para.iter().map(Vec::len).sum());
        let mut paras = Vec::with_capacity(para_spans.len());
        for (span, pt) in para_spans.iter().zip(per_para) {
            let a = toks.len();
            toks.extend(pt);
            paras.push(Para { span: *span, role: ParagraphRole::Body, a, b: toks.len(), body_from: a });
        }
        let infos =
            toks.iter().map(|t| if t.is_word() { lx.info(t.span().of(text)) } else { WordInfo::default() }).collect();
        let mut doc = Doc {
            text,
            lx,
            paras,
            toks,
            infos,
            sents: Vec::new(),
            sent_of: Vec::new(),
            quotes: Vec::new(),
            meta: Meta::default(),
            reference: None,
            unclosed_quotes: Vec::new(),
            lines,
            layout,
            line_of_para,
        };
        doc.find_meta();
        doc.split_sentences(&all_quotes, &outer);
        doc
    }

    /// Lexicon classes of token `i`.
    #[inline]
    pub fn info(&self, i: usize) -> WordInfo {
        self.infos.get(i).copied().unwrap_or_default()
    }

    /// Text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span().of(self.text))
    }

    /// Headline, timestamp, abstract and dateline.
    fn find_meta(&mut self) {
        let text = self.text;
        let n = self.paras.len();
        self.meta.byline = self.layout.byline.clone();
        let page = self.layout.page;
        if page {
            self.meta_from_page();
        }
        let mut first_body = None;
        for i in 0..n.min(6) {
            let body = self.paras[i].span.of(text);
            let line_role = self.layout.roles[self.line_of_para[i]];
            if line_role == LineRole::Headline
                || !page
                    && i == 0
                    && n > 1
                    && blocks::looks_like_headline(body)
                    && !blocks::is_timestamp_paragraph(body)
            {
                self.paras[i].role = ParagraphRole::Headline;
                self.meta.headline = Some(Snippet { text: body.to_string(), span: self.paras[i].span });
                continue;
            }
            if line_role == LineRole::Timestamp
                || !page && self.meta.timestamp.is_none() && blocks::is_timestamp_paragraph(body)
            {
                self.paras[i].role = ParagraphRole::Timestamp;
                let iso = dates::parse_timestamp(body).or_else(|| self.layout.timestamp_iso.clone());
                self.meta.timestamp = Some(Timestamp { text: body.to_string(), span: self.paras[i].span, iso });
                continue;
            }
            if self.meta.abstract_text.is_none() {
                if let Some(label) = blocks::abstract_label(body) {
                    self.paras[i].role = ParagraphRole::Abstract;
                    let span = Span::new(self.paras[i].span.start + label, self.paras[i].span.end);
                    self.meta.abstract_text = Some(Snippet { text: span.of(text).to_string(), span });
                    // Tokens of the label are not part of any sentence.
                    let p = &mut self.paras[i];
                    p.body_from = (p.a..p.b).find(|&t| self.toks[t].start >= span.start).unwrap_or(p.b);
                    continue;
                }
            }
            if first_body.is_none() {
                first_body = Some(i);
            }
        }
        // A dateline opens one of the first body paragraphs.
        for i in 0..n.min(4) {
            if self.paras[i].role != ParagraphRole::Body {
                continue;
            }
            let (a, b) = (self.paras[i].a, self.paras[i].b);
            if let Some(dash) = sentences::dateline(text, &self.toks[a..b]) {
                let span = Span::new(self.paras[i].span.start, self.toks[a + dash].end);
                let raw = span.of(text);
                let place_end = raw.find(['(', '\u{2014}', '\u{2013}', '-']).unwrap_or(raw.len());
                let place_part = raw[..place_end].trim().trim_end_matches(',');
                let agency =
                    raw.find('(').and_then(|o| raw[o + 1..].find(')').map(|c| raw[o + 1..o + 1 + c].to_string()));
                let date = (a..a + dash).find_map(|t| {
                    let m = dates::month_number(self.word(t))?;
                    let d: u32 = self.word(t + 1).parse().ok()?;
                    let y: i32 = self.word(t + 3).parse().ok().or_else(|| self.word(t + 2).parse().ok())?;
                    Ymd::new(y, m, d)
                });
                // The place is what precedes a date in the dateline.
                let place = match date {
                    Some(_) => {
                        let cut = (a..a + dash)
                            .find(|&t| dates::month_number(self.word(t)).is_some() && t > a)
                            .map_or(place_part.len(), |t| self.toks[t].start - span.start);
                        raw[..cut.min(raw.len())].trim().trim_end_matches(',').to_string()
                    }
                    None => place_part.to_string(),
                };
                self.meta.dateline =
                    Some(Dateline { text: raw.to_string(), span, place, date: date.map(Ymd::iso), agency });
                self.paras[i].body_from = a + dash + 1;
                if self.reference.is_none() {
                    self.reference = date;
                }
                break;
            }
        }
        if let Some(iso) = self.meta.timestamp.as_ref().and_then(|t| t.iso.as_deref()) {
            self.reference = dates::ymd_of_iso(iso);
        }
        // Without an abstract, the lede stands in for it.
        if self.meta.abstract_text.is_none() {
            if let Some(i) = first_body {
                let p = &self.paras[i];
                let start = self.toks.get(p.body_from).filter(|_| p.body_from < p.b).map_or(p.span.start, |t| t.start);
                let span = Span::new(start, p.span.end);
                self.meta.abstract_text = Some(Snippet { text: span.of(text).to_string(), span });
            }
        }
    }

    /// A page's headline and timestamp, from the page pass.
    fn meta_from_page(&mut self) {
        let text = self.text;
        if let Some(h) = self.layout.line_with(LineRole::Headline) {
            let span = self.lines[h];
            self.meta.headline = Some(Snippet { text: span.of(text).to_string(), span });
        }
        if let Some(t) = self.layout.line_with(LineRole::Timestamp) {
            let span = self.lines[t];
            let iso = self.layout.timestamp_iso.clone();
            self.meta.timestamp = Some(Timestamp { text: span.of(text).to_string(), span, iso });
        }
    }

    fn split_sentences(&mut self, all: &[QuoteSpan], outer: &[usize]) {
        let inner: Vec<Span> = outer.iter().map(|&i| all[i].inner()).collect();
        self.sent_of = vec![None; self.toks.len()];
        for (pi, p) in self.paras.iter().enumerate() {
            let toks = &self.toks[p.a..p.b];
            let from = p.body_from - p.a;
            for (a, b) in sentences::split(self.text, toks, from, &inner, self.lx) {
                let id = Some(SentId::new(self.sents.len()));
                for s in &mut self.sent_of[p.a + a..p.a + b] {
                    *s = id;
                }
                self.sents.push(Sent { para: pi, a: p.a + a, b: p.a + b });
            }
        }
        for s in &self.sents {
            self.toks[s.a].flags |= SENT_START;
        }
        // Quote marks → tokens and sentences.
        let mut open_tok = vec![None; outer.len()];
        let mut close_tok = vec![None; outer.len()];
        for (i, t) in self.toks.iter().enumerate() {
            match t.kind {
                TokKind::Open(q) => open_tok[q.index()] = Some(i),
                TokKind::Close(q) => close_tok[q.index()] = Some(i),
                _ => {}
            }
        }
        for (qi, &i) in outer.iter().enumerate() {
            let (Some(o), Some(c)) = (open_tok[qi], close_tok[qi]) else { continue };
            // Inside a dateline or label: not a quote of the article.
            let Some(sent) = self.sent_of[o].map(SentId::index) else { continue };
            let para = self.sents[sent].para;
            if all[i].unclosed && !all[i].continues {
                self.unclosed_quotes.push(all[i].open);
            }
            self.quotes.push(QuoteRef { span: all[i].clone(), open: o, close: c, sent, para });
        }
    }

    /// Role of the paragraph holding sentence `s`.
    pub fn role_of_sentence(&self, s: usize) -> ParagraphRole {
        self.paras[self.sents[s].para].role
    }

    /// Span of sentence `s` in the text.
    pub fn sentence_span(&self, s: usize) -> Span {
        let st = &self.sents[s];
        Span::new(self.toks[st.a].start, self.toks[st.b - 1].end.max(self.toks[st.a].start))
    }
}
