//! Text on share cards: each glyph of the embedded DejaVu Sans is
//! rasterised once per size with ab_glyph (the rasteriser plotters itself
//! uses), kept as sixteen levels of coverage, and stamped into a card's
//! indexed canvas. Rasterising every glyph anew, or blending pixel by pixel
//! through a drawing backend, was most of a card's cost on a site with
//! thousands of them.

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::OnceLock;

/// Levels of coverage a glyph pixel may have, 0 (none) to `LEVELS - 1`
/// (full): few enough that a card keeps to a small palette.
pub const LEVELS: u8 = 16;

/// A glyph's coverage levels, placed relative to the pen on the baseline.
struct Coverage {
    left: i32,
    top: i32,
    width: u32,
    levels: Vec<u8>,
}

fn font(bold: bool) -> &'static FontRef<'static> {
    static REGULAR: OnceLock<FontRef<'static>> = OnceLock::new();
    static BOLD: OnceLock<FontRef<'static>> = OnceLock::new();
    let (cell, bytes) = if bold { (&BOLD, dejavu::sans::bold()) } else { (&REGULAR, dejavu::sans::regular()) };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).expect("DejaVu Sans is a valid font"))
}

type Key = (bool, u32, GlyphId);

thread_local! {
    static CACHE: RefCell<HashMap<Key, Rc<Option<Coverage>>>> = RefCell::new(HashMap::new());
    /// Each character's glyph and advance, and each pair's kerning, by
    /// face and size: looking them up in the font (kerning scans a table)
    /// was most of the cost of measuring text.
    static METRICS: RefCell<Metrics> = RefCell::new(Metrics::default());
}

#[derive(Default)]
struct Metrics {
    chars: HashMap<(bool, u32, char), (GlyphId, f32), BuildHasherDefault<Small>>,
    kerns: HashMap<(bool, u32, GlyphId, GlyphId), f32, BuildHasherDefault<Small>>,
}

/// A hash for the small keys of [`Metrics`], looked up for every
/// character set: the default (SipHash, made to resist chosen keys) cost
/// as much as the lookups' other work, and these keys come from the
/// site's own text through a map that never leaves the thread.
#[derive(Default)]
struct Small(u64);

impl Hasher for Small {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `alpha` (0.0 to 1.0) as one of the coverage levels, rounded.
fn level(alpha: f32) -> u8 {
    (alpha.clamp(0.0, 1.0) * f32::from(LEVELS - 1)).round() as u8
}

fn coverage(bold: bool, size: u32, id: GlyphId) -> Rc<Option<Coverage>> {
    CACHE.with(|c| {
        c.borrow_mut()
            .entry((bold, size, id))
            .or_insert_with(|| {
                let glyph = id.with_scale_and_position(PxScale::from(size as f32), point(0.0, 0.0));
                Rc::new(font(bold).outline_glyph(glyph).map(|outlined| {
                    let b = outlined.px_bounds();
                    let (w, h) = (b.width() as u32, b.height() as u32);
                    let mut levels = vec![0u8; (w * h) as usize];
                    outlined.draw(|x, y, c| {
                        if x < w && y < h {
                            levels[(y * w + x) as usize] = level(c);
                        }
                    });
                    Coverage { left: b.min.x as i32, top: b.min.y as i32, width: w, levels }
                }))
            })
            .clone()
    })
}

/// Each glyph of `text` with its pen position from the start.
/// And the pen position after the last glyph.
fn layout(text: &str, size: u32, bold: bool) -> (Vec<(GlyphId, f32)>, f32) {
    let mut pen = Pen::new(size, bold);
    let mut out = Vec::with_capacity(text.len());
    pen.set(text, |id, caret| out.push((id, caret)));
    (out, pen.caret)
}

/// A pen moving along a line: [`Pen::set`] a piece of text, then another;
/// the sums are the same, in the same order, as laying the whole line out
/// at once, so measuring a line a word at a time gives the same width.
#[derive(Clone, Copy)]
pub struct Pen {
    size: u32,
    bold: bool,
    caret: f32,
    prev: Option<GlyphId>,
}

impl Pen {
    pub fn new(size: u32, bold: bool) -> Pen {
        Pen { size, bold, caret: 0.0, prev: None }
    }

