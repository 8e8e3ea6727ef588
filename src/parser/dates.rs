//! Dates: reading a timestamp, finding date expressions in sentences, and
//! resolving relative ones ("on Sunday", "in January") against the
//! article's own date.

use super::lexer::{Tok, CAP, NUM};
use super::model::{DateKind, DateMention, Span};

/// A calendar date (the crate's one calendar).
pub(crate) use crate::calendar::Date as Ymd;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether `word` (any case) equals `name` or is its 3-letter (or, with
/// `four`, 4-letter) abbreviation.
fn names(word: &str, name: &str, four: bool) -> bool {
    word.eq_ignore_ascii_case(name)
        || ((word.len() == 3 || (four && word.len() == 4))
            && name.len() > word.len()
            && name.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes()))
}

/// Month number of a month name or abbreviation ("Jan", "Jan.", "Sept.").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS.iter().position(|m| names(w, m, false)).map(|i| i as u32 + 1)
}

/// 0 = Monday … 6 = Sunday for a weekday name or abbreviation.
pub(crate) fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    WEEKDAYS.iter().position(|d| names(w, d, true)).map(|i| i as u32)
}

fn parse_uint(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Day of month from "6", "6th", "21st".
fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ',');
    let d = parse_uint(digits)?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(s: &str) -> Option<i32> {
    let y = parse_uint(s.trim_end_matches(','))?;
    (s.trim_end_matches(',').len() == 4 && (1000..=2999).contains(&y)).then_some(y as i32)
}

/// Reads a timestamp line into ISO 8601 ("2025-03-06 03:24:00" or
/// "2025-03-06"). The line must be nothing but a date, an optional time,
/// and labels such as "Published:" or "Updated".
pub(crate) fn parse_timestamp(line: &str) -> Option<String> {
    let mut date: Option<Ymd> = None;
    let mut time: Option<Clock> = None;
    let mut pm: Option<bool> = None;
    let mut pending_month: Option<u32> = None;
    let mut pending_day: Option<u32> = None;
    let mut unknown = 0usize;
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '|' || c == '\u{2022}' || c == '\u{00B7}')
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    for w in &words {
        let lower = w.to_ascii_lowercase();
        let lower = lower.trim_end_matches(':');
        if let Some(d) = parse_iso_datetime(w) {
            date = Some(d.0);
            if d.1.is_some() {
                time = d.1;
            }
        } else if let Some(t) = parse_clock(w) {
            time = Some(t.0);
            if t.1.is_some() {
                pm = t.1;
            }
        } else if let Some(d) = parse_slash_date(w) {
            date = Some(d);
        } else if let Some(m) = month_number(w) {
            pending_month = Some(m);
            if let (Some(d), None) = (pending_day, date) {
                pending_day = Some(d);
            }
        } else if let Some(y) = year_number(w).filter(|_| pending_month.is_some()) {
            let m = pending_month.unwrap_or(1);
            let d = pending_day.unwrap_or(1);
            date = Ymd::new(y, m, d);
        } else if let Some(d) = day_number(w).filter(|_| date.is_none()) {
            pending_day = Some(d);
        } else if matches!(lower, "am" | "a.m." | "a.m") {
            pm = Some(false);
        } else if matches!(lower, "pm" | "p.m." | "p.m") {
            pm = Some(true);
        } else if weekday_number(w).is_some()
            || is_timezone(w)
            || matches!(
                lower,
                "published"
                    | "updated"
                    | "posted"
                    | "last"
                    | "first"
                    | "on"
                    | "at"
                    | "date"
                    | "time"
                    | "-"
                    | "\u{2014}"
                    | "\u{2013}"
                    | "modified"
                    | "created"
                    | "edt"
                    | "est"
            )
        {
        } else {
            unknown += 1;
        }
    }
    if unknown > 0 {
        return None;
    }
    let date = date?;
    Some(match time {
        Some((h, mi, s)) => {
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            format!("{} {:02}:{:02}:{:02}", date.iso(), h, mi, s)
        }
        None => date.iso(),
    })
}

