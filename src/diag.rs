//! Diagnostics: every problem a run finds, with its place in the user's files.
//!
//! Stages never stop at the first problem: they push [`Diagnostic`]s into a
//! [`Diagnostics`] list and go on. The list is sorted before it is shown so the
//! report is the same whatever order files were read or checked in.

use std::fmt;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn new(line: usize, col: usize) -> Self {
        Pos { line, col }
    }
}

/// One problem: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub pos: Option<Pos>,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.into(), pos, severity: Severity::Error, message: message.into(), hint: None }
    }

    pub fn warning(file: impl Into<String>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, pos, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_point_at_the_column() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("a.yaml", Some(Pos::new(2, 8)), "bad").with_hint("fix"));
        d.push(Diagnostic::warning("b.yaml", None, "meh"));
        let text = d.render_with_sources(&|f| (f == "a.yaml").then(|| "x: 1\nvalue: 160/154\n".to_string()));
        assert_eq!(
            text,
            "a.yaml:2:8: error: bad\n  hint: fix\n  2 | value: 160/154\n    |        ^\nb.yaml: warning: meh\n"
        );
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {label}: {}", self.file, p.line, p.col, self.message)?,
            None => write!(f, "{}: {label}: {}", self.file, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// All problems of a run, collected by every stage.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Adds each of `items`.
    pub fn extend_from(&mut self, items: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Warnings, each counted once as the report shows it.
    pub fn warning_count(&self) -> usize {
        self.sorted().iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The first `n` problems in report order.
    pub fn first(&self, n: usize) -> Diagnostics {
        Diagnostics { items: self.sorted().into_iter().take(n).collect() }
    }

    /// The problems, sorted by file, place and text, without repeats.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort();
        v.dedup();
        v
    }
}

impl Diagnostics {
    /// The report with the offending source line under each problem, as a
    /// terminal shows it. `source` gives a file's text by its path.
    pub fn render_with_sources(&self, source: &dyn Fn(&str) -> Option<String>) -> String {
        let mut cache: std::collections::BTreeMap<String, Option<String>> = Default::default();
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.to_string());
            out.push('\n');
            let Some(pos) = d.pos else { continue };
            let text = cache.entry(d.file.clone()).or_insert_with(|| source(&d.file));
            if let Some(line) = text.as_deref().and_then(|t| t.lines().nth(pos.line.saturating_sub(1))) {
                out.push_str(&snippet(line, pos));
            }
        }
        out
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

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}
