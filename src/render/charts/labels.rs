//! Where a chart's words go: each text measured with the embedded DejaVu
//! Sans metrics (the box a browser gives it), period labels wrapped or
//! thinned to fit their slots, and value labels set where they overlap
//! nothing and stay inside the picture (moved up, or left out: the figure
//! is still in the chart's description and data table).

use super::glyphs;

/// Height of a line of text, in ems: DejaVu Sans' ascent (0.928, which
/// leaves room for Vietnamese stacked marks) plus its descent (0.236).
const LINE_EMS: f64 = 1.164;
/// From a centred text's `y` (plotters sets `dy="0.5ex"`, half the 0.547 em
/// x-height) up to the top of its box, in ems.
const ABOVE_EMS: f64 = 0.928 - 0.2735;

/// Distance between the centres of two stacked lines of `size`.
pub fn line_height(size: u32) -> i32 {
    (size as f64 * LINE_EMS).ceil() as i32 + 1
}

/// How a text sits on its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// An axis-aligned box in canvas pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn within(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// The width of `text` at a font size of `size` canvas pixels, rounded up.
pub fn width(text: &str, size: u32, bold: bool) -> i32 {
    glyphs::em_width(text, size, bold).ceil() as i32
}

/// The box of `text` set at `at` (vertically centred) with `anchor`.
pub fn measure(text: &str, size: u32, bold: bool, anchor: Anchor, at: (i32, i32)) -> Rect {
    let w = width(text, size, bold) as f64;
    let x0 = match anchor {
        Anchor::Start => at.0 as f64,
        Anchor::Middle => at.0 as f64 - w / 2.0,
        Anchor::End => at.0 as f64 - w,
    };
    let y0 = at.1 as f64 - ABOVE_EMS * size as f64;
    Rect { x0, y0, x1: x0 + w, y1: y0 + LINE_EMS * size as f64 }
}

/// The x at which a centred text of width `w` stays within `[lo, hi]`,
/// as near `x` as it can.
pub fn clamp_centre(x: i32, w: i32, lo: i32, hi: i32) -> i32 {
    x.min(hi - (w + 1) / 2).max(lo + (w + 1) / 2)
}

/// The boxes taken so far on a canvas.
#[derive(Debug)]
pub struct Placed {
    view: Rect,
    boxes: Vec<Rect>,
}

impl Placed {
    /// An empty canvas of `w` × `h`, keeping `margin` pixels clear at its edges.
    pub fn new(w: u32, h: u32, margin: f64) -> Placed {
        Placed {
            view: Rect { x0: margin, y0: margin, x1: w as f64 - margin, y1: h as f64 - margin },
            boxes: Vec::new(),
        }
    }

    /// Whether `r` is inside the canvas and overlaps nothing placed
    /// (with a pixel to spare).
    pub fn free(&self, r: &Rect) -> bool {
        let padded = Rect { x0: r.x0 - 1.0, y0: r.y0, x1: r.x1 + 1.0, y1: r.y1 };
        r.within(&self.view) && !self.boxes.iter().any(|b| b.overlaps(&padded))
    }

    pub fn take(&mut self, r: Rect) {
        self.boxes.push(r);
    }

    /// Takes the first of `tries` that is free and returns its index.
    pub fn first_free(&mut self, tries: impl IntoIterator<Item = Rect>) -> Option<usize> {
        let (i, r) = tries.into_iter().enumerate().find(|(_, r)| self.free(r))?;
        self.take(r);
        Some(i)
    }
}

/// The ways to write a period label, best first: whole, then cut into two
/// lines at its last `/` or space, which the line break replaces
/// (`Quý 2/2025` → `Quý 2`, `2025`).
pub fn period_lines(label: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec![label.to_string()]];
    if let Some(i) = label.rfind(['/', ' ']).filter(|&i| i > 0) {
        let (a, b) = label.split_at(i);
        out.push(vec![a.to_string(), b[1..].to_string()]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_labels_are_whole_or_in_two_lines() {
        assert_eq!(period_lines("2023"), [["2023"]]);
        assert_eq!(period_lines("Quý 2/2025")[1], ["Quý 2", "2025"]);
        assert_eq!(period_lines("6T đầu/2024")[1], ["6T đầu", "2024"]);
    }

    #[test]
    fn placed_boxes_do_not_overlap_or_leave_the_canvas() {
        let mut p = Placed::new(100, 50, 1.0);
        let a = measure("118/153", 15, true, Anchor::Middle, (40, 20));
        assert!(p.free(&a));
        p.take(a);
        assert!(!p.free(&measure("110/154", 15, true, Anchor::Middle, (60, 20))));
        assert!(p.free(&measure("110/154", 15, true, Anchor::Middle, (60, 20 + line_height(15)))));
        assert!(!p.free(&measure("Kỳ Anh", 15, false, Anchor::End, (10, 40))));
        assert_eq!(clamp_centre(98, 20, 0, 100), 90);
    }
}
