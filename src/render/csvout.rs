//! `indicators/<id>.csv`: every observation of one indicator, districts and
//! communes, numbers written as in the YAML (dot decimal, no separators).
//! The file starts with a UTF-8 byte-order mark, which Excel on Windows
//! needs to read Vietnamese letters as UTF-8 (bantin reads it back too).

use crate::model::{Num, Observation, Site};

/// FORMAT v2 adds the last column, `status` (empty for a final figure).
const HEADER: &str = "\u{FEFF}district,commune,period,value,total,target,note,status\n";

fn num(n: Option<Num>) -> String {
    n.map(|n| format!("{:.*}", n.decimals as usize, n.value)).unwrap_or_default()
}

use crate::text::escape::csv_cell as cell;

/// One published observation of an indicator: where it is from, and it.
pub struct Row<'a> {
    pub district: &'a str,
    pub commune: &'a str,
    pub observation: &'a Observation,
}

/// The observations of the indicator at `index` published as its data
/// (this CSV and the `.xlsx` download): districts in site order, each
/// district's own rows before its communes'. Values added up across a
/// merger are shown on pages, never published as data.
pub fn published(site: &Site, index: usize) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for d in &site.districts {
        let own = d.series_for(index).into_iter().map(|s| ("", s));
        let communes =
            d.communes.iter().filter_map(|c| Some((c.name.as_str(), c.series.iter().find(|s| s.indicator == index)?)));
        for (commune, series) in own.chain(communes) {
            let data = series.observations.iter().filter(|o| o.added_from.is_empty());
            rows.extend(data.map(|observation| Row { district: &d.slug, commune, observation }));
        }
    }
    rows
}

/// The CSV text of the indicator at `index`, rows as [`published`].
pub fn indicator_csv(site: &Site, index: usize) -> String {
    let mut out = String::from(HEADER);
    for Row { district, commune, observation: o } in published(site, index) {
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
