//! How long `bantin serve` takes to show an edit: starts the preview of the
//! site at a root, then edits one article's title several times and times,
//! from the moment the file is written, until the article's page and the
//! first page of its district's list are served with the new title.
//! The article file is restored at the end.
//!
//! `cargo run --release --example serve_edit -- <root> [edits=5]`

use std::io::{Read, Write};

// The allocator of the `bantin` binary, so the figures are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("the server listens");
    write!(s, "GET {path} HTTP/1.0\r\n\r\n").expect("request sent");
    let mut all = Vec::new();
    s.read_to_end(&mut all).expect("response read");
    String::from_utf8_lossy(&all).into_owned()
}

/// Waits until `path` shows `text`; the time it took.
fn until(port: u16, path: &str, text: &str, since: Instant) -> Duration {
    loop {
        if get(port, path).contains(text) {
            return since.elapsed();
        }
        assert!(since.elapsed() < Duration::from_secs(60), "{path} never showed the edit");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The newest article of the first district folder (so it is on the first
/// page of the district's list), and its page's path.
fn an_article(root: &Path) -> (PathBuf, String) {
    let districts = root.join("content/districts");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&districts).unwrap().map(|e| e.unwrap().path()).collect();
    folders.sort();
    let folder = &folders[0];
    let mut md: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    let date = |p: &PathBuf| {
        let text = std::fs::read_to_string(p).unwrap();
        text.lines().find_map(|l| l.strip_prefix("date: ").map(str::to_string)).unwrap_or_default()
    };
    md.sort_by_key(|p| (std::cmp::Reverse(date(p)), p.clone()));
    let file = md[0].clone();
    let text = std::fs::read_to_string(&file).unwrap();
    let slug = text.lines().find_map(|l| l.strip_prefix("slug: ")).map(str::to_string).unwrap_or_else(|| {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        stem.splitn(4, '-').nth(3).unwrap_or(&stem).to_string()
    });
    let d = folder.file_name().unwrap().to_string_lossy().into_owned();
    (file, format!("/districts/{d}/{}/", slug.trim_matches('"')))
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let edits: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let started = Instant::now();
    let options = bantin::serve::Options {
        root: root.clone(),
        bind: "127.0.0.1".into(),
        port: 0,
        drafts: false,
        poll: false,
        lang: None,
    };
    let server = bantin::serve::start(&options).expect("the server starts");
    eprintln!("first build: {:.2} s", started.elapsed().as_secs_f64());
    let (file, page) = an_article(&root);
    let list = page.rsplitn(3, '/').nth(2).map(|d| format!("{d}/")).unwrap_or_default();
    let original = std::fs::read_to_string(&file).unwrap();
    let (mut page_ms, mut list_ms) = (Vec::new(), Vec::new());
    for i in 0..edits {
        let mark = format!("Sửa lần {i} {}", std::process::id());
        let edited = original.replacen("title: \"", &format!("title: \"{mark} "), 1);
        let edited =
            if edited == original { original.replacen("title: ", &format!("title: {mark} "), 1) } else { edited };
        // Edit as a person would: after the last edit's background render.
        std::thread::sleep(Duration::from_millis(300));
        while !server.idle() {
            std::thread::sleep(Duration::from_millis(20));
        }
        let t = Instant::now();
        std::fs::write(&file, edited).unwrap();
        page_ms.push(until(server.port, &page, &mark, t).as_secs_f64() * 1000.0);
        list_ms.push(until(server.port, &list, &mark, t).as_secs_f64() * 1000.0);
        let u = server.last_update();
        eprintln!(
            "edit {i}: page {:.0} ms, list {:.0} ms ({} file read, {} article checked)",
            page_ms[i], list_ms[i], u.reread, u.rechecked
        );
    }
    std::fs::write(&file, original).unwrap();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "serve edit: article page {:.0} ms, district list {:.0} ms (median of {edits}, from saving the file)",
        median(&mut page_ms),
        median(&mut list_ms)
    );
}
