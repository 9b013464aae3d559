//! Figures of an indicator the sentence names (an extension of FORMAT v2's
//! "Articles checked against the data", which asks only for `A/B unit`):
//! an amount (`8.850,26 tỷ đồng`), the share of the plan after it
//! (`đạt 107,79% kế hoạch`), a rank (`đứng thứ 7/27`) and a percentage
//! (`tỷ lệ hộ nghèo còn 2,15%`).
//!
//! The rule: **compare only where the indicator and the period can be
//! told; otherwise say nothing.**
//!
//! 1. *The indicator* is the one of the figure's kind (and unit, for an
//!    amount or a count) whose name the figure's clause (between the
//!    figures around it) writes as a phrase, not narrowed by the word after
//!    it (`giá trị sản phẩm năm 2023`, not `giá trị sản phẩm nông
//!    nghiệp`), and no other fitting as well (`import::names_phrase`).
//! 2. *The period* is the one the sentence names (`năm 2023`, `quý III`,
//!    `9 tháng đầu năm 2023`, or the year a year-end summary reviews). A
//!    total over a period (`measure: flow`) is compared with the
//!    observations of the same span (`9 tháng đầu năm 2023` is
//!    `2023-YTD9`); a level, with those ending on the same day. A level
//!    without a named period is compared with the article's moment; a
//!    flow without one is left alone.
//! 3. *The figure agrees* when it is a value of those observations rounded
//!    to the decimals the text writes (`8.850 tỷ đồng` agrees with
//!    8850.26); a rank with a total, when one of the observations with that
//!    total has that place. A share of the plan agrees with value ÷ target
//!    of the same observation, or, for a flow's shorter period, of its
//!    year's target.
//! 4. *Never compared*: approximations (`gần`, `khoảng`, `hơn`, `trên`…),
//!    plans and changes (their role, as `import` reads it), figures after
//!    `so với` or `cùng kỳ` in their sentence, blockquotes,
//!    and sentences that name a place other than the unit and its communes
//!    (`tỉnh Nghệ An`, `cả nước`): quotes of other units' figures.

use super::{of_moment, Found, Place, Sentence};
use crate::diag::messages::Shown;
use crate::import::{Figure, KnownIndicator, Naming, Role};
use crate::model::{flows, Article, Granularity, Indicator, Kind, Moment, Observation, Period, Site};

/// Words before a number that make it a bound, not a figure.
const APPROXIMATE: &[&str] = &[
    "gần",
    "khoảng",
    "hơn",
    "trên",
    "dưới",
    "xấp xỉ",
    "ngót",
    "chừng",
    "tới",
    "tối thiểu",
    "tối đa",
    "ít nhất",
    "hàng",
    "vượt",
];

/// Words that name a unit of government before its name (`tỉnh Nghệ An`).
const PLACE_WORDS: &[&str] = &["tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu"];

/// The site's indicators as `import` compares figures with them.
pub(super) fn known(site: &Site) -> Vec<KnownIndicator> {
    site.indicators
        .iter()
        .map(|i| KnownIndicator {
            id: i.id.clone(),
            name: i.name.clone(),
            kind: i.kind.word().to_string(),
            unit: i.unit.clone().unwrap_or_default(),
        })
        .collect()
}

/// What the article's figures are checked in.
pub(super) struct Cx<'a> {
    pub(super) site: &'a Site,
    pub(super) article: &'a Article,
    pub(super) known: &'a [KnownIndicator],
}

