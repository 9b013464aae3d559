//! Periods: which period a figure is for, from the words near it.
//!
//! A paragraph's period phrases are found first ([`mentions`]); a figure
//! then takes the nearest one before it in its sentence, else the nearest
//! after it in its sentence, else the last one of an earlier sentence of its
//! paragraph, else the article's own period ([`Fallback`]).

use super::*;

/// A period phrase of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The phrase as written (`6 tháng đầu năm 2024`).
    pub(super) text: String,
    /// `2024-H1`; `None` for `đến nay`, `hiện nay`: the article's date.
    pub(super) period: Option<String>,
    /// `n tháng đầu năm`: counted from January.
    pub(super) to_date: bool,
}

/// What a figure without a period phrase near it is for.
pub(super) struct Fallback {
    /// The article's date.
    pub(super) date: Option<Date>,
    /// The year a year-end summary reviews (`tổng kết … năm 2023` in the
    /// title or the first paragraph that has one), when the article is one.
    pub(super) summary: Option<i16>,
}

impl Fallback {
    /// The year-end summary's year counts when the article has no date, or
    /// is dated from November of that year to March of the next.
    pub(super) fn new(date: Option<Date>, title: &str, paragraphs: &[&str]) -> Fallback {
        let summary = std::iter::once(title)
            .chain(paragraphs.iter().copied())
            .find_map(|p| summary_year(&p.chars().collect::<Vec<char>>()));
        let fits =
            |y: i16| date.is_none_or(|d| (d.year() == y && d.month() >= 11) || (d.year() == y + 1 && d.month() <= 3));
        Fallback { date, summary: summary.filter(|&y| fits(y)) }
    }

    fn month(&self) -> Option<String> {
        self.date.map(|d| format!("{:04}-{:02}", d.year(), d.month()))
    }

    fn article(&self) -> Period {
        if let Some(y) = self.summary {
            return Period {
                value: Some(y.to_string()),
                from: format!("the year the summary reviews (tổng kết … {y})"),
                named: true,
                to_date: false,
            };
        }
        match self.month() {
            Some(m) => Period { value: Some(m), from: "the article's date".to_string(), ..Period::default() },
            None => {
                Period { value: None, from: "none found, and the article has no date".to_string(), ..Period::default() }
            }
        }
    }

    fn now(&self, phrase: &str) -> Period {
        match self.month() {
            Some(m) => {
                Period { value: Some(m), from: format!("\"{phrase}\": the article's date"), ..Period::default() }
            }
            None => Period {
                value: None,
                from: format!("\"{phrase}\": the article's date, which is unknown"),
                ..Period::default()
            },
        }
    }
}

/// The period of the figure at `start..end` of paragraph `s`.
pub(super) fn period_for(s: &[char], found: &[Mention], (start, end): (usize, usize), fallback: &Fallback) -> Period {
    let (from, to) = sentence_bounds(s, start);
    let before = found.iter().rfind(|m| m.start >= from && m.end <= start);
    let after = found.iter().find(|m| m.start >= end && m.end <= to);
    let (m, place) = match (before, after) {
        (Some(m), _) | (None, Some(m)) => (m, ""),
        (None, None) => match found.iter().rfind(|m| m.end <= from) {
            Some(m) => (m, ", earlier in the paragraph"),
            None => return fallback.article(),
        },
    };
    match &m.period {
        Some(p) => {
            Period { value: Some(p.clone()), from: format!("\"{}\"{place}", m.text), named: true, to_date: m.to_date }
        }
        None => fallback.now(&m.text),
    }
}

/// The sentence around `i`: from after the last `.`, `!`, `?` or `…`
/// followed by a space, to the next one (or the ends of the paragraph).
pub(super) fn sentence_bounds(s: &[char], i: usize) -> (usize, usize) {
    bounds(s, i, &['.', '!', '?', '…'])
}

/// The clause around `i`: a sentence, also cut at `;`.
pub(super) fn clause_bounds(s: &[char], i: usize) -> (usize, usize) {
    bounds(s, i, &['.', '!', '?', '…', ';'])
}

fn bounds(s: &[char], i: usize, stops: &[char]) -> (usize, usize) {
    let ends_here = |k: usize| stops.contains(&s[k]) && (s[k] == ';' || s.get(k + 1).is_none_or(|&c| c == ' '));
    let from = (0..i.min(s.len())).rev().find(|&k| ends_here(k)).map_or(0, |k| k + 1);
    let to = (i..s.len()).find(|&k| ends_here(k)).unwrap_or(s.len());
    (from, to)
}

