//! `bantin serve` by real HTTP requests on 127.0.0.1: pages, content
//! types, updates on edit (only the edited file read and checked again,
//! pages rendered on demand, added and removed articles, templates, assets),
//! the error page, live reload, polling, and refusal of paths that leave
//! the site; the limits on requests and connections, HEAD, methods; files
//! swapped for links out of the root; a panic while rebuilding.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

fn start(root: &std::path::Path) -> bantin::serve::Server {
    start_with(root, false)
}

fn options(root: &std::path::Path, poll: bool) -> bantin::serve::Options {
    bantin::serve::Options {
        root: root.to_path_buf(),
        bind: "127.0.0.1".into(),
        port: 0,
        drafts: false,
        poll,
        lang: None,
    }
}

fn start_with(root: &std::path::Path, poll: bool) -> bantin::serve::Server {
    bantin::serve::start(&options(root, poll)).expect("the server starts")
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

/// A workbook of Kỳ Anh's: waste collection for `period`, `value` percent.
fn waste_book(period: &str, value: f64) -> Vec<u8> {
    let mut b = rust_xlsxwriter::Workbook::new();
    let s = b.add_worksheet();
    for (i, n) in ["indicator", "period", "value"].iter().enumerate() {
        s.write_string(0, i as u16, *n).unwrap();
    }
    s.write_string(1, 0, "waste").unwrap();
    s.write_string(1, 1, period).unwrap();
    s.write_number(1, 2, value).unwrap();
    b.save_to_buffer().unwrap()
}

#[test]
fn a_saved_workbook_is_read_again_and_excels_lock_file_is_not() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let book = dir.path().join("content/districts/ky-anh/data/bao-cao.xlsx");
    std::fs::write(&book, waste_book("2024-Q2", 96.5)).unwrap();
    let server = start(dir.path());
    eventually("the workbook's figure", || {
        body(server.port, "/indicators/waste.csv").1.contains("ky-anh,,2024-Q2,96.5,")
    });
    // Excel opens it: a lock file appears beside it, and is never read.
    std::fs::write(dir.path().join("content/districts/ky-anh/data/~$bao-cao.xlsx"), b"lock").unwrap();
    std::fs::write(&book, waste_book("2024-Q2", 97.25)).unwrap();
    eventually("the saved figure", || body(server.port, "/indicators/waste.csv").1.contains("ky-anh,,2024-Q2,97.25,"));
    assert_eq!(body(server.port, "/").0, 200, "the lock file is no error");
    let update = server.last_update();
    assert!(!update.full && update.reread == 1, "only the workbook was read again: {update:?}");
    // The download served is the new data's, as a full build makes it
    // (serve keeps workbooks between rebuilds, by their data).
    let (_, _, served) = http_get(server.port, "/indicators/waste.xlsx");
    let built = std::fs::read(build(dir.path(), false).out.join("indicators/waste.xlsx")).unwrap();
    assert!(served == built, "the served download is the full build's");
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

/// Sends `request` as it is and reads the answer until the server closes
/// the connection: status, head, body.
fn raw(port: u16, request: &[u8]) -> (u16, String, Vec<u8>) {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    // The server may answer and close before all of a refused request is sent.
    let _ = s.write_all(request);
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no answer: {all:?}"));
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, all[split + 4..].to_vec())
}

/// A header's value in a response head.
fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
    head.lines().find_map(|l| l.split_once(": ").filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v))
}

#[test]
fn the_limits_are_those_the_readme_states() {
    let l = bantin::serve::LIMITS;
    assert_eq!((l.head_bytes, l.headers, l.connections, l.idle), (16 * 1024, 64, 64, Duration::from_secs(10)));
}

#[test]
fn a_header_flood_and_a_huge_request_line_are_refused_and_serving_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start(dir.path());
    let mut flood = String::from("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for i in 0..100 {
        flood.push_str(&format!("X-Header-{i}: {i}\r\n"));
    }
    flood.push_str("\r\n");
    assert_eq!(raw(server.port, flood.as_bytes()).0, 431, "more than 64 headers");
    let long = format!("GET /{} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "a".repeat(100_000));
    let (status, _, _) = raw(server.port, long.as_bytes());
    assert!(status == 431 || status == 414, "a 100 kB request line: {status}");
    let big_header = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {}\r\n\r\n", "b".repeat(20_000));
    assert_eq!(raw(server.port, big_header.as_bytes()).0, 431, "a head over 16 KiB");
    // Within the limits: 60 headers and a long path are fine.
    let mut many = String::from("GET /no-such-page/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for i in 0..60 {
        many.push_str(&format!("X-Header-{i}: {i}\r\n"));
    }
    many.push_str("\r\n");
    assert_eq!(raw(server.port, many.as_bytes()).0, 404);
    assert_eq!(body(server.port, "/").0, 200);
}

