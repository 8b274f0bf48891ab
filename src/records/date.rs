//! Partial dates: a day, a month or a year may be unknown, and the ordering says so.
//!
//! Articles often give "Sáng 28-12" with no year; the extractor then writes "--12-28". Such a date
//! is not "before" or "after" a dated one: [`PartialDate::cmp_known`] answers `None` rather than
//! guess. For display a total order is still needed ([`PartialDate::sort_key`]): dated facts in
//! chronological order, coarser dates before finer ones within their span, and undated-year facts
//! after every dated one.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// "2021": the year only.
    Year,
    /// "2021-12": year and month.
    Month,
    /// "2021-12-28": the full date.
    Day,
    /// "--12-28": month and day, the year cannot be known.
    MonthDayNoYear,
}

/// A calendar date of which only some parts may be known.
///
/// Invariants (enforced by [`PartialDate::parse`] and the constructors): a day implies a month;
/// without a year there is always a month and a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// A full date, if it exists on the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        (valid_year(year) && day >= 1 && day <= days_in_month(Some(year), month)?).then_some(
            PartialDate {
                year: Some(year),
                month: Some(month),
                day: Some(day),
            },
        )
    }

    /// A month of a year.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (valid_year(year) && (1..=12).contains(&month)).then_some(PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        })
    }

    /// A year.
    pub fn y(year: i32) -> Option<Self> {
        valid_year(year).then_some(PartialDate {
            year: Some(year),
            month: None,
            day: None,
        })
    }

    /// A month and day whose year is unknown ("--MM-DD").
    pub fn md(month: u8, day: u8) -> Option<Self> {
        (day >= 1 && day <= days_in_month(None, month)?).then_some(PartialDate {
            year: None,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Reads "YYYY-MM-DD", "YYYY-MM", "YYYY" or "--MM-DD". Anything else, or a date that is not
    /// on the calendar, is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-')?;
            return Self::md(num(m, 2)? as u8, num(d, 2)? as u8);
        }
        let mut parts = s.split('-');
        let y = num(parts.next()?, 4)? as i32;
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Self::y(y),
            (Some(m), None, _) => Self::ym(y, num(m, 2)? as u8),
            (Some(m), Some(d), None) => Self::ymd(y, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => None,
        }
    }

    pub fn year(&self) -> Option<i32> {
        self.year
    }
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    pub fn precision(&self) -> Precision {
        match (self.year, self.month, self.day) {
            (None, _, _) => Precision::MonthDayNoYear,
            (Some(_), None, _) => Precision::Year,
            (Some(_), Some(_), None) => Precision::Month,
            (Some(_), Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The ISO 8601 form: "2021-12-28", "2021-12", "2021" or "--12-28".
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// The first and last day this date may stand for, as day numbers, when the year is known.
    pub(crate) fn span(&self) -> Option<(i64, i64)> {
        let y = self.year?;
        let (m0, m1) = match self.month {
            Some(m) => (m, m),
            None => (1, 12),
        };
        let d0 = self.day.unwrap_or(1);
        let d1 = match self.day {
            Some(d) => d,
            None => days_in_month(Some(y), m1)?,
        };
        Some((day_number(y, m0, d0), day_number(y, m1, d1)))
    }

    /// The order of two dates where the known parts decide it: `Some(Less)` when `self` is
    /// certainly earlier, `Some(Equal)` when both name the same day, month or year at the same
    /// precision, `None` when they overlap ("2021" and "2021-05") or a year is unknown.
    pub fn cmp_known(&self, other: &PartialDate) -> Option<Ordering> {
        if self == other && self.year.is_some() {
            return Some(Ordering::Equal);
        }
        let (a0, a1) = self.span()?;
        let (b0, b1) = other.span()?;
        if a1 < b0 {
            Some(Ordering::Less)
        } else if b1 < a0 {
            Some(Ordering::Greater)
        } else {
            None
        }
    }

    /// `self` is certainly before `other`.
    pub fn before(&self, other: &PartialDate) -> bool {
        self.cmp_known(other) == Some(Ordering::Less)
    }

    /// A total order for display, consistent with [`PartialDate::cmp_known`] wherever that
    /// decides: dated values by their first possible day (a year before its months, a month
    /// before its days), then every date without a year, by month and day.
    pub fn sort_key(&self) -> (u8, i64, u8) {
        match self.span() {
            Some((first, _)) => (0, first, self.precision() as u8),
            None => (
                1,
                i64::from(self.month.unwrap_or(0)) * 100 + i64::from(self.day.unwrap_or(0)),
                0,
            ),
        }
    }
}

/// The latest of `dates` whose year is known, or, when none is, the latest without a year: a
/// "--09-07" cannot be said to come after "2023-12-14", so it must not stand as the last date.
pub fn latest(dates: impl IntoIterator<Item = PartialDate>) -> Option<PartialDate> {
    dates.into_iter().max_by_key(|d| (d.year().is_some(), *d))
}

impl Ord for PartialDate {
    /// The display order of [`PartialDate::sort_key`].
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), _, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            // Unreachable by construction; written out so that Display never panics.
            (None, _, _) => f.write_str(""),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a date (YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD)"
            ))
        })
    }
}

