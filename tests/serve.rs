//! `bantin serve` by real HTTP requests on 127.0.0.1: pages, content
//! types, updates on edit (only the edited file read and checked again,
//! pages rendered on demand, added and removed articles, templates, assets),
//! the error page, live reload, polling, and refusal of paths that leave
//! the site.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

fn start(root: &std::path::Path) -> bantin::serve::Server {
    start_with(root, false)
}

fn start_with(root: &std::path::Path, poll: bool) -> bantin::serve::Server {
    let options = bantin::serve::Options {
        root: root.to_path_buf(),
        bind: "127.0.0.1".into(),
        port: 0,
        drafts: false,
        poll,
        lang: None,
    };
    bantin::serve::start(&options).expect("the server starts")
}

/// Waits (at most 10 s) until `f` holds.
fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn body(port: u16, path: &str) -> (u16, String) {
    let (status, _, b) = http_get(port, path);
    (status, String::from_utf8_lossy(&b).into_owned())
}

#[test]
fn serves_pages_with_types_and_never_writes_public() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let server = start(dir.path());
    let (status, html) = body(server.port, "/");
    assert_eq!(status, 200);
    assert!(html.contains("Bản tin thử nghiệm") && html.contains("/__bantin/events"), "live reload script injected");
    let (status, head, _) = http_get(server.port, "/districts/ky-anh");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /districts/ky-anh/"));
    let (_, head, _) = http_get(server.port, "/atom.xml");
    assert!(head.contains("Content-Type: application/atom+xml"));
    let (_, head, _) = http_get(server.port, "/card.png");
    assert!(head.contains("Content-Type: image/png"));
    let (status, _) = body(server.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(!dir.path().join("public").exists(), "serve builds in memory");
    // Photos as the build publishes them: made anew, with their widths.
    let (_, html) = body(server.port, "/districts/ky-anh/tong-ket-nam-2023/");
    assert!(html.contains("src=\"hoi-nghi.png\" srcset=\"hoi-nghi.png 1w\""), "{html}");
    let (status, head, png) = http_get(server.port, "/districts/ky-anh/tong-ket-nam-2023/hoi-nghi.png");
    assert_eq!(status, 200, "{head}");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn refuses_paths_that_leave_the_site() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    std::fs::write(dir.path().join("secret.txt"), "SECRET").unwrap();
    let server = start(dir.path());
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "//etc/passwd",
        "/content/../../secret.txt",
        "/..%2fsecret.txt",
    ] {
        let (status, text) = body(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!text.contains("SECRET") && !text.contains("root:"), "{path} leaked");
    }
}

#[test]
fn an_edit_is_served_rebuilt_and_errors_show_as_a_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let server = start(dir.path());
    let article = dir.path().join("content/districts/ky-anh/2024-01-06-tong-ket-nam-2023.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replace("title: Kỳ Anh tổng kết năm 2023", "title: Tiêu đề đã sửa")).unwrap();
    eventually("the edited title", || {
        body(server.port, "/districts/ky-anh/tong-ket-nam-2023/").1.contains("Tiêu đề đã sửa")
    });
    assert!(body(server.port, "/").1.contains("Tiêu đề đã sửa"), "lists show it too");
    assert!(body(server.port, "/atom.xml").1.contains("Tiêu đề đã sửa"), "and the feed");
    // Only the edited file was read and checked again.
    let update = server.last_update();
    assert_eq!((update.reread, update.rechecked, update.full), (1, 1, false), "{update:?}");

    let district = dir.path().join("content/districts/ky-anh/district.yaml");
    let good = std::fs::read_to_string(&district).unwrap();
    std::fs::write(&district, good.replace("value: 110/154", "value: 160/154")).unwrap();
    // The error page speaks the site's language (vi here).
    eventually("the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains("giá trị 160 lớn hơn tổng số 154") && html.contains("<html lang=\"vi\">")
    });
    std::fs::write(&district, good).unwrap();
    eventually("the fixed site", || body(server.port, "/").0 == 200);
}

