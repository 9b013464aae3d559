//! Character helpers.

pub(super) fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Where `lit` (lowercase) ends if it is written at `at`, in any case.
pub(super) fn lit_at(s: &[char], at: usize, lit: &str) -> Option<usize> {
    let mut k = at;
    for c in lit.chars() {
        if lower(*s.get(k)?) != c {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// `word` is written at `at` as a whole word.
pub(super) fn word_at(s: &[char], at: usize, word: &str) -> bool {
    lit_at(s, at, word)
        .is_some_and(|end| (at == 0 || !s[at - 1].is_alphanumeric()) && s.get(end).is_none_or(|c| !c.is_alphanumeric()))
}

/// `word` (lowercase) written at `i` and ending a word: where it ends.
pub(super) fn whole_at(s: &[char], i: usize, word: &str) -> Option<usize> {
    lit_at(s, i, word).filter(|&e| s.get(e).is_none_or(|c| !c.is_alphanumeric()))
}

pub(super) fn has_word(s: &[char], word: &str) -> bool {
    (0..s.len()).any(|i| word_at(s, i, word))
}

/// `s` without `prefix` (lowercase), compared in any case.
pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = s.chars();
    for p in prefix.chars() {
        if lower(rest.next()?) != p {
            return None;
        }
    }
    Some(rest.as_str())
}

pub(super) fn text(s: &[char], from: usize, to: usize) -> String {
    s[from..to].iter().collect()
}

pub(super) fn digit_at(s: &[char], i: usize) -> bool {
    s.get(i).is_some_and(char::is_ascii_digit)
}

pub(super) fn digits_end(s: &[char], i: usize) -> usize {
    let mut j = i;
    while digit_at(s, j) {
        j += 1;
    }
    j
}

pub(super) fn skip_space(s: &[char], j: usize) -> usize {
    if s.get(j) == Some(&' ') {
        j + 1
    } else {
        j
    }
}

pub(super) fn skip_spaces(s: &[char], mut j: usize) -> usize {
    while s.get(j) == Some(&' ') {
        j += 1;
    }
    j
}
