//! Figures: counts, amounts, percentages and ranks found in the text.

use super::*;

/// A figure and where its text ends.
pub(super) struct Located {
    pub(super) end: usize,
    pub(super) figure: Figure,
}

pub(super) fn find_figures(paragraphs: &[&str]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for (n, p) in paragraphs.iter().enumerate() {
        let s: Vec<char> = p.chars().collect();
        let mut i = 0;
        while i < s.len() {
            let Some(found) = figure_at(&s, i) else {
                i += 1;
                continue;
            };
            i = found.end.max(i + 1);
            let mut f = found.figure;
            f.at.0 = n;
            if !out.iter().any(|g| g.text == f.text && g.context == f.context) {
                out.push(f);
            }
        }
    }
    out
}

pub(super) fn figure_at(s: &[char], i: usize) -> Option<Located> {
    if let Some(&(_, a, b)) = FRACTIONS.iter().find(|f| f.0 == s[i]) {
        return fraction_at(s, i, a, b);
    }
    if !s[i].is_ascii_digit() || (i > 0 && (s[i - 1].is_alphanumeric() || matches!(s[i - 1], '.' | ',' | '/'))) {
        return None;
    }
    let j = scan_number(s, i);
    let value = parse_vn_number(&text(s, i, j))?;
    // Digits, with `.ddd` groups (`21.536/23.410 hộ`), no decimal comma.
    let integer = !s[i..j].contains(&',');
    let (word, word_start) = prev_word(s, i);
    if s.get(j) == Some(&'/') {
        return if integer && digit_at(s, j + 1) { ratio_at(s, i, j, value, &word, word_start) } else { None };
    }
    if word == "thứ" && integer {
        if let Some(found) = bare_rank_at(s, j, value, word_start) {
            return Some(found);
        }
    }
    let k = skip_space(s, j);
    if s.get(k) == Some(&'%') {
        return percent_at(s, i, k + 1, value, &word, word_start);
    }
    if NOT_AFTER.contains(&word.as_str()) || (i > 0 && matches!(s[i - 1], '-' | '–')) {
        return None;
    }
    plain_at(s, i, j, value)
}

/// `110/154 thôn` (count) or `đứng thứ 7/27 huyện` (rank); `j` is at the `/`.
pub(super) fn ratio_at(s: &[char], i: usize, j: usize, value: f64, word: &str, word_start: usize) -> Option<Located> {
    let k = integer_end(s, j + 1);
    let glued = s.get(k).is_some_and(|c| c.is_alphanumeric())
        || (matches!(s.get(k).copied(), Some('/' | '.' | ',')) && digit_at(s, k + 1));
    if glued || DATE_WORDS.contains(&word) {
        return None;
    }
    let total = parse_vn_number(&text(s, j + 1, k))?;
    if total == 0.0 || value > total {
        return None;
    }
    let u0 = skip_space(s, k);
    let unit_end = match_unit(s, u0, &[COUNT_UNITS, ADMIN_UNITS]);
    let unit = unit_end.map_or_else(String::new, |e| text(s, u0, e));
    if word == "thứ" {
        let (before, before_start) = prev_word(s, word_start);
        let start = if RANK_WORDS.contains(&before.as_str()) { before_start } else { word_start };
        return Some(located(s, start, unit_end.unwrap_or(k), (value, Some(total)), unit, "rank"));
    }
    let end = unit_end?;
    Some(located(s, i, end, (value, Some(total)), unit, "count"))
}

/// `xếp thứ 5` without a total: `thứ` starts at `word_start`, the number ends
/// at `j`.
pub(super) fn bare_rank_at(s: &[char], j: usize, value: f64, word_start: usize) -> Option<Located> {
    let (before, before_start) = prev_word(s, word_start);
    if !RANK_WORDS.contains(&before.as_str()) {
        return None;
    }
    let u0 = skip_space(s, j);
    let unit_end = match_unit(s, u0, &[COUNT_UNITS, ADMIN_UNITS]);
    let unit = unit_end.map_or_else(String::new, |e| text(s, u0, e));
    Some(located(s, before_start, unit_end.unwrap_or(j), (value, None), unit, "rank"))
}

/// `107,79% kế hoạch`, `35,59%`; `e` is just after the `%`.
pub(super) fn percent_at(s: &[char], i: usize, e: usize, value: f64, word: &str, word_start: usize) -> Option<Located> {
    if is_range_end(s, i, word, word_start) {
        return None;
    }
    let m = skip_space(s, e);
    let plan_end =
        PLAN_WORDS.iter().filter_map(|p| lit_at(s, m, p)).find(|&end| s.get(end).is_none_or(|c| !c.is_alphanumeric()));
    Some(match plan_end {
        Some(end) => located(s, i, end, (value, None), "% kế hoạch".to_string(), "percent"),
        None => located(s, i, e, (value, None), "%".to_string(), "percent"),
    })
}

