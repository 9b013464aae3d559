//! Checking `site.yaml` and `indicators.yaml`.

use crate::diag::messages::Site;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Better, Granularity, Indicator, Kind, Settings};
use crate::parse::raw::{RawIndicator, RawSite, INDICATOR_KEYS, SITE_KEYS};
use crate::parse::{unknown_keys, Parsed};
use crate::text::lang::Lang;
use crate::text::slug::is_slug;
use std::collections::BTreeMap;

/// Settings with defaults; problems reported. Topic names are returned
/// apart, by slug.
pub fn settings(doc: &Parsed<RawSite>, diags: &mut Diagnostics) -> (Settings, BTreeMap<String, String>) {
    unknown_keys(doc, "", SITE_KEYS, diags);
    let raw = &doc.value;
    let title = required(doc, "title", raw.title.as_deref(), Site::NoTitle, diags);
    let base_url = base_url(doc, diags);
    let lang = match raw.language.as_deref() {
        None => Lang::Vi,
        Some(code) => Lang::parse(code.trim()).unwrap_or_else(|| {
            diags.push(doc.error("language", Site::UnknownLanguage { code: code.to_string() }));
            Lang::Vi
        }),
    };
    let bulletin_period = match raw.bulletin_period.as_deref().map(str::trim) {
        None | Some("quarter") => Granularity::Quarter,
        Some("month") => Granularity::Month,
        Some("year") => Granularity::Year,
        Some(other) => {
            diags.push(doc.error("bulletin_period", Site::UnknownBulletinPeriod { value: other.to_string() }));
            Granularity::Quarter
        }
    };
    let articles_per_page = match raw.articles_per_page {
        None => 10,
        Some(n) if (1..=1000).contains(&n) => n as usize,
        Some(n) => {
            diags.push(doc.error("articles_per_page", Site::ArticlesPerPage { n }));
            10
        }
    };
    let mut topics = BTreeMap::new();
    for (slug, name) in raw.topics.clone().unwrap_or_default() {
        if !is_slug(&slug) {
            let problem = Site::TopicSlug { topic: slug.clone(), suggestion: String::new() };
            diags.push(doc.error(&format!("topics.{slug}"), problem));
        }
        topics.insert(slug, name.trim().to_string());
    }
    let theme = raw.theme.clone().unwrap_or_else(|| "default".into()).trim().to_string();
    let one_folder = !theme.is_empty()
        && !matches!(theme.as_str(), "." | "..")
        && !theme.contains(['/', '\\', ':', '\0'])
        && !theme.starts_with('~');
    let theme = if one_folder {
        theme
    } else {
        diags.push(doc.error("theme", Site::ThemeName { name: theme }));
        "default".to_string()
    };
    let settings = Settings {
        title,
        base_url,
        lang,
        description: raw.description.clone().unwrap_or_default().trim().to_string(),
        theme,
        bulletin_period,
        articles_per_page,
        safe_html: raw.safe_html.unwrap_or(false),
    };
    (settings, topics)
}

fn required<T>(doc: &Parsed<T>, key: &str, value: Option<&str>, missing: Site, diags: &mut Diagnostics) -> String {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => {
            diags.push(Diagnostic::error(&doc.file, doc.index.pos(key).or(Some(Pos::new(1, 1))), missing));
            String::new()
        }
    }
}

fn base_url(doc: &Parsed<RawSite>, diags: &mut Diagnostics) -> String {
    let url = required(doc, "base_url", doc.value.base_url.as_deref(), Site::NoBaseUrl, diags);
    if url.is_empty() {
        return "https://example.invalid/".into();
    }
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    // Characters an address never holds as they are (RFC 3986): they
    // would break the feed, the sitemap and the Open Graph tags.
    let mut forbidden: Vec<char> = url.chars().filter(|c| "\"<>\\^`{|}".contains(*c) || c.is_control()).collect();
    forbidden.sort_unstable();
    forbidden.dedup();
    let forbidden: String = forbidden.into_iter().collect();
    if !scheme_ok || url.len() <= "https://".len() || url.contains(char::is_whitespace) {
        diags.push(doc.error("base_url", Site::NotAbsoluteUrl { url: url.clone() }));
    } else if !forbidden.is_empty() {
        diags.push(doc.error("base_url", Site::UrlCharacters { url: url.clone(), chars: forbidden }));
    }
    if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    }
}

