//! Checking articles and pages: front matter, slugs, shortcodes, assets.

use super::{body, Ctx};
use crate::diag::messages::{Content as Says, Data};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::{DistrictFiles, TextFile};
use crate::model::{Article, Asset, Moment, Page};
use crate::parse::frontmatter;
use crate::parse::raw::{scalar_text, RawFrontMatter, ARTICLE_KEYS, PAGE_KEYS};
use crate::parse::{unknown_keys, yaml, Parsed};
use crate::text::shared::Shared;
use crate::text::slug::{is_slug, slugify};
use jiff::civil::Date;
use std::collections::BTreeMap;

fn front_matter(
    file: &TextFile,
    keys: &[&str],
    diags: &mut Diagnostics,
) -> Option<(Parsed<RawFrontMatter>, Shared, usize)> {
    let split = frontmatter::split(&file.rel, &file.text).map_err(|d| diags.push(d)).ok()?;
    let doc: Parsed<RawFrontMatter> = yaml(&file.rel, split.yaml, 1, diags)?;
    unknown_keys(&doc, "", keys, diags);
    // The body is the file's tail: a piece of its text, not a copy.
    let start = file.text.len() - split.body.len();
    let body = file.text.slice(start..file.text.len()).expect("the body is a tail of the text, cut at a line end");
    Some((doc, body, split.body_line))
}

fn title(doc: &Parsed<RawFrontMatter>, diags: &mut Diagnostics) -> String {
    let t = doc.value.title.clone().unwrap_or_default().trim().to_string();
    if t.is_empty() {
        diags.push(Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), Says::NoTitle));
    }
    t
}

/// The longest slug, in characters (all ASCII): a slug is a folder name,
/// and file systems stop at 255 bytes.
pub const MAX_SLUG: usize = 150;

fn slug(doc: &Parsed<RawFrontMatter>, file_stem: &str, diags: &mut Diagnostics) -> Option<String> {
    let (s, at) = match &doc.value.slug {
        Some(s) => {
            let s = s.trim();
            if !is_slug(s) {
                diags.push(doc.error("slug", Says::BadSlug { slug: s.to_string(), suggestion: slugify(s) }));
                return None;
            }
            (s.to_string(), doc.pos("slug"))
        }
        None => {
            let s = slugify(strip_date_prefix(file_stem));
            if s.is_empty() {
                diags.push(Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), Says::EmptySlug));
                return None;
            }
            (s, Some(Pos::new(1, 1)))
        }
    };
    if s.len() > MAX_SLUG {
        diags.push(Diagnostic::error(&doc.file, at, Says::SlugTooLong { length: s.len(), max: MAX_SLUG }));
        return None;
    }
    Some(s)
}

/// `2024-01-06-tong-ket` → `tong-ket`.
pub fn strip_date_prefix(stem: &str) -> &str {
    let b = stem.as_bytes();
    let is_date = b.len() > 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b[10] == b'-';
    if is_date {
        &stem[11..]
    } else {
        stem
    }
}

fn date(doc: &Parsed<RawFrontMatter>, diags: &mut Diagnostics) -> Option<Date> {
    let Some(raw) = doc.value.date.as_ref().and_then(scalar_text) else {
        diags.push(Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), Says::NoDate));
        return None;
    };
    let text = raw.trim();
    let parsed = (text.len() == 10).then(|| text.parse::<Date>().ok()).flatten();
    match parsed {
        None => {
            let iso = day_first(text).map(|d| d.to_string());
            diags.push(doc.error("date", Says::NotADate { text: text.to_string(), iso }));
        }
        Some(d) if !crate::model::period::date_in_range(d) => {
            diags.push(doc.error("date", Says::DateOutside { text: text.to_string() }));
            return None;
        }
        Some(_) => {}
    }
    parsed
}

