//! Words and numbers for people: counts, dates, timestamps and the labels of
//! the parser's enums, shared by the app and the Markdown export.

use crate::calendar::{month_name, Date, Weekday};
use crate::parser::{DateKind, FactKind, FigureKind, PartyKind, Timestamp};

/// `n` with thousands separators: `1234` -> `"1,234"`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count with its noun: `"1 quote"`, `"9 quotes"`, `"1,204 words"`.
pub fn count_label(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// A section's count: `"9 quotes"`, or `"3 of 9 quotes"` while filtered.
pub fn shown_of(shown: usize, total: usize, one: &str, many: &str) -> String {
    if shown == total {
        count_label(total, one, many)
    } else {
        format!("{} of {}", thousands(shown), count_label(total, one, many))
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// A date (or date and time) read from the parser's ISO strings:
/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Hours and minutes.
    pub time: Option<(u32, u32)>,
}

fn number<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

impl From<Date> for IsoDate {
    fn from(date: Date) -> IsoDate {
        IsoDate { year: date.year(), month: Some(date.month()), day: Some(date.day()), time: None }
    }
}

impl IsoDate {
    /// Reads an ISO date; `None` for anything else (including impossible dates).
    pub fn parse(iso: &str) -> Option<IsoDate> {
        let iso = iso.trim();
        let (date, time) = match iso.split_once([' ', 'T']) {
            Some((d, t)) => (d, Some(t)),
            None => (iso, None),
        };
        let mut parts = date.split('-');
        let year: i32 = number(parts.next()?, 4)?;
        let month: Option<u32> = parts.next().map(|m| number(m, 2)).map_or(Some(None), |m| m.map(Some))?;
        let day: Option<u32> = parts.next().map(|d| number(d, 2)).map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() {
            return None;
        }
        let exists = match (month, day) {
            (Some(m), Some(d)) => Date::new(year, m, d).is_some(),
            (Some(m), None) => month_name(m).is_some(),
            _ => true,
        };
        if !exists {
            return None;
        }
        let time = match time {
            None => None,
            Some(t) => {
                let mut hm = t.split(':');
                let h: u32 = number(hm.next()?, 2)?;
                let m: u32 = number(hm.next()?, 2)?;
                if h > 23 || m > 59 || day.is_none() {
                    return None;
                }
                Some((h, m))
            }
        };
        Some(IsoDate { year, month, day, time })
    }

    /// The full date, when month and day are known.
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }

    /// Day of the week of a full date.
    pub fn weekday(&self) -> Option<Weekday> {
        self.date().map(Date::weekday)
    }

    /// "Wednesday 5 March 2025", "January 2025", "1997".
    pub fn long(&self) -> String {
        match (self.date(), self.month.and_then(month_name)) {
            (Some(d), _) => format!("{} {} {} {}", d.weekday().name(), d.day(), d.month_name(), d.year()),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// "Wed 5 Mar 2025", "Jan 2025", "1997".
    pub fn short(&self) -> String {
        match (self.date(), self.month.and_then(month_name)) {
            (Some(d), _) => {
                format!("{} {} {} {}", &d.weekday().name()[..3], d.day(), &d.month_name()[..3], d.year())
            }
            (None, Some(month)) => format!("{} {}", &month[..3], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// The short human form of an ISO date, or the ISO string itself when it
/// cannot be read.
pub fn date_label(iso: &str) -> String {
    IsoDate::parse(iso).map_or_else(|| iso.to_string(), |d| d.short())
}

/// When the article was published, for people: "Thursday 6 March 2025, 03:24"
/// (falls back to the text as written).
pub fn timestamp_label(ts: &Timestamp) -> String {
    match ts.iso.as_deref().and_then(IsoDate::parse) {
        Some(d) => match d.time {
            Some((h, m)) => format!("{}, {:02}:{:02}", d.long(), h, m),
            None => d.long(),
        },
        None => ts.text.trim().to_string(),
    }
}

pub fn party_kind_label(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Country => "Country",
        PartyKind::International => "International body",
        PartyKind::ArmedGroup => "Armed group",
        PartyKind::Organisation => "Organisation",
        PartyKind::Media => "Media",
        PartyKind::Company => "Company",
        PartyKind::PoliticalParty => "Political party",
        PartyKind::GovernmentBody => "Government body",
        PartyKind::Other => "Other actor",
    }
}

pub fn fact_kind_label(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Fact => "Fact",
        FactKind::Reported => "Reported",
        FactKind::Commentary => "Commentary",
    }
}

pub fn figure_kind_label(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Count => "count",
        FigureKind::Percent => "percentage",
        FigureKind::Money => "money",
        FigureKind::Duration => "duration",
        FigureKind::Year => "year",
        FigureKind::Date => "date",
        FigureKind::Ordinal => "ordinal",
        FigureKind::Measure => "measure",
    }
}

/// Whether a date was worked out from the article's own date ("on Sunday").
pub fn is_relative(kind: DateKind) -> bool {
    matches!(kind, DateKind::Weekday | DateKind::Relative)
}

/// [`party_kind_label`] in lower case, for running text ("armed group").
pub fn party_kind_word(kind: PartyKind) -> &'static str {
    match kind {
        PartyKind::Country => "country",
        PartyKind::International => "international body",
        PartyKind::ArmedGroup => "armed group",
        PartyKind::Organisation => "organisation",
        PartyKind::Media => "media",
        PartyKind::Company => "company",
        PartyKind::PoliticalParty => "political party",
        PartyKind::GovernmentBody => "government body",
        PartyKind::Other => "other actor",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::Span;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn counts_use_singular_for_one() {
        assert_eq!(count_label(1, "quote", "quotes"), "1 quote");
        assert_eq!(count_label(0, "quote", "quotes"), "0 quotes");
        assert_eq!(count_label(1204, "word", "words"), "1,204 words");
    }

    #[test]
    fn section_counts_say_when_they_are_filtered() {
        assert_eq!(shown_of(9, 9, "quote", "quotes"), "9 quotes");
        assert_eq!(shown_of(3, 9, "quote", "quotes"), "3 of 9 quotes");
        assert_eq!(shown_of(0, 1, "fact", "facts"), "0 of 1 fact");
        assert_eq!(shown_of(1500, 2000, "date", "dates"), "1,500 of 2,000 dates");
    }

    #[test]
    fn names_are_joined_with_and() {
        assert_eq!(join_names::<&str>(&[]), "");
        assert_eq!(join_names(&["France"]), "France");
        assert_eq!(join_names(&["France", "Germany"]), "France and Germany");
        assert_eq!(join_names(&["France", "United Kingdom", "Germany"]), "France, United Kingdom and Germany");
    }

    #[test]
    fn iso_dates_of_every_precision() {
        assert_eq!(IsoDate::parse("1997"), Some(IsoDate { year: 1997, month: None, day: None, time: None }));
        assert_eq!(IsoDate::parse("2025-01"), Some(IsoDate { year: 2025, month: Some(1), day: None, time: None }));
        assert_eq!(
            IsoDate::parse("2025-03-06 03:24:00"),
            Some(IsoDate { year: 2025, month: Some(3), day: Some(6), time: Some((3, 24)) })
        );
        assert_eq!(IsoDate::parse("2025-03-06T17:05").and_then(|d| d.time), Some((17, 5)));
    }

    #[test]
    fn impossible_or_odd_dates_are_refused() {
        for bad in [
            "",
            "97",
            "2025-13",
            "2025-02-30",
            "2023-02-29",
            "2025-1-5",
            "2025-03-06 25:00",
            "March 2025",
            "2025-03-06-01",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad:?}");
        }
        assert!(IsoDate::parse("2024-02-29").is_some(), "2024 is a leap year");
        assert!(IsoDate::parse("2000-02-29").is_some(), "2000 is a leap year");
        assert!(IsoDate::parse("1900-02-29").is_none(), "1900 is not");
    }

    #[test]
    fn weekdays_of_known_dates() {
        // 6 March 2025 was a Thursday; 1 January 2000 a Saturday; 29 Feb 2024 a Thursday.
        assert_eq!(IsoDate::parse("2025-03-06").and_then(|d| d.weekday()), Some(Weekday::Thursday));
        assert_eq!(IsoDate::parse("2000-01-01").and_then(|d| d.weekday()), Some(Weekday::Saturday));
        assert_eq!(IsoDate::parse("2024-02-29").and_then(|d| d.weekday()), Some(Weekday::Thursday));
        assert_eq!(IsoDate::parse("2025-03").and_then(|d| d.weekday()), None);
    }

    #[test]
    fn date_labels() {
        assert_eq!(date_label("2025-03-05"), "Wed 5 Mar 2025");
        assert_eq!(date_label("2025-01"), "Jan 2025");
        assert_eq!(date_label("1997"), "1997");
        assert_eq!(date_label("sometime"), "sometime");
        assert_eq!(IsoDate::parse("2025-03-02").map(|d| d.long()).as_deref(), Some("Sunday 2 March 2025"));
    }

    #[test]
    fn timestamps_read_like_a_newspaper() {
        let ts = |text: &str, iso: Option<&str>| Timestamp {
            text: text.into(),
            span: Span::new(0, text.len()),
            iso: iso.map(Into::into),
        };
        assert_eq!(
            timestamp_label(&ts("2025-03-06 03:24:00", Some("2025-03-06 03:24:00"))),
            "Thursday 6 March 2025, 03:24"
        );
        assert_eq!(timestamp_label(&ts("March 6, 2025", Some("2025-03-06"))), "Thursday 6 March 2025");
        assert_eq!(timestamp_label(&ts(" Updated: yesterday ", None)), "Updated: yesterday");
    }

    #[test]
    fn party_kind_words_are_the_labels_in_lower_case() {
        for kind in [
            PartyKind::Country,
            PartyKind::International,
            PartyKind::ArmedGroup,
            PartyKind::Organisation,
            PartyKind::Media,
            PartyKind::Company,
            PartyKind::PoliticalParty,
            PartyKind::GovernmentBody,
            PartyKind::Other,
        ] {
            assert_eq!(party_kind_word(kind), party_kind_label(kind).to_lowercase(), "{kind:?}");
        }
    }
}