fn is_timezone(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    (w.len() >= 2 && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase()) && w.ends_with('T'))
        || matches!(w, "UTC" | "GMT" | "Z" | "ET" | "PT" | "CT")
        || ((w.starts_with('+') || w.starts_with('-'))
            && w.len() >= 3
            && w[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'))
}

/// Hours, minutes, seconds.
type Clock = (u32, u32, u32);

/// "2025-03-06", "2025-03-06T03:24:00Z", "2025-03-06T03:24".
fn parse_iso_datetime(w: &str) -> Option<(Ymd, Option<Clock>)> {
    let (d, t) = match w.find('T') {
        Some(i) => (&w[..i], Some(&w[i + 1..])),
        None => (w, None),
    };
    let mut parts = d.split('-');
    let y = parts.next().filter(|p| p.len() == 4).and_then(parse_uint)?;
    let m = parts.next().filter(|p| p.len() == 2).and_then(parse_uint)?;
    let dd = parts.next().filter(|p| p.len() == 2).and_then(parse_uint)?;
    if parts.next().is_some() {
        return None;
    }
    let date = Ymd::new(y as i32, m, dd)?;
    let time = t.and_then(|t| parse_clock(t.trim_end_matches('Z').split(['+', '-']).next().unwrap_or("")).map(|c| c.0));
    Some((date, time))
}

/// "03:24", "03:24:00", "3:24pm".
fn parse_clock(w: &str) -> Option<(Clock, Option<bool>)> {
    let lower = w.to_ascii_lowercase();
    let (body, pm) = if let Some(b) = lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        (b.to_string(), Some(true))
    } else if let Some(b) = lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
        (b.to_string(), Some(false))
    } else {
        (lower, None)
    };
    let mut parts = body.split(':');
    let h = parts.next().and_then(parse_uint)?;
    let m = parts.next().filter(|p| p.len() == 2).and_then(parse_uint)?;
    let s = match parts.next() {
        Some(p) => parse_uint(p.split('.').next().unwrap_or(""))?,
        None => 0,
    };
    (h < 24 && m < 60 && s < 61 && parts.next().is_none()).then_some(((h, m, s), pm))
}

/// "03/06/2025" read as month/day/year (day/month when the first is > 12).
fn parse_slash_date(w: &str) -> Option<Ymd> {
    let mut parts = w.split(['/', '.']);
    let a = parts.next().and_then(parse_uint)?;
    let b = parts.next().and_then(parse_uint)?;
    let y = parts.next().filter(|p| p.len() == 4).and_then(parse_uint)? as i32;
    if parts.next().is_some() {
        return None;
    }
    if a > 12 {
        Ymd::new(y, b, a)
    } else {
        Ymd::new(y, a, b)
    }
}

/// Date part of an ISO string from [`parse_timestamp`].
pub(crate) fn ymd_of_iso(iso: &str) -> Option<Ymd> {
    parse_iso_datetime(iso.split(' ').next()?).map(|d| d.0)
}

/// Words that tell a weekday or month points forward ("will meet on Monday").
fn future_cue(word: &str) -> bool {
    matches!(word, "will" | "next" | "upcoming" | "scheduled" | "coming" | "shall" | "planned" | "expected")
}

/// Finds the date expressions among a sentence's tokens.
///
/// `reference` is the article's date; relative expressions are resolved
/// against it.
pub(crate) fn find_dates(
    text: &str,
    toks: &[Tok],
    sentence: usize,
    reference: Option<Ymd>,
    out: &mut Vec<DateMention>,
) {
    let mut finder = DateFinder { text, toks, sentence, reference, out };
    let mut i = 0;
    while i < toks.len() {
        i = finder.at(i).unwrap_or(i + 1);
    }
}

/// The date expressions of one sentence, as they are found.
struct DateFinder<'t, 'o> {
    text: &'t str,
    toks: &'t [Tok],
    sentence: usize,
    /// The article's date.
    reference: Option<Ymd>,
    out: &'o mut Vec<DateMention>,
}

