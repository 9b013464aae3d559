//! Messages about the figures of one observation, wherever it is written
//! (YAML or CSV): numbers, periods, and the ranges its indicator allows.

use super::{figure, say, Words};
use crate::model::{Granularity, PeriodError};
use crate::text::lang::Lang;

/// Which number of an observation a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    Value,
    Total,
    Target,
}

impl Quantity {
    pub(super) fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Quantity::Value, Lang::En) => "value",
            (Quantity::Total, Lang::En) => "total",
            (Quantity::Target, Lang::En) => "target",
            (Quantity::Value, Lang::Vi) => "giá trị",
            (Quantity::Total, Lang::Vi) => "tổng số",
            (Quantity::Target, Lang::Vi) => "kế hoạch",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Figures {
    NotANumber {
        quantity: Quantity,
        text: String,
    },
    /// Too large, or with more decimals than a page shows.
    NotExact {
        quantity: Quantity,
        text: String,
    },
    NoPeriod,
    BadPeriod(PeriodError),
    /// FORMAT v2: `status` is not estimate, preliminary or final.
    BadStatus {
        text: String,
    },
    /// `revised_in` without `revised_from`.
    RevisedInAlone,
    /// `revised_in` that does not end after the value's own period.
    RevisedBefore {
        own: String,
        text: String,
    },
    /// `revised_from` on an observation without a value.
    RevisedNoValue,
    /// A year-to-date period on an indicator that is not a flow.
    YtdOnLevel {
        id: String,
        text: String,
    },
    TotalTwice,
    NoValueNorTarget,
    BadShorthand {
        text: String,
    },
    TotalNotPositive {
        total: f64,
        decimals: u8,
    },
    Negative {
        quantity: Quantity,
        value: f64,
        decimals: u8,
        id: String,
        kind: &'static str,
    },
    RankBelowOne {
        value: f64,
        decimals: u8,
    },
    RankNotWhole {
        value: f64,
        decimals: u8,
    },
    RankTotalNotWhole {
        total: f64,
        decimals: u8,
    },
    /// `8.850`: a dot and three decimals (text::decimal, rule 3); `read` is
    /// the number YAML reads, `whole` the one it may have meant.
    ThreeDecimals {
        quantity: Quantity,
        text: String,
        read: String,
        whole: String,
    },
    PercentOutside {
        quantity: Quantity,
        value: f64,
        decimals: u8,
    },
    AboveTotal {
        quantity: Quantity,
        value: f64,
        total: f64,
        decimals: (u8, u8),
    },
}

