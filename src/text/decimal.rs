//! The Vietnamese decimal comma: numbers written the way they are shown.
//!
//! A Vietnamese officer writes *8.850,26 tỷ đồng*: a dot between thousands
//! and a comma before the decimals. bantin reads numbers the YAML way (a
//! dot decimal, no thousands separator: `8850.26`), and a number typed as it
//! is shown must never become a different number on a public page. The rule:
//!
//! 1. **A comma is never a decimal point.** `8.850,26`, `8,85`, `107,79%`
//!    and `1.234.567` are not numbers; each is an error whose hint writes the
//!    number the YAML way ([`yaml_way`]: `8850.26`, `8.85`, `107.79`,
//!    `1234567`); a comma is read as a Vietnamese decimal comma unless the
//!    number can only be English (`8,850.26`, `1,234,567`).
//! 2. **A comma that YAML or CSV took as a separator is the same mistake.**
//!    In a flow mapping, `{ period: 2023, value: 8.850,26 }` reads as the
//!    value `8.850` and a key `26` with no value; in a CSV row, `8.850,26`
//!    unquoted is two cells. Both are errors that name the whole number
//!    ([`rejoined`] puts it back together).
//! 3. **A dot with exactly three decimals is ambiguous.** `8.850` is a valid
//!    YAML number, eight point eight five, but it is how a Vietnamese officer
//!    writes eight thousand eight hundred and fifty: a warning that says how
//!    YAML reads it and how to write 8850 ([`three_decimals`]).

/// The number the YAML way, for a number written with Vietnamese
/// separators (`8.850,26` → `8850.26`); `None` when `text` is not such a
/// number or is already written the YAML way.
pub fn yaml_way(text: &str) -> Option<String> {
    english_way(text).or_else(|| vietnamese_way(text))
}

/// A number with English separators that cannot be read the Vietnamese
/// way: several comma groups (`1,234,567`) or commas before a dot
/// (`8,850.26`).
fn english_way(text: &str) -> Option<String> {
    let t = text.trim();
    let (whole, decimals) = match t.split_once('.') {
        Some((w, d)) => (w, Some(d)),
        None => (t, None),
    };
    let groups: Vec<&str> = whole.trim_start_matches('-').split(',').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() > 1
        && groups[0].len() <= 3
        && groups.iter().all(|g| digits(g))
        && groups[1..].iter().all(|g| g.len() == 3);
    let unambiguous = groups.len() > 2 || decimals.is_some();
    if !grouped || !unambiguous || decimals.is_some_and(|d| !digits(d)) {
        return None;
    }
    let sign = if whole.starts_with('-') { "-" } else { "" };
    Some(format!("{sign}{}{}", groups.concat(), decimals.map(|d| format!(".{d}")).unwrap_or_default()))
}