#[test]
fn open_pages_are_told_to_reload() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start(dir.path());
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET /__bantin/events HTTP/1.0\r\n\r\n").unwrap();
    let mut reader = BufReader::new(stream);
    let mut data_lines = Vec::new();
    let mut line = String::new();
    while data_lines.is_empty() {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if let Some(v) = line.strip_prefix("data: ") {
            data_lines.push(v.trim().to_string());
        }
    }
    let site = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, text.replace("Tối giản", "Đã đổi tên")).unwrap();
    while data_lines.len() < 2 {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if let Some(v) = line.strip_prefix("data: ") {
            data_lines.push(v.trim().to_string());
        }
    }
    assert_ne!(data_lines[0], data_lines[1], "a new build version is announced");
}

#[test]
fn added_and_removed_articles_templates_and_assets_are_followed() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let server = start(dir.path());
    let district = dir.path().join("content/districts/ky-anh");
    // A new article: everything is loaded again, its page and lists appear.
    std::fs::write(
        district.join("2024-03-01-bai-moi.md"),
        "---\ntitle: Bài hoàn toàn mới\ndate: 2024-03-01\n---\nNội dung.\n",
    )
    .unwrap();
    eventually("the new article", || body(server.port, "/districts/ky-anh/bai-moi/").0 == 200);
    assert!(server.last_update().full);
    eventually("the new article in the list", || body(server.port, "/").1.contains("Bài hoàn toàn mới"));
    eventually("the new article in the sitemap", || {
        body(server.port, "/sitemap.xml").1.contains("districts/ky-anh/bai-moi/")
    });
    // Removed again: its page is gone.
    std::fs::remove_file(district.join("2024-03-01-bai-moi.md")).unwrap();
    eventually("the removed article's 404", || body(server.port, "/districts/ky-anh/bai-moi/").0 == 404);
    assert!(!body(server.port, "/").1.contains("Bài hoàn toàn mới"));
    // A site template overrides the theme's as soon as it is saved.
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/404.html"), "<!DOCTYPE html><title>x</title><p>Không có trang này</p>")
        .unwrap();
    eventually("the site's own 404 page", || body(server.port, "/khong-co/").1.contains("Không có trang này"));
    // An asset beside an article is served as it is now on disk.
    std::fs::write(district.join("bao-cao.pdf"), b"%PDF-1.4 first").unwrap();
    eventually("the added asset", || {
        http_get(server.port, "/districts/ky-anh/tong-ket-nam-2023/bao-cao.pdf").2 == b"%PDF-1.4 first".to_vec()
    });
    std::fs::write(district.join("bao-cao.pdf"), b"%PDF-1.4 second").unwrap();
    eventually("the edited asset", || {
        http_get(server.port, "/districts/ky-anh/tong-ket-nam-2023/bao-cao.pdf").2 == b"%PDF-1.4 second".to_vec()
    });
    // A photo replaced by another is made again.
    let mut two = Vec::new();
    let mut e = png::Encoder::new(&mut two, 2, 2);
    e.set_color(png::ColorType::Rgb);
    e.write_header().unwrap().write_image_data(&[9; 12]).unwrap();
    std::fs::write(district.join("hoi-nghi.png"), &two).unwrap();
    eventually("the replaced photo", || {
        body(server.port, "/districts/ky-anh/tong-ket-nam-2023/").1.contains("srcset=\"hoi-nghi.png 2w\"")
    });
}

#[test]
fn polling_follows_edits_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start_with(dir.path(), true);
    let site = dir.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(&site, text.replace("Tối giản", "Đã đổi tên khi thăm dò")).unwrap();
    eventually("the renamed site", || body(server.port, "/").1.contains("Đã đổi tên khi thăm dò"));
    assert_eq!(server.last_update().reread, 1);
}

#[test]
fn a_template_error_found_while_rendering_shows_as_a_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start(dir.path());
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/index.html"), "{{ no_such_variable.field }}").unwrap();
    eventually("the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains("index.html")
    });
    std::fs::remove_file(dir.path().join("templates/index.html")).unwrap();
    eventually("the fixed site", || body(server.port, "/").0 == 200);
}
