//! Reading a source image: what it is (by its bytes, not its name), its
//! size before anything is decoded (so a "decompression bomb" is refused
//! for the price of its header), its EXIF orientation, and its pixels,
//! decoded no larger than the widest variant needs (a JPEG is decoded at
//! 1/2, 1/4 or 1/8 of its size when that is still wide enough).

use std::io::Cursor;

/// The most pixels a source may have: 100 megapixels (a 12,000 × 8,000
/// photo; phones take 12 to 50). Larger images are refused, so memory stays
/// bounded whatever is put beside an article.
pub const MAX_PIXELS: u64 = 100_000_000;

/// What a source image is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

/// Why a source image cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Its bytes are not a JPEG or PNG.
    NotAnImage,
    /// Larger than [`MAX_PIXELS`].
    TooLarge { width: u64, height: u64 },
    /// A CMYK JPEG (made for print): its colours cannot be shown right.
    Cmyk,
    /// The file ends before its image does (a copy cut short).
    Truncated,
    /// The decoder's words (a truncated file, a broken stream).
    Broken(String),
}

/// The pixels of a source, upright.
pub struct Pixels {
    pub data: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA).
    pub channels: u8,
    /// The colour profile the JPEG carries (kept: a phone's Display P3).
    pub icc: Option<Vec<u8>>,
    pub format: Format,
}

pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else {
        None
    }
}

/// Decodes `bytes` upright, wide enough for a widest variant of `widest`
/// pixels (the whole image if it is narrower).
pub fn decode(bytes: &[u8], widest: u32) -> Result<Pixels, ReadError> {
    match sniff(bytes) {
        Some(Format::Jpeg) => jpeg(bytes, widest),
        Some(Format::Png) => png(bytes),
        None => Err(ReadError::NotAnImage),
    }
}

fn check_size(width: u64, height: u64) -> Result<(), ReadError> {
    if width == 0 || height == 0 {
        return Err(ReadError::Broken("0 pixels".into()));
    }
    if width * height > MAX_PIXELS {
        return Err(ReadError::TooLarge { width, height });
    }
    Ok(())
}

fn jpeg(bytes: &[u8], widest: u32) -> Result<Pixels, ReadError> {
    use jpeg_decoder::PixelFormat;
    let broken = |e: jpeg_decoder::Error| match e {
        jpeg_decoder::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => ReadError::Truncated,
        e => ReadError::Broken(e.to_string()),
    };
    let mut d = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    d.read_info().map_err(broken)?;
    let info = d.info().ok_or_else(|| ReadError::Broken("no frame".into()))?;
    let (w, h) = (info.width as u64, info.height as u64);
    check_size(w, h)?;
    let orientation = d.exif_data().map_or(1, orientation);
    // Decode at the smallest scale that is still as wide as the widest
    // variant, as the image will stand.
    let upright_width = if orientation >= 5 { h } else { w };
    let want = (widest as u64).min(upright_width);
    let scale = |side: u64| (side * want).div_ceil(upright_width).clamp(1, u16::MAX as u64) as u16;
    d.scale(scale(w), scale(h)).map_err(broken)?;
    let data = d.decode().map_err(broken)?;
    let info = d.info().ok_or_else(|| ReadError::Broken("no frame".into()))?;
    let (data, channels) = match info.pixel_format {
        PixelFormat::L8 => (data, 1),
        PixelFormat::RGB24 => (data, 3),
        // 16-bit grey (lossless JPEG): its high bytes.
        PixelFormat::L16 => (data.chunks_exact(2).map(|p| p[0]).collect(), 1),
        PixelFormat::CMYK32 => return Err(ReadError::Cmyk),
    };
    if data.len() != info.width as usize * info.height as usize * channels as usize {
        return Err(ReadError::Broken("short pixel data".into()));
    }
    let (data, width, height) = upright(data, info.width as u32, info.height as u32, channels, orientation);
    Ok(Pixels { data, width, height, channels, icc: d.icc_profile(), format: Format::Jpeg })
}

