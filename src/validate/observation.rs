//! Checking one observation, wherever it was written (YAML or CSV).

use crate::diag::messages::{Figures, Quantity};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Certainty, Granularity, Indicator, Kind, Num, Observation, Origin, Period, Revision};
use crate::text::decimal;

/// A cell or scalar as written, with its place.
#[derive(Debug, Clone)]
pub struct Field {
    pub text: String,
    pub pos: Option<Pos>,
}

/// An observation before checking.
#[derive(Debug, Clone)]
pub struct ObsInput {
    pub file: String,
    pub pos: Option<Pos>,
    pub period: Option<Field>,
    pub value: Option<Field>,
    pub total: Option<Field>,
    pub target: Option<Field>,
    pub note: Option<String>,
    pub source: Option<String>,
    /// FORMAT v2: how sure the value is.
    pub status: Option<Field>,
    /// The figure published before, and the period the revision is told in.
    pub revised_from: Option<Field>,
    pub revised_in: Option<Field>,
}

impl ObsInput {
    fn error(&self, field: Option<&Field>, message: Figures) -> Diagnostic {
        Diagnostic::error(&self.file, field.and_then(|f| f.pos).or(self.pos), message)
    }
}

/// Reads a number written with a dot decimal; keeps its count of decimals.
pub fn parse_num(text: &str) -> Option<Num> {
    let t = text.trim();
    let value: f64 = t.parse().ok().filter(|v: &f64| v.is_finite())?;
    if t.contains(['e', 'E', '_']) || t.starts_with(['+', '.']) {
        let shown = format!("{value}");
        let decimals = shown.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
        return Some(Num { value, decimals: decimals.min(12) as u8 });
    }
    let decimals = t.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
    Some(Num { value, decimals: decimals.min(12) as u8 })
}

/// Whether a page can show `n` as it is: below 10^15 (whole numbers up to
/// there are exact in a double) and written back the same with its
/// decimals (at most 12): `1e-300` would be shown as `0,000000000000`.
pub fn exact(n: Num) -> bool {
    n.value.abs() < 1e15 && format!("{:.*}", n.decimals as usize, n.value).parse::<f64>() == Ok(n.value)
}

fn number(input: &ObsInput, field: &Option<Field>, quantity: Quantity, diags: &mut Diagnostics) -> Option<Num> {
    let f = field.as_ref()?;
    let num = parse_num(&f.text);
    if num.is_none() {
        diags.push(input.error(Some(f), Figures::NotANumber { quantity, text: f.text.clone() }));
    } else if num.is_some_and(|n| !exact(n)) {
        diags.push(input.error(Some(f), Figures::NotExact { quantity, text: f.text.trim().to_string() }));
        return None;
    } else if let Some((read, whole)) = decimal::three_decimals(&f.text) {
        let text = f.text.trim().to_string();
        diags.push(Diagnostic::warning(
            &input.file,
            f.pos.or(input.pos),
            Figures::ThreeDecimals { quantity, text, read, whole },
        ));
    }
    num
}

