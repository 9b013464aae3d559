//! Where a line stands in an article's Markdown, for the checks of its
//! figures: prose outside fenced code, a list item after a lead-in line, a
//! cell of a table under its header.

/// The lines of a Markdown body that are prose and may hold a figure to
/// compare, with their index: fenced code is left out, and so (before the
/// extractor, which costs) is every line without a digit followed by `/`,
/// `%`, `thứ` or one of `units` (the site's indicators', lowercase).
pub(super) fn prose<'m>(markdown: &'m str, units: &[String]) -> Vec<(usize, &'m str)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if !fenced && may_compare(line, units) {
            out.push((i, line));
        }
    }
    out
}

/// The line ending with `:` that a list item at `index` continues
/// (`Năm 2024, huyện phấn đấu:` before `- 2 xã đạt chuẩn nâng cao;`).
pub(super) fn lead_in(markdown: &str, index: usize) -> Option<&str> {
    let item = |l: &str| {
        let t = l.trim_start();
        t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") || {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
        }
    };
    let lines: Vec<&str> = markdown.lines().take(index + 1).collect();
    if !lines.last().is_some_and(|l| item(l)) {
        return None;
    }
    let before = lines.iter().rev().find(|l| !l.trim().is_empty() && !item(l))?;
    before.trim_end().ends_with(':').then_some(*before)
}

fn may_compare(line: &str, units: &[String]) -> bool {
    let bytes = line.as_bytes();
    let Some(first) = bytes.iter().position(u8::is_ascii_digit) else { return false };
    let ratio = bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit());
    if ratio || line[first..].contains('%') || line.contains("thứ") {
        return true;
    }
    let lower = line[first..].to_lowercase();
    units.iter().any(|u| lower.contains(u.as_str()))
}

/// Whether the character at `at` of table row `index` is in a column whose
/// header (the table's first row) announces plans (`| Chỉ tiêu | Kế hoạch |`).
pub(super) fn plan_column(markdown: &str, index: usize, at: usize) -> bool {
    let lines: Vec<&str> = markdown.lines().take(index + 1).collect();
    let row = |l: &str| l.trim_start().starts_with('|');
    let Some(first) = lines.iter().rev().take_while(|l| row(l)).last() else { return false };
    let column = lines[index].chars().take(at).filter(|&c| c == '|').count();
    first.split('|').nth(column).is_some_and(crate::import::announces_plan)
}
