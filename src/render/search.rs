//! The search index: a script file (`search/index.js`) rather than JSON,
//! because browsers block `fetch` on file://. The page's own script
//! (`search.js` of the theme) matches ignoring tone marks and `đ`.

use super::views;
use super::{Output, OutputData};
use crate::model::Site;
use serde::Serialize;

/// Longest snippet kept per article, in characters.
const SNIPPET: usize = 220;

#[derive(Serialize)]
struct Index<'a> {
    /// District names; articles refer to them by position.
    d: Vec<&'a str>,
    /// Articles: [title, path from the site root, district, date, snippet, topics].
    a: Vec<(&'a str, String, usize, String, String, String)>,
}

fn snippet(text: &str) -> String {
    if text.chars().count() <= SNIPPET {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// `search/index.js`: `window.BANTIN_SEARCH = {...};`
pub fn index(site: &Site, summaries: &views::Summaries) -> Output {
    let lang = site.settings.lang;
    let index = Index {
        d: site.districts.iter().map(|d| d.name.as_str()).collect(),
        a: site
            .articles
            .iter()
            .enumerate()
            .map(|(ai, a)| {
                let topics =
                    views::topic_links(site, &a.topics).into_iter().map(|l| l.label).collect::<Vec<_>>().join(", ");
                let date = crate::text::numfmt::format_date(a.date, lang);
                (
                    a.title.as_str(),
                    format!("{}index.html", views::article_dir(site, a)),
                    a.district,
                    date,
                    snippet(summaries.get(site, ai)),
                    topics,
                )
            })
            .collect(),
    };
    let mut out = HtmlSafe(b"window.BANTIN_SEARCH = ".to_vec());
    serde_json::to_writer(&mut out, &index).expect("the index serialises into memory");
    out.0.extend_from_slice(b";\n");
    Output { path: "search/index.js".into(), data: OutputData::Bytes(out.0) }
}

/// JSON written with `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, so
/// that no text of the site can close the script or start markup. These
/// characters occur only inside JSON strings, where the escapes mean the
/// same; escaping as the bytes are written (instead of three `replace`s
/// of the finished text) keeps one copy of the index, not five.
struct HtmlSafe(Vec<u8>);

impl std::io::Write for HtmlSafe {
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
    fn markup_characters_in_the_index_are_escaped_as_written() {
        use std::io::Write;
        let mut out = HtmlSafe(Vec::new());
        serde_json::to_writer(&mut out, &("</script><b>&amp;", "a < b > c & d")).unwrap();
        out.flush().unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert_eq!(text, r#"["\u003c/script\u003e\u003cb\u003e\u0026amp;","a \u003c b \u003e c \u0026 d"]"#);
        let back: (String, String) = serde_json::from_str(&text).unwrap();
        assert_eq!(back, ("</script><b>&amp;".to_string(), "a < b > c & d".to_string()));
    }

    #[test]
    fn snippets_are_cut_at_a_word() {
        let long = "từ ".repeat(200);
        let s = snippet(&long);
        assert!(s.ends_with('…') && s.chars().count() <= SNIPPET + 1);
        assert_eq!(snippet("ngắn"), "ngắn");
    }
}
