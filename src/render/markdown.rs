//! Markdown to HTML (CommonMark with tables, footnotes, strikethrough and
//! task lists: [`crate::parse::markdown::options`]), and plain text: a
//! body's lead with its values filled in, a front-matter summary.

use crate::parse::markdown::options;
use pulldown_cmark::{html, Event, Parser, Tag, TagEnd};

/// How a photo is published (FORMAT v2, "Photos"): the widest variant and
/// every variant for `srcset`, with the widest one's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

/// The layout width an image takes at most: the page's column (72rem).
pub const SIZES: &str = "(max-width: 72rem) 100vw, 72rem";

/// Renders Markdown to HTML. With `safe_html`, raw HTML in the text is shown
/// as text instead of being passed through.
pub fn to_html(markdown: &str, safe_html: bool) -> String {
    to_html_with(markdown, safe_html, &|_| None)
}

/// [`to_html`], with every image as [`images`] writes it; `pictures`
/// gives the published form of a photo by its link.
pub fn to_html_with(markdown: &str, safe_html: bool, pictures: &dyn Fn(&str) -> Option<Picture>) -> String {
    let parser = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) if safe_html => Event::Text(h),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if safe_html && !safe_url(&dest_url) => {
            Event::Start(Tag::Link { link_type, dest_url: "#".into(), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) if safe_html && !safe_url(&dest_url) => {
            Event::Start(Tag::Image { link_type, dest_url: "#".into(), title, id })
        }
        other => other,
    });
    let events = images(parser.collect(), pictures);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if out.contains("<table>") {
        out = out
            .replace("<table>", "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"><table>")
            .replace("</table>", "</table></div>");
    }
    out
}

/// Every image as the body shows it: `loading="lazy"` and
/// `decoding="async"`, and for a photo its variants (`srcset`, `sizes`) and
/// size; an image with a title alone in its paragraph becomes a `<figure>`
/// with the title as its `<figcaption>`.
fn images<'a>(events: Vec<Event<'a>>, pictures: &dyn Fn(&str) -> Option<Picture>) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &events[i] else {
            out.push(events[i].clone());
            i += 1;
            continue;
        };
        let end = (i..events.len()).find(|&k| matches!(events[k], Event::End(TagEnd::Image))).unwrap_or(events.len());
        let alt: String = events[i + 1..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        // Alone in its paragraph (`<p>` just before, `</p>` just after).
        let alone = matches!(out.last(), Some(Event::Start(Tag::Paragraph)))
            && matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph)));
        let img = img_html(dest_url, &alt, if alone { "" } else { title }, pictures(dest_url).as_ref());
        if alone && !title.is_empty() {
            out.pop();
            let caption = crate::text::escape::xml(title);
            out.push(Event::Html(format!("<figure>{img}<figcaption>{caption}</figcaption></figure>\n").into()));
            i = end + 2;
        } else {
            out.push(Event::InlineHtml(img.into()));
            i = end + 1;
        }
    }
    out
}

fn img_html(src: &str, alt: &str, title: &str, picture: Option<&Picture>) -> String {
    let esc = crate::text::escape::xml;
    let mut out = match picture {
        Some(p) => format!(
            "<img src=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\" width=\"{}\" height=\"{}\"",
            esc(&p.src),
            esc(&p.srcset),
            p.width,
            p.height
        ),
        None => format!("<img src=\"{}\"", esc(src)),
    };
    out.push_str(&format!(" alt=\"{}\"", esc(alt)));
    if !title.is_empty() {
        out.push_str(&format!(" title=\"{}\"", esc(title)));
    }
    out.push_str(" loading=\"lazy\" decoding=\"async\">");
    out
}

/// False for addresses that run code when followed (`javascript:`,
/// `vbscript:`, `data:` other than images).
fn safe_url(url: &str) -> bool {
    let lower: String =
        url.trim().chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
    !(lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || (lower.starts_with("data:") && !lower.starts_with("data:image/")))
}

/// Renders a one-paragraph Markdown snippet (a summary) without its `<p>`.
pub fn inline_html(markdown: &str, safe_html: bool) -> String {
    let html = to_html(markdown, safe_html);
    let trimmed = html.trim();
    match trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

/// A body's lead ([`crate::parse::markdown::lead`]: the text of its first
/// paragraph) as shown: shortcode `n` becomes `fills[n]`.
pub fn lead_text(lead: &str, fills: &[String]) -> String {
    fill_text(lead, fills)
}

/// Plain text of a Markdown snippet (a summary written in front matter).
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    fill_text(out.trim(), &[])
}