/// Checks an observation of `indicator`; `None` when it is unusable.
pub fn check(input: &ObsInput, indicator: &Indicator, diags: &mut Diagnostics) -> Option<Observation> {
    let before = diags.error_count();
    let period = match &input.period {
        None => {
            diags.push(input.error(None, Figures::NoPeriod));
            None
        }
        Some(f) => {
            Period::parse(f.text.trim()).map_err(|e| diags.push(input.error(Some(f), Figures::BadPeriod(e)))).ok()
        }
    };
    let (value_field, shorthand_total) = split_shorthand(input, diags);
    let value = number(input, &value_field, Quantity::Value, diags);
    let mut total = number(input, &shorthand_total, Quantity::Total, diags);
    if shorthand_total.is_some() && input.total.is_some() {
        diags.push(input.error(input.total.as_ref(), Figures::TotalTwice));
    } else if total.is_none() {
        total = number(input, &input.total, Quantity::Total, diags);
    }
    let target = number(input, &input.target, Quantity::Target, diags);
    if input.value.is_none() && input.target.is_none() {
        diags.push(input.error(None, Figures::NoValueNorTarget));
    }
    let certainty = certainty(input, diags);
    let revision = revision(input, period, diags);
    if let Some(p) = period.filter(|p| p.granularity == Granularity::YearToDate && !indicator.flow) {
        let (id, text) = (indicator.id.clone(), p.key());
        diags.push(Diagnostic::warning(
            &input.file,
            input.period.as_ref().and_then(|f| f.pos),
            Figures::YtdOnLevel { id, text },
        ));
    }
    let obs = Observation {
        period: period?,
        value,
        total,
        target,
        note: input.note.clone().filter(|n| !n.trim().is_empty()),
        source: input.source.clone().filter(|s| !s.trim().is_empty()),
        origin: Origin {
            file: input.file.clone(),
            line: input.pos.map(|p| p.line).unwrap_or(0),
            cell: input.pos.filter(|p| p.cell).map(|p| p.col),
        },
        added_from: Vec::new(),
        certainty,
        revision,
    };
    check_ranges(input, indicator, &obs, diags);
    (diags.error_count() == before).then_some(obs)
}

/// The observation's `status`: final unless it says `estimate` or
/// `preliminary`; any other word is an error.
fn certainty(input: &ObsInput, diags: &mut Diagnostics) -> Certainty {
    let Some(f) = &input.status else { return Certainty::Final };
    Certainty::parse(f.text.trim()).unwrap_or_else(|| {
        diags.push(input.error(Some(f), Figures::BadStatus { text: f.text.trim().to_string() }));
        Certainty::Final
    })
}

/// A revised value's earlier figure (`revised_from`) and the period its
/// revision is told in (`revised_in`, which must end after the value's own
/// period); `revised_in` alone is an error.
fn revision(input: &ObsInput, period: Option<Period>, diags: &mut Diagnostics) -> Option<Revision> {
    let from = number(input, &input.revised_from, Quantity::Value, diags);
    let published = input.revised_in.as_ref().and_then(|f| {
        let p =
            Period::parse(f.text.trim()).map_err(|e| diags.push(input.error(Some(f), Figures::BadPeriod(e)))).ok()?;
        if from.is_none() && input.revised_from.is_none() {
            diags.push(input.error(Some(f), Figures::RevisedInAlone));
        }
        if period.is_some_and(|own| p.end() <= own.end()) {
            let (own, text) = (period.map(|o| o.key()).unwrap_or_default(), p.key());
            diags.push(input.error(Some(f), Figures::RevisedBefore { own, text }));
        }
        Some(p)
    });
    if from.is_some() && input.value.is_none() {
        diags.push(input.error(input.revised_from.as_ref(), Figures::RevisedNoValue));
    }
    from.map(|from| Revision { from, published })
}

fn split_shorthand(input: &ObsInput, diags: &mut Diagnostics) -> (Option<Field>, Option<Field>) {
    let Some(v) = &input.value else { return (None, None) };
    match v.text.split_once('/') {
        None => (Some(v.clone()), None),
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            (Some(Field { text: a.trim().into(), pos: v.pos }), Some(Field { text: b.trim().into(), pos: v.pos }))
        }
        Some(_) => {
            diags.push(input.error(Some(v), Figures::BadShorthand { text: v.text.clone() }));
            (None, None)
        }
    }
}

