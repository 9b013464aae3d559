//! Hostile input made at test time: a 50 MB article, symbolic links that
//! loop or lead outside the site, and a payload corpus that must come out
//! escaped everywhere.

mod common;
use common::*;

fn site_with(extra: impl FnOnce(&std::path::Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    extra(dir.path());
    dir
}

#[test]
fn a_50_mb_article_is_refused_clearly() {
    let dir = site_with(|root| {
        let mut text = String::from("---\ntitle: Lớn\ndate: 2024-01-01\n---\n");
        let line = "Nội dung rất dài của một bài viết được dán nhầm nhiều lần.\n";
        while text.len() < 50 * 1024 * 1024 {
            text.push_str(line);
        }
        std::fs::write(root.join("content/districts/ky-anh/lon.md"), text).unwrap();
    });
    let report = build_errors(dir.path());
    assert!(
        report.contains(
            "content/districts/ky-anh/lon.md: error: this file is 50 MB; bantin reads text files of up to 10 MB"
        ),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_that_loop_or_leave_the_root_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "SECRET").unwrap();
    let dir = site_with(|root| {
        std::os::unix::fs::symlink("..", root.join("content/districts/ky-anh/loop")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("content/static/secret.txt")).unwrap();
    });
    let report = build_errors(dir.path());
    assert!(report.contains("a symbolic link here loops back to a parent folder"), "{report}");
    assert!(
        report.contains("content/static/secret.txt: error: this symbolic link leads outside the site root"),
        "{report}"
    );
}

const PAYLOADS: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "javascript:alert(3)",
    "</script><script>alert(4)</script>",
];

