//! Diagnostics: every problem a run finds, with its place in the user's files.
//!
//! Stages never stop at the first problem: they push [`Diagnostic`]s into a
//! [`Diagnostics`] list and go on. A diagnostic holds a [`Message`] of the
//! catalogue ([`messages`]), not text: the language is chosen when the report
//! is shown ([`Diagnostics::render`]), since the site's `language` may be the
//! very thing that is broken. The list is sorted before it is shown, root
//! causes first, so the report is the same whatever order files were read in.

pub mod messages;

pub use messages::Message;

use crate::text::lang::Lang;
use std::cmp::Ordering;
use std::fmt;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column; or, in a workbook's
/// sheet (the diagnostic's file then names the sheet, `data/a.xlsx:
/// Sheet1`), 1-based row and column, shown as a cell (`Sheet1!D7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
    /// A spreadsheet cell, not a place in a text.
    pub cell: bool,
}

impl Pos {
    pub fn new(line: usize, col: usize) -> Self {
        Pos { line, col, cell: false }
    }

    /// The cell at 1-based `row` and `col` of a sheet.
    pub fn cell(row: usize, col: usize) -> Self {
        Pos { line: row, col, cell: true }
    }
}

/// A cell's name as spreadsheets write it: column letters, then the row
/// (1-based `row` and `col`: `cell_name(7, 4)` is `D7`).
pub fn cell_name(row: usize, col: usize) -> String {
    format!("{}{row}", column_letters(col))
}

/// A spreadsheet column's letters, from 1 (`A`, `Z`, `AA`).
pub fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// One problem: where, and what (the message knows how to fix it).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub pos: Option<Pos>,
    pub severity: Severity,
    /// Boxed: a message may hold several names, and a diagnostic travels
    /// in many `Result`s.
    pub message: Box<Message>,
    /// The line `pos` is on, as bantin read it (no byte-order mark, NFC,
    /// `\n`), attached by [`Diagnostics::attach_lines`] at the end of a
    /// run so the report never reads the file again. Not part of the
    /// diagnostic's identity.
    pub line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, pos: Option<Pos>, message: impl Into<Message>) -> Self {
        Diagnostic { file: file.into(), pos, severity: Severity::Error, message: Box::new(message.into()), line: None }
    }

    pub fn warning(file: impl Into<String>, pos: Option<Pos>, message: impl Into<Message>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, pos, message) }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// How to fix it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.message.hint(lang)
    }

    /// `path:line:col: error: message` and `  hint: …` on the next line
    /// (`lỗi`/`cảnh báo`/`gợi ý` in Vietnamese): the shape editors parse.
    pub fn render(&self, lang: Lang) -> String {
        let label = match (self.severity, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
        };
        let mut out = match self.pos {
            Some(p) if p.cell => format!("{}!{}: {label}: {}", self.file, cell_name(p.line, p.col), self.text(lang)),
            Some(p) => format!("{}:{}:{}: {label}: {}", self.file, p.line, p.col, self.text(lang)),
            None => format!("{}: {label}: {}", self.file, self.text(lang)),
        };
        if let Some(hint) = self.hint(lang) {
            let label = match lang {
                Lang::En => "hint",
                Lang::Vi => "gợi ý",
            };
            out.push_str(&format!("\n  {label}: {hint}"));
        }
        out
    }

    /// The order of a report: root causes first (a file that cannot be read
    /// or parsed, and the errors of site.yaml and indicators.yaml, which
    /// every other file depends on), knock-on notes last; within that by
    /// file, place, severity and (English) text, so both languages list the
    /// same order.
    fn key(&self) -> (u8, &str, Option<Pos>, Severity, String) {
        let upstream = self.severity == Severity::Error
            && (self.file == "content/site.yaml" || self.file == "content/indicators.yaml");
        let rank = self.message.rank().min(if upstream { 0 } else { 2 });
        (rank, &self.file, self.pos, self.severity, self.text(Lang::En))
    }
}

impl PartialEq for Diagnostic {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Diagnostic {}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Diagnostic {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// English, for logs and library callers; reports use [`Diagnostic::render`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// All problems of a run, collected by every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// How many of `items` are errors, kept as they are added: stages ask
    /// after every observation, so counting would be quadratic.
    errors: usize,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.errors += usize::from(d.severity == Severity::Error);
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.errors += other.errors;
        self.items.extend(other.items);
    }

