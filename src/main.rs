//! The `bantin` command line: a thin layer over the library. The clock is
//! read here only (`new` dates an article today); builds never read it.

use bantin::archive::sign;
use bantin::diag::messages::{scaffold_error, Archive, Cli as Says};
use bantin::diag::Diagnostics;
use bantin::text::lang::Lang;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// Rendering allocates many short strings on every core at once: mimalloc
// keeps that from contending (about a tenth of a build's CPU with glibc's).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option `purge_delay` (its place in `mi_option_e`, the same
/// in mimalloc 2 and 3; the unit test below checks it by its default).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory waits before mimalloc gives it back, in ms. Its
/// default, 1,000 ms, is half a build: the pages freed while the site is
/// checked and prepared stayed resident through the render's peak. At
/// 100 ms the 10,000-article build peaks at 178 MiB instead of 201 MiB in
/// the same wall time (docs/performance.md, "The allocator's purge delay").
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Sets the allocator's options, first thing in `main`. An environment
/// variable `MIMALLOC_PURGE_DELAY` still wins, for measuring.
fn tune_allocator() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: a plain setter of an integer option, valid at any time.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
}

#[derive(Parser)]
#[command(name = "bantin", version, about = "Static-site generator for public progress bulletins")]
struct Cli {
    /// The language of messages: vi or en (default: the site's `language`, else vi).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: <root>/public).
    Build {
        /// The site root (holds content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include articles and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Show every warning (by default the count and the first few).
        #[arg(long, short)]
        verbose: bool,
        /// Write every file into an empty folder, and keep no copy of the
        /// replaced output (by default it is kept beside the output, as
        /// .<out>.bantin-reuse, only changed files are written, and pages
        /// made from unchanged inputs are taken from the last build, as
        /// recorded in .<out>.bantin-record).
        #[arg(long)]
        no_cache: bool,
    },
    /// Check the whole site and report every problem; write nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check drafts too.
        #[arg(long)]
        drafts: bool,
        /// Fail on warnings too (links that lead nowhere, suspicious data).
        #[arg(long)]
        strict: bool,
        /// Print what each unit owes (missing, late and provisional figures), worst first.
        #[arg(long)]
        report: bool,
    },
    /// Preview the site on http://127.0.0.1:1111 and rebuild it on every change.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; anything but loopback is shown to your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
        /// Look for changes by polling (network drives, containers) instead of file events.
        #[arg(long)]
        poll: bool,
    },
    /// Start an article: content/districts/<district>/<today>-<slug>.md
    /// (content/units/<unit>/… for a unit).
    New {
        /// The unit's or district's folder name (slug), e.g. ky-anh or mai-hoa.
        district: String,
        /// The article's title.
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Turn plain-text portal articles into articles of a district, and
    /// print the figures found as YAML observations to confirm.
    Import {
        /// The text files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The unit's or district's folder name (slug).
        #[arg(long, visible_alias = "unit")]
        district: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// A photo of the article (repeat for each, in the order of the
        /// text's captions): each takes the place of a caption, and the
        /// article gets a folder of its own with its photos. One text file.
        #[arg(long = "image", value_name = "PHOTO")]
        images: Vec<PathBuf>,
    },
    /// Write a small working site into DIR.
    Init {
        /// The folder to create the site in.
        dir: PathBuf,
        /// Start a site of this level: huyện (a district, the default), xã
        /// (a commune; also phường, đặc khu) or tỉnh (a province and its communes).
        #[arg(long)]
        level: Option<String>,
    },
    /// Build the site into a verifiable zip archive (the whole site, or one
    /// period's bulletins and what they link to).
    Archive {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// A bulletin period, as its folder is named (2023-Q4, 2023-10, 2023).
        #[arg(long)]
        period: Option<String>,
        /// The zip file to write (default: bantin.zip or bantin-<period>.zip in the root).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Sign it with this secret key (from `bantin keygen`): writes <zip>.minisig beside it.
        #[arg(long, value_name = "SECRET_KEY")]
        sign: Option<PathBuf>,
    },
    /// Check an archive: laid out as bantin writes it, every file matching
    /// its MANIFEST.sha256 (any file changed, added or removed is named), and
    /// with --key or --site its signature.
    Verify {
        /// The zip file.
        file: PathBuf,
        /// The public key to check <zip>.minisig with: a file (bantin.pub) or its `RW…` line.
        #[arg(long, value_name = "PUBLIC_KEY")]
        key: Option<String>,
        /// Check the signature with the `archive_public_key` of this site's content/site.yaml.
        #[arg(long, value_name = "ROOT", conflicts_with = "key")]
        site: Option<PathBuf>,
    },
    /// Make a key pair to sign archives with: bantin.key (secret, with a
    /// password) and bantin.pub (to publish). Never replaces a key.
    Keygen {
        /// The folder to write them in.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// No password on the secret key (for automated signing only).
        #[arg(long)]
        no_password: bool,
    },
}

