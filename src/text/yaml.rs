//! Writing YAML by hand: what `new` and `import` put in the files they
//! write, so that any text reads back as exactly that text.

/// Text as a double-quoted YAML string (control characters as `\uXXXX`).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_quotes_and_backslashes_are_escaped() {
        assert_eq!(quoted("a\nb"), "\"a\\u000Ab\"");
        assert_eq!(quoted("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(quoted("Kỳ Anh: 110/154"), "\"Kỳ Anh: 110/154\"");
    }
}
