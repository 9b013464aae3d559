//! How model values read on a page: observations, periods, changes and
//! statuses, in the site's language.

use crate::model::compare::Basis;
use crate::model::flows;
use crate::model::{Better, Certainty, Granularity, Indicator, Kind, Num, Observation, Period, Status};
use crate::text::lang::{Lang, Strings};
use crate::text::numfmt::{format_number, format_percent, format_signed};

/// A number as written (`8.850,26`).
pub fn num(n: Num, lang: Lang) -> String {
    format_number(n.value, n.decimals as usize, lang)
}

/// A value with its total and unit: `110/154 thôn`, `8.850,26 tỷ đồng`,
/// `95%`, `7/27`.
pub fn value(ind: &Indicator, v: Num, total: Option<Num>, lang: Lang) -> String {
    let main = match (ind.kind, total) {
        (Kind::Count | Kind::Rank, Some(t)) => format!("{}/{}", num(v, lang), num(t, lang)),
        (Kind::Percent, _) => return format!("{}%", num(v, lang)),
        _ => num(v, lang),
    };
    with_unit(main, ind)
}

/// A bare quantity of the indicator (a target), with its unit.
pub fn quantity(ind: &Indicator, v: Num, lang: Lang) -> String {
    if ind.kind == Kind::Percent {
        return format!("{}%", num(v, lang));
    }
    with_unit(num(v, lang), ind)
}

fn with_unit(main: String, ind: &Indicator) -> String {
    match &ind.unit {
        Some(u) if ind.kind != Kind::Percent && u != "%" => format!("{main} {u}"),
        Some(_) => format!("{main}%"),
        None => main,
    }
}

/// A distance between two figures of the indicator, such as what is left
/// to a target: for percents in percentage points (`5 điểm %`, `5 pts`),
/// never in `%`; otherwise a quantity with its unit.
pub fn gap(ind: &Indicator, distance: f64, decimals: u8, lang: Lang) -> String {
    let n = format_number(distance, decimals as usize, lang);
    match (ind.kind, lang) {
        (Kind::Percent, Lang::Vi) => format!("{n} điểm %"),
        (Kind::Percent, Lang::En) => format!("{n} pts"),
        _ => quantity(ind, Num { value: distance, decimals }, lang),
    }
}

/// A derived share: `71,4%`.
pub fn share(p: f64, lang: Lang) -> String {
    format_percent(p, lang)
}

/// A change since the previous observation, and whether it is progress
/// (`better`), a setback (`worse`) or no change (`same`).
pub fn change(ind: &Indicator, delta: f64, decimals: u8, lang: Lang) -> (String, &'static str) {
    let dir = if delta.abs() < 1e-9 {
        "same"
    } else if (delta > 0.0) == (ind.better == Better::Higher) {
        "better"
    } else {
        "worse"
    };
    let text = match (ind.kind, lang) {
        (Kind::Rank, Lang::Vi) if delta < 0.0 => format!("tăng {} bậc", format_number(-delta, decimals as usize, lang)),
        (Kind::Rank, Lang::Vi) if delta > 0.0 => format!("giảm {} bậc", format_number(delta, decimals as usize, lang)),
        (Kind::Rank, Lang::En) if delta != 0.0 => {
            let n = format_number(delta.abs(), decimals as usize, lang);
            let places = if n == "1" { "place" } else { "places" };
            format!("{} {n} {places}", if delta < 0.0 { "up" } else { "down" })
        }
        (Kind::Percent, Lang::Vi) => format!("{} điểm %", format_signed(delta, decimals as usize, lang)),
        (Kind::Percent, Lang::En) => format!("{} pts", format_signed(delta, decimals as usize, lang)),
        _ => with_unit(format_signed(delta, decimals as usize, lang), ind),
    };
    (text, dir)
}