/// A date written day first, as Vietnamese write it: `06/01/2023`,
/// `6/1/2023`, `06-01-2023`, `06.01.2023`.
fn day_first(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [day, month, year] = parts[..] else { return None };
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(day, 1..=2) && digits(month, 1..=2) && digits(year, 4..=4)) {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// Checks one article of the district at `district`.
pub fn article(file: &TextFile, district: usize, ctx: &Ctx, diags: &mut Diagnostics) -> Option<Article> {
    let before = diags.error_count();
    let (doc, body_text, body_line) = front_matter(file, ARTICLE_KEYS, diags)?;
    let draft = doc.value.draft.unwrap_or(false);
    if draft && !ctx.drafts {
        return None;
    }
    let title = title(&doc, diags);
    let date = date(&doc, diags);
    let stem = file.rel.rsplit('/').next().unwrap_or("").trim_end_matches(".md");
    let slug = slug(&doc, stem, diags);
    let topics = topics(&doc, diags);
    let indicators = article_indicators(&doc, district, ctx, diags);
    let image = lead_image(&doc, diags);
    let moment = date.zip(slug.as_deref()).map(|(date, article)| Moment { date, district, article });
    let mut body =
        body::check(&file.rel, body_text, body_line, body::Place { district: Some(district), moment }, ctx, diags);
    let summary = doc.value.summary.clone().filter(|s| !s.trim().is_empty());
    if summary.is_some() {
        body.lead = String::new(); // the summary is shown instead
    }
    (diags.error_count() == before).then(|| Article {
        district,
        slug: slug.unwrap_or_default(),
        title,
        date: date.unwrap_or_default(),
        author: doc.value.author.clone().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()),
        topics,
        summary,
        image_alt: image.as_ref().and_then(|_| clean(&doc.value.image_alt)),
        image_caption: image.as_ref().and_then(|_| clean(&doc.value.image_caption)),
        image,
        indicators,
        draft,
        body,
        file: file.rel.clone(),
        assets: Vec::new(),
    })
}

