//! Periods of observations: `YYYY`, `YYYY-Hn`, `YYYY-Qn`, `YYYY-MM`, and
//! (FORMAT v2) `YYYY-YTDn`, January to the end of month n: the *n tháng đầu
//! năm* of socio-economic reports.
//!
//! A period is ordered by its last day ("as of the end of October 2022");
//! periods that end on the same day are ordered longest first, so a year
//! comes before its fourth quarter and its December, and nine months to
//! date before the third quarter.

use jiff::civil::Date;
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// January to the end of month `index` (never a bulletin period).
    #[serde(rename = "ytd")]
    YearToDate,
    Year,
    Half,
    Quarter,
    Month,
}

impl Granularity {
    /// The length of a step of this granularity (a year to date grows a
    /// month at a time).
    fn months(self) -> i8 {
        match self {
            Granularity::YearToDate => 1,
            Granularity::Year => 12,
            Granularity::Half => 6,
            Granularity::Quarter => 3,
            Granularity::Month => 1,
        }
    }
}

/// A period of time an observation or a bulletin covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i16,
    pub granularity: Granularity,
    /// 1 for a year; the half, quarter or month number otherwise.
    pub index: i8,
}

/// The years of periods and dates bantin takes: a typo such as `9999-12`
/// would otherwise make a bulletin for every month until then.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Whether a date's year is in [`YEARS`].
pub fn date_in_range(date: Date) -> bool {
    YEARS.contains(&date.year())
}

/// Why a period could not be read (worded in [`crate::diag::messages`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    NotAPeriod {
        text: String,
    },
    /// A year outside [`YEARS`].
    YearOutside {
        text: String,
        year: i16,
    },
    OutOfRange {
        text: String,
        granularity: Granularity,
        max: i8,
    },
}

impl Period {
    /// The same period a year earlier (`2023-Q4` → `2022-Q4`).
    pub fn year_before(self) -> Period {
        Period::new(self.year - 1, self.granularity, self.index)
    }

    /// Whether this period ends within the bulletin period `b`.
    pub fn ends_within(self, b: Period) -> bool {
        self.end() >= b.start() && self.end() <= b.end()
    }

    pub fn year(year: i16) -> Period {
        Period { year, granularity: Granularity::Year, index: 1 }
    }

    pub fn new(year: i16, granularity: Granularity, index: i8) -> Period {
        Period { year, granularity, index }
    }

    /// Reads `2023`, `2023-H1`, `2023-Q3`, `2023-10` or `2023-YTD9`.
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let bad = || PeriodError::NotAPeriod { text: s.to_string() };
        let (year_text, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i16 = year_text.parse().map_err(|_| bad())?;
        if !YEARS.contains(&year) {
            return Err(PeriodError::YearOutside { text: s.to_string(), year });
        }
        let Some(rest) = rest else {
            return Ok(Period::year(year));
        };
        let ytd = rest.get(..3).filter(|p| p.eq_ignore_ascii_case("ytd")).map(|_| &rest[3..]);
        let (granularity, digits, max) = match rest.as_bytes().first() {
            _ if ytd.is_some() => (Granularity::YearToDate, ytd.unwrap_or_default(), 12),
            Some(b'H' | b'h') => (Granularity::Half, &rest[1..], 2),
            Some(b'Q' | b'q') => (Granularity::Quarter, &rest[1..], 4),
            Some(b'0'..=b'9') if rest.len() == 2 => (Granularity::Month, rest, 12),
            _ => return Err(bad()),
        };
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let index: i8 = digits.parse().map_err(|_| bad())?;
        if index < 1 || index > max {
            return Err(PeriodError::OutOfRange { text: s.to_string(), granularity, max });
        }
        Ok(Period::new(year, granularity, index))
    }

    /// The first month (1..=12) the period covers.
    fn first_month(self) -> i8 {
        match self.granularity {
            Granularity::YearToDate => 1,
            g => (self.index - 1) * g.months() + 1,
        }
    }

    /// How many months the period covers.
    pub fn months(self) -> i8 {
        self.last_month() - self.first_month() + 1
    }

    /// The last month (1..=12) the period covers.
    fn last_month(self) -> i8 {
        self.index * self.granularity.months()
    }

    /// The first day of the period.
    pub fn start(self) -> Date {
        Date::new(self.year, self.first_month(), 1).expect("valid month")
    }