/// What a league group is ranked by, as its caption says: nothing for
/// amounts and percents, `xếp theo tỷ lệ so với tổng số`, `thứ hạng trong số 27`.
pub fn basis(b: Basis, kind: Kind, lang: Lang) -> String {
    let t = lang.strings();
    match b {
        Basis::Value if kind == Kind::Count => t.league_by_number.to_string(),
        Basis::Value => String::new(),
        Basis::Share => t.league_by_share.to_string(),
        Basis::RankOutOf(_) => {
            let total = b.rank_total().unwrap_or_default();
            format!("{} {}", t.league_out_of, format_number(total, if total.fract() == 0.0 { 0 } else { 3 }, lang))
        }
        Basis::Rank => t.league_no_total.to_string(),
    }
}

/// An observation's value as [`value`] writes it, with its status beside it
/// when it is not final (FORMAT v2): `16.930,2 tỷ đồng (ước tính)`.
pub fn reported(ind: &Indicator, v: Num, o: &Observation, lang: Lang) -> String {
    let shown = value(ind, v, o.total, lang);
    match certainty(o.certainty, lang) {
        "" => shown,
        word => format!("{shown} ({word})"),
    }
}

/// The words for a value that is not final: `ước tính`, `sơ bộ`
/// (`estimate`, `preliminary`); empty for a final one.
pub fn certainty(c: Certainty, lang: Lang) -> &'static str {
    match (c, lang) {
        (Certainty::Final, _) => "",
        (Certainty::Estimate, Lang::Vi) => "ước tính",
        (Certainty::Preliminary, Lang::Vi) => "sơ bộ",
        (Certainty::Estimate, Lang::En) => "estimate",
        (Certainty::Preliminary, Lang::En) => "preliminary",
    }
}

/// A figure older than a year, said so: `số liệu năm 2022`, `figure of 2022`.
pub fn stale(p: Period, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("số liệu {}", in_sentence(p, lang)),
        Lang::En => format!("figure of {}", period(p, lang)),
    }
}

/// A period's label inside a Vietnamese sentence: `năm 2022`, `quý 3/2023`.
fn in_sentence(p: Period, lang: Lang) -> String {
    let label = period(p, lang);
    let mut chars = label.chars();
    let first = chars.next().map(|c| c.to_lowercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}", chars.as_str())
}

/// Where a revised value came from: `điều chỉnh từ 16.930,2 tỷ đồng`.
pub fn revised(ind: &Indicator, o: &Observation, lang: Lang) -> Option<String> {
    let from = quantity(ind, o.revision?.from, lang);
    Some(match lang {
        Lang::Vi => format!("điều chỉnh từ {from}"),
        Lang::En => format!("revised from {from}"),
    })
}

/// What a flow's value at `obs[at]` is read with (FORMAT v2): the change
/// on the same period a year earlier, `tăng 14,6% so với cùng kỳ`, and the
/// share of the year's plan, `đạt 75,0% kế hoạch năm`; none for a level.
pub fn flow_figures(ind: &Indicator, obs: &[Observation], at: usize, lang: Lang) -> (Option<String>, Option<String>) {
    if !ind.flow {
        return (None, None);
    }
    let change = flows::change_on_year_earlier(obs, at).map(|c| year_earlier(c, lang));
    let plan = flows::share_of_year_plan(obs, at).map(|s| year_plan(s, lang));
    (change, plan)
}

/// A change on a year earlier in percent, one decimal, in words.
pub fn year_earlier(change: f64, lang: Lang) -> String {
    let c = flows::one_decimal(change);
    let n = format_number(c.abs(), 1, lang);
    match (c.partial_cmp(&0.0), lang) {
        (Some(std::cmp::Ordering::Greater), Lang::Vi) => format!("tăng {n}% so với cùng kỳ"),
        (Some(std::cmp::Ordering::Less), Lang::Vi) => format!("giảm {n}% so với cùng kỳ"),
        (_, Lang::Vi) => "bằng cùng kỳ".to_string(),
        (Some(std::cmp::Ordering::Greater), Lang::En) => format!("up {n}% on a year earlier"),
        (Some(std::cmp::Ordering::Less), Lang::En) => format!("down {n}% on a year earlier"),
        (_, Lang::En) => "the same as a year earlier".to_string(),
    }
}

