//! `bantin verify`: reads an archive once, front to back, and accepts it
//! only when it is laid out exactly as bantin writes it ([`super::zipfmt`])
//! and its files match `MANIFEST.sha256`.
//!
//! Nothing is read whole: each entry is inflated and hashed as it streams,
//! within the [`Limits`]; the zip directory must list the entries just
//! read, in order, at the offsets where they were found, so no two entries
//! can share or overlap data, and no byte may stand before, between or
//! after them. Anything that is not bantin's (a timestamp, permissions, an
//! extra field, a comment, encryption, another compression) is named.

use super::manifest::{Digest, Listing};
use super::zipfmt::{self, Header, CENTRAL, CENTRAL_FIELDS, CENTRAL_LEN, END, END64, LOCAL, LOCAL_FIELDS, LOCAL_LEN};
use super::{name_problem, Limits, LIMITS, MANIFEST};
use crate::diag::messages::{EntryProblem, NameProblem, Unverifiable};
use sha2::{Digest as _, Sha256};
use std::cmp::Ordering;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// What is wrong with an archive's files, file by file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verification {
    /// The archive's one top folder.
    pub top: String,
    /// The SHA-256 of the archive file.
    pub sha256: String,
    pub checked: usize,
    pub changed: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// Checks the archive file `file` (a regular file: a device such as
/// /dev/zero or a named pipe is refused before it is opened).
pub fn verify(file: &Path) -> Result<Verification, Unverifiable> {
    let cannot_read = |e: std::io::Error| Unverifiable::CannotRead { detail: e.to_string() };
    let regular = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            return Err(Unverifiable::NotAFile);
        }
        match meta.len() {
            size if size > LIMITS.archive => Err(Unverifiable::TooBig { size, limit: LIMITS.archive }),
            _ => Ok(()),
        }
    };
    regular(&std::fs::metadata(file).map_err(cannot_read)?)?;
    let opened = std::fs::File::open(file).map_err(cannot_read)?;
    regular(&opened.metadata().map_err(cannot_read)?)?;
    verify_reader(BufReader::with_capacity(1 << 16, opened), &LIMITS)
}

/// Checks the archive `reader` holds, within `limits`.
pub fn verify_reader<R: Read + Seek>(mut reader: R, limits: &Limits) -> Result<Verification, Unverifiable> {
    let cannot_read = |e: std::io::Error| Unverifiable::CannotRead { detail: e.to_string() };
    let len = reader.seek(SeekFrom::End(0)).map_err(cannot_read)?;
    reader.seek(SeekFrom::Start(0)).map_err(cannot_read)?;
    if len > limits.archive {
        return Err(Unverifiable::TooBig { size: len, limit: limits.archive });
    }
    if len < 4 {
        return Err(Unverifiable::NotAZip);
    }
    let input = Input { inner: reader, pos: 0, len, sha: Sha256::new() };
    let mut r =
        Reader { input, limits, top: None, seen: Vec::new(), total: 0, listing: None, inflater: Inflater::new() };
    let mut sig = r.input.u32()?;
    if sig != LOCAL && sig != END {
        return Err(r.input.misplaced_start());
    }
    while sig == LOCAL {
        r.entry()?;
        sig = r.input.u32()?;
    }
    r.directory(sig)?;
    r.compare()
}

/// One entry as it was read.
struct Seen {
    header: Header,
    offset: u32,
    sha: Digest,
}

/// The archive file, read once from its start; every byte read is hashed.
struct Input<R> {
    inner: R,
    pos: u64,
    len: u64,
    sha: Sha256,
}

impl<R: Read + Seek> Input<R> {
    fn left(&self) -> u64 {
        self.len - self.pos
    }

