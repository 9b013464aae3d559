//! Messages about articles and pages: front matter, slugs, images, topics,
//! the indicators they name, and where they are published.

use super::data::indicator_hint;
use super::{list, say, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    NoTitle,
    /// An article's `image:` without `image_alt`.
    ImageNoAlt {
        image: String,
    },
    /// `suggestion` is the slug it could be (may be empty).
    BadSlug {
        slug: String,
        suggestion: String,
    },
    EmptySlug,
    NoDate,
    /// `iso` is the date as YYYY-MM-DD when the text reads as a day-first date.
    NotADate {
        text: String,
        iso: Option<String>,
    },
    /// A date whose year is outside 1900–2100.
    DateOutside {
        text: String,
    },
    AbsolutePath {
        path: String,
    },
    ClimbingPath {
        path: String,
    },
    TopicReadAs {
        topic: String,
        slug: String,
    },
    SlugTooLong {
        length: usize,
        max: usize,
    },
    TooManyTopics {
        count: usize,
        max: usize,
    },
    UnknownIndicator {
        id: String,
        closest: Option<String>,
        known: Vec<String>,
    },
    NoDataFor {
        district: String,
        id: String,
    },
    AssetWithoutArticle,
    ImageMissing {
        image: String,
    },
    SlugOfDistrictPage {
        slug: String,
    },
    SameArticleAddress {
        first: String,
        district: String,
        slug: String,
    },
    SamePageSlug {
        first: String,
        slug: String,
    },
    ReservedPageSlug {
        slug: String,
        reserved: Vec<String>,
    },
}

