//! The crate's one calendar: valid dates of the proleptic Gregorian calendar,
//! counted in days since 1970-01-01, with their weekdays and English names.
//!
//! The parser resolves "on Sunday" against an article's date with it, the
//! fact sheet writes dates for people with it, and the notes tell when an
//! article was last opened. The arithmetic is the `time` crate's (chosen over
//! a hand-written civil-date algorithm: same wasm size, measured, and one less
//! thing of our own to get right); this module gives it the shape the app
//! needs (plain `u32` months, English names) and never fails: day counts
//! outside `time`'s years −9999 to 9999 are clamped to them.

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub fn days_from_monday(self) -> u32 {
        self as u32
    }

    /// "Monday", "Tuesday", …
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// The English name of `month` (1–12).
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTH_NAMES.get(usize::try_from(month).ok()?.checked_sub(1)?).copied()
}

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// A date that exists: 1 ≤ month ≤ 12, 1 ≤ day ≤ the month's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// The date, if it exists (`2025-02-29` does not) and lies within years −9999 to 9999.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
        time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok().map(Date)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// 1 for January … 12 for December.
    pub fn month(self) -> u32 {
        u32::from(u8::from(self.0.month()))
    }

    pub fn day(self) -> u32 {
        u32::from(self.0.day())
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        i64::from(self.0.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY
    }

    /// The date `days` after 1970-01-01 (clamped to years −9999 to 9999).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let first = i64::from(time::Date::MIN.to_julian_day());
        let last = i64::from(time::Date::MAX.to_julian_day());
        let julian_day = days.saturating_add(UNIX_EPOCH_JULIAN_DAY).clamp(first, last);
        Date(
            i32::try_from(julian_day).ok().and_then(|d| time::Date::from_julian_day(d).ok()).unwrap_or(time::Date::MIN),
        )
    }

    pub fn weekday(self) -> Weekday {
        WEEKDAYS[usize::from(self.0.weekday().number_days_from_monday())]
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// The English name of the month.
    pub fn month_name(self) -> &'static str {
        MONTH_NAMES[self.month() as usize - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).expect("a real date")
    }

    #[test]
    fn only_real_dates_exist() {
        assert!(Date::new(2024, 2, 29).is_some(), "2024 is a leap year");
        assert!(Date::new(2000, 2, 29).is_some(), "so is 2000");
        assert!(Date::new(1900, 2, 29).is_none(), "1900 is not");
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(10_000, 1, 1).is_none(), "beyond the years kept");
        for (y, m, d) in [(2025, 0, 1), (2025, 13, 1), (2025, 4, 31), (2025, 1, 0), (2025, 1, 32)] {
            assert_eq!(Date::new(y, m, d), None, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn days_since_the_epoch_of_known_dates() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        // 2025-03-06 03:24 UTC is 1,741,231,440 seconds after the epoch.
        assert_eq!(date(2025, 3, 6).days_since_epoch(), 1_741_231_440 / 86_400);
        assert_eq!(Date::from_days_since_epoch(20_153), date(2025, 3, 6));
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(date(2025, 3, 6).weekday(), Weekday::Thursday);
        assert_eq!(date(2000, 1, 1).weekday(), Weekday::Saturday);
        assert_eq!(date(2024, 2, 29).weekday(), Weekday::Thursday);
        assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(date(1899, 12, 31).weekday(), Weekday::Sunday);
        assert_eq!(Weekday::Sunday.days_from_monday(), 6);
        assert_eq!(Weekday::Wednesday.name(), "Wednesday");
    }

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        assert_eq!(date(2025, 3, 6).add_days(-4), date(2025, 3, 2));
        assert_eq!(date(2024, 2, 28).add_days(1), date(2024, 2, 29));
        assert_eq!(date(2025, 2, 28).add_days(1), date(2025, 3, 1));
        assert_eq!(date(2024, 12, 31).add_days(1), date(2025, 1, 1));
        assert_eq!(date(2025, 1, 1).add_days(-1), date(2024, 12, 31));
        assert_eq!(date(2025, 3, 6).iso(), "2025-03-06");
        assert_eq!(date(987, 1, 2).iso(), "0987-01-02");
    }

    #[test]
    fn names() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!((month_name(0), month_name(13)), (None, None));
        assert_eq!(date(2025, 3, 6).month_name(), "March");
    }

    proptest! {
        #[test]
        fn day_counts_round_trip(days in -4_000_000i64..2_900_000) {
            let d = Date::from_days_since_epoch(days);
            prop_assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d));
            prop_assert_eq!(d.days_since_epoch(), days);
            prop_assert_eq!(d.add_days(1).days_since_epoch(), days + 1);
        }

        #[test]
        fn extreme_day_counts_are_clamped(days in any::<i64>(), n in any::<i64>()) {
            let d = Date::from_days_since_epoch(days);
            prop_assert!((-9999..=9999).contains(&d.year()));
            let _ = (d.weekday(), d.iso(), d.add_days(n));
        }
    }
}
