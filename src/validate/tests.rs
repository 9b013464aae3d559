//! Unit tests of the validate stage, one group per file it checks: site
//! settings, the indicator catalogue, a district's data (YAML and CSV
//! together), an article's front matter, and a body's shortcodes. The
//! messages themselves are pinned by the snapshots of `tests/errors.rs`;
//! these pin what the checked model holds.

use super::*;
use crate::load::{DistrictFiles, TextFile};
use crate::model::{Better, Granularity, Kind, Period, Shortcode};
use crate::parse::raw::{RawIndicator, RawSite};
use crate::text::lang::Lang;

fn text(rel: &str, s: &str) -> TextFile {
    TextFile { rel: rel.into(), text: s.to_string().into() }
}

fn catalogue(yaml: &str) -> (Vec<Indicator>, Diagnostics) {
    let mut d = Diagnostics::new();
    let doc: crate::parse::Parsed<Vec<RawIndicator>> = crate::parse::yaml("i.yaml", yaml, 0, &mut d).unwrap();
    (settings::indicators(&doc, &mut d).0, d)
}

const CATALOGUE: &str =
    "- { id: hamlets, name: Thôn, kind: count, unit: thôn }\n- { id: pci, name: PCI, kind: rank }\n";

fn district(yaml: &str, csv: Option<&str>) -> (Option<District>, Diagnostics) {
    let (indicators, _) = catalogue(CATALOGUE);
    let files = DistrictFiles {
        root: crate::model::Root::Districts,
        folder: "ky-anh".into(),
        yaml: Some(text("content/districts/ky-anh/district.yaml", yaml)),
        csvs: csv.map(|c| text("content/districts/ky-anh/data/a.csv", c)).into_iter().collect(),
        workbooks: Vec::new(),
        articles: Vec::new(),
        assets: Vec::new(),
    };
    let mut d = Diagnostics::new();
    (data::district(&files, &indicators, &Broken::default(), &mut d).map(|(district, _)| district), d)
}

#[test]
fn settings_fill_in_their_defaults() {
    let mut d = Diagnostics::new();
    let doc: crate::parse::Parsed<RawSite> =
        crate::parse::yaml("s.yaml", "title: T\nbase_url: https://example.gov.vn/bantin\n", 0, &mut d).unwrap();
    let (s, topics) = settings::settings(&doc, &mut d);
    assert!(!d.has_errors(), "{d}");
    assert_eq!(s.base_url, "https://example.gov.vn/bantin/", "base_url always ends with /");
    assert_eq!((s.lang, s.bulletin_period, s.articles_per_page), (Lang::Vi, Granularity::Quarter, 10));
    assert_eq!(s.theme, "default");
    assert!(topics.is_empty());
}

#[test]
fn a_site_without_title_or_base_url_fails() {
    let mut d = Diagnostics::new();
    let doc: crate::parse::Parsed<RawSite> = crate::parse::yaml("s.yaml", "language: en\n", 0, &mut d).unwrap();
    settings::settings(&doc, &mut d);
    assert_eq!(d.counts().0, 2, "{d}");
}

#[test]
fn a_rank_is_better_lower_unless_it_says_otherwise() {
    let (ind, d) = catalogue(CATALOGUE);
    assert!(!d.has_errors(), "{d}");
    assert_eq!((ind[0].kind, ind[0].better), (Kind::Count, Better::Higher));
    assert_eq!((ind[1].kind, ind[1].better), (Kind::Rank, Better::Lower));
    let (ind, _) = catalogue("- { id: poor, name: Hộ nghèo, kind: count, better: lower }\n");
    assert_eq!(ind[0].better, Better::Lower);
}

#[test]
fn an_indicator_with_an_unknown_kind_is_rejected() {
    let (ind, d) = catalogue("- { id: x, name: X, kind: ratio }\n- { id: y, name: Y, kind: percent }\n");
    assert_eq!(ind.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["y"]);
    assert!(d.has_errors());
}

#[test]
fn observations_from_yaml_and_csv_come_together_in_period_order() {
    let yaml = "name: Kỳ Anh\ndata:\n  hamlets:\n    - { period: 2023, value: 118/153 }\n    - { period: 2022-11, value: 110, total: 154 }\n";
    let csv = "indicator,commune,period,value,total,target,note\nhamlets,,2024,,,130,\n";
    let (d, diags) = district(yaml, Some(csv));
    assert!(!diags.has_errors(), "{diags}");
    let s = &d.unwrap().series[0];
    let periods: Vec<String> = s.observations.iter().map(|o| o.period.key()).collect();
    assert_eq!(periods, ["2022-11", "2023", "2024"]);
    assert_eq!(s.observations[1].value.map(|v| v.value), Some(118.0));
    assert_eq!(s.observations[1].total.map(|t| t.value), Some(153.0), "110/154 shorthand");
    assert_eq!(s.observations[2].target.map(|t| t.value), Some(130.0));
    assert_eq!(s.observations[2].origin.file, "content/districts/ky-anh/data/a.csv");
}

#[test]
fn an_observation_given_in_yaml_and_csv_is_an_error_naming_both() {
    let yaml = "name: Kỳ Anh\ndata:\n  hamlets:\n    - { period: 2023, value: 118/153 }\n";
    let csv = "indicator,commune,period,value,total,target,note\nhamlets,,2023,118,153,,\n";
    let (_, diags) = district(yaml, Some(csv));
    let report = diags.render(Lang::En);
    assert!(report.contains("a.csv:2:1: error:") && report.contains("district.yaml:4"), "{report}");
}

