//! Photos (FORMAT v2, "Photos") on `tests/fixtures/photos`, with images
//! made here: a phone photo stored sideways with EXIF orientation 6 and a
//! GPS position, a PNG with transparency, a photo narrower than 480 px.

mod common;
use common::*;
use std::path::Path;

/// A TIFF block (little-endian) with an orientation and a GPS latitude.
fn exif(orientation: u16) -> Vec<u8> {
    let mut t = b"II*\0\x08\0\0\0".to_vec();
    t.extend([2, 0]); // two entries
    t.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0]);
    t.extend(orientation.to_le_bytes());
    t.extend([0, 0]);
    t.extend([0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]); // GPS IFD at 38
    t.extend([0, 0, 0, 0]);
    t.extend([1, 0]); // GPS IFD: one entry, GPSLatitudeRef "N"
    t.extend([1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    t.extend([0, 0, 0, 0]);
    t
}

/// A `w` × `h` JPEG: its left half red, its right half blue, as stored.
fn jpeg(w: u16, h: u16, orientation: Option<u16>) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(w as usize * h as usize * 3);
    for _ in 0..h {
        for x in 0..w {
            pixels.extend(if x < w / 2 { [220, 30, 30] } else { [30, 30, 220] });
        }
    }
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 90);
    if let Some(o) = orientation {
        e.add_exif_metadata(&exif(o)).unwrap();
    }
    e.encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb).unwrap();
    out
}

/// A `w` × `h` JPEG with a colour profile (a made-up one: what matters is
/// that it travels) and EXIF.
fn jpeg_with_profile(w: u16, h: u16) -> Vec<u8> {
    let pixels = vec![128u8; w as usize * h as usize * 3];
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 90);
    e.add_icc_profile(b"a Display P3 profile, as a phone writes one").unwrap();
    e.add_exif_metadata(&exif(1)).unwrap();
    e.encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb).unwrap();
    out
}

/// A `w` × `h` RGBA PNG, transparent on its left half.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_color(png::ColorType::Rgba);
    let mut writer = e.write_header().unwrap();
    let data: Vec<u8> =
        (0..w * h).flat_map(|i| if i % w < w / 2 { [0, 0, 0, 0] } else { [10, 120, 40, 255] }).collect();
    writer.write_image_data(&data).unwrap();
    writer.finish().unwrap();
    out
}

/// The fixture copied with its images made.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("photos"), dir.path());
    let at = dir.path().join("content/districts/ky-anh");
    std::fs::write(at.join("hoi-nghi.jpg"), jpeg(2400, 1800, Some(6))).unwrap();
    std::fs::write(at.join("ban-do.png"), png(1200, 600)).unwrap();
    std::fs::write(at.join("anh nho.jpg"), jpeg(400, 300, None)).unwrap();
    std::fs::write(at.join("mau.jpg"), jpeg_with_profile(640, 480)).unwrap();
    std::fs::create_dir_all(dir.path().join("content/static")).unwrap();
    std::fs::write(dir.path().join("content/static/bang-ten.jpg"), jpeg(2000, 300, Some(1))).unwrap();
    dir
}

/// The APP segments of a JPEG (their marker's second byte, 0xE0..=0xEF).
fn app_segments(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF && bytes[i + 1] != 0xDA {
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        if (0xE0..=0xEF).contains(&bytes[i + 1]) {
            out.push(bytes[i + 1]);
        }
        i += 2 + len;
    }
    out
}

fn decoded(path: &Path) -> (u16, u16, Vec<u8>) {
    let mut d = jpeg_decoder::Decoder::new(std::io::Cursor::new(std::fs::read(path).unwrap()));
    let pixels = d.decode().unwrap();
    let info = d.info().unwrap();
    (info.width, info.height, pixels)
}

#[test]
fn a_phone_photo_is_published_upright_resized_in_three_widths_without_its_exif() {
    let src = site();
    let b = build(src.path(), false);
    let dir = b.out.join("districts/ky-anh/hoi-nghi");
    // Stored 2400 × 1800 and turned by its flag: 1800 wide as shown.
    let (w, h, pixels) = decoded(&dir.join("hoi-nghi.jpg"));
    assert_eq!((w, h), (1600, 2133), "the widest variant, upright");
    // Turned clockwise, the stored left half (red) is now on top.
    let at = |x: usize, y: usize| &pixels[(y * w as usize + x) * 3..(y * w as usize + x) * 3 + 3];
    assert!(at(800, 100)[0] > 150 && at(800, 100)[2] < 100, "top is red: {:?}", at(800, 100));
    assert!(at(800, 2000)[2] > 150 && at(800, 2000)[0] < 100, "bottom is blue: {:?}", at(800, 2000));
    for (name, width) in [("hoi-nghi-480w.jpg", 480), ("hoi-nghi-960w.jpg", 960), ("hoi-nghi.jpg", 1600)] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(decoded(&dir.join(name)).0, width, "{name}");
        assert!(!app_segments(&bytes).contains(&0xE1), "{name} carries EXIF");
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{name}");
    }
    let page = b.read("districts/ky-anh/hoi-nghi/index.html");
    let srcset = "srcset=\"hoi-nghi-480w.jpg 480w, hoi-nghi-960w.jpg 960w, hoi-nghi.jpg 1600w\"";
    assert!(
        page.contains(&format!("<figure><img src=\"hoi-nghi.jpg\" {srcset} sizes=\"(max-width: 72rem) 100vw, 72rem\" width=\"1600\" height=\"2133\" alt=\"Toàn cảnh hội nghị\" loading=\"lazy\" decoding=\"async\"><figcaption>Toàn cảnh hội nghị</figcaption></figure>")),
        "{page}"
    );
    // The lead image loads at once, with the same variants.
    assert!(page.contains(&format!("<img class=\"lead-image\" src=\"hoi-nghi.jpg\" {srcset}")), "{page}");
}

