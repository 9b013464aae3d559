//! `indicators/<id>.csv`: every observation of one indicator, districts and
//! communes, numbers written as in the YAML (dot decimal, no separators).
//! The file starts with a UTF-8 byte-order mark, which Excel on Windows
//! needs to read Vietnamese letters as UTF-8 (bantin reads it back too).

use crate::model::{Num, Series, Site};

/// FORMAT v2 adds the last column, `status` (empty for a final figure).
const HEADER: &str = "\u{FEFF}district,commune,period,value,total,target,note,status\n";

fn num(n: Option<Num>) -> String {
    n.map(|n| format!("{:.*}", n.decimals as usize, n.value)).unwrap_or_default()
}

use crate::text::escape::csv_cell as cell;

fn rows(out: &mut String, district: &str, commune: &str, series: &Series) {
    // Values added up across a merger are shown, never published as data.
    for o in series.observations.iter().filter(|o| o.added_from.is_empty()) {
        let line = [
            cell(district),
            cell(commune),
            o.period.key(),
            num(o.value),
            num(o.total),
            num(o.target),
            cell(o.note.as_deref().unwrap_or("")),
            o.certainty.csv().to_string(),
        ];
        out.push_str(&line.join(","));
        out.push('\n');
    }
}

/// The CSV text of the indicator at `index`, districts in site order, each
/// district's own rows before its communes'.
pub fn indicator_csv(site: &Site, index: usize) -> String {
    let mut out = String::from(HEADER);
    for d in &site.districts {
        if let Some(s) = d.series_for(index) {
            rows(&mut out, &d.slug, "", s);
        }
        for c in &d.communes {
            if let Some(s) = c.series.iter().find(|s| s.indicator == index) {
                rows(&mut out, &d.slug, &c.name, s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_starts_with_a_byte_order_mark_for_excel() {
        let site = crate::model::Site {
            settings: crate::model::Settings {
                title: String::new(),
                base_url: "https://example.gov.vn/".into(),
                lang: crate::text::lang::Lang::Vi,
                description: String::new(),
                theme: "default".into(),
                bulletin_period: crate::model::Granularity::Quarter,
                articles_per_page: 10,
                safe_html: false,
            },
            indicators: Vec::new(),
            districts: Vec::new(),
            articles: Vec::new(),
            pages: Vec::new(),
            topics: Vec::new(),
            static_files: Vec::new(),
            photos: Default::default(),
        };
        let csv = indicator_csv(&site, 0);
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]), "{csv:?}");
        assert_eq!(csv.trim_start_matches('\u{FEFF}'), "district,commune,period,value,total,target,note,status\n");
    }

    #[test]
    fn cells_are_quoted_when_needed() {
        assert_eq!(cell("Kỳ Châu"), "Kỳ Châu");
        assert_eq!(cell("up 5, on 2021"), "\"up 5, on 2021\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(num(Some(Num { value: 8850.2, decimals: 2 })), "8850.20");
        assert_eq!(num(Some(Num { value: 22.0, decimals: 0 })), "22");
    }
}
