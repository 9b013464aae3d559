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
    named_in(&f.about, known, |k| same_kind(f, k), Naming::Most)
}

/// How much of an indicator's name must be around a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// More than half of its words: enough to suggest (`import`).
    Most,
    /// The name as a phrase, not narrowed by the word after it: enough to
    /// compare (`check`, `lint::claims`; see [`names_phrase`]).
    Phrase,
}

/// The id of the indicator of `f`'s kind (and unit, for counts and
/// amounts) named around it, picked as [`suggest`] picks it.
pub fn indicator_for<'a>(f: &Figure, known: &'a [KnownIndicator], naming: Naming) -> Option<&'a str> {
    named_in(&f.about, known, |k| same_kind(f, k), naming).map(|s| s.id)
}

/// The id of the one indicator among those `fits` keeps named in `about`.
pub fn indicator_named<'a>(
    about: &str,
    known: &'a [KnownIndicator],
    fits: impl Fn(&KnownIndicator) -> bool,
    naming: Naming,
) -> Option<&'a str> {
    named_in(about, known, fits, naming).map(|s| s.id)
}

fn named_in<'a>(
    about: &str,
    known: &'a [KnownIndicator],
    fits: impl Fn(&KnownIndicator) -> bool,
    naming: Naming,
) -> Option<Suggestion<'a>> {
    let around = words_of(about);
    let mut fits: Vec<Suggestion> = known
        .iter()
        .filter(|k| fits(k))
        .filter_map(|k| {
            let unit = words_of(&k.unit);
            let name: Vec<String> = words_of(&k.name)
                .into_iter()
                .filter(|w| !unit.contains(w) && !NAME_STOP_WORDS.contains(&w.as_str()))
                .collect();
            let (matched, enough) = match naming {
                Naming::Most => {
                    let matched = name.iter().filter(|w| around.contains(*w)).count();
                    (matched, matched * 2 > name.len())
                }
                Naming::Phrase => (name.len(), !name.is_empty() && names_phrase(about, &k.name)),
            };
            enough.then_some(Suggestion { id: &k.id, matched, of: name.len() })
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

/// Whether `text` names the indicator `name` as a phrase: its words in
/// order (less the stop words it starts with: `giá trị sản phẩm` names
/// `Tổng giá trị sản phẩm`), followed by the end of the text, a mark, a
/// number or a word of [`AFTER_NAME`]: `giá trị sản phẩm nông nghiệp` is
/// another figure, `giá trị sản phẩm năm 2023` is not.
pub fn names_phrase(text: &str, name: &str) -> bool {
    let words = tokens(text);
    let mut name = tokens(name);
    let leading = name.iter().take_while(|w| NAME_STOP_WORDS.contains(&w.as_str())).count();
    name.drain(..leading);
    if name.is_empty() || name.iter().any(|w| w == MARK) {
        return false;
    }
    (0..words.len()).any(|k| {
        words[k..].starts_with(&name)
            && words.get(k + name.len()).is_none_or(|next| {
                next == MARK || next.starts_with(|c: char| c.is_ascii_digit()) || AFTER_NAME.contains(&next.as_str())
            })
    })
}

/// The token [`tokens`] gives a run of marks.
const MARK: &str = ",";

/// The words of `s` in order as [`words_of`] reads them, each run of marks
/// between them (`|`, `,`, `:`) one [`MARK`].
fn tokens(s: &str) -> Vec<String> {
    let lower: String = s.chars().map(lower).collect();
    let mut out: Vec<String> = Vec::new();
    for piece in lower.split_whitespace() {
        let mut word = String::new();
        for c in piece.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
                    Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
                    None => out.push(one_tone_style(&word)),
                }
                word.clear();
            }
            if c != ' ' && out.last().is_none_or(|l| l != MARK) {
                out.push(MARK.to_string());
            }
        }
    }
    out
}

/// The lowercase words of `s`, abbreviations written out, tone marks in
/// one style.
pub(super) fn words_of(s: &str) -> BTreeSet<String> {
    tokens(s).into_iter().filter(|w| w != MARK).collect()
}

fn one_tone_style(word: &str) -> String {
    for (old, new) in TONE_STYLES {
        if let Some(stem) = word.strip_suffix(old) {
            return format!("{stem}{new}");
        }
    }
    word.to_string()
}
