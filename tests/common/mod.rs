//! Helpers shared by the integration tests: fixture sites, builds into
//! temporary folders, and reading what was written.
#![allow(dead_code)]

pub mod sheets;
pub mod tools;

use std::path::{Path, PathBuf};

/// The folder of a fixture site under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// `../shared/seeds/` beside the repository: real portal articles, the one
/// place integration tests find them.
pub fn seeds_dir() -> PathBuf {
    repo_root().join("../shared/seeds")
}

/// The repository itself, whose `content/` is the example site.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A built site in a temporary folder that lives as long as the value.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub out: PathBuf,
    pub report: bantin::BuildReport,
}

impl Built {
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.out.join(path).exists()
    }

    /// The path of the theme stylesheet, whose name carries its hash.
    pub fn stylesheet(&self) -> String {
        self.files().into_iter().find(|f| f.starts_with("style.") && f.ends_with(".css")).expect("a hashed stylesheet")
    }

    /// Every file of the output, relative and sorted.
    pub fn files(&self) -> Vec<String> {
        files_under(&self.out)
    }
}

pub fn files_under(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    v.sort();
    v
}

/// Builds the site at `root` into a fresh temporary folder.
pub fn build(root: &Path, drafts: bool) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let options = bantin::BuildOptions { drafts, ..bantin::BuildOptions::new(root.to_path_buf(), out.clone()) };
    match bantin::build(&options) {
        Ok(report) => Built { dir, out, report },
        Err(d) => panic!("build of {} failed:\n{d}", root.display()),
    }
}

/// Builds a site that must fail and returns the report text.
/// (The report is in English.)
pub fn build_errors(root: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let options = bantin::BuildOptions::new(root.to_path_buf(), dir.path().join("site"));
    match bantin::build(&options) {
        Ok(_) => panic!("build of {} should fail", root.display()),
        Err(d) => {
            assert!(!dir.path().join("site").exists(), "a failed build must not write its output");
            d.render(bantin::text::lang::Lang::En)
        }
    }
}

/// Every `href` and `src` value of an HTML text.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// Checks that every relative link of every HTML page resolves to a file
/// of the output (a folder link must hold an index.html). Returns the
/// broken ones as `page -> link`.
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for page in files_under(out).into_iter().filter(|p| p.ends_with(".html") && p != "404.html") {
        let html = std::fs::read_to_string(out.join(&page)).unwrap();
        let dir = out.join(&page).parent().unwrap().to_path_buf();
        for link in links(&html) {
            if link.contains("://") || link.starts_with('#') || link.starts_with("mailto:") || link.starts_with("tel:")
            {
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap();
            let decoded = path.replace("%20", " ");
            let target = dir.join(&decoded);
            let ok = if path.ends_with('/') || path.is_empty() {
                target.join("index.html").is_file()
            } else {
                target.is_file()
            };
            if !ok {
                broken.push(format!("{page} -> {link}"));
            }
        }
    }
    broken
}

/// Writes a site of `articles` articles over `districts` districts into a
/// temporary folder: Vietnamese titles, topics, one indicator with data.
pub fn generated_site(articles: usize, districts: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("content");
    let write = |p: &Path, s: &str| {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    };
    write(&c.join("site.yaml"), "title: Bản tin lớn\nbase_url: https://example.gov.vn/lon/\ntopics:\n  nong-thon-moi: Nông thôn mới\n  kinh-te: Kinh tế\n");
    write(
        &c.join("indicators.yaml"),
        "- { id: hamlets, name: Thôn đạt chuẩn, kind: count, unit: thôn, topic: nong-thon-moi }\n",
    );
    let names = ["Kỳ Anh", "Vũ Quang", "Cẩm Thủy", "Đức Thọ", "Hương Sơn", "Thạch Hà", "Can Lộc", "Nghi Xuân"];
    for d in 0..districts {
        let name = format!("{} {}", names[d % names.len()], d / names.len() + 1);
        let slug = bantin::text::slug::slugify(&name);
        write(
            &c.join(format!("districts/{slug}/district.yaml")),
            &format!("name: {name}\ndata:\n  hamlets:\n    - {{ period: 2023, value: {}/150 }}\n", 100 + d),
        );
        for a in (0..articles).filter(|a| a % districts == d) {
            let day = 1 + a % 28;
            let month = 1 + (a / 28) % 12;
            let topic = if a % 2 == 0 { "nong-thon-moi" } else { "kinh-te" };
            let text = format!(
                "---\ntitle: Bài {a} – {name} đạt chuẩn nông thôn mới\ndate: 2023-{month:02}-{day:02}\ntopics: [{topic}]\nindicators: [hamlets]\n---\nNăm 2023, {name} tiếp tục xây dựng nông thôn mới. {{{{ value(indicator=\"hamlets\", period=\"2023\") }}}}\n\n## Kết quả\n\n- Đường giao thông\n- Nhà văn hóa\n\n| Chỉ tiêu | Kết quả |\n|---|---|\n| Thôn | {a} |\n"
            );
            write(&c.join(format!("districts/{slug}/bai-{a}.md")), &text);
        }
    }
    dir
}

/// A plain HTTP/1.0 GET to 127.0.0.1: (status, head, body).
pub fn http_get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head, all[split + 4..].to_vec())
}

/// Copies a folder (a fixture site) into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for f in files_under(from) {
        let target = to.join(&f);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&f), target).unwrap();
    }
}