/// A share of the year's plan in percent, one decimal, in words.
pub fn year_plan(share: f64, lang: Lang) -> String {
    let n = format_number(flows::one_decimal(share), 1, lang);
    match lang {
        Lang::Vi => format!("đạt {n}% kế hoạch năm"),
        Lang::En => format!("{n}% of the year's plan"),
    }
}

/// A period as a heading or a table cell: `Quý 3/2023`, `Q3 2023`.
pub fn period(p: Period, lang: Lang) -> String {
    match (p.granularity, lang) {
        (Granularity::Year, Lang::Vi) => format!("Năm {}", p.year),
        (Granularity::Half, Lang::Vi) if p.index == 1 => format!("6 tháng đầu năm {}", p.year),
        (Granularity::Half, Lang::Vi) => format!("6 tháng cuối năm {}", p.year),
        (Granularity::Quarter, Lang::Vi) => format!("Quý {}/{}", p.index, p.year),
        (Granularity::Month, Lang::Vi) => format!("Tháng {}/{}", p.index, p.year),
        (Granularity::Year, Lang::En) => p.year.to_string(),
        (Granularity::Half, Lang::En) => format!("H{} {}", p.index, p.year),
        (Granularity::Quarter, Lang::En) => format!("Q{} {}", p.index, p.year),
        (Granularity::Month, Lang::En) => format!("{} {}", EN_MONTHS[(p.index - 1) as usize], p.year),
        (Granularity::YearToDate, Lang::Vi) => format!("{} tháng đầu năm {}", p.index, p.year),
        (Granularity::YearToDate, Lang::En) if p.index == 1 => format!("Jan {}", p.year),
        (Granularity::YearToDate, Lang::En) => format!("Jan–{} {}", EN_MONTHS[(p.index - 1) as usize], p.year),
    }
}

/// "As of" a period, in a sentence: `tính đến quý 3/2023`, `as of Q3 2023`.
pub fn as_of(p: Period, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tính đến {}", in_sentence(p, lang)),
        Lang::En => format!("as of {}", period(p, lang)),
    }
}

/// A period in few letters, for chart axes: `T10/2022`, `Oct 2022`.
pub fn period_short(p: Period, lang: Lang) -> String {
    match (p.granularity, lang) {
        (Granularity::Year, _) => p.year.to_string(),
        (Granularity::Half, Lang::Vi) => format!("6T {}/{}", if p.index == 1 { "đầu" } else { "cuối" }, p.year),
        (Granularity::Quarter, Lang::Vi) => format!("Quý {}/{}", p.index, p.year),
        (Granularity::Month, Lang::Vi) => format!("T{}/{}", p.index, p.year),
        (Granularity::YearToDate, Lang::Vi) if p.index == 1 => format!("T1/{}", p.year),
        (Granularity::YearToDate, Lang::Vi) => format!("1–{}/{}", p.index, p.year),
        _ => period(p, lang),
    }
}

