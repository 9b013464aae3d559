//! How many bulletins a site makes: one for every period of
//! `bulletin_period` from its earliest article or observation to its
//! latest. Years are bounded (1900–2100, [`crate::model::period::YEARS`]),
//! and so is the span: more than [`MAX_BULLETINS`] periods is refused,
//! naming the two ends, since it is almost always a typo in one year (a
//! site from 2020 with one `2120-12` would make a bulletin for every month
//! between, for the site and each district).

use crate::diag::messages::Data;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Period, Site};
use jiff::civil::Date;

/// The most bulletin periods a site may span: a hundred years of monthly
/// bulletins.
pub const MAX_BULLETINS: usize = 1200;

/// A dated item and where it was written.
struct End {
    date: Date,
    file: String,
    line: Option<usize>,
}

impl End {
    fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// Refuses a site whose bulletins would span more than [`MAX_BULLETINS`].
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let articles = site.articles.iter().map(|a| End { date: a.date, file: a.file.clone(), line: None });
    let series = site.districts.iter().flat_map(|d| d.series.iter().chain(d.communes.iter().flat_map(|c| &c.series)));
    let observations = series.flat_map(|s| &s.observations).map(|o| End {
        date: o.period.end(),
        file: o.origin.file.clone(),
        line: Some(o.origin.line),
    });
    let (mut first, mut last): (Option<End>, Option<End>) = (None, None);
    for end in articles.chain(observations) {
        if first.as_ref().is_none_or(|f| end.date < f.date) {
            first = Some(End { date: end.date, file: end.file.clone(), line: end.line });
        }
        if last.as_ref().is_none_or(|l| end.date > l.date) {
            last = Some(end);
        }
    }
    let (Some(first), Some(last)) = (first, last) else { return };
    let g = site.settings.bulletin_period;
    let (from, to) = (Period::containing(first.date, g), Period::containing(last.date, g));
    let months =
        (i32::from(to.year) - i32::from(from.year)) * 12 + i32::from(to.end().month()) - i32::from(from.end().month());
    let count = (months / i32::from(from.months())) as usize + 1;
    if count > MAX_BULLETINS {
        let problem = Data::TooManyBulletins {
            from: from.to_string(),
            to: to.to_string(),
            count,
            max: MAX_BULLETINS,
            first: first.place(),
        };
        diags.push(Diagnostic::error(&last.file, last.line.map(|l| Pos::new(l, 1)), problem));
    }
}
