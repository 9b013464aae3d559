//! The pen every chart is drawn with: the canvas widths, the palette (the
//! same colours the theme's CSS classes name), how a text looks, and the
//! few plotters calls that put a text, a box or a dashed line on an area.

use super::labels::{measure, Anchor, Placed};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Width of a district's chart (shown in a card column), in canvas pixels.
pub const WIDTH: u32 = 320;
/// Width of the bar charts of communes and districts: names over bars.
pub const WIDE: u32 = 360;
/// The smallest text of a chart, in canvas pixels.
pub const SMALL: u32 = 14;

/// Okabe–Ito blue: values (5.3:1 on white).
pub const VALUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// A value added up across a merger, not reported: a paler blue, left
/// without a theme class so it keeps this colour (3.0:1 on white).
pub const DERIVED: RGBColor = RGBColor(0x5E, 0x9F, 0xCC);
/// Okabe–Ito vermillion: plans and targets (3.9:1 on white).
pub const PLAN: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// The empty part of a bar.
pub const TRACK: RGBColor = RGBColor(0xE4, 0xE9, 0xEF);
pub const TEXT: RGBColor = RGBColor(0x1F, 0x29, 0x33);
pub const MUTED: RGBColor = RGBColor(0x4A, 0x55, 0x61);
pub const AXIS: RGBColor = RGBColor(0x8A, 0x96, 0xA3);

pub type Area<DB> = DrawingArea<DB, Shift>;
pub type Res = Result<(), DrawError>;

/// plotters writes SVG font sizes divided by 1.24; this undoes it so
/// `size` is the pixel size on the canvas.
fn px(size: u32) -> f64 {
    size as f64 * 1.24
}

/// How a text looks: size, weight and colour.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub size: u32,
    pub bold: bool,
    pub color: RGBColor,
}

pub const fn look(size: u32, bold: bool, color: RGBColor) -> Look {
    Look { size, bold, color }
}

/// Why plotters could not draw a chart (its own error, as it describes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

/// Any error of plotters' drawing area as a [`DrawError`].
pub fn err<E: std::fmt::Debug>(e: E) -> DrawError {
    DrawError(format!("{e:?}"))
}

/// Writes `s` vertically centred on `at`.
pub fn put<DB: DrawingBackend>(area: &Area<DB>, s: &str, at: (i32, i32), l: Look, anchor: Anchor) -> Res {
    let h = match anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let font = if l.bold {
        ("sans-serif", px(l.size), FontStyle::Bold)
    } else {
        ("sans-serif", px(l.size), FontStyle::Normal)
    };
    let style = font.into_font().color(&l.color).pos(Pos::new(h, VPos::Center));
    area.draw(&Text::new(s.to_string(), at, style)).map_err(err)
}

/// Writes `s` at `at` and takes its box on `placed`.
pub fn put_placed<DB: DrawingBackend>(
    area: &Area<DB>,
    placed: &mut Placed,
    s: &str,
    at: (i32, i32),
    l: Look,
    anchor: Anchor,
) -> Res {
    placed.take(measure(s, l.size, l.bold, anchor, at));
    put(area, s, at, l, anchor)
}

pub fn rect<DB: DrawingBackend>(area: &Area<DB>, a: (i32, i32), b: (i32, i32), style: ShapeStyle) -> Res {
    area.draw(&Rectangle::new([a, b], style)).map_err(err)
}

pub fn dashed<DB: DrawingBackend>(area: &Area<DB>, a: (i32, i32), b: (i32, i32)) -> Res {
    area.draw(&DashedPathElement::new(vec![a, b], 5, 4, PLAN.stroke_width(2))).map_err(err)
}
