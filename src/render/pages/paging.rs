//! Pagination of article lists: page 1 at the list's own folder, page N at
//! `<list>/page/N/`, with previous / next links and page numbers.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::{Article, Site};
use crate::render::links::page_href;
use crate::render::views::{self, ArticleItem};
use crate::render::Output;
use serde::Serialize;

/// A list of articles that is paginated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Home,
    District(usize),
    Topic(usize),
}

impl List {
    /// Every list of the site.
    pub fn all(site: &Site) -> Vec<List> {
        let mut v = vec![List::Home];
        v.extend((0..site.districts.len()).map(List::District));
        v.extend((0..site.topics.len()).map(List::Topic));
        v
    }

    /// The folder of the list's first page.
    pub fn dir(self, site: &Site) -> String {
        match self {
            List::Home => String::new(),
            List::District(i) => format!("districts/{}/", site.districts[i].slug),
            List::Topic(i) => format!("topics/{}/", site.topics[i].slug),
        }
    }

    fn title(self, site: &Site) -> String {
        match self {
            List::Home => site.settings.lang.strings().latest_articles.to_string(),
            List::District(i) => site.districts[i].name.clone(),
            List::Topic(i) => site.topics[i].name.clone(),
        }
    }

    fn includes(self, site: &Site, a: &Article) -> bool {
        match self {
            List::Home => true,
            List::District(i) => a.district == i,
            List::Topic(i) => a.topics.contains(&site.topics[i].slug),
        }
    }

    /// The articles of the list, newest first.
    pub fn articles(self, site: &Site) -> impl Iterator<Item = &Article> {
        site.articles.iter().filter(move |a| self.includes(site, a))
    }

    /// How many pages the list has (at least 1).
    pub fn pages(self, site: &Site) -> usize {
        self.articles(site).count().div_ceil(site.settings.articles_per_page).max(1)
    }

    /// The folder of page `n` (1-based).
    pub fn page_dir(self, site: &Site, n: usize) -> String {
        if n <= 1 {
            self.dir(site)
        } else {
            format!("{}page/{n}/", self.dir(site))
        }
    }
}

/// Links between the pages of a list.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

impl Renderer<'_> {
    /// The articles of page `n` of `list`, and its pager.
    pub(super) fn paged(&self, list: List, n: usize) -> (Vec<ArticleItem>, Pager) {
        let site = self.site;
        let per = site.settings.articles_per_page;
        let total = list.pages(site);
        let items = list.articles(site).skip((n - 1) * per).take(per).map(|a| views::article_item(site, a)).collect();
        let href = |k: usize| page_href(&list.page_dir(site, k));
        let pager = Pager {
            current: n,
            total,
            prev: (n > 1).then(|| href(n - 1)),
            next: (n < total).then(|| href(n + 1)),
            pages: (1..=total).map(|k| PageLink { number: k, href: href(k), current: k == n }).collect(),
        };
        (items, pager)
    }

    /// Page `n` ≥ 2 of a list.
    pub(super) fn list_page(&self, list: List, n: usize) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct ListPage {
            heading: String,
            first_page: String,
            articles: Vec<ArticleItem>,
            pager: Pager,
        }
        let dir = list.page_dir(self.site, n);
        let (articles, pager) = self.paged(list, n);
        let heading = list.title(self.site);
        let t = self.site.settings.lang.strings();
        let title = format!("{heading} – {} {n}", t.page);
        let body = ListPage { heading, first_page: page_href(&list.dir(self.site)), articles, pager };
        let section = match list {
            List::Home => "home",
            List::District(_) => "districts",
            List::Topic(_) => "topics",
        };
        self.page("list.html", &dir, self.base(&dir, title, String::new(), section), body)
    }
}
