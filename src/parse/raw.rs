//! Raw shapes of the YAML files, as loose as serde allows.

use serde::Deserialize;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// `content/site.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawSite {
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub theme: Option<String>,
    pub bulletin_period: Option<String>,
    pub articles_per_page: Option<i64>,
    pub topics: Option<BTreeMap<String, String>>,
    pub safe_html: Option<bool>,
}

pub const SITE_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "description",
    "theme",
    "bulletin_period",
    "articles_per_page",
    "topics",
    "safe_html",
    // Read by `bantin verify --site` only (src/archive/sign.rs).
    "archive_public_key",
];

/// One entry of `content/indicators.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawIndicator {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub unit: Option<String>,
    pub topic: Option<String>,
    pub better: Option<String>,
    pub description: Option<String>,
    pub aggregate: Option<String>,
    pub measure: Option<String>,
}

pub const INDICATOR_KEYS: &[&str] =
    &["id", "name", "kind", "unit", "topic", "better", "description", "aggregate", "measure"];

/// `content/districts/<slug>/district.yaml` or `content/units/<slug>/unit.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawDistrict {
    pub name: Option<String>,
    pub province: Option<String>,
    pub level: Option<String>,
    pub summary: Option<String>,
    pub data: Option<BTreeMap<String, Vec<Value>>>,
    pub communes: Option<Vec<Value>>,
    /// FORMAT v2, "Units over time": kept as YAML values and checked in
    /// `validate`, so a wrong type is a message at its place.
    pub code: Option<Value>,
    pub parent: Option<Value>,
    pub from: Option<Value>,
    pub until: Option<Value>,
    pub formed_from: Option<Vec<Value>>,
    pub successors: Option<Vec<Value>>,
}

pub const DISTRICT_KEYS: &[&str] = &[
    "name",
    "province",
    "level",
    "summary",
    "data",
    "communes",
    "code",
    "parent",
    "from",
    "until",
    "formed_from",
    "successors",
];
pub const FORMED_FROM_KEYS: &[&str] = &["unit", "name", "whole"];
pub const SUCCESSOR_KEYS: &[&str] = &["unit", "name", "url"];
pub const COMMUNE_KEYS: &[&str] = &["name", "data"];
pub const OBSERVATION_KEYS: &[&str] =
    &["period", "value", "total", "target", "note", "source", "status", "revised_from", "revised_in"];

/// Front matter of an article or a page.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawFrontMatter {
    pub title: Option<String>,
    pub date: Option<Value>,
    pub author: Option<String>,
    pub topics: Option<Vec<String>>,
    pub summary: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub image_caption: Option<String>,
    pub indicators: Option<Vec<String>>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub description: Option<String>,
}

pub const ARTICLE_KEYS: &[&str] = &[
    "title",
    "date",
    "author",
    "topics",
    "summary",
    "image",
    "image_alt",
    "image_caption",
    "indicators",
    "slug",
    "draft",
    "description",
];
pub const PAGE_KEYS: &[&str] = &["title", "slug", "description", "summary", "draft"];

/// A YAML scalar as text: strings as they are, numbers as YAML wrote them.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}
