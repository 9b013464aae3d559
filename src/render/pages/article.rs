//! An article's page: its text with shortcodes drawn at the article's
//! moment, its unit's trail and banner, its cards, and its assets copied
//! beside it.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::model::Moment;
use crate::render::views::{self, Card, Link};
use crate::render::{markdown, places, share, Output, OutputData};
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
            /// The lead photo's variants, sizes and size (empty when it is
            /// not a photo).
            image_srcset: String,
            image_sizes: &'static str,
            image_width: u32,
            image_height: u32,
            image_alt: String,
            image_caption: String,
            body_html: String,
        }
        let site = self.site;
        let a = &site.articles[ai];
        let d = &site.districts[a.district];
        let dir = views::article_dir(site, a);
        let cards = views::article_cards(site, a);
        let pictures = |link: &str| picture(site, a, link);
        let lead = a.image.as_deref().and_then(pictures);
        let body = ArticlePage {
            article: ArticleInfo {
                title: a.title.clone(),
                date: format_date(a.date, site.settings.lang),
                date_iso: a.date.to_string(),
                author: a.author.clone().unwrap_or_default(),
                district: Link { label: d.name.clone(), href: views::district_href(d) },
                topics: views::topic_links(site, &a.topics),
                image: a.image.clone().unwrap_or_default(),
                image_srcset: lead.as_ref().map(|p| p.srcset.clone()).unwrap_or_default(),
                image_sizes: markdown::SIZES,
                image_width: lead.as_ref().map_or(0, |p| p.width),
                image_height: lead.as_ref().map_or(0, |p| p.height),
                image_alt: a.image_alt.clone().unwrap_or_default(),
                image_caption: a.image_caption.clone().unwrap_or_default(),
                body_html: self.body(&a.body, &dir, &a.file, Some(&Moment::of(a)), &pictures)?,
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
            match site.photos.get(&asset.source.rel) {
                Some(photo) => out.extend(photo.variants.iter().map(|v| Output {
                    path: format!("{dir}{}", photo.variant_name(&asset.name, v)),
                    data: OutputData::Cached(v.file.clone()),
                })),
                None => out.push(Output {
                    path: format!("{dir}{}", asset.name),
                    data: OutputData::Copy(asset.source.abs.clone()),
                }),
            }
        }
        Ok(out)
    }
}

/// How the photo `link` (as an article writes it, relative to the article)
/// is published, if it is one of the article's photos.
fn picture(site: &crate::model::Site, a: &crate::model::Article, link: &str) -> Option<markdown::Picture> {
    let name = crate::render::links::decode_percent(link.strip_prefix("./").unwrap_or(link));
    let asset = a.assets.iter().find(|x| x.name == name)?;
    let photo = site.photos.get(&asset.source.rel)?;
    let widest = photo.variants.last()?;
    let srcset = photo
        .variants
        .iter()
        .map(|v| format!("{} {}w", photo.variant_name(link, v), v.width))
        .collect::<Vec<_>>()
        .join(", ");
    Some(markdown::Picture { src: link.to_string(), srcset, width: widest.width, height: widest.height })
}
