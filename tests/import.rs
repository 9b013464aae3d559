//! `bantin import` against the five real portal articles in
//! `../shared/seeds/`: articles written where `new` writes them, never
//! over a file, building at once, and the figures printed as YAML.

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn seeds() -> Vec<PathBuf> {
    let dir = repo_root().join("../shared/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "{v:?}");
    v
}

fn bantin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bantin")).args(args).output().unwrap()
}

#[test]
fn the_five_seeds_import_and_build() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(bantin(&["init", site.to_str().unwrap()]).status.success());
    let mut args =
        vec!["import".to_string(), "--district".into(), "ky-anh".into(), "--root".into(), site.display().to_string()];
    args.extend(seeds().iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = bantin(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    for figure in ["110/154", "8850.26", "107.79", "12/20", "7/27"] {
        assert!(stdout.contains(figure), "the figures snippet lacks {figure}:\n{stdout}");
    }
    let written: Vec<String> =
        files_under(&site.join("content/districts/ky-anh")).into_iter().filter(|f| f.ends_with(".md")).collect();
    for expected in [
        "2022-11-28-sang-ngay-28-11-huyen-vu-quang-to-chuc-hoi-nghi",
        "2023-06-29-cam-thuy-cai-cach-hanh-chinh-nam-2022-xep-loai-xuat-sac.md",
        "2024-01-06-bi-thu-tinh-uy-lam-viec-thuc-chat-lay-ket-qua-lam-thuoc-do.md",
        "2020-02-07-thuong-truc-huyen-uy-lam-viec-voi-ban-chap-hanh-dang-bo-xa-ky-thuong",
        "hoi-nghi-tong-ket-cong-tac-xay-dung-nong-thon-moi",
    ] {
        assert!(written.iter().any(|w| w.starts_with(expected)), "no {expected}* in {written:#?}");
    }
    let boilerplate = ["CHƯƠNG TRÌNH PHÁT THANH", "Thêm nhận xét mới"];
    for f in &written {
        let text = std::fs::read_to_string(site.join("content/districts/ky-anh").join(f)).unwrap();
        for b in boilerplate {
            assert!(!text.contains(b), "{f} keeps {b:?}");
        }
    }
    // The imported articles build; the undated one is a draft until its
    // author gives it a date.
    let b = build(&site, false);
    assert!(!b.files().iter().any(|f| f.contains("hoi-nghi-tong-ket")));
    assert!(b.exists("districts/ky-anh/cam-thuy-cai-cach-hanh-chinh-nam-2022-xep-loai-xuat-sac/index.html"));
    // A second import never overwrites.
    let again = bantin(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("bantin không bao giờ ghi đè"), "in the site's language");
}

#[test]
fn dry_run_writes_nothing_and_unknown_districts_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(bantin(&["init", site.to_str().unwrap()]).status.success());
    let before = files_under(&site);
    let seed = seeds()[2].display().to_string();
    let o = bantin(&["import", &seed, "--district", "ky-anh", "--dry-run", "--root", site.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout)
        .contains("title: \"Cẩm Thủy: Cải cách hành chính năm 2022 xếp loại xuất sắc\""));
    assert_eq!(files_under(&site), before);
    let o = bantin(&["import", &seed, "--district", "cam-thuy", "--root", site.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("known districts: ky-anh"));
}
