//! Messages about the photos articles show (FORMAT v2, "Photos"): images
//! that cannot be read, are too large, or are missing.

use super::{say, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Photos {
    /// The file's bytes are not a JPEG or PNG, whatever its name says.
    NotAnImage { image: String },
    /// The file ends before its image does.
    Truncated { image: String },
    /// The decoder gave up (a damaged file).
    Broken { image: String, detail: String },
    /// More pixels than bantin decodes.
    TooLarge { image: String, width: u64, height: u64, limit: u64 },
    /// A CMYK JPEG, made for print.
    Cmyk { image: String },
    /// An image the article shows is not beside it.
    Missing { image: String },
    /// An image path that climbs out of the article's folder.
    OutsideFolder { image: String },
    /// The cache of made photos cannot be written.
    Cache { path: String, detail: String },
}

impl Photos {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Photos::*;
        match self {
            NotAnImage { image } => (
                say!(lang, "`{image}` is not a JPEG or PNG image", "`{image}` không phải ảnh JPEG hay PNG"),
                Some(say!(
                    lang,
                    "open it in an image viewer and save it again as JPEG (a photo) or PNG (a drawing)",
                    "hãy mở tệp bằng trình xem ảnh rồi lưu lại dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ)"
                )),
            ),
            Truncated { image } => (
                say!(
                    lang,
                    "the image `{image}` is cut short: the file ends before the picture does",
                    "ảnh `{image}` bị cắt ngắn: tệp kết thúc trước khi hết ảnh"
                ),
                Some(say!(
                    lang,
                    "copy it again from the camera or phone, and wait for the copy to finish",
                    "hãy chép lại ảnh từ máy ảnh hoặc điện thoại và chờ chép xong"
                )),
            ),
            Broken { image, detail } => (
                say!(lang, "the image `{image}` cannot be read ({detail})", "không đọc được ảnh `{image}` ({detail})"),
                Some(say!(
                    lang,
                    "the file may be cut short or damaged: copy it again from the camera or phone",
                    "tệp có thể bị thiếu hoặc hỏng: hãy chép lại từ máy ảnh hoặc điện thoại"
                )),
            ),
            TooLarge { image, width, height, limit } => {
                let mp = limit / 1_000_000;
                (
                    say!(
                        lang,
                        "the image `{image}` is {width} × {height} pixels, more than the {mp} megapixels bantin reads",
                        "ảnh `{image}` có {width} × {height} điểm ảnh, vượt giới hạn {mp} megapixel"
                    ),
                    Some(say!(
                        lang,
                        "save a smaller copy (4000 pixels wide is plenty: the site shows at most 1600)",
                        "hãy lưu một bản nhỏ hơn (rộng 4000 điểm ảnh là đủ: trang chỉ hiển thị tối đa 1600)"
                    )),
                )
            }
            Cmyk { image } => (
                say!(
                    lang,
                    "the image `{image}` uses CMYK colours (made for print), which screens do not show right",
                    "ảnh `{image}` dùng hệ màu CMYK (dành cho in ấn), màn hình không hiển thị đúng màu"
                ),
                Some(say!(
                    lang,
                    "export it again in RGB (sRGB) from the program that made it",
                    "hãy xuất lại ảnh ở hệ màu RGB (sRGB) từ phần mềm đã tạo ra nó"
                )),
            ),
            Missing { image } => (
                say!(
                    lang,
                    "the image `{image}` does not exist beside this article",
                    "không có ảnh `{image}` bên cạnh bài viết này"
                ),
                Some(say!(
                    lang,
                    "put the image in the article's folder, or fix its path (letter case counts)",
                    "hãy đặt ảnh vào thư mục của bài viết, hoặc sửa đường dẫn (phân biệt chữ hoa, chữ thường)"
                )),
            ),
            OutsideFolder { image } => (
                say!(
                    lang,
                    "the image path `{image}` leaves the article's folder",
                    "đường dẫn ảnh `{image}` đi ra ngoài thư mục của bài viết"
                ),
                Some(say!(
                    lang,
                    "copy the image beside the article and write its name without `..`",
                    "hãy chép ảnh vào cạnh bài viết và ghi tên ảnh không có `..`"
                )),
            ),
            Cache { path, detail } => (
                say!(
                    lang,
                    "cannot write the photo cache `{path}` ({detail})",
                    "không ghi được bộ nhớ đệm ảnh `{path}` ({detail})"
                ),
                Some(say!(
                    lang,
                    "check that the site folder is writable and the disk is not full",
                    "hãy kiểm tra quyền ghi vào thư mục trang web và dung lượng ổ đĩa"
                )),
            ),
        }
    }
}