#[test]
fn payloads_in_data_and_front_matter_come_out_escaped_everywhere() {
    let p = PAYLOADS.join(" ");
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("content");
    let w = |rel: &str, text: String| {
        let path = c.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    w(
        "site.yaml",
        format!(
            "title: {}\nbase_url: https://example.gov.vn/\ndescription: {}\ntopics:\n  t: {}\n",
            q(&p),
            q(&p),
            q(&p)
        ),
    );
    w(
        "indicators.yaml",
        format!("- {{ id: x, name: {}, kind: count, unit: {}, topic: t, description: {} }}\n", q(&p), q(&p), q(&p)),
    );
    w("districts/d/district.yaml", format!("name: {}\nprovince: {}\nlevel: {}\nsummary: {}\ndata:\n  x:\n    - {{ period: 2023, value: 3/9, note: {} }}\ncommunes:\n  - name: {}\n    data:\n      x:\n        - {{ period: 2023, value: 1/2, note: {} }}\n", q(&p), q(&p), q(&p), q(&p), q(&p), q(&p), q(&p)));
    w("districts/d/a.md", format!("---\ntitle: {}\ndate: 2024-01-01\nauthor: {}\nsummary: {}\ntopics: [t]\nindicators: [x]\n---\nBody.\n\n{{{{ chart(indicator=\"x\") }}}}\n", q(&p), q(&p), q(&p)));
    w("pages/p.md", format!("---\ntitle: {}\ndescription: {}\n---\nPage.\n", q(&p), q(&p)));
    let b = build(dir.path(), false);
    let mut checked = 0;
    for f in b.files() {
        // PNG is pixels; CSV is data written as it is (served as text/csv).
        if f.ends_with(".png") || f.ends_with(".csv") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(b.out.join(&f)).unwrap()).into_owned();
        for raw in ["<script>alert", "<img src=x", "onerror=alert(2)>"] {
            assert!(!text.contains(raw), "{f} contains the raw payload {raw:?}");
        }
        assert!(!text.contains("href=\"javascript:"), "{f} links to javascript:");
        checked += 1;
    }
    assert!(checked > 20, "checked {checked} files");
    // The data really is there, escaped.
    assert!(b.read("districts/d/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn raw_html_in_bodies_is_kept_unless_safe_html_is_set() {
    let body = "Text <b onclick=\"x()\">b</b>\n\n<script>alert(5)</script>\n";
    let make = |safe: bool| {
        site_with(|root| {
            std::fs::write(
                root.join("content/districts/ky-anh/raw.md"),
                format!("---\ntitle: Raw\ndate: 2024-01-01\n---\n{body}"),
            )
            .unwrap();
            if safe {
                let site = root.join("content/site.yaml");
                let text = std::fs::read_to_string(&site).unwrap();
                std::fs::write(site, format!("{text}safe_html: true\n")).unwrap();
            }
        })
    };
    let trusted = make(false);
    assert!(build(trusted.path(), false).read("districts/ky-anh/raw/index.html").contains("<script>alert(5)</script>"));
    let safe = make(true);
    let html = build(safe.path(), false).read("districts/ky-anh/raw/index.html");
    assert!(!html.contains("<script>alert(5)") && !html.contains("<b onclick"), "{html}");
}

/// Issue 20, item 7: a 35,000-character word in a district's name, an
/// article's title and an indicator's name is set on the share cards and
/// charts without a panic (the card clips it).
#[test]
fn a_35000_character_word_in_names_and_titles_builds() {
    let word = "Ư".repeat(35_000);
    let dir = site_with(|root| {
        let edit = |rel: &str, from: &str, to: &str| {
            let p = root.join(rel);
            let text = std::fs::read_to_string(&p).unwrap();
            assert!(text.contains(from), "{rel}: {from}");
            std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
        };
        edit("content/districts/ky-anh/district.yaml", "name: Kỳ Anh", &format!("name: Kỳ Anh {word}"));
        edit("content/indicators.yaml", "name: Thôn đạt chuẩn", &format!("name: Thôn {word}"));
        let article = format!("---\ntitle: Tin {word}\ndate: 2024-02-01\n---\nNội dung.\n");
        std::fs::write(root.join("content/districts/vu-quang/tin-dai.md"), article).unwrap();
    });
    let built = build(dir.path(), false);
    assert!(built.files().iter().any(|f| f.ends_with(".png")), "share cards were made");
}

/// Issue 20, item 14: a note a spreadsheet would run as a formula is
/// published in the CSV with a leading `'` (OWASP), and a note so guarded
/// (a published CSV put back as data) is read without it.
#[test]
fn formulas_in_notes_are_neutralised_in_the_published_csv() {
    let dir = site_with(|root| {
        let csv = "indicator,commune,period,value,note\nwaste,,2024-Q2,95,\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"x\"\")\"\nwaste,,2024-Q3,96,'@SUM(A1)\n";
        std::fs::write(root.join("content/districts/ky-anh/data/formulas.csv"), csv).unwrap();
    });
    let built = build(dir.path(), false);
    let published = built.read("indicators/waste.csv");
    assert!(published.contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"x\"\")\","), "{published}");
    assert!(published.contains(",'@SUM(A1),"), "{published}");
    let page = built.read("districts/ky-anh/index.html");
    assert!(page.contains(">@SUM(A1)<") && !page.contains("'@SUM"), "the note as written");
}

/// Issue 20, item 15: a target of 0 gives no share of plan, never `inf%`
/// or `NaN` on a page, a chart or a card.
#[test]
fn a_target_of_zero_shows_no_infinite_share() {
    let dir = site_with(|root| {
        let p = root.join("content/districts/vu-quang/district.yaml");
        let text = std::fs::read_to_string(&p).unwrap();
        let text = if text.contains("\ndata:") { text } else { format!("{text}data:\n") };
        let text = text.replacen(
            "\ndata:\n",
            "\ndata:\n  gross-output:\n    - { period: 2023, value: 120.5, target: 0 }\n",
            1,
        );
        std::fs::write(&p, text).unwrap();
    });
    let built = build(dir.path(), false);
    let page = built.read("districts/vu-quang/index.html");
    assert!(page.contains("120,5"), "the figure is shown");
    for f in built.files().into_iter().filter(|f| f.ends_with(".html") || f.ends_with(".svg")) {
        let text = built.read(&f);
        assert!(!text.contains("inf%") && !text.contains("NaN") && !text.contains("∞"), "{f}");
    }
}

/// Issue 20, item 14: a file name with a control character is refused (it
/// would reach a page's links), and the message shows it as `<U+001B>`.
#[cfg(unix)]
#[test]
fn a_file_name_with_a_control_character_is_refused_and_shown_escaped() {
    let dir = site_with(|root| {
        std::fs::write(root.join("content/districts/ky-anh/2024/a\u{1b}[2Jb.pdf"), "x").unwrap();
    });
    let report = build_errors(dir.path());
    assert!(report.contains("a<U+001B>[2Jb.pdf: error: the name of this file holds a control character"), "{report}");
    assert!(!report.contains('\u{1b}'));
}
