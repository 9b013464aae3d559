//! Checking units over time (FORMAT v2, "Units over time"): a unit's own
//! fields (level, code, `from`, `until`) as its YAML is read ([`fields`]),
//! then, once every unit is known and sorted, the references between them
//! ([`link`]): parents and their circles, predecessors, successors,
//! children, codes shared by units alive on the same day; and the history a
//! unit formed from whole units gets for indicators that add up
//! ([`add_up_history`]).

use crate::diag::messages::Units as Says;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::unit::added_up;
use crate::model::{District, Indicator, Life, Predecessor, Root, Series, Successor};
use crate::parse::raw::{scalar_text, RawDistrict, FORMED_FROM_KEYS, SUCCESSOR_KEYS};
use crate::parse::{unknown_keys, Parsed};
use jiff::civil::Date;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// A reference to another unit, as written: resolved by [`link`].
#[derive(Debug, Clone)]
pub struct Ref {
    /// `unit:`: a slug of the site.
    pub slug: Option<String>,
    /// `name:`: a unit elsewhere.
    pub name: Option<String>,
    pub whole: bool,
    pub url: Option<String>,
    pub pos: Option<Pos>,
}

/// What a unit's YAML says of the other units, to resolve when all are known.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub file: String,
    pub parent: Option<(String, Option<Pos>)>,
    pub formed_from: Vec<Ref>,
    pub successors: Vec<Ref>,
    pub code_pos: Option<Pos>,
}

/// A unit's own v2 fields.
pub struct Fields {
    pub code: Option<String>,
    pub life: Life,
    pub links: Links,
}

/// Reads and checks the v2 fields of one unit's YAML (a district's too).
pub fn fields(doc: &Parsed<RawDistrict>, root: Root, diags: &mut Diagnostics) -> Fields {
    let raw = &doc.value;
    if root == Root::Units && raw.level.as_deref().is_none_or(|l| l.trim().is_empty()) {
        diags.push(Diagnostic::error(&doc.file, doc.pos("level").or(Some(Pos::new(1, 1))), Says::NoLevel));
    }
    let code = raw.code.as_ref().and_then(|v| {
        let text = doc.index.scalar("code").map(str::to_string).or_else(|| scalar_text(v)).unwrap_or_default();
        let text = text.trim().to_string();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            diags.push(doc.error("code", Says::BadCode { code: text }));
            return None;
        }
        Some(text)
    });
    let from = date(doc, "from", raw.from.as_ref(), diags);
    let until = date(doc, "until", raw.until.as_ref(), diags);
    if let (Some(f), Some(u)) = (from, until) {
        if u < f {
            diags.push(doc.error("until", Says::UntilBeforeFrom { from: f.to_string(), until: u.to_string() }));
        }
    }
    if until.is_none() && raw.successors.as_ref().is_some_and(|s| !s.is_empty()) {
        diags.push(Diagnostic::warning(&doc.file, doc.pos("successors"), Says::SuccessorsOfLivingUnit));
    }
    let parent = raw.parent.as_ref().and_then(scalar_text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let links = Links {
        file: doc.file.clone(),
        parent: parent.map(|p| (p, doc.pos("parent"))),
        formed_from: refs(doc, "formed_from", raw.formed_from.as_deref().unwrap_or_default(), diags),
        successors: refs(doc, "successors", raw.successors.as_deref().unwrap_or_default(), diags),
        code_pos: doc.pos("code"),
    };
    Fields { code, life: Life { from, until }, links }
}

/// A `from` or `until` date: `YYYY-MM-DD`.
fn date(doc: &Parsed<RawDistrict>, key: &'static str, value: Option<&Value>, diags: &mut Diagnostics) -> Option<Date> {
    let text = value.and_then(scalar_text)?.trim().to_string();
    let parsed = (text.len() == 10).then(|| text.parse::<Date>().ok()).flatten();
    match parsed {
        Some(d) if crate::model::period::date_in_range(d) => Some(d),
        _ => {
            diags.push(doc.error(key, Says::BadDate { key, value: text }));
            None
        }
    }
}

