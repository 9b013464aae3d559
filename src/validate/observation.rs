//! Checking one observation, wherever it was written (YAML or CSV).

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Indicator, Kind, Num, Observation, Origin, Period};
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
}

impl ObsInput {
    fn error(&self, field: Option<&Field>, message: String) -> Diagnostic {
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

fn number(input: &ObsInput, field: &Option<Field>, name: &str, diags: &mut Diagnostics) -> Option<Num> {
    let f = field.as_ref()?;
    let num = parse_num(&f.text);
    if num.is_none() {
        let hint = match decimal::yaml_way(&f.text) {
            Some(n) => format!(
                "write `{n}`: numbers take a dot decimal and no thousands separator; `{}` is how a page shows it",
                f.text.trim()
            ),
            None => "write a number, e.g. 118 or 8850.26".to_string(),
        };
        diags.push(input.error(Some(f), format!("the {name} `{}` is not a number", f.text)).with_hint(hint));
    } else if let Some((read, whole)) = decimal::three_decimals(&f.text) {
        diags.push(
            Diagnostic::warning(
                &input.file,
                f.pos.or(input.pos),
                format!("the {name} `{}` is read as {read} (a dot is the decimal point)", f.text.trim()),
            )
            .with_hint(format!(
                "if you meant {whole}, write `{whole}` without the dot; to keep {read}, write it with fewer or more decimals"
            )),
        );
    }
    num
}

/// Checks an observation of `indicator`; `None` when it is unusable.
pub fn check(input: &ObsInput, indicator: &Indicator, diags: &mut Diagnostics) -> Option<Observation> {
    let before = diags.error_count();
    let period = match &input.period {
        None => {
            diags.push(
                input
                    .error(None, "this observation has no `period`".into())
                    .with_hint("add e.g. `period: 2023` (YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM)"),
            );
            None
        }
        Some(f) => Period::parse(f.text.trim()).map_err(|e| diags.push(input.error(Some(f), e.0))).ok(),
    };
    let (value_field, shorthand_total) = split_shorthand(input, diags);
    let value = number(input, &value_field, "value", diags);
    let mut total = number(input, &shorthand_total, "total", diags);
    if shorthand_total.is_some() && input.total.is_some() {
        diags.push(
            input
                .error(input.total.as_ref(), "the total is given twice: in `value: a/b` and in `total:`".into())
                .with_hint("keep one of them"),
        );
    } else if total.is_none() {
        total = number(input, &input.total, "total", diags);
    }
    let target = number(input, &input.target, "target", diags);
    if input.value.is_none() && input.target.is_none() {
        diags.push(
            input
                .error(None, "this observation has neither a `value` nor a `target`".into())
                .with_hint("give the result as `value:`, or the plan as `target:`"),
        );
    }
    let obs = Observation {
        period: period?,
        value,
        total,
        target,
        note: input.note.clone().filter(|n| !n.trim().is_empty()),
        source: input.source.clone().filter(|s| !s.trim().is_empty()),
        origin: Origin { file: input.file.clone(), line: input.pos.map(|p| p.line).unwrap_or(0) },
    };
    check_ranges(input, indicator, &obs, diags);
    (diags.error_count() == before).then_some(obs)
}

fn split_shorthand(input: &ObsInput, diags: &mut Diagnostics) -> (Option<Field>, Option<Field>) {
    let Some(v) = &input.value else { return (None, None) };
    match v.text.split_once('/') {
        None => (Some(v.clone()), None),
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            (Some(Field { text: a.trim().into(), pos: v.pos }), Some(Field { text: b.trim().into(), pos: v.pos }))
        }
        Some(_) => {
            diags.push(input.error(Some(v), format!("`{}` is not a value: write `110/154` or a number", v.text)));
            (None, None)
        }
    }
}

fn check_ranges(input: &ObsInput, ind: &Indicator, obs: &Observation, diags: &mut Diagnostics) {
    let at = |f: &Option<Field>| f.as_ref().and_then(|f| f.pos).or(input.pos);
    let fail = |diags: &mut Diagnostics, pos: Option<Pos>, msg: String, hint: &str| {
        diags.push(Diagnostic::error(&input.file, pos, msg).with_hint(hint.to_string()));
    };
    let show = |n: Num| format!("{:.*}", n.decimals as usize, n.value);
    if let Some(t) = obs.total {
        if ind.kind == Kind::Rank && t.value.fract() != 0.0 {
            fail(
                diags,
                at(&input.total),
                format!("the total {} of a rank is not a whole number", show(t)),
                "a rank is out of a number of places, e.g. 7/27",
            );
        }
        if t.value <= 0.0 {
            fail(
                diags,
                at(&input.total),
                format!("the total {} must be above 0", show(t)),
                "a total counts the things a value is out of",
            );
        }
    }
    for (num, field, name) in [(obs.value, &input.value, "value"), (obs.target, &input.target, "target")] {
        let Some(n) = num else { continue };
        match ind.kind {
            Kind::Count | Kind::Rank if n.value < 0.0 => fail(
                diags,
                at(field),
                format!("the {name} {} is negative, but `{}` is a {}", show(n), ind.id, kind_name(ind.kind)),
                "counts and ranks cannot be below zero",
            ),
            Kind::Rank if n.value.fract() != 0.0 => fail(
                diags,
                at(field),
                format!("the rank {} is not a whole number", show(n)),
                "a rank is a place: 1, 2, 3…",
            ),
            Kind::Rank if n.value < 1.0 => {
                fail(diags, at(field), format!("the rank {} is below 1", show(n)), "rank 1 is the first place")
            }
            Kind::Percent if !(0.0..=100.0).contains(&n.value) => fail(
                diags,
                at(field),
                format!("the {name} {}% is outside 0..100", show(n)),
                "a percent indicator is a share from 0 to 100; use kind amount for other figures",
            ),
            _ => {}
        }
        if let (Some(t), Kind::Count | Kind::Rank) = (obs.total, ind.kind) {
            if n.value > t.value + 1e-9 {
                fail(
                    diags,
                    at(field),
                    format!("the {name} {} is above its total {}", show(n), show(t)),
                    "a count or rank cannot exceed the total it is out of; check both numbers",
                );
            }
        }
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "count",
        Kind::Amount => "amount",
        Kind::Percent => "percent",
        Kind::Rank => "rank",
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
