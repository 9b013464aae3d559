//! Splitting a Markdown file into its YAML front matter and its body.

use crate::diag::messages::Files;
use crate::diag::{Diagnostic, Pos};

/// A Markdown file cut in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// The line of the file the body starts on (1-based).
    pub body_line: usize,
}

/// Cuts `text` at its `---` lines. The text must start with a `---` line
/// and have a closing `---` (or `...`) line.
pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Diagnostic::error(file, Some(Pos::new(1, 1)), Files::NoFrontMatter));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let bare = l.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(Split { yaml: &text[yaml_start..offset], body: &text[offset + l.len()..], body_line: line + 1 });
        }
        offset += l.len();
    }
    Err(Diagnostic::error(file, Some(Pos::new(1, 1)), Files::FrontMatterNotClosed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        let s = split("a.md", "---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
        let s = split("a.md", "---\n---\n").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn errors() {
        assert_eq!(split("a.md", "title: A\n").unwrap_err().message, Box::new(Files::NoFrontMatter.into()));
        assert_eq!(split("a.md", "---\ntitle: A\n").unwrap_err().message, Box::new(Files::FrontMatterNotClosed.into()));
        assert!(split("a.md", "").is_err());
    }
}
