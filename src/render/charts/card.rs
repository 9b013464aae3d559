//! Share cards: 1200×630 PNG pictures for `og:image`, since Zalo and
//! Facebook do not show SVG. Drawn with plotters' bitmap backend and the
//! embedded DejaVu Sans, so they look the same on every machine.

use super::draw::{MUTED, TEXT, VALUE};
use super::glyphs;
use plotters::coord::Shift;
use plotters::prelude::*;

pub const CARD_W: u32 = 1200;
pub const CARD_H: u32 = 630;
const BAND: RGBColor = RGBColor(0x0B, 0x3D, 0x6B);

/// What a card shows.
#[derive(Debug, Clone)]
pub struct CardText {
    pub site: String,
    pub title: String,
    pub subtitle: String,
    /// Up to three (figure, label) pairs.
    pub figures: Vec<(String, String)>,
}

/// Breaks `text` into at most `max_lines` lines that fit `width` pixels.
fn wrap(text: &str, size: u32, bold: bool, width: u32, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| glyphs::width(s, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&candidate) || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && !fits(&format!("{last} …")) {
            last.pop();
        }
        last.push_str(" …");
    }
    lines
}

fn paint<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, card: &CardText) {
    glyphs::draw(area, &card.site, (60, 28), 34, true, WHITE);
    let mut y = 136;
    for line in wrap(&card.title, 58, true, CARD_W - 120, 3) {
        glyphs::draw(area, &line, (60, y), 58, true, TEXT);
        y += 70;
    }
    glyphs::draw(area, &card.subtitle, (60, y + 8), 30, false, MUTED);
    for (i, (figure, label)) in card.figures.iter().take(3).enumerate() {
        let x = 60 + 370 * i as i32;
        glyphs::draw(area, figure, (x + 22, 432), 46, true, VALUE);
        for (j, line) in wrap(label, 24, false, 330, 2).into_iter().enumerate() {
            glyphs::draw(area, &line, (x + 22, 500 + 32 * j as i32), 24, false, TEXT);
        }
    }
}

/// Fills a rectangle of the RGB buffer: much faster than plotters' pixel
/// by pixel, and the flat areas are most of a card.
fn fill_rect(rgb: &mut [u8], (x0, y0): (u32, u32), (x1, y1): (u32, u32), c: RGBColor) {
    let row: Vec<u8> = (x0..x1).flat_map(|_| [c.0, c.1, c.2]).collect();
    for y in y0..y1 {
        let start = ((y * CARD_W + x0) * 3) as usize;
        rgb[start..start + row.len()].copy_from_slice(&row);
    }
}

/// The flat parts of a card: white ground, the band, the figure bars, the
/// bottom stripe.
fn ground(rgb: &mut [u8], figures: usize) {
    rgb.fill(255);
    fill_rect(rgb, (0, 0), (CARD_W, 96), BAND);
    for i in 0..figures.min(3) as u32 {
        let x = 60 + 370 * i;
        fill_rect(rgb, (x, 430), (x + 6, 590), VALUE);
    }
    fill_rect(rgb, (0, CARD_H - 10), (CARD_W, CARD_H), VALUE);
}

/// Draws a card and encodes it as PNG.
pub fn render(card: &CardText) -> Result<Vec<u8>, String> {
    let mut rgb = vec![0u8; (CARD_W * CARD_H * 3) as usize];
    ground(&mut rgb, card.figures.len());
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (CARD_W, CARD_H)).into_drawing_area();
        paint(&area, card);
        area.present().map_err(|e| format!("{e:?}"))?;
    }
    encode(&rgb)
}

/// The card's colours as a palette and one index per pixel, when there
/// are at most 256 of them (text is drawn with sixteen levels of coverage,
/// so a card has a few dozen).
fn palette(rgb: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut colours: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::new();
    let mut palette = Vec::new();
    let mut indices = Vec::with_capacity(rgb.len() / 3);
    let mut last: Option<([u8; 3], u8)> = None;
    for px in rgb.chunks_exact(3) {
        let key = [px[0], px[1], px[2]];
        // Runs of one colour are most of a card: skip the lookup for them.
        if let Some((colour, index)) = last {
            if colour == key {
                indices.push(index);
                continue;
            }
        }
        let next = colours.len();
        let index = match colours.get(&key) {
            Some(i) => *i,
            None if next < 256 => {
                colours.insert(key, next as u8);
                palette.extend_from_slice(&key);
                next as u8
            }
            None => return None,
        };
        last = Some((key, index));
        indices.push(index);
    }
    Some((palette, indices))
}

/// PNG bytes of an RGB card: indexed colour when the palette fits (about a
/// fifth of the bytes, and faster to compress), RGB otherwise. Fast
/// compression: a site has thousands of cards.
fn encode(rgb: &[u8]) -> Result<Vec<u8>, String> {
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, CARD_W, CARD_H);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Up);
    let data = match palette(rgb) {
        Some((colours, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(colours);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            rgb.to_vec()
        }
    };
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(png_bytes)
}
