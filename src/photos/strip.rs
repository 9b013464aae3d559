//! The site's own static JPEGs (`content/static/`: a banner, a logo) are
//! published at their size, but, like every published JPEG, without EXIF
//! (FORMAT v2, "Photos"): their metadata segments are dropped without
//! decoding a pixel. Kept: the frame, the tables, the JFIF header, the
//! colour profile (APP2) and Adobe's colour marker (APP14). Dropped: EXIF and
//! XMP (APP1), IPTC (APP13), comments and every other APP segment. An
//! orientation other than upright is kept in a new EXIF block holding that
//! tag alone, so the picture still stands as it did.

/// `bytes` without metadata; `None` when they are not a JPEG whose
/// segments can be followed up to its image data.
pub fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut orientation = 1;
    let mut i = 2;
    loop {
        if bytes.get(i) != Some(&0xFF) {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        if marker == 0xDA {
            // Start of scan: the rest is image data, kept as it is.
            if orientation != 1 {
                out.splice(2..2, orientation_block(orientation));
            }
            out.extend_from_slice(&bytes[i..]);
            return Some(out);
        }
        let len = u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]) as usize;
        let segment = bytes.get(i..i + 2 + len)?;
        let payload = &segment[4.min(segment.len())..];
        match marker {
            0xE1 if payload.starts_with(b"Exif\0\0") => orientation = super::read::orientation(payload),
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => {}
            _ => out.extend_from_slice(segment),
        }
        i += 2 + len;
    }
}

/// An APP1 segment with an EXIF block holding only the orientation.
fn orientation_block(orientation: u8) -> Vec<u8> {
    let mut tiff = b"Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    tiff.extend([0, orientation, 0, 0, 0, 0, 0, 0]);
    let mut out = vec![0xFF, 0xE1];
    out.extend(((tiff.len() + 2) as u16).to_be_bytes());
    out.extend(tiff);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend(((payload.len() + 2) as u16).to_be_bytes());
        s.extend(payload);
        s
    }

    #[test]
    fn exif_xmp_iptc_and_comments_go_and_the_picture_stays() {
        let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
        exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0]); // upright
        exif.extend(b"GPS 18.34 N 105.90 E");
        let jpeg_in = [
            vec![0xFF, 0xD8],
            segment(0xE0, b"JFIF\0\x01\x02"),
            segment(0xE1, &exif),
            segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x/>"),
            segment(0xE2, b"ICC_PROFILE\0\x01\x01p3"),
            segment(0xED, b"Photoshop 3.0\0"),
            segment(0xFE, b"a comment"),
            segment(0xDB, &[0; 65]),
            vec![0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0xD9],
        ]
        .concat();
        let out = jpeg(&jpeg_in).unwrap();
        let expected = [
            vec![0xFF, 0xD8],
            segment(0xE0, b"JFIF\0\x01\x02"),
            segment(0xE2, b"ICC_PROFILE\0\x01\x01p3"),
            segment(0xDB, &[0; 65]),
            vec![0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0xD9],
        ]
        .concat();
        assert_eq!(out, expected);
    }

    #[test]
    fn a_turned_photo_keeps_only_its_orientation() {
        let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
        exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        let jpeg_in = [vec![0xFF, 0xD8], segment(0xE1, &exif), vec![0xFF, 0xDA, 0, 2, 0xFF, 0xD9]].concat();
        let out = jpeg(&jpeg_in).unwrap();
        assert_eq!(&out[..2], &[0xFF, 0xD8]);
        let app1 = &out[2..];
        assert_eq!(app1[1], 0xE1);
        assert_eq!(super::super::read::orientation(&app1[4..]), 6);
        assert!(!out.windows(3).any(|w| w == b"GPS"));
    }

    #[test]
    fn anything_else_is_not_a_jpeg_to_strip() {
        assert_eq!(jpeg(b"not a jpeg"), None);
        assert_eq!(jpeg(&[0xFF, 0xD8, 0xFF, 0xE1, 0x00]), None, "cut inside a segment");
    }
}
