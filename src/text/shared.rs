//! [`Shared`]: a piece of a text held once. A file's text is read into one
//! of these, and an article's body is a piece of it rather than a copy (at
//! 100,000 articles a copy of every body was half of a build's memory).

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// An immutable piece of a shared string; cheap to clone.
#[derive(Clone, Default)]
pub struct Shared {
    whole: Arc<String>,
    range: Range<usize>,
}

impl Shared {
    /// The piece of `self` at `range` (byte offsets into `self`), sharing
    /// the same text. `None` when the range is out of bounds or does not
    /// fall on character boundaries.
    pub fn slice(&self, range: Range<usize>) -> Option<Shared> {
        self.get(range.clone())?;
        let start = self.range.start + range.start;
        Some(Shared { whole: Arc::clone(&self.whole), range: start..start + range.len() })
    }

    /// Where `self` is in `other`, when it is a piece of the same text
    /// (byte offsets into `other`).
    pub fn range_in(&self, other: &Shared) -> Option<Range<usize>> {
        let inside = other.range.start <= self.range.start && self.range.end <= other.range.end;
        (Arc::ptr_eq(&self.whole, &other.whole) && inside)
            .then(|| self.range.start - other.range.start..self.range.end - other.range.start)
    }

    /// The piece as a `&str`.
    pub fn as_str(&self) -> &str {
        &self.whole[self.range.clone()]
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        let range = 0..s.len();
        Shared { whole: Arc::new(s), range }
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared::from(s.to_string())
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Shared {}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for Shared {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_shares_the_text_and_reads_as_its_piece() {
        let whole = Shared::from("---\ntitle: Kỳ Anh\n---\nThân bài\n".to_string());
        let start = whole.find("Thân").unwrap();
        let body = whole.slice(start..whole.len()).unwrap();
        assert_eq!(body, "Thân bài\n");
        assert!(Arc::ptr_eq(&whole.whole, &body.whole));
        let word = body.slice(0..5).unwrap();
        assert_eq!(word, "Thân");
        assert_eq!(word.range_in(&whole), Some(start..start + 5));
        assert_eq!(word.range_in(&body), Some(0..5));
        assert_eq!(body.range_in(&word), None, "larger than it");
        assert_eq!(Shared::from("Thân").range_in(&whole), None, "another text");
        assert_eq!(format!("{word:?}"), "\"Thân\"");
    }

    #[test]
    fn refuses_pieces_off_bounds_or_inside_a_character() {
        let s = Shared::from("Thân".to_string());
        assert!(s.slice(0..3).is_none(), "â is two bytes");
        assert!(s.slice(2..9).is_none());
        assert_eq!(s.slice(4..4).unwrap(), "");
    }
}
