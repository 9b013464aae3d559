//! Checking the shortcodes of a Markdown body against the site's data.

use super::content::Ctx;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Body, Moment, Period, Shortcode};
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
        return Body { markdown: text, shortcodes: Vec::new(), first_line };
    }
    let extracted = extract(&text, first_line);
    for (pos, msg) in extracted.errors {
        diags.push(Diagnostic::error(file, Some(pos), msg));
    }
    let mut shortcodes = Vec::new();
    for sc in &extracted.shortcodes {
        match shortcode(sc, place, ctx) {
            Ok(s) => shortcodes.push(s),
            Err((msg, hint)) => {
                diags.push(Diagnostic::error(file, Some(sc.pos), msg).with_hint(hint));
                shortcodes.push(Shortcode::Chart { indicator: usize::MAX, district: usize::MAX, latest: true });
            }
        }
    }
    Body { markdown: extracted.markdown.into(), shortcodes, first_line }
}

type Problem = (String, String);

fn arg<'a>(sc: &'a RawShortcode, key: &str) -> Option<&'a str> {
    sc.args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn shortcode(sc: &RawShortcode, place: Place, ctx: &Ctx) -> Result<Shortcode, Problem> {
    let allowed: &[&str] = match sc.name.as_str() {
        "chart" => &["indicator", "district", "as_of"],
        "value" => &["indicator", "period", "district"],
        other => {
            return Err((
                format!("unknown shortcode `{other}`"),
                "the shortcodes are chart(indicator=\"…\") and value(indicator=\"…\", period=\"…\")".into(),
            ));
        }
    };
    if let Some((k, _)) = sc.args.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err((
            format!("`{}` takes no argument `{k}`", sc.name),
            format!("its arguments: {}", allowed.join(", ")),
        ));
    }
    let district = match arg(sc, "district") {
        Some(slug) => ctx.districts.iter().position(|d| d.slug == slug).ok_or_else(|| {
            let known: Vec<&str> = ctx.districts.iter().map(|d| d.slug.as_str()).collect();
            (format!("unknown district `{slug}`"), format!("known districts: {}", known.join(", ")))
        })?,
        None => place.district.ok_or_else(|| {
            (format!("`{}` on a page must name its district", sc.name), "add district=\"<slug>\"".to_string())
        })?,
    };
    let id = arg(sc, "indicator").ok_or_else(|| {
        (format!("`{}` needs indicator=\"…\"", sc.name), "e.g. indicator=\"model-hamlets\"".to_string())
    })?;
    let indicator =
        ctx.indicators.iter().position(|i| i.id == id).ok_or_else(|| {
            (format!("unknown indicator `{id}`"), "use an id from content/indicators.yaml".to_string())
        })?;
    let d = &ctx.districts[district];
    let series = d.series_for(indicator).ok_or_else(|| {
        (
            format!("the district `{}` has no data for `{id}`", d.slug),
            "add observations to its district.yaml, or choose another indicator".to_string(),
        )
    })?;
    if sc.name == "chart" {
        let latest = match arg(sc, "as_of") {
            None => false,
            Some("latest") => true,
            Some(other) => {
                return Err((
                    format!("`as_of` takes only \"latest\", not `{other}`"),
                    "without as_of an article's chart shows the data of its date; as_of=\"latest\" shows all data"
                        .to_string(),
                ))
            }
        };
        return Ok(Shortcode::Chart { indicator, district, latest });
    }
    let Some(text) = arg(sc, "period") else {
        let moment = place.moment.map(|m| m.for_district(district));
        let has_value =
            series.observations.iter().any(|o| o.value.is_some() && moment.as_ref().is_none_or(|m| m.covers(o)));
        if !has_value {
            let date = moment.map(|m| m.date.to_string()).unwrap_or_default();
            return Err((
                format!("`{id}` of `{}` has no value by this article's date ({date})", d.slug),
                "give the period, e.g. period=\"2023\", or write the figure in the text".to_string(),
            ));
        }
        return Ok(Shortcode::Value { indicator, district, period: None });
    };
    let period = Period::parse(text).map_err(|e| (e.0, "use the period exactly as in the data".to_string()))?;
    if !series.observations.iter().any(|o| o.period == period) {
        let known: Vec<String> = series.observations.iter().map(|o| o.period.key()).collect();
        return Err((
            format!("`{id}` of `{}` has no observation for period {text}", d.slug),
            format!("its periods: {}", known.join(", ")),
        ));
    }
    Ok(Shortcode::Value { indicator, district, period: Some(period) })
}