const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The status's CSS class and its words.
pub fn status(s: Status, t: &Strings) -> (&'static str, &'static str) {
    match s {
        Status::Achieved => ("achieved", t.status_achieved),
        Status::OnTrack => ("on-track", t.status_on_track),
        Status::Behind => ("behind", t.status_behind),
        Status::NoTarget => ("no-target", t.status_no_target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(kind: Kind, unit: Option<&str>) -> Indicator {
        Indicator {
            id: "x".into(),
            name: "X".into(),
            kind,
            unit: unit.map(Into::into),
            topic: None,
            better: if kind == Kind::Rank { Better::Lower } else { Better::Higher },
            description: None,
            sums: false,
            flow: false,
        }
    }
    fn n(value: f64, decimals: u8) -> Num {
        Num { value, decimals }
    }

    #[test]
    fn values_by_kind() {
        assert_eq!(value(&ind(Kind::Count, Some("thôn")), n(110.0, 0), Some(n(154.0, 0)), Lang::Vi), "110/154 thôn");
        assert_eq!(value(&ind(Kind::Amount, Some("tỷ đồng")), n(8850.26, 2), None, Lang::Vi), "8.850,26 tỷ đồng");
        assert_eq!(value(&ind(Kind::Percent, Some("%")), n(92.25, 2), None, Lang::Vi), "92,25%");
        assert_eq!(value(&ind(Kind::Rank, None), n(7.0, 0), Some(n(27.0, 0)), Lang::En), "7/27");
    }

    #[test]
    fn changes() {
        assert_eq!(change(&ind(Kind::Count, Some("thôn")), 8.0, 0, Lang::Vi), ("+8 thôn".into(), "better"));
        assert_eq!(change(&ind(Kind::Rank, None), -5.0, 0, Lang::Vi), ("tăng 5 bậc".into(), "better"));
        assert_eq!(change(&ind(Kind::Rank, None), 2.0, 0, Lang::En), ("down 2 places".into(), "worse"));
        assert_eq!(change(&ind(Kind::Rank, None), -1.0, 0, Lang::En), ("up 1 place".into(), "better"));
        assert_eq!(change(&ind(Kind::Percent, None), -1.5, 1, Lang::Vi), ("\u{2212}1,5 điểm %".into(), "worse"));
    }

    #[test]
    fn periods() {
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(period(p("2023-Q3"), Lang::Vi), "Quý 3/2023");
        assert_eq!(period(p("2023-H1"), Lang::Vi), "6 tháng đầu năm 2023");
        assert_eq!(period(p("2022-10"), Lang::Vi), "Tháng 10/2022");
        assert_eq!(period_short(p("2022-10"), Lang::Vi), "T10/2022");
        assert_eq!(period_short(p("2023-Q3"), Lang::Vi), "Quý 3/2023");
        assert_eq!(period_short(p("2023-H1"), Lang::Vi), "6T đầu/2023");
        assert_eq!(period_short(p("2023-Q3"), Lang::En), "Q3 2023");
        assert_eq!(period(p("2023"), Lang::Vi), "Năm 2023");
        assert_eq!(period(p("2022-10"), Lang::En), "Oct 2022");
        assert_eq!(period(p("2023-Q3"), Lang::En), "Q3 2023");
        assert_eq!(as_of(p("2023"), Lang::Vi), "tính đến năm 2023");
        assert_eq!(as_of(p("2022-10"), Lang::En), "as of Oct 2022");
    }

    #[test]
    fn years_to_date_and_flow_figures_in_both_languages() {
        let ytd = Period::parse("2023-YTD9").unwrap();
        assert_eq!(period(ytd, Lang::Vi), "9 tháng đầu năm 2023");
        assert_eq!(period(ytd, Lang::En), "Jan–Sep 2023");
        assert_eq!(period(Period::parse("2023-YTD1").unwrap(), Lang::En), "Jan 2023");
        assert_eq!(period_short(ytd, Lang::Vi), "1–9/2023");
        assert_eq!(year_earlier(14.2077, Lang::Vi), "tăng 14,2% so với cùng kỳ");
        assert_eq!(year_earlier(-3.2, Lang::Vi), "giảm 3,2% so với cùng kỳ");
        assert_eq!(year_earlier(14.65, Lang::En), "up 14.7% on a year earlier");
        assert_eq!(year_earlier(-3.25, Lang::En), "down 3.3% on a year earlier");
        assert_eq!(year_earlier(0.04, Lang::Vi), "bằng cùng kỳ");
        assert_eq!(year_plan(77.0245, Lang::Vi), "đạt 77,0% kế hoạch năm");
        assert_eq!(year_plan(75.0, Lang::En), "75.0% of the year's plan");
        assert_eq!(year_plan(1234.56, Lang::Vi), "đạt 1.234,6% kế hoạch năm");
    }
}
