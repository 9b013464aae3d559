//! `bantin new`, `bantin init` and `bantin check --strict`, end to end.

mod common;
use common::*;
use std::process::Command;

fn bantin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bantin")).args(args).output().unwrap()
}

#[test]
fn init_writes_a_site_that_builds_and_new_adds_an_article_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let o = bantin(&["init", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!bantin(&["init", site.to_str().unwrap()]).status.success(), "init never overwrites");
    let o = bantin(&["new", "ky-anh", "Xã Kỳ Châu đạt chuẩn: \"kiểu mẫu\"", "--root", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(path.ends_with("-xa-ky-chau-dat-chuan-kieu-mau.md"), "{path}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title: \"Xã Kỳ Châu đạt chuẩn: \\\"kiểu mẫu\\\"\""), "{text}");
    let again = bantin(&["new", "ky-anh", "Xã Kỳ Châu đạt chuẩn: \"kiểu mẫu\"", "--root", site.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(!again.status.success() && err.contains("lỗi: ") && err.contains("bantin không bao giờ ghi đè"), "{err}");
    // The new article is a draft: it builds, with --drafts it is published.
    let b = build(&site, true);
    let slug = std::path::Path::new(&path).file_stem().unwrap().to_string_lossy()[11..].to_string();
    assert!(b.exists(&format!("districts/ky-anh/{slug}/index.html")));
    assert!(build(&site, false).exists("districts/ky-anh/bai-viet-dau-tien/index.html"));
}

#[test]
fn new_names_the_known_districts_when_the_district_is_unknown() {
    let root = fixture("data_kinds");
    let o = bantin(&["new", "ha-noi", "Tiêu đề", "--root", root.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("error: there is no district `ha-noi`") && err.contains("ky-anh, vu-quang"), "{err}");
    // Without --lang, the site's language (vi).
    let o = bantin(&["new", "ha-noi", "Tiêu đề", "--root", root.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("lỗi: không có huyện `ha-noi`") && err.contains("ky-anh, vu-quang"), "{err}");
}

#[test]
fn check_strict_fails_on_warnings_and_names_each_problem() {
    let root = fixture("check_warnings");
    let plain = bantin(&["check", "--root", root.to_str().unwrap()]);
    assert!(plain.status.success(), "warnings alone pass: {}", String::from_utf8_lossy(&plain.stderr));
    let strict = bantin(&["check", "--strict", "--root", root.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1));
    let text = bantin::check(&root, false).render(bantin::text::lang::Lang::En);
    insta::assert_snapshot!("check_warnings", text);
}

#[test]
fn build_shows_the_warnings_check_shows_a_few_of_them_unless_verbose() {
    let root = fixture("check_warnings");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let args = ["build", "--lang", "en", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()];
    let o = bantin(&args);
    assert!(o.status.success(), "warnings do not stop a build");
    let err = String::from_utf8_lossy(&o.stderr);
    let checked = bantin::check(&root, false);
    let total = checked.warning_count();
    assert!(total > 5, "the fixture has more warnings than a build shows: {total}");
    assert_eq!(err.matches(": warning: ").count(), 5, "{err}");
    assert!(err.contains(&format!("… and {} more warning(s)", total - 5)), "{err}");
    assert!(err.contains(&format!(", {total} warning(s)")), "the summary line counts them: {err}");
    // The missing image is never silent: it is among them with --verbose.
    let verbose = bantin(&[&args[..], &["--verbose"]].concat());
    let err = String::from_utf8_lossy(&verbose.stderr);
    assert_eq!(err.matches(": warning: ").count(), total, "{err}");
    assert!(err.contains("the link `mat-anh.svg` leads to no page or file of the site"), "{err}");
}

/// `init --level xã` starts a commune's site and `--level tỉnh` a
/// province's with its communes (FORMAT v2); each builds, `new` and
/// `import --unit` write into the unit's folder, and an unknown level is
/// refused.
#[test]
fn init_starts_a_commune_or_a_province_and_new_and_import_find_units() {
    let dir = tempfile::tempdir().unwrap();
    let commune = dir.path().join("xa");
    let o = bantin(&["init", commune.to_str().unwrap(), "--level", "xã"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let b = build(&commune, false);
    let page = b.read("units/ky-xuan/index.html");
    assert!(page.contains("<h1>Xã Kỳ Xuân</h1>") && page.contains("Mã đơn vị: 18766"), "{page}");
    assert!(page.contains("Hình thành từ: Xã Kỳ Phong, Xã Kỳ Bắc, Xã Kỳ Xuân."));
    let o = bantin(&["new", "ky-xuan", "Họp dân", "--root", commune.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("content/units/ky-xuan/"), "new writes into the unit");
    let seed = seeds_dir().join(std::fs::read_dir(seeds_dir()).unwrap().next().unwrap().unwrap().file_name());
    let o = bantin(&["import", seed.to_str().unwrap(), "--unit", "ky-xuan", "--root", commune.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("content/units/ky-xuan/"),
        "import --unit writes into the unit"
    );

    let province = dir.path().join("tinh");
    assert!(bantin(&["init", province.to_str().unwrap(), "--level", "tỉnh"]).status.success());
    let b = build(&province, false);
    let page = b.read("units/ha-tinh/index.html");
    assert!(page.contains("<h2 id=\"children\">Đơn vị trực thuộc</h2>"), "{page}");
    assert!(page.contains(">Kỳ Xuân</a> <small>xã</small>") && page.contains(">Kỳ Anh</a> <small>xã</small>"));
    assert!(b.read("units/index.html").contains(">Tỉnh</h2>"));

    let bad = bantin(&["init", dir.path().join("x").to_str().unwrap(), "--level", "thôn", "--lang", "en"]);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success() && err.contains("no start for the level `thôn`"), "{err}");
    assert!(!dir.path().join("x/content").exists());
}
