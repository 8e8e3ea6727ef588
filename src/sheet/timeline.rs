//! The timeline: every dated statement, in date order.
//!
//! The parser resolves relative dates ("on Sunday", "yesterday") against the
//! article's timestamp; here they are ordered and grouped by day.

use crate::parser::{Breakdown, DateMention};

use super::format::{date_label, is_relative, IsoDate};
use super::{Claimant, Context};

/// A date mentioned in the article, with the statement it dates.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    /// Index into `Breakdown::dates`.
    pub date: usize,
    pub context: Context,
    pub claimant: Claimant,
}

/// Dates with an ISO form first, earliest first (a year before its months,
/// a month before its days); then the dates that could not be resolved, in
/// text order. Ties keep text order.
pub fn order_timeline(b: &Breakdown, entries: &mut Vec<TimelineEntry>) {
    let mut keys: Vec<(u64, u64)> = entries
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let d = b.dates.get(e.date);
            let day = d.and_then(|d| d.iso.as_deref()).map_or(u64::MAX, date_number);
            let at = d.map_or(u64::from(u32::MAX), |d| d.span.start as u64);
            (day, (at << 32) | k as u64)
        })
        .collect();
    crate::sheet::sort_keys(&mut keys);
    let mut taken: Vec<Option<TimelineEntry>> = std::mem::take(entries).into_iter().map(Some).collect();
    entries
        .extend(keys.into_iter().filter_map(|(_, k)| taken.get_mut((k & 0xffff_ffff) as usize).and_then(Option::take)));
}

/// An ISO date as a number that sorts like the dates: `YYYYMMDD`, with 00
/// for a missing month or day (a year before its months, a month before its
/// days); unreadable ISO strings after every date.
fn date_number(iso: &str) -> u64 {
    match IsoDate::parse(iso) {
        Some(d) => {
            let year = u64::try_from(d.year).unwrap_or(0);
            year * 10_000 + u64::from(d.month.unwrap_or(0)) * 100 + u64::from(d.day.unwrap_or(0))
        }
        None => u64::MAX - 1,
    }
}

/// Consecutive entries on the same date, for display under one date heading.
#[derive(Clone, Debug, PartialEq)]
pub struct DateGroup {
    /// The ISO date shared by the group (`None`: dates that could not be resolved).
    pub iso: Option<String>,
    /// Positions in the entry list given to [`group_by_date`].
    pub entries: Vec<usize>,
}

impl DateGroup {
    /// "Wed 5 Mar 2025", or "Date not resolved".
    pub fn label(&self) -> String {
        self.iso.as_deref().map_or_else(|| "Date not resolved".to_string(), date_label)
    }
}

/// Groups ordered entries by their ISO date.
pub fn group_by_date(b: &Breakdown, entries: &[TimelineEntry]) -> Vec<DateGroup> {
    let mut groups: Vec<DateGroup> = Vec::new();
    for (pos, e) in entries.iter().enumerate() {
        let iso = b.dates.get(e.date).and_then(|d| d.iso.clone());
        match groups.last_mut() {
            Some(g) if g.iso == iso => g.entries.push(pos),
            _ => groups.push(DateGroup { iso, entries: vec![pos] }),
        }
    }
    groups
}

