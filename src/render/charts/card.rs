//! Share cards: 1200×630 PNG pictures for `og:image`, since Zalo and
//! Facebook do not show SVG. Painted as palette indices with the embedded
//! DejaVu Sans, so they look the same on every machine and encode fast.

use super::glyphs;
use super::pen::{MUTED, TEXT, VALUE};
use plotters::style::RGBColor;

pub const CARD_W: u32 = 1200;
pub const CARD_H: u32 = 630;
const BAND: RGBColor = RGBColor(0x0B, 0x3D, 0x6B);

/// What a card shows.
#[derive(Debug, Clone, serde::Serialize)]
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
    // The line so far, measured: each word is measured once, not the
    // whole line again for every word.
    let mut pen = glyphs::Pen::new(size, bold);
    for word in text.split_whitespace() {
        let longer = if line.is_empty() { pen.after(word) } else { pen.after(" ").after(word) };
        if longer.width() <= width || line.is_empty() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            pen = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
            pen = glyphs::Pen::new(size, bold).after(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    // A word wider than the card, or the last line of a cut text, ends
    // with an ellipsis where it fits.
    let ellipsis = glyphs::width(" …", size, bold);
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter_mut().enumerate() {
        if (cut && i == last) || !fits(line) {
            let keep = glyphs::prefix_within(line, size, bold, width.saturating_sub(ellipsis));
            line.truncate(keep);
            line.push_str(" …");
        }
    }
    lines
}

/// The colours a card is painted in: the flat ones, then each ink (a
/// text colour on its ground) at every level of coverage.
const WHITE_RGB: RGBColor = RGBColor(255, 255, 255);
const FLAT: [RGBColor; 3] = [WHITE_RGB, BAND, VALUE];
const GROUND: u8 = 0;
const BAND_INK: u8 = 1;
const BAR: u8 = 2;

/// Text colours and the grounds they are drawn on.
#[derive(Clone, Copy)]
enum Ink {
    OnBand,
    Text,
    Muted,
    Value,
}

const INKS: [(RGBColor, RGBColor); 4] = [(WHITE_RGB, BAND), (TEXT, WHITE_RGB), (MUTED, WHITE_RGB), (VALUE, WHITE_RGB)];

/// The palette index of `ink` at coverage `level` (1 to LEVELS - 1).
fn ink_index(ink: Ink, level: u8) -> u8 {
    FLAT.len() as u8 + ink as u8 * (glyphs::LEVELS - 1) + (level - 1)
}

/// The card's palette as PNG wants it: RGB triples.
fn palette() -> Vec<u8> {
    let mut p: Vec<u8> = FLAT.iter().flat_map(|c| [c.0, c.1, c.2]).collect();
    for (fg, bg) in INKS {
        for level in 1..glyphs::LEVELS {
            let mix = |f: u8, b: u8| {
                let (f, b, l, top) = (i32::from(f), i32::from(b), i32::from(level), i32::from(glyphs::LEVELS - 1));
                (b + ((f - b) * l + top / 2 * (f - b).signum()) / top) as u8
            };
            p.extend_from_slice(&[mix(fg.0, bg.0), mix(fg.1, bg.1), mix(fg.2, bg.2)]);
        }
    }
    p
}

/// A card being painted: one palette index per pixel.
struct Canvas {
    pixels: Vec<u8>,
}

thread_local! {
    /// Each thread's canvas, kept between cards: a fresh 756 KB buffer per
    /// card costs the kernel a page clearing each time.
    static PIXELS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Canvas {
    fn new() -> Canvas {
        let mut pixels = PIXELS.with(|p| std::mem::take(&mut *p.borrow_mut()));
        pixels.clear();
        pixels.resize((CARD_W * CARD_H) as usize, GROUND);
        Canvas { pixels }
    }
}

impl Drop for Canvas {
    fn drop(&mut self) {
        PIXELS.with(|p| *p.borrow_mut() = std::mem::take(&mut self.pixels));
    }
}

impl Canvas {
    fn fill(&mut self, (x0, y0): (u32, u32), (x1, y1): (u32, u32), index: u8) {
        for y in y0..y1 {
            let row = (y * CARD_W) as usize;
            self.pixels[row + x0 as usize..row + x1 as usize].fill(index);
        }
    }

    /// Sets `text` in `ink`; where glyphs overlap the darker coverage wins.
    fn text(&mut self, text: &str, at: (i32, i32), size: u32, bold: bool, ink: Ink) {
        let own = ink_index(ink, 1)..=ink_index(ink, glyphs::LEVELS - 1);
        let base = ink_index(ink, 1) - 1;
        glyphs::draw(text, at, size, bold, |x, y, levels| {
            if !(0..CARD_H as i32).contains(&y) {
                return;
            }
            // Clip the row to the card.
            let skip = (-x).max(0) as usize;
            let x = x.max(0) as usize;
            if x >= CARD_W as usize {
                return;
            }
            let width = levels.len().saturating_sub(skip).min((CARD_W as usize).saturating_sub(x));
            let start = y as usize * CARD_W as usize + x;
            let row = &mut self.pixels[start..start + width];
            let (lo, hi) = (*own.start(), *own.end());
            for (px, &level) in row.iter_mut().zip(&levels[skip..skip + width]) {
                // Branch-free, so the loop vectorises: coverage 0 keeps
                // the pixel, and so does darker coverage of the same ink.
                let (p, index) = (*px, base.wrapping_add(level));
                let keep = (level == 0) | ((p >= lo) & (p <= hi) & (p >= index));
                *px = if keep { p } else { index };
            }
        });
    }
}

/// The flat parts of a card: white ground, the band, the figure bars, the
/// bottom stripe.
fn ground(canvas: &mut Canvas, figures: usize) {
    canvas.fill((0, 0), (CARD_W, 96), BAND_INK);
    for i in 0..figures.min(3) as u32 {
        let x = 60 + 370 * i;
        canvas.fill((x, 430), (x + 6, 590), BAR);
    }
    canvas.fill((0, CARD_H - 10), (CARD_W, CARD_H), BAR);
}

fn paint(canvas: &mut Canvas, card: &CardText) {
    canvas.text(&card.site, (60, 28), 34, true, Ink::OnBand);
    let mut y = 136;
    for line in wrap(&card.title, 58, true, CARD_W - 120, 3) {
        canvas.text(&line, (60, y), 58, true, Ink::Text);
        y += 70;
    }
    canvas.text(&card.subtitle, (60, y + 8), 30, false, Ink::Muted);
    for (i, (figure, label)) in card.figures.iter().take(3).enumerate() {
        let x = 60 + 370 * i as i32;
        canvas.text(figure, (x + 22, 432), 46, true, Ink::Value);
        for (j, line) in wrap(label, 24, false, 330, 2).into_iter().enumerate() {
            canvas.text(&line, (x + 22, 500 + 32 * j as i32), 24, false, Ink::Text);
        }
    }
}

/// Draws a card and encodes it as an indexed-colour PNG (a few dozen
/// colours; fast compression, since a site has thousands of cards).
pub fn render(card: &CardText) -> Result<Vec<u8>, png::EncodingError> {
    let mut canvas = Canvas::new();
    ground(&mut canvas, card.figures.len());
    paint(&mut canvas, card);
    encode(&canvas.pixels)
}

/// The card as an indexed-colour PNG: each row filtered `Up` (the many
/// rows equal to the one above become zeros) and compressed with fdeflate,
/// the compressor of the PNG encoder's fast mode, fed a row at a time
/// (through the encoder, every row was copied twice more).
fn encode(pixels: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let w = CARD_W as usize;
    let mut z = fdeflate::Compressor::new(Vec::with_capacity(64 * 1024))?;
    let mut row_out = vec![0u8; w + 1];
    let mut prev: Option<&[u8]> = None;
    for row in pixels.chunks_exact(w) {
        match prev {
            None => {
                row_out[0] = 0; // None: the first row as it is
                row_out[1..].copy_from_slice(row);
            }
            Some(p) => {
                row_out[0] = 2; // Up
                for ((o, a), b) in row_out[1..].iter_mut().zip(row).zip(p) {
                    *o = a.wrapping_sub(*b);
                }
            }
        }
        z.write_data(&row_out)?;
        prev = Some(row);
    }
    let idat = z.finish()?;
    let mut png_bytes = Vec::with_capacity(idat.len() + 512);
    let mut encoder = png::Encoder::new(&mut png_bytes, CARD_W, CARD_H);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette());
    let mut writer = encoder.write_header()?;
    writer.write_chunk(png::chunk::IDAT, &idat)?;
    writer.finish()?;
    Ok(png_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_runs_from_ground_to_ink() {
        let p = palette();
        assert_eq!(p.len(), 3 * (FLAT.len() + INKS.len() * (glyphs::LEVELS as usize - 1)));
        let at = |i: u8| &p[3 * i as usize..3 * i as usize + 3];
        assert_eq!(at(ink_index(Ink::Text, glyphs::LEVELS - 1)), &[TEXT.0, TEXT.1, TEXT.2]);
        assert_eq!(at(ink_index(Ink::OnBand, glyphs::LEVELS - 1)), &[255, 255, 255]);
        let faint = at(ink_index(Ink::Value, 1));
        assert!(faint.iter().all(|c| *c > 200), "{faint:?}");
    }

    #[test]
    fn draws_a_decodable_card() {
        let card = CardText {
            site: "Huyện Kỳ Anh".into(),
            title: "Kỳ Anh về đích nông thôn mới".into(),
            subtitle: "06/01/2024".into(),
            figures: vec![("118/153".into(), "thôn đạt chuẩn".into())],
        };
        let bytes = render(&card).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (CARD_W, CARD_H));
        assert_eq!(info.color_type, png::ColorType::Indexed);
        // Text was drawn: more than the flat colours are used.
        let used: std::collections::BTreeSet<u8> = buf[..info.buffer_size()].iter().copied().collect();
        assert!(used.len() > 20, "{} colours", used.len());
    }
}
