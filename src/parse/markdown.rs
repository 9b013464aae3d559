//! The Markdown dialect pages are rendered in (CommonMark with tables,
//! footnotes, strikethrough and task lists), and the lead of a body: the
//! text of its first paragraph. (The link and photo checks parse with
//! every extension on, to find every link an author may have meant.)

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The Markdown extensions every stage parses with.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The text of the first paragraph of `markdown` that has any, its white
/// space folded to single spaces, shortcode placeholders kept (they are
/// filled in when it is shown): what a list shows of an article without a
/// `summary`. Worked out when the body is checked, so that showing it
/// never needs the body again.
pub fn lead(markdown: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) => depth += 1,
            Event::End(TagEnd::Paragraph) if depth > 0 => {
                if !out.trim().is_empty() {
                    break;
                }
                depth -= 1;
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::lead;

    #[test]
    fn the_lead_is_the_first_paragraph_with_text_headings_and_empty_ones_skipped() {
        let md = "# Tiêu đề\n\n<div></div>\n\nHuyện  đạt **12/20** tiêu chí,\nxếp thứ `7`.\n\nĐoạn sau.\n";
        assert_eq!(lead(md), "Huyện đạt 12/20 tiêu chí, xếp thứ 7.");
    }

    #[test]
    fn the_lead_keeps_placeholders_for_the_values_shown_later() {
        assert_eq!(lead("Đạt \u{E000}0\u{E001} tỷ đồng.\n"), "Đạt \u{E000}0\u{E001} tỷ đồng.");
        assert_eq!(lead("| a |\n|---|\n| b |\n"), "");
    }
}
