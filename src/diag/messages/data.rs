//! Messages about districts and their data: `district.yaml`, communes,
//! observations written in YAML or CSV.

use super::{figure, list, say, Words};
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
    fn name(self, lang: Lang) -> &'static str {
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
pub enum Data {
    NoDistrictName {
        folder: String,
    },
    CommuneNoName,
    CommuneTwice {
        name: String,
    },
    DataNotMapping,
    ObservationNotMapping,
    /// `closest` is the known id nearest to `id`; `known` all of them.
    UnknownIndicator {
        id: String,
        closest: Option<String>,
        known: Vec<String>,
    },
    UnknownCommune {
        name: String,
        known: Vec<String>,
    },
    DuplicateObservation {
        id: String,
        period: String,
        file: String,
        line: usize,
    },
    CsvHeader {
        detail: String,
    },
    CsvUnknownColumn {
        name: String,
        column: usize,
    },
    CsvNoIndicatorPeriod,
    CsvCells {
        cells: usize,
        expected: usize,
    },
    CsvRow {
        detail: String,
    },
    NotANumber {
        quantity: Quantity,
        text: String,
    },
    NoPeriod,
    BadPeriod(PeriodError),
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
    EmptyDistrictSlug,
    SameDistrictSlug {
        first: String,
        second: String,
        slug: String,
    },
    SourceNotArticle {
        source: String,
        district: String,
    },
    /// A knock-on note: the indicator ids of this file were not checked,
    /// because indicators.yaml itself has errors (reported first).
    Unchecked,
}

impl Data {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Data::*;
        match self {
            NoDistrictName { folder } => (
                say!(lang, "the district has no `name`", "huyện chưa có `name` (tên)"),
                Some(say!(lang, "add e.g. `name: {folder}`", "hãy thêm, ví dụ `name: {folder}`")),
            ),
            CommuneNoName => (
                say!(lang, "this commune has no name", "xã này chưa có tên"),
                Some(say!(
                    lang,
                    "write `- Kỳ Châu` or `- name: Kỳ Châu`",
                    "hãy viết `- Kỳ Châu` hoặc `- name: Kỳ Châu`"
                )),
            ),
            CommuneTwice { name } => {
                (say!(lang, "the commune `{name}` is listed twice", "xã `{name}` được liệt kê hai lần"), None)
            }
            DataNotMapping => (
                say!(
                    lang,
                    "`data` must map indicator ids to lists of observations",
                    "`data` phải ghi mã chỉ tiêu, mỗi mã kèm một danh sách số liệu"
                ),
                None,
            ),
            ObservationNotMapping => (
                say!(
                    lang,
                    "an observation must be a mapping like `{{ period: 2023, value: 118 }}`",
                    "mỗi số liệu phải có dạng `{{ period: 2023, value: 118 }}`"
                ),
                None,
            ),
            UnknownIndicator { id, closest, known } => (
                say!(lang, "unknown indicator `{id}`", "không có chỉ tiêu `{id}`"),
                Some(indicator_hint(closest, known, lang)),
            ),
            UnknownCommune { name, known } => (
                say!(
                    lang,
                    "the commune `{name}` is not listed in this district's `communes:`",
                    "xã `{name}` không có trong danh sách `communes:` của huyện này"
                ),
                Some(if known.is_empty() {
                    say!(
                        lang,
                        "add a `communes:` list to district.yaml",
                        "hãy thêm danh sách `communes:` vào district.yaml"
                    )
                } else {
                    let known = list(known);
                    say!(lang, "known communes: {known}", "các xã đã khai báo: {known}")
                }),
            ),
            DuplicateObservation { id, period, file, line } => (
                say!(
                    lang,
                    "`{id}` for period {period} is given twice: here and at {file}:{line}",
                    "`{id}` của kỳ {period} được ghi hai lần: ở đây và tại {file}:{line}"
                ),
                Some(say!(
                    lang,
                    "keep one observation per indicator and period",
                    "mỗi chỉ tiêu, mỗi kỳ chỉ giữ một số liệu"
                )),
            ),
            CsvHeader { detail } => {
                (say!(lang, "cannot read the header row: {detail}", "không đọc được dòng tiêu đề: {detail}"), None)
            }
            CsvUnknownColumn { name, column } => (
                say!(lang, "unknown column `{name}` (column {column})", "cột `{name}` không hợp lệ (cột thứ {column})"),
                Some(say!(
                    lang,
                    "the columns are indicator,commune,period,value,total,target,note",
                    "các cột dùng được là indicator,commune,period,value,total,target,note"
                )),
            ),
            CsvNoIndicatorPeriod => (
                say!(
                    lang,
                    "the header row needs the columns `indicator` and `period`",
                    "dòng tiêu đề phải có cột `indicator` và cột `period`"
                ),
                Some(say!(
                    lang,
                    "the first row must be: indicator,commune,period,value,total,target,note",
                    "dòng đầu tiên phải là: indicator,commune,period,value,total,target,note"
                )),
            ),
            CsvCells { cells, expected } => (
                say!(
                    lang,
                    "this row has {cells} cells but the header has {expected}",
                    "dòng này có {cells} ô nhưng dòng tiêu đề có {expected} ô"
                ),
                Some(csv_quote_hint(lang)),
            ),
            CsvRow { detail } => (
                say!(lang, "cannot read this row: {detail}", "không đọc được dòng này: {detail}"),
                Some(csv_quote_hint(lang)),
            ),
            _ => self.figure_words(lang),
        }
    }

    /// The messages about the figures of one observation.
    fn figure_words(&self, lang: Lang) -> Words {
        use Data::*;
        match self {
            NotANumber { quantity, text } => {
                let name = quantity.name(lang);
                (
                    say!(lang, "the {name} `{text}` is not a number", "{name} `{text}` không phải là số"),
                    Some(if text.contains(',') {
                        say!(
                            lang,
                            "write numbers with a dot decimal and no thousands separator: 8850.26, not 8.850,26",
                            "hãy viết số với dấu chấm thập phân và không có dấu phân cách hàng nghìn: 8850.26, không viết 8.850,26"
                        )
                    } else {
                        say!(lang, "write a number, e.g. 118 or 8850.26", "hãy viết một số, ví dụ 118 hoặc 8850.26")
                    }),
                )
            }
            NoPeriod => (
                say!(lang, "this observation has no `period`", "số liệu này chưa có `period` (kỳ)"),
                Some(say!(
                    lang,
                    "add e.g. `period: 2023` (YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM)",
                    "hãy thêm, ví dụ `period: 2023` (YYYY, YYYY-Hn, YYYY-Qn hoặc YYYY-MM)"
                )),
            ),
            BadPeriod(e) => (period_text(e, lang), None),
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
                    "số liệu này không có `value` (giá trị) cũng không có `target` (kế hoạch)"
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
                        "tổng số là số đơn vị mà giá trị được tính trên đó"
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
            _ => self.district_words(lang),
        }
    }

    /// The messages about a district as a whole.
    fn district_words(&self, lang: Lang) -> Words {
        use Data::*;
        match self {
            EmptyDistrictSlug => (
                say!(lang, "this folder name gives an empty slug", "tên thư mục này cho ra slug rỗng"),
                Some(say!(
                    lang,
                    "name the folder with the district's slug, e.g. ky-anh",
                    "hãy đặt tên thư mục theo slug của huyện, ví dụ ky-anh"
                )),
            ),
            SameDistrictSlug { first, second, slug } => (
                say!(
                    lang,
                    "the folders `{first}` and `{second}` both give the district slug `{slug}`",
                    "hai thư mục `{first}` và `{second}` cùng cho ra slug huyện `{slug}`"
                ),
                Some(say!(lang, "rename one of the folders", "hãy đổi tên một trong hai thư mục")),
            ),
            SourceNotArticle { source, district } => (
                say!(
                    lang,
                    "`source: {source}` names no article of {district}",
                    "`source: {source}` không trỏ tới bài viết nào của {district}"
                ),
                Some(say!(
                    lang,
                    "use the slug of an article of the same district",
                    "hãy dùng slug của một bài viết cùng huyện"
                )),
            ),
            Unchecked => (
                say!(
                    lang,
                    "some indicators named in this file could not be checked, because content/indicators.yaml has errors",
                    "chưa kiểm tra được một số chỉ tiêu dùng trong tệp này, vì content/indicators.yaml đang có lỗi"
                ),
                Some(say!(
                    lang,
                    "fix the errors of content/indicators.yaml above, then check again",
                    "hãy sửa các lỗi của content/indicators.yaml ở trên, rồi kiểm tra lại"
                )),
            ),
            _ => unreachable!("every message of the group has its words"),
        }
    }
}

