//! Finding the outside tools some tests need (Chromium, the Nu HTML
//! Checker). When a tool is missing, the test says so loudly; with
//! `BANTIN_REQUIRE_TOOLS=1` (set by `.ci/run`) it fails instead, so CI can
//! never pass without running it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| PathBuf::from(d).join(name)).find(|p| p.is_file())
}

/// Returns the tool, or `None` after printing why the test is skipped
/// (panicking instead when tools are required).
fn found(what: &str, tool: Option<PathBuf>, how: &str) -> Option<PathBuf> {
    if tool.is_some() {
        return tool;
    }
    let message = format!("{what} not found: {how}");
    if std::env::var("BANTIN_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{message} (BANTIN_REQUIRE_TOOLS=1)");
    }
    eprintln!("\n!!!!! SKIPPED: {message}. This test runs in CI (.ci/run installs it). !!!!!\n");
    None
}

/// Debian's Chromium (`BANTIN_CHROMIUM` overrides).
pub fn chromium() -> Option<PathBuf> {
    let tool = std::env::var_os("BANTIN_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path("chromium"))
        .or_else(|| on_path("chromium-browser"));
    found("Chromium", tool, "apt-get install chromium, or set BANTIN_CHROMIUM")
}

/// The Nu HTML Checker's jar (`BANTIN_VNU_JAR`, from the npm package vnu-jar).
pub fn vnu_jar() -> Option<PathBuf> {
    let tool = std::env::var_os("BANTIN_VNU_JAR")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .filter(|_| on_path("java").is_some());
    found(
        "the Nu HTML Checker (vnu.jar) or java",
        tool,
        "npm install vnu-jar and set BANTIN_VNU_JAR to its build/dist/vnu.jar",
    )
}

/// poppler's `pdftotext` (Debian's poppler-utils).
pub fn pdftotext() -> Option<PathBuf> {
    found("pdftotext", on_path("pdftotext"), "apt-get install poppler-utils")
}

/// Headless Chromium with a fresh profile and no network of its own (the
/// profile folder lives as long as the returned guard).
fn headless(chromium: &PathBuf) -> (Command, tempfile::TempDir) {
    let profile = tempfile::tempdir().unwrap();
    let mut c = Command::new(chromium);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()));
    (c, profile)
}

/// Prints `url` to a PDF file with headless Chromium.
pub fn chromium_pdf(chromium: &PathBuf, url: &str, pdf: &std::path::Path) {
    let (mut command, _profile) = headless(chromium);
    let status = command
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(pdf.is_file(), "no PDF written: {}", String::from_utf8_lossy(&status.stderr));
}

/// Loads `url` in headless Chromium, lets its scripts run, and returns the
/// DOM and every console message.
pub fn chromium_dump(chromium: &PathBuf, url: &str) -> (String, Vec<String>) {
    let (mut command, _profile) = headless(chromium);
    let out = command
        .args(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000"])
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("chromium runs");
    let console =
        String::from_utf8_lossy(&out.stderr).lines().filter(|l| l.contains(":CONSOLE")).map(str::to_string).collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

/// Loads `url` in headless Chromium with a `width` × `height` window
/// (file pages may read their own stylesheets' rules) and returns the DOM
/// once its scripts have run.
pub fn chromium_dump_at(chromium: &PathBuf, url: &str, (width, height): (u32, u32)) -> String {
    let (mut command, _profile) = headless(chromium);
    let out = command
        .arg(format!("--window-size={width},{height}"))
        .args(["--allow-file-access-from-files", "--hide-scrollbars", "--virtual-time-budget=3000", "--dump-dom"])
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Zola, the benchmark's peer: `../shared/peers/zola` beside the repository
/// (`BANTIN_ZOLA` overrides). Not on crates.io and not part of the project.
pub fn zola() -> Option<PathBuf> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/peers/zola");
    let tool = std::env::var_os("BANTIN_ZOLA").map(PathBuf::from).or(Some(beside)).filter(|p| p.is_file());
    found("Zola", tool, "the benchmark's Zola binary belongs at ../shared/peers/zola, or set BANTIN_ZOLA")
}