impl Content {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Content::*;
        match self {
            ImageNoAlt { image } => (
                say!(lang, "the image `{image}` has no `image_alt`", "ảnh `{image}` chưa có `image_alt` (mô tả ảnh)"),
                Some(say!(
                    lang,
                    "describe what it shows, e.g. `image_alt: Toàn cảnh hội nghị tổng kết năm 2023`",
                    "hãy mô tả nội dung ảnh, ví dụ `image_alt: Toàn cảnh hội nghị tổng kết năm 2023`"
                )),
            ),
            NoTitle => (
                say!(lang, "the front matter has no `title`", "phần thông tin đầu bài chưa có `title` (tiêu đề)"),
                Some(say!(
                    lang,
                    "add a line `title: ...` between the `---` lines",
                    "hãy thêm một dòng `title: ...` giữa hai dòng `---`"
                )),
            ),
            BadSlug { slug, suggestion } => (
                say!(lang, "`{slug}` is not a valid slug", "`{slug}` không phải là slug hợp lệ"),
                Some(if suggestion.is_empty() {
                    say!(
                        lang,
                        "a slug is lowercase a-z, 0-9 and single dashes, e.g. `tong-ket-2023`",
                        "slug chỉ gồm chữ thường a-z, chữ số 0-9 và dấu gạch ngang đơn, ví dụ `tong-ket-2023`"
                    )
                } else {
                    say!(
                        lang,
                        "a slug is lowercase a-z, 0-9 and single dashes; try `{suggestion}`",
                        "slug chỉ gồm chữ thường a-z, chữ số 0-9 và dấu gạch ngang đơn; hãy thử `{suggestion}`"
                    )
                }),
            ),
            EmptySlug => (
                say!(lang, "the file name gives an empty slug", "tên tệp cho ra slug rỗng"),
                Some(say!(
                    lang,
                    "rename the file, or add `slug: ...` to the front matter",
                    "hãy đổi tên tệp, hoặc thêm `slug: ...` vào phần thông tin đầu bài"
                )),
            ),
            NoDate => (
                say!(lang, "the front matter has no `date`", "phần thông tin đầu bài chưa có `date` (ngày)"),
                Some(say!(lang, "add e.g. `date: 2024-01-06` (YYYY-MM-DD)", "hãy thêm, ví dụ `date: 2024-01-06` (YYYY-MM-DD)")),
            ),
            SlugTooLong { length, max } => (
                say!(
                    lang,
                    "the article's address (slug) would be {length} characters long, more than {max}",
                    "địa chỉ (slug) của bài viết sẽ dài {length} ký tự, quá giới hạn {max}"
                ),
                Some(say!(
                    lang,
                    "give a shorter file name, or `slug:` in the front matter, e.g. `slug: tong-ket-nam-2023`",
                    "hãy đặt tên tệp ngắn hơn, hoặc ghi `slug:` trong phần đầu bài, ví dụ `slug: tong-ket-nam-2023`"
                )),
            ),
            TooManyTopics { count, max } => (
                say!(lang, "this article has {count} topics, more than {max}", "bài viết có {count} chủ đề, quá giới hạn {max}"),
                Some(say!(
                    lang,
                    "keep the few topics the article is about; a topic's page lists every article of it",
                    "hãy giữ vài chủ đề chính của bài; trang của mỗi chủ đề đã liệt kê mọi bài thuộc chủ đề đó"
                )),
            ),
            DateOutside { text } => (
                say!(
                    lang,
                    "`{text}` is outside 1900–2100, the years bantin takes",
                    "ngày `{text}` nằm ngoài khoảng năm 1900–2100 mà bantin nhận"
                ),
                Some(say!(lang, "check the year of the date", "hãy kiểm tra lại năm của ngày này")),
            ),
            NotADate { text, iso } => (
                say!(lang, "`{text}` is not a date", "`{text}` không phải là ngày hợp lệ"),
                Some(match iso {
                    Some(iso) => say!(
                        lang,
                        "write the date as YYYY-MM-DD, year first: `date: {iso}`",
                        "hãy viết ngày theo dạng YYYY-MM-DD, năm trước: `date: {iso}`"
                    ),
                    None => say!(
                        lang,
                        "write the date as YYYY-MM-DD, e.g. 2024-01-06",
                        "hãy viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-01-06"
                    ),
                }),
            ),
            AbsolutePath { path } => (
                say!(
                    lang,
                    "`{path}` must be a relative path, not an absolute one",
                    "`{path}` phải là đường dẫn tương đối, không phải đường dẫn tuyệt đối"
                ),
                Some(image_path_hint(lang)),
            ),
            ClimbingPath { path } => (
                say!(
                    lang,
                    "`{path}` may not climb out of the article's folder with `..`",
                    "`{path}` không được dùng `..` để ra ngoài thư mục của bài viết"
                ),
                Some(image_path_hint(lang)),
            ),
            TopicReadAs { topic, slug } => (
                say!(lang, "the topic `{topic}` is read as `{slug}`", "chủ đề `{topic}` được hiểu là `{slug}`"),
                Some(say!(
                    lang,
                    "write topic slugs in lowercase ASCII with dashes, and name them in site.yaml `topics:`",
                    "hãy viết slug chủ đề bằng chữ thường không dấu và dấu gạch ngang, và đặt tên cho chúng trong mục `topics:` của site.yaml"
                )),
            ),
            UnknownIndicator { id, closest, known } => {
                (say!(lang, "unknown indicator `{id}`", "không có chỉ tiêu `{id}`"), Some(indicator_hint(closest, known, lang)))
            }
            NoDataFor { district, id } => (
                say!(lang, "the district `{district}` has no data for `{id}`", "huyện `{district}` chưa có số liệu cho `{id}`"),
                None,
            ),
            AssetWithoutArticle => (
                say!(
                    lang,
                    "this file is not in a folder with an article, so it is not published",
                    "tệp này không nằm trong thư mục có bài viết nên không được xuất bản"
                ),
                Some(say!(lang, "put assets beside the article that uses them", "hãy đặt tệp đính kèm cạnh bài viết dùng nó")),
            ),
            ImageMissing { image } => (
                say!(
                    lang,
                    "the image `{image}` does not exist beside this article",
                    "không có ảnh `{image}` bên cạnh bài viết này"
                ),
                Some(say!(
                    lang,
                    "put the image file in the article's folder, or fix the path in `image:`",
                    "hãy đặt tệp ảnh vào thư mục của bài viết, hoặc sửa đường dẫn trong `image:`"
                )),
            ),
            SlugOfDistrictPage { slug } => (
                say!(
                    lang,
                    "the slug `{slug}` is taken by the district's own pages",
                    "slug `{slug}` đã được dùng cho các trang riêng của huyện"
                ),
                Some(say!(
                    lang,
                    "add another `slug:` to the front matter",
                    "hãy thêm một `slug:` khác vào phần thông tin đầu bài"
                )),
            ),
            SameArticleAddress { first, district, slug } => (
                say!(
                    lang,
                    "this article and {first} both have the address districts/{district}/{slug}/",
                    "bài viết này và {first} có cùng địa chỉ districts/{district}/{slug}/"
                ),
                Some(say!(
                    lang,
                    "give one of them another `slug:` or file name",
                    "hãy đặt cho một trong hai bài một `slug:` hoặc tên tệp khác"
                )),
            ),
            SamePageSlug { first, slug } => (
                say!(
                    lang,
                    "this page and {first} both have the slug `{slug}`",
                    "trang này và {first} có cùng slug `{slug}`"
                ),
                Some(say!(
                    lang,
                    "give one of them another `slug:`",
                    "hãy đặt cho một trong hai trang một `slug:` khác"
                )),
            ),
            ReservedPageSlug { slug, reserved } => {
                let reserved = list(reserved);
                (
                    say!(
                        lang,
                        "the slug `{slug}` is taken by the site's own pages",
                        "slug `{slug}` đã được dùng cho các trang riêng của trang web"
                    ),
                    Some(say!(
                        lang,
                        "choose another slug; reserved: {reserved}",
                        "hãy chọn slug khác; các slug đã dành riêng: {reserved}"
                    )),
                )
            }
        }
    }
}

fn image_path_hint(lang: Lang) -> String {
    say!(
        lang,
        "give the image's path relative to the article, e.g. `image: anh.jpg`",
        "hãy ghi đường dẫn ảnh tương đối so với bài viết, ví dụ `image: anh.jpg`"
    )
}
