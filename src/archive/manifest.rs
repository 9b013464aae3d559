//! `MANIFEST.sha256` as `verify` reads it: line by line as it is inflated,
//! never whole. Each line is 64 lowercase hex digits, two spaces and a safe
//! path, the paths sorted and none twice; the last line ends with `\n`.

use super::{name_problem, MANIFEST};
use crate::diag::messages::{ManifestProblem, Unverifiable};

/// A SHA-256, as 32 bytes.
pub(super) type Digest = [u8; 32];

/// The manifest read so far.
pub(super) struct Listing {
    name_limit: usize,
    partial: Vec<u8>,
    line: usize,
    listed: Vec<(String, Digest)>,
}

impl Listing {
    pub(super) fn new(name_limit: usize) -> Self {
        Listing { name_limit, partial: Vec::new(), line: 0, listed: Vec::new() }
    }

    /// Reads the next bytes of the manifest.
    pub(super) fn feed(&mut self, mut bytes: &[u8]) -> Result<(), Unverifiable> {
        while !bytes.is_empty() {
            let end = bytes.iter().position(|&b| b == b'\n');
            let piece = &bytes[..end.unwrap_or(bytes.len())];
            self.partial.extend_from_slice(piece);
            if self.partial.len() > 66 + self.name_limit {
                return Err(self.problem(1, ManifestProblem::Form));
            }
            let Some(end) = end else { break };
            let line = std::mem::take(&mut self.partial);
            self.read_line(&line)?;
            bytes = &bytes[end + 1..];
        }
        Ok(())
    }

    /// The paths and hashes listed, once the whole manifest was fed.
    pub(super) fn finish(self) -> Result<Vec<(String, Digest)>, Unverifiable> {
        if !self.partial.is_empty() {
            return Err(self.problem(1, ManifestProblem::NoFinalNewline));
        }
        Ok(self.listed)
    }

    /// `problem` on the line being read (`ahead` 1) or the last one read (0).
    fn problem(&self, ahead: usize, problem: ManifestProblem) -> Unverifiable {
        Unverifiable::Manifest { line: self.line + ahead, problem }
    }

    fn read_line(&mut self, line: &[u8]) -> Result<(), Unverifiable> {
        self.line += 1;
        let hex = line.get(..64).filter(|h| h.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        let (Some(hex), Some(b"  ")) = (hex, line.get(64..66)) else {
            return Err(self.problem(0, ManifestProblem::Form));
        };
        let path = std::str::from_utf8(&line[66..]).map_err(|_| self.problem(0, ManifestProblem::NotUtf8))?;
        if let Some(why) = name_problem(path, self.name_limit) {
            return Err(self.problem(0, ManifestProblem::Name(why)));
        }
        if path == MANIFEST {
            return Err(self.problem(0, ManifestProblem::ListsItself));
        }
        if let Some((previous, _)) = self.listed.last() {
            if path == previous {
                return Err(self.problem(0, ManifestProblem::Duplicate { path: path.to_string() }));
            }
            if path < previous.as_str() {
                let (path, previous) = (path.to_string(), previous.clone());
                return Err(self.problem(0, ManifestProblem::NotSorted { path, previous }));
            }
        }
        let mut digest = [0u8; 32];
        for (i, pair) in hex.chunks(2).enumerate() {
            let nibble = |b: u8| if b.is_ascii_digit() { b - b'0' } else { b - b'a' + 10 };
            digest[i] = nibble(pair[0]) << 4 | nibble(pair[1]);
        }
        self.listed.push((path.to_string(), digest));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::messages::NameProblem;

    fn read(text: &str) -> Result<Vec<(String, Digest)>, Unverifiable> {
        let mut l = Listing::new(1024);
        for piece in text.as_bytes().chunks(7) {
            l.feed(piece)?;
        }
        l.finish()
    }

    fn line_problem(text: &str) -> (usize, ManifestProblem) {
        match read(text) {
            Err(Unverifiable::Manifest { line, problem }) => (line, problem),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn well_formed_lines_are_read_in_pieces() {
        let a = "0".repeat(63) + "f";
        let listed = read(&format!("{a}  a.html\n{a}  b/c.css\n")).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[1].0, "b/c.css");
        assert_eq!(listed[0].1[31], 0x0f);
        assert_eq!(read("").unwrap(), vec![]);
    }

    #[test]
    fn every_malformed_line_is_named() {
        let h = "a".repeat(64);
        assert_eq!(line_problem(&format!("{h}  a\n{h} b\n")), (2, ManifestProblem::Form));
        assert_eq!(line_problem(&format!("{}  a\n", "A".repeat(64))), (1, ManifestProblem::Form));
        assert_eq!(line_problem(&format!("{h}  a\n\n")), (2, ManifestProblem::Form));
        assert_eq!(line_problem(&format!("{h}  a")), (1, ManifestProblem::NoFinalNewline));
        assert_eq!(line_problem(&format!("{h}  ../a\n")), (1, ManifestProblem::Name(NameProblem::BadPart)));
        assert_eq!(line_problem(&format!("{h}  MANIFEST.sha256\n")), (1, ManifestProblem::ListsItself));
        let dup = ManifestProblem::Duplicate { path: "a".into() };
        assert_eq!(line_problem(&format!("{h}  a\n{h}  a\n")), (2, dup));
        let unsorted = ManifestProblem::NotSorted { path: "a".into(), previous: "b".into() };
        assert_eq!(line_problem(&format!("{h}  b\n{h}  a\n")), (2, unsorted));
        assert_eq!(line_problem(&format!("{h}  {}\n", "a".repeat(2000))), (1, ManifestProblem::Form));
    }
}
