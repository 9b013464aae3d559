//! bantin: a static-site generator for public progress bulletins.
//!
//! # The pipeline
//! A build runs six stages, each in its own module, each handing the next an
//! immutable value:
//!
//! 1. [`load`]: walk the site root, read text files (UTF-8, NFC, `\n`).
//! 2. [`parse`]: text into raw serde types, with a position index per YAML
//!    file, front matter split off, shortcodes cut out, CSV rows read.
//! 3. [`validate`]: raw types into the checked [`model`], collecting every
//!    problem as a [`diag::Diagnostic`] with file, line and column.
//! 4. [`model`]: the immutable site, with derived figures.
//!    [`photos`] then makes every photo beside an article into its published
//!    widths, once, in the cache outside the output, and records them in the
//!    model (`Site::photos`).
//! 5. [`render`]: model and [`theme`] into output files in memory; pure.
//! 6. [`write`]: the only code that writes the output, atomically.
//!
//! Only `load`, `theme` (reading a theme folder), `photos` (reading photos,
//! writing its cache `.bantin-cache/`) and `write` touch the disk; nothing
//! reads the clock, so the same input gives the same bytes. One exception,
//! for memory: a large build's article texts are set aside by `load` in a
//! temporary file ([`text::spool`]), which the later stages read back
//! through [`text::spool::Text::get`] (the run's own copy, never the site's
//! files again).

pub mod archive;
#[doc(hidden)]
pub mod corpus;
pub mod diag;
#[doc(hidden)]
pub mod fuzzing;
pub mod import;
pub mod lint;
pub mod load;
pub mod model;
pub mod parse;
pub mod photos;
pub mod render;
pub mod reporting;
pub mod route;
pub mod scaffold;
pub mod serve;
pub mod text;
pub mod theme;
pub mod validate;
pub mod write;

use diag::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// What `bantin build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub drafts: bool,
    /// Start from the output the previous build kept and keep the one
    /// replaced (`bantin build`'s default; `--no-cache` turns it off):
    /// only files whose bytes changed are written ([`write::Staging::reusing`]).
    pub reuse: bool,
    /// Above this many articles their texts are set aside in a temporary
    /// file beside the output from reading to rendering, so that memory
    /// does not grow with their text ([`text::spool`]);
    /// [`load::SPOOL_ABOVE`] unless a test asks otherwise.
    pub spool_above: usize,
}

impl BuildOptions {
    /// A build of the site at `root` into `out` as `bantin build` makes it
    /// by default: drafts left out, starting from the kept output, texts
    /// set aside above [`load::SPOOL_ABOVE`] articles.
    pub fn new(root: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions { root: root.into(), out: out.into(), drafts: false, reuse: true, spool_above: load::SPOOL_ABOVE }
    }
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub charts: usize,
    /// Files not written anew: the kept output held them byte for byte, or
    /// they are the previous output's own files, taken (see [`write`]).
    pub unchanged: usize,
    /// Warnings of the run (they do not fail the build).
    pub warnings: Diagnostics,
    /// Bytes of the articles' text set aside in a temporary file beside the
    /// output while the site was built (0: held in memory; see
    /// [`BuildOptions::spool_above`]).
    pub texts_set_aside: u64,
}

/// Checks the site read from `root` and resolves its theme: stages 2–4.
fn prepare(
    root: &Path,
    content: &load::Content,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Option<(model::Site, theme::Theme)> {
    let mut site = validate::site(content, validate::Options { drafts }, diags)?;
    if !diags.has_errors() {
        photos::prepare(root, &mut site, diags);
    }
    let theme = theme::resolve(root, &site.settings.theme, &content.templates, diags);
    (!diags.has_errors()).then_some((site, theme))
}

/// A site rendered into memory.
pub struct Rendered {
    pub site: model::Site,
    pub files: Vec<render::Output>,
    /// Warnings of the run.
    pub warnings: Diagnostics,
}

/// Loads, checks and renders the site at `root` into memory.
pub fn render_site(root: &Path, drafts: bool) -> Result<Rendered, Diagnostics> {
    let mut diags = Diagnostics::new();
    let content = load::content(root, &mut diags);
    let lined = |d| with_lines(d, &content);
    let Some((site, theme)) = prepare(root, &content, drafts, &mut diags) else { return Err(lined(diags)) };
    match render::site(&site, &theme) {
        Ok(files) => Ok(Rendered { site, files, warnings: lined(diags) }),
        Err(errors) => {
            diags.extend(errors);
            Err(lined(diags))
        }
    }
}

/// `diags` with the source line of each problem, from the text the run read.
fn with_lines(mut diags: Diagnostics, content: &load::Content) -> Diagnostics {
    // Made only if a problem has a line to show.
    let texts = std::cell::OnceCell::new();
    diags.attach_lines(|file| texts.get_or_init(|| content.texts()).text_of(file));
    diags
}

/// `bantin build`: renders the site and replaces the output whole. On any
/// error the previous output is left as it was. The report's warnings are
/// those `check` gives (warnings do not stop a build).
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with_progress(options, &|_, _| {})
}

