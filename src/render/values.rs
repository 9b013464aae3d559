//! What a `value` shortcode writes: which observation (its own `period`,
//! or the latest of the article's moment) and how (the value with its
//! status, or for a flow a figure derived from it, `show="yoy"|"plan"`).

use super::format;
use crate::model::{flows, Moment, Period, Show, Site};

/// The period a `value` shortcode shows: its own `period`, or else the
/// latest with a value, of the article's moment when it is in an article.
pub fn value_period(
    site: &Site,
    district: usize,
    indicator: usize,
    period: Option<Period>,
    moment: Option<&Moment>,
) -> Option<Period> {
    period.or_else(|| {
        let s = site.districts[district].series_for(indicator)?;
        let moment = moment.map(|m| m.for_district(district));
        let mut of_moment = s.observations.iter().filter(|o| moment.is_none_or(|m| m.covers(o)));
        of_moment.rfind(|o| o.value.is_some()).map(|o| o.period)
    })
}

/// What `{{ value(...) }}` shows: the value of one observation, or its
/// target when it has no value yet. In an article written before a value
/// was revised (its date before the period of `revised_in`), the figure
/// published then: an old article is not rewritten with the new figure.
pub fn observation_text(
    site: &Site,
    district: usize,
    indicator: usize,
    period: Period,
    moment: Option<&Moment>,
) -> String {
    let ind = &site.indicators[indicator];
    let lang = site.settings.lang;
    let Some(o) =
        site.districts[district].series_for(indicator).and_then(|s| s.observations.iter().find(|o| o.period == period))
    else {
        return String::new();
    };
    // The figure of then, plain: how sure it was then is not recorded.
    if let Some(then) = moment.filter(|m| m.predates(o)).and_then(|m| m.as_then(o).value) {
        return format::quantity(ind, then, lang);
    }
    match (o.value, o.target) {
        (Some(v), _) => format::reported(ind, v, o, lang),
        (None, Some(t)) => format::quantity(ind, t, lang),
        (None, None) => String::new(),
    }
}

/// What a `value` shortcode writes for the observation of `period`: the
/// value, or a figure derived from it (`show`).
pub fn shown_text(
    site: &Site,
    district: usize,
    indicator: usize,
    period: Period,
    show: Show,
    moment: Option<&Moment>,
) -> String {
    if show == Show::Value {
        return observation_text(site, district, indicator, period, moment);
    }
    let series = site.districts[district].series_for(indicator);
    let at = series.and_then(|s| s.observations.iter().position(|o| o.period == period));
    let (Some(s), Some(at)) = (series, at) else { return String::new() };
    // The whole series as the article's day knew it: the value, or a figure
    // a year earlier, may have been revised since.
    let obs: Vec<crate::model::Observation> = match moment {
        Some(m) => s.observations.iter().map(|o| m.as_then(o)).collect(),
        None => s.observations.clone(),
    };
    let lang = site.settings.lang;
    let figure = match show {
        Show::YearEarlier => flows::change_on_year_earlier(&obs, at).map(|c| format::year_earlier(c, lang)),
        Show::YearPlan => flows::share_of_plan(&obs, at).map(|p| format::year_plan(p, lang)),
        Show::Value => None, // written above
    };
    figure.unwrap_or_default()
}
