//! Share cards: 1200×630 PNG pictures for `og:image`, since Zalo and
//! Facebook do not show SVG. Drawn with plotters' bitmap backend and the
//! embedded DejaVu Sans, so they look the same on every machine.

use super::draw::{MUTED, TEXT, VALUE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

fn style(size: u32, bold: bool, color: RGBColor) -> TextStyle<'static> {
    let f = if bold {
        ("sans-serif", size as f64, FontStyle::Bold).into_font()
    } else {
        ("sans-serif", size as f64).into_font()
    };
    f.color(&color).pos(Pos::new(HPos::Left, VPos::Top))
}

/// Breaks `text` into at most `max_lines` lines that fit `width` pixels.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    st: &TextStyle,
    width: u32,
    max_lines: usize,
) -> Vec<String> {
    let fits = |s: &str| area.estimate_text_size(s, st).map(|(w, _)| w <= width).unwrap_or(true);
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

fn paint<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, card: &CardText) -> Result<(), String> {
    let e = |e: DrawingAreaErrorKind<DB::ErrorType>| format!("{e:?}");
    area.fill(&WHITE).map_err(e)?;
    area.draw(&Rectangle::new([(0, 0), (CARD_W as i32, 96)], BAND.filled())).map_err(e)?;
    area.draw(&Text::new(card.site.clone(), (60, 28), style(34, true, WHITE))).map_err(e)?;
    let title_style = style(58, true, TEXT);
    let mut y = 136;
    for line in wrap(area, &card.title, &title_style, CARD_W - 120, 3) {
        area.draw(&Text::new(line, (60, y), title_style.clone())).map_err(e)?;
        y += 70;
    }
    area.draw(&Text::new(card.subtitle.clone(), (60, y + 8), style(30, false, MUTED))).map_err(e)?;
    for (i, (figure, label)) in card.figures.iter().take(3).enumerate() {
        let x = 60 + 370 * i as i32;
        area.draw(&Rectangle::new([(x, 430), (x + 6, 590)], VALUE.filled())).map_err(e)?;
        area.draw(&Text::new(figure.clone(), (x + 22, 432), style(46, true, VALUE))).map_err(e)?;
        let label_style = style(24, false, TEXT);
        for (j, line) in wrap(area, label, &label_style, 330, 2).into_iter().enumerate() {
            area.draw(&Text::new(line, (x + 22, 500 + 32 * j as i32), label_style.clone())).map_err(e)?;
        }
    }
    area.draw(&Rectangle::new([(0, CARD_H as i32 - 10), (CARD_W as i32, CARD_H as i32)], VALUE.filled())).map_err(e)?;
    Ok(())
}

/// Draws a card and encodes it as PNG.
pub fn render(card: &CardText) -> Result<Vec<u8>, String> {
    let mut rgb = vec![0u8; (CARD_W * CARD_H * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (CARD_W, CARD_H)).into_drawing_area();
        paint(&area, card)?;
        area.present().map_err(|e| format!("{e:?}"))?;
    }
    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, CARD_W, CARD_H);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    }
    Ok(png_bytes)
}
