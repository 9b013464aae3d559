//! Links between pages: every link in HTML is relative, so the site works
//! in any sub-folder and from file://. Only feeds, the sitemap, canonical
//! and Open Graph tags use absolute URLs from `base_url`.
//!
//! Pages are named by their output folder relative to the site root, with
//! a trailing `/` (`districts/ky-anh/`); the home page is `""`. Links point
//! at the folder's `index.html` so they open from disk too.

/// The way from a page's folder back to the site root: `""`, `"../"`, …
pub fn root_prefix(page_dir: &str) -> String {
    "../".repeat(page_dir.matches('/').count())
}

/// The link target of a page folder, relative to the site root.
pub fn page_href(dir: &str) -> String {
    format!("{dir}index.html")
}

/// A relative link from the page in `from_dir` to the site path `target`.
pub fn relative(from_dir: &str, target: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let common = common.min(to.len().saturating_sub(1));
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to[common..].join("/"));
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// A link's path as a file name: `%XX` escapes decoded (`anh%201.jpg` is
/// `anh 1.jpg`, `%C3%A1` is `á`, as Markdown writes non-ASCII names); a `%`
/// not followed by two hex digits is kept, and a link whose escapes are
/// not UTF-8 is kept as written.
pub fn decode_percent(link: &str) -> String {
    let b = link.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| link.to_string())
}

/// The site path a relative link written on the page in `from_dir` leads
/// to; `None` when it climbs above the site root.
pub fn resolve(from_dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The absolute URL of a site path (`base_url` ends with `/`).
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{base_url}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(root_prefix(""), "");
        assert_eq!(root_prefix("districts/"), "../");
        assert_eq!(root_prefix("districts/ky-anh/tong-ket/"), "../../../");
    }

    #[test]
    fn relative_links() {
        assert_eq!(relative("districts/ky-anh/a/", "districts/ky-anh/b/index.html"), "../b/index.html");
        assert_eq!(relative("", "districts/index.html"), "districts/index.html");
        assert_eq!(relative("districts/ky-anh/", "indicators/x.csv"), "../../indicators/x.csv");
        assert_eq!(relative("districts/ky-anh/", "districts/ky-anh/index.html"), "index.html");
        assert_eq!(relative("a/", "a/"), "./");
        assert_eq!(relative("a/b/", "index.html"), "../../index.html");
    }

    #[test]
    fn resolves_links() {
        assert_eq!(resolve("districts/ky-anh/a/", "../b/").as_deref(), Some("districts/ky-anh/b"));
        assert_eq!(resolve("districts/ky-anh/a/", "x.png").as_deref(), Some("districts/ky-anh/a/x.png"));
        assert_eq!(resolve("a/", "../../x"), None);
    }

    #[test]
    fn absolute_urls() {
        assert_eq!(absolute("https://x.vn/bantin/", "districts/ky-anh/"), "https://x.vn/bantin/districts/ky-anh/");
    }
}
