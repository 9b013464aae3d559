//! Photos for the example site and the photo benchmark: deterministic
//! pictures of a conference hall (a stage, a red backdrop, rows of seats,
//! the grain of a phone's sensor), written as a phone writes them: a JPEG
//! of quality 92 with EXIF that holds the orientation and a GPS position.
//! Illustrative, made here: no one's photo.
//!
//! `photo_site` writes the benchmark of issue 17: `n` articles with two
//! 12-megapixel photos each, as a bantin site and as a Hugo site whose
//! template makes the same three widths with `.Resize`.

use super::Rng;
use std::path::Path;

/// A photo `w` × `h` as stored, shown turned by EXIF `orientation` (1 or
/// 6); `seed` varies the scene and its grain. With 6 the scene is stored
/// turned a quarter to the left, as a phone held upright stores it, so it
/// stands upright only once the flag is applied.
pub fn photo(seed: u64, w: u16, h: u16, orientation: u16) -> Vec<u8> {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // The scene as seen: portrait when the photo is turned.
    let (sw, sh) = if orientation == 6 { (h as usize, w as usize) } else { (w as usize, h as usize) };
    let (stage, seats) = (sh * (30 + r.below(15)) / 100, sh * (55 + r.below(10)) / 100);
    let banner = (sw * (10 + r.below(15)) / 100, sw * (75 + r.below(15)) / 100);
    let tint = r.below(40) as i32;
    let scene = |x: usize, y: usize| -> [i32; 3] {
        if y < stage && x > banner.0 && x < banner.1 {
            // The red backdrop, with rows of yellow letters.
            let letters = (y * 12 / stage.max(1)) % 3 == 1 && (x / 23) % 4 != 3;
            if letters {
                [230, 200, 60]
            } else {
                [170 + tint, 25, 30]
            }
        } else if y < stage {
            [200 - tint, 190, 170]
        } else if y < seats {
            [120, 80 + tint, 50]
        } else {
            // Rows of seats and people.
            match ((y / 37).is_multiple_of(2), (x / 29 + y / 37).is_multiple_of(3)) {
                (_, true) => [40, 45, 70],
                (true, _) => [90, 30, 35],
                _ => [60, 40, 40],
            }
        }
    };
    let mut pixels = Vec::with_capacity(w as usize * h as usize * 3);
    for y in 0..h as usize {
        for x in 0..w as usize {
            // Stored pixel (x, y) of a photo shown turned clockwise.
            let base = if orientation == 6 { scene(h as usize - 1 - y, x) } else { scene(x, y) };
            let grain = (r.next() % 25) as i32 - 12;
            pixels.extend(base.map(|c| (c + grain).clamp(0, 255) as u8));
        }
    }
    let mut out = Vec::new();
    let mut e = jpeg_encoder::Encoder::new(&mut out, 92);
    e.add_exif_metadata(&exif(orientation)).expect("a small EXIF block");
    e.encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb).expect("a photo within JPEG's size");
    out
}

/// A TIFF block (little-endian): the orientation and a GPS position (Hà
/// Tĩnh: 18.34 N, 105.90 E), as a phone writes them.
fn exif(orientation: u16) -> Vec<u8> {
    let mut t = b"II*\0\x08\0\0\0".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        [tag.to_le_bytes(), kind.to_le_bytes()]
            .concat()
            .into_iter()
            .chain(count.to_le_bytes())
            .chain(value.to_le_bytes())
    };
    t.extend([2, 0]);
    t.extend(entry(0x0112, 3, 1, orientation as u32));
    t.extend(entry(0x8825, 4, 1, 38));
    t.extend([0, 0, 0, 0]);
    // GPS IFD at 38: four entries, then the rationals at 92.
    t.extend([4, 0]);
    t.extend(entry(0x0001, 2, 2, u32::from_le_bytes([b'N', 0, 0, 0])));
    t.extend(entry(0x0002, 5, 3, 92));
    t.extend(entry(0x0003, 2, 2, u32::from_le_bytes([b'E', 0, 0, 0])));
    t.extend(entry(0x0004, 5, 3, 116));
    t.extend([0, 0, 0, 0]);
    for (num, den) in [(18, 1), (20, 1), (2400, 100), (105, 1), (54, 1), (3600, 100)] {
        t.extend((num as u32).to_le_bytes());
        t.extend((den as u32).to_le_bytes());
    }
    t
}

