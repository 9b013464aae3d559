//! Drawing a [`ChartSpec`] with plotters' SVG backend (share cards are
//! painted by `card`). Layout is in pixels of a fixed-width canvas;
//! the SVG scales by its viewBox.

use super::spec::{ChartKind, ChartSpec, Item};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Width of a district's chart (shown in a card column), in canvas pixels.
pub const WIDTH: u32 = 480;
/// Width of the bar charts of communes and districts (shown full width).
pub const WIDE: u32 = 720;

/// Okabe–Ito blue: values (5.3:1 on white).
pub const VALUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe–Ito vermillion: plans and targets (3.9:1 on white).
pub const PLAN: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// The empty part of a bar.
pub const TRACK: RGBColor = RGBColor(0xE4, 0xE9, 0xEF);
pub const TEXT: RGBColor = RGBColor(0x1F, 0x29, 0x33);
pub const MUTED: RGBColor = RGBColor(0x4A, 0x55, 0x61);
pub const AXIS: RGBColor = RGBColor(0x8A, 0x96, 0xA3);

type Area<DB> = DrawingArea<DB, Shift>;
type Res = Result<(), String>;

/// The canvas width a spec needs.
pub fn width(spec: &ChartSpec) -> u32 {
    match spec.kind {
        ChartKind::Communes | ChartKind::Districts => WIDE,
        _ => WIDTH,
    }
}

/// The canvas height a spec needs.
pub fn height(spec: &ChartSpec) -> u32 {
    match spec.kind {
        ChartKind::Progress => 96,
        ChartKind::Trend => 320,
        ChartKind::Rank => 280,
        ChartKind::Communes | ChartKind::Districts => 24 + 34 * spec.items.len() as u32,
    }
}

/// plotters writes SVG font sizes divided by 1.24; this undoes it so
/// `size` is the pixel size on the canvas.
fn px(size: u32) -> f64 {
    size as f64 * 1.24
}

fn font(size: u32, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", px(size)).into_font().color(&color).pos(Pos::new(h, v))
}

fn bold(size: u32, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", px(size), FontStyle::Bold).into_font().color(&color).pos(Pos::new(h, v))
}

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// Draws `spec` on `area`, which is [`WIDTH`] × [`height`] pixels.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    area.fill(&WHITE).map_err(err)?;
    match spec.kind {
        ChartKind::Progress => progress(area, &spec.items[0], &spec.target_label),
        ChartKind::Trend => trend(area, spec),
        ChartKind::Rank => rank(area, spec),
        ChartKind::Communes | ChartKind::Districts => bars(area, spec),
    }
}

fn rect<DB: DrawingBackend>(area: &Area<DB>, a: (i32, i32), b: (i32, i32), style: ShapeStyle) -> Res {
    area.draw(&Rectangle::new([a, b], style)).map_err(err)
}

fn text<DB: DrawingBackend>(area: &Area<DB>, s: &str, at: (i32, i32), style: &TextStyle) -> Res {
    area.draw(&Text::new(s.to_string(), at, style.clone())).map_err(err)
}

fn dashed<DB: DrawingBackend>(area: &Area<DB>, a: (i32, i32), b: (i32, i32)) -> Res {
    area.draw(&DashedPathElement::new(vec![a, b], 5, 4, PLAN.stroke_width(2))).map_err(err)
}

/// A horizontal bar from `x0` of `len` pixels with its track to `track`.
fn bar<DB: DrawingBackend>(area: &Area<DB>, x0: i32, y: i32, len: i32, track: i32, h: i32) -> Res {
    if track > 0 {
        rect(area, (x0, y), (x0 + track, y + h), TRACK.filled())?;
    }
    if len > 0 {
        rect(area, (x0, y), (x0 + len, y + h), VALUE.filled())?;
    }
    Ok(())
}

fn progress<DB: DrawingBackend>(area: &Area<DB>, item: &Item, target_label: &str) -> Res {
    let (x0, width) = (8, WIDTH as i32 - 16);
    let v = item.value.unwrap_or(0.0);
    let full = [item.max, item.target, Some(v)].into_iter().flatten().fold(0.0, f64::max).max(1e-9);
    let px = |x: f64| (x / full * width as f64).round() as i32;
    text(area, &item.label, (x0, 14), &font(15, MUTED, HPos::Left, VPos::Center))?;
    bar(area, x0, 30, px(v), px(item.max.or(item.target).unwrap_or(v)), 28)?;
    if let Some(t) = item.target {
        dashed(area, (x0 + px(t), 24), (x0 + px(t), 64))?;
        text(area, target_label, (x0 + px(t), 80), &font(14, PLAN, HPos::Center, VPos::Center))?;
    }
    text(area, &item.text, (x0, 80), &bold(16, TEXT, HPos::Left, VPos::Center))
}