impl<'t> DateFinder<'t, '_> {
    /// Text of word token `i` ("" past the end or for punctuation).
    fn word(&self, i: usize) -> &'t str {
        self.toks.get(i).filter(|t| t.is_word()).map_or("", |t| t.span().of(self.text))
    }

    fn lower_at(&self, i: usize) -> String {
        self.word(i).to_ascii_lowercase()
    }

    /// Whether a word before token `i` points forward ("will", "next").
    fn future_near(&self, i: usize) -> bool {
        (i.saturating_sub(6)..i).any(|j| future_cue(&self.lower_at(j)))
    }

    fn push(&mut self, span: Span, kind: DateKind, iso: Option<String>) {
        push(self.out, self.text, span, kind, iso, self.sentence);
    }

    /// The date expression at token `i`, if any: the token after it, or after
    /// a month name that is not a date here.
    fn at(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        if !t.is_word() {
            return None;
        }
        let w = t.span().of(self.text);
        if t.has(CAP) {
            if let Some(m) = month_number(w) {
                return Some(self.month_led(i, m));
            }
            if let Some(wd) = weekday_number(w).filter(|_| w.len() >= 6) {
                self.weekday(i, wd);
                return Some(i + 1);
            }
        }
        if t.has(NUM) {
            if let Some(next) = self.numeric(i) {
                return Some(next);
            }
        }
        self.relative(i)
    }

    /// Month-led: "March 6, 2025", "March 2025", "in January", "May 11".
    fn month_led(&mut self, i: usize, m: u32) -> usize {
        let toks = self.toks;
        let w = self.word(i);
        let day = day_number(self.word(i + 1)).filter(|_| toks.get(i + 1).is_some_and(|t| t.has(NUM)));
        let mut j = i + 1;
        if day.is_some() {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.is_punct(',')) && year_number(self.word(j + 1)).is_some() {
            j += 1;
        }
        let year = year_number(self.word(j));
        if year.is_some() {
            j += 1;
        }
        // A bare "May" must be a date by its neighbours.
        let prev = self.lower_at(i.wrapping_sub(1));
        let bare_ok = matches!(
            prev.as_str(),
            "in" | "since"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "until"
                | "by"
                | "of"
                | "through"
                | "this"
                | "from"
                | "during"
                | "before"
                | "after"
        );
        let short_form = w.trim_end_matches('.').len() <= 4 && !matches!(w, "June" | "July");
        if day.is_none() && year.is_none() && (short_form || w == "March") && !bare_ok {
            return i + 1;
        }
        let end = toks[j - 1].end;
        let (kind, iso) = match (day, year) {
            (Some(d), Some(y)) => (DateKind::Day, Ymd::new(y, m, d).map(Ymd::iso)),
            (Some(d), None) => {
                let y = self.reference.map(|r| resolve_year(r, m, self.future_near(i) || prev == "next"));
                (DateKind::Day, y.and_then(|y| Ymd::new(y, m, d)).map(Ymd::iso))
            }
            (None, Some(y)) => (DateKind::Month, Some(format!("{y:04}-{m:02}"))),
            (None, None) => {
                let fwd = self.future_near(i) || prev == "next";
                let y = self.reference.map(|r| {
                    if prev == "last" {
                        if m >= r.month() {
                            r.year() - 1
                        } else {
                            r.year()
                        }
                    } else {
                        resolve_year(r, m, fwd)
                    }
                });
                (DateKind::Month, y.map(|y| format!("{y:04}-{m:02}")))
            }
        };
        self.push(Span::new(toks[i].start, end), kind, iso);
        j
    }

    /// Weekday: "on Sunday", "Wednesday" (the one before the article's date,
    /// or after it when the text points forward).
    fn weekday(&mut self, i: usize, wd: u32) {
        let prev = self.lower_at(i.wrapping_sub(1));
        let iso = self.reference.map(|r| {
            let back = (r.weekday().days_from_monday() + 7 - wd) % 7;
            let fwd = (wd + 7 - r.weekday().days_from_monday()) % 7;
            if prev == "next" || self.future_near(i) {
                r.add_days(if fwd == 0 { 7 } else { i64::from(fwd) })
            } else if prev == "last" {
                r.add_days(-(if back == 0 { 7 } else { i64::from(back) }))
            } else {
                r.add_days(-i64::from(back))
            }
            .iso()
        });
        self.push(self.toks[i].span(), DateKind::Weekday, iso);
    }

    /// Number-led: "6 March 2025", "21 July", "2025-03-06", "in 1997", "the 1990s".
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let toks = self.toks;
        let t = toks[i];
        let w = self.word(i);
        if let (Some(d), Some(m)) = (day_number(w), month_number(self.word(i + 1)).filter(|_| toks[i + 1].has(CAP))) {
            let (end, year) = match year_number(self.word(i + 2)) {
                Some(y) => (toks[i + 2].end, Some(y)),
                None => (toks[i + 1].end, None),
            };
            let y = year.or_else(|| self.reference.map(|r| resolve_year(r, m, self.future_near(i))));
            let iso = y.and_then(|y| Ymd::new(y, m, d)).map(Ymd::iso);
            self.push(Span::new(t.start, end), DateKind::Day, iso);
            return Some(i + if year.is_some() { 3 } else { 2 });
        }
        if let Some((d, _)) = parse_iso_datetime(w) {
            self.push(t.span(), DateKind::Day, Some(d.iso()));
            return Some(i + 1);
        }
        if let Some(y) = year_number(w).filter(|y| (1800..=2100).contains(y)) {
            // Not a count: "2,000" has a comma; "1997 bodies" is unlikely.
            let prev = self.lower_at(i.wrapping_sub(1));
            let next = self.word(i + 1);
            let unit_follows = !next.is_empty()
                && next.chars().next().is_some_and(char::is_lowercase)
                && !matches!(next, "and" | "to" | "or" | "when" | "after" | "before" | "until" | "as" | "that" | "the");
            let year_prev = matches!(
                prev.as_str(),
                "in" | "since"
                    | "from"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "year"
                    | "before"
                    | "after"
                    | "during"
                    | "through"
                    | "to"
                    | "and"
                    | "between"
            );
            if year_prev || !unit_follows {
                self.push(t.span(), DateKind::Year, Some(format!("{y:04}")));
                return Some(i + 1);
            }
        }
        // "the 1990s"
        if w.len() == 5 && w.ends_with('s') && year_number(&w[..4]).is_some() && w[..4].ends_with('0') {
            self.push(t.span(), DateKind::Decade, Some(w[..4].to_string()));
            return Some(i + 1);
        }
        None
    }

    /// Relative days and periods: "yesterday", "last week", "next month".
    fn relative(&mut self, i: usize) -> Option<usize> {
        let toks = self.toks;
        let w = self.word(i);
        if !matches!(w.as_bytes()[0] | 0x20, b't' | b'y' | b'l' | b'n') || w.len() > 9 {
            return None;
        }
        // Lower case in a buffer on the stack: this runs for many words ("the", "that").
        let mut buf = [0u8; 9];
        let lw = &mut buf[..w.len()];
        lw.copy_from_slice(w.as_bytes());
        lw.make_ascii_lowercase();
        let lw = std::str::from_utf8(lw).unwrap_or("");
        let (delta, len) = match lw {
            "today" | "tonight" => Some((0i64, 1usize)),
            "yesterday" => Some((-1, 1)),
            "tomorrow" => Some((1, 1)),
            "last" | "next" | "this" => {
                let unit = self.lower_at(i + 1);
                let sign: i64 = match lw {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                match unit.as_str() {
                    "week" | "weekend" => Some((7 * sign, 2)),
                    "month" => Some((30 * sign, 2)),
                    "year" => Some((365 * sign, 2)),
                    _ => None,
                }
            }
            _ => None,
        }?;
        let end = toks[(i + len - 1).min(toks.len() - 1)].end;
        let unit = if len == 2 { self.lower_at(i + 1) } else { String::new() };
        let iso = self.reference.map(|r| match unit.as_str() {
            "year" => format!("{:04}", r.year() + delta.signum() as i32),
            "month" => {
                let idx = r.year() * 12 + r.month() as i32 - 1 + delta.signum() as i32;
                format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
            }
            _ => r.add_days(delta).iso(),
        });
        self.push(Span::new(toks[i].start, end), DateKind::Relative, iso);
        Some(i + len)
    }
}