/// For a relative date the parser resolved, how: "“Sunday”, counted from the
/// article's date (Thu 6 Mar 2025)". `None` for dates written out in full.
pub fn resolution_note(b: &Breakdown, date: &DateMention) -> Option<String> {
    if !is_relative(date.kind) || date.iso.is_none() {
        return None;
    }
    let reference = b.meta.timestamp.as_ref().and_then(|t| t.iso.as_deref()).and_then(IsoDate::parse);
    Some(match reference {
        Some(r) => format!("“{}”, counted from the article’s date ({})", date.text.trim(), r.short()),
        None => format!("“{}”, counted from the article’s date", date.text.trim()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{DateKind, Meta, Span, Timestamp};

    fn date(text: &str, start: usize, kind: DateKind, iso: Option<&str>) -> DateMention {
        DateMention {
            text: text.into(),
            span: Span::new(start, start + text.len()),
            kind,
            iso: iso.map(Into::into),
            sentence: 0,
        }
    }

    fn breakdown(dates: Vec<DateMention>) -> Breakdown {
        Breakdown { dates, ..Breakdown::default() }
    }

    fn entry(date: usize) -> TimelineEntry {
        TimelineEntry { date, context: Context::Text, claimant: Claimant::Article }
    }

    #[test]
    fn dates_are_ordered_by_iso_then_unresolved_in_text_order() {
        let b = breakdown(vec![
            date("Wednesday", 10, DateKind::Weekday, Some("2025-03-05")),
            date("last spring", 20, DateKind::Relative, None),
            date("1997", 30, DateKind::Year, Some("1997")),
            date("January", 40, DateKind::Month, Some("2025-01")),
            date("Sunday", 50, DateKind::Weekday, Some("2025-03-02")),
            date("some day", 5, DateKind::Relative, None),
            date("Wednesday", 60, DateKind::Weekday, Some("2025-03-05")),
        ]);
        let mut entries: Vec<TimelineEntry> = (0..7).map(entry).collect();
        order_timeline(&b, &mut entries);
        let order: Vec<usize> = entries.iter().map(|e| e.date).collect();
        // 1997, Jan 2025, Sun 2 Mar, Wed 5 Mar (x2, text order), then "some day" (5) before "last spring" (20).
        assert_eq!(order, [2, 3, 4, 0, 6, 5, 1]);
    }

    #[test]
    fn a_year_comes_before_its_months_and_days() {
        let b = breakdown(vec![
            date("March 3, 2025", 0, DateKind::Day, Some("2025-03-03")),
            date("March", 20, DateKind::Month, Some("2025-03")),
            date("2025", 30, DateKind::Year, Some("2025")),
        ]);
        let mut entries: Vec<TimelineEntry> = (0..3).map(entry).collect();
        order_timeline(&b, &mut entries);
        assert_eq!(entries.iter().map(|e| e.date).collect::<Vec<_>>(), [2, 1, 0]);
    }

    #[test]
    fn entries_on_one_day_are_grouped() {
        let b = breakdown(vec![
            date("Sunday", 0, DateKind::Weekday, Some("2025-03-02")),
            date("Wednesday", 10, DateKind::Weekday, Some("2025-03-05")),
            date("March 5", 20, DateKind::Day, Some("2025-03-05")),
            date("one day", 30, DateKind::Relative, None),
        ]);
        let entries: Vec<TimelineEntry> = (0..4).map(entry).collect();
        let groups = group_by_date(&b, &entries);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].entries, [0]);
        assert_eq!(groups[1].entries, [1, 2]);
        assert_eq!(groups[1].label(), "Wed 5 Mar 2025");
        assert_eq!(groups[2].iso, None);
        assert_eq!(groups[2].label(), "Date not resolved");
    }

    #[test]
    fn relative_dates_explain_their_resolution() {
        let mut b = breakdown(vec![]);
        b.meta = Meta {
            timestamp: Some(Timestamp {
                text: "x".into(),
                span: Span::new(0, 1),
                iso: Some("2025-03-06 03:24:00".into()),
            }),
            ..Meta::default()
        };
        let sunday = date("Sunday", 0, DateKind::Weekday, Some("2025-03-02"));
        assert_eq!(
            resolution_note(&b, &sunday).as_deref(),
            Some("“Sunday”, counted from the article’s date (Thu 6 Mar 2025)")
        );
        assert_eq!(resolution_note(&b, &date("1997", 0, DateKind::Year, Some("1997"))), None);
        assert_eq!(resolution_note(&b, &date("one day", 0, DateKind::Relative, None)), None);
    }
}
