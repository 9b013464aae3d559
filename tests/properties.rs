//! Properties that hold for any input: slugs and number formats.

use bantin::text::lang::Lang;
use bantin::text::numfmt::format_number;
use bantin::text::slug::{is_slug, slugify};
use proptest::prelude::*;

proptest! {
    #[test]
    fn slugs_are_ascii_trimmed_and_idempotent(s in "\\PC{0,60}") {
        let once = slugify(&s);
        prop_assert!(once.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        prop_assert!(once.is_empty() || is_slug(&once));
        prop_assert!(!once.contains("--") && !once.starts_with('-') && !once.ends_with('-'));
        prop_assert_eq!(slugify(&once), once);
    }

    #[test]
    fn vietnamese_letters_slug_to_their_base(s in "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{1,30}") {
        let slug = slugify(&s);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
    }

    #[test]
    fn numbers_read_back_to_the_value(v in -1.0e12f64..1.0e12, decimals in 0usize..4) {
        for (lang, thousands, point) in [(Lang::Vi, '.', ','), (Lang::En, ',', '.')] {
            let shown = format_number(v, decimals, lang);
            let plain: String = shown.chars().filter(|&c| c != thousands).map(|c| if c == point { '.' } else { c }).collect();
            let back: f64 = plain.parse().unwrap();
            let expected: f64 = format!("{:.*}", decimals, v).parse().unwrap();
            prop_assert!((back - expected).abs() < 1e-6, "{} -> {} -> {}", v, shown, back);
            let written = shown.split(point).nth(1).map(str::len).unwrap_or(0);
            prop_assert_eq!(written, decimals, "{} keeps {} decimals", shown, decimals);
            // Groups of three digits between separators.
            let int_part = shown.trim_start_matches('-').split(point).next().unwrap();
            for (i, group) in int_part.split(thousands).enumerate() {
                prop_assert!(if i == 0 { (1..=3).contains(&group.len()) } else { group.len() == 3 }, "{}", shown);
            }
        }
    }
}