    /// The last day of the period: what "as of" an observation means.
    pub fn end(self) -> Date {
        Date::new(self.year, self.last_month(), 1).expect("valid month").last_of_month()
    }

    /// The period of `granularity` that contains `date`.
    pub fn containing(date: Date, granularity: Granularity) -> Period {
        let index = (date.month() - 1) / granularity.months() + 1;
        Period::new(date.year(), granularity, index)
    }

    /// The next period of the same length.
    pub fn next(self) -> Period {
        let count = 12 / self.granularity.months();
        if self.index >= count {
            Period::new(self.year + 1, self.granularity, 1)
        } else {
            Period::new(self.year, self.granularity, self.index + 1)
        }
    }

    /// The canonical text (`2023`, `2023-H1`, `2023-Q3`, `2023-10`,
    /// `2023-YTD9`), also the
    /// folder name of its bulletin.
    pub fn key(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Year => write!(f, "{}", self.year),
            Granularity::Half => write!(f, "{}-H{}", self.year, self.index),
            Granularity::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            Granularity::Month => write!(f, "{}-{:02}", self.year, self.index),
            Granularity::YearToDate => write!(f, "{}-YTD{}", self.year, self.index),
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        let longest_first = other.months().cmp(&self.months());
        self.end().cmp(&other.end()).then(longest_first).then(self.granularity.cmp(&other.granularity))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn parses_all_forms() {
        assert_eq!(p("2023"), Period::year(2023));
        assert_eq!(p("2023-H2"), Period::new(2023, Granularity::Half, 2));
        assert_eq!(p("2023-Q3"), Period::new(2023, Granularity::Quarter, 3));
        assert_eq!(p("2022-10"), Period::new(2022, Granularity::Month, 10));
        assert_eq!(p("2022-10").to_string(), "2022-10");
        assert_eq!(p("2023-q1").to_string(), "2023-Q1");
    }

    #[test]
    fn rejects_bad_periods() {
        for bad in ["23", "2023-13", "2023-Q5", "2023-H3", "2023-Q0", "2023-1", "2023-", "abcd", "2023-10-01", "1800"] {
            assert!(Period::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn ends_and_order() {
        assert_eq!(p("2022-10").end(), date(2022, 10, 31));
        assert_eq!(p("2024-02").end(), date(2024, 2, 29));
        assert_eq!(p("2023-H1").end(), date(2023, 6, 30));
        assert_eq!(p("2023-Q3").start(), date(2023, 7, 1));
        let mut v = [p("2023-12"), p("2023-Q4"), p("2023"), p("2023-H1"), p("2022-11")];
        v.sort();
        let keys: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(keys, ["2022-11", "2023-H1", "2023", "2023-Q4", "2023-12"]);
    }

    #[test]
    fn a_year_to_date_runs_from_january_and_comes_before_shorter_periods_ending_with_it() {
        assert_eq!(p("2023-YTD9"), Period::new(2023, Granularity::YearToDate, 9));
        assert_eq!(p("2023-ytd9").to_string(), "2023-YTD9");
        assert_eq!((p("2023-YTD9").start(), p("2023-YTD9").end()), (date(2023, 1, 1), date(2023, 9, 30)));
        assert_eq!(p("2024-YTD2").end(), date(2024, 2, 29));
        assert_eq!(p("2023-YTD9").months(), 9);
        let mut v =
            [p("2023-09"), p("2023-Q3"), p("2023-YTD9"), p("2023-YTD12"), p("2023"), p("2023-YTD6"), p("2023-H1")];
        v.sort();
        let keys: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(keys, ["2023-YTD6", "2023-H1", "2023-YTD9", "2023-Q3", "2023-09", "2023-YTD12", "2023"]);
        for bad in ["2023-YTD0", "2023-YTD13", "2023-YTD", "2023-YTDx", "2023-YTD010"] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(p("2023-YTD9").year_before(), p("2022-YTD9"));
    }

    #[test]
    fn containing_and_next() {
        assert_eq!(Period::containing(date(2024, 1, 6), Granularity::Quarter), p("2024-Q1"));
        assert_eq!(Period::containing(date(2023, 11, 28), Granularity::Month), p("2023-11"));
        assert_eq!(p("2023-Q4").next(), p("2024-Q1"));
        assert_eq!(p("2023-12").next(), p("2024-01"));
        assert_eq!(p("2023").next(), p("2024"));
    }
}
