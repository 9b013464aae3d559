//! Checking districts: `district.yaml`, its observations and communes, and
//! the rows of its `data/*.csv` files.

use super::observation::{self, Field, ObsInput};
use super::Broken;
use crate::diag::messages::Data;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::DistrictFiles;
use crate::model::{Commune, Derived, District, Indicator, Observation, Period, Series};
use crate::parse::csvobs::{self, CsvRow};
use crate::parse::raw::{scalar_text, RawDistrict, COMMUNE_KEYS, DISTRICT_KEYS, OBSERVATION_KEYS};
use crate::parse::{unknown_keys, Parsed};
use crate::text::closest::closest;
use crate::text::decimal;
use crate::text::slug::slugify;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// Observations gathered for one place (the district, or one commune), by
/// indicator index and period, with where each was written.
type Gathered = BTreeMap<usize, BTreeMap<Period, Observation>>;

/// The indicators data may name, by id, and those left unchecked.
struct Known<'a> {
    by_id: BTreeMap<&'a str, usize>,
    broken: &'a Broken,
}

impl Known<'_> {
    /// The index of the indicator `id`; for an unknown one, an error (or a
    /// note, when the catalogue's own errors are the cause) at `file`/`pos`.
    fn index(&self, file: &str, pos: Option<Pos>, id: &str, diags: &mut Diagnostics) -> Option<usize> {
        let found = self.by_id.get(id).copied();
        if found.is_none() {
            diags.push(match self.broken.covers(id) {
                true => Diagnostic::warning(file, None, Data::Unchecked),
                false => {
                    let known: Vec<String> = self.by_id.keys().map(|k| k.to_string()).collect();
                    let closest = closest(id, self.by_id.keys().copied()).map(str::to_string);
                    Diagnostic::error(file, pos, Data::UnknownIndicator { id: id.to_string(), closest, known })
                }
            });
        }
        found
    }
}

/// Checks one district folder. `None` when `district.yaml` is unusable.
/// Unknown ids that `broken` covers are knock-ons of errors in
/// indicators.yaml: one note per file, not an error each.
pub fn district(
    files: &DistrictFiles,
    indicators: &[Indicator],
    broken: &Broken,
    diags: &mut Diagnostics,
) -> Option<(District, super::units::Links)> {
    let yaml = files.yaml.as_ref()?;
    let doc: Parsed<RawDistrict> = crate::parse::yaml_file(yaml, diags)?;
    unknown_keys(&doc, "", DISTRICT_KEYS, diags);
    let by_id = indicators.iter().enumerate().map(|(i, ind)| (ind.id.as_str(), i)).collect();
    let by_id = Known { by_id, broken };
    let name = doc.value.name.clone().unwrap_or_default().trim().to_string();
    if name.is_empty() {
        let folder = files.folder.clone();
        let problem: crate::diag::Message = match files.root {
            crate::model::Root::Districts => Data::NoDistrictName { folder }.into(),
            crate::model::Root::Units => crate::diag::messages::Units::NoName { folder }.into(),
        };
        diags.push(Diagnostic::error(&doc.file, doc.pos("name").or(Some(Pos::new(1, 1))), problem));
    }
    let mut own = Gathered::new();
    if let Some(data) = &doc.value.data {
        gather_yaml(&doc, "data", data, indicators, &by_id, &mut own, diags);
    }
    let mut communes = communes(&doc, indicators, &by_id, diags);
    let slug = slugify(&files.folder);
    for csv in &files.csvs {
        let rows = csvobs::parse(csv, diags).into_iter().map(|r| (csv.rel.clone(), r));
        let rows = own_rows(&csv.rel, &slug, &name, rows.collect(), diags);
        for (file, row) in rows {
            gather_csv(&file, &row, indicators, &by_id, &mut own, &mut communes, diags);
        }
    }
    for book in &files.workbooks {
        let rows = own_rows(&book.rel, &slug, &name, crate::parse::sheet::rows(book, diags), diags);
        for (sheet, row) in rows {
            gather_csv(&sheet, &row, indicators, &by_id, &mut own, &mut communes, diags);
        }
    }
    let communes =
        communes.into_iter().map(|(name, gathered)| Commune { name, series: series(gathered, indicators) }).collect();
    let fields = super::units::fields(&doc, files.root, diags);
    let district = District {
        slug,
        root: files.root,
        name,
        province: clean(&doc.value.province),
        level: clean(&doc.value.level),
        code: fields.code,
        parent: None,
        life: fields.life,
        formed_from: Vec::new(),
        successors: Vec::new(),
        children: Vec::new(),
        summary: clean(&doc.value.summary),
        series: series(own, indicators),
        communes,
    };
    data_after_until(&district, diags);
    Some((district, fields.links))
}

