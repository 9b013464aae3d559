//! `bantin archive` and `bantin verify`: same bytes twice, works unpacked
//! from disk, and any changed, added or removed file is named.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::Command;

fn bantin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bantin")).args(args).output().unwrap()
}

fn entries(zip_path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(std::fs::read(zip_path).unwrap())).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let name = e.name().unwrap().into_owned();
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

fn unpack(zip_path: &Path, into: &Path) {
    for (name, data) in entries(zip_path) {
        let p = into.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    }
}

fn rezip(files: &BTreeMap<String, Vec<u8>>, out: &Path) {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    std::fs::write(out, zip.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn the_same_site_gives_the_same_archive_that_works_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    let (a, b) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    for out in [&a, &b] {
        let o = bantin(&["archive", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap(), "archives differ");
    let files = entries(&a);
    assert!(files.contains_key("bantin/MANIFEST.sha256") && files.contains_key("bantin/index.html"));
    let mut zip = zip::ZipArchive::new(Cursor::new(std::fs::read(&a).unwrap())).unwrap();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        assert_eq!(e.unix_mode(), Some(0o100644), "{}", e.name().unwrap());
        assert_eq!(e.last_modified(), Some(zip::DateTime::default()));
    }
    let unpacked = dir.path().join("unpacked");
    unpack(&a, &unpacked);
    let broken = broken_links(&unpacked.join("bantin"));
    assert!(broken.is_empty(), "links broken after unpacking: {broken:#?}");
    let o = bantin(&["verify", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn verify_names_changed_added_and_removed_files() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.zip");
    let root = fixture("data_kinds");
    assert!(bantin(&["archive", "--root", root.to_str().unwrap(), "--out", good.to_str().unwrap()]).status.success());
    let mut files = entries(&good);
    files.insert("bantin/index.html".into(), b"<p>tampered</p>".to_vec());
    files.insert("bantin/extra.html".into(), b"new".to_vec());
    files.remove("bantin/atom.xml");
    let bad = dir.path().join("bad.zip");
    rezip(&files, &bad);
    let o = bantin(&["verify", "--lang", "en", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("changed: bantin/index.html"), "{err}");
    assert!(err.contains("added (not in the manifest): bantin/extra.html"), "{err}");
    assert!(err.contains("removed (listed in the manifest): bantin/atom.xml"), "{err}");
    // Without --lang (and no site to ask), Vietnamese.
    let vi = String::from_utf8_lossy(&bantin(&["verify", bad.to_str().unwrap()]).stderr).into_owned();
    assert!(vi.contains("đã bị sửa: bantin/index.html") && vi.contains("KHÔNG khớp"), "{vi}");
    let v = bantin::archive::verify(&bad).unwrap();
    assert_eq!(v.changed, ["bantin/index.html"]);
}

#[test]
fn a_period_archive_holds_its_bulletins_and_what_they_link_to() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("q.zip");
    let root = fixture("data_kinds");
    let o =
        bantin(&["archive", "--root", root.to_str().unwrap(), "--period", "2023-Q4", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files = entries(&out);
    for f in [
        "bantin-2023-Q4/bulletins/2023-Q4/index.html",
        "bantin-2023-Q4/districts/ky-anh/bulletins/2023-Q4/index.html",
        "bantin-2023-Q4/MANIFEST.sha256",
    ] {
        assert!(files.contains_key(f), "{f}");
    }
    assert!(!files.keys().any(|k| k.contains("bulletins/2022-Q1/")), "other periods' bulletins stay out");
    let unpacked = dir.path().join("u");
    unpack(&out, &unpacked);
    let top = unpacked.join("bantin-2023-Q4");
    // No dead link in any page of the archive: a page that is not in it is
    // linked at its address under base_url, marked as outside the archive.
    let mut outside = 0;
    for page in files.keys().filter_map(|k| k.strip_prefix("bantin-2023-Q4/")).filter(|k| k.ends_with(".html")) {
        let html = std::fs::read_to_string(top.join(page)).unwrap();
        let base = top.join(page).parent().unwrap().to_path_buf();
        for link in links(&html).iter().filter(|l| !l.contains("://")) {
            let target = base.join(link.split('#').next().unwrap());
            assert!(target.is_file() || target.join("index.html").is_file(), "{page} -> {link}");
        }
        for piece in html.split("href=\"https://example.gov.vn/").skip(1) {
            let tag_rest = &piece[..piece.find('>').unwrap()];
            if tag_rest.contains("data-outside-archive") {
                outside += 1;
                let path = &piece[..piece.find('"').unwrap()];
                assert!(!files.contains_key(&format!("bantin-2023-Q4/{path}index.html")), "{path} is in the archive");
            }
        }
    }
    assert!(outside > 0, "the bulletins link pages outside the period (other bulletins, the home page)");
    assert!(bantin(&["verify", out.to_str().unwrap()]).status.success());
    let o =
        bantin(&["archive", "--root", root.to_str().unwrap(), "--period", "1999-Q1", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}