impl Figures {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Figures::*;
        match self {
            NotExact { quantity, text } => {
                let name = quantity.name(lang);
                (
                    say!(
                        lang,
                        "the {name} `{text}` cannot be shown exactly: figures must be below 10^15 with at most 12 decimals",
                        "{name} `{text}` không hiển thị chính xác được: số phải nhỏ hơn 10^15 và có tối đa 12 chữ số thập phân"
                    ),
                    Some(say!(
                        lang,
                        "write the figure in a larger or smaller unit (tỷ đồng instead of đồng), or round it",
                        "hãy ghi số theo đơn vị lớn hơn hoặc nhỏ hơn (tỷ đồng thay cho đồng), hoặc làm tròn"
                    )),
                )
            }
            NotANumber { quantity, text } => {
                let name = quantity.name(lang);
                let shown = text.trim();
                (
                    say!(lang, "the {name} `{text}` is not a number", "{name} `{text}` không phải là số"),
                    Some(match crate::text::decimal::yaml_way(text) {
                        Some(n) => say!(
                            lang,
                            "write `{n}`: numbers take a dot decimal and no thousands separator; `{shown}` is how a page shows it",
                            "hãy viết `{n}`: số dùng dấu chấm thập phân và không có dấu phân cách hàng nghìn; `{shown}` là cách trang web hiển thị"
                        ),
                        None => {
                            say!(lang, "write a number, e.g. 118 or 8850.26", "hãy viết một số, ví dụ 118 hoặc 8850.26")
                        }
                    }),
                )
            }
            ThreeDecimals { quantity, text, read, whole } => {
                let name = quantity.name(lang);
                let shown = match lang {
                    Lang::En => read.clone(),
                    Lang::Vi => read.replace('.', ","),
                };
                (
                    say!(
                        lang,
                        "the {name} `{text}` is read as {shown} (a dot is the decimal point)",
                        "{name} `{text}` được đọc là {shown} (dấu chấm là dấu thập phân)"
                    ),
                    Some(say!(
                        lang,
                        "if you meant {whole}, write `{whole}` without the dot; to keep {shown}, write it with fewer or more decimals",
                        "nếu ý là {whole}, hãy viết `{whole}` không có dấu chấm; nếu đúng là {shown}, hãy viết ít hoặc nhiều chữ số thập phân hơn"
                    )),
                )
            }
            RankNotWhole { value, decimals } => {
                let value = figure(*value, *decimals, lang);
                (
                    say!(lang, "the rank {value} is not a whole number", "thứ hạng {value} không phải là số nguyên"),
                    Some(say!(lang, "a rank is a place: 1, 2, 3…", "thứ hạng là một vị trí: 1, 2, 3…")),
                )
            }
            RankTotalNotWhole { total, decimals } => {
                let total = figure(*total, *decimals, lang);
                (
                    say!(
                        lang,
                        "the total {total} of a rank is not a whole number",
                        "tổng số {total} của một thứ hạng không phải là số nguyên"
                    ),
                    Some(say!(
                        lang,
                        "a rank is out of a number of places, e.g. 7/27",
                        "thứ hạng được tính trên một số vị trí, ví dụ 7/27"
                    )),
                )
            }
            NoPeriod => (
                say!(lang, "this observation has no `period`", "số liệu này chưa có `period` (kỳ)"),
                Some(say!(
                    lang,
                    "add e.g. `period: 2023` (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-YTDn)",
                    "hãy thêm, ví dụ `period: 2023` (YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM hoặc YYYY-YTDn)"
                )),
            ),
            BadPeriod(e) => (period_text(e, lang), None),
            BadStatus { text } => (
                say!(lang, "`status` must be estimate, preliminary or final, not `{text}`", "`status` phải là estimate (ước tính), preliminary (sơ bộ) hoặc final (chính thức), đang là `{text}`"),
                Some(say!(lang, "leave `status` out for a final figure", "bỏ `status` nếu là số liệu chính thức")),
            ),
            RevisedInAlone => (
                say!(lang, "`revised_in` without `revised_from`", "có `revised_in` nhưng thiếu `revised_from`"),
                Some(say!(lang, "write the figure published before as `revised_from`", "hãy ghi số liệu đã công bố trước đó vào `revised_from`")),
            ),
            RevisedBefore { own, text } => (
                say!(lang, "a figure for {own} cannot be revised in {text}, which does not end after it", "số liệu kỳ {own} không thể được điều chỉnh trong kỳ {text} (không kết thúc sau kỳ đó)"),
                Some(say!(lang, "`revised_in` is the period whose bulletin tells of the revision, after the figure's own", "`revised_in` là kỳ mà bản tin thông báo việc điều chỉnh, sau kỳ của số liệu")),
            ),
            RevisedNoValue => (
                say!(lang, "`revised_from` on an observation without a `value`", "có `revised_from` nhưng số liệu chưa có `value`"),
                Some(say!(lang, "`revised_from` is the value published before this one", "`revised_from` là giá trị đã công bố trước giá trị này")),
            ),
            YtdOnLevel { id, text } => (
                say!(
                    lang,
                    "`{text}` is a total from January, but `{id}` is a figure as of the period's last day",
                    "`{text}` là số cộng dồn từ đầu năm, nhưng `{id}` là số liệu tại thời điểm cuối kỳ"
                ),
                Some(say!(
                    lang,
                    "if `{id}` is a total over the period, say `measure: flow` in indicators.yaml; else use the month (YYYY-MM)",
                    "nếu `{id}` là số cộng dồn trong kỳ, hãy ghi `measure: flow` trong indicators.yaml; nếu không, hãy dùng kỳ tháng (YYYY-MM)"
                )),
            ),
            TotalTwice => (
                say!(
                    lang,
                    "the total is given twice: in `value: a/b` and in `total:`",
                    "tổng số được ghi hai lần: trong `value: a/b` và trong `total:`"
                ),
                Some(say!(lang, "keep one of them", "hãy giữ lại một trong hai")),
            ),
            NoValueNorTarget => (
                say!(
                    lang,
                    "this observation has neither a `value` nor a `target`",
                    "số liệu này không có cả `value` (giá trị) lẫn `target` (kế hoạch)"
                ),
                Some(say!(
                    lang,
                    "give the result as `value:`, or the plan as `target:`",
                    "hãy ghi kết quả vào `value:`, hoặc kế hoạch vào `target:`"
                )),
            ),
            BadShorthand { text } => (
                say!(
                    lang,
                    "`{text}` is not a value: write `110/154` or a number",
                    "`{text}` không phải là giá trị: hãy viết `110/154` hoặc một số"
                ),
                None,
            ),
            TotalNotPositive { total, decimals } => {
                let total = figure(*total, *decimals, lang);
                (
                    say!(lang, "the total {total} must be above 0", "tổng số {total} phải lớn hơn 0"),
                    Some(say!(
                        lang,
                        "a total counts the things a value is out of",
                        "tổng số là số đơn vị dùng để tính giá trị (ví dụ 154 trong 118/154)"
                    )),
                )
            }
            Negative { quantity, value, decimals, id, kind } => {
                let (name, value) = (quantity.name(lang), figure(*value, *decimals, lang));
                (
                    say!(
                        lang,
                        "the {name} {value} is negative, but `{id}` is a {kind}",
                        "{name} {value} là số âm, nhưng `{id}` là chỉ tiêu loại {kind}"
                    ),
                    Some(say!(lang, "counts and ranks cannot be below zero", "số đếm và thứ hạng không thể nhỏ hơn 0")),
                )
            }
            RankBelowOne { value, decimals } => {
                let value = figure(*value, *decimals, lang);
                (
                    say!(lang, "the rank {value} is below 1", "thứ hạng {value} nhỏ hơn 1"),
                    Some(say!(lang, "rank 1 is the first place", "hạng 1 là vị trí đứng đầu")),
                )
            }
            PercentOutside { quantity, value, decimals } => {
                let (name, value) = (quantity.name(lang), figure(*value, *decimals, lang));
                (
                    say!(lang, "the {name} {value}% is outside 0..100", "{name} {value}% nằm ngoài khoảng 0–100"),
                    Some(say!(
                        lang,
                        "a percent indicator is a share from 0 to 100; use kind amount for other figures",
                        "chỉ tiêu tỷ lệ là phần trăm từ 0 đến 100; với các số liệu khác hãy dùng kind amount"
                    )),
                )
            }
            AboveTotal { quantity, value, total, decimals } => {
                let name = quantity.name(lang);
                let (value, total) = (figure(*value, decimals.0, lang), figure(*total, decimals.1, lang));
                (
                    say!(
                        lang,
                        "the {name} {value} is above its total {total}",
                        "{name} {value} lớn hơn tổng số {total}"
                    ),
                    Some(say!(
                        lang,
                        "a count or rank cannot exceed the total it is out of; check both numbers",
                        "số đếm hoặc thứ hạng không thể vượt quá tổng số; hãy kiểm tra lại cả hai số"
                    )),
                )
            }
        }
    }
}

