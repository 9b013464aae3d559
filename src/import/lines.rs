//! Lines: normalising, the `date YYYY-MM Title` header, boilerplate.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    /// A line that is only a date and time: a date source, not body text.
    Dateline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) kind: Kind,
    pub(super) text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub(super) year: i16,
    pub(super) month: i8,
    pub(super) day: Option<i8>,
    pub(super) title: String,
}

pub(super) fn normalize(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect();
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\n').map(collapse_spaces).collect()
}

/// One line with runs of white space as one space, trimmed, without BOM or
/// zero-width characters.
pub(super) fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending = false;
    for c in line.chars() {
        if matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            pending = true;
            continue;
        }
        if pending && !out.is_empty() {
            out.push(' ');
        }
        pending = false;
        out.push(c);
    }
    out
}

/// Removes a `date YYYY-MM Title` first line and returns it.
pub(super) fn take_header(lines: &mut Vec<String>) -> Option<Header> {
    let first = lines.iter().position(|l| !l.is_empty())?;
    let header = parse_header(&lines[first])?;
    *lines = lines.split_off(first + 1);
    Some(header)
}

pub(super) fn parse_header(line: &str) -> Option<Header> {
    let rest = strip_prefix_ci(line, "date ")?.trim_start();
    let b = rest.as_bytes();
    let digits = |from: usize, to: usize| b.len() >= to && b[from..to].iter().all(u8::is_ascii_digit);
    if !(digits(0, 4) && b.get(4) == Some(&b'-') && digits(5, 7)) {
        return None;
    }
    let year: i16 = rest[0..4].parse().ok()?;
    let month: i8 = rest[5..7].parse().ok()?;
    let (day, end) =
        if b.get(7) == Some(&b'-') && digits(8, 10) { (Some(rest[8..10].parse::<i8>().ok()?), 10) } else { (None, 7) };
    let after = &rest[end..];
    if !(1..=12).contains(&month) || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some(Header { year, month, day, title: after.trim().to_string() })
}

/// The lines that are article text (or datelines), in order.
pub(super) fn clean(lines: &[String]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        i += 1;
        if line.is_empty() {
            continue;
        }
        if is_page_end(line) {
            break;
        }
        if is_related(line) {
            while i < lines.len() && !is_page_end(&lines[i]) && in_related_list(&lines[i]) {
                i += 1;
            }
            continue;
        }
        if is_boilerplate(line) {
            continue;
        }
        let kind = if is_dateline(line) { Kind::Dateline } else { Kind::Text };
        out.push(Line { kind, text: line.to_string() });
    }
    out
}

/// A line lowercased, without a trailing `:`.
pub(super) fn key(line: &str) -> String {
    line.to_lowercase().trim_end_matches([':', ' ']).to_string()
}

pub(super) fn is_short(line: &str) -> bool {
    line.chars().count() <= SHORT_LINE
}

/// Comment forms, ratings, captcha messages: the article is over.
pub(super) fn is_page_end(line: &str) -> bool {
    if !is_short(line) {
        return false;
    }
    let k = key(line);
    PAGE_END_EXACT.contains(&k.as_str()) || PAGE_END_CONTAINS.iter().any(|p| k.contains(*p))
}

pub(super) fn is_related(line: &str) -> bool {
    is_short(line) && RELATED.contains(&key(line).as_str())
}

/// A headline in a list of other articles, or noise between them.
pub(super) fn in_related_list(line: &str) -> bool {
    let headline = line.chars().count() <= 200 && (line.ends_with(')') || !line.ends_with(['.', ':', ';']));
    line.is_empty() || headline || is_boilerplate(line)
}

/// Menus, buttons, counters, breadcrumbs and other lines of the page around
/// the article.
pub(super) fn is_boilerplate(line: &str) -> bool {
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    if !is_short(line) {
        return false;
    }
    let k = key(line);
    MENU_EXACT.contains(&k.as_str())
        || MENU_CONTAINS.iter().any(|p| k.contains(*p))
        || is_counter(line)
        || is_breadcrumb(line)
        || is_related(line)
        || is_page_end(line)
}

/// `Thống kê: 2.284.725`, `Online: 150`.
pub(super) fn is_counter(line: &str) -> bool {
    let Some((label, num)) = line.split_once(':') else { return false };
    let (label, num) = (label.trim(), num.trim());
    line.chars().count() <= 40
        && !label.is_empty()
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && num.starts_with(|c: char| c.is_ascii_digit())
        && num.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// `Trang chủ > Tin tức > Nông thôn mới`.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    [" > ", " » "]
        .iter()
        .any(|sep| line.contains(*sep) && line.split(*sep).all(|p| (1..=40).contains(&p.chars().count())))
}

/// `Thứ hai, 28/11/2022 08:30`: a full date and nothing but time words.
pub(super) fn is_dateline(line: &str) -> bool {
    if line.chars().count() > 60 {
        return false;
    }
    let chars: Vec<char> = line.chars().collect();
    if !date_phrases(&chars, true).iter().any(|p| p.year.is_some()) {
        return false;
    }
    let mut rest = line.to_lowercase();
    for w in DATELINE_WORDS {
        rest = rest.replace(*w, " ");
    }
    rest.chars().all(|c| c.is_ascii_digit() || " /:-,.+()|".contains(c))
}