/// Every observation (communes' too) for a period that ends after the
/// unit's last day is an error.
fn data_after_until(d: &District, diags: &mut Diagnostics) {
    let Some(until) = d.life.until else { return };
    let all = d.series.iter().chain(d.communes.iter().flat_map(|c| c.series.iter()));
    for o in all.flat_map(|s| &s.observations).filter(|o| o.period.end() > until) {
        let (unit, period) = (d.name.clone(), o.period.key());
        let problem = crate::diag::messages::Units::DataAfterUntil { unit, period, until };
        diags.push(Diagnostic::error(&o.origin.file, Some(o.origin.pos()), problem));
    }
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn series(gathered: Gathered, indicators: &[Indicator]) -> Vec<Series> {
    gathered
        .into_iter()
        .map(|(indicator, by_period)| {
            // Keyed by period, so already in period order.
            let observations: Vec<Observation> = by_period.into_values().collect();
            let derived = Derived::compute(&observations, indicators[indicator].better);
            Series { indicator, observations, derived }
        })
        .collect()
}

fn communes(
    doc: &Parsed<RawDistrict>,
    indicators: &[Indicator],
    by_id: &Known,
    diags: &mut Diagnostics,
) -> Vec<(String, Gathered)> {
    let mut out: Vec<(String, Gathered)> = Vec::new();
    for (i, item) in doc.value.communes.iter().flatten().enumerate() {
        let path = format!("communes[{i}]");
        let (name, data) = match item {
            Value::Mapping(m) => {
                unknown_keys(doc, &path, COMMUNE_KEYS, diags);
                let name = m.get("name").and_then(scalar_text).unwrap_or_default();
                (name, m.get("data"))
            }
            other => (scalar_text(other).unwrap_or_default(), None),
        };
        let name = name.trim().to_string();
        if name.is_empty() {
            diags.push(doc.error(&path, Data::CommuneNoName));
            continue;
        }
        if out.iter().any(|(n, _)| *n == name) {
            diags.push(doc.error(&path, Data::CommuneTwice { name }));
            continue;
        }
        let mut gathered = Gathered::new();
        match data {
            Some(Value::Mapping(m)) => {
                let map: BTreeMap<String, Vec<Value>> = m
                    .iter()
                    .filter_map(|(k, v)| Some((scalar_text(k)?, v.as_sequence().cloned().unwrap_or_default())))
                    .collect();
                gather_yaml(doc, &format!("{path}.data"), &map, indicators, by_id, &mut gathered, diags);
            }
            Some(Value::Null) | None => {}
            Some(_) => diags.push(doc.error(&format!("{path}.data"), Data::DataNotMapping)),
        }
        out.push((name, gathered));
    }
    out
}

fn gather_yaml<T>(
    doc: &Parsed<T>,
    base: &str,
    data: &BTreeMap<String, Vec<Value>>,
    indicators: &[Indicator],
    by_id: &Known,
    into: &mut Gathered,
    diags: &mut Diagnostics,
) {
    for (id, list) in data {
        let key_path = format!("{base}.{id}");
        let Some(ind) = by_id.index(&doc.file, doc.index.key_pos(&key_path), id, diags) else { continue };
        for (j, item) in list.iter().enumerate() {
            let path = format!("{key_path}[{j}]");
            let Value::Mapping(map) = item else {
                diags.push(doc.error(&path, Data::ObservationNotMapping));
                continue;
            };
            let cut = cut_by_comma(doc, &path, map);
            if !cut.is_empty() {
                diags.extend_from(cut);
                continue;
            }
            unknown_keys(doc, &path, OBSERVATION_KEYS, diags);
            let field = |k: &str| {
                let v = map.get(k)?;
                let text = doc.index.scalar(&format!("{path}.{k}")).map(str::to_string).or_else(|| scalar_text(v))?;
                Some(Field { text, pos: doc.index.pos(&format!("{path}.{k}")) })
            };
            let input = ObsInput {
                file: doc.file.clone(),
                pos: doc.index.pos(&path),
                period: field("period"),
                value: field("value"),
                total: field("total"),
                target: field("target"),
                note: map.get("note").and_then(scalar_text),
                source: map.get("source").and_then(scalar_text),
                status: field("status"),
                revised_from: field("revised_from"),
                revised_in: field("revised_in"),
            };
            if let Some(obs) = observation::check(&input, &indicators[ind], diags) {
                insert(into, ind, obs, &indicators[ind], diags);
            }
        }
    }
}

/// Fields of the observation at `path` that a comma cut short: in a flow
/// mapping, `{ value: 8.850,26 }` reads as `value: 8.850` and a key `26`
/// with no value, on the same line (rule 2 of [`decimal`]). A run of such
/// keys (`1,234,567`) is one number.
fn cut_by_comma<T>(doc: &Parsed<T>, path: &str, map: &serde_yaml::Mapping) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let entries: Vec<(String, &Value)> = map.iter().filter_map(|(k, v)| Some((scalar_text(k)?, v))).collect();
    let mut i = 0;
    while i < entries.len() {
        let field = &entries[i].0;
        let field_path = format!("{path}.{field}");
        let line = doc.index.pos(&field_path).map(|p| p.line);
        let cut: Vec<&str> = entries[i + 1..]
            .iter()
            .take_while(|(k, v)| {
                v.is_null()
                    && !OBSERVATION_KEYS.contains(&k.as_str())
                    && doc.index.key_pos(&format!("{path}.{k}")).map(|p| p.line) == line
            })
            .map(|(k, _)| k.as_str())
            .collect();
        let Some(before) = doc.index.scalar(&field_path).filter(|_| !cut.is_empty()) else {
            i += 1;
            continue;
        };
        let written = format!("{before},{}", cut.join(","));
        let number = decimal::yaml_way(&written).filter(|_| decimal::rejoined(before, cut[0]).is_some());
        let (field, key) = (field.clone(), cut[0].to_string());
        let before = before.to_string();
        let problem = match number {
            Some(yaml) if matches!(field.as_str(), "value" | "total" | "target") => {
                Data::CommaCutNumber { field, written, before, key, yaml }
            }
            _ => Data::CommaCutText { field, written, before, key },
        };
        out.push(doc.error(&field_path, problem));
        i += 1 + cut.len();
    }
    out
}

