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

/// Where each line of an article stands, worked out once for all its
/// figures: the lead-in line a list item continues, the first row of the
/// table a row belongs to.
pub(super) struct Layout<'m> {
    lines: Vec<&'m str>,
    /// For a list item: the line before its list, if it ends with `:`.
    lead_in: Vec<Option<usize>>,
    /// For a table row: the table's first row (its header).
    header: Vec<Option<usize>>,
}

impl<'m> Layout<'m> {
    pub(super) fn of(markdown: &'m str) -> Layout<'m> {
        let lines: Vec<&str> = markdown.lines().collect();
        let item = |l: &str| {
            let t = l.trim_start();
            t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") || {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
            }
        };
        let (mut lead_in, mut header) = (Vec::with_capacity(lines.len()), Vec::with_capacity(lines.len()));
        let (mut before_list, mut table) = (None, None);
        for (i, l) in lines.iter().enumerate() {
            let is_item = item(l);
            lead_in.push(if is_item {
                before_list.filter(|&b: &usize| lines[b].trim_end().ends_with(':'))
            } else {
                None
            });
            if !is_item && !l.trim().is_empty() {
                before_list = Some(i);
            }
            table = if l.trim_start().starts_with('|') { table.or(Some(i)) } else { None };
            header.push(table);
        }
        Layout { lines, lead_in, header }
    }

    /// The line ending with `:` that the list item at `index` continues
    /// (`Năm 2024, huyện phấn đấu:` before `- 2 xã đạt chuẩn nâng cao;`).
    pub(super) fn lead_in(&self, index: usize) -> Option<&'m str> {
        self.lead_in.get(index).copied().flatten().map(|b| self.lines[b])
    }

    /// Whether the character at `at` of table row `index` is in a column
    /// whose header (the table's first row) announces plans
    /// (`| Chỉ tiêu | Kế hoạch |`).
    pub(super) fn plan_column(&self, index: usize, at: usize) -> bool {
        let Some(first) = self.header.get(index).copied().flatten() else { return false };
        let column = self.lines[index].chars().take(at).filter(|&c| c == '|').count();
        self.lines[first].split('|').nth(column).is_some_and(crate::import::announces_plan)
    }
}
