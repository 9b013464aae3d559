//! Escaping text for XML and HTML, in content and in attributes (feeds,
//! the sitemap, the HTML bantin writes itself around Markdown's images),
//! for CSV cells a spreadsheet opens, for JSON inside a script, and for the
//! terminal.

/// Escapes text for XML content and attributes.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A text cell of a CSV that bantin publishes: quoted when it must be, and
/// one that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
/// recommends. A number is never written through this.
pub fn csv_cell(s: &str) -> String {
    let guarded = if s.starts_with(FORMULA) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell read back: the `'` that [`csv_cell`] put before a formula
/// character is taken off.
pub fn csv_text_back(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA) => rest,
        _ => s,
    }
}

/// Text for the terminal: control characters other than line ends and
/// tabs (which could move the cursor or recolour the screen, from a file
/// name for instance) are written as `<U+001B>`.
pub fn terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_ = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !s.contains(unsafe_) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars().map(|c| if unsafe_(c) { format!("<U+{:04X}>", c as u32) } else { c.to_string() }).collect()
}

/// A writer for JSON that goes into a script (the search index): it writes `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, so
/// that no text of the site can close the script or start markup. These
/// characters occur only inside JSON strings, where the escapes mean the
/// same; escaping as the bytes are written (instead of three `replace`s
/// of the finished text) keeps one copy of the index, not five.
pub struct ScriptJson(pub Vec<u8>);

impl std::io::Write for ScriptJson {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut rest = bytes;
        while let Some(i) = rest.iter().position(|b| matches!(b, b'<' | b'>' | b'&')) {
            self.0.extend_from_slice(&rest[..i]);
            self.0.extend_from_slice(match rest[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            });
            rest = &rest[i + 1..];
        }
        self.0.extend_from_slice(rest);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_guarded_and_read_back() {
        for (text, cell) in [
            ("=1+1", "'=1+1"),
            ("+84 912", "'+84 912"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
            ("Kỳ Châu", "Kỳ Châu"),
            ("đạt, vượt", "\"đạt, vượt\""),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(csv_cell(text), cell);
        }
        for text in ["=1+1", "-x", "'quoted", "Kỳ Châu", "'"] {
            let cell = csv_cell(text);
            let unquoted = cell.trim_matches('"').replace("\"\"", "\"");
            assert_eq!(csv_text_back(&unquoted), text);
        }
    }

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        assert_eq!(terminal("a\u{1b}[31mb\n\tc"), "a<U+001B>[31mb\n\tc");
        assert_eq!(terminal("\u{9b}2J"), "<U+009B>2J");
        assert!(matches!(terminal("Kỳ Anh"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn markup_characters_in_script_json_are_escaped_as_written() {
        use std::io::Write;
        let mut out = ScriptJson(Vec::new());
        serde_json::to_writer(&mut out, &("</script><b>&amp;", "a < b > c & d")).unwrap();
        out.flush().unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, r#"["\u003c/script\u003e\u003cb\u003e\u0026amp;","a \u003c b \u003e c \u0026 d"]"#);
        let back: (String, String) = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ("</script><b>&amp;".to_string(), "a < b > c & d".to_string()));
    }
}
