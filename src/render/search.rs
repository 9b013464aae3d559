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
    let mut out = crate::text::escape::ScriptJson(b"window.BANTIN_SEARCH = ".to_vec());
    serde_json::to_writer(&mut out, &index).expect("the index serialises into memory");
    out.0.extend_from_slice(b";\n");
    Output { path: "search/index.js".into(), data: OutputData::Bytes(out.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_cut_at_a_word() {
        let long = "từ ".repeat(200);
        let s = snippet(&long);
        assert!(s.ends_with('…') && s.chars().count() <= SNIPPET + 1);
        assert_eq!(snippet("ngắn"), "ngắn");
    }
}