    /// Adds each of `items`.
    pub fn extend_from(&mut self, items: impl IntoIterator<Item = Diagnostic>) {
        for d in items {
            self.push(d);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    pub fn error_count(&self) -> usize {
        self.errors
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// The errors and warnings as the report lists them (a repeat once):
    /// for summary lines. `error_count` counts every push.
    pub fn counts(&self) -> (usize, usize) {
        let shown = self.sorted();
        let errors = shown.iter().filter(|d| d.severity == Severity::Error).count();
        (errors, shown.len() - errors)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The first `n` problems in report order.
    pub fn first(&self, n: usize) -> Diagnostics {
        let mut first = Diagnostics::new();
        first.extend_from(self.sorted().into_iter().take(n));
        first
    }

    /// The problems, root causes first, then by file, place and text,
    /// without repeats.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort();
        v.dedup();
        v
    }

    /// The report in `lang`, one problem (and its hint) after another.
    /// Control characters (from a file name, say) are shown as `<U+001B>`.
    pub fn render(&self, lang: Lang) -> String {
        let all: String = self.sorted().iter().map(|d| d.render(lang) + "\n").collect();
        crate::text::escape::terminal(&all).into_owned()
    }

    /// Attaches to each positioned problem the line it points at, from
    /// `text_of` (a file's text by its path, as the run read it).
    /// Each file is looked up and split into lines once, however many
    /// problems it has (100,000 bad rows of one CSV cost one pass), and
    /// only one file's text is held at a time (a large build reads each
    /// back from its spool).
    pub fn attach_lines(&mut self, text_of: impl Fn(&str) -> Option<crate::text::shared::Shared>) {
        let mut by_file: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for (i, d) in self.items.iter().enumerate() {
            if d.line.is_none() && d.pos.is_some_and(|p| !p.cell) {
                by_file.entry(d.file.clone()).or_default().push(i);
            }
        }
        for (file, items) in by_file {
            let Some(text) = text_of(&file) else { continue };
            let lines: Vec<&str> = text.lines().collect();
            for i in items {
                let d = &mut self.items[i];
                let line = d.pos.and_then(|p| lines.get(p.line.saturating_sub(1)));
                d.line = line.map(|l| (*l).to_owned());
            }
        }
    }

    /// The report in `lang` with the offending source line under each
    /// problem (where [`Diagnostics::attach_lines`] found it), as a terminal
    /// shows it.
    pub fn report(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.render(lang));
            out.push('\n');
            if let (Some(pos), Some(line)) = (d.pos, &d.line) {
                out.push_str(&snippet(line, pos));
            }
        }
        crate::text::escape::terminal(&out).into_owned()
    }
}

/// `  4 | text` and a caret under the column.
fn snippet(line: &str, pos: Pos) -> String {
    let number = pos.line.to_string();
    let pad = " ".repeat(number.len());
    let caret_at: String =
        line.chars().take(pos.col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    format!("  {number} | {line}\n  {pad} | {caret_at}^\n")
}

/// The report in English; see [`Diagnostics::render`] for other languages.
impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::messages::Data;
    use super::*;

    fn above() -> Message {
        messages::Figures::AboveTotal {
            quantity: messages::Quantity::Value,
            value: 160.0,
            total: 154.0,
            decimals: (0, 0),
        }
        .into()
    }

    #[test]
    fn a_cell_is_named_by_its_column_letters_and_row() {
        assert_eq!(cell_name(7, 4), "D7");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(1, 27), "AA1");
        assert_eq!(cell_name(3, 703), "AAA3");
        let d = Diagnostic::error("a.xlsx: Sheet1", Some(Pos::cell(7, 4)), above());
        assert!(d.render(Lang::En).starts_with("a.xlsx: Sheet1!D7: error: "), "{}", d.render(Lang::En));
    }

    #[test]
    fn snippets_point_at_the_column_in_both_languages() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("a.yaml", Some(Pos::new(2, 8)), above()));
        d.push(Diagnostic::warning("b.yaml", None, Data::Unchecked));
        d.attach_lines(|f| (f == "a.yaml").then(|| "x: 1\nvalue: 160/154\n".into()));
        let en = d.report(Lang::En);
        assert!(en.starts_with("a.yaml:2:8: error: the value 160 is above its total 154\n  hint: "), "{en}");
        assert!(en.contains("\n  2 | value: 160/154\n    |        ^\nb.yaml: warning: "), "{en}");
        let vi = d.report(Lang::Vi);
        assert!(vi.starts_with("a.yaml:2:8: lỗi: giá trị 160 lớn hơn tổng số 154\n  gợi ý: "), "{vi}");
        assert!(vi.contains("\nb.yaml: cảnh báo: "), "{vi}");
    }
}
