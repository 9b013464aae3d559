//! The figures as observations to confirm: a YAML snippet for
//! `district.yaml`, every line commented out.
//!
//! Numbers are written as the article writes them (`8.850,26` → `8850.26`);
//! the only number bantin works out is the target behind a share of the
//! plan, and its comment says so.

use super::*;

/// Suggested observations for `district.yaml`, every line commented out so
/// that pasting the snippet changes nothing until the author edits it.
/// `known` are the site's indicators, to suggest one for each figure.
pub fn figures_yaml(imported: &Imported, known: &[KnownIndicator]) -> String {
    let when = imported.date.map_or_else(|| "date unknown".to_string(), ymd);
    let mut out =
        format!("# Figures found by bantin import in {} ({when}).\n", crate::text::yaml::quoted(&imported.title));
    out.push_str(HOW_TO);
    if imported.figures.is_empty() {
        out.push_str("# (no figures found)\n");
    }
    for f in &imported.figures {
        match f.role {
            Role::PlanShare { paired: true } => {}
            Role::PlanShare { paired: false } => out.push_str(&note_line(f, "a share of the plan, not a value")),
            Role::Change => out.push_str(&note_line(f, "a change, not a level")),
            Role::Value | Role::Target(_) => out.push_str(&observation_lines(f, known)),
        }
    }
    out
}

const HOW_TO: &str = "\
# Every line is commented out. For each figure you keep: check it against the
# article, paste its `- { … }` line under the indicator's id in the district's
# `data:` (`indicator: …?` is a guess from its unit and the words of its name),
# and remove the leading `#`. `target:` is a plan, not a result; a target marked
# \"computed\" is bantin's arithmetic, not the article's: check it against the plan.
";

/// `#   - { period: …, value: … }   # "text" – …context (kind)` and a line
/// saying which indicator, where the period came from and what was computed.
fn observation_lines(f: &Figure, known: &[KnownIndicator]) -> String {
    let period = f.period.value.as_deref().unwrap_or("YYYY-MM");
    let number = yaml_value(f);
    let fields = match (f.role, &f.share) {
        (Role::Target(_), _) => match f.total {
            Some(total) => format!("target: {}, total: {}", plain_number(f.value, 0), plain_number(total, 0)),
            None => format!("target: {number}"),
        },
        (_, Some(share)) => format!("value: {number}, target: {}", computed_target(f, share)),
        _ => format!("value: {number}"),
    };
    let about = if f.context.is_empty() { String::new() } else { format!(" – …{}", f.context) };
    let mut out = format!("#   - {{ period: {period}, {fields} }}   # \"{}\"{about} ({})\n", f.text, f.kind);
    let mut notes = Vec::new();
    if let Some(s) = suggest(f, known) {
        notes.push(format!("indicator: {}? ({} of the {} words of its name)", s.id, s.matched, s.of));
    }
    notes.push(format!("period: {}", f.period.from));
    if let Role::Target(word) = f.role {
        notes.push(format!("a plan (\"{word}\")"));
    }
    if let Some(share) = &f.share {
        notes.push(format!(
            "target computed from \"{}\": {} / {}%, check it against the plan",
            share.text,
            number_of(f),
            plain_number(share.percent, decimals_in(&share.text))
        ));
    }
    out.push_str(&format!("#       {}\n", notes.join(" · ")));
    out
}

/// A figure that is no observation, offered as the note of one.
fn note_line(f: &Figure, what: &str) -> String {
    // The context without the verb that starts the note (`tăng`, `đạt`).
    let verb = f.note.split(' ').next().unwrap_or_default();
    let context = match f.context.rsplit_once(' ') {
        Some((rest, last)) if last == verb || last.strip_prefix('(') == Some(verb) => rest,
        _ if f.context == verb => "",
        _ => f.context.as_str(),
    };
    let context = context.trim_end_matches(|c: char| !c.is_alphanumeric());
    let context = if context.is_empty() { String::new() } else { format!("…{context}: ") };
    format!(
        "#   note: {}   # {context}{what}; add it as the `note` of the observation it belongs to\n",
        crate::text::yaml::quoted(&f.note)
    )
}

/// The value of a figure (without its total), as written.
fn number_of(f: &Figure) -> String {
    match f.total {
        Some(_) => plain_number(f.value, 0),
        None => yaml_value(f),
    }
}

/// The plan behind `value` and its share `p`%: value × 100 / p, rounded
/// to as many decimals as the value is written with.
pub(super) fn computed_target(f: &Figure, share: &Share) -> String {
    let decimals = if f.total.is_some() { 0 } else { decimals_in(&f.text) };
    plain_number(f.value * 100.0 / share.percent, decimals)
}
