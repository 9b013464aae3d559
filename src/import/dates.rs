//! Dates: from the header or from day/month phrases, with the year from the text.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DayMonth {
    /// Where the phrase starts, in characters.
    pub(super) pos: usize,
    pub(super) day: i8,
    pub(super) month: i8,
    pub(super) year: Option<i16>,
}

/// A line to look for dates in; `bare` lets a full `d/m/yyyy` count without
/// a word before it (datelines).
pub(super) struct Scan {
    pub(super) bare: bool,
    pub(super) chars: Vec<char>,
}

pub(super) fn find_date(header: Option<&Header>, title: &str, title_line: Option<&str>, kept: &[Line]) -> Option<Date> {
    let scans: Vec<Scan> = title_line
        .map(|t| Scan { bare: false, chars: t.chars().collect() })
        .into_iter()
        .chain(kept.iter().map(|l| Scan { bare: l.kind == Kind::Dateline, chars: l.text.chars().collect() }))
        .collect();
    match header {
        Some(h) => header_date(h, &scans),
        None => text_date(&title.chars().collect::<Vec<char>>(), &scans),
    }
}

pub(super) fn header_date(h: &Header, scans: &[Scan]) -> Option<Date> {
    if let Some(day) = h.day {
        return Date::new(h.year, h.month, day).ok();
    }
    let day = scans
        .iter()
        .flat_map(|l| date_phrases(&l.chars, l.bare))
        .find(|p| p.month == h.month && p.year.is_none_or(|y| y == h.year) && Date::new(h.year, h.month, p.day).is_ok())
        .map_or(1, |p| p.day);
    Date::new(h.year, h.month, day).ok()
}

pub(super) fn text_date(title: &[char], scans: &[Scan]) -> Option<Date> {
    for (idx, line) in scans.iter().enumerate() {
        for p in date_phrases(&line.chars, line.bare) {
            let year = p.year.or_else(|| resolve_year(scans, idx, p.pos, p.month, title));
            if let Some(date) = year.and_then(|y| Date::new(y, p.month, p.day).ok()) {
                return Some(date);
            }
        }
    }
    None
}

/// The year of a day/month phrase without one (rules in the module header).
pub(super) fn resolve_year(scans: &[Scan], idx: usize, pos: usize, month: i8, title: &[char]) -> Option<i16> {
    if month <= 2 {
        if let Some(y) = summary_year(&scans[idx].chars).or_else(|| summary_year(title)) {
            return Some(y + 1);
        }
    }
    let here = years_in(&scans[idx].chars);
    if let Some(&(_, y)) = here.iter().min_by_key(|&&(p, _)| p.abs_diff(pos)) {
        return Some(y);
    }
    (1..scans.len()).find_map(|d| {
        let before = idx.checked_sub(d).and_then(|k| years_in(&scans[k].chars).last().map(|&(_, y)| y));
        before.or_else(|| scans.get(idx + d).and_then(|l| years_in(&l.chars).first().map(|&(_, y)| y)))
    })
}

/// The first year after `tổng kết`: the year a summary meeting reviews.
pub(super) fn summary_year(s: &[char]) -> Option<i16> {
    let k = (0..s.len()).find(|&i| lit_at(s, i, "tổng kết").is_some())?;
    years_in(s).into_iter().find(|&(p, _)| p > k).map(|(_, y)| y)
}

/// Stand-alone years 1990–2100 with their positions, ends of terms left out.
pub(super) fn years_in(s: &[char]) -> Vec<(usize, i16)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let j = digits_end(s, i);
        if j - i == 4 && !glued(s, i, j) && !in_term(s, i, j) {
            let y: i16 = text(s, i, j).parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                out.push((i, y));
            }
        }
        i = j;
    }
    out
}

/// The number at `i..j` is part of a word, a larger number or a date.
pub(super) fn glued(s: &[char], i: usize, j: usize) -> bool {
    let before = i > 0 && (s[i - 1].is_alphanumeric() || matches!(s[i - 1], '.' | ',' | '/'));
    let after = match s.get(j).copied() {
        Some('.' | ',') => digit_at(s, j + 1),
        Some(c) => c.is_alphabetic(),
        None => false,
    };
    before || after
}

