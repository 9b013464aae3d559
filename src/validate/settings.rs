//! Checking `site.yaml` and `indicators.yaml`.

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
    let title =
        required(doc, "title", raw.title.as_deref(), "the site's name, e.g. `title: Bản tin tiến độ Hà Tĩnh`", diags);
    let base_url = base_url(doc, diags);
    let lang = match raw.language.as_deref() {
        None => Lang::Vi,
        Some(code) => Lang::parse(code.trim()).unwrap_or_else(|| {
            diags.push(doc.error("language", format!("unknown language `{code}`")).with_hint("use `vi` or `en`"));
            Lang::Vi
        }),
    };
    let bulletin_period = match raw.bulletin_period.as_deref().map(str::trim) {
        None | Some("quarter") => Granularity::Quarter,
        Some("month") => Granularity::Month,
        Some("year") => Granularity::Year,
        Some(other) => {
            diags.push(
                doc.error("bulletin_period", format!("unknown bulletin period `{other}`"))
                    .with_hint("use month, quarter or year"),
            );
            Granularity::Quarter
        }
    };
    let articles_per_page = match raw.articles_per_page {
        None => 10,
        Some(n) if (1..=1000).contains(&n) => n as usize,
        Some(n) => {
            diags.push(doc.error("articles_per_page", format!("articles_per_page must be from 1 to 1000, not {n}")));
            10
        }
    };
    let mut topics = BTreeMap::new();
    for (slug, name) in raw.topics.clone().unwrap_or_default() {
        if !is_slug(&slug) {
            diags.push(
                doc.error(&format!("topics.{slug}"), format!("`{slug}` is not a topic slug"))
                    .with_hint("topic slugs are lowercase ASCII with dashes, e.g. nong-thon-moi"),
            );
        }
        topics.insert(slug, name.trim().to_string());
    }
    let settings = Settings {
        title,
        base_url,
        lang,
        description: raw.description.clone().unwrap_or_default().trim().to_string(),
        theme: raw.theme.clone().unwrap_or_else(|| "default".into()).trim().to_string(),
        bulletin_period,
        articles_per_page,
        safe_html: raw.safe_html.unwrap_or(false),
    };
    (settings, topics)
}

fn required<T>(doc: &Parsed<T>, key: &str, value: Option<&str>, example: &str, diags: &mut Diagnostics) -> String {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ => {
            diags.push(
                Diagnostic::error(
                    &doc.file,
                    doc.index.pos(key).or(Some(Pos::new(1, 1))),
                    format!("`{key}` is missing or empty"),
                )
                .with_hint(format!("add {example}")),
            );
            String::new()
        }
    }
}

fn base_url(doc: &Parsed<RawSite>, diags: &mut Diagnostics) -> String {
    let example = "an absolute address, e.g. `base_url: https://example.gov.vn/bantin/`";
    let url = required(doc, "base_url", doc.value.base_url.as_deref(), example, diags);
    if url.is_empty() {
        return "https://example.invalid/".into();
    }
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !scheme_ok || url.len() <= "https://".len() || url.contains(char::is_whitespace) {
        diags.push(
            doc.error("base_url", format!("`{url}` is not an absolute http(s) address"))
                .with_hint(format!("use {example}")),
        );
    }
    if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    }
}

/// The indicator catalogue, in file order; problems reported.
pub fn indicators(doc: &Parsed<Vec<RawIndicator>>, diags: &mut Diagnostics) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, raw) in doc.value.iter().enumerate() {
        let path = format!("[{i}]");
        unknown_keys(doc, &path, INDICATOR_KEYS, diags);
        if let Some(ind) = indicator(doc, &path, raw, diags) {
            if let Some(first) = seen.get(&ind.id) {
                let line = doc.index.pos(&format!("[{first}]")).map(|p| p.line).unwrap_or(0);
                diags.push(
                    doc.error(
                        &format!("{path}.id"),
                        format!("the indicator id `{}` is used twice (first on line {line})", ind.id),
                    )
                    .with_hint("give every indicator its own id"),
                );
                continue;
            }
            seen.insert(ind.id.clone(), i);
            out.push(ind);
        }
    }
    out
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
        diags
            .push(doc.error(path, "this indicator has no `id`").with_hint("add e.g. `id: model-hamlets` ([a-z0-9-]+)"));
    } else if !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        diags.push(
            doc.error(&format!("{path}.id"), format!("the id `{id}` may only use a-z, 0-9 and `-`"))
                .with_hint(format!("try `{}`", crate::text::slug::slugify(&id))),
        );
    }
    let name = raw.name.clone().unwrap_or_default().trim().to_string();
    if name.is_empty() {
        diags.push(doc.error(path, format!("the indicator `{id}` has no `name`")));
    }
    let kind = match raw.kind.as_deref().map(str::trim) {
        Some("count") => Kind::Count,
        Some("amount") => Kind::Amount,
        Some("percent") => Kind::Percent,
        Some("rank") => Kind::Rank,
        Some(other) => {
            diags.push(
                doc.error(&format!("{path}.kind"), format!("unknown kind `{other}`"))
                    .with_hint("use count, amount, percent or rank"),
            );
            Kind::Count
        }
        None => {
            diags.push(
                doc.error(path, format!("the indicator `{id}` has no `kind`"))
                    .with_hint("add `kind:` count, amount, percent or rank"),
            );
            Kind::Count
        }
    };
    let better = match raw.better.as_deref().map(str::trim) {
        None => {
            if kind == Kind::Rank {
                Better::Lower
            } else {
                Better::Higher
            }
        }
        Some("higher") => Better::Higher,
        Some("lower") => Better::Lower,
        Some(other) => {
            diags
                .push(doc.error(&format!("{path}.better"), format!("`better` must be higher or lower, not `{other}`")));
            Better::Higher
        }
    };
    if let Some(topic) = &raw.topic {
        if !is_slug(topic) {
            diags.push(
                doc.error(&format!("{path}.topic"), format!("`{topic}` is not a topic slug"))
                    .with_hint(format!("try `{}`", crate::text::slug::slugify(topic))),
            );
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
    })
}
