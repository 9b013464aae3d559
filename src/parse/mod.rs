//! Stage 2, parse: text into raw serde types, positions kept.
//!
//! Raw types mirror the files loosely (most fields optional, numbers as YAML
//! values) so that a wrong field becomes a clear message in `validate`
//! instead of a serde error that hides every other problem in the file.
//! Each parsed YAML document comes with its [`YamlIndex`] of positions.

pub mod csvobs;
pub mod frontmatter;
pub mod markdown;
pub mod raw;
pub mod sheet;
pub mod shortcode;
pub mod yamlpos;

use crate::diag::messages::{Files, YamlProblem};
use crate::diag::{Diagnostic, Diagnostics, Message, Pos};
use crate::load::TextFile;
use serde::de::DeserializeOwned;
pub use yamlpos::YamlIndex;

/// A YAML document parsed into `T`, with the positions of its nodes.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    pub file: String,
    pub value: T,
    pub index: YamlIndex,
}

impl<T> Parsed<T> {
    /// The position of `path` in this document.
    pub fn pos(&self, path: &str) -> Option<Pos> {
        self.index.pos(path)
    }

    /// An error at `path` of this document.
    pub fn error(&self, path: &str, message: impl Into<Message>) -> Diagnostic {
        Diagnostic::error(&self.file, self.index.pos(path), message)
    }
}

/// Parses `text` (which starts at line `line_offset + 1` of `file`) as `T`.
/// Syntax and type errors, and duplicate keys, are reported; `None` means
/// nothing usable came out.
pub fn yaml<T: DeserializeOwned>(
    file: &str,
    text: &str,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<Parsed<T>> {
    if let Some(line) = second_document(text) {
        diags.push(Diagnostic::error(file, Some(Pos::new(line + line_offset, 1)), Files::SecondDocument));
        return None;
    }
    if let Some(pos) = too_deep(text, line_offset) {
        diags.push(Diagnostic::error(file, Some(pos), Files::FlowTooDeep { max: MAX_FLOW_DEPTH }));
        return None;
    }
    let index = YamlIndex::build(text, line_offset);
    for (path, pos) in &index.duplicate_keys {
        let key = path.rsplit('.').next().unwrap_or(path);
        diags.push(Diagnostic::error(file, Some(*pos), Files::DuplicateKey { key: key.to_string() }));
    }
    let source = if text.trim().is_empty() { "{}" } else { text };
    match serde_yaml::from_str::<T>(source) {
        Ok(value) => Some(Parsed { file: file.to_string(), value, index }),
        Err(err) => {
            // Duplicate keys were already named, each at its own place.
            let duplicate = err.to_string().contains("duplicate field") && !index.duplicate_keys.is_empty();
            let tabs = tabs(file, text, line_offset);
            if !tabs.is_empty() {
                // The parser's words for a tab are cryptic: name each tab instead.
                diags.extend_from(tabs);
            } else if !duplicate {
                diags.push(yaml_error(file, &err, line_offset));
            }
            None
        }
    }
}

/// The line (from 1) of a `---` or `...` that ends the first YAML document
/// and starts another (one leading `---` is allowed). At column 0 it is
/// always a marker: a block scalar's lines are indented.
fn second_document(text: &str) -> Option<usize> {
    let marker =
        |l: &str, m: &str| l.strip_prefix(m).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    let mut content = false;
    for (i, line) in text.lines().enumerate() {
        if marker(line, "---") && content || marker(line, "...") {
            return Some(i + 1);
        }
        content |= !line.trim().is_empty() && !line.trim_start().starts_with('#') && !marker(line, "---");
    }
    None
}

/// How deep `[…]` and `{…}` may nest in a YAML file. The YAML scanner's
/// work grows with the square of the depth (100,000 deep took 79 s); no
/// site needs more than a few levels.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Where flow collections first nest deeper than [`MAX_FLOW_DEPTH`]: a
/// scan that skips quoted text and comments, before any parser runs.
fn too_deep(text: &str, line_offset: usize) -> Option<Pos> {
    let (mut depth, mut quote, mut comment, mut prev) = (0usize, None::<char>, false, '\n');
    let (mut line, mut col) = (line_offset + 1, 0);
    for c in text.chars() {
        col += 1;
        match (c, quote) {
            ('\n', _) => {
                (line, col, comment) = (line + 1, 0, false);
                quote = quote.filter(|_| depth > 0);
            }
            _ if comment => {}
            (q, Some(open)) if q == open => quote = None,
            (_, Some(_)) => {}
            ('#', None) if prev.is_whitespace() => comment = true,
            ('\'' | '"', None) if depth > 0 => quote = Some(c),
            ('[' | '{', None) => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(Pos::new(line, col));
                }
            }
            (']' | '}', None) => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
}

/// Parses a whole YAML file.
pub fn yaml_file<T: DeserializeOwned>(file: &TextFile, diags: &mut Diagnostics) -> Option<Parsed<T>> {
    yaml(&file.rel, &file.text, 0, diags)
}

/// Turns a serde YAML error into a diagnostic at its line and column.
fn yaml_error(file: &str, err: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let text = err.to_string();
    let message = match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text.clone(),
    };
    let pos = err.location().map(|l| Pos::new(l.line() + line_offset, l.column()));
    let problem = if message.contains("did not find expected") || message.contains("mapping values are not allowed") {
        YamlProblem::Structure
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        YamlProblem::TooDeep
    } else if message.contains("invalid type") || message.contains("invalid value") {
        YamlProblem::WrongType
    } else {
        YamlProblem::Other
    };
    Diagnostic::error(file, pos, Files::InvalidYaml { detail: message, problem })
}

/// Each tab in the indentation of a line of `text` (lines numbered from
/// `line_offset + 1`), the usual cause of a YAML file that will not parse.
fn tabs(file: &str, text: &str, line_offset: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
        if let Some(col) = line[..indent].find('\t') {
            out.push(Diagnostic::error(file, Some(Pos::new(line_offset + i + 1, col + 1)), Files::Tab));
        }
    }
    out
}

/// Warns about keys of the mapping at `path` that bantin does not know.
pub fn unknown_keys<T>(doc: &Parsed<T>, path: &str, known: &[&str], diags: &mut Diagnostics) {
    for (key, pos) in doc.index.keys_of(path) {
        if !known.contains(&key.as_str()) {
            let known = known.iter().map(|k| k.to_string()).collect();
            diags.push(Diagnostic::warning(&doc.file, Some(pos), Files::UnknownField { key, known }));
        }
    }
}
