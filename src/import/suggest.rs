//! Which indicator of the site a figure may belong to: same kind, same
//! unit (for counts and amounts), and most of the words of its name in the
//! figure's clause.

use super::*;
use std::collections::BTreeSet;

/// An indicator of the site's `content/indicators.yaml`, as import compares
/// figures with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownIndicator {
    pub id: String,
    pub name: String,
    /// `count`, `amount`, `percent`, `rank`, or empty if not given.
    pub kind: String,
    pub unit: String,
}

/// The indicators of an `indicators.yaml` text; entries without an `id`
/// are left out. The text is read as loosely as the build reads it first,
/// so an error here is a file the build would refuse too.
pub fn known_indicators(yaml: &str) -> Result<Vec<KnownIndicator>, serde_yaml::Error> {
    let raw: Vec<crate::parse::raw::RawIndicator> = serde_yaml::from_str(yaml)?;
    Ok(raw
        .into_iter()
        .filter_map(|r| {
            Some(KnownIndicator {
                id: r.id?,
                name: r.name.unwrap_or_default(),
                kind: r.kind.unwrap_or_default(),
                unit: r.unit.unwrap_or_default(),
            })
        })
        .collect())
}

/// An indicator suggested for a figure: its id, and how many of the words
/// of its name (less its unit and [`NAME_STOP_WORDS`]) are in the figure's
/// clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Suggestion<'a> {
    pub(super) id: &'a str,
    pub(super) matched: usize,
    pub(super) of: usize,
}

/// The indicator of `known` that fits `f` best: of the figure's kind, of
/// its unit for counts and amounts, with more than half of the words of
/// its name around the figure. No guess when none fits, or when two fit
/// equally well.
pub(super) fn suggest<'a>(f: &Figure, known: &'a [KnownIndicator]) -> Option<Suggestion<'a>> {
    let around = words_of(&f.about);
    let mut fits: Vec<Suggestion> = known
        .iter()
        .filter(|k| same_kind(f, k))
        .filter_map(|k| {
            let unit = words_of(&k.unit);
            let name: Vec<String> = words_of(&k.name)
                .into_iter()
                .filter(|w| !unit.contains(w) && !NAME_STOP_WORDS.contains(&w.as_str()))
                .collect();
            let matched = name.iter().filter(|w| around.contains(*w)).count();
            (matched * 2 > name.len()).then_some(Suggestion { id: &k.id, matched, of: name.len() })
        })
        .collect();
    // Best first: the larger share of the name, then more words.
    fits.sort_by(|a, b| (b.matched * a.of).cmp(&(a.matched * b.of)).then(b.matched.cmp(&a.matched)));
    match fits.as_slice() {
        [] => None,
        [best, next, ..] if best.matched * next.of == next.matched * best.of && best.matched == next.matched => None,
        [best, ..] => Some(best.clone()),
    }
}

fn same_kind(f: &Figure, k: &KnownIndicator) -> bool {
    let kind = k.kind.is_empty() || k.kind == f.kind;
    let unit = match f.kind {
        "count" | "amount" => words_of(&k.unit) == words_of(&f.unit) && !k.unit.trim().is_empty(),
        _ => true,
    };
    kind && unit
}

/// The lowercase words of `s`, abbreviations written out, tone marks in
/// one style.
pub(super) fn words_of(s: &str) -> BTreeSet<String> {
    let lower: String = s.chars().map(lower).collect();
    let mut out = BTreeSet::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
            None => {
                out.insert(one_tone_style(word));
            }
        }
    }
    out
}

fn one_tone_style(word: &str) -> String {
    for (old, new) in TONE_STYLES {
        if let Some(stem) = word.strip_suffix(old) {
            return format!("{stem}{new}");
        }
    }
    word.to_string()
}
