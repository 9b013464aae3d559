//! What each figure is (a value, a plan, a change, a share of the plan),
//! its period, and the words that say what it counts.

use super::*;

/// Fills in the role, period, words and note of every figure, and pairs a
/// share of the plan with the amount or count just before it in its clause.
pub(super) fn annotate(paragraphs: &[&str], figures: &mut [Figure], fallback: &Fallback) {
    let year = fallback.date.map(|d| d.year());
    for (p, text) in paragraphs.iter().enumerate() {
        let s: Vec<char> = text.chars().collect();
        let found = mentions(&s, year);
        let plans = plan_scopes(&s);
        let idx: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].at.0 == p).collect();
        for (n, &i) in idx.iter().enumerate() {
            let prev_end = n.checked_sub(1).map(|m| figures[idx[m]].at.2);
            let next_start = idx.get(n + 1).map(|&m| figures[m].at.1);
            let f = &mut figures[i];
            let span = (f.at.1, f.at.2);
            f.period = period_for(&s, &found, span, fallback);
            f.role = role(&s, f, &plans);
            f.about = about(&s, span, prev_end, next_start);
            f.note = note_text(&s, span, next_start);
        }
        pair_shares(&s, figures, &idx);
    }
}

/// A share of the plan, a change, a plan or a value, in that order.
fn role(s: &[char], f: &Figure, plans: &[(usize, usize, &'static str)]) -> Role {
    if f.unit == "% kế hoạch" {
        return Role::PlanShare { paired: false };
    }
    if CHANGE_WORDS.contains(&prev_word(s, f.at.1).0.as_str()) {
        return Role::Change;
    }
    match plans.iter().find(|&&(from, to, _)| from <= f.at.1 && f.at.1 < to) {
        Some(&(_, _, word)) => Role::Target(word),
        None => Role::Value,
    }
}

/// Where plan words make the figures after them plans: from the end of
/// the word to the end of its clause, and on over list items that follow
/// it (`mục tiêu năm 2024 - …; - …; - …`). A plan word right after a number
/// (`20/21 chỉ tiêu`) or a `%` (`107,79% kế hoạch`), or after a word of
/// [`NOT_PLAN_AFTER`] (`đạt và vượt kế hoạch`), is not one.
pub(super) fn plan_scopes(s: &[char]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for i in 0..s.len() {
        if i > 0 && s[i - 1].is_alphanumeric() {
            continue;
        }
        let Some((word, end)) = PLAN_MARKERS.iter().find_map(|w| whole_at(s, i, w).map(|e| (*w, e))) else {
            continue;
        };
        let mut b = i;
        while b > 0 && s[b - 1] == ' ' {
            b -= 1;
        }
        // `107,79% kế hoạch` is a share; `20/21 chỉ tiêu` a unit.
        let after_number = b > 0 && (s[b - 1] == '%' || (word == "chỉ tiêu" && s[b - 1].is_ascii_digit()));
        if after_number || NOT_PLAN_AFTER.contains(&prev_word(s, i).0.as_str()) {
            continue;
        }
        let mut to = clause_bounds(s, end).1;
        while s.get(to) == Some(&';') {
            let k = skip_spaces(s, to + 1);
            if !(matches!(s.get(k), Some('-' | '+')) && s.get(k + 1) == Some(&' ')) {
                break;
            }
            to = clause_bounds(s, k + 1).1;
        }
        out.push((end, to, word));
    }
    out
}

/// The words of the figure's clause between the figures around it.
fn about(s: &[char], (start, end): (usize, usize), prev_end: Option<usize>, next_start: Option<usize>) -> String {
    let (from, to) = clause_bounds(s, start);
    let a = prev_end.filter(|&e| e >= from && e <= start).unwrap_or(from);
    let b = next_start.filter(|&n| n >= end && n <= to).unwrap_or(to);
    text(s, a, b).trim().to_string()
}

/// The figure with the verb before it (`tăng`, `đạt`…) and the words after
/// it up to a comma, a parenthesis, the next figure or the end of its
/// clause (at most [`NOTE_WORDS`] words): `tăng 14,62% so với năm 2022`.
fn note_text(s: &[char], (start, end): (usize, usize), next_start: Option<usize>) -> String {
    let (word, word_start) = prev_word(s, start);
    let verb = CHANGE_WORDS.contains(&word.as_str()) || SHARE_VERBS.contains(&word.as_str());
    let from = if verb { word_start } else { start };
    let clause_end = clause_bounds(s, end).1.min(next_start.unwrap_or(usize::MAX)).max(end);
    let mut to = (end..clause_end).find(|&k| matches!(s[k], ',' | '(' | ')')).unwrap_or(clause_end);
    let mut words = 0;
    for k in end..to {
        if s[k] == ' ' && s.get(k + 1).is_some_and(|c| *c != ' ') {
            words += 1;
            if words > NOTE_WORDS {
                to = k;
                break;
            }
        }
    }
    let note = text(s, from, to);
    let note = note.trim_end_matches([' ', '.', '…']);
    match note.rsplit_once(' ') {
        // A note cut before the next figure ends without the word that introduces it (`và`).
        Some((kept, last)) if next_start == Some(to) && !last.chars().any(|c| c.is_ascii_digit()) => kept.to_string(),
        _ => note.to_string(),
    }
}

/// A share of the plan right after an amount or count that is a value, in
/// the same clause, belongs to it.
fn pair_shares(s: &[char], figures: &mut [Figure], idx: &[usize]) {
    for pair in idx.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let share = &figures[b];
        let owner = &figures[a];
        let fits = matches!(share.role, Role::PlanShare { .. })
            && share.value > 0.0
            && owner.role == Role::Value
            && matches!(owner.kind, "count" | "amount")
            && owner.at.1 >= clause_bounds(s, share.at.1).0;
        if fits {
            let found = Share { text: share.note.clone(), percent: share.value };
            figures[a].share = Some(found);
            figures[b].role = Role::PlanShare { paired: true };
        }
    }
}