/// Prints every problem in `lang`, with the source line it is on (as the
/// run read it: the caret stands under the column the message names).
fn report(diags: &Diagnostics, lang: Lang) {
    eprint!("{}", diags.report(lang));
}

/// How many warnings a build shows without `--verbose`.
const WARNINGS_SHOWN: usize = 5;

/// Prints a successful build's warnings: all of them with `verbose`, else
/// the first few and how many more there are.
fn report_warnings(warnings: &Diagnostics, verbose: bool, lang: Lang) {
    let count = warnings.counts().1;
    if verbose || count <= WARNINGS_SHOWN {
        return report(warnings, lang);
    }
    report(&warnings.first(WARNINGS_SHOWN), lang);
    eprintln!("{}", Says::MoreWarnings { more: count - WARNINGS_SHOWN }.text(lang));
}

/// What `bantin build` is asked for.
struct BuildArgs {
    root: PathBuf,
    out: Option<PathBuf>,
    drafts: bool,
    verbose: bool,
    no_cache: bool,
}

fn build(args: BuildArgs, lang: Lang) -> ExitCode {
    let BuildArgs { root, out, drafts, verbose, no_cache } = args;
    let out = out.unwrap_or_else(|| root.join("public"));
    let options =
        bantin::BuildOptions { drafts, reuse: !no_cache, ..bantin::BuildOptions::new(root.clone(), out.clone()) };
    let start = Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        let style = indicatif::ProgressStyle::with_template(&Says::Progress.text(lang)).expect("a valid template");
        bar.set_style(style);
        bar
    });
    let progress = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let result = bantin::build_with_progress(&options, &progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(r) => {
            report_warnings(&r.warnings, verbose, lang);
            let secs = start.elapsed().as_secs_f64();
            let (pages, charts, files, out) = (r.pages, r.charts, r.files, out.display().to_string());
            let (unchanged, warnings) = (r.unchanged, r.warnings.counts().1);
            eprintln!("{}", Says::Built { pages, charts, files, unchanged, out, secs, warnings }.text(lang));
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&diags, lang);
            let (errors, warnings) = diags.counts();
            eprintln!("{}", Says::BuildFailed { errors, warnings }.text(lang));
            ExitCode::from(1)
        }
    }
}

fn check(root: PathBuf, drafts: bool, strict: bool, status: bool, lang: Lang) -> ExitCode {
    let (diags, site) = bantin::check_site(&root, drafts);
    report(&diags, lang);
    if let (true, Some(site)) = (status, &site) {
        print!("{}", bantin::reporting::table(site, lang));
    }
    let (errors, warnings) = diags.counts();
    if diags.has_errors() {
        eprintln!("{}", Says::CheckFailed { errors, warnings }.text(lang));
        ExitCode::from(1)
    } else if strict && !diags.is_empty() {
        eprintln!("{}", Says::CheckFailedStrict { errors, warnings }.text(lang));
        ExitCode::from(1)
    } else {
        eprintln!("{}", Says::Valid { errors, warnings }.text(lang));
        ExitCode::SUCCESS
    }
}

/// Prints `error: …` (`lỗi: …`) and fails.
fn fail(detail: String, lang: Lang) -> ExitCode {
    eprintln!("{}", Says::Error { detail }.text(lang));
    ExitCode::from(1)
}

fn new(root: PathBuf, district: String, title: String, lang: Lang) -> ExitCode {
    let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(7)));
    match bantin::scaffold::new_article(&root, &district, &title, now.date()) {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(scaffold_error(&e, lang), lang),
    }
}

