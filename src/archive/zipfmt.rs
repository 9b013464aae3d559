//! The one zip layout bantin writes, stated once: `bantin archive` writes
//! it and `bantin verify` compares every header it reads against it.
//!
//! Each entry is a local header, the name, no extra field and the deflate
//! data; then the zip directory lists the entries in the same order, and
//! the end record closes the file, with no comment. Every entry is dated
//! 1980-01-01 00:00 and is a plain file with permissions 0644, made on
//! Unix by zip 2.0; the UTF-8 flag is set on names that are not ASCII.
//! Sizes and offsets are 32-bit (an archive is smaller than 4 GiB); more
//! than 65,535 entries add the zip64 end record and its locator.

use std::io::Write;

pub const LOCAL: u32 = 0x0403_4b50;
pub const CENTRAL: u32 = 0x0201_4b50;
pub const END: u32 = 0x0605_4b50;
pub const END64: u32 = 0x0606_4b50;
const LOCATOR64: u32 = 0x0706_4b50;

/// Bytes of a local header before the name.
pub const LOCAL_LEN: usize = 30;
/// Bytes of a zip directory header before the name.
pub const CENTRAL_LEN: usize = 46;

/// Version needed to extract: 2.0 (deflate).
const NEEDED: u16 = 20;
/// Version made by: Unix (3), zip 2.0.
const MADE_BY: u16 = 0x0314;
/// Version of the zip64 end record: 4.5.
const NEEDED64: u16 = 45;
const DEFLATE: u16 = 8;
/// 1980-01-01 00:00 as MS-DOS time and date.
pub const TIME: u16 = 0;
pub const DATE: u16 = 0x21;
/// A plain file, rw-r--r--, in the high half of the external attributes.
pub const ATTRIBUTES: u32 = 0o100644 << 16;
/// General-purpose flag 11: the name is UTF-8.
const UTF8: u16 = 0x0800;

/// What the headers say about one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub crc: u32,
    pub compressed: u32,
    pub size: u32,
}

/// The fields of a local header, from its first byte: where each starts,
/// its width and its name in the zip specification (APPNOTE).
pub const LOCAL_FIELDS: &[(usize, usize, &str)] = &[
    (0, 4, "signature"),
    (4, 2, "version needed to extract"),
    (6, 2, "general purpose bit flag"),
    (8, 2, "compression method"),
    (10, 2, "last mod file time"),
    (12, 2, "last mod file date"),
    (14, 4, "crc-32"),
    (18, 4, "compressed size"),
    (22, 4, "uncompressed size"),
    (26, 2, "file name length"),
    (28, 2, "extra field length"),
];

/// The fields of a zip directory header, as [`LOCAL_FIELDS`].
pub const CENTRAL_FIELDS: &[(usize, usize, &str)] = &[
    (0, 4, "signature"),
    (4, 2, "version made by"),
    (6, 2, "version needed to extract"),
    (8, 2, "general purpose bit flag"),
    (10, 2, "compression method"),
    (12, 2, "last mod file time"),
    (14, 2, "last mod file date"),
    (16, 4, "crc-32"),
    (20, 4, "compressed size"),
    (24, 4, "uncompressed size"),
    (28, 2, "file name length"),
    (30, 2, "extra field length"),
    (32, 2, "file comment length"),
    (34, 2, "disk number start"),
    (36, 2, "internal file attributes"),
    (38, 4, "external file attributes"),
    (42, 4, "relative offset of local header"),
];

