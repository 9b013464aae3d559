//! Title, byline and photo captions.

use super::*;

pub(super) fn take_title(kept: &mut Vec<Line>) -> Option<String> {
    let idx = kept.iter().position(|l| l.kind == Kind::Text)?;
    Some(kept.remove(idx).text)
}

pub(super) fn tidy_title(title: &str) -> String {
    let t = title.trim();
    match t.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest.trim_end().to_string(),
        _ => t.to_string(),
    }
}

/// Removes and returns the byline, if the last text line is one.
pub(super) fn take_author(kept: &mut Vec<Line>) -> Option<String> {
    let idx = kept.iter().rposition(|l| l.kind == Kind::Text)?;
    let author = byline(&kept[idx].text)?;
    kept.remove(idx);
    Some(author)
}

pub(super) fn byline(line: &str) -> Option<String> {
    let last = line.chars().last()?;
    if line.chars().count() > 60 || line.chars().any(|c| c.is_ascii_digit()) || ".:;!?,".contains(last) {
        return None;
    }
    let body = BYLINE_PREFIXES.iter().find_map(|p| strip_prefix_ci(line, p)).unwrap_or(line).trim();
    let names = match body.find('(') {
        Some(open) if body.ends_with(')') => &body[..open],
        Some(_) => return None,
        None => body,
    };
    names_ok(names).then(|| body.to_string())
}

/// One or more names of capitalised words, joined by separators or `và`.
pub(super) fn names_ok(names: &str) -> bool {
    let mut spaced = String::with_capacity(names.len() + 8);
    for c in names.chars() {
        if matches!(c, ',' | '-' | '–' | '—' | '&' | '/') {
            spaced.push_str(" , ");
        } else {
            spaced.push(c);
        }
    }
    let (mut words, mut in_name) = (0usize, 0usize);
    for w in spaced.split_whitespace() {
        if w == "," || w == "và" {
            if in_name == 0 {
                return false;
            }
            in_name = 0;
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        in_name += 1;
        words += 1;
        if in_name > 5 {
            return false;
        }
    }
    in_name > 0 && words <= 10
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    pub(super) text: String,
    pub(super) caption: bool,
}

pub(super) fn classify(kept: &[Line]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for line in kept.iter().filter(|l| l.kind == Kind::Text) {
        let after_caption = out.last().is_some_and(|p| p.caption);
        let caption = is_caption(&line.text) || (after_caption && is_caption_continuation(&line.text));
        out.push(Paragraph { text: line.text.clone(), caption });
    }
    out
}

pub(super) fn caption_shaped(line: &str) -> bool {
    line.chars().count() <= 300 && !line.contains(':') && single_sentence(line)
}

pub(super) fn single_sentence(line: &str) -> bool {
    let inner: Vec<char> = line.trim_matches(['.', '…', '!', '?', ' ']).chars().collect();
    !inner.windows(2).any(|w| matches!(w[0], '.' | '!' | '?' | '…') && w[1] == ' ')
}

pub(super) fn is_caption(line: &str) -> bool {
    if !caption_shaped(line) {
        return false;
    }
    let s: Vec<char> = line.chars().collect();
    if SPEECH_VERBS.iter().any(|v| has_word(&s, v)) {
        return false;
    }
    let opens = |list: &[&str]| list.iter().any(|w| word_at(&s, 0, w));
    opens(SCENE_OPENERS) || (opens(PERSON_OPENERS) && CAPTION_VERBS.iter().any(|v| has_word(&s, v)))
}

/// `... và các cá nhân có thành tích xuất sắc.` after a caption.
pub(super) fn is_caption_continuation(line: &str) -> bool {
    (line.starts_with("...") || line.starts_with('…')) && caption_shaped(line)
}
