//! `bantin serve`: a preview on 127.0.0.1 that rebuilds on every change.
//!
//! The site is built into memory, never into `public/`. A watcher polls
//! `content/`, `templates/` and `themes/` and rebuilds when a file changes;
//! open pages reload through server-sent events (`/__bantin/events`). A
//! build error is shown as a page in the browser and the server keeps
//! running. Only files of the built site are served: a request is looked up
//! in memory, so no path can reach the disk, and paths with `..` are refused.

use crate::diag::Diagnostics;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

/// What `bantin serve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub drafts: bool,
}

/// The site as last built.
#[derive(Default)]
struct State {
    files: BTreeMap<String, Arc<Vec<u8>>>,
    /// The error page when the last build failed.
    error: Option<String>,
    version: u64,
    /// Pages, charts and cards made anew and reused by the last build.
    made: usize,
    reused: usize,
    /// What the builds remember between edits.
    cache: Arc<crate::render::cache::RenderCache>,
}

/// A running preview server.
pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
    state: Arc<RwLock<State>>,
}

impl Server {
    /// How many builds the server has made (tests wait on it).
    pub fn version(&self) -> u64 {
        self.state.read().map(|s| s.version).unwrap_or(0)
    }

    /// How many pages, charts and cards the last build made anew, and how
    /// many it reused unchanged.
    pub fn last_build(&self) -> (usize, usize) {
        self.state.read().map(|s| (s.made, s.reused)).unwrap_or((0, 0))
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

const RELOAD: &str = "<script>(function(){var v=null;var s=new EventSource('/__bantin/events');s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn error_page(diags: &Diagnostics) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bantin: build failed</title></head><body style=\"font-family:sans-serif;margin:2rem\"><h1>The site could not be built</h1><p>{} — fix the files below; this page reloads when you save.</p><pre style=\"white-space:pre-wrap;background:#fff4e5;padding:1rem;border-left:4px solid #d55e00\">{}</pre></body></html>",
        escape(&format!("{} error(s), {} warning(s)", diags.error_count(), diags.warning_count())),
        escape(&diags.to_string())
    )
}

fn rebuild(options: &Options, state: &RwLock<State>) {
    let started = std::time::Instant::now();
    let cache = state.read().expect("the state lock is never poisoned").cache.clone();
    cache.begin();
    let result = crate::render_site_cached(&options.root, options.drafts, Some(&cache)).and_then(|(files, _)| {
        crate::archive::contents(&files).map_err(|d| {
            let mut all = Diagnostics::new();
            all.push(d);
            all
        })
    });
    let mut s = state.write().expect("the state lock is never poisoned");
    match result {
        Ok(files) => {
            cache.end();
            (s.made, s.reused) = cache.stats();
            s.files = files.into_iter().map(|(k, v)| (k, Arc::new(v))).collect();
            s.error = None;
            let ms = started.elapsed().as_millis();
            eprintln!(
                "built {} files in {ms} ms ({} pages and charts rendered, {} unchanged)",
                s.files.len(),
                s.made,
                s.reused
            );
        }
        Err(diags) => {
            eprint!("build failed:\n{diags}");
            s.error = Some(error_page(&diags));
        }
    }
    s.version += 1;
}

/// A fingerprint of the sources: every file's path, size and change time.
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut v = Vec::new();
    for sub in ["content", "templates", "themes"] {
        for e in walkdir::WalkDir::new(root.join(sub)).sort_by_file_name().into_iter().filter_map(Result::ok) {
            if let Ok(m) = e.metadata() {
                v.push((e.path().to_path_buf(), m.len(), m.modified().ok()));
            }
        }
    }
    v
}

/// Rebuilds whenever the sources differ from the fingerprint `last`.
fn watch(
    options: Options,
    state: Arc<RwLock<State>>,
    stop: Arc<AtomicBool>,
    mut last: Vec<(PathBuf, u64, Option<SystemTime>)>,
) {
    while !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(150));
        let now = fingerprint(&options.root);
        if now != last {
            // Let an editor finish saving before building (debounce).
            std::thread::sleep(Duration::from_millis(100));
            last = fingerprint(&options.root);
            rebuild(&options, &state);
        }
    }
}