/// The rows of a file that belong to the unit `slug` (named `name`): all,
/// unless a `district` column (of a file the build wrote, put back) names
/// other units; their rows are left out with one warning for the file,
/// and a file with no row of the unit at all is an error.
fn own_rows(
    file: &str,
    slug: &str,
    name: &str,
    rows: Vec<(String, CsvRow)>,
    diags: &mut Diagnostics,
) -> Vec<(String, CsvRow)> {
    let mine = |d: &str| d == name || slugify(d) == slug;
    let (own, others): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, r)| r.district.as_deref().is_none_or(&mine));
    if !others.is_empty() {
        let units: std::collections::BTreeSet<String> = others.iter().filter_map(|(_, r)| r.district.clone()).collect();
        let units = units.into_iter().collect();
        diags.push(match own.is_empty() {
            true => Diagnostic::error(file, None, Data::NoRowOfThisUnit { folder: slug.to_string(), units }),
            false => Diagnostic::warning(file, None, Data::OtherUnitsRows { rows: others.len(), units }),
        });
    }
    own
}

fn gather_csv(
    file: &str,
    row: &CsvRow,
    indicators: &[Indicator],
    by_id: &Known,
    own: &mut Gathered,
    communes: &mut [(String, Gathered)],
    diags: &mut Diagnostics,
) {
    let pos = Some(row.pos("indicator"));
    let Some(ind) = by_id.index(file, pos, &row.indicator, diags) else { return };
    let into = match &row.commune {
        None => own,
        Some(name) => match communes.iter_mut().find(|(n, _)| n == name) {
            Some((_, g)) => g,
            None => {
                let known = communes.iter().map(|(n, _)| n.clone()).collect();
                diags.push(Diagnostic::error(
                    file,
                    Some(row.pos("commune")),
                    Data::UnknownCommune { name: name.clone(), known },
                ));
                return;
            }
        },
    };
    let field =
        |t: &Option<String>, name: &str| t.as_ref().map(|text| Field { text: text.clone(), pos: Some(row.pos(name)) });
    let input = ObsInput {
        file: file.to_string(),
        pos,
        period: field(&Some(row.period.clone()).filter(|p| !p.is_empty()), "period"),
        value: field(&row.value, "value"),
        total: field(&row.total, "total"),
        target: field(&row.target, "target"),
        note: row.note.clone(),
        source: None,
        status: field(&row.status, "status"),
        revised_from: field(&row.revised_from, "revised_from"),
        revised_in: field(&row.revised_in, "revised_in"),
    };
    if let Some(obs) = observation::check(&input, &indicators[ind], diags) {
        insert(into, ind, obs, &indicators[ind], diags);
    }
}

fn insert(into: &mut Gathered, ind: usize, obs: Observation, indicator: &Indicator, diags: &mut Diagnostics) {
    let by_period = into.entry(ind).or_default();
    if let Some(first) = by_period.get(&obs.period) {
        let place = first.origin.place();
        let problem = Data::DuplicateObservation { id: indicator.id.clone(), period: obs.period.key(), place };
        diags.push(Diagnostic::error(&obs.origin.file, Some(obs.origin.pos()), problem));
        return;
    }
    by_period.insert(obs.period, obs);
}
