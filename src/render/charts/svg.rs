//! A chart as inline SVG: drawn by plotters, then made accessible and
//! responsive (`role="img"`, `<title>`, `<desc>`, viewBox only, classes
//! for the theme).

use super::draw;
use super::pen::{self, AXIS, MUTED, PLAN, TEXT, TRACK, VALUE};
use super::spec::{ChartKind, ChartSpec};
use plotters::prelude::*;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Draws `spec` as an SVG document ready to inline in a page.
pub fn render(spec: &ChartSpec) -> Result<String, pen::DrawError> {
    let (w, h) = (draw::width(spec), draw::height(spec));
    let mut raw = String::new();
    {
        let area = SVGBackend::with_string(&mut raw, (w, h)).into_drawing_area();
        draw::draw(&area, spec)?;
        area.present().map_err(pen::err)?;
    }
    Ok(finish(&raw, spec, w, h))
}

/// Replaces plotters' opening tag with an accessible one and tags colours
/// with classes.
fn finish(raw: &str, spec: &ChartSpec, w: u32, h: u32) -> String {
    let body_start = raw.find('>').map(|i| i + 1).unwrap_or(0);
    let id = &spec.id;
    let mut out = String::with_capacity(raw.len() + spec.desc.len() + 300);
    out.push_str(&format!(
        "<svg viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart chart-{}{}\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>",
        spec.kind.class(),
        // One figure only: the card beside it says the same (print leaves it out).
        if spec.items.len() == 1 && spec.kind != ChartKind::Flow { " chart-single" } else { "" },
        xml_escape(&spec.title),
        xml_escape(&spec.desc),
    ));
    let body = classify(&raw[body_start..]);
    out.push_str(&tidy(&body));
    out
}

/// Gives each drawn element one class for the theme, after the first of
/// its colours (fill, then stroke) that is in the palette; the background
/// gets `c-bg`.
fn classify(body: &str) -> String {
    let palette = [
        (VALUE, "c-value"),
        (PLAN, "c-plan"),
        (TRACK, "c-track"),
        (TEXT, "c-text"),
        (MUTED, "c-muted"),
        (AXIS, "c-axis"),
    ];
    let attr = |name: &str, c: RGBColor| format!("{name}=\"{}\"", hex(c));
    let fills: Vec<(String, &str)> = palette.iter().map(|(c, class)| (attr("fill", *c), *class)).collect();
    let strokes: Vec<(String, &str)> = palette.iter().map(|(c, class)| (attr("stroke", *c), *class)).collect();
    let white = attr("fill", WHITE);
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    let mut first_rect = true;
    for (i, part) in body.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        let class = fills
            .iter()
            .find(|(a, _)| tag.contains(a.as_str()))
            .or_else(|| strokes.iter().find(|(a, _)| tag.contains(a.as_str())))
            .map(|(_, class)| *class)
            .or_else(|| (first_rect && tag.starts_with("rect") && tag.contains(white.as_str())).then_some("c-bg"));
        if tag.starts_with("rect") {
            first_rect = false;
        }
        match (class, tag.find(' ')) {
            (Some(class), Some(sp)) if !tag.contains("class=") => {
                out.push_str(&part[..sp]);
                out.push_str(&format!(" class=\"{class}\""));
                out.push_str(&part[sp..]);
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// Rounds font sizes to whole pixels and drops `opacity="1"`, which is
/// the default: smaller files, same picture.
fn tidy(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("font-size=\"") {
        let start = i + "font-size=\"".len();
        out.push_str(&rest[..start]);
        let end = rest[start..].find('"').map(|e| start + e).unwrap_or(start);
        let size: f64 = rest[start..end].parse().unwrap_or(12.0);
        out.push_str(&format!("{}", size.round() as i64));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace(" opacity=\"1\"", "")
}
