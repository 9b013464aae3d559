//! The known name closest to a misspelt one, for "did you mean" hints.

/// The candidate nearest to `word` by edit distance (insertions, deletions,
/// substitutions and swaps of two neighbours), when it is near enough to be
/// a slip: at most a third of the word's length (and at least 2) apart, or
/// one name containing the other. Ties go to the earlier candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = distance(word, c);
        let contains = !word.is_empty() && (c.contains(word) || word.contains(c)) && !c.is_empty();
        if (d <= limit || contains) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The optimal-string-alignment distance between `a` and `b`, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v =
                    (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * width + j - 2] + 1);
                }
                v
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("hamlets", "hamlets"), 0);
        assert_eq!(distance("hamlet", "hamlets"), 1);
        assert_eq!(distance("hmalets", "hamlets"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn finds_slips_not_strangers() {
        let ids = ["model-hamlets", "poverty-rate", "hamlets"];
        assert_eq!(closest("hamlet", ids), Some("hamlets"));
        assert_eq!(closest("povery-rate", ids), Some("poverty-rate"));
        assert_eq!(closest("model-hamlet", ids), Some("model-hamlets"));
        assert_eq!(closest("hospital-beds", ids), None);
        assert_eq!(closest("x", []), None);
    }
}