/// The hint for an unknown indicator id: the closest known one, or the list.
pub(super) fn indicator_hint(closest: &Option<String>, known: &[String], lang: Lang) -> String {
    match closest {
        Some(c) => say!(
            lang,
            "did you mean `{c}`? Every indicator must be an id in content/indicators.yaml",
            "có phải bạn định viết `{c}`? Mỗi chỉ tiêu phải là một mã có trong content/indicators.yaml"
        ),
        None if known.is_empty() => say!(
            lang,
            "content/indicators.yaml defines no indicators yet",
            "content/indicators.yaml chưa khai báo chỉ tiêu nào"
        ),
        None => {
            let known = list(known);
            say!(lang, "known indicators: {known}", "các chỉ tiêu đã khai báo: {known}")
        }
    }
}

fn csv_quote_hint(lang: Lang) -> String {
    say!(lang, "quote cells that contain commas: \"a, b\"", "hãy đặt ô có dấu phẩy trong dấu ngoặc kép: \"a, b\"")
}

/// Why a period could not be read.
pub(super) fn period_text(e: &PeriodError, lang: Lang) -> String {
    match e {
        PeriodError::NotAPeriod { text } => say!(
            lang,
            "`{text}` is not a period: write YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM (2023, 2023-H1, 2023-Q3, 2023-10)",
            "`{text}` không phải là kỳ: hãy viết YYYY, YYYY-Hn, YYYY-Qn hoặc YYYY-MM (2023, 2023-H1, 2023-Q3, 2023-10)"
        ),
        PeriodError::TooEarly { text, year } => {
            say!(lang, "`{text}`: the year {year} is before 1900", "`{text}`: năm {year} trước năm 1900")
        }
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
