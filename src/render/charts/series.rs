//! The charts of one district's series over periods: columns (trend) and
//! places (rank). Period labels are wrapped or thinned to fit their slots;
//! value labels are set last, latest first, where they overlap nothing
//! (raised a line or two when a neighbour is in the way, left out when
//! there is no room: the figure stays in the description and data table).

use super::labels::{self, clamp_centre, line_height, measure, Anchor, Placed, Rect};
use super::pen::{
    dashed, err, look, put, put_placed, rect, Area, Look, Res, AXIS, DERIVED, MUTED, PLAN, SMALL, TEXT, VALUE, WIDTH,
};
use super::spec::ChartSpec;
use plotters::prelude::*;

/// Canvas height of a trend chart.
pub const TREND_HEIGHT: u32 = 200;
/// Canvas height of a rank chart.
pub const RANK_HEIGHT: u32 = 190;

const TICK: Look = look(SMALL, false, MUTED);
const FIGURE: Look = look(15, true, TEXT);
const PLANNED: Look = look(SMALL, false, PLAN);

/// The plot's edges, its slots and the period labels under them (each as
/// its lines and centre, or `None` when left out).
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    slot: i32,
    periods: Vec<Option<(Vec<String>, i32)>>,
}

impl Frame {
    /// `floor` is the value axis' label at the bottom, set at `left - floor.1`.
    fn new(spec: &ChartSpec, height: u32, (left, top): (i32, i32), floor: (&str, i32)) -> Frame {
        let right = WIDTH as i32 - 8;
        let slot = (right - left) / spec.items.len().max(1) as i32;
        let mut f = Frame { left, right, top, bottom: 0, slot, periods: vec![None; spec.items.len()] };
        // Latest first, each whole if it has room, else in two lines, else
        // left out. Laid out under a stand-in bottom (500, on a canvas tall
        // enough) as the real one depends on how many lines they need.
        let mut placed = Placed::new(WIDTH, 1000, 1.0);
        placed.take(measure(floor.0, SMALL, false, Anchor::End, (left - floor.1, 500)));
        for (i, item) in spec.items.iter().enumerate().rev() {
            for lines in labels::period_lines(&item.label) {
                let w = lines.iter().map(|l| labels::width(l, SMALL, false)).max().unwrap_or(0);
                let x = clamp_centre(f.centre(i), w, 2, WIDTH as i32 - 2);
                let boxes: Vec<_> = (0..lines.len())
                    .map(|j| measure(&lines[j], SMALL, false, Anchor::Middle, Self::at(x, 500, j)))
                    .collect();
                if boxes.iter().all(|b| placed.free(b)) {
                    boxes.into_iter().for_each(|b| placed.take(b));
                    f.periods[i] = Some((lines, x));
                    break;
                }
            }
        }
        let lines = f.periods.iter().flatten().map(|p| p.0.len()).max().unwrap_or(1) as i32;
        f.bottom = height as i32 - 22 - (lines - 1) * line_height(SMALL);
        f
    }

    /// The frame of a chart of values with ticks on the left (trend, flow),
    /// its plot starting at `top`.
    fn of_values(spec: &ChartSpec, top: i32) -> Frame {
        let left = spec.ticks.iter().map(|(_, l)| labels::width(l, SMALL, false)).max().unwrap_or(0) + 10;
        let floor = spec.ticks.first().map(|t| t.1.as_str()).unwrap_or("");
        Frame::new(spec, TREND_HEIGHT, (left, top), (floor, 6))
    }

    /// Where value `v` stands, with the top tick at the plot's top.
    fn y_of(&self, spec: &ChartSpec, v: f64) -> i32 {
        let max = spec.ticks.last().map(|t| t.0).unwrap_or(1.0).max(1e-9);
        self.bottom - ((v / max) * (self.bottom - self.top) as f64).round() as i32
    }

    /// The value axis: tick labels on the left and the base line.
    fn value_axis<DB: DrawingBackend>(&self, area: &Area<DB>, placed: &mut Placed, spec: &ChartSpec) -> Res {
        for (v, label) in &spec.ticks {
            put_placed(area, placed, label, (self.left - 6, self.y_of(spec, *v)), TICK, Anchor::End)?;
        }
        let base = vec![(self.left, self.bottom), (self.right, self.bottom)];
        area.draw(&PathElement::new(base, AXIS.stroke_width(1))).map_err(err)
    }

