//! Checking articles and pages: front matter, slugs, shortcodes, assets.

use super::body;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::{DistrictFiles, TextFile};
use crate::model::{Article, Asset, District, Indicator, Moment, Page};
use crate::parse::frontmatter;
use crate::parse::raw::{scalar_text, RawFrontMatter, ARTICLE_KEYS, PAGE_KEYS};
use crate::parse::{unknown_keys, yaml, Parsed};
use crate::text::shared::Shared;
use crate::text::slug::{is_slug, slugify};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Top-level output folders a page slug may not take.
pub const RESERVED: &[&str] = &["districts", "bulletins", "indicators", "topics", "search", "page", "static", "assets"];

/// What an article check needs to know of the rest of the site.
pub struct Ctx<'a> {
    pub indicators: &'a [Indicator],
    pub districts: &'a [District],
    pub drafts: bool,
}

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
        diags.push(
            Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), "the front matter has no `title`")
                .with_hint("add a line `title: ...` between the `---` lines"),
        );
    }
    t
}

fn slug(doc: &Parsed<RawFrontMatter>, file_stem: &str, diags: &mut Diagnostics) -> Option<String> {
    if let Some(s) = &doc.value.slug {
        let s = s.trim();
        if !is_slug(s) {
            let hint = match slugify(s) {
                t if t.is_empty() => "a slug is lowercase a-z, 0-9 and single dashes, e.g. `tong-ket-2023`".to_string(),
                t => format!("a slug is lowercase a-z, 0-9 and single dashes; try `{t}`"),
            };
            diags.push(doc.error("slug", format!("`{s}` is not a valid slug")).with_hint(hint));
            return None;
        }
        return Some(s.to_string());
    }
    let stem = strip_date_prefix(file_stem);
    let s = slugify(stem);
    if s.is_empty() {
        diags.push(
            Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), "the file name gives an empty slug")
                .with_hint("rename the file, or add `slug: ...` to the front matter"),
        );
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
        diags.push(
            Diagnostic::error(&doc.file, Some(Pos::new(1, 1)), "the front matter has no `date`")
                .with_hint("add e.g. `date: 2024-01-06` (YYYY-MM-DD)"),
        );
        return None;
    };
    let text = raw.trim();
    let parsed = (text.len() == 10).then(|| text.parse::<Date>().ok()).flatten();
    if parsed.is_none() {
        diags.push(
            doc.error("date", format!("`{text}` is not a date"))
                .with_hint("write the date as YYYY-MM-DD, e.g. 2024-01-06"),
        );
    }
    parsed
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
    let body =
        body::check(&file.rel, body_text, body_line, body::Place { district: Some(district), moment }, ctx, diags);
    (diags.error_count() == before).then(|| Article {
        district,
        slug: slug.unwrap_or_default(),
        title,
        date: date.unwrap_or_default(),
        author: doc.value.author.clone().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()),
        topics,
        summary: doc.value.summary.clone().filter(|s| !s.trim().is_empty()),
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
    if let Err(msg) = relative_path_ok(&image) {
        diags.push(
            doc.error("image", msg).with_hint("give the image's path relative to the article, e.g. `image: anh.jpg`"),
        );
    }
    if clean(&doc.value.image_alt).is_none() {
        diags.push(
            Diagnostic::warning(&doc.file, doc.pos("image"), format!("the image `{image}` has no `image_alt`"))
                .with_hint("describe what it shows, e.g. `image_alt: Toàn cảnh hội nghị tổng kết năm 2023`"),
        );
    }
    Some(image)
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A path inside the article's folder: relative, no `..`, no scheme.
pub fn relative_path_ok(p: &str) -> Result<(), String> {
    if p.starts_with('/') || p.starts_with('\\') || p.contains(':') {
        return Err(format!("`{p}` must be a relative path, not an absolute one"));
    }
    if p.split(['/', '\\']).any(|seg| seg == "..") {
        return Err(format!("`{p}` may not climb out of the article's folder with `..`"));
    }
    Ok(())
}

fn topics(doc: &Parsed<RawFrontMatter>, diags: &mut Diagnostics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, t) in doc.value.topics.iter().flatten().enumerate() {
        let s = slugify(t);
        if s.is_empty() {
            diags.push(doc.error(&format!("topics[{i}]"), format!("`{t}` is not a topic slug")));
        } else if s != *t {
            diags.push(
                Diagnostic::warning(
                    &doc.file,
                    doc.pos(&format!("topics[{i}]")),
                    format!("the topic `{t}` is read as `{s}`"),
                )
                .with_hint("write topic slugs in lowercase ASCII with dashes, and name them in site.yaml `topics:`"),
            );
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
            None => diags.push(
                doc.error(&path, format!("unknown indicator `{id}`"))
                    .with_hint("use an id from content/indicators.yaml"),
            ),
            Some(ix) => {
                if ctx.districts[district].series_for(ix).is_none() {
                    diags.push(Diagnostic::warning(
                        &doc.file,
                        doc.pos(&path),
                        format!("the district `{}` has no data for `{id}`", ctx.districts[district].slug),
                    ));
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
    let base = format!("content/districts/{}/", files.folder);
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
            diags.push(
                Diagnostic::warning(
                    &asset.rel,
                    None,
                    "this file is not in a folder with an article, so it is not published",
                )
                .with_hint("put assets beside the article that uses them"),
            );
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
                diags.push(
                    Diagnostic::error(&a.file, None, format!("the image `{img}` does not exist beside this article"))
                        .with_hint("put the image file in the article's folder, or fix the path in `image:`"),
                );
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
    if RESERVED.contains(&slug.as_str()) {
        diags.push(
            Diagnostic::error(
                &file.rel,
                doc.pos("slug").or(Some(Pos::new(1, 1))),
                format!("the slug `{slug}` is taken by the site's own pages"),
            )
            .with_hint(format!("choose another slug; reserved: {}", RESERVED.join(", "))),
        );
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