fn flags(name: &str) -> u16 {
    if name.is_ascii() {
        0
    } else {
        UTF8
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The fields both headers share, from `version needed` to the name's length.
fn common(out: &mut Vec<u8>, h: &Header) {
    for v in [NEEDED, flags(&h.name), DEFLATE, TIME, DATE] {
        put16(out, v);
    }
    for v in [h.crc, h.compressed, h.size] {
        put32(out, v);
    }
    put16(out, h.name.len() as u16);
}

/// The local header of an entry, its name included.
pub fn local_header(h: &Header) -> Vec<u8> {
    let mut out = Vec::with_capacity(LOCAL_LEN + h.name.len());
    put32(&mut out, LOCAL);
    common(&mut out, h);
    put16(&mut out, 0);
    out.extend_from_slice(h.name.as_bytes());
    out
}

/// The zip directory's header of an entry whose local header is at `offset`.
pub fn central_header(h: &Header, offset: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(CENTRAL_LEN + h.name.len());
    put32(&mut out, CENTRAL);
    put16(&mut out, MADE_BY);
    common(&mut out, h);
    for v in [0, 0, 0, 0] {
        put16(&mut out, v);
    }
    put32(&mut out, ATTRIBUTES);
    put32(&mut out, offset);
    out.extend_from_slice(h.name.as_bytes());
    out
}

/// What closes an archive of `count` entries whose directory of `size`
/// bytes starts at `offset`: the end record, after the zip64 end record and
/// its locator when there are more entries than 16 bits count.
pub fn end(count: u64, size: u32, offset: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let short = u16::try_from(count).ok().filter(|&c| c != u16::MAX);
    if short.is_none() {
        let at = u64::from(offset) + u64::from(size);
        put32(&mut out, END64);
        put64(&mut out, 44);
        for v in [(3 << 8) | NEEDED64, NEEDED64] {
            put16(&mut out, v);
        }
        put32(&mut out, 0);
        put32(&mut out, 0);
        for v in [count, count, u64::from(size), u64::from(offset)] {
            put64(&mut out, v);
        }
        put32(&mut out, LOCATOR64);
        put32(&mut out, 0);
        put64(&mut out, at);
        put32(&mut out, 1);
    }
    let count16 = short.unwrap_or(u16::MAX);
    put32(&mut out, END);
    for v in [0, 0, count16, count16] {
        put16(&mut out, v);
    }
    put32(&mut out, size);
    put32(&mut out, offset);
    put16(&mut out, 0);
    out
}

/// The archive of `entries` (names and bytes, in the order given), which
/// the caller has kept within the [`super::Limits`].
pub fn write(entries: &[(String, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
    for (name, bytes) in entries {
        deflate.write_all(bytes).expect("writing to memory");
        let compressed = deflate.reset(Vec::new()).expect("writing to memory");
        let h = Header {
            name: name.clone(),
            crc: crc32fast::hash(bytes),
            compressed: compressed.len() as u32,
            size: bytes.len() as u32,
        };
        directory.extend(central_header(&h, out.len() as u32));
        out.extend(local_header(&h));
        out.extend(compressed);
    }
    let (size, offset) = (directory.len() as u32, out.len() as u32);
    out.extend(directory);
    out.extend(end(entries.len() as u64, size, offset));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// The archives bantin wrote with the zip crate before it wrote its own
    /// layout are byte for byte the same, so they still verify.
    #[test]
    fn the_layout_is_what_the_zip_crate_wrote() {
        let page = "<p>Xin chào</p>".repeat(500);
        let files: Vec<(String, &[u8])> = vec![
            ("top/MANIFEST.sha256".into(), b"x".as_slice()),
            ("top/a/b\u{e1}o c\u{e1}o.pdf".into(), b"".as_slice()),
            ("top/index.html".into(), page.as_bytes()),
        ];
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in &files {
            zip.start_file(name.as_str(), options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        assert_eq!(write(&files), zip.finish().unwrap().into_inner());
    }

    #[test]
    fn the_field_tables_cover_the_fixed_parts() {
        for (table, len) in [(LOCAL_FIELDS, LOCAL_LEN), (CENTRAL_FIELDS, CENTRAL_LEN)] {
            let mut at = 0;
            for &(start, width, _) in table {
                assert_eq!(start, at);
                at += width;
            }
            assert_eq!(at, len);
        }
    }
}