    /// Moves the pen over `text`, calling `place(glyph, caret)` for each.
    fn set(&mut self, text: &str, mut place: impl FnMut(GlyphId, f32)) {
        let (size, bold) = (self.size, self.bold);
        let f = font(bold).as_scaled(PxScale::from(size as f32));
        METRICS.with(|m| {
            let m = &mut *m.borrow_mut();
            for c in text.chars() {
                let (id, advance) = *m.chars.entry((bold, size, c)).or_insert_with(|| {
                    let id = f.glyph_id(c);
                    (id, f.h_advance(id))
                });
                if let Some(p) = self.prev {
                    self.caret += *m.kerns.entry((bold, size, p, id)).or_insert_with(|| f.kern(p, id));
                }
                place(id, self.caret);
                self.caret += advance;
                self.prev = Some(id);
            }
        });
    }

    /// The pen moved over `text`.
    pub fn after(mut self, text: &str) -> Pen {
        self.set(text, |_, _| {});
        self
    }

    /// The width of what the pen has set, as [`width`] gives it.
    pub fn width(&self) -> u32 {
        self.caret.ceil() as u32
    }
}

/// The width of `text` in pixels.
pub fn width(text: &str, size: u32, bold: bool) -> u32 {
    layout(text, size, bold).1.ceil() as u32
}

/// The byte length of the longest start of `text` that is at most `width`
/// pixels wide (one layout, so a long word costs one pass).
pub fn prefix_within(text: &str, size: u32, bold: bool, width: u32) -> usize {
    let f = font(bold).as_scaled(PxScale::from(size as f32));
    let (glyphs, _) = layout(text, size, bold);
    let ends = text.char_indices().map(|(i, c)| i + c.len_utf8());
    let mut keep = 0;
    for ((id, caret), end) in glyphs.into_iter().zip(ends) {
        if (caret + f.h_advance(id)).ceil() > width as f32 {
            break;
        }
        keep = end;
    }
    keep
}

/// The width of `text` at a font size of `size` pixels as a browser or an
/// SVG reads it (the em), where [`width`]'s size is ascent to descent.
pub fn em_width(text: &str, size: u32, bold: bool) -> f64 {
    let f = font(bold);
    let per_em = f.units_per_em().unwrap_or(2048.0);
    let height = f.height_unscaled();
    f64::from(layout(text, size, bold).1) * f64::from(height) / f64::from(per_em)
}

/// Calls `stamp(x, y, levels)` for every row of every glyph of `text` set
/// with its top-left corner at `at`: `levels[i]` is the coverage of pixel
/// `(x + i, y)`, 0 (none) to `LEVELS - 1`.
pub fn draw(text: &str, at: (i32, i32), size: u32, bold: bool, mut stamp: impl FnMut(i32, i32, &[u8])) {
    let baseline = at.1 + font(bold).as_scaled(PxScale::from(size as f32)).ascent().round() as i32;
    for (id, x) in layout(text, size, bold).0 {
        let cov = coverage(bold, size, id);
        let Some(cov) = cov.as_ref() else { continue };
        let (x0, y0) = (at.0 + x.round() as i32 + cov.left, baseline + cov.top);
        for (row, levels) in cov.levels.chunks_exact(cov.width as usize).enumerate() {
            stamp(x0, y0 + row as i32, levels);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_measured_a_word_at_a_time_is_as_wide_as_the_whole_line() {
        let words = "Huyện Kỳ Anh tổng kết 12/20 tiêu chí, 8.850,26 tỷ đồng — «đạt» 107,79% kế hoạch AVAWAY";
        for (size, bold) in [(58, true), (24, false), (30, false), (13, true)] {
            let mut pen = Pen::new(size, bold);
            let mut line = String::new();
            for (i, w) in words.split(' ').enumerate() {
                if i > 0 {
                    pen = pen.after(" ");
                    line.push(' ');
                }
                pen = pen.after(w);
                line.push_str(w);
                assert_eq!(pen.width(), width(&line, size, bold), "{line:?} at {size}");
                assert_eq!(pen.caret.to_bits(), layout(&line, size, bold).1.to_bits());
            }
        }
    }

    #[test]
    fn measures_vietnamese_text() {
        let w = width("Kỳ Anh tổng kết", 30, false);
        assert!(w > 150 && w < 300, "{w}");
        assert!(width("Kỳ Anh", 30, true) >= width("Kỳ Anh", 30, false));
        assert_eq!(width("", 30, false), 0);
    }

    #[test]
    fn stamps_inside_the_text_box_with_valid_levels() {
        let mut n = 0;
        draw("Kỳ Anh", (10, 20), 30, true, |x, y, levels| {
            for (i, &l) in levels.iter().enumerate().filter(|(_, l)| **l > 0) {
                let x = x + i as i32;
                assert!((10..10 + 120).contains(&x) && (20..20 + 40).contains(&y), "({x}, {y})");
                assert!(l < LEVELS);
                n += 1;
            }
        });
        assert!(n > 200, "{n} pixels");
    }
}
