//! Every text of every chart of the example site and of the fixture sites,
//! measured with the embedded DejaVu Sans metrics at its font size, anchor
//! and rotation: no two boxes may overlap and none may leave the viewBox.
//! The boxes are worked out here from the SVG alone, not from the drawing
//! code, so a layout bug there cannot hide itself.

mod common;
use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use common::*;
use std::collections::BTreeSet;

/// A text's box: its four corners (a rectangle, turned when the text is).
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    corners: [(f64, f64); 4],
}

fn font(bold: bool) -> FontRef<'static> {
    let bytes = if bold { dejavu::sans::bold() } else { dejavu::sans::regular() };
    FontRef::try_from_slice(bytes).unwrap()
}

/// ab_glyph's scale for a CSS font size: ab_glyph's is ascent to descent,
/// CSS's is the em.
fn scale(f: &FontRef, size: f64) -> PxScale {
    PxScale::from((size * f.height_unscaled() as f64 / f.units_per_em().unwrap() as f64) as f32)
}

/// Advance width of `text` at `size` px, with kerning, as a browser sets it.
fn advance(text: &str, size: f64, bold: bool) -> f64 {
    let f = font(bold);
    let f = f.as_scaled(scale(&f, size));
    let mut prev = None;
    let mut w = 0.0;
    for c in text.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, id);
        }
        w += f.h_advance(id);
        prev = Some(id);
    }
    w as f64
}

/// Length of an SVG `dy` (`0.5ex`, `0.76em`, `-0.5ex`, `3`) at `size`.
fn length(dy: &str, size: f64, bold: bool) -> f64 {
    let f = font(bold);
    let x = f.outline(f.glyph_id('x')).expect("an x");
    let x_height = (x.bounds.max.y - x.bounds.min.y).abs() as f64 / f.units_per_em().unwrap() as f64;
    if let Some(n) = dy.strip_suffix("ex") {
        n.parse::<f64>().unwrap() * x_height * size
    } else if let Some(n) = dy.strip_suffix("em") {
        n.parse::<f64>().unwrap() * size
    } else {
        dy.parse().unwrap()
    }
}

/// `rotate(a, cx, cy)` or `rotate(a)` as (degrees, centre).
fn rotation(transform: Option<&str>, at: (f64, f64)) -> (f64, (f64, f64)) {
    let Some(t) = transform else { return (0.0, at) };
    let inner = t.trim().strip_prefix("rotate(").and_then(|s| s.strip_suffix(')'));
    let inner = inner.unwrap_or_else(|| panic!("teach this test the transform {t:?}"));
    let n: Vec<f64> = inner.split([',', ' ']).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    match n.as_slice() {
        [a] => (*a, (0.0, 0.0)),
        [a, cx, cy] => (*a, (*cx, *cy)),
        _ => panic!("bad rotate {t:?}"),
    }
}

fn text_box(node: roxmltree::Node) -> TextBox {
    let num = |a: &str| node.attribute(a).map(|v| v.parse::<f64>().unwrap()).unwrap_or(0.0);
    let text: String = node.text().unwrap_or("").trim().to_string();
    let size = num("font-size");
    assert!(size > 0.0, "a chart text without a font size: {text:?}");
    let bold = node.attribute("font-weight") == Some("bold");
    let f = font(bold);
    let scaled = f.as_scaled(scale(&f, size));
    let (ascent, descent) = (scaled.ascent() as f64, -scaled.descent() as f64);
    let width = advance(&text, size, bold);
    let (x, y) = (num("x"), num("y"));
    let baseline = y + node.attribute("dy").map(|d| length(d, size, bold)).unwrap_or(0.0);
    let left = match node.attribute("text-anchor").unwrap_or("start") {
        "start" => x,
        "middle" => x - width / 2.0,
        "end" => x - width,
        other => panic!("text-anchor {other}"),
    };
    let (top, bottom) = (baseline - ascent, baseline + descent);
    let (deg, (cx, cy)) = rotation(node.attribute("transform"), (x, y));
    let (s, c) = deg.to_radians().sin_cos();
    let turn = |(px, py): (f64, f64)| (cx + (px - cx) * c - (py - cy) * s, cy + (px - cx) * s + (py - cy) * c);
    TextBox { text, corners: [(left, top), (left + width, top), (left + width, bottom), (left, bottom)].map(turn) }
}