#[test]
fn only_get_and_head_without_a_body() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start(dir.path());
    let post = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello";
    let (status, head, _) = raw(server.port, post);
    assert_eq!(status, 405);
    assert_eq!(header(&head, "Allow"), Some("GET, HEAD"), "{head}");
    for method in ["PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"] {
        let request = format!("{method} / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assert_eq!(raw(server.port, request.as_bytes()).0, 405, "{method}");
    }
    let get_with_body = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello";
    assert_eq!(raw(server.port, get_with_body).0, 413);
    let chunked = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    assert_eq!(raw(server.port, chunked).0, 413);
    assert_eq!(body(server.port, "/").0, 200);
}

#[test]
fn head_answers_the_headers_of_get_without_a_body() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let server = start(dir.path());
    // The same headers (in any order), but the time.
    let without_date = |head: &str| -> Vec<String> {
        let mut lines: Vec<String> = head.lines().filter(|l| !l.starts_with("Date:")).map(str::to_string).collect();
        lines.sort();
        lines
    };
    for path in ["/", "/atom.xml", "/card.png", "/districts/ky-anh", "/no/such/page/", "/robots.txt"] {
        let (get_status, get_head, get_body) = http_get(server.port, path);
        let request = format!("HEAD {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        let (status, head, head_body) = raw(server.port, request.as_bytes());
        assert_eq!(status, get_status, "{path}");
        assert_eq!(without_date(&head), without_date(&get_head), "{path}");
        assert!(head_body.is_empty(), "{path}: HEAD sent a body");
        assert_eq!(header(&head, "Content-Length"), Some(get_body.len().to_string().as_str()), "{path}");
    }
    // HEAD of the events stream: its headers, and the connection ends.
    let (status, head, rest) = raw(server.port, b"HEAD /__bantin/events HTTP/1.0\r\n\r\n");
    assert_eq!((status, header(&head, "Content-Type")), (200, Some("text/event-stream")));
    assert!(rest.is_empty());
}

