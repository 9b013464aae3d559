//! Where things are in a YAML file.
//!
//! serde gives us typed values but forgets where they came from. This index
//! walks the same text once more with an event parser and records, for every
//! node, its path (`data.model-hamlets[1].value`), its line and column, and a
//! scalar's text exactly as written (so `92.50` keeps its two decimals). It
//! also finds duplicate keys, which serde would silently merge.

use crate::diag::Pos;
use saphyr_parser::{Event, Parser};
use std::collections::{BTreeMap, BTreeSet};

/// One node of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    /// The scalar's text as written; `None` for mappings and sequences.
    pub scalar: Option<String>,
}

/// Positions of every node of one YAML document, by path.
#[derive(Debug, Default, Clone)]
pub struct YamlIndex {
    nodes: BTreeMap<String, Node>,
    /// Keys written twice in one mapping: the path and the second place.
    pub duplicate_keys: Vec<(String, Pos)>,
    /// Line offset added to every position (front matter starts on line 2).
    line_offset: usize,
}

enum Frame {
    Map { path: String, key: Option<String>, seen: BTreeSet<String> },
    Seq { path: String, next: usize },
}

impl YamlIndex {
    /// Indexes `text`; positions are shifted down by `line_offset` lines.
    pub fn build(text: &str, line_offset: usize) -> YamlIndex {
        let mut index = YamlIndex { line_offset, ..Default::default() };
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let pos = Pos::new(span.start.line() + line_offset, span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(path) = index.place(&mut stack, Some(&value), pos) {
                        index.insert(path, pos, Some(value.into_owned()));
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = index.place(&mut stack, None, pos) {
                        index.insert(path, pos, None);
                    }
                }
                Event::MappingStart(..) => {
                    let path = index.place(&mut stack, None, pos).unwrap_or_default();
                    index.insert(path.clone(), pos, None);
                    stack.push(Frame::Map { path, key: None, seen: BTreeSet::new() });
                }
                Event::SequenceStart(..) => {
                    let path = index.place(&mut stack, None, pos).unwrap_or_default();
                    index.insert(path.clone(), pos, None);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    Self::value_done(&mut stack);
                }
                _ => {}
            }
        }
        index
    }

    /// Decides the path of the node that starts now. Returns `None` when the
    /// node is a mapping key (recorded in its frame instead).
    fn place(&mut self, stack: &mut [Frame], scalar: Option<&str>, pos: Pos) -> Option<String> {
        let Some(top) = stack.last_mut() else {
            return Some(String::new());
        };
        match top {
            Frame::Seq { path, next } => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Some(p)
            }
            Frame::Map { path, key, seen } => match key.take() {
                None => {
                    let k = scalar.unwrap_or("?").to_string();
                    let full = join(path, &k);
                    if !seen.insert(k.clone()) {
                        self.duplicate_keys.push((full.clone(), pos));
                    }
                    self.nodes.entry(format!("{full}#key")).or_insert(Node { pos, scalar: None });
                    *key = Some(k);
                    None
                }
                Some(k) => {
                    let full = join(path, &k);
                    // A scalar or alias value is complete at once; a
                    // collection value finishes at its end event.
                    if scalar.is_some() {
                        *key = None;
                    } else {
                        *key = Some(k);
                    }
                    Some(full)
                }
            },
        }
    }

    fn value_done(stack: &mut [Frame]) {
        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }

    fn insert(&mut self, path: String, pos: Pos, scalar: Option<String>) {
        self.nodes.entry(path).or_insert(Node { pos, scalar });
    }

    /// The node at `path`, if the document has one.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// The position of `path`, or of its closest parent that exists.
    pub fn pos(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(n.pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The position of the key that introduces `path` (`data.foo` → `foo:`).
    pub fn key_pos(&self, path: &str) -> Option<Pos> {
        self.nodes.get(&format!("{path}#key")).map(|n| n.pos).or_else(|| self.pos(path))
    }

    /// The scalar text at `path`, exactly as written.
    pub fn scalar(&self, path: &str) -> Option<&str> {
        self.nodes.get(path).and_then(|n| n.scalar.as_deref())
    }

    /// The keys of the mapping at `path`, in document order of position.
    /// Only the nodes under `path` are visited (the index is sorted by
    /// path), so asking for each of 10,000 communes stays linear.
    pub fn keys_of(&self, path: &str) -> Vec<(String, Pos)> {
        let prefix = if path.is_empty() { String::new() } else { format!("{path}.") };
        let mut out: Vec<(String, Pos)> = self
            .nodes
            .range::<str, _>((std::ops::Bound::Included(prefix.as_str()), std::ops::Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter_map(|(k, n)| {
                let rest = k.strip_prefix(&prefix)?.strip_suffix("#key")?;
                (!rest.contains(['.', '['])).then(|| (rest.to_string(), n.pos))
            })
            .collect();
        out.sort_by_key(|(_, p)| *p);
        out
    }

    pub fn line_offset(&self) -> usize {
        self.line_offset
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name: Kỳ Anh\ndata:\n  gross-output:\n    - { period: 2023, value: 8850.20 }\n    - period: 2024\n      target: 10230.09\ncommunes:\n  - Kỳ Châu\n";

    #[test]
    fn paths_positions_and_text() {
        let ix = YamlIndex::build(DOC, 0);
        assert_eq!(ix.scalar("name"), Some("Kỳ Anh"));
        assert_eq!(ix.pos("name"), Some(Pos::new(1, 7)));
        assert_eq!(ix.scalar("data.gross-output[0].value"), Some("8850.20"));
        assert_eq!(ix.pos("data.gross-output[0]"), Some(Pos::new(4, 7)));
        assert_eq!(ix.pos("data.gross-output[1].target"), Some(Pos::new(6, 15)));
        assert_eq!(ix.scalar("communes[0]"), Some("Kỳ Châu"));
        assert_eq!(ix.key_pos("data"), Some(Pos::new(2, 1)));
        // A missing child falls back to its parent.
        assert_eq!(ix.pos("data.gross-output[1].value"), Some(Pos::new(5, 7)));
        let keys: Vec<String> = ix.keys_of("").into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["name", "data", "communes"]);
    }

    #[test]
    fn duplicate_keys_and_offset() {
        let ix = YamlIndex::build("title: a\ndate: 2024-01-01\ntitle: b\n", 1);
        assert_eq!(ix.duplicate_keys, vec![("title".to_string(), Pos::new(4, 1))]);
        assert_eq!(ix.pos("date"), Some(Pos::new(3, 7)));
    }
}
