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
    ArgumentTwice {
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
    /// `show` is not value, yoy or plan.
    BadShow {
        other: String,
    },
    /// `show="yoy"` or `show="plan"` without `period`.
    ShowNeedsPeriod,
    /// `show="yoy"` or `show="plan"` on an indicator that is not a flow.
    ShowNeedsFlow {
        id: String,
    },
    /// No value a year earlier (`plan`: no target for the year).
    CannotDerive {
        id: String,
        period: String,
        plan: bool,
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
            ArgumentTwice { key } => (
                say!(lang, "the argument `{key}` is given twice", "tham số `{key}` được ghi hai lần"),
                Some(say!(lang, "keep one `{key}=`", "hãy giữ lại một `{key}=`")),
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
            BadShow { other } => (
                say!(lang, "`show` takes value, yoy or plan, not `{other}`", "`show` chỉ nhận value, yoy hoặc plan, không nhận `{other}`"),
                Some(say!(
                    lang,
                    "show=\"yoy\" writes the change on the same period a year earlier, show=\"plan\" the share of the year's plan",
                    "show=\"yoy\" ghi mức tăng, giảm so với cùng kỳ, show=\"plan\" ghi tỷ lệ so với kế hoạch năm"
                )),
            ),
            ShowNeedsPeriod => (
                say!(lang, "`show` needs a `period`", "`show` cần có `period` (kỳ)"),
                Some(say!(lang, "name the period the figure is of, e.g. period=\"2023-YTD9\"", "hãy ghi kỳ của số liệu, ví dụ period=\"2023-YTD9\"")),
            ),
            ShowNeedsFlow { id } => (
                say!(lang, "`{id}` is not a flow, so it has no change on a year earlier or share of the year's plan", "`{id}` không phải số liệu cộng dồn trong kỳ nên không có so sánh cùng kỳ hay kế hoạch năm"),
                Some(say!(lang, "say `measure: flow` for `{id}` in indicators.yaml if it is a total over the period", "hãy ghi `measure: flow` cho `{id}` trong indicators.yaml nếu đó là số cộng dồn trong kỳ")),
            ),
            CannotDerive { id, period, plan: false } => (
                say!(lang, "`{id}` has no value for the same period a year before {period}", "`{id}` chưa có số liệu cùng kỳ năm trước của kỳ {period}"),
                Some(say!(lang, "add that observation, or write the value itself", "hãy thêm số liệu đó, hoặc ghi chính giá trị")),
            ),
            CannotDerive { id, period, plan: true } => (
                say!(lang, "`{id}` has no target for the year of {period}", "`{id}` chưa có kế hoạch (target) của cả năm cho kỳ {period}"),
                Some(say!(lang, "add the year's plan, e.g. `{{ period: 2023, target: … }}`", "hãy thêm kế hoạch năm, ví dụ `{{ period: 2023, target: … }}`")),
            ),
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