/// Why a period could not be read.
pub(super) fn period_text(e: &PeriodError, lang: Lang) -> String {
    match e {
        PeriodError::NotAPeriod { text } => say!(
            lang,
            "`{text}` is not a period: write YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM or YYYY-YTDn (2023, 2023-H1, 2023-Q3, 2023-10, 2023-YTD9)",
            "`{text}` không phải là kỳ: hãy viết YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM hoặc YYYY-YTDn (2023, 2023-H1, 2023-Q3, 2023-10, 2023-YTD9)"
        ),
        PeriodError::YearOutside { text, year } => say!(
            lang,
            "`{text}`: the year {year} is outside 1900–2100, the years bantin takes",
            "`{text}`: năm {year} nằm ngoài khoảng 1900–2100 mà bantin nhận"
        ),
        PeriodError::OutOfRange { text, granularity, max } => {
            let unit = match (granularity, lang) {
                (Granularity::Half, Lang::En) => "the half",
                (Granularity::Quarter, Lang::En) => "the quarter",
                (_, Lang::En) => "the month",
                (Granularity::Half, Lang::Vi) => "kỳ nửa năm (H)",
                (Granularity::Quarter, Lang::Vi) => "quý",
                (_, Lang::Vi) => "tháng",
            };
            say!(lang, "`{text}`: {unit} must be from 1 to {max}", "`{text}`: {unit} phải từ 1 đến {max}")
        }
    }
}