/// The article's `image:`, checked; a warning when it has no `image_alt`
/// (screen readers, and readers whose connection drops the picture, get
/// nothing from an image without one).
fn lead_image(doc: &Parsed<RawFrontMatter>, diags: &mut Diagnostics) -> Option<String> {
    let image = clean(&doc.value.image)?;
    if let Err(problem) = relative_path_ok(&image) {
        diags.push(doc.error("image", problem));
    }
    if clean(&doc.value.image_alt).is_none() {
        diags.push(Diagnostic::warning(&doc.file, doc.pos("image"), Says::ImageNoAlt { image: image.clone() }));
    }
    Some(image)
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A path inside the article's folder: relative, no `..`, no scheme.
pub fn relative_path_ok(p: &str) -> Result<(), Says> {
    if p.starts_with('/') || p.starts_with('\\') || p.contains(':') {
        return Err(Says::AbsolutePath { path: p.to_string() });
    }
    if p.split(['/', '\\']).any(|seg| seg == "..") {
        return Err(Says::ClimbingPath { path: p.to_string() });
    }
    Ok(())
}

/// The most topics one article may have: each topic's page lists the
/// article with all its topics, so the pages grow with the square.
pub const MAX_TOPICS: usize = 20;

fn topics(doc: &Parsed<RawFrontMatter>, diags: &mut Diagnostics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let count = doc.value.topics.as_ref().map_or(0, Vec::len);
    if count > MAX_TOPICS {
        diags.push(doc.error(&format!("topics[{MAX_TOPICS}]"), Says::TooManyTopics { count, max: MAX_TOPICS }));
        return out;
    }
    for (i, t) in doc.value.topics.iter().flatten().enumerate() {
        let s = slugify(t);
        if s.is_empty() {
            let problem = crate::diag::messages::Site::TopicSlug { topic: t.clone(), suggestion: String::new() };
            diags.push(doc.error(&format!("topics[{i}]"), problem));
        } else if s != *t {
            let problem = Says::TopicReadAs { topic: t.clone(), slug: s.clone() };
            diags.push(Diagnostic::warning(&doc.file, doc.pos(&format!("topics[{i}]")), problem));
        }
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn article_indicators(doc: &Parsed<RawFrontMatter>, district: usize, ctx: &Ctx, diags: &mut Diagnostics) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, id) in doc.value.indicators.iter().flatten().enumerate() {
        let path = format!("indicators[{i}]");
        match ctx.indicators.iter().position(|ind| ind.id == *id) {
            None if ctx.broken.covers(id) => diags.push(Diagnostic::warning(&doc.file, None, Data::Unchecked)),
            None => {
                let (closest, known) = super::closest_known(id, ctx);
                diags.push(doc.error(&path, Says::UnknownIndicator { id: id.clone(), closest, known }))
            }
            Some(ix) => {
                if ctx.districts[district].series_for(ix).is_none() {
                    let problem = Says::NoDataFor { district: ctx.districts[district].slug.clone(), id: id.clone() };
                    diags.push(Diagnostic::warning(&doc.file, doc.pos(&path), problem));
                }
                if !out.contains(&ix) {
                    out.push(ix);
                }
            }
        }
    }
    out
}

/// Assets of a district, each placed beside the articles of the nearest
/// folder (its own or a parent) that holds articles.
pub fn place_assets(files: &DistrictFiles, articles: &mut [std::sync::Arc<Article>], diags: &mut Diagnostics) {
    let base = format!("content/{}/{}/", files.root.folder(), files.folder);
    let dir_of = |rel: &str| rel[..rel.rfind('/').unwrap_or(0)].to_string();
    let mut by_dir: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_dir.entry(dir_of(&a.file)).or_default().push(i);
    }
    for asset in &files.assets {
        let mut dir = dir_of(&asset.rel);
        let owners = loop {
            if let Some(owners) = by_dir.get(&dir) {
                break Some(owners);
            }
            if dir.len() < base.len() {
                break None;
            }
            dir = dir_of(&dir);
        };
        let Some(owners) = owners else {
            diags.push(Diagnostic::warning(&asset.rel, None, Says::AssetWithoutArticle));
            continue;
        };
        let name = asset.rel[dir.len() + 1..].to_string();
        for &i in owners {
            std::sync::Arc::make_mut(&mut articles[i]).assets.push(Asset { source: asset.clone(), name: name.clone() });
        }
    }
    for a in articles.iter() {
        if let Some(img) = &a.image {
            if relative_path_ok(img).is_ok() && !a.assets.iter().any(|x| x.name == *img) {
                diags.push(Diagnostic::error(&a.file, None, Says::ImageMissing { image: img.clone() }));
            }
        }
    }
}

/// Checks a standalone page.
pub fn page(file: &TextFile, ctx: &Ctx, diags: &mut Diagnostics) -> Option<Page> {
    let before = diags.error_count();
    let (doc, body_text, body_line) = front_matter(file, PAGE_KEYS, diags)?;
    if doc.value.draft.unwrap_or(false) && !ctx.drafts {
        return None;
    }
    let title = title(&doc, diags);
    let stem = file.rel.rsplit('/').next().unwrap_or("").trim_end_matches(".md");
    let slug = slug(&doc, stem, diags)?;
    if crate::route::RESERVED.contains(&slug.as_str()) {
        let reserved = crate::route::RESERVED.iter().map(|r| r.to_string()).collect();
        let problem = Says::ReservedPageSlug { slug: slug.clone(), reserved };
        diags.push(Diagnostic::error(&file.rel, doc.pos("slug").or(Some(Pos::new(1, 1))), problem));
    }
    let body = body::check(&file.rel, body_text, body_line, body::Place { district: None, moment: None }, ctx, diags);
    (diags.error_count() == before).then(|| Page {
        slug,
        title,
        description: doc.value.description.clone().or(doc.value.summary.clone()),
        body,
        file: file.rel.clone(),
    })
}
