//! `bantin check --report`: the reporting status of every unit as a table
//! on the terminal, worst first (the rule is [`model::reporting`]), for the
//! officer who has to chase the missing figures.

use crate::diag::messages::Cli;
use crate::model::reporting::{owed, Owed};
use crate::model::{Certainty, Site};
use crate::text::lang::Lang;

/// The table of what each unit owes, and a last line counting those up to
/// date; columns padded to their widest cell.
pub fn table(site: &Site, lang: Lang) -> String {
    let all = owed(site);
    let (owing, fine): (Vec<&Owed>, Vec<&Owed>) = all.iter().partition(|o| o.owes());
    let header: Vec<String> = Cli::ReportHeader.text(lang).split('|').map(str::to_string).collect();
    let mut rows = vec![header];
    for o in owing {
        rows.push(row(site, o, lang));
    }
    let widths: Vec<usize> =
        (0..rows[0].len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in &rows {
        let cells: Vec<String> =
            r.iter().zip(&widths).map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count()))).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str(&Cli::ReportUpToDate { fine: fine.len(), owing: all.len() - fine.len() }.text(lang));
    out.push('\n');
    out
}

fn row(site: &Site, o: &Owed, lang: Lang) -> Vec<String> {
    let d = &site.districts[o.unit];
    let latest = o.latest.map(|p| crate::render::format::period(p, lang)).unwrap_or_else(|| "–".into());
    let status = match (o.never, o.provisional) {
        (true, _) => Cli::ReportNever.text(lang),
        (false, Certainty::Final) => String::new(),
        (false, c) => crate::render::format::certainty(c, lang).to_string(),
    };
    // `Xã Cẩm Thủy` and `Huyện Cẩm Thủy` are two units.
    let name = match &d.level {
        Some(level) => format!("{} {}", capitalized(level), d.name),
        None => d.name.clone(),
    };
    vec![
        name,
        site.indicators[o.indicator].name.clone(),
        latest,
        o.behind.to_string(),
        o.unmet_plans.to_string(),
        status,
    ]
}

/// `xã` → `Xã`.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
