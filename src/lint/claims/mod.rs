//! Articles checked against the data (FORMAT v2): a figure `A/B` followed
//! by the `unit` of an indicator in an article's text (`12/20 tiêu chí`,
//! `110/154 thôn`), found by the one figure extractor (`import`), is
//! compared with the observations of the indicators of that unit for the
//! article's unit (or, when its sentence names one of the unit's communes,
//! that commune) in the article's moment: (a) the latest period ending on
//! or before the article's date and (b) a period containing the date in its
//! last month. When some of those have total `B` and none of them has value
//! `A`, `check` warns, naming the article's line, the text's figure and the
//! data's figure with its file and line. A figure of a unit no indicator
//! has, or stated as a plan (`phấn đấu`, `kế hoạch`, `mục tiêu`… in its
//! sentence, a table column headed by one, a list led in by one for the
//! other kinds), or quoted (`> …`) is left alone.
//!
//! Amounts, shares of the plan, ranks and percentages are compared where
//! the sentence names the indicator and the period ([`named`]); the lines
//! are read one at a time ([`lines`]).

mod lines;
mod named;

use crate::diag::messages::{Lint, Shown};
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::import::{Figure, Role};
use crate::model::{Article, Observation, Series, Site};
use jiff::civil::Date;

/// A figure of the text that disagrees with the data.
struct Found {
    said: String,
    data: Shown,
    /// The data's place: `file:line`, or `file!D7`.
    place: String,
    /// The period the text named (its key), if the comparison used one.
    of: Option<String>,
}

/// The warnings of one article, whose body's text is `markdown`.
pub fn article(site: &Site, a: &Article, markdown: &str, d: &mut Diagnostics) {
    let units: Vec<String> = site
        .indicators
        .iter()
        .filter_map(|i| i.unit.as_deref())
        .map(str::to_lowercase)
        .filter(|u| !u.is_empty())
        .collect();
    let lines = lines::prose(markdown, &units);
    if lines.is_empty() {
        return;
    }
    let layout = lines::Layout::of(markdown);
    let known = named::known(site);
    let cx = named::Cx { site, article: a, known: &known };
    let texts: Vec<&str> = lines.iter().map(|(_, t)| *t).collect();
    for f in crate::import::figures_of_lines(&texts, Some(a.date)) {
        let (line_index, text) = lines[f.at.0];
        let sentence = sentence_at(text, f.at.1);
        let place = named_place(site, a.district, &sentence.text);
        // A quote is not the article's own statement; a column headed
        // `Kế hoạch` holds plans.
        if text.trim_start().starts_with('>') || layout.plan_column(line_index, f.at.1) {
            continue;
        }
        let found = match f.total {
            Some(total) if f.kind == "count" => count(site, a, &f, total, text, &place).into_iter().collect(),
            _ if layout.lead_in(line_index).is_some_and(crate::import::announces_plan) => Vec::new(),
            _ => named::check(&cx, &f, &sentence, &place),
        };
        for x in found {
            let problem = Lint::FigureDisagrees { said: x.said, data: x.data, of: x.of, place: x.place };
            d.push(Diagnostic::warning(&a.file, Some(Pos::new(a.body.first_line + line_index, f.at.1 + 1)), problem));
        }
    }
}

/// The text-reading steps of the checks on any Markdown, for the fuzzer
/// (`bantin::fuzzing::figures`): where lines stand, sentences, place names,
/// indicator names as phrases.
pub(crate) fn read_text(markdown: &str) {
    let units = ["tỷ đồng".to_string(), "thôn".to_string()];
    let layout = lines::Layout::of(markdown);
    for (index, line) in lines::prose(markdown, &units) {
        let _ = layout.lead_in(index);
        for at in [0, line.chars().count() / 2, line.chars().count()] {
            let _ = layout.plan_column(index, at);
            let sentence = sentence_at(line, at);
            assert!(sentence.at <= sentence.text.chars().count());
            let _ = named::named_places(&sentence.text);
            let _ = names(&sentence.text, "Kỳ Anh");
            let _ = crate::import::names_phrase(line, "Tổng giá trị sản phẩm");
        }
    }
}

