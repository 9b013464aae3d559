//! Making the variants of a photo: resized with a Lanczos filter, never
//! enlarged, and encoded anew, so no metadata of the source survives (the
//! JPEG keeps only its colour profile). A JPEG stays a JPEG; a PNG stays a
//! PNG (its transparency kept). The settings are constants: the cache keys
//! its entries by [`SETTINGS`], so changing one here makes every photo
//! again.

use super::read::{Format, Pixels};
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

/// The widths of the variants; the widest of a photo is this list's last
/// or the photo's own width, if narrower.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The JPEG quality (libjpeg's scale): 80 keeps conference photos sharp on a
/// phone and a laptop at a fifth or less of a phone's bytes (docs/photos.md).
pub const QUALITY: u8 = 80;
/// What the cache keys made files by, besides the source's bytes: change it
/// with any setting or with the way variants are made.
pub const SETTINGS: &str = "w480-960-1600-q80-baseline-lanczos3-v2";

/// One variant as made.
pub struct Made {
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// The widths of the variants of a photo `width` pixels wide, narrowest
/// first.
pub fn widths(width: u32) -> Vec<u32> {
    let widest = width.min(WIDTHS[WIDTHS.len() - 1]);
    WIDTHS.iter().copied().filter(|&w| w < widest).chain([widest]).collect()
}

/// The height of a variant `width` wide of an image `w` × `h`.
pub fn height_at(width: u32, (w, h): (u32, u32)) -> u32 {
    ((h as u64 * width as u64 + w as u64 / 2) / w as u64).max(1) as u32
}

/// Every variant of `p`, narrowest first.
pub fn variants(p: &Pixels) -> Result<Vec<Made>, String> {
    let mut resizer = Resizer::new();
    // The portable arithmetic, so that every machine makes the same bytes.
    // SAFETY: `None` needs no CPU extension.
    unsafe { resizer.set_cpu_extensions(fast_image_resize::CpuExtensions::None) };
    widths(p.width)
        .into_iter()
        .map(|w| {
            let h = height_at(w, (p.width, p.height));
            let data = if (w, h) == (p.width, p.height) { p.data.clone() } else { resize(&mut resizer, p, w, h)? };
            let bytes = match p.format {
                Format::Jpeg => jpeg(&data, w, h, p.channels, p.icc.as_deref())?,
                Format::Png => png(&data, w, h, p.channels)?,
            };
            Ok(Made { width: w, height: h, bytes })
        })
        .collect()
}

fn pixel_type(channels: u8) -> PixelType {
    match channels {
        1 => PixelType::U8,
        2 => PixelType::U8x2,
        3 => PixelType::U8x3,
        _ => PixelType::U8x4,
    }
}

fn resize(resizer: &mut Resizer, p: &Pixels, w: u32, h: u32) -> Result<Vec<u8>, String> {
    let t = pixel_type(p.channels);
    let src = Image::from_vec_u8(p.width, p.height, p.data.clone(), t).map_err(|e| e.to_string())?;
    let mut dst = Image::new(w, h, t);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    resizer.resize(&src, &mut dst, &options).map_err(|e| e.to_string())?;
    Ok(dst.into_vec())
}

fn jpeg(data: &[u8], w: u32, h: u32, channels: u8, icc: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let (w16, h16) = (u16::try_from(w).map_err(|e| e.to_string())?, u16::try_from(h).map_err(|e| e.to_string())?);
    let color = match channels {
        1 => jpeg_encoder::ColorType::Luma,
        3 => jpeg_encoder::ColorType::Rgb,
        _ => return Err(format!("{channels} channels in a JPEG")),
    };
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut e = jpeg_encoder::Encoder::new(&mut out, QUALITY);
    // Baseline: progressive came out 5–10 % larger (docs/photos.md).
    e.set_optimized_huffman_tables(true);
    if let Some(icc) = icc {
        e.add_icc_profile(icc).map_err(|e| e.to_string())?;
    }
    e.encode(data, w16, h16, color).map_err(|e| e.to_string())?;
    Ok(out)
}

fn png(data: &[u8], w: u32, h: u32, channels: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, w, h);
    e.set_color(match channels {
        1 => png::ColorType::Grayscale,
        2 => png::ColorType::GrayscaleAlpha,
        3 => png::ColorType::Rgb,
        _ => png::ColorType::Rgba,
    });
    e.set_depth(png::BitDepth::Eight);
    e.set_compression(png::Compression::Best);
    let mut writer = e.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_never_enlarged_and_its_widest_variant_is_1600_or_its_own_width() {
        assert_eq!(widths(4000), vec![480, 960, 1600]);
        assert_eq!(widths(1200), vec![480, 960, 1200]);
        assert_eq!(widths(960), vec![480, 960]);
        assert_eq!(widths(300), vec![300]);
    }

    #[test]
    fn a_variant_keeps_the_proportions_rounded_to_the_nearest_pixel() {
        assert_eq!(height_at(1600, (4000, 3000)), 1200);
        assert_eq!(height_at(480, (4032, 3024)), 360);
        assert_eq!(height_at(480, (1000, 1)), 1);
    }

    #[test]
    fn resizing_makes_the_same_bytes_with_and_without_the_cpus_vector_instructions() {
        let (w, h) = (257, 193);
        let data: Vec<u8> = (0..w * h * 3).map(|i| ((i * 7919) % 251) as u8).collect();
        let p = Pixels { data, width: w as u32, height: h as u32, channels: 3, icc: None, format: Format::Jpeg };
        let t = pixel_type(3);
        let src = Image::from_vec_u8(p.width, p.height, p.data.clone(), t).unwrap();
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        let mut fast = Resizer::new();
        let mut dst = Image::new(100, 75, t);
        fast.resize(&src, &mut dst, &options).unwrap();
        let mut portable = Resizer::new();
        unsafe { portable.set_cpu_extensions(fast_image_resize::CpuExtensions::None) };
        assert_eq!(resize(&mut portable, &p, 100, 75).unwrap(), dst.into_vec());
    }
}
