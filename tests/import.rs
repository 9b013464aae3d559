//! `bantin import` against the five real portal articles in
//! `../shared/seeds/`: articles written where `new` writes them, never
//! over a file, building at once, and the figures printed as YAML.

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn seeds() -> Vec<PathBuf> {
    let dir = seeds_dir();
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
    for figure in ["110/154", "8850.26", "12/20", "7/27"] {
        assert!(stdout.contains(figure), "the figures snippet lacks {figure}:\n{stdout}");
    }
    // Better proposals: the period from the text, the plan as a target, a
    // share of the plan as a computed target (never a percent value), and
    // the site's indicator (`init` has ntm-communes, unit xã) suggested.
    for proposal in [
        "#   - { period: 2022, value: 7/27 }   # \"đứng thứ 7/27 huyện\"",
        "#   - { period: 2023, value: 8850.26, target: 8210.65 }   # \"8.850,26 tỷ đồng\"",
        "target computed from \"đạt 107,79% kế hoạch\": 8850.26 / 107.79%, check it against the plan",
        "#   - { period: 2024, target: 10230.09 }",
        "#   - { period: 2020, target: 20, total: 20 }",
        "#   note: \"đạt 114% kế hoạch\"",
        "#   - { period: 2024-01, value: 20/20 }   # \"20/20 xã\" – …nay, huyện Kỳ Anh đã có (count)\n\
         #       indicator: ntm-communes? (4 of the 4 words of its name) · period: \"Đến nay\": the article's date\n",
    ] {
        assert!(stdout.contains(proposal), "the figures snippet lacks {proposal}:\n{stdout}");
    }
    assert!(!stdout.contains("107.79 }"), "a share of the plan proposed as a value:\n{stdout}");
    assert!(stdout.lines().all(|l| l.is_empty() || l.starts_with('#')), "{stdout}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stderr.matches("(draft: true: hãy kiểm tra bài viết và các số liệu").count(), 5, "{stderr}");
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
    // The imported articles are drafts until reviewed: a build leaves them
    // out, a build with drafts has them.
    let article = "districts/ky-anh/cam-thuy-cai-cach-hanh-chinh-nam-2022-xep-loai-xuat-sac/index.html";
    let b = build(&site, false);
    assert!(!b.exists(article));
    // The review step of the README: delete the `draft: true` line.
    let md =
        site.join("content/districts/ky-anh/2023-06-29-cam-thuy-cai-cach-hanh-chinh-nam-2022-xep-loai-xuat-sac.md");
    let text = std::fs::read_to_string(&md).unwrap();
    let reviewed: String = text.lines().filter(|l| !l.starts_with("draft: true")).map(|l| format!("{l}\n")).collect();
    assert_eq!(
        reviewed.len() + "draft: true   # delete this line once the article and its figures are checked\n".len(),
        text.len()
    );
    std::fs::write(&md, reviewed).unwrap();
    let b = build(&site, false);
    assert!(b.exists(article));
    assert!(!b.files().iter().any(|f| f.contains("hoi-nghi-tong-ket")), "the undated draft stays out");
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
    // Without an indicator catalogue, nothing is suggested, and the snippet says why.
    std::fs::remove_file(site.join("content/indicators.yaml")).unwrap();
    let o = bantin(&["import", &seed, "--district", "ky-anh", "--dry-run", "--root", site.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("# (no indicator is suggested: there is no content/indicators.yaml)\n"), "{stdout}");
    assert!(!stdout.contains("#       indicator: "), "{stdout}");
    let o = bantin(&["import", &seed, "--district", "cam-thuy", "--root", site.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("known districts and units: ky-anh"));
}

/// `import --image`: the seed's caption line *Toàn cảnh hội nghị.* becomes
/// the photo, in a folder of the article's own; the site builds and shows
/// it as a figure with that caption.
#[test]
fn import_with_a_photo_puts_it_in_the_place_of_the_caption() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(bantin(&["init", site.to_str().unwrap()]).status.success());
    let photo = dir.path().join("Toàn cảnh.JPG");
    std::fs::write(&photo, bantin::corpus::photos::photo(7, 640, 480, 1)).unwrap();
    let seed = seeds().into_iter().find(|p| p.display().to_string().contains("002_")).unwrap();
    let args = ["import", "--district", "ky-anh", "--root", site.to_str().unwrap(), "--image"];
    let o = bantin(&[&args[..], &[photo.to_str().unwrap(), seed.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let folder = std::fs::read_dir(site.join("content/districts/ky-anh"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().is_dir())
        .expect("the article's own folder")
        .path();
    let md_path = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.contains("![Toàn cảnh hội nghị.](toan-canh.jpg \"Toàn cảnh hội nghị.\")"), "{md}");
    assert!(folder.join("toan-canh.jpg").exists());
    // Checked and published: drop the draft line, then build.
    std::fs::write(&md_path, md.replace("draft: true", "draft: false")).unwrap();
    let b = build(&site, false);
    let page = walkdir::WalkDir::new(b.out.join("districts/ky-anh"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().join("toan-canh.jpg").exists())
        .expect("the photo is published beside its article")
        .path()
        .join("index.html");
    let html = std::fs::read_to_string(page).unwrap();
    assert!(html.contains("<figcaption>Toàn cảnh hội nghị.</figcaption></figure>"), "{html}");
    // More than one text file with --image is refused.
    let two = bantin(&[&args[..], &[photo.to_str().unwrap(), seed.to_str().unwrap(), seed.to_str().unwrap()]].concat());
    assert_eq!(two.status.code(), Some(1));
}
