//! A unit's place in the tree and in time, as its pages show it (FORMAT v2,
//! "Units over time"): the trail of its parents, the banner of a dissolved
//! unit with its successors, where a new unit came from, its children; and
//! the list of every unit by level (`units/index.html`).
//!
//! Every page of a unit (dashboard, articles, bulletins) gets the same
//! [`Place`]; the default theme's `partials/unit_trail.html` and
//! `partials/unit_banner.html` show it. For a v1 district with none of the
//! new fields the trail is the v1 breadcrumb and the banner is empty, so v1
//! pages keep their bytes.

use super::views::{self, DistrictGlance, Link};
use crate::model::{District, Root, Site};
use crate::route::Route;
use crate::text::numfmt::format_date;
use serde::Serialize;

/// A unit's place, for its pages. Links are relative to the output root.
#[derive(Debug, Serialize)]
pub struct Place {
    /// The list the trail starts from: every district, or every unit.
    pub index: Link,
    /// Its parents, the largest first.
    pub parents: Vec<Link>,
    pub level: String,
    pub code: String,
    /// For a dissolved unit: its last day and its successors.
    pub dissolved: Option<Dissolved>,
    /// For a unit formed on a day or from others.
    pub formed: Option<Formed>,
    pub children: Vec<Child>,
}

#[derive(Debug, Serialize)]
pub struct Dissolved {
    /// As the site's language writes a date (`30/06/2025`).
    pub until: String,
    pub until_iso: String,
    pub successors: Vec<Other>,
}

#[derive(Debug, Serialize)]
pub struct Formed {
    pub from: String,
    pub from_iso: String,
    pub predecessors: Vec<Other>,
}

/// Another unit: of this site (`href` relative to the root), elsewhere
/// (`url` absolute), or only named.
#[derive(Debug, Serialize)]
pub struct Other {
    pub label: String,
    pub href: String,
    pub url: String,
    /// A predecessor of which only a part went in.
    pub part: bool,
}

#[derive(Debug, Serialize)]
pub struct Child {
    pub label: String,
    pub level: String,
    pub href: String,
    pub dissolved: bool,
    /// Its last day, for a dissolved one (`30/06/2025`).
    pub until: String,
}

fn href(d: &District) -> String {
    views::district_href(d)
}

/// The place of the unit at `di`.
pub fn place(site: &Site, di: usize) -> Place {
    let d = &site.districts[di];
    let lang = site.settings.lang;
    let t = lang.strings();
    let index = match d.root {
        Root::Districts => Link { label: t.districts.into(), href: "districts/index.html".into() },
        Root::Units => Link { label: t.units.into(), href: format!("{}index.html", Route::Units.dir()) },
    };
    let site_unit = |u: usize| &site.districts[u];
    let dissolved = d.life.until.map(|until| Dissolved {
        until: format_date(until, lang),
        until_iso: until.to_string(),
        successors: d
            .successors
            .iter()
            .map(|s| Other {
                label: s.name.clone(),
                href: s.unit.map(|u| href(site_unit(u))).unwrap_or_default(),
                url: s.url.clone().unwrap_or_default(),
                part: false,
            })
            .collect(),
    });
    let formed = (d.life.from.is_some() || !d.formed_from.is_empty()).then(|| Formed {
        from: d.life.from.map(|f| format_date(f, lang)).unwrap_or_default(),
        from_iso: d.life.from.map(|f| f.to_string()).unwrap_or_default(),
        predecessors: d
            .formed_from
            .iter()
            .map(|p| Other {
                label: p.name.clone(),
                href: p.unit.map(|u| href(site_unit(u))).unwrap_or_default(),
                url: String::new(),
                part: !p.whole,
            })
            .collect(),
    });
    let children = d
        .children
        .iter()
        .map(|&c| {
            let c = site_unit(c);
            let until = c.life.until.map(|u| format_date(u, lang)).unwrap_or_default();
            Child { label: c.name.clone(), level: c.tier(), href: href(c), dissolved: c.life.dissolved(), until }
        })
        .collect();
    Place {
        index,
        parents: parents(site, di).into_iter().map(|p| Link { label: p.name.clone(), href: href(p) }).collect(),
        level: d.level.clone().unwrap_or_default(),
        code: d.code.clone().unwrap_or_default(),
        dissolved,
        formed,
        children,
    }
}

/// The chain of parents of the unit at `di`, the largest first (circles
/// are refused by `validate`; the walk stops anyway).
fn parents(site: &Site, di: usize) -> Vec<&District> {
    let mut out: Vec<&District> = Vec::new();
    let mut at = site.districts[di].parent;
    while let Some(p) = at.filter(|_| out.len() < site.districts.len()) {
        out.push(&site.districts[p]);
        at = site.districts[p].parent;
    }
    out.reverse();
    out
}

/// The units of one level, for `units/index.html`.
#[derive(Debug, Serialize)]
pub struct LevelGroup {
    pub level: String,
    pub units: Vec<UnitGlance>,
}

#[derive(Debug, Serialize)]
pub struct UnitGlance {
    #[serde(flatten)]
    pub glance: DistrictGlance,
    pub code: String,
    pub until: String,
    pub parent: Option<Link>,
}

/// Every unit and district, grouped by level: groups in the order of the
/// tree (a level whose units have fewer parents first), names in the
/// site's collation order within a group.
pub fn by_level(site: &Site) -> Vec<LevelGroup> {
    let mut groups: Vec<(usize, LevelGroup)> = Vec::new();
    for (i, d) in site.districts.iter().enumerate() {
        let glance = UnitGlance {
            glance: views::glance(site, i),
            code: d.code.clone().unwrap_or_default(),
            until: d.life.until.map(|u| format_date(u, site.settings.lang)).unwrap_or_default(),
            parent: d.parent.map(|p| Link { label: site.districts[p].name.clone(), href: href(&site.districts[p]) }),
        };
        let (depth, tier) = (parents(site, i).len(), d.tier());
        match groups.iter_mut().find(|(_, g)| g.level == tier) {
            Some((least, g)) => {
                *least = (*least).min(depth);
                g.units.push(glance);
            }
            None => groups.push((depth, LevelGroup { level: tier, units: vec![glance] })),
        }
    }
    groups.sort_by_key(|(depth, g)| (tier_rank(&g.level).unwrap_or(*depth), *depth));
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Where the levels Vietnamese law names stand (0 = province); `None` for
/// other words (and `thành phố`, which is both), placed by the tree.
fn tier_rank(level: &str) -> Option<usize> {
    match level {
        "tỉnh" => Some(0),
        "huyện" | "thị xã" | "quận" => Some(1),
        "xã" | "phường" | "thị trấn" | "đặc khu" => Some(2),
        _ => None,
    }
}

/// Whether the site uses units over time at all: a unit under
/// `content/units/`, or a district with any of the new fields. Such a site
/// has `units/index.html` (in the menu) and `units.css`; a v1 site neither.
pub fn uses_units(site: &Site) -> bool {
    site.districts.iter().any(District::over_time)
}