#[test]
fn idle_and_slow_connections_do_not_keep_others_out() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    let server = start(dir.path());
    let limits = bantin::serve::LIMITS;
    // More idle connections than the server takes at once.
    let idle: Vec<_> = (0..limits.connections + 16)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    // And one that sends its request a byte every half second (slowloris).
    let mut slow = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let slowloris = std::thread::spawn(move || {
        let started = Instant::now();
        for b in b"GET / HTTP/1.1\r\nX-Slow: ".iter().chain([b'a'; 200].iter()) {
            if slow.write_all(&[*b]).is_err() {
                return started.elapsed();
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        started.elapsed()
    });
    // The normal request may wait its turn up to the idle limit, so it is
    // given longer than `http_get`'s 10 s to be answered.
    let started = Instant::now();
    let status = {
        use std::io::Read;
        let mut s = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.set_read_timeout(Some(limits.idle * 2 + Duration::from_secs(5))).unwrap();
        write!(s, "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        String::from_utf8_lossy(&all).split_whitespace().nth(1).unwrap_or_default().to_string()
    };
    let waited = started.elapsed();
    assert_eq!(status, "200");
    assert!(waited < limits.idle * 2 + Duration::from_secs(5), "a normal request waited {waited:?}");
    // The idle connections were closed by the server.
    for mut c in idle.into_iter().take(4) {
        use std::io::Read;
        c.set_read_timeout(Some(limits.idle * 3)).unwrap();
        let mut buf = [0; 64];
        assert!(matches!(c.read(&mut buf), Ok(0) | Err(_)), "an idle connection was kept open");
    }
    let cut = slowloris.join().unwrap();
    assert!(cut < limits.idle * 3 + Duration::from_secs(5), "the slow request was cut after {cut:?}");
}

#[test]
fn a_file_swapped_for_a_link_out_of_the_root_is_never_served() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET-42").unwrap();
    let secret_md = "---\ntitle: TOP-SECRET-42\ndate: 2024-01-06\n---\nTOP-SECRET-42\n";
    std::fs::write(outside.path().join("secret.md"), secret_md).unwrap();
    let note = dir.path().join("content/static/note.txt");
    std::fs::write(&note, "public note").unwrap();
    let server = start(dir.path());
    assert_eq!(body(server.port, "/note.txt"), (200, "public note".to_string()));
    let never_secret = |paths: &[&str]| {
        let until = Instant::now() + Duration::from_secs(2);
        while Instant::now() < until {
            for p in paths {
                assert!(!body(server.port, p).1.contains("TOP-SECRET-42"), "{p} served the secret");
            }
        }
    };
    let refusal = "liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục gốc";
    // A static file (copied as it is, read when asked for).
    std::fs::remove_file(&note).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), &note).unwrap();
    never_secret(&["/note.txt", "/"]);
    eventually("the refusal on the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains(refusal) && html.contains("content/static/note.txt")
    });
    std::fs::remove_file(&note).unwrap();
    std::fs::write(&note, "public again").unwrap();
    eventually("the fixed site", || body(server.port, "/note.txt") == (200, "public again".to_string()));
    // An article (read again when it changes).
    let article = dir.path().join("content/districts/ky-anh/2024-01-06-tong-ket-nam-2023.md");
    std::fs::remove_file(&article).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), &article).unwrap();
    never_secret(&["/districts/ky-anh/tong-ket-nam-2023/", "/", "/atom.xml"]);
    eventually("the refusal on the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains(refusal) && html.contains("2024-01-06-tong-ket-nam-2023.md")
    });
    // content/site.yaml, read whole each time.
    std::fs::remove_file(&article).unwrap();
    std::fs::copy(fixture("data_kinds").join("content/districts/ky-anh/2024-01-06-tong-ket-nam-2023.md"), &article)
        .unwrap();
    eventually("the fixed site", || body(server.port, "/").0 == 200);
    let site = dir.path().join("content/site.yaml");
    std::fs::write(outside.path().join("site.yaml"), "title: TOP-SECRET-42\nbase_url: https://x.example/\n").unwrap();
    std::fs::remove_file(&site).unwrap();
    std::os::unix::fs::symlink(outside.path().join("site.yaml"), &site).unwrap();
    never_secret(&["/"]);
    eventually("the refusal on the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains(refusal) && html.contains("content/site.yaml")
    });
}

#[test]
fn a_panic_while_rebuilding_shows_the_error_page_and_serving_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let marker = "BANTIN-TEST-PANIC";
    let server = bantin::serve::start_with_fault(&options(dir.path(), false), marker).expect("the server starts");
    assert_eq!(body(server.port, "/").0, 200);
    let article = dir.path().join("content/districts/ky-anh/2024-01-06-tong-ket-nam-2023.md");
    let good = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{good}\n{marker}\n")).unwrap();
    eventually("the error page", || {
        let (status, html) = body(server.port, "/");
        status == 500 && html.contains("bantin gặp lỗi nội bộ") && html.contains(marker)
    });
    // Still watching: the next save is taken in, from a clean start.
    std::fs::write(&article, good.replace("title: Kỳ Anh tổng kết năm 2023", "title: Sau sự cố")).unwrap();
    eventually("the site again", || {
        let (status, html) = body(server.port, "/districts/ky-anh/tong-ket-nam-2023/");
        status == 200 && html.contains("Sau sự cố")
    });
    assert!(server.last_update().full, "everything was read again after the panic");
    // And a second time: the thread that follows edits is still there.
    std::fs::write(&article, format!("{good}\n{marker}\n")).unwrap();
    eventually("the error page again", || body(server.port, "/").0 == 500);
    std::fs::write(&article, &good).unwrap();
    eventually("the site again", || body(server.port, "/").0 == 200);
}

#[test]
fn every_kept_http_request_input_passes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/http_request");
    let mut count = 0;
    for f in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        bantin::serve::fuzz_request_target(&std::fs::read(f.unwrap().path()).unwrap());
        count += 1;
    }
    assert!(count >= 5, "only {count} inputs");
}
