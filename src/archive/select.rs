//! Which files one period's archive holds, and how its pages link to the
//! pages left out: to their address on the live site.

use crate::render::links::resolve;
use std::collections::{BTreeMap, BTreeSet};

/// The local targets of `href`/`src` attributes of an HTML page, as paths
/// from the site root.
fn local_links(page: &str, html: &str) -> Vec<String> {
    let dir = &page[..page.rfind('/').map(|i| i + 1).unwrap_or(0)];
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for piece in html.split(attr).skip(1) {
            let link = piece.split('"').next().unwrap_or("");
            if link.contains("://") || link.starts_with(['#', '/']) || link.contains(':') {
                continue;
            }
            let bare = link.split(['#', '?']).next().unwrap_or("");
            let Some(mut path) = resolve(dir, bare) else { continue };
            if link.ends_with('/') || path.is_empty() {
                path = if path.is_empty() { "index.html".into() } else { format!("{path}/index.html") };
            }
            out.push(path);
        }
    }
    out
}

/// The files of one period's archive: its bulletin pages, every file they
/// link to, and the files (styles, scripts, images) those pages use.
pub(super) fn period_selection(all: &BTreeMap<String, Vec<u8>>, period: &str) -> BTreeSet<String> {
    let is_bulletin = |p: &str| crate::route::is_bulletin_of(p, period);
    let roots: Vec<&String> = all.keys().filter(|p| is_bulletin(p)).collect();
    let mut keep: BTreeSet<String> = roots.iter().map(|s| s.to_string()).collect();
    let html_links = |p: &str| local_links(p, &String::from_utf8_lossy(&all[p]));
    for r in &roots {
        keep.extend(html_links(r).into_iter().filter(|l| all.contains_key(l)));
    }
    let pages: Vec<String> = keep.iter().filter(|p| p.ends_with(".html")).cloned().collect();
    for p in pages {
        let assets = html_links(&p).into_iter().filter(|l| !l.ends_with(".html") && all.contains_key(l));
        keep.extend(assets);
    }
    keep
}

/// Rewrites, in every page of a period's archive, each link to a page that
/// is not in it: to the page's address under `base_url`, marked with
/// `data-outside-archive` (the theme shows an arrow after such links), so no
/// link of an unpacked archive leads nowhere.
pub(super) fn point_outside(files: &mut BTreeMap<String, Vec<u8>>, base_url: &str) {
    let pages: Vec<String> = files.keys().filter(|p| p.ends_with(".html")).cloned().collect();
    for page in pages {
        let html = String::from_utf8_lossy(&files[&page]).into_owned();
        let dir = &page[..page.rfind('/').map(|i| i + 1).unwrap_or(0)];
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = rest.find(" href=\"") {
            let start = at + " href=\"".len();
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let link = &rest[..rest.find('"').unwrap_or(rest.len())];
            match outside_target(files, dir, link) {
                Some(address) => {
                    let url = escape_attribute(&format!("{base_url}{address}"));
                    out.push_str(&format!("{url}\" data-outside-archive=\""));
                }
                None => out.push_str(link),
            }
            rest = &rest[link.len()..];
        }
        out.push_str(rest);
        files.insert(page, out.into_bytes());
    }
}

/// The site address (below `base_url`) of a relative link on a page in
/// `dir` that leads to no file of the archive; `None` for links that stay
/// in it, lead off the site or only within the page.
fn outside_target(files: &BTreeMap<String, Vec<u8>>, dir: &str, link: &str) -> Option<String> {
    if link.is_empty() || link.starts_with(['#', '?', '/']) || link.contains(':') {
        return None;
    }
    let (bare, tail) = link.split_at(link.find(['#', '?']).unwrap_or(link.len()));
    let target = resolve(dir, &crate::render::links::decode_percent(bare))?;
    let candidates = match target.as_str() {
        "" => vec!["index.html".to_string()],
        t => vec![t.to_string(), format!("{t}/index.html")],
    };
    if candidates.iter().any(|c| files.contains_key(c)) {
        return None;
    }
    let address = target.strip_suffix("index.html").unwrap_or(&target);
    let slash = if bare.ends_with('/') && !address.is_empty() && !address.ends_with('/') { "/" } else { "" };
    Some(format!("{address}{slash}{tail}"))
}

fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod outside_tests {
    use super::*;

    fn files(paths: &[&str]) -> BTreeMap<String, Vec<u8>> {
        paths.iter().map(|p| (p.to_string(), Vec::new())).collect()
    }

    #[test]
    fn links_that_stay_in_the_archive_or_the_page_are_kept() {
        let f = files(&["bulletins/2023-Q4/index.html", "districts/a/b/index.html", "districts/a/báo cáo.pdf"]);
        let dir = "districts/a/";
        for link in ["", "#top", "?p=2", "b/", "b", "b/index.html", "b%C3%A1o%20c%C3%A1o.pdf", "https://x.vn/", "/abs"]
        {
            assert_eq!(outside_target(&f, dir, link), None, "{link}");
        }
        assert_eq!(outside_target(&f, "bulletins/2023-Q4/", "./"), None);
    }

    #[test]
    fn links_that_leave_the_archive_get_their_site_address() {
        let f = files(&["bulletins/2023-Q4/index.html"]);
        let dir = "bulletins/2023-Q4/";
        assert_eq!(outside_target(&f, dir, "../2023-Q3/index.html").as_deref(), Some("bulletins/2023-Q3/"));
        assert_eq!(outside_target(&f, dir, "../2023-Q3/").as_deref(), Some("bulletins/2023-Q3/"));
        assert_eq!(outside_target(&f, dir, "../../atom.xml").as_deref(), Some("atom.xml"));
        assert_eq!(outside_target(&f, dir, "../../index.html#tin").as_deref(), Some("#tin"));
        assert_eq!(outside_target(&f, dir, "../../").as_deref(), Some(""), "the home page, at base_url itself");
        assert_eq!(escape_attribute("https://x.vn/\"><b>"), "https://x.vn/&quot;&gt;&lt;b&gt;");
    }

    #[test]
    fn links_resolve_from_the_page_folder() {
        let links = local_links(
            "districts/ky-anh/bulletins/2023-Q4/index.html",
            "<a href=\"../../../../index.html\"><a href=\"../2023-Q3/\"><img src=\"x.png\"><a href=\"https://x/\">",
        );
        assert_eq!(
            links,
            ["index.html", "districts/ky-anh/bulletins/2023-Q3/index.html", "districts/ky-anh/bulletins/2023-Q4/x.png"]
        );
    }
}