/// The period phrases of a paragraph, in order; `year` (the article's)
/// completes phrases without one (`10 tháng đầu năm`, `cuối năm`).
pub(super) fn mentions(s: &[char], year: Option<i16>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if i > 0 && s[i - 1].is_alphanumeric() {
            i += 1;
            continue;
        }
        match mention_at(s, i, year) {
            Some((end, period)) => {
                if period.is_none() || !compared(s, i) {
                    // `n tháng cuối năm` is H2 or Q4: not from January.
                    let to_date =
                        months_of_year(s, i, year).is_some_and(|(_, p)| !p.ends_with("H2") && !p.ends_with("Q4"));
                    out.push(Mention { start: i, end, text: text(s, i, end), period, to_date });
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A period phrase at `i`: its end and its period (`None` for `đến nay`).
fn mention_at(s: &[char], i: usize, year: Option<i16>) -> Option<(usize, Option<String>)> {
    if let Some(end) = NOW_WORDS.iter().find_map(|w| whole_at(s, i, w)) {
        return Some((end, None));
    }
    let found = months_of_year(s, i, year)
        .or_else(|| quarter(s, i, year))
        .or_else(|| month(s, i))
        .or_else(|| whole_year(s, i))
        .or_else(|| this_year(s, i, year))?;
    Some((found.0, Some(found.1)))
}

/// `10 tháng đầu năm 2022` (2022-10), `6 tháng đầu năm` (H1), `6 tháng
/// cuối năm 2023` (H2), `3 tháng đầu năm` (Q1), `12 tháng` (the year).
fn months_of_year(s: &[char], i: usize, year: Option<i16>) -> Option<(usize, String)> {
    let (n, j) = read_int(s, i, 2)?;
    let (first, k) = match (whole_at(s, j, " tháng đầu năm"), whole_at(s, j, " tháng cuối năm")) {
        (Some(k), _) => (true, k),
        (_, Some(k)) => (false, k),
        _ => return None,
    };
    let (y, end) = year_after(s, k).or_else(|| year.map(|y| (y, k)))?;
    let period = match (first, n) {
        (true, 3) => format!("{y}-Q1"),
        (true, 6) => format!("{y}-H1"),
        (_, 12) => y.to_string(),
        (true, 1..=11) => format!("{y}-{n:02}"),
        (false, 3) => format!("{y}-Q4"),
        (false, 6) => format!("{y}-H2"),
        _ => return None,
    };
    Some((end, period))
}

/// `quý III/2023`, `quý 3 năm 2023`, `quý I`.
fn quarter(s: &[char], i: usize, year: Option<i16>) -> Option<(usize, String)> {
    let j = whole_at(s, i, "quý")?;
    let j = lit_at(s, j, " ")?;
    let (q, k) = ["iv", "iii", "ii", "i", "1", "2", "3", "4"].iter().enumerate().find_map(|(n, r)| {
        let end = whole_at(s, j, r)?;
        Some(([4, 3, 2, 1, 1, 2, 3, 4][n], end))
    })?;
    let (y, end) = year_after(s, k).or_else(|| year.map(|y| (y, k)))?;
    Some((end, format!("{y}-Q{q}")))
}

/// `tháng 10/2022`, `tháng 10-2022`, `tháng 11 năm 2022`.
fn month(s: &[char], i: usize) -> Option<(usize, String)> {
    let j = lit_at(s, whole_at(s, i, "tháng")?, " ")?;
    let (m, k) = read_int(s, j, 2)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let (y, end) = year_after(s, k)?;
    Some((end, format!("{y}-{m:02}")))
}

/// `năm 2023` (also in `cuối năm 2023`, `đến năm 2025`).
fn whole_year(s: &[char], i: usize) -> Option<(usize, String)> {
    let k = whole_at(s, i, "năm")?;
    let (y, end) = year_after(s, k)?;
    Some((end, y.to_string()))
}

/// `cuối năm`, `cả năm`, `năm nay` without a year: the article's year.
fn this_year(s: &[char], i: usize, year: Option<i16>) -> Option<(usize, String)> {
    let end = ["cuối năm", "cả năm", "năm nay"].iter().find_map(|w| whole_at(s, i, w))?;
    if year_after(s, end).is_some() {
        return None;
    }
    Some((end, year?.to_string()))
}

/// A year right after `k`: ` 2023`, `/2023`, `-2023` or ` năm 2023`, not
/// part of a larger number nor an end of a term (`2020 - 2025`).
fn year_after(s: &[char], k: usize) -> Option<(i16, usize)> {
    let at = match s.get(k)? {
        '/' | '-' => k + 1,
        ' ' => lit_at(s, k, " năm ").unwrap_or(k + 1),
        _ => return None,
    };
    let end = digits_end(s, at);
    let glued_after = match s.get(end).copied() {
        Some('.' | ',') => digit_at(s, end + 1),
        Some(c) => c.is_alphanumeric() || c == '/',
        None => false,
    };
    if end - at != 4 || glued_after || in_term(s, at, end) {
        return None;
    }
    let y: i16 = text(s, at, end).parse().ok()?;
    (1990..=2100).contains(&y).then_some((y, end))
}

/// The phrase at `i` is what a figure is compared with or counted from
/// (`so với năm 2022`, `cùng kỳ năm 2021`, `từ năm 2019`): up to three
/// words before it, within its clause, include `với`, `kỳ` or `từ`.
fn compared(s: &[char], i: usize) -> bool {
    let mut k = i;
    for _ in 0..3 {
        let (word, start) = prev_word(s, k);
        if word.is_empty() || s[start..k].iter().any(|c| matches!(c, ',' | ';' | '.' | ':' | '(' | ')')) {
            return false;
        }
        if COMPARED.contains(&word.as_str()) {
            return true;
        }
        k = start;
    }
    false
}
