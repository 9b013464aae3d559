//! Messages about the shortcodes of a Markdown body: `{{ chart(…) }}` and
//! `{{ value(…) }}`, how they are written and what they name.

use super::data::indicator_hint;
use super::figures::period_text;
use super::{list, say, Words};
use crate::model::PeriodError;
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortcode {
    NotClosed,
    NotAShortcode {
        inner: String,
    },
    NoClosingQuote {
        key: String,
    },
    UnknownShortcode {
        name: String,
    },
    NoSuchArgument {
        name: String,
        arg: String,
        allowed: Vec<String>,
    },
    UnknownDistrict {
        slug: String,
        known: Vec<String>,
    },
    PageNeedsDistrict {
        name: String,
    },
    NeedsIndicator {
        name: String,
    },
    /// `value` without a period, in an article whose moment has no value
    /// (`date` as the language writes dates).
    NoValueByDate {
        id: String,
        district: String,
        date: jiff::civil::Date,
    },
    /// `as_of` other than "latest".
    AsOfOnlyLatest {
        other: String,
    },
    BadPeriod(PeriodError),
    NoData {
        district: String,
        id: String,
    },
    NoObservation {
        id: String,
        district: String,
        period: String,
        known: Vec<String>,
    },
    UnknownIndicator {
        id: String,
        closest: Option<String>,
        known: Vec<String>,
    },
}

impl Shortcode {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Shortcode::*;
        match self {
            NotClosed => (
                say!(lang, "this shortcode is not closed with `}}}}`", "shortcode này chưa được đóng bằng `}}}}`"),
                None,
            ),
            NotAShortcode { inner } => (
                say!(
                    lang,
                    "`{{{{ {inner} }}}}` is not a shortcode: write {{{{ name(key=\"value\") }}}}",
                    "`{{{{ {inner} }}}}` không phải là shortcode: hãy viết {{{{ name(key=\"value\") }}}}"
                ),
                None,
            ),
            NoClosingQuote { key } => (
                say!(lang, "the value of `{key}` has no closing quote", "giá trị của `{key}` thiếu dấu ngoặc kép đóng"),
                None,
            ),
            UnknownShortcode { name } => (
                say!(lang, "unknown shortcode `{name}`", "không có shortcode `{name}`"),
                Some(say!(
                    lang,
                    "the shortcodes are chart(indicator=\"…\") and value(indicator=\"…\", period=\"…\")",
                    "các shortcode dùng được là chart(indicator=\"…\") và value(indicator=\"…\", period=\"…\")"
                )),
            ),
            NoSuchArgument { name, arg, allowed } => {
                let allowed = list(allowed);
                (
                    say!(lang, "`{name}` takes no argument `{arg}`", "`{name}` không có tham số `{arg}`"),
                    Some(say!(lang, "its arguments: {allowed}", "các tham số của nó: {allowed}")),
                )
            }
            UnknownDistrict { slug, known } => {
                let known = list(known);
                (
                    say!(lang, "unknown district `{slug}`", "không có huyện `{slug}`"),
                    Some(say!(lang, "known districts: {known}", "các huyện đã có: {known}")),
                )
            }
            PageNeedsDistrict { name } => (
                say!(lang, "`{name}` on a page must name its district", "`{name}` trên một trang phải ghi rõ huyện"),
                Some(say!(lang, "add district=\"<slug>\"", "hãy thêm district=\"<slug>\"")),
            ),
            NeedsIndicator { name } => (
                say!(lang, "`{name}` needs indicator=\"…\"", "`{name}` cần có indicator=\"…\""),
                Some(say!(lang, "e.g. indicator=\"model-hamlets\"", "ví dụ indicator=\"model-hamlets\"")),
            ),
            NoValueByDate { id, district, date } => {
                let date = crate::text::numfmt::format_date(*date, lang);
                (
                    say!(
                        lang,
                        "`{id}` of `{district}` has no value by this article's date ({date})",
                        "`{id}` của `{district}` chưa có giá trị nào tính đến ngày của bài viết ({date})"
                    ),
                    Some(say!(
                        lang,
                        "give the period, e.g. period=\"2023\", or write the figure in the text",
                        "hãy ghi kỳ, ví dụ period=\"2023\", hoặc viết con số trong bài"
                    )),
                )
            }
            AsOfOnlyLatest { other } => (
                say!(
                    lang,
                    "`as_of` takes only \"latest\", not `{other}`",
                    "`as_of` chỉ nhận \"latest\", không nhận `{other}`"
                ),
                Some(say!(
                    lang,
                    "without as_of an article's chart shows the data of its date; as_of=\"latest\" shows all data",
                    "không có as_of, biểu đồ trong bài viết chỉ hiện số liệu tính đến ngày của bài; as_of=\"latest\" hiện mọi số liệu"
                )),
            ),
            BadPeriod(e) => (
                period_text(e, lang),
                Some(say!(lang, "use the period exactly as in the data", "hãy ghi kỳ đúng như trong số liệu")),
            ),
            NoData { district, id } => (
                say!(
                    lang,
                    "the district `{district}` has no data for `{id}`",
                    "huyện `{district}` chưa có số liệu cho `{id}`"
                ),
                Some(say!(
                    lang,
                    "add observations to its district.yaml, or choose another indicator",
                    "hãy thêm số liệu vào district.yaml của huyện, hoặc chọn chỉ tiêu khác"
                )),
            ),
            NoObservation { id, district, period, known } => {
                let known = list(known);
                (
                    say!(
                        lang,
                        "`{id}` of `{district}` has no observation for period {period}",
                        "`{id}` của `{district}` không có số liệu kỳ {period}"
                    ),
                    Some(say!(lang, "its periods: {known}", "các kỳ đang có: {known}")),
                )
            }
            UnknownIndicator { id, closest, known } => (
                say!(lang, "unknown indicator `{id}`", "không có chỉ tiêu `{id}`"),
                Some(indicator_hint(closest, known, lang)),
            ),
        }
    }
}