fn valid_year(y: i32) -> bool {
    (1000..=9999).contains(&y)
}

/// Exactly `width` ASCII digits.
fn num(s: &str, width: usize) -> Option<u32> {
    (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in `month`; with no year, February has 29 (the date may fall in a leap year).
fn days_in_month(year: Option<i32>, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => return None,
    })
}

/// Days since 0000-03-01 (civil-from-days inverse), for comparing spans.
fn day_number(y: i32, m: u8, d: u8) -> i64 {
    let (y, m) = if m <= 2 {
        (i64::from(y) - 1, i64::from(m) + 9)
    } else {
        (i64::from(y), i64::from(m) - 3)
    };
    365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        + (153 * m + 2) / 5
        + i64::from(d)
        - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for (text, precision) in [
            ("2021-12-28", Precision::Day),
            ("2021-12", Precision::Month),
            ("2021", Precision::Year),
            ("--12-28", Precision::MonthDayNoYear),
            ("--02-29", Precision::MonthDayNoYear),
            ("2024-02-29", Precision::Day),
        ] {
            let d = PartialDate::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.precision(), precision, "{text}");
            assert_eq!(d.iso(), text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2021-13",
            "2021-02-30",
            "2023-02-29",
            "--13-01",
            "--04-31",
            "21-12-28",
            "2021-1-5",
            "2021-12-28-1",
            "abcd",
            "２０２１",
            "--12",
            "0999",
        ] {
            assert_eq!(PartialDate::parse(text), None, "{text}");
        }
    }

    #[test]
    fn orders_only_what_is_known() {
        let d = |s| PartialDate::parse(s).unwrap();
        for (a, b, want) in [
            ("2021-12-28", "2022-01-01", Some(Less)),
            ("2021-12-28", "2021-12-28", Some(Equal)),
            ("2021", "2022-01", Some(Less)),
            ("2021", "2021-05", None),
            ("2021-05", "2021-05-10", None),
            ("2021-05", "2021-06-01", Some(Less)),
            ("--12-28", "2021-12-28", None),
            ("--01-01", "--12-28", None),
            ("--01-01", "--01-01", None),
            ("2022", "2021-12-31", Some(Greater)),
        ] {
            assert_eq!(d(a).cmp_known(&d(b)), want, "{a} vs {b}");
        }
    }

    #[test]
    fn display_order_puts_undated_years_last() {
        let mut dates: Vec<_> = [
            "--01-02",
            "2021-05-10",
            "2021",
            "2020-12",
            "2021-05",
            "--01-01",
        ]
        .iter()
        .map(|s| PartialDate::parse(s).unwrap())
        .collect();
        dates.sort();
        let got: Vec<_> = dates.iter().map(|d| d.iso()).collect();
        assert_eq!(
            got,
            [
                "2020-12",
                "2021",
                "2021-05",
                "2021-05-10",
                "--01-01",
                "--01-02"
            ]
        );
    }
}

#[cfg(test)]
mod latest_tests {
    use super::{latest, PartialDate};

    #[test]
    fn a_date_without_a_year_is_not_the_latest_of_dated_ones() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(
            latest([d("2023-12-14"), d("--09-07")]),
            Some(d("2023-12-14"))
        );
        assert_eq!(latest([d("--01-09"), d("--09-07")]), Some(d("--09-07")));
        assert_eq!(latest([]), None);
    }
}
