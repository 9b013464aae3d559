//! Publishing on simple web servers: feeds, sitemap, robots.txt,
//! pagination, the search index and hashed assets.

mod common;
use common::*;

fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"))
}

#[test]
fn atom_feeds_are_valid_and_absolute() {
    let b = build(&fixture("many_articles"), false);
    for feed in ["atom.xml", "districts/ky-anh/atom.xml", "topics/nong-thon-moi/atom.xml"] {
        let text = b.read(feed);
        let doc = xml(&text);
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
        assert_eq!(root.tag_name().name(), "feed");
        let child = |n: roxmltree::Node, tag: &str| {
            n.children().find(|c| c.has_tag_name(tag)).map(|c| c.text().unwrap_or("").to_string())
        };
        assert!(child(root, "id").unwrap().starts_with("https://example.gov.vn/sub/"));
        assert_eq!(child(root, "updated").unwrap(), "2024-01-07T00:00:00+07:00", "dates from the articles");
        let entries: Vec<_> = root.children().filter(|c| c.has_tag_name("entry")).collect();
        assert_eq!(entries.len(), 7);
        assert_eq!(child(entries[0], "title").unwrap(), "Bài số 7 về nông thôn mới");
        let link = entries[0].children().find(|c| c.has_tag_name("link")).unwrap();
        assert_eq!(link.attribute("href"), Some("https://example.gov.vn/sub/districts/ky-anh/bai-7/"));
        let author = entries[0].descendants().find(|c| c.has_tag_name("name")).unwrap();
        assert_eq!(author.text(), Some("Tác giả <b>7</b>"), "escaped, read back as text");
    }
    let home = b.read("index.html");
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    assert!(b.read("districts/ky-anh/index.html").contains("href=\"../../districts/ky-anh/atom.xml\""));
}

#[test]
fn sitemap_lists_every_page_with_content_dates() {
    let b = build(&fixture("many_articles"), false);
    let text = b.read("sitemap.xml");
    let doc = xml(&text);
    let locs: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let t = |tag: &str| u.children().find(|c| c.has_tag_name(tag)).unwrap().text().unwrap().to_string();
            (t("loc"), t("lastmod"))
        })
        .collect();
    let pages: Vec<String> = b.files().into_iter().filter(|f| f.ends_with("index.html")).collect();
    assert_eq!(locs.len(), pages.len(), "every page but 404.html");
    assert!(locs.contains(&("https://example.gov.vn/sub/districts/ky-anh/bai-3/".into(), "2024-01-03".into())));
    assert!(locs.contains(&("https://example.gov.vn/sub/".into(), "2024-01-07".into())));
    assert!(!text.contains("404"));
}

#[test]
fn robots_txt_points_at_the_sitemap_unless_the_site_has_one() {
    let own = build(&fixture("many_articles"), false);
    assert_eq!(own.read("robots.txt"), "User-agent: *\nDisallow: /nhap/\n");
    let default = build(&fixture("data_kinds"), false);
    let minimal = build(&fixture("minimal"), false);
    assert!(minimal.read("robots.txt").contains("Sitemap: https://example.gov.vn/sitemap.xml"));
    assert_eq!(default.read("robots.txt"), "User-agent: *\n", "content/static/robots.txt wins");
}

#[test]
fn lists_are_paginated() {
    let b = build(&fixture("many_articles"), false);
    // 7 articles, 3 a page: pages 1 (the list itself), 2 and 3.
    for list in ["", "districts/ky-anh/", "topics/nong-thon-moi/"] {
        assert!(b.exists(&format!("{list}page/2/index.html")), "{list}");
        assert!(b.exists(&format!("{list}page/3/index.html")), "{list}");
        assert!(!b.exists(&format!("{list}page/4/index.html")), "{list}");
        assert!(!b.exists(&format!("{list}page/1/index.html")), "page 1 is the list's own folder");
    }
    let first = b.read("index.html");
    assert!(first.contains("Bài số 7") && first.contains("Bài số 5") && !first.contains("Bài số 4"));
    assert!(first.contains("rel=\"next\" href=\"page/2/index.html\""));
    let second = b.read("page/2/index.html");
    assert!(second.contains("Bài số 4") && second.contains("Bài số 2") && !second.contains("Bài số 5"));
    assert!(second.contains("rel=\"prev\" href=\"../../index.html\""));
    assert!(second.contains("rel=\"next\" href=\"../../page/3/index.html\""));
    let third = b.read("districts/ky-anh/page/3/index.html");
    assert!(third.contains("Bài số 1") && !third.contains("rel=\"next\""));
    assert!(broken_links(&b.out).is_empty(), "{:#?}", broken_links(&b.out));
}

#[test]
fn search_index_is_a_script_with_every_article() {
    let b = build(&fixture("many_articles"), false);
    let js = b.read("search/index.js");
    assert!(js.starts_with("window.BANTIN_SEARCH = {"));
    assert!(!js.contains('<'), "no raw < in the script");
    let json: serde_json::Value =
        serde_json::from_str(js.trim_start_matches("window.BANTIN_SEARCH = ").trim_end().trim_end_matches(';'))
            .unwrap();
    assert_eq!(json["d"][0], "Kỳ Anh");
    assert_eq!(json["a"].as_array().unwrap().len(), 7);
    assert_eq!(json["a"][0][1], "districts/ky-anh/bai-7/index.html");
    let page = b.read("search/index.html");
    assert!(page.contains("<script src=\"index.js\"></script>"));
    assert!(page.contains("data-root=\"../\""));
    let script =
        b.files().into_iter().find(|f| f.starts_with("search.") && f.ends_with(".js")).expect("hashed search script");
    assert!(page.contains(&format!("src=\"../{script}\"")));
}

#[test]
fn theme_assets_carry_their_hash() {
    let b = build(&fixture("minimal"), false);
    let css = b.stylesheet();
    let bytes = std::fs::read(b.out.join(&css)).unwrap();
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(css, format!("style.{}.css", &hex[..8]));
    assert!(!b.exists("style.css"));
}

#[test]
fn a_site_with_hundreds_of_articles() {
    let site = generated_site(300, 6);
    let b = build(site.path(), false);
    // 300 articles, 10 a page: 30 pages for the home list.
    assert!(b.exists("page/30/index.html") && !b.exists("page/31/index.html"));
    // 50 per district: 5 pages each.
    assert!(b.exists("districts/ky-anh-1/page/5/index.html"));
    assert!(broken_links(&b.out).is_empty());
    let sitemap = b.read("sitemap.xml");
    let pages = b.files().into_iter().filter(|f| f.ends_with("index.html")).count();
    assert_eq!(
        roxmltree::Document::parse(&sitemap).unwrap().descendants().filter(|n| n.has_tag_name("url")).count(),
        pages
    );
    let feed = b.read("atom.xml");
    assert_eq!(
        roxmltree::Document::parse(&feed).unwrap().descendants().filter(|n| n.has_tag_name("entry")).count(),
        50
    );
    let index = b.read("search/index.js");
    assert_eq!(index.matches("index.html\"").count(), 300);
    let per_article = index.len() / 300;
    assert!(per_article < 600, "search index: {per_article} bytes per article");
}
