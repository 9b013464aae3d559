//! Drawing a [`ChartSpec`] with plotters' SVG backend, in the [`pen`](super::pen) (share cards are
//! painted by `card`). Layout is in pixels of a fixed-width canvas; the SVG
//! scales by its viewBox. The canvases are narrow (320 and 360 pixels) so
//! that their smallest text, 14 pixels, is still at least 11 CSS pixels in
//! a 390-pixel phone's column and 7 points in a third of an A4 page; every
//! text is measured (`labels`) and set where it overlaps nothing.

use super::labels::{self, clamp_centre, line_height, Anchor};
use super::pen::{dashed, err, look, put, rect, Area, Look, Res, MUTED, PLAN, SMALL, TEXT, TRACK, VALUE, WIDE, WIDTH};
use super::spec::{ChartKind, ChartSpec, Item};
use plotters::prelude::*;

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
        ChartKind::Progress => progress_layout(&spec.items[0], spec).height,
        ChartKind::Trend | ChartKind::Flow => super::series::TREND_HEIGHT,
        ChartKind::Rank => super::series::RANK_HEIGHT,
        ChartKind::Communes | ChartKind::Districts => bar_rows(spec).last().map(|r| r.bottom).unwrap_or(0) as u32 + 6,
    }
}

/// Draws `spec` on `area`, which is [`width`] × [`height`] pixels.
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    area.fill(&WHITE).map_err(err)?;
    match spec.kind {
        ChartKind::Progress => progress(area, spec),
        ChartKind::Trend => super::series::trend(area, spec),
        ChartKind::Rank => super::series::rank(area, spec),
        ChartKind::Flow => super::series::flow(area, spec),
        ChartKind::Communes | ChartKind::Districts => bars(area, spec),
    }
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

/// Cuts `text` into lines no wider than `max` at `size`: at ` · `, then
/// ` (`, then spaces, keeping words whole (a word wider than `max` gets a
/// line of its own).
pub(super) fn fit_lines(text: &str, size: u32, bold: bool, max: i32) -> Vec<String> {
    if labels::width(text, size, bold) <= max {
        return vec![text.to_string()];
    }
    for sep in [" · ", " ("] {
        if let Some(i) = text.find(sep) {
            let (a, b) = text.split_at(i);
            let b = b.strip_prefix(" · ").unwrap_or(b).trim_start();
            let mut out = fit_lines(a, size, bold, max);
            out.extend(fit_lines(b, size, bold, max));
            return out;
        }
    }
    let mut out: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match out.last_mut() {
            Some(line) if labels::width(&format!("{line} {word}"), size, bold) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// Where the parts of a progress chart go.
struct ProgressLayout {
    label: Vec<String>,
    bar_y: i32,
    target_y: i32,
    text: Vec<String>,
    text_y: i32,
    height: u32,
}

const BAR_H: i32 = 26;

fn progress_layout(item: &Item, spec: &ChartSpec) -> ProgressLayout {
    let room = WIDTH as i32 - 16;
    let label = fit_lines(&item.label, 15, false, room);
    let bar_y = 12 + (label.len() as i32 - 1) * line_height(15) + 14;
    let target_y = bar_y + BAR_H + 16;
    let text_y =
        if item.target.is_some() && !spec.target_label.is_empty() { target_y + line_height(14) } else { target_y };
    let text = fit_lines(&item.text, 16, true, room);
    let height = (text_y + (text.len() as i32 - 1) * line_height(16) + 12) as u32;
    ProgressLayout { label, bar_y, target_y, text, text_y, height }
}

fn progress<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let item = &spec.items[0];
    let l = progress_layout(item, spec);
    let (x0, width) = (8, WIDTH as i32 - 16);
    let v = item.value.unwrap_or(0.0);
    let full = [item.max, item.target, Some(v)].into_iter().flatten().fold(0.0, f64::max).max(1e-9);
    let px = |x: f64| (x / full * width as f64).round() as i32;
    for (i, line) in l.label.iter().enumerate() {
        put(area, line, (x0, 12 + i as i32 * line_height(15)), look(15, false, MUTED), Anchor::Start)?;
    }
    bar(area, x0, l.bar_y, px(v), px(item.max.or(item.target).unwrap_or(v)), BAR_H)?;
    if let Some(t) = item.target {
        dashed(area, (x0 + px(t), l.bar_y - 6), (x0 + px(t), l.bar_y + BAR_H + 6))?;
        if !spec.target_label.is_empty() {
            let w = labels::width(&spec.target_label, SMALL, false);
            let x = clamp_centre(x0 + px(t), w, 2, WIDTH as i32 - 2);
            put(area, &spec.target_label, (x, l.target_y), look(SMALL, false, PLAN), Anchor::Middle)?;
        }
    }
    for (i, line) in l.text.iter().enumerate() {
        put(area, line, (x0, l.text_y + i as i32 * line_height(16)), look(16, true, TEXT), Anchor::Start)?;
    }
    Ok(())
}

/// One bar of a communes or districts chart: its name and figure on one
/// line when they fit, else on lines of their own, then the bar.
struct BarRow {
    /// Each line: (left text, right text, y).
    lines: Vec<(String, String, i32)>,
    bar_y: i32,
    bottom: i32,
}

const NAME: Look = look(15, false, TEXT);
const FIGURE: Look = look(SMALL, true, TEXT);
const THIN_BAR: i32 = 14;

fn bar_rows(spec: &ChartSpec) -> Vec<BarRow> {
    let room = WIDE as i32 - 16;
    let mut y = 14;
    let mut rows = Vec::with_capacity(spec.items.len());
    for item in &spec.items {
        let name = fit_lines(&item.label, NAME.size, false, room);
        let text = fit_lines(&item.text, FIGURE.size, true, room);
        let last_name = name.last().map(|n| labels::width(n, NAME.size, false)).unwrap_or(0);
        let together = text.len() == 1 && last_name + 12 + labels::width(&text[0], FIGURE.size, true) <= room;
        let mut lines: Vec<(String, String)> = name.into_iter().map(|n| (n, String::new())).collect();
        if together {
            lines.last_mut().expect("a name").1 = text[0].clone();
        } else {
            lines.extend(text.into_iter().map(|t| (String::new(), t)));
        }
        let mut row = Vec::with_capacity(lines.len());
        for (i, (a, b)) in lines.into_iter().enumerate() {
            if i > 0 {
                y += line_height(NAME.size);
            }
            row.push((a, b, y));
        }
        let bar_y = y + 12;
        rows.push(BarRow { lines: row, bar_y, bottom: bar_y + THIN_BAR });
        y = bar_y + THIN_BAR + 22;
    }
    rows
}

fn bars<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let (x0, right) = (8, WIDE as i32 - 8);
    let full = spec.items.iter().flat_map(|i| [i.value, i.max, i.target]).flatten().fold(0.0, f64::max).max(1e-9);
    let px = |v: f64| ((v / full) * (right - x0) as f64).round() as i32;
    for (item, row) in spec.items.iter().zip(bar_rows(spec)) {
        for (name, figure, y) in &row.lines {
            if !name.is_empty() {
                put(area, name, (x0, *y), NAME, Anchor::Start)?;
            }
            if !figure.is_empty() {
                put(area, figure, (right, *y), FIGURE, Anchor::End)?;
            }
        }
        bar(area, x0, row.bar_y, px(item.value.unwrap_or(0.0)), item.max.map(px).unwrap_or(0), THIN_BAR)?;
        if let Some(t) = item.target {
            dashed(area, (x0 + px(t), row.bar_y - 3), (x0 + px(t), row.bottom + 3))?;
        }
    }
    Ok(())
}