fn png(bytes: &[u8]) -> Result<Pixels, ReadError> {
    let broken = |e: png::DecodingError| match e {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => ReadError::Truncated,
        e => ReadError::Broken(e.to_string()),
    };
    let limits = png::Limits { bytes: (MAX_PIXELS * 4) as usize };
    let mut d = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    d.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = d.read_info().map_err(broken)?;
    let (w, h) = (reader.info().width as u64, reader.info().height as u64);
    check_size(w, h)?;
    let mut data = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut data).map_err(broken)?;
    data.truncate(frame.buffer_size());
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(ReadError::Broken("palette left unexpanded".into())),
    };
    Ok(Pixels { data, width: frame.width, height: frame.height, channels, icc: None, format: Format::Png })
}

/// The EXIF orientation (1 to 8; 1 when absent or unreadable) of an APP1
/// payload (`Exif\0\0` then a TIFF header).
pub fn orientation(exif: &[u8]) -> u8 {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let big = match tiff.get(..2) {
        Some(b"MM") => true,
        Some(b"II") => false,
        _ => return 1,
    };
    let u16_at = |i: usize| {
        let b = tiff.get(i..i + 2)?;
        Some(if big { u16::from_be_bytes([b[0], b[1]]) } else { u16::from_le_bytes([b[0], b[1]]) })
    };
    let u32_at = |i: usize| {
        let b = tiff.get(i..i + 4)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) })
    };
    let found = (|| {
        let ifd = u32_at(4)? as usize;
        let entries = u16_at(ifd)? as usize;
        (0..entries.min(512)).find_map(|k| {
            let at = ifd + 2 + k * 12;
            (u16_at(at)? == 0x0112).then(|| u16_at(at + 8)).flatten()
        })
    })();
    match found {
        Some(o @ 1..=8) => o as u8,
        _ => 1,
    }
}

/// The pixels turned upright for EXIF `orientation`; returns them with the
/// new width and height.
pub fn upright(data: Vec<u8>, w: u32, h: u32, channels: u8, orientation: u8) -> (Vec<u8>, u32, u32) {
    if !(2..=8).contains(&orientation) {
        return (data, w, h);
    }
    let (w, h, c) = (w as usize, h as usize, channels as usize);
    let (nw, nh) = if orientation >= 5 { (h, w) } else { (w, h) };
    let mut out = vec![0; data.len()];
    for y in 0..nh {
        for x in 0..nw {
            // Where the pixel shown at (x, y) is stored.
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let (to, from) = ((y * nw + x) * c, (sy * w + sx) * c);
            out[to..to + c].copy_from_slice(&data[from..from + c]);
        }
    }
    (out, nw as u32, nh as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 × 3 grey image, pixel values 1..=6 row by row: [1 2] [3 4] [5 6].
    fn sample() -> Vec<u8> {
        vec![1, 2, 3, 4, 5, 6]
    }

    #[test]
    fn orientation_6_turns_a_portrait_photo_upright_clockwise() {
        // Stored sideways; shown turned 90° clockwise: rows [5 3 1] [6 4 2].
        assert_eq!(upright(sample(), 2, 3, 1, 6), (vec![5, 3, 1, 6, 4, 2], 3, 2));
    }

    #[test]
    fn orientation_8_turns_it_counter_clockwise_and_3_half_way() {
        assert_eq!(upright(sample(), 2, 3, 1, 8), (vec![2, 4, 6, 1, 3, 5], 3, 2));
        assert_eq!(upright(sample(), 2, 3, 1, 3), (vec![6, 5, 4, 3, 2, 1], 2, 3));
        assert_eq!(upright(sample(), 2, 3, 1, 1), (sample(), 2, 3));
    }

    #[test]
    fn the_orientation_tag_is_read_in_either_byte_order() {
        let mut le = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
        le.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        assert_eq!(orientation(&le), 6);
        let mut be = b"MM\0*\0\0\0\x08\0\x01".to_vec();
        be.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0]);
        assert_eq!(orientation(&be), 8);
        assert_eq!(orientation(b"Exif\0\0garbage"), 1);
        assert_eq!(orientation(b""), 1);
    }

    #[test]
    fn a_file_that_is_not_an_image_or_is_too_large_is_refused_by_its_header() {
        assert_eq!(decode(b"<html>not a photo</html>", 1600).err(), Some(ReadError::NotAnImage));
        assert_eq!(check_size(20_000, 20_000), Err(ReadError::TooLarge { width: 20_000, height: 20_000 }));
        assert!(check_size(4000, 3000).is_ok());
    }
}