/// The indicator catalogue, in file order; problems reported. Also the ids
/// of the entries rejected, whose uses elsewhere are knock-on problems.
pub fn indicators(
    doc: &Parsed<Vec<RawIndicator>>,
    diags: &mut Diagnostics,
) -> (Vec<Indicator>, std::collections::BTreeSet<String>) {
    let mut rejected = std::collections::BTreeSet::new();
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let path = format!("[{i}]");
        unknown_keys(doc, &path, INDICATOR_KEYS, diags);
        let Some(ind) = indicator(doc, &path, raw, diags) else {
            rejected.extend(raw.id.clone());
            continue;
        };
        if let Some(first) = seen.get(&ind.id) {
            let line = doc.index.pos(&format!("[{first}]")).map(|p| p.line).unwrap_or(0);
            diags.push(doc.error(&format!("{path}.id"), Site::DuplicateIndicatorId { id: ind.id.clone(), line }));
            continue;
        }
        seen.insert(ind.id.clone(), i);
        out.push(ind);
    }
    (out, rejected)
}

fn indicator(
    doc: &Parsed<Vec<RawIndicator>>,
    path: &str,
    raw: &RawIndicator,
    diags: &mut Diagnostics,
) -> Option<Indicator> {
    let before = diags.error_count();
    let id = raw.id.clone().unwrap_or_default();
    if id.is_empty() {
        diags.push(doc.error(path, Site::NoIndicatorId));
    } else if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        let suggestion = crate::text::slug::slugify(&id);
        diags.push(doc.error(&format!("{path}.id"), Site::BadIndicatorId { id: id.clone(), suggestion }));
    }
    let name = raw.name.clone().unwrap_or_default().trim().to_string();
    if name.is_empty() {
        diags.push(doc.error(path, Site::IndicatorNoName { id: id.clone() }));
    }
    let kind = kind(doc, path, raw, &id, diags);
    let better = better(doc, path, raw, kind, diags);
    let flow = match raw.measure.as_deref().map(str::trim) {
        None | Some("level") => false,
        Some("flow") => true,
        Some(other) => {
            diags.push(doc.error(&format!("{path}.measure"), Site::BadMeasure { value: other.to_string() }));
            false
        }
    };
    let sums = match raw.aggregate.as_deref().map(str::trim) {
        None | Some("none") => false,
        Some("sum") => true,
        Some(other) => {
            diags.push(doc.error(&format!("{path}.aggregate"), Site::BadAggregate { value: other.to_string() }));
            false
        }
    };
    if let Some(topic) = &raw.topic {
        if !is_slug(topic) {
            let suggestion = crate::text::slug::slugify(topic);
            diags.push(doc.error(&format!("{path}.topic"), Site::TopicSlug { topic: topic.clone(), suggestion }));
        }
    }
    (diags.error_count() == before).then(|| Indicator {
        id,
        name,
        kind,
        unit: raw.unit.clone().map(|u| u.trim().to_string()).filter(|u| !u.is_empty()),
        topic: raw.topic.clone(),
        better,
        description: raw.description.clone(),
        sums,
        flow,
    })
}

/// An indicator's `kind`; a missing or unknown one is reported.
fn kind(doc: &Parsed<Vec<RawIndicator>>, path: &str, raw: &RawIndicator, id: &str, diags: &mut Diagnostics) -> Kind {
    match raw.kind.as_deref().map(str::trim) {
        Some("count") => Kind::Count,
        Some("amount") => Kind::Amount,
        Some("percent") => Kind::Percent,
        Some("rank") => Kind::Rank,
        Some(other) => {
            diags.push(doc.error(&format!("{path}.kind"), Site::UnknownKind { kind: other.to_string() }));
            Kind::Count
        }
        None => {
            diags.push(doc.error(path, Site::NoKind { id: id.to_string() }));
            Kind::Count
        }
    }
}

/// Which way is progress: as written, else lower for ranks and higher for
/// the rest.
fn better(
    doc: &Parsed<Vec<RawIndicator>>,
    path: &str,
    raw: &RawIndicator,
    kind: Kind,
    diags: &mut Diagnostics,
) -> Better {
    match raw.better.as_deref().map(str::trim) {
        None if kind == Kind::Rank => Better::Lower,
        None => Better::Higher,
        Some("higher") => Better::Higher,
        Some("lower") => Better::Lower,
        Some(other) => {
            diags.push(doc.error(&format!("{path}.better"), Site::BadBetter { value: other.to_string() }));
            Better::Higher
        }
    }
}
