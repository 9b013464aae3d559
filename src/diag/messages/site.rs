//! Messages about `site.yaml`, `indicators.yaml` and the theme.

use super::{say, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Site {
    NoTitle,
    NoBaseUrl,
    NotAbsoluteUrl {
        url: String,
    },
    /// Characters no address holds as they are.
    UrlCharacters {
        url: String,
        chars: String,
    },
    UnknownLanguage {
        code: String,
    },
    /// `theme:` is not one folder name under `themes/`.
    ThemeName {
        name: String,
    },
    UnknownBulletinPeriod {
        value: String,
    },
    ArticlesPerPage {
        n: i64,
    },
    /// `suggestion` is the slug it could be (may be empty).
    TopicSlug {
        topic: String,
        suggestion: String,
    },
    DuplicateIndicatorId {
        id: String,
        line: usize,
    },
    NoIndicatorId,
    BadIndicatorId {
        id: String,
        suggestion: String,
    },
    IndicatorNoName {
        id: String,
    },
    UnknownKind {
        kind: String,
    },
    NoKind {
        id: String,
    },
    BadBetter {
        value: String,
    },
    BadAggregate {
        value: String,
    },
    BadMeasure {
        value: String,
    },
    NoTheme {
        name: String,
        dir: String,
    },
}

const URL_EN: &str = "an absolute address, e.g. `base_url: https://example.gov.vn/bantin/`";
const URL_VI: &str = "một địa chỉ tuyệt đối, ví dụ `base_url: https://example.gov.vn/bantin/`";

impl Site {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Site::*;
        match self {
            NoTitle => (
                say!(lang, "`title` is missing or empty", "thiếu `title` hoặc để trống"),
                Some(say!(
                    lang,
                    "add the site's name, e.g. `title: Bản tin tiến độ Hà Tĩnh`",
                    "hãy thêm tên trang web, ví dụ `title: Bản tin tiến độ Hà Tĩnh`"
                )),
            ),
            NoBaseUrl => (
                say!(lang, "`base_url` is missing or empty", "thiếu `base_url` hoặc để trống"),
                Some(say!(lang, "add {URL_EN}", "hãy thêm {URL_VI}")),
            ),
            NotAbsoluteUrl { url } => (
                say!(
                    lang,
                    "`{url}` is not an absolute http(s) address",
                    "`{url}` không phải là địa chỉ http(s) tuyệt đối"
                ),
                Some(say!(lang, "use {URL_EN}", "hãy dùng {URL_VI}")),
            ),
            UrlCharacters { url, chars } => (
                say!(
                    lang,
                    "`{url}` holds characters an address cannot hold as they are: {chars}",
                    "`{url}` chứa ký tự mà địa chỉ web không được có: {chars}"
                ),
                Some(say!(
                    lang,
                    "write the site's address as the browser shows it, e.g. https://example.gov.vn/ban-tin/",
                    "hãy ghi địa chỉ trang web như trình duyệt hiển thị, ví dụ https://example.gov.vn/ban-tin/"
                )),
            ),
            ThemeName { name } => (
                say!(
                    lang,
                    "`theme: {name}` is not the name of a folder under `themes/`",
                    "`theme: {name}` không phải tên một thư mục trong `themes/`"
                ),
                Some(say!(
                    lang,
                    "write the folder's name alone (`theme: xanh` for `themes/xanh/`), without `/`, `\\` or `..`; a theme is read only from the site's `themes/`",
                    "hãy ghi riêng tên thư mục (`theme: xanh` cho `themes/xanh/`), không có `/`, `\\` hay `..`; giao diện chỉ được đọc từ `themes/` của trang"
                )),
            ),
            UnknownLanguage { code } => (
                say!(lang, "unknown language `{code}`", "không hỗ trợ ngôn ngữ `{code}`"),
                Some(say!(lang, "use `vi` or `en`", "hãy dùng `vi` hoặc `en`")),
            ),
            UnknownBulletinPeriod { value } => (
                say!(lang, "unknown bulletin period `{value}`", "kỳ bản tin `{value}` không hợp lệ"),
                Some(say!(lang, "use month, quarter or year", "hãy dùng month (tháng), quarter (quý) hoặc year (năm)")),
            ),
            ArticlesPerPage { n } => (
                say!(
                    lang,
                    "articles_per_page must be from 1 to 1000, not {n}",
                    "articles_per_page phải từ 1 đến 1000 (đang là {n})"
                ),
                None,
            ),
            TopicSlug { topic, suggestion } => (
                say!(lang, "`{topic}` is not a topic slug", "`{topic}` không phải là slug chủ đề hợp lệ"),
                Some(if suggestion.is_empty() {
                    say!(
                        lang,
                        "topic slugs are lowercase ASCII with dashes, e.g. nong-thon-moi",
                        "slug chủ đề chỉ gồm chữ thường không dấu và dấu gạch ngang, ví dụ nong-thon-moi"
                    )
                } else {
                    say!(
                        lang,
                        "try `{suggestion}`: topic slugs are lowercase ASCII with dashes",
                        "hãy thử `{suggestion}`: slug chủ đề chỉ gồm chữ thường không dấu và dấu gạch ngang"
                    )
                }),
            ),
            DuplicateIndicatorId { id, line } => (
                say!(
                    lang,
                    "the indicator id `{id}` is used twice (first on line {line})",
                    "mã chỉ tiêu `{id}` bị dùng hai lần (lần đầu ở dòng {line})"
                ),
                Some(say!(lang, "give every indicator its own id", "hãy đặt cho mỗi chỉ tiêu một mã riêng")),
            ),
            NoIndicatorId => (
                say!(lang, "this indicator has no `id`", "chỉ tiêu này chưa có `id` (mã)"),
                Some(say!(
                    lang,
                    "add e.g. `id: model-hamlets` ([a-z0-9-]+)",
                    "hãy thêm, ví dụ `id: model-hamlets` ([a-z0-9-]+)"
                )),
            ),
            BadIndicatorId { id, suggestion } => (
                say!(lang, "the id `{id}` may only use a-z, 0-9 and `-`", "mã `{id}` chỉ được dùng a-z, 0-9 và `-`"),
                Some(say!(lang, "try `{suggestion}`", "hãy thử `{suggestion}`")),
            ),
            IndicatorNoName { id } => {
                (say!(lang, "the indicator `{id}` has no `name`", "chỉ tiêu `{id}` chưa có `name` (tên)"), None)
            }
            UnknownKind { kind } => (
                say!(lang, "unknown kind `{kind}`", "loại chỉ tiêu `{kind}` không hợp lệ"),
                Some(say!(
                    lang,
                    "use count, amount, percent or rank",
                    "hãy dùng count (đếm), amount (số lượng), percent (tỷ lệ %) hoặc rank (thứ hạng)"
                )),
            ),
            NoKind { id } => (
                say!(lang, "the indicator `{id}` has no `kind`", "chỉ tiêu `{id}` chưa có `kind` (loại)"),
                Some(say!(
                    lang,
                    "add `kind:` count, amount, percent or rank",
                    "hãy thêm `kind:` là count, amount, percent hoặc rank"
                )),
            ),
            BadBetter { value } => (
                say!(
                    lang,
                    "`better` must be higher or lower, not `{value}`",
                    "`better` phải là higher hoặc lower (đang là `{value}`)"
                ),
                None,
            ),
            BadAggregate { value } => (
                say!(
                    lang,
                    "`aggregate` must be sum or none, not `{value}`",
                    "`aggregate` phải là sum hoặc none (đang là `{value}`)"
                ),
                Some(say!(
                    lang,
                    "write `aggregate: sum` for totals that add up across units (things counted, money), else leave it out",
                    "hãy viết `aggregate: sum` cho số liệu cộng được giữa các đơn vị (số lượng, tiền), nếu không thì bỏ dòng này"
                )),
            ),
            BadMeasure { value } => (
                say!(lang, "`measure` must be flow or level, not `{value}`", "`measure` phải là flow hoặc level (đang là `{value}`)"),
                Some(say!(
                    lang,
                    "`measure: flow` for a total over the period (output, revenue, houses built); leave it out for a figure as of the period's last day",
                    "`measure: flow` cho số liệu cộng dồn trong kỳ (giá trị sản xuất, thu ngân sách, số nhà xây mới); bỏ dòng này nếu là số liệu tại thời điểm cuối kỳ"
                )),
            ),
            NoTheme { name, dir } => (
                say!(lang, "the theme `{name}` does not exist", "không có giao diện (theme) `{name}`"),
                Some(say!(
                    lang,
                    "create {dir}/templates/, or use `theme: default`",
                    "hãy tạo {dir}/templates/, hoặc dùng `theme: default`"
                )),
            ),
        }
    }
}