/// The year at `i..j` is one end of `2020 - 2025`.
pub(super) fn in_term(s: &[char], i: usize, j: usize) -> bool {
    let a = skip_spaces(s, j);
    if matches!(s.get(a).copied(), Some('-' | '–')) {
        let b = skip_spaces(s, a + 1);
        if digits_end(s, b) - b == 4 {
            return true;
        }
    }
    let mut b = i;
    while b > 0 && s[b - 1] == ' ' {
        b -= 1;
    }
    if b == 0 || !matches!(s[b - 1], '-' | '–') {
        return false;
    }
    let mut c = b - 1;
    while c > 0 && s[c - 1] == ' ' {
        c -= 1;
    }
    c >= 4 && s[c - 4..c].iter().all(char::is_ascii_digit)
}

pub(super) fn date_phrases(s: &[char], bare: bool) -> Vec<DayMonth> {
    (0..s.len()).filter_map(|i| date_phrase_at(s, i, bare)).collect()
}

pub(super) fn date_phrase_at(s: &[char], i: usize, bare: bool) -> Option<DayMonth> {
    let make = |(day, month, year, _end): (i8, i8, Option<i16>, usize)| DayMonth { pos: i, day, month, year };
    if s[i] == '(' {
        if let Some(found) = read_day_month(s, i + 1) {
            if s.get(found.3) == Some(&')') {
                return Some(make(found));
            }
        }
    }
    if i > 0 && s[i - 1].is_alphanumeric() {
        return None;
    }
    if bare && s[i].is_ascii_digit() {
        if let Some(found) = read_day_month(s, i).filter(|f| f.2.is_some()) {
            return Some(make(found));
        }
    }
    let after = DATE_TRIGGERS.iter().find_map(|t| lit_at(s, i, t))?;
    let after = lit_at(s, after, " ngày").unwrap_or(after);
    let start = lit_at(s, after, " ")?;
    read_day_month(s, start).or_else(|| read_words_date(s, start)).map(make)
}

/// `28/11`, `29-6`, `06/01/2024` at `i`: day, month, year, end.
pub(super) fn read_day_month(s: &[char], i: usize) -> Option<(i8, i8, Option<i16>, usize)> {
    let (day, j) = read_int(s, i, 2)?;
    let sep = *s.get(j)?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let (month, mut k) = read_int(s, j + 1, 2)?;
    let mut year = None;
    if s.get(k) == Some(&sep) && digit_at(s, k + 1) {
        let (y, e) = read_int(s, k + 1, 4)?;
        if e - (k + 1) != 4 {
            return None;
        }
        year = Some(y as i16);
        k = e;
    }
    let (day, month) = day_month(day, month)?;
    Some((day, month, year, k))
}

/// `6 tháng 1` or `6 tháng 1 năm 2024` at `i`.
pub(super) fn read_words_date(s: &[char], i: usize) -> Option<(i8, i8, Option<i16>, usize)> {
    let (day, j) = read_int(s, i, 2)?;
    let (month, mut k) = read_int(s, lit_at(s, j, " tháng ")?, 2)?;
    let mut year = None;
    if let Some((y, e)) = lit_at(s, k, " năm ").and_then(|at| read_int(s, at, 4).filter(|&(_, e)| e - at == 4)) {
        year = Some(y as i16);
        k = e;
    }
    let (day, month) = day_month(day, month)?;
    Some((day, month, year, k))
}

pub(super) fn day_month(day: u32, month: u32) -> Option<(i8, i8)> {
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day as i8, month as i8))
}

/// All the ASCII digits at `i` (at least one, at most `max_digits`) as a
/// number, and where they end.
pub(super) fn read_int(s: &[char], i: usize, max_digits: usize) -> Option<(u32, usize)> {
    let j = digits_end(s, i);
    if j == i || j - i > max_digits {
        return None;
    }
    let n = s[i..j].iter().fold(0u32, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
    Some((n, j))
}
