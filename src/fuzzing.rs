//! Entry points for the fuzz targets (`fuzz/`, run by `scripts/fuzz.sh`)
//! and for the regression test that replays every input they ever found
//! (`tests/fuzz_regressions/`). Each takes arbitrary bytes, must never
//! panic, and checks the invariants of what it parses.

use crate::diag::Diagnostics;
use crate::model::{Better, Indicator, Kind, Period};
use crate::parse::{frontmatter, shortcode};
use crate::text::slug::{is_slug, slugify as slug};
use crate::validate::observation::{check, parse_num, Field, ObsInput};

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Front matter splitting, then its YAML into the article's raw type.
pub fn frontmatter(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Ok(split) = frontmatter::split("f.md", s) {
        assert!(split.body_line >= 3);
        let mut d = Diagnostics::new();
        let _ = crate::parse::yaml::<crate::parse::raw::RawFrontMatter>("f.md", split.yaml, 1, &mut d);
    }
}

/// The figure extractor (`import`, and `check`'s articles checked against
/// the data), the percents of a note and how `check` reads an article's
/// lines: any text, line by line; every figure found lies within its line.
pub fn figures(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let lines: Vec<&str> = s.lines().collect();
    for f in crate::import::figures_of_lines(&lines, None) {
        let len = lines.get(f.at.0).map(|l| l.chars().count()).unwrap_or(0);
        assert!(f.at.1 <= f.at.2 && f.at.2 <= len, "{f:?}");
    }
    for said in crate::text::decimal::percents(s) {
        assert!(said.value.is_finite());
    }
    crate::lint::read_article_text(s);
}

/// The period parser: what it accepts prints back as itself.
pub fn period(data: &[u8]) {
    let Some(s) = text(data) else { return };
    if let Ok(p) = Period::parse(s) {
        assert_eq!(Period::parse(&p.key()), Ok(p));
        assert!(p.start() <= p.end());
        let _ = p.next();
    }
}

/// The observation checker over fields split by `|`.
pub fn observation(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let parts: Vec<&str> = s.split('|').collect();
    let field = |i: usize| parts.get(i).filter(|t| !t.is_empty()).map(|t| Field { text: t.to_string(), pos: None });
    let input = ObsInput {
        file: "d.yaml".into(),
        pos: None,
        period: field(0),
        value: field(1),
        total: field(2),
        target: field(3),
        note: parts.get(4).map(|t| t.to_string()),
        source: None,
        status: field(5),
        revised_from: field(6),
        revised_in: field(7),
    };
    for kind in [Kind::Count, Kind::Amount, Kind::Percent, Kind::Rank] {
        let ind = Indicator {
            id: "x".into(),
            name: "X".into(),
            kind,
            unit: None,
            topic: None,
            better: Better::Higher,
            description: None,
            sums: false,
            flow: false,
        };
        let mut d = Diagnostics::new();
        if let Some(o) = check(&input, &ind, &mut d) {
            assert!(o.value.is_some() || o.target.is_some());
            assert!(!d.has_errors());
        }
    }
    for p in &parts {
        if let Some(n) = parse_num(p) {
            assert!(n.value.is_finite());
        }
    }
}

/// Cutting shortcodes out: positions stay inside the text.
pub fn shortcode(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let e = shortcode::extract(s, 1);
    let lines = s.lines().count().max(1);
    for sc in &e.shortcodes {
        assert!(sc.pos.line >= 1 && sc.pos.line <= lines + 1);
    }
}

/// Slugs are ASCII `[a-z0-9-]`, trimmed, and slugifying twice changes nothing.
pub fn slugify(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let once = slug(s);
    assert!(once.is_empty() || is_slug(&once), "{once:?}");
    assert_eq!(slug(&once), once);
}

/// A district.yaml through the whole district check.
pub fn district_yaml(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let files = crate::load::DistrictFiles {
        root: crate::model::Root::Districts,
        folder: "ky-anh".into(),
        yaml: Some(crate::load::TextFile { rel: "district.yaml".into(), text: s.into() }),
        csvs: Vec::new(),
        workbooks: Vec::new(),
        articles: Vec::new(),
        assets: Vec::new(),
    };
    let indicators: Vec<Indicator> = [("x", Kind::Count), ("y", Kind::Amount), ("p", Kind::Percent), ("r", Kind::Rank)]
        .into_iter()
        .map(|(id, kind)| Indicator {
            id: id.into(),
            name: id.into(),
            kind,
            unit: None,
            topic: None,
            better: Better::Higher,
            description: None,
            sums: false,
            flow: false,
        })
        .collect();
    let mut d = Diagnostics::new();
    let _ = crate::validate::data::district(&files, &indicators, &Default::default(), &mut d);
}

/// A workbook (`data/*.xlsx`) through the sheet reader: any bytes give
/// rows or errors, never a panic; every row and every problem names a
/// place in the file.
pub fn workbook(data: &[u8]) {
    let book = crate::load::WorkbookFile { rel: "content/units/a/data/a.xlsx".into(), bytes: data.into() };
    let mut d = Diagnostics::new();
    for (place, row) in crate::parse::sheet::rows(&book, &mut d) {
        assert!(place.starts_with("content/units/a/data/a.xlsx: "), "{place}");
        assert!(row.line >= 2, "a data row is below the header: {row:?}");
    }
    for problem in d.sorted() {
        assert!(problem.file.starts_with("content/units/a/data/a.xlsx"), "{}", problem.file);
    }
}