/// Year of a month mentioned without one: the reference year, or the one
/// before when the month lies well ahead of the reference and the text does
/// not point forward.
fn resolve_year(r: Ymd, month: u32, forward: bool) -> i32 {
    if forward {
        if month < r.month() {
            r.year() + 1
        } else {
            r.year()
        }
    } else if month > r.month() + 1 {
        r.year() - 1
    } else {
        r.year()
    }
}

fn push(out: &mut Vec<DateMention>, text: &str, span: Span, kind: DateKind, iso: Option<String>, sentence: usize) {
    if out.last().is_some_and(|d| d.span.end > span.start) {
        return;
    }
    out.push(DateMention { text: span.of(text).to_string(), span, kind, iso, sentence });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_common_shapes() {
        assert_eq!(parse_timestamp("2025-03-06 03:24:00").as_deref(), Some("2025-03-06 03:24:00"));
        assert_eq!(parse_timestamp("March 6, 2025").as_deref(), Some("2025-03-06"));
        assert_eq!(parse_timestamp("Updated: 6 March 2025, 3:24 PM EST").as_deref(), Some("2025-03-06 15:24:00"));
        assert_eq!(parse_timestamp("Thursday, Mar. 6, 2025 | 10:05 am").as_deref(), Some("2025-03-06 10:05:00"));
        assert_eq!(parse_timestamp("2025-03-06T03:24:00Z").as_deref(), Some("2025-03-06 03:24:00"));
        assert_eq!(parse_timestamp("03/06/2025").as_deref(), Some("2025-03-06"));
    }

    #[test]
    fn sentences_are_not_timestamps() {
        assert_eq!(parse_timestamp("The talks began on March 6, 2025 in Doha."), None);
        assert_eq!(parse_timestamp("US confirms direct talks with Hamas"), None);
        assert_eq!(parse_timestamp("2025"), None);
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Jan"), Some(1));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(weekday_number("Wednesday"), Some(2));
    }

    #[test]
    fn year_of_month_without_year() {
        let r = Ymd::new(2025, 3, 6).unwrap();
        assert_eq!(resolve_year(r, 1, false), 2025); // "in January" (past)
        assert_eq!(resolve_year(r, 11, false), 2024); // "in November" (past)
        assert_eq!(resolve_year(r, 1, true), 2026); // "will … in January"
    }
}