fn check_ranges(input: &ObsInput, ind: &Indicator, obs: &Observation, diags: &mut Diagnostics) {
    let at = |f: &Option<Field>| f.as_ref().and_then(|f| f.pos).or(input.pos);
    let fail = |diags: &mut Diagnostics, pos: Option<Pos>, problem: Figures| {
        diags.push(Diagnostic::error(&input.file, pos, problem));
    };
    if let Some(t) = obs.total {
        if ind.kind == Kind::Rank && t.value.fract() != 0.0 {
            fail(diags, at(&input.total), Figures::RankTotalNotWhole { total: t.value, decimals: t.decimals });
        }
        if t.value <= 0.0 {
            fail(diags, at(&input.total), Figures::TotalNotPositive { total: t.value, decimals: t.decimals });
        }
    }
    let quantities = [(obs.value, &input.value, Quantity::Value), (obs.target, &input.target, Quantity::Target)];
    for (num, field, quantity) in quantities {
        let Some(n) = num else { continue };
        let (value, decimals) = (n.value, n.decimals);
        match ind.kind {
            Kind::Count | Kind::Rank if n.value < 0.0 => {
                let (id, kind) = (ind.id.clone(), Kind::word(ind.kind));
                fail(diags, at(field), Figures::Negative { quantity, value, decimals, id, kind })
            }
            Kind::Rank if n.value.fract() != 0.0 => fail(diags, at(field), Figures::RankNotWhole { value, decimals }),
            Kind::Rank if n.value < 1.0 => fail(diags, at(field), Figures::RankBelowOne { value, decimals }),
            Kind::Percent if !(0.0..=100.0).contains(&n.value) => {
                fail(diags, at(field), Figures::PercentOutside { quantity, value, decimals })
            }
            _ => {}
        }
        if let (Some(t), Kind::Count | Kind::Rank) = (obs.total, ind.kind) {
            if n.value > t.value + 1e-9 {
                let decimals = (n.decimals, t.decimals);
                fail(diags, at(field), Figures::AboveTotal { quantity, value, total: t.value, decimals });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(value: &str, total: Option<&str>) -> ObsInput {
        let f = |t: &str| Some(Field { text: t.into(), pos: None });
        ObsInput {
            file: "d.yaml".into(),
            pos: None,
            period: f("2022-11"),
            value: f(value),
            total: total.and_then(f),
            target: None,
            note: None,
            source: None,
            status: None,
            revised_from: None,
            revised_in: None,
        }
    }

    fn count() -> Indicator {
        Indicator {
            id: "h".into(),
            name: "H".into(),
            kind: Kind::Count,
            unit: None,
            topic: None,
            better: crate::model::Better::Higher,
            description: None,
            sums: false,
            flow: false,
        }
    }

    #[test]
    fn shorthand_splits_value_and_total() {
        let mut d = Diagnostics::new();
        let o = check(&input("110/154", None), &count(), &mut d).unwrap();
        assert_eq!(o.value, Some(Num { value: 110.0, decimals: 0 }));
        assert_eq!(o.total, Some(Num { value: 154.0, decimals: 0 }));
        assert!(check(&input("110/154", Some("154")), &count(), &mut d).is_none());
        assert!(d.to_string().contains("the total is given twice"));
        let mut d = Diagnostics::new();
        assert!(check(&input("160/154", None), &count(), &mut d).is_none());
        assert!(d.to_string().contains("above its total 154"));
        assert!(check(&input("/154", None), &count(), &mut d).is_none());
    }

    #[test]
    fn figures_a_page_cannot_show_exactly_are_refused() {
        for ok in ["92.25", "8850.20", "0", "1e3", "999999999999999", "0.000000000001", "-3.5"] {
            assert!(exact(parse_num(ok).unwrap()), "{ok}");
        }
        for bad in ["1.7e308", "1e15", "1e-300", "0.1234567890123456"] {
            assert!(!exact(parse_num(bad).unwrap()), "{bad}");
        }
    }

    #[test]
    fn numbers_keep_decimals() {
        assert_eq!(parse_num("92.25"), Some(Num { value: 92.25, decimals: 2 }));
        assert_eq!(parse_num("8850.20"), Some(Num { value: 8850.2, decimals: 2 }));
        assert_eq!(parse_num("22"), Some(Num { value: 22.0, decimals: 0 }));
        assert_eq!(parse_num("1e3"), Some(Num { value: 1000.0, decimals: 0 }));
        assert_eq!(parse_num("8.850,26"), None);
        assert_eq!(parse_num("abc"), None);
        assert_eq!(parse_num(".nan"), None);
        assert_eq!(parse_num("inf"), None);
    }
}
