//! Which share card (`og:image`) each page uses, and the cards' contents.

use super::charts::card::{self, CardText};
use super::earlier::Inputs;
use super::views;
use super::{Output, OutputData, Prepared};
use crate::diag::messages::Build;
use crate::diag::Diagnostic;
use crate::model::{Article, Site};
use crate::text::numfmt::format_date;

/// The site path of the card of the site, a district, or an article.
pub fn site_card() -> String {
    "card.png".into()
}

pub fn district_card(site: &Site, district: usize) -> String {
    crate::route::district_card(crate::route::At::of(&site.districts[district]))
}

/// An article's own card when it has indicators, else its district's.
pub fn article_card(site: &Site, a: &Article) -> String {
    if a.indicators.is_empty() {
        district_card(site, a.district)
    } else {
        format!("{}card.png", views::article_dir(site, a))
    }
}

/// `118/153 thôn` → `118/153`: the figure alone fits a card box.
fn figure(value: &str) -> String {
    let first = value.split(' ').next().unwrap_or(value);
    if first.chars().any(|c| c.is_ascii_digit()) {
        first.to_string()
    } else {
        value.to_string()
    }
}

fn figures(cards: impl Iterator<Item = views::Card>) -> Vec<(String, String)> {
    cards
        .filter(|c| !c.period.is_empty())
        .take(3)
        .map(|c| {
            let unit = if c.unit.is_empty() || c.unit == "%" { String::new() } else { format!(" ({})", c.unit) };
            (figure(&c.value), format!("{}{unit}, {}", c.name, c.period_short))
        })
        .collect()
}

/// The card at `path`: the previous build's when drawn from the same
/// text, else drawn (or taken from `serve`'s memory).
fn png(path: String, text: &CardText, prepared: &Prepared) -> Result<Output, Diagnostic> {
    if let Some(file) = prepared.earlier_file(&path, || Inputs::new("card").value(text)) {
        return Ok(Output { path, data: OutputData::Cached(file) });
    }
    let draw =
        || card::render(text).map_err(|e| Diagnostic::error(&path, None, Build::ShareCard { detail: e.to_string() }));
    let remembered = prepared.cards().and_then(|c| Some((c, Inputs::new("card").value(text)?.finish())));
    let bytes = match remembered {
        Some((c, key)) => c.get_or_make(key, draw)?,
        None => draw()?,
    };
    Ok(Output { path, data: OutputData::Bytes(bytes) })
}

pub fn render_site_card(site: &Site, prepared: &Prepared) -> Result<Output, Diagnostic> {
    let t = site.settings.lang.strings();
    let text = CardText {
        site: site.settings.title.clone(),
        title: if site.settings.description.is_empty() {
            site.settings.title.clone()
        } else {
            site.settings.description.clone()
        },
        subtitle: site.districts.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(" · "),
        figures: vec![
            (site.districts.len().to_string(), t.districts.to_string()),
            (site.indicators.len().to_string(), t.indicators.to_string()),
            (site.articles.len().to_string(), t.articles.to_string()),
        ],
    };
    png(site_card(), &text, prepared)
}

pub fn render_district_card(site: &Site, di: usize, prepared: &Prepared) -> Result<Output, Diagnostic> {
    let d = &site.districts[di];
    let text = CardText {
        site: site.settings.title.clone(),
        title: [d.level.clone().unwrap_or_default(), d.name.clone()].join(" ").trim().to_string(),
        subtitle: d.province.clone().unwrap_or_default(),
        figures: figures(views::cards(site, d).into_iter()),
    };
    png(district_card(site, di), &text, prepared)
}

pub fn render_article_card(site: &Site, ai: usize, prepared: &Prepared) -> Result<Output, Diagnostic> {
    let a = &site.articles[ai];
    let d = &site.districts[a.district];
    let cards = views::article_cards(site, a).into_iter();
    let text = CardText {
        site: site.settings.title.clone(),
        title: a.title.clone(),
        subtitle: format!("{} · {}", d.name, format_date(a.date, site.settings.lang)),
        figures: figures(cards),
    };
    png(article_card(site, a), &text, prepared)
}