/// The entries of `formed_from` or `successors`.
fn refs(doc: &Parsed<RawDistrict>, key: &'static str, items: &[Value], diags: &mut Diagnostics) -> Vec<Ref> {
    let keys = if key == "formed_from" { FORMED_FROM_KEYS } else { SUCCESSOR_KEYS };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        unknown_keys(doc, &path, keys, diags);
        let text = |k: &str| {
            let v = match item {
                Value::Mapping(m) => m.get(k),
                _ => None,
            };
            v.and_then(scalar_text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
        };
        let whole = match item {
            Value::Mapping(m) => match m.get("whole") {
                None => true,
                Some(Value::Bool(b)) => *b,
                Some(_) => {
                    diags.push(doc.error(&format!("{path}.whole"), Says::BadWhole));
                    true
                }
            },
            _ => true,
        };
        let (slug, name) = (text("unit"), text("name"));
        if slug.is_none() && name.is_none() {
            diags.push(doc.error(&path, Says::EntryWithoutName { key }));
            continue;
        }
        let pos = doc.pos(&format!("{path}.unit")).or_else(|| doc.pos(&path));
        let url = text("url").filter(|u| {
            let web = u.starts_with("https://") || u.starts_with("http://");
            if !web {
                diags.push(doc.error(&format!("{path}.url"), Says::BadUrl { url: u.clone() }));
            }
            web
        });
        out.push(Ref { slug, name, whole, url, pos });
    }
    out
}

/// Resolves every unit's references, in place; `links[i]` belongs to
/// `units[i]` (sorted for display).
pub fn link(units: &mut [District], links: &[Links], diags: &mut Diagnostics) {
    let slugs: Vec<String> = units.iter().map(|u| u.slug.clone()).collect();
    let by_slug: BTreeMap<&str, usize> = slugs.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
    let find = |key: &'static str, slug: &str, file: &str, pos: Option<Pos>, diags: &mut Diagnostics| {
        let found = by_slug.get(slug).copied();
        if found.is_none() {
            let closest = crate::text::closest::closest(slug, slugs.iter().map(String::as_str)).map(str::to_string);
            diags.push(Diagnostic::error(file, pos, Says::UnknownUnit { key, slug: slug.to_string(), closest }));
        }
        found
    };
    let names: Vec<String> = units.iter().map(|u| u.name.clone()).collect();
    for (i, l) in links.iter().enumerate() {
        repeated_or_self(&slugs[i], l, diags);
        units[i].parent = l.parent.as_ref().and_then(|(p, pos)| find("parent", p, &l.file, *pos, diags));
        units[i].formed_from = l
            .formed_from
            .iter()
            .filter_map(|r| {
                let unit = match &r.slug {
                    Some(s) => Some(find("formed_from", s, &l.file, r.pos, diags)?),
                    None => None,
                };
                let name = unit.map(|u| names[u].clone()).or_else(|| r.name.clone()).unwrap_or_default();
                Some(Predecessor { unit, name, whole: r.whole })
            })
            .collect();
    }
    parent_cycles(units, links, diags);
    successors(units, links, &find, diags);
    for i in 0..units.len() {
        if let Some(p) = units[i].parent {
            units[p].children.push(i);
        }
    }
    shared_codes(units, links, diags);
}

/// A unit named twice in one list (`formed_from`, `successors`), or
/// naming itself: the sum of its history would count a part twice.
fn repeated_or_self(own: &str, l: &Links, diags: &mut Diagnostics) {
    for (key, refs) in [("formed_from", &l.formed_from), ("successors", &l.successors)] {
        for (n, r) in refs.iter().enumerate() {
            let Some(slug) = &r.slug else { continue };
            let twice = refs[..n].iter().any(|e| e.slug.as_ref() == Some(slug));
            if twice || slug == own {
                let problem = Says::NamedTwice { key, slug: slug.clone(), itself: slug == own };
                diags.push(Diagnostic::error(&l.file, r.pos, problem));
            }
        }
    }
}

/// Each circle of parents, reported once, at its first unit in name order.
fn parent_cycles(units: &mut [District], links: &[Links], diags: &mut Diagnostics) {
    let mut in_cycle = vec![false; units.len()];
    for start in 0..units.len() {
        let mut chain = vec![start];
        let mut at = units[start].parent;
        while let Some(p) = at {
            if p == start {
                if !chain.iter().any(|&c| in_cycle[c]) {
                    let mut names: Vec<String> = chain.iter().map(|&c| units[c].slug.clone()).collect();
                    names.push(units[start].slug.clone());
                    let pos = links[start].parent.as_ref().and_then(|(_, pos)| *pos);
                    diags.push(Diagnostic::error(&links[start].file, pos, Says::ParentCycle { chain: names }));
                }
                chain.iter().for_each(|&c| in_cycle[c] = true);
                break;
            }
            if chain.contains(&p) || chain.len() > units.len() {
                break; // a circle above this unit: reported from its own members
            }
            chain.push(p);
            at = units[p].parent;
        }
    }
    // A unit in a circle has no chain of parents to show.
    for (u, bad) in units.iter_mut().zip(in_cycle) {
        if bad {
            u.parent = None;
        }
    }
}