/// The number at `i` ends a range: `65-70%`, `80 - 85%`, `từ 85 đến 95%`.
pub(super) fn is_range_end(s: &[char], i: usize, word: &str, word_start: usize) -> bool {
    let mut q = i;
    while q > 0 && s[q - 1] == ' ' {
        q -= 1;
    }
    if q > 0 && matches!(s[q - 1], '-' | '–') {
        q -= 1;
        while q > 0 && s[q - 1] == ' ' {
            q -= 1;
        }
        if q > 0 && s[q - 1].is_ascii_digit() {
            return true;
        }
    }
    word == "đến" && prev_word(s, word_start).0.chars().any(|c| c.is_ascii_digit())
}

/// `8.850,26 tỷ đồng` (amount), `18 sản phẩm` (count).
pub(super) fn plain_at(s: &[char], i: usize, j: usize, value: f64) -> Option<Located> {
    let u0 = skip_space(s, j);
    PLAIN_UNITS.iter().find_map(|&(units, kind)| {
        match_unit(s, u0, &[units]).map(|e| located(s, i, e, (value, None), text(s, u0, e), kind))
    })
}

/// `¾ tiêu chí`.
pub(super) fn fraction_at(s: &[char], i: usize, a: f64, b: f64) -> Option<Located> {
    let u0 = skip_space(s, i + 1);
    let e = match_unit(s, u0, &[COUNT_UNITS])?;
    Some(located(s, i, e, (a, Some(b)), text(s, u0, e), "count"))
}

pub(super) fn located(
    s: &[char],
    start: usize,
    end: usize,
    (value, total): (f64, Option<f64>),
    unit: String,
    kind: &'static str,
) -> Located {
    let figure = Figure {
        text: text(s, start, end),
        value,
        total,
        unit,
        kind,
        context: context_before(s, start),
        at: (0, start, end),
        ..Figure::default()
    };
    Located { end, figure }
}

/// The longest unit of `lists` written at `j` as whole words, with any
/// `/word` parts after it; returns where it ends.
pub(super) fn match_unit(s: &[char], j: usize, lists: &[&[&str]]) -> Option<usize> {
    let mut end = lists
        .iter()
        .flat_map(|l| l.iter())
        .filter_map(|u| lit_at(s, j, u))
        .filter(|&e| s.get(e).is_none_or(|c| !c.is_alphanumeric()))
        .max()?;
    while s.get(end) == Some(&'/') && s.get(end + 1).is_some_and(|c| c.is_alphabetic()) {
        end += 1;
        while s.get(end).is_some_and(|c| c.is_alphabetic()) {
            end += 1;
        }
    }
    Some(end)
}

/// The end of a Vietnamese number starting at `i`: digits, `.ddd` groups
/// (only after at most three digits), then `,digits`.
pub(super) fn scan_number(s: &[char], i: usize) -> usize {
    let mut j = integer_end(s, i);
    if s.get(j) == Some(&',') && digit_at(s, j + 1) {
        j = digits_end(s, j + 1);
    }
    j
}

/// The end of a Vietnamese whole number starting at `i`: digits, then
/// `.ddd` groups (only after at most three digits).
fn integer_end(s: &[char], i: usize) -> usize {
    let mut j = digits_end(s, i);
    if j - i <= 3 {
        while s.get(j) == Some(&'.')
            && digit_at(s, j + 1)
            && digit_at(s, j + 2)
            && digit_at(s, j + 3)
            && !digit_at(s, j + 4)
        {
            j += 4;
        }
    }
    j
}

/// Up to six words before `i`, not reaching into the previous sentence.
pub(super) fn context_before(s: &[char], i: usize) -> String {
    let mut k = i;
    while k > 0 {
        let c = s[k - 1];
        if c == ';' || (matches!(c, '.' | '!' | '?') && s.get(k) == Some(&' ')) {
            break;
        }
        k -= 1;
    }
    let before = text(s, k, i);
    let words: Vec<&str> = before.split_whitespace().collect();
    let joined = words[words.len().saturating_sub(CONTEXT_WORDS)..].join(" ");
    joined.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// The word just before `i` (lowercase) and where it starts.
pub(super) fn prev_word(s: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j > 0 && s[j - 1] == ' ' {
        j -= 1;
    }
    let mut k = j;
    while k > 0 && s[k - 1].is_alphanumeric() {
        k -= 1;
    }
    (s[k..j].iter().map(|&c| lower(c)).collect(), k)
}
