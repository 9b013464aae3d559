//! Atom feeds, the sitemap and robots.txt: the only files, with canonical
//! and Open Graph tags, that use absolute URLs from `base_url`. Dates come
//! from the content, never from the clock.

use super::links::absolute;
use super::views::{self, Summaries};
use super::{Output, OutputData};
use crate::model::{Article, Site};
use crate::route::{At, Route};
use crate::text::escape::xml;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// How many entries a feed holds, newest first.
pub const FEED_ENTRIES: usize = 50;

/// A date as an Atom timestamp, at midnight in Vietnam.
fn stamp(d: Date) -> String {
    format!("{d}T00:00:00+07:00")
}

/// The newest date the site's content knows: its latest article, else the
/// end of its latest observed period.
pub fn site_updated(site: &Site) -> Date {
    let article = site.articles.first().map(|a| a.date);
    let data = site
        .districts
        .iter()
        .flat_map(|d| d.series.iter().chain(d.communes.iter().flat_map(|c| c.series.iter())))
        .flat_map(|s| s.observations.iter().filter(|o| o.value.is_some()).map(|o| o.period.end()))
        .max();
    article.into_iter().chain(data).max().unwrap_or(Date::constant(2000, 1, 1))
}

/// One Atom feed of `articles` (newest first) for the page in `dir`.
/// `articles` are indices into the site's articles.
pub fn atom(
    site: &Site,
    summaries: &Summaries,
    title: &str,
    dir: &str,
    articles: impl Iterator<Item = usize>,
) -> Output {
    let base = &site.settings.base_url;
    let path = format!("{dir}atom.xml");
    let articles: Vec<usize> = articles.take(FEED_ENTRIES).collect();
    let updated = articles.first().map(|&ai| site.articles[ai].date).unwrap_or_else(|| site_updated(site));
    let mut x = String::with_capacity(1024 + articles.len() * 600);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", site.settings.lang.code()));
    x.push_str(&format!("<title>{}</title>\n", xml(title)));
    if !site.settings.description.is_empty() {
        x.push_str(&format!("<subtitle>{}</subtitle>\n", xml(&site.settings.description)));
    }
    x.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(&absolute(base, &path))
    ));
    x.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(&absolute(base, dir))));
    x.push_str(&format!("<id>{}</id>\n<updated>{}</updated>\n", xml(&absolute(base, &path)), stamp(updated)));
    x.push_str(&format!(
        "<author><name>{}</name></author>\n<generator>bantin</generator>\n",
        xml(&site.settings.title)
    ));
    for ai in articles {
        entry(&mut x, site, &site.articles[ai], summaries.get(site, ai));
    }
    x.push_str("</feed>\n");
    Output { path, data: OutputData::Bytes(x.into_bytes()) }
}

fn entry(x: &mut String, site: &Site, a: &Article, summary: &str) {
    let url = absolute(&site.settings.base_url, &views::article_dir(site, a));
    x.push_str("<entry>\n");
    x.push_str(&format!("<title>{}</title>\n", xml(&a.title)));
    x.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(&url)));
    x.push_str(&format!("<id>{}</id>\n", xml(&url)));
    x.push_str(&format!("<published>{0}</published>\n<updated>{0}</updated>\n", stamp(a.date)));
    if let Some(author) = &a.author {
        x.push_str(&format!("<author><name>{}</name></author>\n", xml(author)));
    }
    for t in &a.topics {
        let label = site.topic(t).map(|t| t.name.as_str()).unwrap_or(t);
        x.push_str(&format!("<category term=\"{}\" label=\"{}\"/>\n", xml(t), xml(label)));
    }
    if !summary.is_empty() {
        x.push_str(&format!("<summary type=\"text\">{}</summary>\n", xml(summary)));
    }
    x.push_str("</entry>\n");
}

/// Every feed of the site: the whole site, each district, each topic.
pub fn all_feeds(site: &Site, summaries: &Summaries) -> Vec<Output> {
    let all = || 0..site.articles.len();
    let mut out = vec![atom(site, summaries, &site.settings.title, "", all())];
    for (i, d) in site.districts.iter().enumerate() {
        let title = format!("{} – {}", d.name, site.settings.title);
        let articles = all().filter(|&ai| site.articles[ai].district == i);
        out.push(atom(site, summaries, &title, &Route::District(At::of(d)).dir(), articles));
    }
    for t in &site.topics {
        let title = format!("{} – {}", t.name, site.settings.title);
        let articles = all().filter(|&ai| site.articles[ai].topics.contains(&t.slug));
        out.push(atom(site, summaries, &title, &Route::Topic(&t.slug).dir(), articles));
    }
    out
}

/// The date a page last changed: an article's own date; for a district's
/// or topic's pages, the newest article there; otherwise the site's.
struct LastMod<'a> {
    site_date: Date,
    articles: BTreeMap<String, Date>,
    districts: BTreeMap<&'a str, Date>,
    topics: BTreeMap<&'a str, Date>,
}

impl<'a> LastMod<'a> {
    fn new(site: &'a Site) -> Self {
        let mut districts = BTreeMap::new();
        let mut topics = BTreeMap::new();
        // Articles are newest first: the first date seen is the newest.
        for a in &site.articles {
            districts.entry(site.districts[a.district].slug.as_str()).or_insert(a.date);
            for t in &a.topics {
                topics.entry(t.as_str()).or_insert(a.date);
            }
        }
        let articles =
            site.articles.iter().map(|a| (format!("{}index.html", views::article_dir(site, a)), a.date)).collect();
        LastMod { site_date: site_updated(site), articles, districts, topics }
    }

    fn of(&self, page: &str) -> Date {
        if let Some(d) = self.articles.get(page) {
            return *d;
        }
        let mut parts = page.split('/');
        let found = match (parts.next(), parts.next()) {
            (Some("districts" | "units"), Some(slug)) => self.districts.get(slug),
            (Some("topics"), Some(slug)) => self.topics.get(slug),
            _ => None,
        };
        found.copied().unwrap_or(self.site_date)
    }
}

/// `sitemap.xml` listing every HTML page of `paths` but 404.html.
pub fn sitemap(site: &Site, paths: &[&str]) -> Output {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let lastmod = LastMod::new(site);
    for page in paths.iter().filter(|p| p.ends_with("index.html")) {
        let dir = page.trim_end_matches("index.html");
        let date = lastmod.of(page);
        x.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{date}</lastmod></url>\n",
            xml(&absolute(&site.settings.base_url, dir))
        ));
    }
    x.push_str("</urlset>\n");
    Output { path: "sitemap.xml".into(), data: OutputData::Bytes(x.into_bytes()) }
}

/// A `robots.txt` that allows everything and points at the sitemap.
pub fn robots(site: &Site) -> Output {
    let text = format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", site.settings.base_url);
    Output { path: "robots.txt".into(), data: OutputData::Bytes(text.into_bytes()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml("x\u{1}y"), "xy");
    }
}