/// Whether two convex quadrilaterals overlap by more than `slack` (by the
/// separating axis theorem).
fn overlap(a: &TextBox, b: &TextBox, slack: f64) -> bool {
    let axes = |q: &[(f64, f64); 4]| (0..2).map(|i| (q[i + 1].0 - q[i].0, q[i + 1].1 - q[i].1)).collect::<Vec<_>>();
    for (ax, ay) in axes(&a.corners).into_iter().chain(axes(&b.corners)) {
        let len = (ax * ax + ay * ay).sqrt();
        if len == 0.0 {
            continue;
        }
        let project = |q: &[(f64, f64); 4]| {
            let p: Vec<f64> = q.iter().map(|(x, y)| (x * ax + y * ay) / len).collect();
            (p.iter().cloned().fold(f64::MAX, f64::min), p.iter().cloned().fold(f64::MIN, f64::max))
        };
        let ((a0, a1), (b0, b1)) = (project(&a.corners), project(&b.corners));
        if a1 - slack <= b0 || b1 - slack <= a0 {
            return false;
        }
    }
    true
}

/// Every problem of one chart: texts overlapping, or outside the viewBox.
fn problems(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let root = doc.root_element();
    let vb: Vec<f64> = root.attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    let boxes: Vec<TextBox> =
        root.descendants().filter(|n| n.has_tag_name("text")).map(text_box).filter(|b| !b.text.is_empty()).collect();
    let id = root.attribute("aria-labelledby").unwrap_or("?").split(' ').next().unwrap().to_string();
    let mut out = Vec::new();
    for b in &boxes {
        let inside = b.corners.iter().all(|&(x, y)| {
            x >= vb[0] - 0.5 && x <= vb[0] + vb[2] + 0.5 && y >= vb[1] - 0.5 && y <= vb[1] + vb[3] + 0.5
        });
        if !inside {
            out.push(format!("{id}: {:?} leaves the viewBox {vb:?}: {:?}", b.text, b.corners));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if overlap(a, b, 0.5) {
                out.push(format!("{id}: {:?} overlaps {:?}", a.text, b.text));
            }
        }
    }
    out
}

/// Every distinct inline chart of a built site.
fn charts_of(b: &Built) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for page in b.files().into_iter().filter(|f| f.ends_with(".html")) {
        let html = b.read(&page);
        let mut rest = html.as_str();
        while let Some(i) = rest.find("<svg") {
            let end = rest[i..].find("</svg>").expect("closed svg") + i + "</svg>".len();
            if rest[i..end].contains("class=\"chart ") {
                out.insert(rest[i..end].to_string());
            }
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn the_measure_sees_overlaps_and_overflow() {
    let svg = |texts: &str| format!("<svg viewBox=\"0 0 200 100\" xmlns=\"http://www.w3.org/2000/svg\">{texts}</svg>");
    let t = |x: i32, y: i32, anchor: &str, s: &str| {
        format!("<text x=\"{x}\" y=\"{y}\" dy=\"0.5ex\" text-anchor=\"{anchor}\" font-size=\"14\">{s}</text>")
    };
    assert!(problems(&svg(&(t(50, 50, "middle", "Quý 2/2025") + &t(140, 50, "middle", "Quý 3/2025")))).is_empty());
    assert_eq!(problems(&svg(&(t(50, 50, "middle", "Quý 2/2025") + &t(110, 50, "middle", "Quý 3/2025")))).len(), 1);
    assert_eq!(problems(&svg(&t(150, 50, "start", "123/153 thôn (80,4%)"))).len(), 1, "cut on the right");
    assert_eq!(problems(&svg(&t(20, 50, "end", "Kỳ Anh"))).len(), 1, "cut on the left");
    assert_eq!(problems(&svg(&t(100, 4, "middle", "Kỳ"))).len(), 1, "cut at the top");
    // Turned a quarter, a long label is tall, not wide.
    let turned = "<text x=\"100\" y=\"50\" dy=\"0.5ex\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(270, 100, 50)\">Quý 2</text>";
    assert!(problems(&svg(&(turned.to_string() + &t(125, 50, "start", "2025")))).is_empty());
    assert_eq!(problems(&svg(&(turned.to_string() + &t(100, 30, "middle", "2025")))).len(), 1);
    assert!(problems(&svg(&(t(100, 50, "middle", "Quý 2") + &t(100, 30, "middle", "2025")))).is_empty());
}

#[test]
fn no_chart_text_overlaps_or_is_cut() {
    let mut sites = vec![repo_root()];
    sites.extend(["data_kinds", "english", "many_articles", "minimal", "bom_crlf", "theme_override"].map(fixture));
    let mut all = Vec::new();
    let mut count = 0;
    for site in sites {
        let b = build(&site, false);
        for svg in charts_of(&b) {
            count += 1;
            all.extend(problems(&svg));
        }
    }
    assert!(count > 100, "only {count} charts measured");
    assert!(all.is_empty(), "{} problems in chart text:\n{}", all.len(), all.join("\n"));
}