/// FORMAT's rule for `A/B unit` (the module's doc): `text` is the line.
fn count(site: &Site, a: &Article, f: &Figure, total: f64, text: &str, place: &Place) -> Option<Found> {
    // A plan (`phấn đấu đạt 20/20 tiêu chí`) states no fact to check.
    if f.role != Role::Value {
        return None;
    }
    // The unit as the extractor read it, or else the words after the
    // figure, when they start with an indicator's unit (`12/20 học sinh`).
    let after: String = text.chars().skip(f.at.2).collect::<String>().trim_start().to_lowercase();
    let unit = f.unit.trim().to_lowercase();
    let of_unit = |u: &str| {
        let u = u.trim().to_lowercase();
        !u.is_empty() && (u == unit || (unit.is_empty() && after.starts_with(&u)))
    };
    let indicators: Vec<usize> =
        (0..site.indicators.len()).filter(|&i| site.indicators[i].unit.as_deref().is_some_and(of_unit)).collect();
    // The figures as they stood then (a later revision is not the
    // article's), with a value: a plan alone states nothing.
    let moment = crate::model::Moment::of(a);
    let candidates: Vec<Observation> = indicators
        .iter()
        .filter_map(|&i| place.series_for(site, i))
        .flat_map(|s| of_moment(s, a.date))
        .map(|o| moment.as_then(o))
        .filter(|o| o.value.is_some())
        .collect();
    let with_total: Vec<&Observation> =
        candidates.iter().filter(|o| o.total.is_some_and(|t| (t.value - total).abs() < 1e-9)).collect();
    let agrees = with_total.iter().any(|o| o.value.is_some_and(|v| (v.value - f.value).abs() < 1e-9));
    let shown = with_total.first().filter(|_| !agrees)?;
    let data = Shown {
        value: shown.value.map_or(0.0, |v| v.value),
        decimals: shown.value.map_or(0, |v| v.decimals),
        total: shown.total.map(|t| t.value),
        unit: String::new(),
        lang: site.settings.lang,
    };
    Some(Found { said: f.text.clone(), data, place: shown.origin.place(), of: None })
}

/// A sentence of a line, and where a figure starts in it (in characters).
struct Sentence {
    text: String,
    at: usize,
}

impl Sentence {
    /// The sentence's text before the figure.
    fn before(&self) -> String {
        self.text.chars().take(self.at).collect()
    }
}

/// The sentence of `line` that holds the character at `at`.
fn sentence_at(line: &str, at: usize) -> Sentence {
    let chars: Vec<char> = line.chars().collect();
    let at = at.min(chars.len());
    let end_of = |c: char| matches!(c, '.' | ';' | '!' | '?');
    let start = chars[..at].iter().rposition(|&c| end_of(c)).map(|i| i + 1).unwrap_or(0);
    let end = chars[at..].iter().position(|&c| end_of(c)).map(|i| at + i).unwrap_or(chars.len());
    Sentence { text: chars[start..end].iter().collect(), at: at - start }
}

/// Whose observations a sentence speaks of.
pub(super) enum Place {
    Unit(usize),
    Commune(usize, usize),
}

impl Place {
    pub(super) fn series_for<'s>(&self, site: &'s Site, indicator: usize) -> Option<&'s Series> {
        match *self {
            Place::Unit(u) => site.districts[u].series_for(indicator),
            Place::Commune(u, c) => site.districts[u].communes[c].series.iter().find(|s| s.indicator == indicator),
        }
    }
}

/// The article's unit, or the one commune of it (a `communes:` entry or a
/// unit whose parent it is) the sentence names; several named: the unit.
fn named_place(site: &Site, unit: usize, sentence: &str) -> Place {
    let d = &site.districts[unit];
    let mut named: Vec<(usize, Place)> = Vec::new();
    for (c, commune) in d.communes.iter().enumerate().filter(|(_, c)| names(sentence, &c.name)) {
        named.push((commune.name.chars().count(), Place::Commune(unit, c)));
    }
    for &c in d.children.iter().filter(|&&c| names(sentence, &site.districts[c].name)) {
        named.push((site.districts[c].name.chars().count(), Place::Unit(c)));
    }
    // `Kỳ Tân Mỹ` also names `Kỳ Tân`: the longest name is the one meant.
    let longest = named.iter().map(|(n, _)| *n).max().unwrap_or(0);
    let mut meant: Vec<Place> = named.into_iter().filter(|(n, _)| *n == longest).map(|(_, p)| p).collect();
    match meant.len() {
        1 => meant.pop().expect("one"),
        _ => Place::Unit(unit),
    }
}

/// Whether `sentence` names `name` as whole words.
fn names(sentence: &str, name: &str) -> bool {
    !name.is_empty()
        && sentence.match_indices(name).any(|(i, _)| {
            let before = sentence[..i].chars().next_back();
            let after = sentence[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The observations of a series in an article's moment: (a) those of the
/// latest period with a value ending on or before `date`, (b) those of a
/// period containing `date` in its last month.
pub(super) fn of_moment(s: &Series, date: Date) -> Vec<&Observation> {
    let latest = s.observations.iter().filter(|o| o.value.is_some() && o.period.end() <= date).map(|o| o.period).max();
    let in_last_month = |o: &&Observation| {
        let (start, end) = (o.period.start(), o.period.end());
        start <= date && date <= end && date.month() == end.month()
    };
    s.observations.iter().filter(|o| Some(o.period) == latest || in_last_month(o)).collect()
}