/// The disagreements of a figure of a named indicator in `sentence`.
pub(super) fn check(cx: &Cx, f: &Figure, sentence: &Sentence, place: &Place) -> Vec<Found> {
    if approximate(f) || added(sentence) || compared(sentence) || other_place(cx, &sentence.text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let named = |kind: Kind| {
        crate::import::indicator_named(&f.about, cx.known, |k| k.kind == kind.word(), Naming::Phrase)
            .and_then(|id| index_of(cx, id))
    };
    match (f.role, f.kind) {
        (Role::Value, "amount" | "count") => {
            if let Some(i) = crate::import::indicator_for(f, cx.known, Naming::Phrase).and_then(|id| index_of(cx, id)) {
                let obs = observations(cx, f, i, place);
                out.extend(value(cx, f, &obs, &cx.site.indicators[i]));
                if let Some(share) = &f.share {
                    let said = ShareSaid::new(share.percent, &share.text, &share.text);
                    out.extend(plan_share(&said, &obs, cx, i, place));
                }
            }
        }
        (Role::Value, "percent") if f.unit == "%" => {
            if let Some(i) = named(Kind::Percent) {
                out.extend(value(cx, f, &observations(cx, f, i, place), &cx.site.indicators[i]));
            }
        }
        (Role::Value, "rank") => {
            if let Some(i) = named(Kind::Rank) {
                out.extend(rank(cx, f, &observations(cx, f, i, place)));
            }
        }
        (Role::PlanShare { paired: false }, _) => {
            if let Some(i) = named(Kind::Amount) {
                let obs = observations(cx, f, i, place);
                out.extend(plan_share(&ShareSaid::new(f.value, &f.text, &f.context), &obs, cx, i, place));
            }
        }
        _ => {}
    }
    out
}

fn index_of(cx: &Cx, id: &str) -> Option<usize> {
    cx.site.indicators.iter().position(|i| i.id == id)
}

/// The observations with a value the figure speaks of, as they stood at the
/// article's moment, and the period the text named (rule 2).
fn observations(cx: &Cx, f: &Figure, i: usize, place: &Place) -> (Vec<Observation>, Option<Period>) {
    let Some(series) = place.series_for(cx.site, i) else { return (Vec::new(), None) };
    let flow = cx.site.indicators[i].flow;
    let moment = Moment::of(cx.article);
    let named = f.period.value.as_deref().filter(|_| f.period.named).map(Period::parse);
    let (picked, period): (Vec<&Observation>, Option<Period>) = match named {
        Some(Ok(p)) => {
            let p = if flow && f.period.to_date && p.granularity == Granularity::Month {
                Period::new(p.year, Granularity::YearToDate, p.index)
            } else {
                p
            };
            let same = |o: &&Observation| {
                o.period.end() == p.end() && (!flow || o.period.start() == p.start()) && moment.covers(o)
            };
            (series.observations.iter().filter(same).collect(), Some(p))
        }
        Some(Err(_)) => (Vec::new(), None),
        None if flow => (Vec::new(), None),
        None => (of_moment(series, cx.article.date), None),
    };
    let obs = picked.into_iter().map(|o| moment.as_then(o)).filter(|o| o.value.is_some()).collect();
    (obs, period)
}

/// An amount or a percentage against the values (rule 3).
fn value(cx: &Cx, f: &Figure, (obs, period): &(Vec<Observation>, Option<Period>), ind: &Indicator) -> Option<Found> {
    let d = number_decimals(&f.text);
    let agrees = obs.iter().any(|o| o.value.is_some_and(|v| same(v.value, f.value, d)));
    let shown = obs.first().filter(|_| !agrees)?;
    let v = shown.value?;
    let unit = match ind.kind {
        Kind::Percent => "%".to_string(),
        _ => ind.unit.clone().unwrap_or_default(),
    };
    Some(found(
        f.text.clone(),
        Shown { value: v.value, decimals: v.decimals, total: None, unit, lang: cx.site.settings.lang },
        shown,
        *period,
    ))
}

/// A rank against the places of the observations with its total, if it
/// has one.
fn rank(cx: &Cx, f: &Figure, (obs, period): &(Vec<Observation>, Option<Period>)) -> Option<Found> {
    let of_total: Vec<&Observation> =
        obs.iter().filter(|o| f.total.is_none_or(|t| o.total.is_some_and(|ot| ot.value == t))).collect();
    let agrees = of_total.iter().any(|o| o.value.is_some_and(|v| v.value == f.value));
    let shown = of_total.first().filter(|_| !agrees)?;
    let v = shown.value?;
    let total = shown.total.map(|t| t.value);
    Some(found(
        f.text.clone(),
        Shown { value: v.value, decimals: 0, total, unit: String::new(), lang: cx.site.settings.lang },
        shown,
        *period,
    ))
}

/// A share of the plan against value ÷ target of the same observation or,
/// for a flow's shorter period, of its year's target.
fn plan_share(
    said: &ShareSaid,
    (obs, period): &(Vec<Observation>, Option<Period>),
    cx: &Cx,
    i: usize,
    place: &Place,
) -> Option<Found> {
    let (percent, decimals) = (said.percent, said.decimals);
    let series = place.series_for(cx.site, i)?;
    // The share of its own target, else of its year's (`kế hoạch năm`).
    let shares: Vec<(f64, &str, &Observation)> = obs
        .iter()
        .filter_map(|o| {
            let own = o.target.filter(|t| t.value != 0.0).and_then(|t| Some(o.value?.value / t.value * 100.0));
            let at = series.observations.iter().position(|s| s.period == o.period)?;
            let year = flows::share_of_year_plan(&series.observations, at).filter(|_| cx.site.indicators[i].flow);
            match (own, year) {
                (Some(s), _) => Some((s, "% kế hoạch", o)),
                (None, Some(s)) => Some((s, "% kế hoạch năm", o)),
                (None, None) => None,
            }
        })
        .collect();
    let agrees = shares.iter().any(|(s, _, _)| same(*s, percent, decimals));
    let (share, unit, shown) = shares.first().filter(|_| !agrees)?;
    let unit = unit.to_string();
    let text = said.text.trim_start_matches(|c: char| !c.is_ascii_digit()).to_string();
    Some(found(
        text,
        Shown { value: round(*share, decimals), decimals, total: None, unit, lang: cx.site.settings.lang },
        shown,
        *period,
    ))
}

/// A share of the plan as the text gives it.
struct ShareSaid {
    /// Of the plan: `vượt 2,25% kế hoạch` (over the plan by 2,25%) is 102,25.
    percent: f64,
    text: String,
    decimals: u8,
}

impl ShareSaid {
    /// `before` holds the verb: the share's own text, or the words before it.
    fn new(percent: f64, text: &str, before: &str) -> ShareSaid {
        let over = before.to_lowercase().split_whitespace().any(|w| w == "vượt");
        let percent = if over { percent + 100.0 } else { percent };
        ShareSaid { percent, text: text.to_string(), decimals: number_decimals(text) }
    }
}

fn found(said: String, data: Shown, o: &Observation, period: Option<Period>) -> Found {
    Found { said, data, place: o.origin.place(), of: period.map(Period::key) }
}

/// Whether `data` rounded to `decimals` is `text`.
fn same(data: f64, text: f64, decimals: u8) -> bool {
    (round(data, decimals) - text).abs() < 1e-9 * text.abs().max(1.0)
}

fn round(x: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (x * scale).round() / scale
}

/// The decimals of the first number of `text` (`8.850,26 tỷ đồng`: 2).
fn number_decimals(text: &str) -> u8 {
    let number: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    number.split_once(',').map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count() as u8)
}

