//! The URL layout: where every page and file of the output lives. This is
//! the one place that knows the output's folder names; every stage that
//! makes, links or checks a path asks it.
//!
//! Every page is a folder with an `index.html` (FORMAT v1, "What `bantin
//! build` writes"). [`Route::dir`] gives a page's folder, relative to the
//! output root and ending with `/` (`""` for the home page);
//! `render::links::page_href` turns it into a link. Top-level folder names
//! are [`RESERVED`]: a standalone page may not take one as its slug; nor
//! may an article take one of [`RESERVED_IN_DISTRICT`].

use crate::model::{District, Period, Root};

/// Top-level output folders, which a standalone page's slug may not take.
pub const RESERVED: &[&str] = &[
    "districts",
    "units",
    "bulletins",
    "indicators",
    "topics",
    "search",
    "page",
    "static",
    "assets",
    "archive",
    "data-status",
];

/// A unit's place in the layout: `districts/<slug>/` for a v1 district,
/// `units/<slug>/` for a v2 unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At<'a> {
    pub root: Root,
    pub slug: &'a str,
}

impl<'a> At<'a> {
    pub fn of(d: &'a District) -> At<'a> {
        At { root: d.root, slug: &d.slug }
    }

    /// A v1 district's place.
    pub fn district(slug: &'a str) -> At<'a> {
        At { root: Root::Districts, slug }
    }

    fn dir(self) -> String {
        format!("{}/{}/", self.root.folder(), self.slug)
    }
}

/// Folders inside a district's folder that are not articles: its
/// bulletins and the pages of its article list.
pub const RESERVED_IN_DISTRICT: &[&str] = &["bulletins", "page"];

/// A page of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    /// `districts/`: every district.
    Districts,
    /// `units/`: every unit and district.
    Units,
    /// A unit's dashboard.
    District(At<'a>),
    /// An article of a unit.
    Article {
        district: At<'a>,
        slug: &'a str,
    },
    /// A unit's bulletin of one period.
    DistrictBulletin {
        district: At<'a>,
        period: Period,
    },
    /// The whole site's bulletin of one period.
    Bulletin(Period),
    /// `bulletins/`: every bulletin.
    Bulletins,
    Indicators,
    Indicator(&'a str),
    Topics,
    Topic(&'a str),
    /// `archive/`: the articles by year.
    Archive,
    ArchiveYear(i16),
    /// A standalone page (`content/pages/*.md`).
    Page(&'a str),
    Search,
    /// `data-status/`: what each unit reported and owes.
    DataStatus,
}

impl Route<'_> {
    /// The page's folder, relative to the output root, ending with `/`.
    pub fn dir(&self) -> String {
        match *self {
            Route::Home => String::new(),
            Route::Districts => "districts/".into(),
            Route::Units => "units/".into(),
            Route::District(d) => d.dir(),
            Route::Article { district, slug } => format!("{}{slug}/", district.dir()),
            Route::DistrictBulletin { district, period } => format!("{}bulletins/{}/", district.dir(), period.key()),
            Route::Bulletin(period) => format!("bulletins/{}/", period.key()),
            Route::Bulletins => "bulletins/".into(),
            Route::Indicators => "indicators/".into(),
            Route::Indicator(id) => format!("indicators/{id}/"),
            Route::Topics => "topics/".into(),
            Route::Topic(t) => format!("topics/{t}/"),
            Route::Archive => "archive/".into(),
            Route::ArchiveYear(y) => format!("archive/{y}/"),
            Route::Page(slug) => format!("{slug}/"),
            Route::Search => "search/".into(),
            Route::DataStatus => "data-status/".into(),
        }
    }
}

/// Page `n` (from 2) of the list whose first page is in `list_dir`.
pub fn list_page(list_dir: &str, n: usize) -> String {
    format!("{list_dir}page/{n}/")
}

/// An indicator's data: `indicators/<id>.csv`.
pub fn indicator_csv(id: &str) -> String {
    format!("indicators/{id}.csv")
}

/// An indicator's data as a workbook: `indicators/<id>.xlsx`.
pub fn indicator_xlsx(id: &str) -> String {
    format!("indicators/{id}.xlsx")
}

/// The data status as a spreadsheet: `data-status/status.csv`.
pub fn data_status_csv() -> String {
    format!("{}status.csv", Route::DataStatus.dir())
}

/// A unit's share card (`og:image`).
pub fn district_card(district: At) -> String {
    format!("{}card.png", district.dir())
}

/// The feed a page announces: its unit's or topic's, else the site's.
pub fn feed_of(dir: &str) -> String {
    let parts: Vec<&str> = dir.split('/').collect();
    match parts.as_slice() {
        ["districts", d, ..] if !d.is_empty() => feed(Some(Route::District(At::district(d)))),
        ["units", d, ..] if !d.is_empty() => feed(Some(Route::District(At { root: Root::Units, slug: d }))),
        ["topics", t, ..] if !t.is_empty() => feed(Some(Route::Topic(t))),
        _ => feed(None),
    }
}

/// The Atom feed of a district or topic (`None`: the site's own).
pub fn feed(of: Option<Route>) -> String {
    match of {
        Some(r @ (Route::District(_) | Route::Topic(_))) => format!("{}atom.xml", r.dir()),
        _ => "atom.xml".into(),
    }
}

/// Whether `path` is the page of a bulletin of `period` (the site's or a
/// unit's), as the period's folder name writes it.
pub fn is_bulletin_of(path: &str, period: &str) -> bool {
    let page = format!("bulletins/{period}/index.html");
    let in_unit = path.starts_with("districts/") || path.starts_with("units/");
    path == page || (in_unit && path.ends_with(&format!("/{page}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_a_folder_of_its_own() {
        let q4 = Period::parse("2023-Q4").unwrap();
        assert_eq!(Route::Home.dir(), "");
        let ky_anh = At::district("ky-anh");
        let ky_xuan = At { root: Root::Units, slug: "ky-xuan" };
        assert_eq!(Route::District(ky_anh).dir(), "districts/ky-anh/");
        assert_eq!(Route::District(ky_xuan).dir(), "units/ky-xuan/");
        assert_eq!(Route::Article { district: ky_anh, slug: "tong-ket" }.dir(), "districts/ky-anh/tong-ket/");
        assert_eq!(Route::Article { district: ky_xuan, slug: "hop" }.dir(), "units/ky-xuan/hop/");
        assert_eq!(
            Route::DistrictBulletin { district: ky_anh, period: q4 }.dir(),
            "districts/ky-anh/bulletins/2023-Q4/"
        );
        assert_eq!(Route::DistrictBulletin { district: ky_xuan, period: q4 }.dir(), "units/ky-xuan/bulletins/2023-Q4/");
        assert_eq!(Route::Units.dir(), "units/");
        assert_eq!(district_card(ky_xuan), "units/ky-xuan/card.png");
        assert_eq!(Route::Bulletin(q4).dir(), "bulletins/2023-Q4/");
        assert_eq!(Route::Indicator("gross-output").dir(), "indicators/gross-output/");
        assert_eq!(Route::ArchiveYear(2023).dir(), "archive/2023/");
        assert_eq!(Route::Page("gioi-thieu").dir(), "gioi-thieu/");
        assert_eq!(list_page("districts/ky-anh/", 2), "districts/ky-anh/page/2/");
        assert_eq!(indicator_csv("gross-output"), "indicators/gross-output.csv");
        assert_eq!(indicator_xlsx("gross-output"), "indicators/gross-output.xlsx");
    }

    #[test]
    fn a_page_announces_its_district_or_topic_feed() {
        assert_eq!(feed_of("districts/ky-anh/tong-ket/"), "districts/ky-anh/atom.xml");
        assert_eq!(feed_of("units/ky-xuan/page/2/"), "units/ky-xuan/atom.xml");
        assert_eq!(feed_of("topics/nong-thon-moi/page/2/"), "topics/nong-thon-moi/atom.xml");
        assert_eq!(feed_of("districts/"), "atom.xml");
        assert_eq!(feed_of("indicators/x/"), "atom.xml");
    }

    #[test]
    fn bulletin_pages_are_known_by_their_period() {
        assert!(is_bulletin_of("bulletins/2023-Q4/index.html", "2023-Q4"));
        assert!(is_bulletin_of("districts/ky-anh/bulletins/2023-Q4/index.html", "2023-Q4"));
        assert!(is_bulletin_of("units/ky-xuan/bulletins/2023-Q4/index.html", "2023-Q4"));
        assert!(!is_bulletin_of("districts/ky-anh/bulletins/2023-Q3/index.html", "2023-Q4"));
        assert!(!is_bulletin_of("bulletins/2023-Q4/extra.html", "2023-Q4"));
    }

    #[test]
    fn top_level_folders_are_reserved() {
        for dir in [
            Route::Districts.dir(),
            Route::Units.dir(),
            Route::Bulletins.dir(),
            Route::Archive.dir(),
            Route::Search.dir(),
        ] {
            assert!(RESERVED.contains(&dir.trim_end_matches('/')), "{dir}");
        }
    }
}