#[test]
fn a_transparent_png_stays_a_png_and_a_small_photo_is_not_enlarged() {
    let src = site();
    let b = build(src.path(), false);
    let dir = b.out.join("districts/ky-anh/hoi-nghi");
    let d = png::Decoder::new(std::io::Cursor::new(std::fs::read(dir.join("ban-do.png")).unwrap()));
    let reader = d.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1200, 600));
    assert_eq!(reader.info().color_type, png::ColorType::Rgba);
    assert!(dir.join("ban-do-480w.png").exists() && dir.join("ban-do-960w.png").exists());
    assert_eq!(decoded(&dir.join("anh nho.jpg")).0, 400);
    assert!(!dir.join("anh nho-480w.jpg").exists(), "never enlarged");
    let page = b.read("districts/ky-anh/hoi-nghi/index.html");
    assert!(page.contains("<img src=\"anh%20nho.jpg\" srcset=\"anh%20nho.jpg 400w\""), "{page}");
    assert!(
        page.contains("width=\"1200\" height=\"600\" alt=\"bản đồ\" loading=\"lazy\" decoding=\"async\">"),
        "{page}"
    );
}

#[test]
fn a_photo_keeps_its_colour_profile_and_nothing_else() {
    let src = site();
    let b = build(src.path(), false);
    let bytes = std::fs::read(b.out.join("districts/ky-anh/hoi-nghi/mau.jpg")).unwrap();
    assert!(app_segments(&bytes).contains(&0xE2), "the ICC profile (APP2) is kept");
    assert!(bytes.windows(11).any(|w| w == b"ICC_PROFILE"));
    assert!(!app_segments(&bytes).contains(&0xE1), "no EXIF");
    let mut d = jpeg_decoder::Decoder::new(std::io::Cursor::new(&bytes));
    d.read_info().unwrap();
    assert_eq!(d.icc_profile().as_deref(), Some(&b"a Display P3 profile, as a phone writes one"[..]));
}

#[test]
fn a_static_jpeg_keeps_its_size_and_loses_its_exif() {
    let src = site();
    let b = build(src.path(), false);
    let bytes = std::fs::read(b.out.join("bang-ten.jpg")).unwrap();
    assert!(!app_segments(&bytes).contains(&0xE1), "no EXIF");
    assert_eq!(decoded(&b.out.join("bang-ten.jpg")).0, 2000, "not resized");
}

#[test]
fn a_rebuild_makes_nothing_again_gives_the_same_bytes_and_remakes_a_damaged_cache_entry() {
    let src = site();
    let first = build(src.path(), false);
    let published = digest(&first.out);
    let cache = src.path().join(".bantin-cache/photos");
    let made: Vec<_> = walkdir::WalkDir::new(&cache)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "jpg" || x == "png"))
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().modified().unwrap()))
        .collect();
    assert_eq!(made.len(), 3 + 3 + 1 + 2 + 1, "one entry per variant, and the static JPEG");
    // An edit to the article's text makes no photo again.
    let md = src.path().join("content/districts/ky-anh/2024-01-05-hoi-nghi.md");
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, text.replace("Sáng 5/1", "Sáng ngày 5/1")).unwrap();
    let edited = build(src.path(), false);
    assert!(edited.read("districts/ky-anh/hoi-nghi/index.html").contains("Sáng ngày 5/1"));
    std::fs::write(&md, text).unwrap();
    let second = build(src.path(), false);
    for (file, time) in &made {
        assert_eq!(&std::fs::metadata(file).unwrap().modified().unwrap(), time, "{} made again", file.display());
    }
    same(&published, &digest(&second.out));
    // A damaged entry is made again, never published. (Published files are
    // hard links to the entries: the damage shows there too, until the
    // next build.)
    let (damaged, _) = made.iter().find(|(f, _)| f.ends_with("1600.jpg")).unwrap();
    let bytes = std::fs::read(damaged).unwrap();
    std::fs::write(damaged, &bytes[..bytes.len() / 2]).unwrap();
    let third = build(src.path(), false);
    same(&published, &digest(&third.out));
    assert_eq!(std::fs::read(damaged).unwrap(), bytes);
}

fn same(a: &[(String, String)], b: &[(String, String)]) {
    let differ: Vec<&(String, String)> = a.iter().filter(|x| !b.contains(x)).collect();
    assert!(differ.is_empty() && a.len() == b.len(), "differ: {differ:?}");
}

/// Every file of a built site with the SHA-256 of its bytes.
fn digest(out: &Path) -> Vec<(String, String)> {
    use sha2::Digest;
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let hash = sha2::Sha256::digest(std::fs::read(e.path()).unwrap());
            (e.path().strip_prefix(out).unwrap().display().to_string(), format!("{hash:x}"))
        })
        .collect();
    files.sort();
    files
}
