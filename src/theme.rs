//! Themes: the built-in default theme and the override order.
//!
//! A file is looked up in this order, first found wins (as in Zola):
//! 1. the site's `templates/<name>` (templates only);
//! 2. the site's `themes/<theme>/templates/<name>` or `themes/<theme>/static/<path>`;
//! 3. the built-in theme of that name (only `default` is built in).

use crate::diag::messages::{Files, Site};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{self, TextFile};
use std::collections::BTreeMap;
use std::path::Path;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled into the binary.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = builtin!(
    "base.html",
    "index.html",
    "districts.html",
    "district.html",
    "article.html",
    "indicator.html",
    "indicators.html",
    "topic.html",
    "topics.html",
    "page.html",
    "404.html",
    "partials/card.html",
    "partials/articles.html",
    "partials/obs_table.html",
    "partials/chart.html",
    "partials/pager.html",
    "partials/commune_charts.html",
    "partials/article_section.html",
    "list.html",
    "search.html",
    "bulletin.html",
    "bulletin_site.html",
    "bulletins.html",
    "archive.html",
    "archive_year.html",
    "partials/edition.html",
    "partials/status_legend.html",
    "partials/bulletin_years.html",
    "partials/news_of_period.html",
    "partials/footer.html",
    "partials/unit_banner.html",
    "partials/unit_trail.html",
    "partials/unit_facts.html",
    "units.html",
    "data_status.html",
    "shortcodes/chart.html",
    "shortcodes/value.html",
);

/// The default theme's static files, compiled into the binary.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../themes/default/static/style.css")),
    ("search.js", include_bytes!("../themes/default/static/search.js")),
    ("units.css", include_bytes!("../themes/default/static/units.css")),
];

/// A theme static file's bytes: compiled in, or read from the theme folder
/// (they are small, and reading them here keeps rendering free of I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticSource {
    Builtin(&'static [u8]),
    Read(Vec<u8>),
}

impl StaticSource {
    pub fn bytes(&self) -> &[u8] {
        match self {
            StaticSource::Builtin(b) => b,
            StaticSource::Read(v) => v,
        }
    }
}

/// A template's text and the file it came from (for messages).
#[derive(Debug, Clone)]
pub struct Template {
    pub origin: String,
    pub text: String,
}

/// The templates and static files of the site's theme, overrides applied.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, Template>,
    pub statics: BTreeMap<String, StaticSource>,
}

/// Resolves the theme `name` for the site at `root`.
pub fn resolve(root: &Path, name: &str, site_templates: &BTreeMap<String, TextFile>, diags: &mut Diagnostics) -> Theme {
    let mut theme = Theme::default();
    if name == "default" {
        for (n, text) in DEFAULT_TEMPLATES {
            theme
                .templates
                .insert(n.to_string(), Template { origin: format!("(built-in theme)/{n}"), text: text.to_string() });
        }
        for (n, bytes) in DEFAULT_STATIC {
            theme.statics.insert(n.to_string(), StaticSource::Builtin(bytes));
        }
    }
    let dir = format!("themes/{name}");
    if root.join(&dir).is_dir() {
        let tpl_dir = format!("{dir}/templates/");
        for file in load::walk(root, &format!("{dir}/templates"), diags) {
            if let Some(t) = load::read_text(&file, diags) {
                let key = t.rel[tpl_dir.len()..].to_string();
                theme.templates.insert(key, Template { origin: t.rel, text: t.text.to_string() });
            }
        }
        let static_dir = format!("{dir}/static/");
        for file in load::walk(root, &format!("{dir}/static"), diags) {
            match std::fs::read(&file.abs) {
                Ok(bytes) => {
                    theme.statics.insert(file.rel[static_dir.len()..].to_string(), StaticSource::Read(bytes));
                }
                Err(e) => diags.push(Diagnostic::error(&file.rel, None, Files::CannotRead { detail: e.to_string() })),
            }
        }
    } else if name != "default" {
        diags.push(Diagnostic::error(
            "content/site.yaml",
            None,
            Site::NoTheme { name: name.to_string(), dir: dir.to_string() },
        ));
    }
    for (n, t) in site_templates {
        theme.templates.insert(n.clone(), Template { origin: t.rel.clone(), text: t.text.to_string() });
    }
    theme
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_matches_the_theme_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = DEFAULT_TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
        built_in.sort();
        assert_eq!(on_disk, built_in, "list every template of themes/default in DEFAULT_TEMPLATES");
    }
}