/// [`build`], calling `progress(done, total)` as pages are rendered.
pub fn build_with_progress(
    options: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildReport, Diagnostics> {
    let mut warnings = Diagnostics::new();
    if let Err(e) = write::check_target(&options.root, &options.out).and_then(|()| write::mend(&options.out)) {
        warnings.push(out_error(options, e));
        return Err(warnings);
    }
    // The kept output is looked through while the site is read and checked.
    let begin = if options.reuse { write::Staging::reusing } else { write::Staging::begin };
    let (staging, (content, checked)) = rayon::join(
        || begin(&options.out),
        || {
            let keep = load::Keep::SpoolAbove { above: options.spool_above, dir: write::holder(&options.out) };
            let content = load::content_keeping(&options.root, &keep, &mut warnings);
            let checked = prepare(&options.root, &content, options.drafts, &mut warnings);
            (content, checked)
        },
    );
    let built = match (staging, checked) {
        (Err(e), _) => {
            warnings.push(out_error(options, e));
            Err(warnings)
        }
        (Ok(staging), None) => {
            staging.abort();
            Err(warnings)
        }
        (Ok(staging), Some((site, theme))) => build_checked(options, &site, &theme, staging, warnings, progress),
    };
    match built {
        Ok(report) => {
            let texts_set_aside = content.spool.as_ref().map_or(0, |s| s.len());
            Ok(BuildReport { warnings: with_lines(report.warnings, &content), texts_set_aside, ..report })
        }
        Err(diags) => Err(with_lines(diags, &content)),
    }
}

/// A problem writing the output, as a diagnostic naming the output folder.
fn out_error(options: &BuildOptions, e: write::WriteError) -> Diagnostic {
    Diagnostic::error(options.out.display().to_string(), None, e.message())
}

/// [`build_with_progress`] once the site is checked: renders it into
/// `staging`, then swaps it in while the links are checked.
fn build_checked(
    options: &BuildOptions,
    site: &model::Site,
    theme: &theme::Theme,
    staging: write::Staging,
    mut warnings: Diagnostics,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildReport, Diagnostics> {
    let sink = |o: render::Output| staging.put(&o).map_err(|e| out_error(options, e));
    let summary = match render::site_streaming(site, theme, staging.earlier(), progress, &sink) {
        Ok(summary) => summary,
        Err(errors) => {
            staging.abort();
            warnings.extend(errors);
            return Err(warnings);
        }
    };
    let unchanged = staging.unchanged();
    // The links are checked against every path made while it is swapped in.
    let paths = summary.paths.iter().map(String::as_str);
    let (lint, committed) = rayon::join(|| lint::lint(site, paths), || staging.commit());
    warnings.extend(lint);
    match committed {
        Ok(_) => {
            let (pages, files, charts) = (summary.pages, summary.files, summary.charts);
            Ok(BuildReport { pages, files, charts, unchanged, warnings, texts_set_aside: 0 })
        }
        Err(e) => {
            warnings.push(out_error(options, e));
            Err(warnings)
        }
    }
}

/// The language to show messages in: `asked` (`--lang`) when given, else
/// the `language:` of the site's `content/site.yaml`, else Vietnamese (also
/// when site.yaml is missing or broken: its own errors need a language too).
pub fn report_language(root: &Path, asked: Option<text::lang::Lang>) -> text::lang::Lang {
    asked.unwrap_or_else(|| {
        let text = load::peek(root, "content/site.yaml").unwrap_or_default();
        let site: Option<parse::raw::RawSite> = serde_yaml::from_str(&text).ok();
        site.and_then(|s| s.language).and_then(|code| text::lang::Lang::parse(code.trim())).unwrap_or_default()
    })
}

/// `bantin check`: everything `build` checks, plus the warnings of
/// [`lint`] (links that lead nowhere, suspicious data); nothing written.
pub fn check(root: &Path, drafts: bool) -> Diagnostics {
    check_site(root, drafts).0
}

/// [`check`], and the checked site when it has no error (for `check
/// --report`). Every page is rendered and dropped at once (only its path is
/// kept, for the links); a large site's texts are set aside as `build` sets
/// them aside, in the system's temporary folder.
pub fn check_site(root: &Path, drafts: bool) -> (Diagnostics, Option<model::Site>) {
    let keep = load::Keep::SpoolAbove { above: load::SPOOL_ABOVE, dir: std::env::temp_dir() };
    check_site_keeping(root, drafts, &keep)
}

/// [`check_site`], the articles' texts kept as `keep` says.
pub fn check_site_keeping(root: &Path, drafts: bool, keep: &load::Keep) -> (Diagnostics, Option<model::Site>) {
    let mut diags = Diagnostics::new();
    let content = load::content_keeping(root, keep, &mut diags);
    let mut checked = None;
    if let Some((site, theme)) = prepare(root, &content, drafts, &mut diags) {
        // Each page is dropped as soon as it is made; only its path is kept.
        match render::site_streaming(&site, &theme, None, &|_, _| {}, &|_| Ok(())) {
            Ok(summary) => diags.extend(lint::lint(&site, summary.paths.iter().map(String::as_str))),
            Err(errors) => diags.extend(errors),
        }
        checked = Some(site);
    }
    (with_lines(diags, &content), checked)
}