fn vietnamese_way(text: &str) -> Option<String> {
    let t = text.trim();
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    let (whole, decimals) = match digits.split_once(',') {
        Some((w, d)) => (w, Some(d)),
        None => (digits, None),
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped = groups.len() > 1;
    let whole_ok = !groups[0].is_empty()
        && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (!grouped || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    let decimals_ok = decimals.is_none_or(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    // A lone dot group (`8.850`) is a valid YAML number: rule 3, not rule 1.
    if !whole_ok || !decimals_ok || (decimals.is_none() && groups.len() < 3 && !percent) {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(d) = decimals {
        out.push('.');
        out.push_str(d);
    }
    Some(out)
}

/// The number that a separator cut in two: `8.850` and `26` were written
/// `8.850,26`. `None` when the two pieces do not make such a number.
pub fn rejoined(before: &str, after: &str) -> Option<String> {
    let (before, after) = (before.trim(), after.trim());
    let after_digits = after.strip_suffix('%').unwrap_or(after);
    let looks_cut = !after_digits.is_empty()
        && after_digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && after_digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !before.is_empty()
        && before.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.');
    looks_cut.then(|| format!("{before},{after}"))
}

/// When `text` is a YAML number with a dot and exactly three decimals
/// (`8.850`): the number YAML reads (`8.85`) and the whole number it may have
/// meant (`8850`).
pub fn three_decimals(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    let (whole, frac) = digits.split_once('.')?;
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !plain(whole) || !plain(frac) || frac.len() != 3 || whole.len() > 3 || whole.starts_with('0') {
        return None;
    }
    let read = format!("{sign}{whole}.{}", frac.trim_end_matches('0')).trim_end_matches('.').to_string();
    Some((read, format!("{sign}{whole}{frac}")))
}

/// What a percent in a note says: a change (`tăng 14,6%`, `giảm 3,2%`) or a
/// share of a plan (`đạt 107,8% kế hoạch`, `77% KH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Change,
    Plan,
}

/// A percent written in a note, the way Vietnamese text writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SaidPercent {
    pub text: String,
    pub value: f64,
    pub decimals: u8,
    pub about: About,
    /// `giảm` (a fall): the change is negative.
    pub fall: bool,
    /// What follows the percent sign (lower case), which says what a
    /// change is compared with (`so với cùng kỳ`).
    pub after: String,
}

/// The percents of a note that restate a change or a share of a plan
/// (numbers with a decimal comma: `14,62%`); others are left out.
pub fn percents(note: &str) -> Vec<SaidPercent> {
    let mut out = Vec::new();
    for (i, _) in note.match_indices('%') {
        let before = &note[..i];
        let number: String =
            before.chars().rev().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
        let number: String = number.chars().rev().collect();
        let number = number.trim_start_matches([',', '.']);
        if number.is_empty() {
            continue;
        }
        let Ok(value) = number.replace('.', "").replace(',', ".").parse::<f64>() else { continue };
        let decimals = number.split_once(',').map(|(_, f)| f.len()).unwrap_or(0) as u8;
        let words_before = before[..before.len() - number.len()].trim_end().to_lowercase();
        let after = note[i + 1..].trim_start().to_lowercase();
        let (about, fall) = if after.starts_with("kế hoạch") || after.starts_with("kh") {
            (About::Plan, false)
        } else if words_before.ends_with("tăng") {
            (About::Change, false)
        } else if words_before.ends_with("giảm") {
            (About::Change, true)
        } else {
            continue;
        };
        let verb = match (about, fall) {
            (About::Change, false) => "tăng ",
            (About::Change, true) => "giảm ",
            (About::Plan, _) => "",
        };
        let noun = if about == About::Plan { " kế hoạch" } else { "" };
        out.push(SaidPercent { text: format!("{verb}{number}%{noun}"), value, decimals, about, fall, after });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_is_never_a_decimal_point() {
        assert_eq!(yaml_way("8.850,26").as_deref(), Some("8850.26"));
        assert_eq!(yaml_way("8,85").as_deref(), Some("8.85"));
        assert_eq!(yaml_way("107,79%").as_deref(), Some("107.79"));
        assert_eq!(yaml_way("1.234.567").as_deref(), Some("1234567"));
        assert_eq!(yaml_way("-3,2").as_deref(), Some("-3.2"));
        assert_eq!(yaml_way(" 29,506 ").as_deref(), Some("29.506"));
    }

    #[test]
    fn english_separators_that_cannot_be_vietnamese_are_read_as_english() {
        assert_eq!(yaml_way("8,850.26").as_deref(), Some("8850.26"));
        assert_eq!(yaml_way("1,234,567").as_deref(), Some("1234567"));
        assert_eq!(yaml_way("1,234").as_deref(), Some("1.234"), "one comma group is a Vietnamese decimal comma");
    }

    #[test]
    fn numbers_already_written_the_yaml_way_need_no_hint() {
        assert_eq!(yaml_way("8850.26"), None);
        assert_eq!(yaml_way("8.850"), None, "valid YAML: rule 3");
        assert_eq!(yaml_way("118"), None);
        assert_eq!(yaml_way("abc"), None);
        assert_eq!(yaml_way("1.23.4"), None, "thousands groups have three digits");
        assert_eq!(yaml_way("8.850,"), None);
        assert_eq!(yaml_way(",5"), None);
    }

    #[test]
    fn a_comma_taken_as_a_separator_is_put_back() {
        assert_eq!(rejoined("8.850", "26").as_deref(), Some("8.850,26"));
        assert_eq!(rejoined("107", "79%").as_deref(), Some("107,79%"));
        assert_eq!(rejoined("8.850", "ghi chú"), None);
        assert_eq!(rejoined("Kỳ Anh", "26"), None);
        assert_eq!(rejoined("", "26"), None);
    }

    #[test]
    fn a_dot_with_three_decimals_is_ambiguous() {
        assert_eq!(three_decimals("8.850"), Some(("8.85".into(), "8850".into())));
        assert_eq!(three_decimals("1.500"), Some(("1.5".into(), "1500".into())));
        assert_eq!(three_decimals("29.506"), Some(("29.506".into(), "29506".into())));
        assert_eq!(three_decimals("-2.000"), Some(("-2".into(), "-2000".into())));
        assert_eq!(three_decimals("8850.26"), None);
        assert_eq!(three_decimals("0.125"), None, "a fraction below one is not a thousands group");
        assert_eq!(three_decimals("8.85"), None);
        assert_eq!(three_decimals("1234.567"), None);
    }

    #[test]
    fn a_note_says_a_change_or_a_share_of_plan_in_vietnamese_numbers() {
        let said = percents("Đạt 107,79% kế hoạch, tăng 14,62% so với năm 2022; giảm 3% hộ nghèo; 35,59% từ nhân dân");
        let got: Vec<(f64, u8, About, bool)> = said.iter().map(|s| (s.value, s.decimals, s.about, s.fall)).collect();
        assert_eq!(
            got,
            vec![(107.79, 2, About::Plan, false), (14.62, 2, About::Change, false), (3.0, 0, About::Change, true)]
        );
        assert_eq!(percents("đạt 77% KH năm")[0].about, About::Plan);
        assert!(percents("tăng 5 bậc, 1.234 người").is_empty());
    }
}
