//! The `bantin` command line: a thin layer over the library.

use bantin::diag::Diagnostics;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// Check the whole site and report every problem; write nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check drafts too.
        #[arg(long)]
        drafts: bool,
    },
}

/// Prints every problem, with the source line it is on.
fn report(root: &Path, diags: &Diagnostics) {
    if !diags.is_empty() {
        let source = |file: &str| std::fs::read(root.join(file)).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
        eprint!("{}", diags.render_with_sources(&source));
    }
}

fn summary_line(diags: &Diagnostics) -> String {
    format!("{} error(s), {} warning(s)", diags.error_count(), diags.warning_count())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { root, out, drafts } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            let options = bantin::BuildOptions { root: root.clone(), out: out.clone(), drafts };
            match bantin::build(&options) {
                Ok(r) => {
                    report(&root, &r.warnings);
                    eprintln!("built {} pages ({} files) into {}", r.pages, r.files, out.display());
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(&root, &diags);
                    eprintln!("build failed: {}; the output was not changed", summary_line(&diags));
                    ExitCode::from(1)
                }
            }
        }
        Command::Archive { root, period, out } => {
            let name = match &period {
                Some(p) => format!("bantin-{p}.zip"),
                None => "bantin.zip".into(),
            };
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
        Command::Verify { file } => match bantin::archive::verify(&file) {
            Ok(v) if v.ok() => {
                eprintln!("{}: all {} files match MANIFEST.sha256", file.display(), v.checked);
                ExitCode::SUCCESS
            }
            Ok(v) => {
                for p in &v.changed {
                    eprintln!("changed: {p}");
                }
                for p in &v.added {
                    eprintln!("added (not in the manifest): {p}");
                }
                for p in &v.removed {
                    eprintln!("removed (listed in the manifest): {p}");
                }
                eprintln!("{}: does NOT match its manifest", file.display());
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        Command::Check { root, drafts } => {
            let diags = bantin::check(&root, drafts);
            report(&root, &diags);
            if diags.has_errors() {
                eprintln!("check failed: {}", summary_line(&diags));
                ExitCode::from(1)
            } else {
                eprintln!("the site is valid: {}", summary_line(&diags));
                ExitCode::SUCCESS
            }
        }
    }
}