fn value_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    spec: &ChartSpec,
    y_of: &dyn Fn(f64) -> i32,
    left: i32,
    right: i32,
) -> Res {
    for (v, label) in &spec.ticks {
        text(area, label, (left - 6, y_of(*v)), &font(14, MUTED, HPos::Right, VPos::Center))?;
    }
    let y0 = y_of(0.0);
    area.draw(&PathElement::new(vec![(left, y0), (right, y0)], AXIS.stroke_width(1))).map_err(err)
}

fn trend<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let (left, right, top, bottom) = (60, WIDTH as i32 - 8, 30, 320 - 40);
    let max = spec.ticks.last().map(|t| t.0).unwrap_or(1.0).max(1e-9);
    let y_of = |v: f64| bottom - ((v / max) * (bottom - top) as f64).round() as i32;
    value_axis(area, spec, &y_of, left, right)?;
    let slot = (right - left) / spec.items.len().max(1) as i32;
    let col = (slot as f64 * 0.56).round() as i32;
    for (i, item) in spec.items.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        let (x0, x1) = (cx - col / 2, cx + col / 2);
        match (item.value, item.target) {
            (Some(v), target) => {
                rect(area, (x0, y_of(v)), (x1, bottom), VALUE.filled())?;
                if let Some(t) = target {
                    dashed(area, (x0 - 4, y_of(t)), (x1 + 4, y_of(t)))?;
                }
                let label_y = y_of(v.max(target.unwrap_or(v))) - 10;
                text(area, &item.short, (cx, label_y), &bold(15, TEXT, HPos::Center, VPos::Center))?;
            }
            (None, Some(t)) => {
                let y = y_of(t);
                for (a, b) in [((x0, y), (x1, y)), ((x0, y), (x0, bottom)), ((x1, y), (x1, bottom))] {
                    dashed(area, a, b)?;
                }
                text(area, &item.short, (cx, y - 10), &font(14, PLAN, HPos::Center, VPos::Center))?;
            }
            (None, None) => {}
        }
        text(area, &item.label, (cx, bottom + 18), &font(14, MUTED, HPos::Center, VPos::Center))?;
    }
    Ok(())
}

fn rank<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let (left, right, top, bottom) = (44, WIDTH as i32 - 12, 34, 280 - 44);
    let places = spec.items.iter().flat_map(|i| [i.max, i.value, i.target]).flatten().fold(1.0, f64::max);
    let y_of = |r: f64| top + (((r - 1.0) / (places - 1.0).max(1.0)) * (bottom - top) as f64).round() as i32;
    for (r, label) in [(1.0, "1".to_string()), (places, format!("{places}"))] {
        text(area, &label, (left - 8, y_of(r)), &font(14, MUTED, HPos::Right, VPos::Center))?;
        area.draw(&PathElement::new(vec![(left, y_of(r)), (right, y_of(r))], AXIS.stroke_width(1))).map_err(err)?;
    }
    let slot = (right - left) / spec.items.len().max(1) as i32;
    let points: Vec<(i32, i32)> = spec
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| it.value.map(|v| (left + slot * i as i32 + slot / 2, y_of(v))))
        .collect();
    area.draw(&PathElement::new(points.clone(), VALUE.stroke_width(3))).map_err(err)?;
    for (i, item) in spec.items.iter().enumerate() {
        let cx = left + slot * i as i32 + slot / 2;
        if let Some(v) = item.value {
            area.draw(&Circle::new((cx, y_of(v)), 6, VALUE.filled())).map_err(err)?;
            text(area, &item.short, (cx, y_of(v) - 18), &bold(15, TEXT, HPos::Center, VPos::Center))?;
        }
        if let Some(t) = item.target {
            area.draw(&Circle::new((cx, y_of(t)), 6, PLAN.stroke_width(2))).map_err(err)?;
        }
        text(area, &item.label, (cx, bottom + 24), &font(14, MUTED, HPos::Center, VPos::Center))?;
    }
    Ok(())
}

fn bars<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let (name_w, right) = (160, WIDE as i32 - 230);
    let full = spec.items.iter().flat_map(|i| [i.value, i.max, i.target]).flatten().fold(0.0, f64::max).max(1e-9);
    let px = |v: f64| ((v / full) * (right - name_w) as f64).round() as i32;
    for (i, item) in spec.items.iter().enumerate() {
        let y = 12 + 34 * i as i32;
        text(area, &item.label, (name_w - 8, y + 11), &font(15, TEXT, HPos::Right, VPos::Center))?;
        bar(area, name_w, y, px(item.value.unwrap_or(0.0)), item.max.map(px).unwrap_or(0), 22)?;
        if let Some(t) = item.target {
            dashed(area, (name_w + px(t), y - 4), (name_w + px(t), y + 26))?;
        }
        let end = name_w + px(item.value.unwrap_or(0.0)).max(item.max.map(px).unwrap_or(0));
        text(area, &item.text, (end + 8, y + 11), &bold(14, TEXT, HPos::Left, VPos::Center))?;
    }
    Ok(())
}