    fn exact(&mut self, buf: &mut [u8]) -> Result<(), Unverifiable> {
        if buf.len() as u64 > self.left() {
            return Err(Unverifiable::Truncated { offset: self.len });
        }
        self.inner.read_exact(buf).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => Unverifiable::Truncated { offset: self.pos },
            _ => Unverifiable::CannotRead { detail: e.to_string() },
        })?;
        self.sha.update(&*buf);
        self.pos += buf.len() as u64;
        Ok(())
    }

    fn bytes(&mut self, n: usize) -> Result<Vec<u8>, Unverifiable> {
        let mut buf = vec![0; n];
        self.exact(&mut buf)?;
        Ok(buf)
    }

    fn u32(&mut self) -> Result<u32, Unverifiable> {
        let mut buf = [0; 4];
        self.exact(&mut buf)?;
        Ok(u32::from_le_bytes(buf))
    }

    /// Why the file does not start with a zip entry: one starts further on
    /// (within the first 64 KiB), or it is no zip.
    fn misplaced_start(&mut self) -> Unverifiable {
        let mut head = Vec::new();
        let read =
            self.inner.seek(SeekFrom::Start(0)).and_then(|_| (&mut self.inner).take(1 << 16).read_to_end(&mut head));
        match read.ok().and_then(|_| head.windows(4).position(|w| w == LOCAL.to_le_bytes())) {
            Some(count) => Unverifiable::BytesBefore { count: count as u64 },
            None => Unverifiable::NotAZip,
        }
    }
}

/// A raw-deflate inflater and its buffers, kept from entry to entry.
struct Inflater {
    state: flate2::Decompress,
    input: Vec<u8>,
    output: Vec<u8>,
}

impl Inflater {
    fn new() -> Self {
        Inflater { state: flate2::Decompress::new(false), input: vec![0; 1 << 15], output: vec![0; 1 << 16] }
    }
}

struct Reader<'l, R> {
    input: Input<R>,
    limits: &'l Limits,
    top: Option<String>,
    seen: Vec<Seen>,
    total: u64,
    /// The manifest, once its entry was read.
    listing: Option<Listing>,
    inflater: Inflater,
}

