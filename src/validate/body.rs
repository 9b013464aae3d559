//! Checking the shortcodes of a Markdown body against the site's data.

use super::Ctx;
use crate::diag::messages::{Data, Shortcode as Says};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{flows, Body, Moment, Period, Shortcode, Show};
use crate::parse::markdown::lead;
use crate::parse::shortcode::{extract, RawShortcode};
use crate::text::shared::Shared;

/// Where a body is: an article's district and moment, or a page (which has
/// neither, so its shortcodes must name a district and show all data).
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub district: Option<usize>,
    pub moment: Option<Moment<'a>>,
}

/// Cuts the shortcodes out of `text` and checks each one.
pub fn check(file: &str, text: Shared, first_line: usize, place: Place, ctx: &Ctx, diags: &mut Diagnostics) -> Body {
    // Without `{{` there is no shortcode to cut out: the body is the text
    // as it is, shared rather than copied.
    if !text.contains("{{") {
        let lead = lead(&text);
        return Body { markdown: text.into(), shortcodes: Vec::new(), first_line, lead };
    }
    let extracted = extract(&text, first_line);
    for (pos, msg) in extracted.errors {
        diags.push(Diagnostic::error(file, Some(pos), msg));
    }
    let mut shortcodes = Vec::new();
    for sc in &extracted.shortcodes {
        match shortcode(sc, place, ctx) {
            Ok(s) => shortcodes.push(s),
            Err(Problem::Unchecked) => {
                diags.push(Diagnostic::warning(file, None, Data::Unchecked));
                shortcodes.push(Shortcode::Chart { indicator: usize::MAX, district: usize::MAX, latest: true });
            }
            Err(Problem::Says(problem)) => {
                diags.push(Diagnostic::error(file, Some(sc.pos), problem));
                shortcodes.push(Shortcode::Chart { indicator: usize::MAX, district: usize::MAX, latest: true });
            }
        }
    }
    let lead = lead(&extracted.markdown);
    Body { markdown: Shared::from(extracted.markdown).into(), shortcodes, first_line, lead }
}

/// What is wrong with a shortcode; `Unchecked` when it names an indicator
/// that indicators.yaml's own errors leave unknown.
enum Problem {
    Says(Says),
    Unchecked,
}

impl From<Says> for Problem {
    fn from(s: Says) -> Problem {
        Problem::Says(s)
    }
}

fn arg<'a>(sc: &'a RawShortcode, key: &str) -> Option<&'a str> {
    sc.args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn shortcode(sc: &RawShortcode, place: Place, ctx: &Ctx) -> Result<Shortcode, Problem> {
    let name = sc.name.clone();
    let allowed: &[&str] = match sc.name.as_str() {
        "chart" => &["indicator", "district", "as_of"],
        "value" => &["indicator", "period", "district", "show"],
        _ => return Err(Says::UnknownShortcode { name }.into()),
    };
    if let Some((k, _)) = sc.args.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        let allowed = allowed.iter().map(|a| a.to_string()).collect();
        return Err(Says::NoSuchArgument { name, arg: k.clone(), allowed }.into());
    }
    let district = match arg(sc, "district") {
        Some(slug) => ctx.districts.iter().position(|d| d.slug == slug).ok_or_else(|| {
            let known = ctx.districts.iter().map(|d| d.slug.clone()).collect();
            Says::UnknownDistrict { slug: slug.to_string(), known }
        })?,
        None => place.district.ok_or_else(|| Says::PageNeedsDistrict { name: name.clone() })?,
    };
    let id = arg(sc, "indicator").ok_or_else(|| Says::NeedsIndicator { name: name.clone() })?;
    let indicator = match ctx.indicators.iter().position(|i| i.id == id) {
        Some(i) => i,
        None if ctx.broken.covers(id) => return Err(Problem::Unchecked),
        None => {
            let (closest, known) = super::closest_known(id, ctx);
            return Err(Says::UnknownIndicator { id: id.to_string(), closest, known }.into());
        }
    };
    let d = &ctx.districts[district];
    let series =
        d.series_for(indicator).ok_or_else(|| Says::NoData { district: d.slug.clone(), id: id.to_string() })?;
    if sc.name == "chart" {
        let latest = match arg(sc, "as_of") {
            None => false,
            Some("latest") => true,
            Some(other) => return Err(Says::AsOfOnlyLatest { other: other.to_string() }.into()),
        };
        return Ok(Shortcode::Chart { indicator, district, latest });
    }
    let show = show(sc, &ctx.indicators[indicator])?;
    let Some(text) = arg(sc, "period") else {
        if show != Show::Value {
            return Err(Says::ShowNeedsPeriod.into());
        }
        let moment = place.moment.map(|m| m.for_district(district));
        let has_value =
            series.observations.iter().any(|o| o.value.is_some() && moment.as_ref().is_none_or(|m| m.covers(o)));
        if let (false, Some(m)) = (has_value, moment) {
            return Err(Says::NoValueByDate { id: id.to_string(), district: d.slug.clone(), date: m.date }.into());
        }
        return Ok(Shortcode::Value { indicator, district, period: None, show });
    };
    let period = Period::parse(text).map_err(Says::BadPeriod)?;
    let Some(at) = series.observations.iter().position(|o| o.period == period) else {
        let known = series.observations.iter().map(|o| o.period.key()).collect();
        let (id, district, period) = (id.to_string(), d.slug.clone(), text.to_string());
        return Err(Says::NoObservation { id, district, period, known }.into());
    };
    let derived = match show {
        Show::Value => true,
        Show::YearEarlier => flows::change_on_year_earlier(&series.observations, at).is_some(),
        Show::YearPlan => flows::share_of_plan(&series.observations, at).is_some(),
    };
    if !derived {
        let (id, period) = (id.to_string(), text.to_string());
        return Err(Says::CannotDerive { id, period, plan: show == Show::YearPlan }.into());
    }
    Ok(Shortcode::Value { indicator, district, period: Some(period), show })
}

/// A `value` shortcode's `show`: the value, or for a flow its change on a
/// year earlier (`yoy`) or its share of the year's plan (`plan`).
fn show(sc: &RawShortcode, ind: &crate::model::Indicator) -> Result<Show, Problem> {
    let show = match arg(sc, "show") {
        None | Some("value") => return Ok(Show::Value),
        Some("yoy") => Show::YearEarlier,
        Some("plan") => Show::YearPlan,
        Some(other) => return Err(Says::BadShow { other: other.to_string() }.into()),
    };
    match ind.flow {
        true => Ok(show),
        false => Err(Says::ShowNeedsFlow { id: ind.id.clone() }.into()),
    }
}
