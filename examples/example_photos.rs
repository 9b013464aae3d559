//! Writes the example site's photos (illustrative, made by
//! `bantin::corpus::photos::photo`, with the orientation flag and GPS
//! position a phone writes): `cargo run --release --example example_photos`.
//! Run from the repository's root; it overwrites the three files.

fn main() {
    let photos = [
        // A landscape phone photo, 12 megapixels.
        ("content/districts/ky-anh/2024/hoi-truong.jpg", 2024, 4032, 3024, 1),
        // A portrait one, stored sideways with orientation 6, as phones do.
        ("content/districts/ky-anh/2024/dai-bieu.jpg", 2025, 4032, 3024, 6),
        // An older, smaller phone's photo.
        ("content/units/mai-hoa/nha-van-hoa.jpg", 2026, 2592, 1944, 1),
    ];
    for (path, seed, w, h, orientation) in photos {
        std::fs::write(path, bantin::corpus::photos::photo(seed, w, h, orientation)).expect("the photo is written");
        eprintln!("wrote {path}");
    }
}