#[test]
fn a_commune_keeps_its_own_series() {
    let yaml = "name: Kỳ Anh\ncommunes:\n  - Kỳ Châu\n  - name: Đức Lĩnh\n    data:\n      hamlets:\n        - { period: 2022-10, value: 13/20 }\n";
    let (d, diags) = district(yaml, None);
    assert!(!diags.has_errors(), "{diags}");
    let d = d.unwrap();
    assert!(d.series.is_empty(), "the district itself has no data");
    assert_eq!(d.communes.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Kỳ Châu", "Đức Lĩnh"]);
    assert_eq!(d.communes[1].series[0].observations[0].period, Period::parse("2022-10").unwrap());
}

fn site_ctx<'a>(indicators: &'a [Indicator], districts: &'a [District], broken: &'a Broken) -> Ctx<'a> {
    Ctx { indicators, broken, districts, drafts: false }
}

fn ky_anh() -> District {
    district("name: Kỳ Anh\ndata:\n  hamlets:\n    - { period: 2023, value: 118/153 }\n", None).0.unwrap()
}

#[test]
fn an_article_takes_its_slug_from_its_file_name_without_the_date() {
    let (indicators, _) = catalogue(CATALOGUE);
    let (districts, broken) = (vec![ky_anh()], Broken::default());
    let ctx = site_ctx(&indicators, &districts, &broken);
    let file = text("content/districts/ky-anh/2024-01-06-Tổng kết.md", "---\ntitle: T\ndate: 2024-01-06\n---\nBody.\n");
    let mut d = Diagnostics::new();
    let a = content::article(&file, 0, &ctx, &mut d).unwrap();
    assert_eq!((a.slug.as_str(), a.date.to_string().as_str()), ("tong-ket", "2024-01-06"));
    let draft = text("content/districts/ky-anh/x.md", "---\ntitle: T\ndate: 2024-01-06\ndraft: true\n---\n");
    assert!(content::article(&draft, 0, &ctx, &mut d).is_none(), "drafts only with --drafts");
    assert!(!d.has_errors(), "{d}");
}

#[test]
fn a_value_shortcode_without_a_period_needs_a_value_by_the_articles_date() {
    let (indicators, _) = catalogue(CATALOGUE);
    let (districts, broken) = (vec![ky_anh()], Broken::default());
    let ctx = site_ctx(&indicators, &districts, &broken);
    let body = |date: &str| {
        let md = format!("---\ntitle: T\ndate: {date}\n---\nĐạt {{{{ value(indicator=\"hamlets\") }}}}.\n");
        let mut d = Diagnostics::new();
        let a = content::article(&text("content/districts/ky-anh/a.md", &md), 0, &ctx, &mut d);
        (a, d)
    };
    let (a, d) = body("2024-01-06");
    assert!(!d.has_errors(), "{d}");
    let sc = &a.unwrap().body.shortcodes[0];
    assert_eq!(*sc, Shortcode::Value { indicator: 0, district: 0, period: None, show: Default::default() });
    let (a, d) = body("2023-06-01");
    assert!(a.is_none() && d.render(Lang::En).contains("has no value by this article's date"), "{d}");
}

#[test]
fn a_chart_takes_as_of_latest_and_nothing_else() {
    let (indicators, _) = catalogue(CATALOGUE);
    let (districts, broken) = (vec![ky_anh()], Broken::default());
    let ctx = site_ctx(&indicators, &districts, &broken);
    let place = body::Place { district: Some(0), moment: None };
    let mut d = Diagnostics::new();
    let ok = body::check(
        "a.md",
        "{{ chart(indicator=\"hamlets\", as_of=\"latest\") }}".to_string().into(),
        5,
        place,
        &ctx,
        &mut d,
    );
    assert_eq!(ok.shortcodes, [Shortcode::Chart { indicator: 0, district: 0, latest: true }]);
    assert!(!d.has_errors());
    body::check(
        "a.md",
        "{{ chart(indicator=\"hamlets\", as_of=\"2023\") }}".to_string().into(),
        5,
        place,
        &ctx,
        &mut d,
    );
    assert!(d.render(Lang::En).contains("a.md:5:1: error: `as_of` takes only \"latest\""), "{d}");
}

#[test]
fn a_shortcode_on_a_page_must_name_its_district() {
    let (indicators, _) = catalogue(CATALOGUE);
    let (districts, broken) = (vec![ky_anh()], Broken::default());
    let ctx = site_ctx(&indicators, &districts, &broken);
    let place = body::Place { district: None, moment: None };
    let mut d = Diagnostics::new();
    body::check("p.md", "{{ chart(indicator=\"hamlets\") }}".to_string().into(), 1, place, &ctx, &mut d);
    assert!(d.has_errors());
    let mut d = Diagnostics::new();
    let named = "{{ chart(indicator=\"hamlets\", district=\"ky-anh\") }}".to_string().into();
    assert_eq!(body::check("p.md", named, 1, place, &ctx, &mut d).shortcodes.len(), 1);
    assert!(!d.has_errors(), "{d}");
}