/// Starts the server in the background and returns once it listens.
pub fn start(options: &Options) -> Result<Server, String> {
    let listener = TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let state = Arc::new(RwLock::new(State::default()));
    let stop = Arc::new(AtomicBool::new(false));
    // Taken before the first build, so a change made during it is seen.
    let before = fingerprint(&options.root);
    rebuild(options, &state);
    {
        let (o, s, st) = (options.clone(), state.clone(), stop.clone());
        std::thread::spawn(move || watch(o, s, st, before));
    }
    {
        let (s, st) = (state.clone(), stop.clone());
        std::thread::spawn(move || accept(listener, s, st));
    }
    Ok(Server { port, stop, state })
}

/// `bantin serve`: starts and serves until the process is stopped.
pub fn run(options: &Options) -> Result<(), String> {
    let loopback =
        options.bind == "localhost" || options.bind.parse::<std::net::IpAddr>().is_ok_and(|a| a.is_loopback());
    if !loopback {
        eprintln!("warning: listening on {}: anyone on your network can see this preview", options.bind);
    }
    let server = start(options)?;
    eprintln!("serving {} on http://{}:{}/ (Ctrl-C to stop)", options.root.display(), options.bind, server.port);
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

fn accept(listener: TcpListener, state: Arc<RwLock<State>>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                let (s, st) = (state.clone(), stop.clone());
                std::thread::spawn(move || {
                    let _ = handle(stream, &s, &st);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// The content type of a path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "sha256" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The site path a request asks for, or `None` when it must be refused
/// (`..`, backslashes, NUL, or anything not a plain absolute path).
pub fn request_path(target: &str) -> Option<String> {
    let raw = target.split(['?', '#']).next()?;
    if !raw.starts_with('/') || raw.starts_with("//") {
        return None;
    }
    let decoded = percent_decode(raw)?;
    if decoded.contains(['\\', '\0'])
        || decoded.split('/').any(|seg| seg == ".." || seg == ".")
        || decoded.starts_with("//")
    {
        return None;
    }
    Some(decoded.trim_start_matches('/').to_string())
}

fn respond(stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8], extra: &str) -> std::io::Result<()> {
    write!(stream, "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n{extra}\r\n", body.len())?;
    stream.write_all(body)
}

fn with_reload(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{RELOAD}").into_bytes(),
    }
}

fn handle(mut stream: TcpStream, state: &RwLock<State>, stop: &AtomicBool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"only GET and HEAD",
            "Allow: GET, HEAD\r\n",
        );
    }
    let Some(path) = request_path(target) else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"refused: this path leaves the site", "");
    };
    if path == "__bantin/events" {
        return events(stream, state, stop);
    }
    let s = state.read().expect("the state lock is never poisoned");
    if let Some(page) = &s.error {
        return respond(&mut stream, "500 Build Failed", "text/html; charset=utf-8", &with_reload(page.as_bytes()), "");
    }
    let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.clone() };
    if let Some(body) = s.files.get(&key) {
        let ctype = content_type(&key);
        let body = if key.ends_with(".html") { with_reload(body) } else { body.to_vec() };
        return respond(&mut stream, "200 OK", ctype, &body, "");
    }
    if s.files.contains_key(&format!("{key}/index.html")) {
        return respond(&mut stream, "301 Moved Permanently", "text/plain", b"", &format!("Location: /{path}/\r\n"));
    }
    let body = s.files.get("404.html").map(|b| with_reload(b)).unwrap_or_else(|| b"not found".to_vec());
    respond(&mut stream, "404 Not Found", "text/html; charset=utf-8", &body, "")
}

/// Server-sent events: the build version now, then each new one.
fn events(mut stream: TcpStream, state: &RwLock<State>, stop: &AtomicBool) -> std::io::Result<()> {
    write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n")?;
    let mut sent = None;
    let mut idle = 0;
    while !stop.load(Ordering::SeqCst) {
        let version = state.read().map(|s| s.version).unwrap_or(0);
        if sent != Some(version) {
            write!(stream, "data: {version}\n\n")?;
            stream.flush()?;
            sent = Some(version);
        } else if idle >= 75 {
            write!(stream, ": ping\n\n")?;
            idle = 0;
        }
        idle += 1;
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_site() {
        assert_eq!(request_path("/districts/ky-anh/?x=1").as_deref(), Some("districts/ky-anh/"));
        assert_eq!(request_path("/t%E1%BB%95ng").as_deref(), Some("tổng"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/a/%2E%2E/b",
            "//etc/passwd",
            "/a\\..\\b",
            "etc/passwd",
            "/%00",
            "/a/./b",
            "/%zz",
        ] {
            assert_eq!(request_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("style.3f2a1c9e.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("atom.xml"), "application/atom+xml; charset=utf-8");
        assert_eq!(content_type("card.png"), "image/png");
    }
}