fn import(
    root: PathBuf,
    district: String,
    files: Vec<PathBuf>,
    images: Vec<PathBuf>,
    dry_run: bool,
    lang: Lang,
) -> ExitCode {
    if !images.is_empty() && files.len() > 1 {
        return fail(scaffold_error(&bantin::diag::messages::ScaffoldError::PhotosForManyFiles, lang), lang);
    }
    let mut failed = false;
    for file in files {
        match bantin::scaffold::import_file(&root, &district, &file, &images, dry_run) {
            Ok(done) => {
                let (from, to) = (file.display().to_string(), done.path.display().to_string());
                if dry_run {
                    println!("{}\n{}", Says::DryRun { path: to }.text(lang), done.markdown);
                } else {
                    eprintln!("{}", Says::Imported { from: from.clone(), to }.text(lang));
                }
                println!("{}\n{}", Says::FiguresFound { file: from }.text(lang), done.figures);
            }
            Err(e) => {
                fail(format!("{}: {}", file.display(), scaffold_error(&e, lang)), lang);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn init(dir: PathBuf, level: Option<String>, lang: Lang) -> ExitCode {
    let start = match level.as_deref().map(bantin::scaffold::skeleton::Start::from_level) {
        None => Default::default(),
        Some(Some(start)) => start,
        Some(None) => {
            let level = level.unwrap_or_default();
            return fail(scaffold_error(&bantin::diag::messages::ScaffoldError::UnknownLevel { level }, lang), lang);
        }
    };
    match bantin::scaffold::init(&dir, start) {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            eprintln!("{}", Says::Initialised { dir: dir.display().to_string() }.text(lang));
            ExitCode::SUCCESS
        }
        Err(e) => fail(scaffold_error(&e, lang), lang),
    }
}

/// Prints one problem of `archive --sign` or `keygen` about `file` and fails.
fn refuse(file: &Path, problem: Archive, lang: Lang) -> ExitCode {
    let mut diags = Diagnostics::new();
    diags.push(bantin::diag::Diagnostic::error(file.display().to_string(), None, problem));
    report(&diags, lang);
    ExitCode::from(1)
}

/// A signing key's password: BANTIN_KEY_PASSWORD when set, else asked on
/// the terminal (`twice` for a new key).
fn password(twice: bool, lang: Lang) -> Result<String, Archive> {
    if let Ok(password) = std::env::var(sign::PASSWORD_VARIABLE) {
        return if password.is_empty() { Err(Archive::EmptyPassword) } else { Ok(password) };
    }
    if !std::io::stdin().is_terminal() {
        return Err(Archive::NoPassword);
    }
    let ask = |m: Says| rpassword::prompt_password(m.text(lang)).map_err(|_| Archive::NoPassword);
    let first = ask(Says::PasswordPrompt)?;
    if first.is_empty() {
        return Err(Archive::EmptyPassword);
    }
    if twice && ask(Says::PasswordAgain)? != first {
        return Err(Archive::PasswordsDiffer);
    }
    Ok(first)
}

fn archive(root: PathBuf, period: Option<String>, out: Option<PathBuf>, key: Option<PathBuf>, lang: Lang) -> ExitCode {
    let name = period.as_ref().map(|p| format!("bantin-{p}.zip")).unwrap_or_else(|| "bantin.zip".into());
    let out = out.unwrap_or_else(|| root.join(name));
    let open = |path: &Path| {
        let password = if sign::SigningKey::needs_password(path)? { Some(password(false, lang)?) } else { None };
        sign::SigningKey::open(path, password)
    };
    let key = match key.as_deref().map(|path| (path, open(path))) {
        Some((path, Err(e))) => return refuse(path, e, lang),
        Some((_, Ok(key))) => Some(key),
        None => None,
    };
    match bantin::archive::create_signed(&root, period.as_deref(), &out, key.as_ref()) {
        Ok(a) => {
            let (files, bytes, out) = (a.files, a.bytes, out.display().to_string());
            eprintln!("{}", Says::Archived { files, bytes, out }.text(lang));
            if let (Some(signature), Some(key)) = (a.signature, key) {
                eprintln!("{}", Says::Signed { signature: signature.display().to_string(), id: key.id() }.text(lang));
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&diags, lang);
            let (errors, warnings) = diags.counts();
            eprintln!("{}", Says::ArchiveFailed { errors, warnings }.text(lang));
            ExitCode::from(1)
        }
    }
}

fn verify(file: PathBuf, key: Option<String>, site: Option<PathBuf>, lang: Lang) -> ExitCode {
    let name = file.display().to_string();
    let key = match (key, site) {
        (Some(key), _) => Some(sign::VerifyingKey::read(&key)),
        (None, Some(root)) => Some(sign::VerifyingKey::of_site(&root)),
        (None, None) => None,
    };
    let key = match key.transpose() {
        Ok(key) => key,
        Err(e) => return fail(e.text(lang), lang),
    };
    let v = match bantin::archive::verify(&file) {
        Ok(v) => v,
        Err(e) => return fail(format!("{name}: {}", e.text(lang)), lang),
    };
    let say = |m: Says| eprintln!("{}", m.text(lang));
    v.changed.iter().for_each(|p| say(Says::Changed { path: p.clone() }));
    v.added.iter().for_each(|p| say(Says::Added { path: p.clone() }));
    v.removed.iter().for_each(|p| say(Says::Removed { path: p.clone() }));
    let mut ok = v.ok();
    if !ok {
        say(Says::Mismatch { file: name.clone() });
    }
    let signed = key.map(|key| sign::check(&file, &key));
    if let Some(Err(e)) = &signed {
        fail(format!("{name}: {}", e.text(lang)), lang);
        ok = false;
    }
    if !ok {
        return ExitCode::from(1);
    }
    say(Says::Verified { file: name.clone(), files: v.checked, sha256: v.sha256 });
    match signed {
        Some(Ok(s)) => say(Says::SignatureMatches { file: name, id: s.id, comment: s.comment }),
        _ => {
            let beside = sign::signature_path(&file).exists();
            say(Says::SignatureUnchecked { file: name, beside });
        }
    }
    ExitCode::SUCCESS
}

fn keygen(out: PathBuf, no_password: bool, lang: Lang) -> ExitCode {
    let ask = || if no_password { Ok(None) } else { password(true, lang).map(Some) };
    match sign::keygen(&out, ask) {
        Ok(k) => {
            let (secret, public) = (k.secret.display().to_string(), k.public.display().to_string());
            eprintln!("{}", Says::KeysWritten { secret, public, id: k.id, line: k.line.clone() }.text(lang));
            if no_password {
                eprintln!("{}", Says::KeyUnprotected.text(lang));
            }
            println!("{}", k.line);
            ExitCode::SUCCESS
        }
        Err(e) => refuse(&out, e, lang),
    }
}

fn serve(root: PathBuf, port: u16, bind: String, drafts: bool, poll: bool, asked: Option<Lang>) -> ExitCode {
    let lang = bantin::report_language(&root, asked);
    let options = bantin::serve::Options { root, bind, port, drafts, poll, lang: asked };
    match bantin::serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e.text(lang), lang),
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let asked = cli.lang.map(Lang::from);
    // The language of messages: `--lang`, else the site's, else vi.
    let lang = |root: &Path| bantin::report_language(root, asked);
    match cli.command {
        Command::Build { root, out, drafts, verbose, no_cache } => {
            let lang = lang(&root);
            build(BuildArgs { root, out, drafts, verbose, no_cache }, lang)
        }
        Command::Check { root, drafts, strict, report } => check(root.clone(), drafts, strict, report, lang(&root)),
        Command::Serve { root, port, bind, drafts, poll } => serve(root, port, bind, drafts, poll, asked),
        Command::New { district, title, root } => new(root.clone(), district, title, lang(&root)),
        Command::Init { dir, level } => init(dir, level, asked.unwrap_or_default()),
        Command::Import { files, district, root, dry_run, images } => {
            import(root.clone(), district, files, images, dry_run, lang(&root))
        }
        Command::Archive { root, period, out, sign } => archive(root.clone(), period, out, sign, lang(&root)),
        Command::Verify { file, key, site } => {
            let lang = site.as_deref().map(lang).unwrap_or(asked.unwrap_or_default());
            verify(file, key, site, lang)
        }
        Command::Keygen { out, no_password } => keygen(out, no_password, asked.unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_whose_default_is_mimallocs_1000_ms() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            eprintln!("MIMALLOC_PURGE_DELAY is set: the default cannot be seen");
            return;
        }
        // SAFETY: reading and setting an integer option.
        let default = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "option {MI_OPTION_PURGE_DELAY} is no longer mimalloc 3's purge delay");
        tune_allocator();
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, PURGE_DELAY_MS);
    }
}
