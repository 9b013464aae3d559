//! Pagination of article lists: page 1 at the list's own folder, page N at
//! `<list>/page/N/`, with previous / next links and page numbers.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::render::links::page_href;
use crate::render::views::{self, ArticleItem};
use crate::render::Output;
use crate::route::{self, At, Route};
use serde::Serialize;
use std::collections::BTreeMap;

/// A list of articles that is paginated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
            List::District(i) => Route::District(At::of(&site.districts[i])).dir(),
            List::Topic(i) => Route::Topic(&site.topics[i].slug).dir(),
        }
    }

    fn title(self, site: &Site) -> String {
        match self {
            List::Home => site.settings.lang.strings().latest_articles.to_string(),
            List::District(i) => site.districts[i].name.clone(),
            List::Topic(i) => site.topics[i].name.clone(),
        }
    }

    /// Every list with its articles (indices into `site.articles`, newest
    /// first), worked out once: paging through a list is then a slice.
    pub fn memberships(site: &Site) -> BTreeMap<List, Vec<usize>> {
        let mut m: BTreeMap<List, Vec<usize>> = List::all(site).into_iter().map(|l| (l, Vec::new())).collect();
        let topic_index: BTreeMap<&str, usize> =
            site.topics.iter().enumerate().map(|(i, t)| (t.slug.as_str(), i)).collect();
        for (i, a) in site.articles.iter().enumerate() {
            m.get_mut(&List::Home).expect("listed").push(i);
            m.get_mut(&List::District(a.district)).expect("listed").push(i);
            for t in &a.topics {
                if let Some(&ti) = topic_index.get(t.as_str()) {
                    m.get_mut(&List::Topic(ti)).expect("listed").push(i);
                }
            }
        }
        m
    }

    /// How many pages a list of `count` articles has (at least 1).
    pub fn pages_for(site: &Site, count: usize) -> usize {
        count.div_ceil(site.settings.articles_per_page).max(1)
    }

    /// The folder of page `n` (1-based).
    pub fn page_dir(self, site: &Site, n: usize) -> String {
        if n <= 1 {
            self.dir(site)
        } else {
            route::list_page(&self.dir(site), n)
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

/// A page number in a pager; `gap` stands for the numbers left out.
#[derive(Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    pub gap: bool,
}

/// How many page numbers a pager shows on each side of the current one.
const AROUND: usize = 2;

/// The page numbers a pager shows: the first, the last, and those around
/// the current one, with a gap marker where numbers are left out.
fn shown_pages(current: usize, total: usize) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut last = 0;
    for k in 1..=total {
        let near = k.abs_diff(current) <= AROUND;
        if k == 1 || k == total || near {
            if k > last + 1 {
                out.push((0, true));
            }
            out.push((k, false));
            last = k;
        }
    }
    out
}

impl Renderer<'_> {
    /// The articles of page `n` of `list`, and its pager.
    pub(super) fn paged(&self, list: List, n: usize) -> (Vec<ArticleItem>, Pager) {
        let site = self.site;
        let per = site.settings.articles_per_page;
        let members = self.lists.get(&list).map(Vec::as_slice).unwrap_or(&[]);
        let total = List::pages_for(site, members.len());
        let start = ((n - 1) * per).min(members.len());
        let end = (n * per).min(members.len());
        let items = members[start..end].iter().map(|&i| views::article_item(site, self.summaries, i)).collect();
        let href = |k: usize| page_href(&list.page_dir(site, k));
        let pager = Pager {
            current: n,
            total,
            prev: (n > 1).then(|| href(n - 1)),
            next: (n < total).then(|| href(n + 1)),
            pages: shown_pages(n, total)
                .into_iter()
                .map(|(k, gap)| PageLink {
                    number: k,
                    href: if gap { String::new() } else { href(k) },
                    current: k == n,
                    gap,
                })
                .collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_show_a_window() {
        let pages = |c, t| {
            shown_pages(c, t)
                .into_iter()
                .map(|(k, gap)| if gap { "…".to_string() } else { k.to_string() })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(pages(1, 3), "1 2 3");
        assert_eq!(pages(1, 30), "1 2 3 … 30");
        assert_eq!(pages(15, 30), "1 … 13 14 15 16 17 … 30");
        assert_eq!(pages(30, 30), "1 … 28 29 30");
        assert_eq!(pages(4, 30), "1 2 3 4 5 6 … 30");
    }
}
