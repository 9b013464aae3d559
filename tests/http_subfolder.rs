//! The output served from a sub-folder over HTTP on 127.0.0.1: every link
//! of every page is followed and must answer 200.

mod common;
use common::*;
use std::collections::{BTreeSet, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

const PREFIX: &str = "/archive/bantin/";

/// Serves `dir` under [`PREFIX`] until `requests` have been answered.
fn serve(dir: PathBuf, listener: TcpListener, requests: usize) {
    for stream in listener.incoming().take(requests) {
        let Ok(mut stream) = stream else { continue };
        let mut line = String::new();
        BufReader::new(&stream).read_line(&mut line).ok();
        let path = line.split_whitespace().nth(1).unwrap_or("/").split(['?', '#']).next().unwrap_or("/").to_string();
        let body = path
            .strip_prefix(PREFIX)
            .filter(|rel| !rel.split('/').any(|s| s == ".."))
            .map(|rel| {
                let p = dir.join(percent_decode(rel));
                if p.is_dir() {
                    p.join("index.html")
                } else {
                    p
                }
            })
            .and_then(|p| std::fs::read(p).ok());
        let head = match &body {
            Some(b) => format!("HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n", b.len()),
            None => "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_string(),
        };
        let _ = stream.write_all(head.as_bytes());
        if let Some(b) = body {
            let _ = stream.write_all(&b);
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let (status, _, body) = http_get(port, path);
    (status, body)
}

/// Resolves a relative link against the URL path of the page it is on.
fn resolve(page: &str, link: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split(['?', '#']).next().unwrap().split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn crawl(out: &Path) -> (usize, Vec<String>) {
    let pages = files_under(out).len();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Bounded: at most a few requests per file of the site.
    let budget = pages * 4 + 50;
    let dir = out.to_path_buf();
    let server = std::thread::spawn(move || serve(dir, listener, budget));
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([format!("{PREFIX}index.html")]);
    let mut broken = Vec::new();
    let mut requests = 0;
    while let Some(url) = queue.pop_front() {
        if !seen.insert(url.clone()) || requests >= budget {
            continue;
        }
        requests += 1;
        let (status, body) = get(port, &url);
        if status != 200 {
            broken.push(format!("{url}: {status}"));
            continue;
        }
        if url.ends_with(".html") {
            for link in links(&String::from_utf8_lossy(&body)) {
                if link.contains("://")
                    || link.starts_with('#')
                    || link.starts_with("mailto:")
                    || link.starts_with("tel:")
                {
                    continue;
                }
                let mut target = resolve(&url, &link);
                if target.ends_with('/') {
                    target.push_str("index.html");
                }
                queue.push_back(target);
            }
        }
    }
    // Let the server finish its budget and stop.
    while requests < budget {
        let _ = get(port, "/stop");
        requests += 1;
    }
    server.join().unwrap();
    (seen.len(), broken)
}

#[test]
fn every_link_answers_from_a_sub_folder() {
    for site in [repo_root(), fixture("many_articles")] {
        let b = build(&site, false);
        let (visited, broken) = crawl(&b.out);
        assert!(broken.is_empty(), "{}: broken: {broken:#?}", site.display());
        assert!(visited > 20, "crawled only {visited} URLs");
    }
}
