//! Text as bantin reads it: bytes checked to be UTF-8 text (no NUL bytes, no
//! other control characters but tabs and line ends, one byte-order mark at
//! most, removed), line endings made `\n` and Unicode put in
//! NFC. Pure: the reading itself is in [`super`].

use crate::diag::messages::Files;
use crate::diag::Diagnostic;
use unicode_normalization::UnicodeNormalization;

/// Whether `text` is NFC for certain by a quick look at its bytes: every
/// character is below U+0300 (no combining marks yet), in Latin Extended
/// Additional (U+1E00–U+1EFF: Vietnamese precomposed letters), or in
/// General Punctuation (U+2000–U+206F), all of which are NFC as they are.
/// Vietnamese text typed with a precomposed keyboard passes; anything else
/// gets the full check. (Decoding every character for the full check was a
/// tenth of a build's CPU.)
fn surely_nfc(text: &str) -> bool {
    // The text is UTF-8, so a lead byte and the one or two after it tell
    // the character's block. `bad` is a character outside the set above
    // (or U+2000, U+2001), by its first three bytes.
    let bad = |x: u8, y: u8, z: u8| {
        (0xCC..=0xE0).contains(&x)
            | (x >= 0xE3)
            | ((x == 0xE1) & !(0xB8..=0xBB).contains(&y))
            | ((x == 0xE2) & !((y == 0x81) | ((y == 0x80) & (z >= 0x82))))
    };
    let b = text.as_bytes();
    let n = b.len();
    // Blocks of 64 bytes at a time, without branches, so the loop
    // vectorises: most of a Vietnamese text is not ASCII.
    let whole = n.saturating_sub(2);
    let mut i = 0;
    while i < whole {
        let end = (i + 64).min(whole);
        let (x, y, z) = (&b[i..end], &b[i + 1..end + 1], &b[i + 2..end + 2]);
        if x.iter().zip(y).zip(z).fold(false, |any, ((&x, &y), &z)| any | bad(x, y, z)) {
            return false;
        }
        i = end;
    }
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    (whole..n).all(|k| !bad(b[k], at(k + 1), at(k + 2)))
}

/// Checks and normalises the bytes of a text file: UTF-8, no NUL, no BOM,
/// `\n` line endings, NFC.
pub fn decode_text(bytes: &[u8]) -> Result<String, Diagnostic> {
    decode_owned(bytes.to_vec())
}

/// The text of the file `rel` under `root`, decoded, when it can be read:
/// for a quick look before a run (the language of its messages).
pub fn peek(root: &std::path::Path, rel: &str) -> Option<String> {
    decode_owned(std::fs::read(root.join(rel)).ok()?).ok()
}

/// [`decode_text`] of bytes it may keep: text that needs no change (UTF-8
/// and NFC already, no byte-order mark, `\n` line ends: nearly every file)
/// becomes the string with one copy and no other work.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // simdutf8's check, then a copy, is several times faster than std's
    // check of the bytes in place (a Vietnamese text is mostly not ASCII,
    // where std's check is slow); std's check says where the text is bad.
    let Ok(checked) = simdutf8::basic::from_utf8(&bytes) else {
        let valid = std::str::from_utf8(&bytes).err().map_or(bytes.len(), |e| e.valid_up_to());
        let (line, col) = line_col(&bytes[..valid]);
        return Err(Diagnostic::error("", Some(crate::diag::Pos::new(line, col)), Files::NotUtf8));
    };
    let mut text = checked.to_owned();
    drop(bytes);
    if let Some(i) = control_at(text.as_bytes()) {
        let (line, col) = line_col(&text.as_bytes()[..i]);
        let c = text[i..].chars().next().unwrap_or('\0');
        let problem =
            if c == '\0' { Files::NulByte } else { Files::ControlChar { code: format!("U+{:04X}", c as u32) } };
        return Err(Diagnostic::error("", Some(crate::diag::Pos::new(line, col)), problem));
    }
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
        if text.starts_with('\u{feff}') {
            return Err(Diagnostic::error("", Some(crate::diag::Pos::new(1, 1)), Files::TwoByteOrderMarks));
        }
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if surely_nfc(&text)
        || unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        Ok(text)
    } else {
        Ok(text.nfc().collect())
    }
}

