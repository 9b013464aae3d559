//! The Markdown body and the YAML snippet of suggested observations.

use super::*;

pub(super) fn render_body(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        if !out.is_empty() {
            out.push('\n');
        }
        let line = escape_markdown(&p.text);
        if p.caption {
            out.push('*');
            out.push_str(&line);
            out.push('*');
        } else {
            out.push_str(&line);
        }
        out.push('\n');
    }
    out
}

/// One paragraph as Markdown text that reads as written.
pub(super) fn escape_markdown(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let opens_tag = |&n: &char| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?');
        let tag = c == '<' && chars.get(i + 1).is_some_and(opens_tag);
        if tag || matches!(c, '\\' | '*' | '_' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    no_shortcodes(&escape_line_start(out))
}

/// Escapes a first character that would start a heading, quote, list,
/// fence or rule.
pub(super) fn escape_line_start(line: String) -> String {
    let (first, second) = (line.chars().next(), line.chars().nth(1));
    let Some(first) = first else { return line };
    let starts_block = match first {
        '#' | '>' => true,
        '-' | '+' => second.is_none_or(|c| c == ' '),
        '~' => line.starts_with("~~~"),
        _ => false,
    };
    let rule_like = line.chars().all(|c| matches!(c, '-' | '=' | ' '));
    if starts_block || rule_like {
        format!("\\{line}")
    } else {
        line
    }
}

/// `{{` would open a shortcode: `{ {` instead, however many braces.
pub(super) fn no_shortcodes(s: &str) -> String {
    let mut out = s.to_string();
    while out.contains("{{") {
        out = out.replace("{{", "{ {");
    }
    out
}

pub(super) fn ymd(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `110/154`, or the value with a dot and as many decimals as written.
pub(super) fn yaml_value(f: &Figure) -> String {
    match f.total {
        Some(total) => format!("{}/{}", plain_number(f.value, 0), plain_number(total, 0)),
        None => plain_number(f.value, decimals_in(&f.text)),
    }
}

pub(super) fn plain_number(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// The number of decimals of the first number in `text` (`8.850,26` → 2).
pub(super) fn decimals_in(text: &str) -> usize {
    let s: Vec<char> = text.chars().collect();
    let Some(i) = s.iter().position(char::is_ascii_digit) else { return 0 };
    let j = scan_number(&s, i);
    s[i..j].iter().position(|&c| c == ',').map_or(0, |p| j - i - p - 1)
}

pub(super) fn short_slug(title: &str) -> String {
    let slug = slugify(title);
    if slug.is_empty() {
        return "bai-viet".to_string();
    }
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // The slug is ASCII, so byte positions are character positions.
    match slug[..=MAX_SLUG].rfind('-') {
        Some(p) if p > 0 => slug[..p].to_string(),
        _ => slug[..MAX_SLUG].to_string(),
    }
}