/// Puts `fills[n]` in place of placeholder `n` (nothing when absent) and
/// folds white space.
fn fill_text(s: &str, fills: &[String]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut number: Option<String> = None;
    for c in s.chars() {
        match (c, &mut number) {
            ('\u{E000}', _) => number = Some(String::new()),
            ('\u{E001}', Some(n)) => {
                if let Some(fill) = n.parse::<usize>().ok().and_then(|i| fills.get(i)) {
                    out.push_str(fill);
                }
                number = None;
            }
            (_, Some(n)) => n.push(c),
            (_, None) => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Puts rendered shortcodes in place of their placeholders. A shortcode
/// alone in a paragraph replaces the whole paragraph, so block content
/// (a chart) is not wrapped in `<p>`.
///
/// One pass over the page, however many shortcodes it has (5,000 charts in
/// one article took 113 s when each was looked for from the start).
pub fn fill_placeholders(html: &str, rendered: &[String]) -> String {
    const OPEN: char = '\u{E000}';
    const CLOSE: char = '\u{E001}';
    let mut out = String::with_capacity(html.len() + rendered.iter().map(String::len).sum::<usize>());
    let mut used = vec![false; rendered.len()];
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let (before, after) = (&rest[..at], &rest[at + OPEN.len_utf8()..]);
        let digits = after.find(CLOSE).map(|end| &after[..end]);
        let n = digits.and_then(|d| d.parse::<usize>().ok()).filter(|&n| n < rendered.len() && !used[n]);
        let (Some(n), Some(digits)) = (n, digits) else {
            out.push_str(&rest[..at + OPEN.len_utf8()]);
            rest = after;
            continue;
        };
        used[n] = true;
        let tail = &after[digits.len() + CLOSE.len_utf8()..];
        // A shortcode alone in its paragraph replaces the paragraph.
        let alone = before.ends_with("<p>") && tail.starts_with("</p>");
        out.push_str(if alone { &before[..before.len() - 3] } else { before });
        out.push_str(rendered[n].trim());
        rest = if alone { &tail[4..] } else { tail };
    }
    out.push_str(rest);
    out
}

/// Gives the element ids of each rendered shortcode that an earlier one
/// of the same body already used a suffix (`-2`, `-3`…), and the
/// `aria-labelledby` references with them: the same chart twice on a page
/// (a chart of an article's moment and its `as_of="latest"` twin, or one
/// shortcode written twice) must not repeat an id.
pub fn unique_ids(rendered: &mut [String]) {
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    for part in rendered.iter_mut() {
        let ids: Vec<String> =
            part.split(" id=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_string).collect();
        for id in ids {
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                let new = format!("{id}-{n}");
                for (a, b) in [('"', '"'), ('"', ' '), (' ', '"'), (' ', ' ')] {
                    *part = part.replace(&format!("{a}{id}{b}"), &format!("{a}{new}{b}"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::placeholder;

    #[test]
    fn a_chart_shown_twice_gets_ids_of_its_own() {
        let svg =
            r#"<svg aria-labelledby="c-title c-desc"><title id="c-title">T</title><desc id="c-desc">D</desc></svg>"#;
        let mut parts = vec![svg.to_string(), "<span>1</span>".to_string(), svg.to_string(), svg.to_string()];
        unique_ids(&mut parts);
        assert_eq!(parts[0], svg);
        assert_eq!(
            parts[2],
            r#"<svg aria-labelledby="c-title-2 c-desc-2"><title id="c-title-2">T</title><desc id="c-desc-2">D</desc></svg>"#
        );
        assert!(parts[3].contains(r#"id="c-title-3""#) && parts[3].contains(r#""c-title-3 c-desc-3""#));
    }

    #[test]
    fn renders_extensions() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: note\n", false);
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>x</del>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn safe_html_escapes_raw_html() {
        assert!(to_html("<script>x</script>\n", false).contains("<script>"));
        let safe = to_html("a <b onclick=\"x\">b</b>\n\n<script>alert(1)</script>\n", true);
        assert!(!safe.contains("<script>") && !safe.contains("<b "), "{safe}");
        let links = to_html("[a](javascript:alert(1)) [b](JaVaScript:x) ![c](data:text/html,x) [d](../ok/)\n", true);
        assert!(!links.to_lowercase().contains("script:") && !links.contains("data:text"), "{links}");
        assert!(links.contains("href=\"../ok/\""));
    }

    #[test]
    fn summaries() {
        let md = format!("## Head\n\nFirst *para* {}\ngoes on.\n\nSecond.", placeholder(0));
        let lead = crate::parse::markdown::lead(&md);
        assert_eq!(lead_text(&lead, &[]), "First para goes on.");
        assert_eq!(lead_text(&lead, &["8.850,26 tỷ đồng".into()]), "First para 8.850,26 tỷ đồng goes on.");
        assert_eq!(plain_text("A **b**\n\nC"), "A b C");
        assert_eq!(inline_html("A *b*", false), "A <em>b</em>");
    }

    #[test]
    fn placeholders_filled() {
        let html = to_html(&format!("x {} y\n\n{}\n", placeholder(0), placeholder(1)), false);
        let out = fill_placeholders(&html, &["<b>v</b>".into(), "<figure>c</figure>".into()]);
        assert_eq!(out, "<p>x <b>v</b> y</p>\n<figure>c</figure>\n");
    }
}