type Find<'a> = dyn Fn(&'static str, &str, &str, Option<Pos>, &mut Diagnostics) -> Option<usize> + 'a;

/// A unit's successors: the units whose `formed_from` names it (in name
/// order), then its own `successors` entries not already among them.
fn successors(units: &mut [District], links: &[Links], find: &Find, diags: &mut Diagnostics) {
    let mut found: Vec<Vec<Successor>> = vec![Vec::new(); units.len()];
    for (j, u) in units.iter().enumerate() {
        for p in u.formed_from.iter().filter_map(|p| p.unit) {
            if !found[p].iter().any(|s| s.unit == Some(j)) {
                found[p].push(Successor { unit: Some(j), name: u.name.clone(), url: None });
            }
        }
    }
    for (i, l) in links.iter().enumerate() {
        for r in &l.successors {
            let unit = match &r.slug {
                Some(s) => match find("successors", s, &l.file, r.pos, diags) {
                    Some(u) => Some(u),
                    None => continue,
                },
                None => None,
            };
            if unit.is_some() && found[i].iter().any(|s| s.unit == unit) {
                continue;
            }
            let name = unit.map(|u| units[u].name.clone()).or_else(|| r.name.clone()).unwrap_or_default();
            found[i].push(Successor { unit, name, url: r.url.clone() });
        }
    }
    for (u, s) in units.iter_mut().zip(found) {
        u.successors = s;
    }
}

/// Units alive on the same day never share a code (a unit formed later
/// may take over a dissolved one's).
fn shared_codes(units: &[District], links: &[Links], diags: &mut Diagnostics) {
    let mut by_code: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, u) in units.iter().enumerate() {
        if let Some(c) = &u.code {
            by_code.entry(c.as_str()).or_default().push(i);
        }
    }
    for (code, holders) in by_code {
        for (n, &b) in holders.iter().enumerate() {
            if let Some(&a) = holders[..n].iter().find(|&&a| units[a].life.overlaps(&units[b].life)) {
                let (other, file) = (units[a].name.clone(), links[a].file.clone());
                let problem = Says::SharedCode { code: code.to_string(), other, file };
                diags.push(Diagnostic::error(&links[b].file, links[b].code_pos, problem));
            }
        }
    }
}

/// Gives each unit formed from whole units of the site its earlier history
/// of every indicator that adds up (FORMAT v2, "Series across a merger").
pub fn add_up_history(units: &mut [District], indicators: &[Indicator]) {
    for u in 0..units.len() {
        let unit = &units[u];
        let Some(from) = unit.life.from else { continue };
        let parts: Option<Vec<usize>> = unit.formed_from.iter().map(|p| p.unit.filter(|_| p.whole)).collect();
        let Some(parts) = parts.filter(|p| !p.is_empty()) else { continue };
        let mut added: Vec<Series> = Vec::new();
        for (i, ind) in indicators.iter().enumerate().filter(|(_, ind)| ind.sums) {
            let series: Option<Vec<&Series>> = parts.iter().map(|&p| units[p].series_for(i)).collect();
            let Some(series) = series else { continue };
            let own = units[u].series_for(i);
            if let Some(mut s) = added_up(&series, own, from, &parts, ind.better) {
                let names: Vec<&str> = parts.iter().map(|&p| units[p].name.as_str()).collect();
                for o in s.observations.iter_mut().filter(|o| !o.added_from.is_empty()) {
                    o.note = Some(names.join(", "));
                }
                added.push(Series { indicator: i, ..s });
            }
        }
        for s in added {
            let series = &mut units[u].series;
            match series.iter().position(|o| o.indicator >= s.indicator) {
                Some(at) if series[at].indicator == s.indicator => series[at] = s,
                Some(at) => series.insert(at, s),
                None => series.push(s),
            }
        }
    }
}
