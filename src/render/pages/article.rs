//! An article's page: its text with shortcodes drawn at the article's
//! moment, its unit's trail and banner, its cards, and its assets copied
//! beside it.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::Moment;
use crate::render::views::{self, Card, Link};
use crate::render::{places, share, Output, OutputData};
use crate::text::numfmt::format_date;
use serde::Serialize;

impl Renderer<'_> {
    pub(super) fn article(&self, ai: usize) -> Result<Vec<Output>, Diagnostic> {
        #[derive(Serialize)]
        struct ArticlePage {
            article: ArticleInfo,
            cards: Vec<Card>,
            place: places::Place,
        }
        #[derive(Serialize)]
        struct ArticleInfo {
            title: String,
            date: String,
            date_iso: String,
            author: String,
            district: Link,
            topics: Vec<Link>,
            image: String,
            image_alt: String,
            image_caption: String,
            body_html: String,
        }
        let site = self.site;
        let a = &site.articles[ai];
        let d = &site.districts[a.district];
        let dir = views::article_dir(site, a);
        let cards = views::article_cards(site, a);
        let body = ArticlePage {
            article: ArticleInfo {
                title: a.title.clone(),
                date: format_date(a.date, site.settings.lang),
                date_iso: a.date.to_string(),
                author: a.author.clone().unwrap_or_default(),
                district: Link { label: d.name.clone(), href: views::district_href(d) },
                topics: views::topic_links(site, &a.topics),
                image: a.image.clone().unwrap_or_default(),
                image_alt: a.image_alt.clone().unwrap_or_default(),
                image_caption: a.image_caption.clone().unwrap_or_default(),
                body_html: self.body(&a.body, &dir, &a.file, Some(&Moment::of(a)))?,
            },
            cards,
            place: places::place(site, a.district),
        };
        let base = self.base_with_card(
            &dir,
            a.title.clone(),
            self.summaries.get(site, ai).to_string(),
            "districts",
            &share::article_card(site, a),
        );
        let mut out = vec![self.page("article.html", &dir, base, body)?];
        for asset in &a.assets {
            out.push(Output { path: format!("{dir}{}", asset.name), data: OutputData::Copy(asset.source.abs.clone()) });
        }
        Ok(out)
    }
}
