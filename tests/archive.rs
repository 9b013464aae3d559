//! `bantin archive`, `bantin verify` and `bantin keygen`: same bytes twice,
//! works unpacked from disk, any changed, added or removed file is named;
//! every attack of issue 20, items 10 to 12, is refused with its reason
//! (pinned in vi and en), and a signature tells the office's archive from a
//! forgery.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
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

/// `files` zipped with the zip crate, in bantin's layout (`bantin_like`) or
/// as any other tool would (the time of day, its own defaults).
fn rezip(files: &BTreeMap<String, Vec<u8>>, out: &Path, bantin_like: bool) {
    let mut options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    if bantin_like {
        options = options.last_modified_time(zip::DateTime::default()).unix_permissions(0o644);
    } else {
        options = options.last_modified_time(zip::DateTime::from_date_and_time(2024, 5, 17, 9, 30, 0).unwrap());
    }
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        zip.start_file(name.as_str(), options).unwrap();
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
    rezip(&files, &bad, true);
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

// ---- Issue 20, items 10 and 11: archives bantin did not write are refused.

/// A small good archive: two pages and their manifest, as bantin writes it.
fn good() -> Vec<u8> {
    let files: BTreeMap<String, Vec<u8>> = [
        ("index.html".to_string(), "<p>Xin chào</p>".repeat(40).into_bytes()),
        ("style.css".to_string(), b"body { margin: 0 }".to_vec()),
    ]
    .into();
    bantin::archive::zip_bytes("bantin", &files).unwrap()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn le16(v: usize) -> [u8; 2] {
    (v as u16).to_le_bytes()
}

fn le32(v: usize) -> [u8; 4] {
    (v as u32).to_le_bytes()
}

/// bantin's headers, written here by hand, so that any of them can lie:
/// a local header for `name` whose data is `data` deflated to `compressed`
/// bytes, or the zip directory's, pointing at `offset`.
fn header(local: bool, name: &str, data: &[u8], compressed: usize, offset: usize) -> Vec<u8> {
    let mut h = Vec::new();
    h.extend(if local { [0x50, 0x4b, 3, 4] } else { [0x50, 0x4b, 1, 2] });
    if !local {
        h.extend(le16(0x0314));
    }
    for v in [20, 0, 8, 0, 0x21] {
        h.extend(le16(v));
    }
    h.extend(crc32fast::hash(data).to_le_bytes());
    h.extend(le32(compressed));
    h.extend(le32(data.len()));
    h.extend(le16(name.len()));
    h.extend(le16(0));
    if !local {
        h.extend([0; 6]);
        h.extend(le32(0o100644 << 16));
        h.extend(le32(offset));
    }
    h.extend(name.as_bytes());
    h
}

fn end_record(count: usize, size: usize, offset: usize) -> Vec<u8> {
    let mut e = vec![0x50, 0x4b, 5, 6, 0, 0, 0, 0];
    e.extend(le16(count));
    e.extend(le16(count));
    e.extend(le32(size));
    e.extend(le32(offset));
    e.extend(le16(0));
    e
}

/// A zip of `entries` in bantin's layout, whatever their names (two alike,
/// `../`, absolute): exactly what bantin would write for them.
fn craft(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for (name, data) in entries {
        let compressed = deflate(data);
        directory.extend(header(false, name, data, compressed.len(), out.len()));
        out.extend(header(true, name, data, compressed.len(), 0));
        out.extend(compressed);
    }
    let (size, offset) = (directory.len(), out.len());
    out.extend(directory);
    out.extend(end_record(entries.len(), size, offset));
    out
}

fn manifest(files: &[(&str, &[u8])]) -> String {
    files.iter().map(|(p, d)| format!("{}  {p}\n", sha256_hex(d))).collect()
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

/// `bytes` with `value` written at `at`.
fn patched(mut bytes: Vec<u8>, at: usize, value: &[u8]) -> Vec<u8> {
    bytes[at..at + value.len()].copy_from_slice(value);
    bytes
}

/// Where the zip directory starts, from the end record.
fn directory_start(zip: &[u8]) -> usize {
    let end = zip.len() - 22;
    u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize
}

/// 2,000 entries of the zip directory sharing one 100 MB stream: the zip
/// bomb that took 23 GB (issue 20, item 11).
fn shared_stream() -> Vec<u8> {
    let zeros = vec![0u8; 100 << 20];
    let compressed = deflate(&zeros);
    let mut out = header(true, "bantin/0", &zeros, compressed.len(), 0);
    out.extend(compressed);
    let offset = out.len();
    let mut directory = Vec::new();
    for i in 0..2000 {
        directory.extend(header(false, &format!("bantin/{i}"), &zeros, out.len() - 30 - 8, 0));
    }
    let size = directory.len();
    out.extend(directory);
    out.extend(end_record(2000, size, offset));
    out
}

/// Every archive an attacker or an accident could hand `verify`, and why
/// each is refused.
fn attacks() -> Vec<(&'static str, Vec<u8>)> {
    let good = good();
    let page = b"<p>real</p>".as_slice();
    let with_manifest = |entries: &[(&str, &[u8])], listed: &[(&str, &[u8])]| {
        let m = manifest(listed);
        let mut all: Vec<(&str, &[u8])> = entries.to_vec();
        all.push(("bantin/MANIFEST.sha256", m.as_bytes()));
        all.sort_by(|a, b| a.0.cmp(b.0));
        craft(&all)
    };
    let start = directory_start(&good);
    let end = good.len() - 22;
    let mut appended = good.clone();
    appended.extend(b"hidden");
    let mut prepended = b"MZ-a-program ".to_vec();
    prepended.extend(&good);
    let mut commented = patched(good.clone(), end + 20, &le16(4));
    commented.extend(b"note");
    let mut gap = good[..start].to_vec();
    gap.extend(b"between");
    gap.extend(&good[start..]);
    let mut huge = header(true, "bantin/a", page, 0xFFFF_FF00, 0);
    huge.extend(b"tiny");
    vec![
        ("duplicate_names", {
            let fake = b"<p>fake</p>".as_slice();
            craft(&[
                ("bantin/MANIFEST.sha256", manifest(&[("a.html", page)]).as_bytes()),
                ("bantin/a.html", fake),
                ("bantin/a.html", page),
            ])
        }),
        ("dot_dot_name", with_manifest(&[("bantin/../evil.sh", page)], &[("../evil.sh", page)])),
        ("absolute_name", craft(&[("/etc/cron.d/evil", page)])),
        ("backslash_name", with_manifest(&[("bantin/..\\evil.sh", page)], &[])),
        ("outside_top_folder", with_manifest(&[("other/a.html", page)], &[])),
        ("unlisted_file", with_manifest(&[("bantin/a.html", page), ("bantin/b.html", page)], &[("a.html", page)])),
        ("manifest_uppercase_hex", {
            let m = manifest(&[("a.html", page)]).to_uppercase().replace("A.HTML", "a.html");
            craft(&[("bantin/MANIFEST.sha256", m.as_bytes()), ("bantin/a.html", page)])
        }),
        ("shared_stream", shared_stream()),
        ("overlapping_offsets", patched(good.clone(), start + 46 + "bantin/MANIFEST.sha256".len() + 42, &le32(0))),
        ("bytes_appended", appended),
        ("bytes_prepended", prepended),
        ("bytes_between", gap),
        ("archive_comment", commented),
        ("timestamp_changed", patched(good.clone(), 10, &[0x00, 0x60])),
        ("permissions_changed", patched(good.clone(), start + 38, &le32(0o100755 << 16))),
        ("encrypted", patched(good.clone(), 6, &le16(1))),
        ("stored_not_deflated", patched(good.clone(), 8, &le16(0))),
        ("declared_size_past_the_end", huge),
        ("declared_size_huge", patched(good.clone(), 22, &le32(0xFFFF_FF00))),
        ("data_changed", patched(good.clone(), 30 + "bantin/MANIFEST.sha256".len() + 2, &[0xFF])),
        ("cut_short", good[..good.len() / 2].to_vec()),
        ("not_a_zip", b"hello, this is text".to_vec()),
    ]
}

/// What `verify` says of `name` in `dir`, in `lang`.
fn verify_says(dir: &Path, name: &str, lang: &str, more: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["verify", "--lang", lang, name];
    args.extend(more);
    let o = Command::new(env!("CARGO_BIN_EXE_bantin")).args(&args).current_dir(dir).output().unwrap();
    (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn every_attack_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.zip"), good()).unwrap();
    assert_eq!(verify_says(dir.path(), "good.zip", "en", &[]).0, Some(0));
    let ten_gb = std::fs::File::create(dir.path().join("ten_gb.zip")).unwrap();
    ten_gb.set_len(10 << 30).unwrap();
    let mut cases: Vec<String> = attacks()
        .into_iter()
        .map(|(name, bytes)| {
            std::fs::write(dir.path().join(format!("{name}.zip")), bytes).unwrap();
            format!("{name}.zip")
        })
        .collect();
    cases.extend(["ten_gb.zip".to_string(), "/dev/zero".to_string(), ".".to_string()]);
    for lang in ["en", "vi"] {
        let mut said = String::new();
        for case in &cases {
            let start = std::time::Instant::now();
            let (code, text) = verify_says(dir.path(), case, lang, &[]);
            assert_eq!(code, Some(1), "{case} passed: {text}");
            assert!(start.elapsed().as_secs() < 20, "{case} took {:?}", start.elapsed());
            said.push_str(&text);
        }
        insta::assert_snapshot!(format!("verify_refuses_{lang}"), said);
    }
}

#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.zip");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, text) = verify_says(dir.path(), "pipe.zip", "en", &[]);
    assert_eq!(code, Some(1));
    assert!(text.contains("pipe.zip: is not a file"), "{text}");
}

#[test]
fn a_file_changed_with_its_manifest_line_is_caught_by_the_layout_or_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("good.zip");
    std::fs::write(&original, good()).unwrap();
    let mut files = entries(&original);
    let forged = b"<p>forged</p>".to_vec();
    let m = String::from_utf8(files["bantin/MANIFEST.sha256"].clone()).unwrap();
    let old = sha256_hex(&files["bantin/index.html"]);
    files.insert("bantin/MANIFEST.sha256".into(), m.replace(&old, &sha256_hex(&forged)).into_bytes());
    files.insert("bantin/index.html".into(), forged);
    // Zipped again by another tool: the byte-exact rule names its timestamps.
    rezip(&files, &dir.path().join("other_tool.zip"), false);
    let (code, text) = verify_says(dir.path(), "other_tool.zip", "en", &[]);
    assert_eq!(code, Some(1));
    assert!(text.contains("is dated 2024-05-17 09:30:00; bantin dates every entry 1980-01-01 00:00"), "{text}");
    // Zipped again exactly as bantin would: only a signature tells.
    rezip(&files, &dir.path().join("perfect.zip"), true);
    let (code, text) = verify_says(dir.path(), "perfect.zip", "en", &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("signature not checked"), "{text}");
}

#[test]
fn limits_hold_whatever_an_archive_declares() {
    use bantin::archive::{verify_reader, Limits, LIMITS};
    use bantin::diag::messages::Unverifiable;
    let good = good();
    let small = |l: Limits| verify_reader(Cursor::new(&good), &l);
    assert!(small(LIMITS).unwrap().ok());
    assert_eq!(small(Limits { entries: 2, ..LIMITS }), Err(Unverifiable::TooManyEntries { limit: 2 }));
    assert_eq!(small(Limits { total: 100, ..LIMITS }), Err(Unverifiable::TotalTooBig { limit: 100 }));
    assert_eq!(
        small(Limits { archive: 100, ..LIMITS }),
        Err(Unverifiable::TooBig { size: good.len() as u64, limit: 100 })
    );
    assert!(matches!(small(Limits { entry: 100, ..LIMITS }), Err(Unverifiable::Entry { .. })));
    assert_eq!(LIMITS.entries, 200_000);
    assert_eq!(LIMITS.entry, 1 << 30);
}

#[test]
fn kept_fuzz_inputs_of_the_archive_reader_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/archive");
    let mut count = 0;
    for f in std::fs::read_dir(root).unwrap() {
        bantin::archive::fuzz(&std::fs::read(f.unwrap().path()).unwrap());
        count += 1;
    }
    assert!(count >= 3, "only {count} inputs");
}

#[test]
fn more_than_65535_entries_close_with_the_zip64_end_record() {
    let files: BTreeMap<String, Vec<u8>> = (0..70_000).map(|i| (format!("{i:05}.txt"), Vec::new())).collect();
    let zip = bantin::archive::zip_bytes("bantin", &files).unwrap();
    let v = bantin::archive::verify_reader(Cursor::new(&zip), &bantin::archive::LIMITS).unwrap();
    assert!(v.ok() && v.checked == 70_000, "{v:?}");
    assert_eq!(zip::ZipArchive::new(Cursor::new(&zip)).unwrap().len(), 70_001, "other tools read it too");
}

// ---- Issue 20, item 12: signatures.

fn key_id(public: &Path) -> String {
    let text = std::fs::read_to_string(public).unwrap();
    text.lines().next().unwrap().rsplit(' ').next().unwrap().to_string()
}

/// `bantin archive` of the minimal site into `out`, signed with `key`.
fn archive_signed(out: &Path, key: &Path) {
    let root = fixture("minimal");
    let (root, out, key) = (root.to_str().unwrap(), out.to_str().unwrap(), key.to_str().unwrap());
    let o = bantin(&["archive", "--root", root, "--out", out, "--sign", key]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Two key pairs, the office's and another's, without passwords, and
/// `bantin.zip` signed by the office, in `dir`.
fn office_and_other(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let (office, other) = (dir.join("office"), dir.join("other"));
    for keys in [&office, &other] {
        let o = bantin(&["keygen", "--no-password", "--out", keys.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let line = String::from_utf8(o.stdout).unwrap();
        assert!(line.starts_with("RW") && line.trim().len() == 56, "{line}");
    }
    let zip = dir.join("bantin.zip");
    archive_signed(&zip, &office.join("bantin.key"));
    (office, other, zip)
}

#[test]
fn a_signature_checks_with_bantin_and_with_minisign() {
    let dir = tempfile::tempdir().unwrap();
    let (office, _, zip) = office_and_other(dir.path());
    let o = bantin(&["keygen", "--lang", "en", "--no-password", "--out", office.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a key is never replaced");
    assert!(String::from_utf8_lossy(&o.stderr).contains("bantin.key already exists"));
    let signature = std::fs::read_to_string(dir.path().join("bantin.zip.minisig")).unwrap();
    let sha = sha256_hex(&std::fs::read(&zip).unwrap());
    assert!(signature.contains(&format!("trusted comment: file:bantin.zip\tsha256:{sha}")), "{signature}");
    // Checked by another implementation of minisign's format.
    let public = minisign_verify::PublicKey::from_file(office.join("bantin.pub")).unwrap();
    let sig = minisign_verify::Signature::decode(&signature).unwrap();
    public.verify(&std::fs::read(&zip).unwrap(), &sig, false).unwrap();
    // And with the minisign tool, where it is installed.
    if Command::new("minisign").arg("-v").output().is_ok() {
        let mut minisign = Command::new("minisign");
        minisign.args(["-Vm", zip.to_str().unwrap(), "-p"]).arg(office.join("bantin.pub"));
        let o = minisign.output().unwrap();
        assert!(o.status.success(), "minisign: {}", String::from_utf8_lossy(&o.stderr));
    } else {
        assert!(
            std::env::var_os("BANTIN_REQUIRE_TOOLS").is_none(),
            "the minisign tool is required (apt-get install minisign)"
        );
        eprintln!("SKIPPED: the minisign tool is not installed (apt-get install minisign)");
    }
    // The key's `RW…` line works as well as its file.
    let line = std::fs::read_to_string(office.join("bantin.pub")).unwrap().lines().nth(1).unwrap().to_string();
    assert_eq!(verify_says(dir.path(), "bantin.zip", "en", &["--key", &line]).0, Some(0));
}

#[test]
fn a_signed_archive_tells_the_office_from_a_forgery() {
    let dir = tempfile::tempdir().unwrap();
    let (office, other, zip) = office_and_other(dir.path());
    let sha = sha256_hex(&std::fs::read(&zip).unwrap());
    let (office_id, other_id) = (key_id(&office.join("bantin.pub")), key_id(&other.join("bantin.pub")));
    let check = |zip: &str, lang: &str| {
        let key = office.join("bantin.pub");
        let (code, text) = verify_says(dir.path(), zip, lang, &["--key", key.to_str().unwrap()]);
        (code, text.replace(&office_id, "<OFFICE>").replace(&other_id, "<OTHER>").replace(&sha, "<SHA>"))
    };
    // Signed by someone else, over the office's name: not the office's.
    archive_signed(&dir.path().join("forged.zip"), &other.join("bantin.key"));
    let mut said = String::new();
    for lang in ["en", "vi"] {
        let (code, good) = check("bantin.zip", lang);
        assert_eq!(code, Some(0), "{good}");
        let (code, forged) = check("forged.zip", lang);
        assert_eq!(code, Some(1), "{forged}");
        said.push_str(&(good + &forged));
    }
    // Tampered after signing, even in bantin's exact layout: the signature fails.
    let mut files = entries(&zip);
    files.insert("bantin/extra.html".into(), b"x".to_vec());
    let m = String::from_utf8(files["bantin/MANIFEST.sha256"].clone()).unwrap();
    let mut lines: Vec<String> = m.lines().map(String::from).collect();
    lines.push(format!("{}  extra.html", sha256_hex(b"x")));
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    files.insert("bantin/MANIFEST.sha256".into(), (lines.join("\n") + "\n").into_bytes());
    rezip(&files, &zip, true);
    assert_eq!(verify_says(dir.path(), "bantin.zip", "en", &[]).0, Some(0), "whole, but not the office's");
    for lang in ["en", "vi"] {
        let (code, tampered) = check("bantin.zip", lang);
        assert_eq!(code, Some(1), "{tampered}");
        said.push_str(&tampered);
    }
    // A signature file cut short is refused, not a crash.
    let sig = dir.path().join("bantin.zip.minisig");
    let text = std::fs::read_to_string(&sig).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&sig, format!("{}\n{}\n{}\nAAAA\n", lines[0], lines[1], lines[2])).unwrap();
    let (code, short) = check("bantin.zip", "en");
    assert_eq!(code, Some(1), "{short}");
    assert!(short.contains("not a signature of 64 bytes"), "{short}");
    std::fs::remove_file(&sig).unwrap();
    for lang in ["en", "vi"] {
        let (code, missing) = check("bantin.zip", lang);
        assert_eq!(code, Some(1), "{missing}");
        said.push_str(&missing);
    }
    insta::assert_snapshot!("signatures", said);
}

/// `bantin ARGS` in `dir`, with `BANTIN_KEY_PASSWORD` set to `password`
/// (or not set); its exit code and what it said.
fn run_in(dir: &Path, args: &[&str], password: Option<&str>) -> (Option<i32>, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bantin"));
    c.args(args).current_dir(dir).env_remove("BANTIN_KEY_PASSWORD");
    if let Some(p) = password {
        c.env("BANTIN_KEY_PASSWORD", p);
    }
    let o = c.output().unwrap();
    (o.status.code(), String::from_utf8(o.stdout).unwrap(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn a_password_protects_the_key_and_a_site_publishes_its_public_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut said = String::new();
    for lang in ["en", "vi"] {
        let (code, _, text) = run_in(dir.path(), &["keygen", "--lang", lang, "--out", "keys"], None);
        assert_eq!(code, Some(1));
        said.push_str(&text);
    }
    let (code, line, text) = run_in(dir.path(), &["keygen", "--out", "keys"], Some("correct horse"));
    assert_eq!(code, Some(0), "{text}");
    let key = dir.path().join("keys/bantin.key");
    assert!(std::fs::read_to_string(&key).unwrap().contains("bantin secret key"));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    copy_dir(&fixture("minimal"), &dir.path().join("site"));
    let site_yaml = dir.path().join("site/content/site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{text}archive_public_key: {}\n", line.trim())).unwrap();
    let archive = |lang, password| {
        let args = ["archive", "--lang", lang, "--root", "site", "--out", "a.zip", "--sign", "keys/bantin.key"];
        run_in(dir.path(), &args, password)
    };
    for lang in ["en", "vi"] {
        let (code, _, text) = archive(lang, Some("wrong"));
        assert_eq!(code, Some(1));
        said.push_str(&text);
    }
    assert!(!dir.path().join("a.zip").exists(), "nothing written when the key does not open");
    let (code, _, text) = archive("en", Some("correct horse"));
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("unknown field"), "{text}");
    let (code, _, text) = run_in(dir.path(), &["verify", "--lang", "en", "a.zip", "--site", "site"], None);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("a.zip: signed with key"), "{text}");
    insta::assert_snapshot!("keys", said);
}