    fn at(x: i32, bottom: i32, line: usize) -> (i32, i32) {
        (x, bottom + 12 + line as i32 * line_height(SMALL))
    }

    fn centre(&self, i: usize) -> i32 {
        self.left + self.slot * i as i32 + self.slot / 2
    }

    /// Writes the period labels under the plot.
    fn periods<DB: DrawingBackend>(&self, area: &Area<DB>, placed: &mut Placed) -> Res {
        for (lines, x) in self.periods.iter().flatten() {
            for (j, line) in lines.iter().enumerate() {
                put_placed(area, placed, line, Self::at(*x, self.bottom, j), TICK, Anchor::Middle)?;
            }
        }
        Ok(())
    }
}

/// Writes `s` centred at `x` over `y`, or a line or more higher (or
/// lower, by `step`), wherever it first overlaps nothing; else not at all.
fn value_label<DB: DrawingBackend>(
    area: &Area<DB>,
    placed: &mut Placed,
    s: &str,
    (x, y): (i32, i32),
    l: Look,
    tries: &[i32],
) -> Res {
    if s.is_empty() {
        return Ok(());
    }
    let x = clamp_centre(x, labels::width(s, l.size, l.bold), 2, WIDTH as i32 - 2);
    let spots: Vec<(i32, i32)> = tries.iter().map(|dy| (x, y + dy)).collect();
    match placed.first_free(spots.iter().map(|&at| measure(s, l.size, l.bold, Anchor::Middle, at))) {
        Some(i) => put(area, s, spots[i], l, Anchor::Middle),
        None => Ok(()),
    }
}

pub fn trend<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let f = Frame::of_values(spec, 28);
    let mut placed = Placed::new(WIDTH, TREND_HEIGHT, 1.0);
    let y_of = |v: f64| f.y_of(spec, v);
    f.value_axis(area, &mut placed, spec)?;
    let col = ((f.slot as f64 * 0.56).round() as i32).clamp(2, 60);
    for (i, item) in spec.items.iter().enumerate() {
        let cx = f.centre(i);
        let (x0, x1) = (cx - col / 2, cx + col / 2);
        match (item.value, item.target) {
            (Some(v), target) => {
                placed.take(Rect { x0: x0 as f64, y0: y_of(v) as f64, x1: x1 as f64, y1: f.bottom as f64 });
                let fill = if item.derived { DERIVED } else { VALUE };
                rect(area, (x0, y_of(v)), (x1, f.bottom), fill.filled())?;
                if let Some(t) = target {
                    dashed(area, (x0 - 4, y_of(t)), (x1 + 4, y_of(t)))?;
                }
            }
            (None, Some(t)) => {
                let y = y_of(t);
                placed.take(Rect { x0: x0 as f64, y0: y as f64, x1: x1 as f64, y1: f.bottom as f64 });
                for (a, b) in [((x0, y), (x1, y)), ((x0, y), (x0, f.bottom)), ((x1, y), (x1, f.bottom))] {
                    dashed(area, a, b)?;
                }
            }
            (None, None) => {}
        }
    }
    f.periods(area, &mut placed)?;
    // Counts out of a total lose the total when they are wider than a slot.
    let wide = spec.items.iter().any(|i| labels::width(&i.short, FIGURE.size, true) > f.slot - 2);
    let up = [-10, -10 - line_height(FIGURE.size)];
    for (i, item) in spec.items.iter().enumerate().rev() {
        let short = if wide { item.short.split('/').next().unwrap_or("") } else { item.short.as_str() };
        let (y, l) = match (item.value, item.target) {
            (Some(v), t) => (y_of(v.max(t.unwrap_or(v))), FIGURE),
            (None, Some(t)) => (y_of(t), PLANNED),
            (None, None) => continue,
        };
        value_label(area, &mut placed, short, (f.centre(i), y), l, &up)?;
    }
    Ok(())
}