const HUGO_SINGLE: &str = r#"<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>
{{ range .Resources.ByType "image" }}{{ $s := .Resize "480x q80" }}{{ $m := .Resize "960x q80" }}{{ $l := .Resize "1600x q80" }}<figure><img src="{{ $l.RelPermalink }}" srcset="{{ $s.RelPermalink }} 480w, {{ $m.RelPermalink }} 960w, {{ $l.RelPermalink }} 1600w" width="{{ $l.Width }}" height="{{ $l.Height }}" loading="lazy" decoding="async" alt=""></figure>
{{ end }}{{ .Content }}</body></html>
"#;

/// Writes `<out>/bantin/` and `<out>/hugo/`: `n` articles with two
/// 4000 × 3000 photos each (distinct pictures, so nothing is made once for
/// two), in 10 districts.
pub fn photo_site(out: &Path, n: usize) -> std::io::Result<()> {
    use std::fs;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let b = out.join("bantin/content");
    let hugo = out.join("hugo");
    fs::create_dir_all(&b)?;
    fs::write(b.join("site.yaml"), "title: Ảnh hội nghị\nbase_url: https://example.gov.vn/\n")?;
    fs::write(b.join("indicators.yaml"), "- { id: c, name: Tiêu chí, kind: count, unit: tiêu chí }\n")?;
    fs::create_dir_all(hugo.join("layouts/_default"))?;
    fs::write(hugo.join("hugo.toml"), "baseURL = 'https://example.gov.vn/'\nlanguageCode = 'vi'\ntitle = 'Ảnh'\n")?;
    fs::write(hugo.join("layouts/_default/single.html"), HUGO_SINGLE)?;
    fs::write(
        hugo.join("layouts/_default/list.html"),
        "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n",
    )?;
    fs::write(
        hugo.join("layouts/index.html"),
        "<html><body>{{ range .Site.RegularPages }}{{ .Title }}{{ end }}</body></html>\n",
    )?;
    for d in 0..10 {
        let dir = b.join(format!("districts/d{d}"));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("district.yaml"), format!("name: Huyện {d}\n"))?;
    }
    use rayon::prelude::*;
    (0..n).into_par_iter().try_for_each(|i| {
        let (d, slug) = (i % 10, format!("hoi-nghi-{i}"));
        let text = format!("---\ntitle: Hội nghị số {i}\ndate: 2024-01-{:02}\n---\nHội nghị tổng kết.\n\n![Toàn cảnh](anh-1.jpg \"Toàn cảnh hội nghị\")\n\n![Đại biểu](anh-2.jpg)\n", 1 + i % 28);
        let bantin_dir = b.join(format!("districts/d{d}/{slug}"));
        let hugo_dir = hugo.join(format!("content/posts/{slug}"));
        fs::create_dir_all(&bantin_dir)?;
        fs::create_dir_all(&hugo_dir)?;
        fs::write(bantin_dir.join(format!("{slug}.md")), &text)?;
        fs::write(hugo_dir.join("index.md"), &text)?;
        for k in 1..=2u64 {
            let bytes = photo(i as u64 * 2 + k, 4000, 3000, 1);
            // One file, linked into both sites: neither writes to it.
            let file = bantin_dir.join(format!("anh-{k}.jpg"));
            fs::write(&file, &bytes)?;
            fs::hard_link(&file, hugo_dir.join(format!("anh-{k}.jpg"))).or_else(|_| fs::copy(&file, hugo_dir.join(format!("anh-{k}.jpg"))).map(|_| ()))?;
        }
        Ok(())
    })
}
