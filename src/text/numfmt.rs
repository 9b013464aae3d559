//! Numbers and dates in the site's language: `vi` writes `8.850,26` and
//! `06/01/2024`, `en` writes `8,850.26` and `6 Jan 2024`.

use super::lang::Lang;
use jiff::civil::Date;

/// Formats `value` with exactly `decimals` decimals and the language's
/// thousands and decimal separators.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let (thousands, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (fixed.as_str(), None),
    };
    let mut out = String::with_capacity(fixed.len() + int_part.len() / 3 + 1);
    let negative = value < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if negative {
        out.push('-');
    }
    let len = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(ch);
    }
    if let Some(f) = frac_part {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// A derived percentage: one decimal and a `%` (`71,4%`).
pub fn format_percent(value: f64, lang: Lang) -> String {
    format!("{}%", format_number(value, 1, lang))
}

/// A signed change (`+8`, `−1,5`): a plus for growth, a true minus sign for a
/// fall, nothing for no change.
pub fn format_signed(value: f64, decimals: usize, lang: Lang) -> String {
    let body = format_number(value.abs(), decimals, lang);
    let zero = body.bytes().all(|b| !(b'1'..=b'9').contains(&b));
    if zero {
        body
    } else if value > 0.0 {
        format!("+{body}")
    } else {
        format!("\u{2212}{body}")
    }
}

const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A calendar date as people read it: `06/01/2024` (vi), `6 Jan 2024` (en).
pub fn format_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN_MONTHS[(date.month() - 1) as usize], date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(format_number(8850.26, 2, Lang::Vi), "8.850,26");
        assert_eq!(format_number(92.25, 2, Lang::Vi), "92,25");
        assert_eq!(format_number(22.0, 0, Lang::Vi), "22");
        assert_eq!(format_number(1234567.0, 0, Lang::Vi), "1.234.567");
        assert_eq!(format_number(10230.09, 2, Lang::Vi), "10.230,09");
        assert_eq!(format_number(-1500.5, 1, Lang::Vi), "-1.500,5");
        assert_eq!(format_number(100.0, 0, Lang::Vi), "100");
    }

    #[test]
    fn english_numbers() {
        assert_eq!(format_number(8850.26, 2, Lang::En), "8,850.26");
        assert_eq!(format_number(999.0, 0, Lang::En), "999");
        assert_eq!(format_number(1000.0, 0, Lang::En), "1,000");
    }

    #[test]
    fn percents_and_signs() {
        assert_eq!(format_percent(110.0 / 154.0 * 100.0, Lang::Vi), "71,4%");
        assert_eq!(format_percent(8850.26 / 8210.9 * 100.0, Lang::Vi), "107,8%");
        assert_eq!(format_signed(8.0, 0, Lang::Vi), "+8");
        assert_eq!(format_signed(-1.5, 1, Lang::Vi), "\u{2212}1,5");
        assert_eq!(format_signed(0.0, 0, Lang::Vi), "0");
        assert_eq!(format_signed(-0.001, 1, Lang::Vi), "0,0");
    }

    #[test]
    fn dates() {
        assert_eq!(format_date(date(2024, 1, 6), Lang::Vi), "06/01/2024");
        assert_eq!(format_date(date(2024, 1, 6), Lang::En), "6 Jan 2024");
        assert_eq!(format_date(date(2023, 12, 31), Lang::En), "31 Dec 2023");
    }
}