pub fn rank<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let places = spec.items.iter().flat_map(|i| [i.max, i.value, i.target]).flatten().fold(1.0, f64::max);
    let places_label = format!("{places}");
    let left = labels::width(&places_label, SMALL, false) + 14;
    let f = Frame::new(spec, RANK_HEIGHT, (left, 30), (&places_label, 8));
    let mut placed = Placed::new(WIDTH, RANK_HEIGHT, 1.0);
    let y_of = |r: f64| f.top + (((r - 1.0) / (places - 1.0).max(1.0)) * (f.bottom - f.top) as f64).round() as i32;
    for (r, label) in [(1.0, "1".to_string()), (places, places_label.clone())] {
        put_placed(area, &mut placed, &label, (f.left - 8, y_of(r)), TICK, Anchor::End)?;
        let line = PathElement::new(vec![(f.left, y_of(r)), (f.right, y_of(r))], AXIS.stroke_width(1));
        area.draw(&line).map_err(err)?;
    }
    let points: Vec<(i32, i32)> =
        spec.items.iter().enumerate().filter_map(|(i, it)| it.value.map(|v| (f.centre(i), y_of(v)))).collect();
    area.draw(&PathElement::new(points, VALUE.stroke_width(3))).map_err(err)?;
    for (i, item) in spec.items.iter().enumerate() {
        if let Some(v) = item.value {
            area.draw(&Circle::new((f.centre(i), y_of(v)), 6, VALUE.filled())).map_err(err)?;
        }
        if let Some(t) = item.target {
            area.draw(&Circle::new((f.centre(i), y_of(t)), 6, PLAN.stroke_width(2))).map_err(err)?;
        }
    }
    f.periods(area, &mut placed)?;
    let step = line_height(FIGURE.size);
    let spots = [-17, 17, -17 - step, 17 + step];
    for (i, item) in spec.items.iter().enumerate().rev() {
        if let Some(v) = item.value {
            value_label(area, &mut placed, &item.short, (f.centre(i), y_of(v)), FIGURE, &spots)?;
        }
    }
    Ok(())
}

/// A flow's chart (FORMAT v2): per slot, last year's total to date (grey,
/// left) beside this year's (blue, right), the year's plan as a dashed
/// line, a legend of the two years at the top.
pub fn flow<DB: DrawingBackend>(area: &Area<DB>, spec: &ChartSpec) -> Res {
    let f = Frame::of_values(spec, 40);
    let mut placed = Placed::new(WIDTH, TREND_HEIGHT, 1.0);
    legend(area, &mut placed, spec, f.left)?;
    let y_of = |v: f64| f.y_of(spec, v);
    f.value_axis(area, &mut placed, spec)?;
    let col = ((f.slot as f64 * 0.3).round() as i32).clamp(2, 30);
    for (i, item) in spec.items.iter().enumerate() {
        let cx = f.centre(i);
        if let Some(p) = item.previous {
            placed.take(Rect {
                x0: (cx - col - 1) as f64,
                y0: y_of(p) as f64,
                x1: (cx - 1) as f64,
                y1: f.bottom as f64,
            });
            rect(area, (cx - col - 1, y_of(p)), (cx - 1, f.bottom), AXIS.filled())?;
        }
        if let Some(v) = item.value {
            placed.take(Rect {
                x0: (cx + 1) as f64,
                y0: y_of(v) as f64,
                x1: (cx + col + 1) as f64,
                y1: f.bottom as f64,
            });
            rect(area, (cx + 1, y_of(v)), (cx + col + 1, f.bottom), VALUE.filled())?;
        }
    }
    if let Some(plan) = spec.items.first().and_then(|i| i.target) {
        dashed(area, (f.left, y_of(plan)), (f.right, y_of(plan)))?;
        let at = (f.right - labels::width(&spec.target_label, SMALL, false) / 2 - 2, y_of(plan));
        value_label(area, &mut placed, &spec.target_label, at, PLANNED, &[-9, 9])?;
    }
    f.periods(area, &mut placed)?;
    let up = [-10, -10 - line_height(FIGURE.size)];
    for (i, item) in spec.items.iter().enumerate().rev() {
        let Some(v) = item.value else { continue };
        value_label(area, &mut placed, &item.short, (f.centre(i) + col / 2 + 1, y_of(v)), FIGURE, &up)?;
    }
    Ok(())
}

/// `■ 2023  ■ 2022` at the top left: what the two colours of a flow chart are.
fn legend<DB: DrawingBackend>(area: &Area<DB>, placed: &mut Placed, spec: &ChartSpec, left: i32) -> Res {
    let mut x = left;
    for (label, colour) in spec.legend.iter().zip([VALUE, AXIS]) {
        rect(area, (x, 6), (x + 12, 18), colour.filled())?;
        placed.take(Rect { x0: x as f64, y0: 6.0, x1: (x + 12) as f64, y1: 18.0 });
        put_placed(area, placed, label, (x + 16, 12), TICK, Anchor::Start)?;
        x += 16 + labels::width(label, SMALL, false) + 14;
    }
    Ok(())
}
