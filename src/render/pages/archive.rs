//! The article archive: `archive/index.html` lists the years and months
//! with articles; `archive/<year>/index.html` the year's articles by month.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::render::links::page_href;
use crate::render::views::{self, ArticleItem, Link};
use crate::render::Output;
use crate::route::Route;
use serde::Serialize;

#[derive(Serialize)]
struct Month {
    month: i8,
    label: String,
    count: usize,
    articles: Vec<ArticleItem>,
}

/// Years that have articles, newest first (articles are sorted newest first).
pub(crate) fn archive_years(site: &Site) -> Vec<i16> {
    let mut years: Vec<i16> = site.articles.iter().map(|a| a.date.year()).collect();
    years.dedup();
    years
}

impl Renderer<'_> {
    fn months(&self, year: i16, with_articles: bool) -> Vec<Month> {
        let t = self.site.settings.lang.strings();
        let mut out: Vec<Month> = Vec::new();
        for (ai, a) in self.site.articles.iter().enumerate().filter(|(_, a)| a.date.year() == year) {
            let m = a.date.month();
            if out.last().is_none_or(|x| x.month != m) {
                out.push(Month { month: m, label: format!("{} {m}/{year}", t.month), count: 0, articles: Vec::new() });
            }
            let last = out.last_mut().expect("pushed above");
            last.count += 1;
            if with_articles {
                last.articles.push(views::article_item(self.site, self.summaries, ai));
            }
        }
        out
    }

    pub(super) fn archive_index(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Year {
            year: i16,
            link: Link,
            count: usize,
            months: Vec<Month>,
        }
        #[derive(Serialize)]
        struct Page {
            years: Vec<Year>,
        }
        let years = archive_years(self.site)
            .into_iter()
            .map(|y| {
                let months = self.months(y, false);
                let link = Link { label: y.to_string(), href: page_href(&Route::ArchiveYear(y).dir()) };
                Year { year: y, link, count: months.iter().map(|m| m.count).sum(), months }
            })
            .collect();
        let t = self.site.settings.lang.strings();
        self.page(
            "archive.html",
            &Route::Archive.dir(),
            self.base(&Route::Archive.dir(), t.archive.into(), String::new(), "archive"),
            Page { years },
        )
    }

    pub(super) fn archive_year(&self, year: i16) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Page {
            year: i16,
            months: Vec<Month>,
        }
        let dir = Route::ArchiveYear(year).dir();
        let t = self.site.settings.lang.strings();
        let title = format!("{} {year}", t.archive);
        self.page(
            "archive_year.html",
            &dir,
            self.base(&dir, title, String::new(), "archive"),
            Page { year, months: self.months(year, true) },
        )
    }
}
