//! Vietnamese ordering of names (ICU collation): `Cẩm Thủy` < `Kỳ Anh` <
//! `Vũ Quang`, `Đức` after `Dương`, tone marks as secondary differences.

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use std::cmp::Ordering;

/// Compares names by Vietnamese collation rules, with a byte-wise tiebreak so
/// the order is total and deterministic.
pub struct NameOrder {
    collator: CollatorBorrowed<'static>,
}

impl NameOrder {
    pub fn vietnamese() -> Self {
        let collator = Collator::try_new(locale!("vi").into(), CollatorOptions::default()).unwrap_or_else(|_| {
            // The root collation is compiled in and cannot fail.
            Collator::try_new(Default::default(), CollatorOptions::default())
                .expect("root collation data is compiled into icu_collator")
        });
        NameOrder { collator }
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b).then_with(|| a.cmp(b))
    }
}

impl Default for NameOrder {
    fn default() -> Self {
        Self::vietnamese()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order() {
        let order = NameOrder::vietnamese();
        let mut names = vec!["Vũ Quang", "Đức Lĩnh", "Kỳ Anh", "Cẩm Thủy", "Dương Thủy", "Ân Phú"];
        names.sort_by(|a, b| order.compare(a, b));
        assert_eq!(names, vec!["Ân Phú", "Cẩm Thủy", "Dương Thủy", "Đức Lĩnh", "Kỳ Anh", "Vũ Quang"]);
    }
}
