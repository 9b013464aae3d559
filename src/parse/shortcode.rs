//! Cutting shortcodes (`{{ chart(indicator="x") }}`) out of a Markdown body
//! before Markdown or Tera ever see it.
//!
//! Each shortcode is replaced by a placeholder; its name and arguments are
//! kept with their line and column for `validate`. Fenced code blocks are
//! left alone, so documentation can show a shortcode without running it.

use crate::diag::messages::Shortcode as Says;
use crate::diag::Pos;
use crate::model::placeholder;

/// A shortcode as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawShortcode {
    pub name: String,
    pub args: Vec<(String, String)>,
    pub pos: Pos,
}

/// A body with placeholders, the shortcodes found, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub markdown: String,
    pub shortcodes: Vec<RawShortcode>,
    pub errors: Vec<(Pos, Says)>,
}

/// Cuts the shortcodes out of `body`, whose first line is line `first_line`.
pub fn extract(body: &str, first_line: usize) -> Extracted {
    let mut out = Extracted { markdown: String::with_capacity(body.len()), ..Default::default() };
    let mut fence: Option<String> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        let marker: String = trimmed.chars().take_while(|&c| c == '`' || c == '~').collect();
        if marker.len() >= 3 && marker.chars().all(|c| c == marker.chars().next().unwrap_or('`')) {
            match &fence {
                None => fence = Some(marker),
                Some(open) if marker.starts_with(open.as_str()) && trimmed.trim_end() == marker => fence = None,
                _ => {}
            }
            out.markdown.push_str(line);
            continue;
        }
        if fence.is_some() || !line.contains("{{") {
            out.markdown.push_str(line);
            continue;
        }
        extract_line(line, first_line + i, &mut out);
    }
    out
}

fn extract_line(line: &str, line_no: usize, out: &mut Extracted) {
    let mut rest = line;
    let mut consumed_chars = 0;
    while let Some(start) = rest.find("{{") {
        out.markdown.push_str(&rest[..start]);
        let col = consumed_chars + rest[..start].chars().count() + 1;
        let pos = Pos::new(line_no, col);
        let after = &rest[start..];
        let Some(end) = after.find("}}") else {
            out.errors.push((pos, Says::NotClosed));
            out.markdown.push_str(after);
            return;
        };
        let inner = after[2..end].trim();
        match parse_call(inner) {
            Ok((name, args)) => {
                out.markdown.push_str(&placeholder(out.shortcodes.len()));
                out.shortcodes.push(RawShortcode { name, args, pos });
            }
            Err(msg) => {
                out.errors.push((pos, msg));
                out.markdown.push_str(&after[..end + 2]);
            }
        }
        consumed_chars += rest[..start + end + 2].chars().count();
        rest = &after[end + 2..];
    }
    out.markdown.push_str(rest);
}

/// Reads `name(key="value", key2='v', key3=2023)`.
fn parse_call(inner: &str) -> Result<(String, Vec<(String, String)>), Says> {
    let bad = || Says::NotAShortcode { inner: inner.to_string() };
    let open = inner.find('(').ok_or_else(bad)?;
    if !inner.ends_with(')') {
        return Err(bad());
    }
    let name = inner[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(bad());
    }
    let mut args = Vec::new();
    let mut s = inner[open + 1..inner.len() - 1].trim();
    while !s.is_empty() {
        let eq = s.find('=').ok_or_else(bad)?;
        let key = s[..eq].trim().to_string();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad());
        }
        let v = s[eq + 1..].trim_start();
        let (value, rest) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = v[1..].find(q).ok_or_else(|| Says::NoClosingQuote { key: key.clone() })?;
                (v[1..1 + close].to_string(), &v[close + 2..])
            }
            _ => {
                let cut = v.find(',').unwrap_or(v.len());
                (v[..cut].trim().to_string(), &v[cut..])
            }
        };
        if args.iter().any(|(k, _)| *k == key) {
            return Err(Says::ArgumentTwice { key });
        }
        args.push((key, value));
        let rest = rest.trim_start();
        s = match rest.strip_prefix(',') {
            Some(r) => r.trim_start(),
            None if rest.is_empty() => rest,
            None => return Err(bad()),
        };
    }
    Ok((name.to_string(), args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_shortcodes_and_keeps_positions() {
        let body = "Intro {{ value(indicator=\"gross-output\", period=\"2023\") }} end.\n\n{{ chart(indicator='model-hamlets') }}\n";
        let e = extract(body, 5);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        assert_eq!(e.markdown, format!("Intro {} end.\n\n{}\n", placeholder(0), placeholder(1)));
        assert_eq!(e.shortcodes[0].name, "value");
        assert_eq!(
            e.shortcodes[0].args,
            vec![("indicator".into(), "gross-output".into()), ("period".into(), "2023".into())]
        );
        assert_eq!(e.shortcodes[0].pos, Pos::new(5, 7));
        assert_eq!(e.shortcodes[1].pos, Pos::new(7, 1));
    }

    #[test]
    fn leaves_fenced_code_alone() {
        let body = "```\n{{ chart(indicator=\"x\") }}\n```\n";
        let e = extract(body, 1);
        assert_eq!(e.markdown, body);
        assert!(e.shortcodes.is_empty());
    }

    #[test]
    fn reports_malformed() {
        let e = extract("a {{ chart(indicator=\"x\" }}\nb {{ value(\n", 1);
        assert_eq!(e.errors.len(), 2);
        assert_eq!(e.errors[0].0, Pos::new(1, 3));
        assert_eq!(e.errors[1].0, Pos::new(2, 3));
        let e = extract("{{ chart(indicator=2023) }}", 1);
        assert_eq!(e.shortcodes[0].args[0].1, "2023");
    }
}