/// A name as a message shows it: control characters escaped, so that no
/// name writes lines of its own into the report.
fn shown(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

fn value(bytes: &[u8], at: usize, width: usize) -> u32 {
    bytes[at..at + width].iter().rev().fold(0, |v, &b| (v << 8) | u32::from(b))
}

/// `1980-01-01 00:00:00` from MS-DOS time and date.
fn dos_datetime(time: u32, date: u32) -> String {
    let (y, mo, d) = (1980 + (date >> 9), (date >> 5) & 15, date & 31);
    let (h, mi, s) = (time >> 11, (time >> 5) & 63, (time & 31) * 2);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
}

/// The first field of the header `found` that differs from `expected`, as
/// the problem it is.
fn difference(found: &[u8], expected: &[u8], fields: &[(usize, usize, &'static str)]) -> Option<EntryProblem> {
    let (&(at, _, field), a, e) =
        fields.iter().map(|f| (f, value(found, f.0, f.1), value(expected, f.0, f.1))).find(|(_, a, e)| a != e)?;
    let problem = match field {
        "general purpose bit flag" if a & 0x41 != 0 => EntryProblem::Encrypted,
        "compression method" => EntryProblem::Method { method: a as u16 },
        "last mod file time" => EntryProblem::Timestamp { found: dos_datetime(a, value(found, at + 2, 2)) },
        "last mod file date" => EntryProblem::Timestamp { found: dos_datetime(value(found, at - 2, 2), a) },
        "extra field length" => EntryProblem::Extra { len: a as u16 },
        "file comment length" => EntryProblem::Comment { len: a as u16 },
        "external file attributes" if a >> 16 != 0 => EntryProblem::Permissions { found: format!("{:o}", a >> 16) },
        "relative offset of local header" => EntryProblem::DirectoryOffset { found: a.into(), expected: e.into() },
        _ => EntryProblem::Field { field, found: a, expected: e },
    };
    Some(problem)
}

impl<R: Read + Seek> Reader<'_, R> {
    /// One entry, its signature read: header, name, data.
    fn entry(&mut self) -> Result<(), Unverifiable> {
        let offset = self.input.pos - 4;
        let mut fixed = [0u8; LOCAL_LEN];
        fixed[..4].copy_from_slice(&LOCAL.to_le_bytes());
        self.input.exact(&mut fixed[4..])?;
        if self.seen.len() >= self.limits.entries {
            return Err(Unverifiable::TooManyEntries { limit: self.limits.entries });
        }
        let label = format!("#{}", self.seen.len() + 1);
        let name_len = value(&fixed, 26, 2) as usize;
        if name_len > self.limits.name {
            let problem = EntryProblem::Name(NameProblem::TooLong { limit: self.limits.name });
            return Err(Unverifiable::Entry { entry: label, problem });
        }
        let raw = self.input.bytes(name_len)?;
        let name = String::from_utf8(raw).map_err(|e| Unverifiable::Entry {
            entry: shown(&String::from_utf8_lossy(e.as_bytes())),
            problem: EntryProblem::Name(NameProblem::NotUtf8),
        })?;
        let [crc, compressed, size] = [14, 18, 22].map(|at| value(&fixed, at, 4));
        let header = Header { name, crc, compressed, size };
        let at_entry = |problem| Unverifiable::Entry { entry: shown(&header.name), problem };
        self.check_name(&header.name).map_err(at_entry)?;
        if let Some(problem) = difference(&fixed, &zipfmt::local_header(&header), LOCAL_FIELDS) {
            return Err(at_entry(problem));
        }
        if u64::from(size) > self.limits.entry {
            return Err(at_entry(EntryProblem::TooBig { size: size.into(), limit: self.limits.entry }));
        }
        self.total += u64::from(size);
        if self.total > self.limits.total {
            return Err(Unverifiable::TotalTooBig { limit: self.limits.total });
        }
        if u64::from(compressed) > self.input.left() {
            let (declared, left) = (compressed.into(), self.input.left());
            return Err(at_entry(EntryProblem::PastEnd { declared, left }));
        }
        let sha = self.inflate(&header)?;
        self.seen.push(Seen { header, offset: offset as u32, sha });
        Ok(())
    }

    /// A name must be safe, a file's, in the top folder, after the last.
    fn check_name(&mut self, name: &str) -> Result<(), EntryProblem> {
        if name.ends_with('/') {
            return Err(EntryProblem::Folder);
        }
        if let Some(why) = name_problem(name, self.limits.name) {
            return Err(EntryProblem::Name(why));
        }
        let top = match &self.top {
            Some(top) => top,
            None => self.top.insert(name.split_once('/').ok_or(EntryProblem::NoTop)?.0.to_string()),
        };
        if !name.strip_prefix(top.as_str()).is_some_and(|rest| rest.starts_with('/')) {
            return Err(EntryProblem::OutsideTop { top: top.clone() });
        }
        match self.seen.last().map(|s| s.header.name.as_str()) {
            Some(previous) if previous == name => Err(EntryProblem::Duplicate),
            Some(previous) if previous > name => Err(EntryProblem::OutOfOrder { previous: previous.to_string() }),
            _ => Ok(()),
        }
    }

    /// Inflates an entry's data as it streams: its SHA-256, checked against
    /// its sizes and CRC-32; the manifest's lines are read on the way.
    fn inflate(&mut self, h: &Header) -> Result<Digest, Unverifiable> {
        let at_entry = |problem| Unverifiable::Entry { entry: shown(&h.name), problem };
        let is_manifest = self.top.as_ref().is_some_and(|t| h.name == format!("{t}/{MANIFEST}"));
        let mut listing = is_manifest.then(|| Listing::new(self.limits.name));
        let (mut sha, mut crc) = (Sha256::new(), crc32fast::Hasher::new());
        let Inflater { state, input, output } = &mut self.inflater;
        state.reset(false);
        let (mut left, mut start, mut end, mut size) = (u64::from(h.compressed), 0, 0, 0u64);
        loop {
            if start == end && left > 0 {
                end = input.len().min(left as usize);
                self.input.exact(&mut input[..end])?;
                (start, left) = (0, left - end as u64);
            }
            let (before_in, before_out) = (state.total_in(), state.total_out());
            let status = state
                .decompress(&input[start..end], output, flate2::FlushDecompress::None)
                .map_err(|e| at_entry(EntryProblem::Damaged { detail: e.to_string() }))?;
            let used = (state.total_in() - before_in) as usize;
            let made = (state.total_out() - before_out) as usize;
            start += used;
            size += made as u64;
            if size > u64::from(h.size) {
                return Err(at_entry(EntryProblem::Larger { declared: h.size.into() }));
            }
            sha.update(&output[..made]);
            crc.update(&output[..made]);
            if let Some(listing) = listing.as_mut() {
                listing.feed(&output[..made])?;
            }
            match status {
                flate2::Status::StreamEnd if start < end || left > 0 => return Err(at_entry(EntryProblem::EndsEarly)),
                flate2::Status::StreamEnd => break,
                _ if used == 0 && made == 0 && start == end && left == 0 => {
                    return Err(at_entry(EntryProblem::Damaged { detail: "it stops before its end".into() }))
                }
                _ if used == 0 && made == 0 && start < end => {
                    return Err(at_entry(EntryProblem::Damaged { detail: "it cannot be inflated".into() }))
                }
                _ => {}
            }
        }
        if size != u64::from(h.size) {
            return Err(at_entry(EntryProblem::Size { declared: h.size.into(), found: size }));
        }
        if crc.finalize() != h.crc {
            return Err(at_entry(EntryProblem::Crc));
        }
        self.listing = self.listing.take().or(listing);
        Ok(sha.finalize().into())
    }

    /// The zip directory (its first signature read) and the end record:
    /// exactly the entries read, then nothing.
    fn directory(&mut self, mut sig: u32) -> Result<(), Unverifiable> {
        let start = self.input.pos - 4;
        for i in 0..self.seen.len() {
            match sig {
                CENTRAL => self.central(i)?,
                END | END64 => return Err(Unverifiable::DirectoryShort { held: self.seen.len() }),
                _ => return Err(Unverifiable::Gap { offset: self.input.pos - 4 }),
            }
            sig = self.input.u32()?;
        }
        let size = (self.input.pos - 4 - start) as u32;
        let expected = zipfmt::end(self.seen.len() as u64, size, start as u32);
        if sig == CENTRAL {
            return Err(Unverifiable::DirectoryLong);
        }
        if sig.to_le_bytes() != expected[..4] {
            return Err(match sig {
                END | END64 => Unverifiable::EndRecord,
                _ => Unverifiable::Gap { offset: self.input.pos - 4 },
            });
        }
        let rest = self.input.bytes(expected.len() - 4)?;
        let comment = value(&rest, rest.len() - 2, 2);
        if rest[..rest.len() - 2] != expected[4..expected.len() - 2] {
            return Err(Unverifiable::EndRecord);
        }
        if comment != 0 {
            return Err(Unverifiable::ArchiveComment { len: comment as u16 });
        }
        match self.input.left() {
            0 => Ok(()),
            count => Err(Unverifiable::Trailing { count }),
        }
    }

    /// The zip directory's header of the `i`th entry, its signature read.
    fn central(&mut self, i: usize) -> Result<(), Unverifiable> {
        let mut fixed = [0u8; CENTRAL_LEN];
        fixed[..4].copy_from_slice(&CENTRAL.to_le_bytes());
        self.input.exact(&mut fixed[4..])?;
        let seen = &self.seen[i];
        let at_entry = |problem| Unverifiable::Entry { entry: shown(&seen.header.name), problem };
        let name_len = value(&fixed, 28, 2) as usize;
        let found = match name_len <= self.limits.name {
            true => String::from_utf8_lossy(&self.input.bytes(name_len)?).into_owned(),
            false => "…".to_string(),
        };
        if found != seen.header.name {
            return Err(at_entry(EntryProblem::DirectoryName { found: shown(&found) }));
        }
        match difference(&fixed, &zipfmt::central_header(&seen.header, seen.offset), CENTRAL_FIELDS) {
            Some(problem) => Err(at_entry(problem)),
            None => Ok(()),
        }
    }

    /// The files against the manifest, once everything was read.
    fn compare(self) -> Result<Verification, Unverifiable> {
        let top = self.top.unwrap_or_else(|| "bantin".to_string());
        let listing = self.listing.ok_or_else(|| Unverifiable::NoManifest { top: top.clone() })?;
        let listed = listing.finish()?;
        let sha256 = self.input.sha.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let mut v = Verification { top: top.clone(), sha256, ..Verification::default() };
        let manifest = format!("{top}/{MANIFEST}");
        let mut files = self.seen.iter().filter(|s| s.header.name != manifest).peekable();
        let mut lines = listed.into_iter().map(|(p, d)| (format!("{top}/{p}"), d)).peekable();
        loop {
            let order = match (files.peek(), lines.peek()) {
                (None, None) => break,
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (Some(f), Some((l, _))) => f.header.name.as_str().cmp(l),
            };
            match (order, files.next_if(|_| order.is_le()), lines.next_if(|_| order.is_ge())) {
                (Ordering::Equal, Some(f), Some((l, d))) if f.sha != d => v.changed.push(l),
                (Ordering::Equal, _, _) => v.checked += 1,
                (Ordering::Less, Some(f), _) => v.added.push(f.header.name.clone()),
                (_, _, Some((l, _))) => v.removed.push(l),
                _ => {}
            }
        }
        Ok(v)
    }
}
