//! The sources of the site `serve` shows, as last read, owned by the
//! thread that follows edits: after a change only the files named are read
//! again (by [`crate::load::refresh`], under the same rule for symbolic
//! links as `build`) and only the articles among them checked again.

use crate::diag::Diagnostics;
use crate::load::Content;
use crate::model::Site;
use crate::text::lang::Lang;
use crate::theme::Theme;
use std::path::{Path, PathBuf};

/// What the last update did (tests and the log line read it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Update {
    /// Files read again, and articles checked again.
    pub reread: usize,
    pub rechecked: usize,
    /// Everything was loaded again (a file added or removed, say).
    pub full: bool,
}

/// The sources as last read.
pub struct Sources {
    pub(super) root: PathBuf,
    drafts: bool,
    /// `--lang`, if given: messages are otherwise in the site's language.
    pub(super) asked: Option<Lang>,
    pub(super) content: Option<Content>,
    theme: Option<Theme>,
    memo: crate::validate::Memo,
    /// Tests only ([`super::start_with_fault`]): an update that finds this
    /// text in an article panics, as a bug in bantin would.
    fault: Option<String>,
}

impl Sources {
    pub fn new(root: &Path, drafts: bool, asked: Option<Lang>) -> Sources {
        let memo = crate::validate::Memo::keeping();
        Sources { root: root.to_path_buf(), drafts, asked, content: None, theme: None, memo, fault: None }
    }

    /// These sources, where an article holding `marker` makes an update panic.
    pub(super) fn with_fault(self, marker: &str) -> Sources {
        Sources { fault: Some(marker.to_string()), ..self }
    }

    /// Forgets everything read: after an update failed half-way, the next
    /// one reads the whole site again.
    pub(super) fn forget(&mut self) {
        let fault = self.fault.take();
        *self = Sources { fault, ..Sources::new(&self.root, self.drafts, self.asked) };
    }

    /// Reads what changed (`None`: everything) and checks the site again.
    pub(super) fn check(
        &mut self,
        changed: Option<&[String]>,
        diags: &mut Diagnostics,
    ) -> (Option<(Site, Theme)>, Update) {
        let mut update = Update::default();
        let refreshed = match (changed, self.content.as_mut()) {
            (Some(changed), Some(content)) => crate::load::refresh(&self.root, content, changed, diags),
            _ => None,
        };
        let theme_changed = match refreshed {
            Some(r) => {
                update.reread = r.reread.len();
                r.reread.iter().for_each(|rel| self.memo.forget(rel));
                r.theme
            }
            None => {
                update.full = true;
                self.content = Some(crate::load::content(&self.root, diags));
                true
            }
        };
        let content = self.content.as_ref().expect("loaded above");
        self.trip_fault(content);
        let options = crate::validate::Options { drafts: self.drafts };
        let site = crate::validate::site_with_memo(content, options, &mut self.memo, diags);
        update.rechecked = self.memo.checked;
        let Some(mut site) = site else { return (None, update) };
        if !diags.has_errors() {
            // Photos are made once, into the cache: after the first time,
            // this only looks at their sizes and times.
            crate::photos::prepare(&self.root, &mut site, diags);
        }
        if theme_changed || self.theme.is_none() {
            self.theme = Some(crate::theme::resolve(&self.root, &site.settings.theme, &content.templates, diags));
        }
        let theme = self.theme.clone().expect("resolved above");
        ((!diags.has_errors()).then_some((site, theme)), update)
    }

    /// Panics when an article holds the test's marker (tests only).
    fn trip_fault(&self, content: &Content) {
        let Some(marker) = &self.fault else { return };
        let articles = content.districts.iter().flat_map(|d| &d.articles);
        if let Some(a) = articles.into_iter().find(|a| a.text.held().is_some_and(|t| t.contains(marker.as_str()))) {
            panic!("{marker} in {}", a.rel);
        }
    }

    /// A hash of every file charts are drawn from: settings, indicators,
    /// district data (YAML, CSV and workbooks).
    pub(super) fn data_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        if let Some(c) = &self.content {
            let files = c.site.iter().chain(c.indicators.iter());
            let data = c.districts.iter().flat_map(|d| d.yaml.iter().chain(d.csvs.iter()));
            for f in files.chain(data) {
                (&f.rel, &f.text).hash(&mut h);
            }
            for w in c.districts.iter().flat_map(|d| &d.workbooks) {
                (&w.rel, &w.bytes).hash(&mut h);
            }
        }
        h.finish()
    }
}
