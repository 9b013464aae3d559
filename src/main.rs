//! The `bantin` command line: a thin layer over the library. The clock is
//! read here only (`new` dates an article today); builds never read it.

use bantin::diag::Diagnostics;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// Rendering allocates many short strings on every core at once: mimalloc
// keeps that from contending (about a tenth of a build's CPU with glibc's).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "bantin", version, about = "Static-site generator for public progress bulletins")]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Start an article: content/districts/<district>/<today>-<slug>.md.
    New {
        /// The district's folder name (slug), e.g. ky-anh.
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
        /// The district's folder name (slug).
        #[arg(long)]
        district: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a small working site into DIR.
    Init {
        /// The folder to create the site in.
        dir: PathBuf,
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
    },
    /// Check an archive against its MANIFEST.sha256; name any file changed,
    /// added or removed.
    Verify {
        /// The zip file.
        file: PathBuf,
    },
}

/// Prints every problem, with the source line it is on.
fn report(root: &Path, diags: &Diagnostics) {
    if !diags.is_empty() {
        let source = |file: &str| std::fs::read(root.join(file)).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
        eprint!("{}", diags.render_with_sources(&source));
    }
}

/// How many warnings a build shows without `--verbose`.
const WARNINGS_SHOWN: usize = 5;

/// Prints a successful build's warnings: all of them with `verbose`, else
/// the first few and how many more there are.
fn report_warnings(root: &Path, warnings: &Diagnostics, verbose: bool) {
    if verbose || warnings.warning_count() <= WARNINGS_SHOWN {
        return report(root, warnings);
    }
    report(root, &warnings.first(WARNINGS_SHOWN));
    eprintln!(
        "… and {} more warning(s): `bantin build --verbose` or `bantin check` shows them all",
        warnings.warning_count() - WARNINGS_SHOWN
    );
}

fn summary_line(diags: &Diagnostics) -> String {
    format!("{} error(s), {} warning(s)", diags.error_count(), diags.warning_count())
}

fn build(root: PathBuf, out: Option<PathBuf>, drafts: bool, verbose: bool) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("public"));
    let options = bantin::BuildOptions { root: root.clone(), out: out.clone(), drafts };
    let start = Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages").expect("a valid template"));
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
            report_warnings(&root, &r.warnings, verbose);
            let secs = start.elapsed().as_secs_f64();
            let warned = match r.warnings.warning_count() {
                0 => String::new(),
                n => format!(", {n} warning(s)"),
            };
            eprintln!(
                "built {} pages, {} charts ({} files) into {} in {secs:.2} s{warned}",
                r.pages,
                r.charts,
                r.files,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&root, &diags);
            eprintln!("build failed: {}; the output was not changed", summary_line(&diags));
            ExitCode::from(1)
        }
    }
}

fn check(root: PathBuf, drafts: bool, strict: bool) -> ExitCode {
    let diags = bantin::check(&root, drafts);
    report(&root, &diags);
    if diags.has_errors() || (strict && !diags.is_empty()) {
        let why = if diags.has_errors() { "" } else { " (--strict fails on warnings)" };
        eprintln!("check failed: {}{why}", summary_line(&diags));
        ExitCode::from(1)
    } else {
        eprintln!("the site is valid: {}", summary_line(&diags));
        ExitCode::SUCCESS
    }
}

fn new(root: PathBuf, district: String, title: String) -> ExitCode {
    let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(7)));
    match bantin::scaffold::new_article(&root, &district, &title, now.date()) {
        Ok(path) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn import(root: PathBuf, district: String, files: Vec<PathBuf>, dry_run: bool) -> ExitCode {
    let mut failed = false;
    for file in files {
        match bantin::scaffold::import_file(&root, &district, &file, dry_run) {
            Ok(done) => {
                if dry_run {
                    println!("# {} (dry run: not written)\n{}", done.path.display(), done.markdown);
                } else {
                    eprintln!(
                        "{} -> {} (draft: true: check the article and its figures, then delete that line)",
                        file.display(),
                        done.path.display()
                    );
                }
                println!(
                    "# Figures found in {}; add the right ones under `data:` in district.yaml:\n{}",
                    file.display(),
                    done.figures
                );
            }
            Err(e) => {
                eprintln!("error: {}: {e}", file.display());
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

fn init(dir: PathBuf) -> ExitCode {
    match bantin::scaffold::init(&dir) {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            eprintln!("a new site is in {}; build it with: bantin build --root {}", dir.display(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn archive(root: PathBuf, period: Option<String>, out: Option<PathBuf>) -> ExitCode {
    let name = period.as_ref().map(|p| format!("bantin-{p}.zip")).unwrap_or_else(|| "bantin.zip".into());
    let out = out.unwrap_or_else(|| root.join(name));
    match bantin::archive::create(&root, period.as_deref(), &out) {
        Ok(a) => {
            eprintln!("archived {} files ({} bytes) into {}", a.files, a.bytes, out.display());
            ExitCode::SUCCESS
        }
        Err(diags) => {
            report(&root, &diags);
            eprintln!("archive failed: {}", summary_line(&diags));
            ExitCode::from(1)
        }
    }
}

fn verify(file: PathBuf) -> ExitCode {
    match bantin::archive::verify(&file) {
        Ok(v) if v.ok() => {
            eprintln!("{}: all {} files match MANIFEST.sha256", file.display(), v.checked);
            ExitCode::SUCCESS
        }
        Ok(v) => {
            v.changed.iter().for_each(|p| eprintln!("changed: {p}"));
            v.added.iter().for_each(|p| eprintln!("added (not in the manifest): {p}"));
            v.removed.iter().for_each(|p| eprintln!("removed (listed in the manifest): {p}"));
            eprintln!("{}: does NOT match its manifest", file.display());
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn serve(root: PathBuf, port: u16, bind: String, drafts: bool, poll: bool) -> ExitCode {
    let options = bantin::serve::Options { root, bind, port, drafts, poll };
    match bantin::serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, out, drafts, verbose } => build(root, out, drafts, verbose),
        Command::Check { root, drafts, strict } => check(root, drafts, strict),
        Command::Serve { root, port, bind, drafts, poll } => serve(root, port, bind, drafts, poll),
        Command::New { district, title, root } => new(root, district, title),
        Command::Init { dir } => init(dir),
        Command::Import { files, district, root, dry_run } => import(root, district, files, dry_run),
        Command::Archive { root, period, out } => archive(root, period, out),
        Command::Verify { file } => verify(file),
    }
}