/// Where the first control character other than tab and line ends is: a
/// C0 byte, DEL, or a C1 character (U+0080–U+009F, which terminals obey
/// too). Bytes, so that the scan of every file stays cheap.
fn control_at(bytes: &[u8]) -> Option<usize> {
    let c0 = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f;
    let c1 = |i: usize| bytes[i] == 0xc2 && bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b));
    // Blocks of 64 bytes are first asked, without branches (so the loop
    // vectorises), whether they hold a suspect byte at all; only such a
    // block, rare in real text, is looked at byte by byte.
    let suspect = |b: u8| (b < 0x20) | (b == 0x7f) | (b == 0xc2);
    let mut start = 0;
    for block in bytes.chunks(64) {
        if block.iter().fold(false, |any, &b| any | suspect(b)) {
            if let Some(i) = (start..start + block.len()).find(|&i| c0(bytes[i]) || c1(i)) {
                return Some(i);
            }
        }
        start += block.len();
    }
    None
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let last = prefix.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
    let col = String::from_utf8_lossy(&prefix[last..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_other_than_tabs_and_line_ends_are_found() {
        assert_eq!(control_at("a\tb\r\nc «d»\u{a0}".as_bytes()), None);
        assert_eq!(control_at("ab\u{1b}[31m".as_bytes()), Some(2));
        assert_eq!(control_at("x\u{7f}".as_bytes()), Some(1));
        assert_eq!(control_at("«\u{9b}".as_bytes()), Some(2), "a C1 control after a two-byte letter");
        let e = decode_text("ok\nx\u{7}".as_bytes()).unwrap_err();
        assert_eq!(e.pos, Some(crate::diag::Pos::new(2, 2)));
        assert!(decode_text("\u{feff}\u{feff}x".as_bytes()).is_err(), "two byte-order marks");
        assert_eq!(decode_text("\u{feff}x".as_bytes()).unwrap(), "x");
    }

    #[test]
    fn control_characters_are_found_across_the_blocks_of_the_quick_look() {
        // The byte-by-byte rule, against which the block-wise scan is checked.
        let slow = |b: &[u8]| {
            (0..b.len()).find(|&i| {
                (b[i] < 0x20 && !matches!(b[i], b'\t' | b'\n' | b'\r'))
                    || b[i] == 0x7f
                    || (b[i] == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
        };
        let filler = "Xã Kỳ Tân\t«đạt» 118/153\r\n".repeat(12);
        for at in 0..200 {
            for bad in ["\u{7}", "\u{9b}", "\u{7f}", "\0"] {
                let mut text = filler[..filler.char_indices().nth(at).map_or(filler.len(), |(i, _)| i)].to_string();
                text.push_str(bad);
                text.push_str(&filler);
                assert_eq!(control_at(text.as_bytes()), slow(text.as_bytes()), "{bad:?} after {at} characters");
            }
        }
        assert_eq!(control_at(filler.as_bytes()), None);
    }

    #[test]
    fn the_quick_nfc_look_never_passes_what_is_not_nfc() {
        use unicode_normalization::{is_nfc, UnicodeNormalization};
        let samples = [
            "Kỳ Anh đạt chuẩn nông thôn mới – 8.850,26 tỷ đồng “107,79%”",
            "Ky\u{0300} Anh",
            "a\u{2000}b",
            "a\u{2001}b",
            "a\u{2002}b\u{2026}",
            "\u{212B}ngström",
            "\u{1EF3}\u{1EA1}",
            "e\u{0301}",
            "x\u{0340}",
        ];
        for s in samples {
            if super::surely_nfc(s) {
                assert!(is_nfc(s), "{s:?} passed but is not NFC");
            }
            let decomposed: String = s.nfd().collect();
            if super::surely_nfc(&decomposed) {
                assert!(is_nfc(&decomposed), "{decomposed:?}");
            }
        }
        assert!(super::surely_nfc("Kỳ Anh đạt chuẩn nông thôn mới – 8.850,26 tỷ đồng “107,79%”"));
        assert!(!super::surely_nfc("Ky\u{0300} Anh"));
        // Every character the quick look lets through, alone and after a
        // letter it might compose with.
        for c in (0x80u32..0x3000).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}"), format!("{c}a")] {
                if super::surely_nfc(&s) {
                    assert!(is_nfc(&s), "U+{:04X}", c as u32);
                }
            }
        }
    }

    use super::*;

    #[test]
    fn normalises_text() {
        assert_eq!(decode_text(b"\xef\xbb\xbfa\r\nb\r\n").unwrap(), "a\nb\n");
        assert_eq!(decode_text("Ky\u{300}".as_bytes()).unwrap(), "Kỳ");
    }

    #[test]
    fn rejects_non_text() {
        let e = decode_text(b"ok\nab\xff").unwrap_err();
        assert_eq!(e.pos, Some(crate::diag::Pos::new(2, 3)));
        let e = decode_text(b"a\0b").unwrap_err();
        assert!(e.text(crate::text::lang::Lang::En).contains("NUL"));
    }
}
