//! The HTTP side of `bantin serve`: one thread per connection, GET and
//! HEAD only, paths checked before anything is looked up, pages answered
//! from the live site with the reload script added, and server-sent events
//! (`/__bantin/events`) that tell open pages a new version is there.

use super::live::{Answer, Live};
use crate::diag::messages::Serve;
use crate::diag::Diagnostics;
use crate::text::lang::Lang;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const RELOAD: &str = "<script>(function(){var v=null;var s=new EventSource('/__bantin/events');s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub(super) fn error_page(diags: &Diagnostics, lang: Lang) -> String {
    let (errors, warnings) = diags.counts();
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;margin:2rem\"><h1>{}</h1><p>{}</p><pre style=\"white-space:pre-wrap;background:#fff4e5;padding:1rem;border-left:4px solid #d55e00\">{}</pre></body></html>",
        lang.code(),
        escape(&Serve::ErrorPageTitle.text(lang)),
        escape(&Serve::ErrorPageHeading.text(lang)),
        escape(&Serve::ErrorPageIntro { errors, warnings }.text(lang)),
        escape(&diags.report(lang))
    )
}

pub(super) fn accept(listener: TcpListener, live: Arc<Live>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                let (l, st) = (live.clone(), stop.clone());
                std::thread::spawn(move || {
                    let _ = handle(stream, &l, &st);
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

fn handle(mut stream: TcpStream, live: &Live, stop: &AtomicBool) -> std::io::Result<()> {
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
        return events(stream, live, stop);
    }
    let html = "text/html; charset=utf-8";
    match live.answer(&path) {
        Answer::Failed(diags, lang) => {
            let page = error_page(&diags, lang);
            respond(&mut stream, "500 Build Failed", html, &with_reload(page.as_bytes()), "")
        }
        Answer::Building => respond(&mut stream, "503 Service Unavailable", "text/plain", b"building the site", ""),
        Answer::Redirect(to) => {
            respond(&mut stream, "301 Moved Permanently", "text/plain", b"", &format!("Location: {to}\r\n"))
        }
        Answer::NotFound(body) => respond(&mut stream, "404 Not Found", html, &with_reload(&body), ""),
        Answer::File(body) => {
            let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path };
            let body = if key.ends_with(".html") { with_reload(&body) } else { body };
            respond(&mut stream, "200 OK", content_type(&key), &body, "")
        }
    }
}

/// Server-sent events: the build version now, then each new one.
fn events(mut stream: TcpStream, live: &Live, stop: &AtomicBool) -> std::io::Result<()> {
    write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n")?;
    let mut sent = None;
    let mut idle = 0;
    while !stop.load(Ordering::SeqCst) {
        let version = live.version();
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
