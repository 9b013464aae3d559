//! Articles checked against the data (FORMAT v2): a figure `A/B` followed
//! by the `unit` of an indicator in an article's text (`12/20 tiêu chí`,
//! `110/154 thôn`), found by the one figure extractor (`import`), is
//! compared with the observations of the indicators of that unit for the
//! article's unit (or, when its sentence names one of the unit's communes,
//! that commune) in the article's moment: (a) the latest period ending on
//! or before the article's date and (b) a period containing the date in its
//! last month. When some of those have total `B` and none of them has value
//! `A`, `check` warns, naming the article's line, the text's figure and the
//! data's figure with its file and line. Nothing else is guessed: a figure
//! without a total, of a unit no indicator has, or stated as a plan in its
//! sentence (`phấn đấu`, `kế hoạch`, `mục tiêu`…) is left alone.

use crate::diag::messages::Lint;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Article, Observation, Series, Site};
use jiff::civil::Date;

/// The warnings of one article.
pub fn article(site: &Site, a: &Article, d: &mut Diagnostics) {
    let lines = prose_lines(&a.body.markdown);
    if lines.is_empty() {
        return;
    }
    let texts: Vec<&str> = lines.iter().map(|(_, t)| *t).collect();
    for f in crate::import::figures_of_lines(&texts, Some(a.date)) {
        // A plan (`phấn đấu đạt 20/20 tiêu chí`) states no fact to check.
        let stated = f.kind == "count" && f.role == crate::import::Role::Value;
        let Some(total) = f.total.filter(|_| stated) else { continue };
        let (line_index, text) = lines[f.at.0];
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
        if indicators.is_empty() {
            continue;
        }
        let place = named_place(site, a.district, &sentence_at(text, f.at.1));
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
        let Some(shown) = with_total.first().filter(|_| !agrees) else { continue };
        let data = format!(
            "{}/{}",
            shown.value.map(|v| v.value.to_string()).unwrap_or_default(),
            shown.total.map(|t| t.value.to_string()).unwrap_or_default()
        );
        let problem = Lint::FigureDisagrees {
            said: f.text.clone(),
            data,
            file: shown.origin.file.clone(),
            line: shown.origin.line,
        };
        d.push(Diagnostic::warning(&a.file, Some(Pos::new(a.body.first_line + line_index, f.at.1 + 1)), problem));
    }
}

/// The lines of a Markdown body that are prose and hold a figure `A/B`,
/// with their index: fenced code is left out, and so (before the extractor,
/// which costs) is every line without a digit, a slash and a digit.
fn prose_lines(markdown: &str) -> Vec<(usize, &str)> {
    let ratio =
        |line: &str| line.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit());
    let mut fenced = false;
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if !fenced && ratio(line) {
            out.push((i, line));
        }
    }
    out
}

/// The sentence of `line` that holds the character at `at`.
fn sentence_at(line: &str, at: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let at = at.min(chars.len());
    let end_of = |c: char| matches!(c, '.' | ';' | '!' | '?');
    let start = chars[..at].iter().rposition(|&c| end_of(c)).map(|i| i + 1).unwrap_or(0);
    let end = chars[at..].iter().position(|&c| end_of(c)).map(|i| at + i).unwrap_or(chars.len());
    chars[start..end].iter().collect()
}

/// Whose observations a sentence speaks of.
enum Place {
    Unit(usize),
    Commune(usize, usize),
}

impl Place {
    fn series_for<'s>(&self, site: &'s Site, indicator: usize) -> Option<&'s Series> {
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
fn of_moment(s: &Series, date: Date) -> Vec<&Observation> {
    let latest = s.observations.iter().filter(|o| o.value.is_some() && o.period.end() <= date).map(|o| o.period).max();
    let in_last_month = |o: &&Observation| {
        let (start, end) = (o.period.start(), o.period.end());
        start <= date && date <= end && date.month() == end.month()
    };
    s.observations.iter().filter(|o| Some(o.period) == latest || in_last_month(o)).collect()
}
