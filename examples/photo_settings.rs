//! The measurement behind the photo settings (docs/photos.md): for each
//! photo given, the bytes of its 1600 px variant at several JPEG qualities,
//! baseline and progressive, and the time to decode it whole or at the
//! scale bantin uses. `cargo run --release --example photo_settings -- a.jpg b.jpg`

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("a readable photo");
        let t = Instant::now();
        let whole = bantin::photos::read::decode(&bytes, u32::MAX).expect("a photo");
        let whole_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let p = bantin::photos::read::decode(&bytes, 1600).expect("a photo");
        let scaled_ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{path}: {} bytes, {}×{}; decoded whole in {whole_ms:.0} ms, at {}×{} in {scaled_ms:.0} ms",
            bytes.len(),
            whole.width,
            whole.height,
            p.width,
            p.height
        );
        let (w, h) = (1600u32, bantin::photos::make::height_at(1600, (p.width, p.height)));
        let src = Image::from_vec_u8(p.width, p.height, p.data.clone(), PixelType::U8x3).unwrap();
        let mut dst = Image::new(w, h, PixelType::U8x3);
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new().resize(&src, &mut dst, &options).unwrap();
        for quality in [70u8, 75, 80, 85, 90] {
            let mut sizes = Vec::new();
            for progressive in [false, true] {
                let mut out = Vec::new();
                let mut e = jpeg_encoder::Encoder::new(&mut out, quality);
                e.set_progressive(progressive);
                e.set_optimized_huffman_tables(true);
                let t = Instant::now();
                e.encode(dst.buffer(), w as u16, h as u16, jpeg_encoder::ColorType::Rgb).unwrap();
                sizes.push(format!("{} bytes in {:.0} ms", out.len(), t.elapsed().as_secs_f64() * 1000.0));
            }
            println!("  1600 px, quality {quality}: baseline {}, progressive {}", sizes[0], sizes[1]);
        }
    }
}