/// The number is a bound (`gần 8.900 tỷ đồng`), not a figure; a share of
/// the plan after `vượt` is the share over the plan ([`ShareSaid`]).
fn approximate(f: &Figure) -> bool {
    if matches!(f.role, Role::PlanShare { .. }) {
        return false;
    }
    let context = f.context.to_lowercase();
    APPROXIMATE.iter().any(|w| context == *w || context.ends_with(&format!(" {w}")))
}

/// The figure is one of what its sentence adds (`thêm 1 xã … và 2 xã …`):
/// a change, whatever its own words.
fn added(sentence: &Sentence) -> bool {
    sentence.before().to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == "thêm")
}

/// The figure follows a comparison in its sentence (`so với 6 tháng đầu
/// năm 2021, khi … chỉ đạt 1.204,8 tỷ đồng`): it may be the figure compared
/// with, of a period the sentence does not tell.
fn compared(sentence: &Sentence) -> bool {
    let before = sentence.before().to_lowercase();
    before.contains("so với") || before.contains("cùng kỳ")
}

/// The sentence names a place other than the article's unit, its communes
/// and its children, or the whole country.
fn other_place(cx: &Cx, sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    if ["cả nước", "toàn quốc", "bình quân chung"].iter().any(|w| lower.contains(w)) {
        return true;
    }
    let unit = &cx.site.districts[cx.article.district];
    let ours = |name: &str| {
        name == unit.name
            || unit.communes.iter().any(|c| c.name == name)
            || unit.children.iter().any(|&c| cx.site.districts[c].name == name)
    };
    named_places(sentence).iter().any(|name| !ours(name))
}

/// The names after a place word: `tỉnh Nghệ An` → `Nghệ An`.
pub(super) fn named_places(sentence: &str) -> Vec<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for k in 0..words.len() {
        let after = PLACE_WORDS.iter().find_map(|p| {
            let n = p.split(' ').count();
            let here = words.get(k..k + n)?.join(" ").to_lowercase();
            (here == *p).then_some(k + n)
        });
        let Some(start) = after else { continue };
        let name: Vec<&str> = words[start..]
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        if !name.is_empty() {
            out.push(name.join(" "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_agrees_with_the_data_rounded_to_the_decimals_the_text_writes() {
        assert!(same(8850.26, 8850.0, 0));
        assert!(same(8850.26, 8850.3, 1));
        assert!(!same(8850.26, 8900.0, 0));
        assert!(!same(8850.26, 8850.2, 1));
        assert_eq!(number_decimals("8.850,26 tỷ đồng"), 2);
        assert_eq!(number_decimals("đạt 107,8% kế hoạch"), 1);
        assert_eq!(number_decimals("8.850 tỷ đồng"), 0);
    }

    #[test]
    fn a_share_over_the_plan_is_a_hundred_more() {
        assert_eq!(ShareSaid::new(2.25, "vượt 2,25% kế hoạch", "vượt 2,25% kế hoạch").percent, 102.25);
        assert_eq!(ShareSaid::new(107.79, "đạt 107,79% kế hoạch", "").percent, 107.79);
        assert_eq!(ShareSaid::new(2.25, "2,25% kế hoạch", "sản lượng vượt").decimals, 2);
    }

    #[test]
    fn a_place_word_before_a_capitalised_name_names_a_place() {
        assert_eq!(named_places("Tỉnh Nghệ An đạt 9.000 tỷ đồng, huyện đạt 12."), vec!["Nghệ An".to_string()]);
        assert_eq!(named_places("xã Kỳ Châu (cũ) đạt"), vec!["Kỳ Châu".to_string()]);
        assert!(named_places("toàn huyện đạt 8.850 tỷ đồng").is_empty());
    }
}
