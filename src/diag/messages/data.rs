//! Messages about districts and their data: `district.yaml`, communes,
//! observations written in YAML or CSV.

use super::{list, say, Quantity, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// The site's articles and data span more bulletin periods than allowed.
    TooManyBulletins {
        from: String,
        to: String,
        count: usize,
        max: usize,
        first: String,
    },
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
        /// The first place: `file:line`, or `file!D7`.
        place: String,
    },
    CsvHeader {
        detail: String,
    },
    CsvUnknownColumn {
        name: String,
        column: usize,
    },
    CsvColumnTwice {
        name: String,
        first: usize,
        column: usize,
    },
    /// A quoted cell that never closes.
    CsvUnclosedQuote,
    CsvNoIndicatorPeriod,
    CsvCells {
        cells: usize,
        expected: usize,
    },
    CsvRow {
        detail: String,
    },
    /// An unquoted `8.850,26` in a CSV row: two cells (`column` is the
    /// number's column name).
    CsvCommaCut {
        column: Quantity,
        written: String,
        yaml: String,
    },
    /// `{ value: 8.850,26 }`: a comma ended the field inside a flow mapping.
    CommaCutNumber {
        field: String,
        written: String,
        before: String,
        key: String,
        yaml: String,
    },
    /// `{ note: tăng 5,2% }`: the same for text.
    CommaCutText {
        field: String,
        written: String,
        before: String,
        key: String,
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
    /// Rows of a file the build wrote that belong to other units (its
    /// `district` column names them): not read here.
    OtherUnitsRows {
        rows: usize,
        units: Vec<String>,
    },
    /// Every row names another unit: likely a file put in the wrong folder,
    /// or a `district` column that does not write the folder's name.
    NoRowOfThisUnit {
        folder: String,
        units: Vec<String>,
    },
}

impl Data {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Data::*;
        match self {
            TooManyBulletins { from, to, count, max, first } => (
                say!(
                    lang,
                    "the site's articles and data run from {from} ({first}) to {to} (here): {count} bulletins, more than {max}",
                    "bài viết và số liệu của trang kéo dài từ kỳ {from} ({first}) đến kỳ {to} (tại đây): {count} bản tin, quá giới hạn {max}"
                ),
                Some(say!(
                    lang,
                    "check the year of these two: a typo in a year makes a bulletin for every period between",
                    "hãy kiểm tra năm của hai chỗ này: gõ nhầm năm sẽ tạo một bản tin cho mỗi kỳ ở giữa"
                )),
            ),
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
            DuplicateObservation { id, period, place } => (
                say!(
                    lang,
                    "`{id}` for period {period} is given twice: here and at {place}",
                    "`{id}` của kỳ {period} được ghi hai lần: ở đây và tại {place}"
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
            CsvColumnTwice { name, first, column } => (
                say!(
                    lang,
                    "the column `{name}` is in the header twice (columns {first} and {column})",
                    "cột `{name}` xuất hiện hai lần trong dòng tiêu đề (cột {first} và cột {column})"
                ),
                Some(say!(lang, "keep one of them", "hãy giữ lại một cột")),
            ),
            CsvUnclosedQuote => (
                say!(
                    lang,
                    "a cell opens a quote (\") on this line that is never closed, so the rest of the file would be one cell",
                    "một ô mở dấu ngoặc kép (\") ở dòng này mà không đóng lại, nên phần còn lại của tệp sẽ bị đọc thành một ô"
                ),
                Some(say!(
                    lang,
                    "close the quote at the end of the cell; a quote inside a quoted cell is written twice (\"\")",
                    "hãy đóng ngoặc kép ở cuối ô; dấu ngoặc kép bên trong ô được viết hai lần (\"\")"
                )),
            ),
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
            CsvCommaCut { column, written, yaml } => {
                let column = column.name(lang);
                (
                say!(
                    lang,
                    "the {column} `{written}` is cut in two cells by its comma",
                    "{column} `{written}` bị dấu phẩy tách thành hai ô"
                ),
                Some(say!(
                    lang,
                    "write `{yaml}` (a dot decimal, no thousands separator)",
                    "hãy viết `{yaml}` (dấu chấm thập phân, không có dấu phân cách hàng nghìn)"
                )),
                )
            }
            CommaCutNumber { field, written, before, key, yaml } => (
                say!(
                    lang,
                    "`{field}: {written}` is read as {field} {before} and a field `{key}`: a comma ends a field inside {{ }}",
                    "`{field}: {written}` được đọc thành {field} {before} và một trường `{key}`: trong {{ }} dấu phẩy kết thúc một trường"
                ),
                Some(say!(
                    lang,
                    "write `{field}: {yaml}` (a dot decimal, no thousands separator)",
                    "hãy viết `{field}: {yaml}` (dấu chấm thập phân, không có dấu phân cách hàng nghìn)"
                )),
            ),
            CommaCutText { field, written, before, key } => (
                say!(
                    lang,
                    "the text of `{field}` is cut at a comma: it is read as `{before}` and a field `{key}`",
                    "nội dung của `{field}` bị cắt ở dấu phẩy: được đọc thành `{before}` và một trường `{key}`"
                ),
                Some(say!(
                    lang,
                    "put the text in quotes: `{field}: \"{written}\"`",
                    "hãy đặt nội dung trong dấu ngoặc kép: `{field}: \"{written}\"`"
                )),
            ),
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
            OtherUnitsRows { rows, units } => {
                let units = super::list(units);
                (
                    say!(
                        lang,
                        "{rows} rows belong to other units (the `district` column names {units}) and are not read here",
                        "{rows} dòng thuộc đơn vị khác (cột `district` ghi {units}) nên không được đọc ở đây"
                    ),
                    Some(say!(
                        lang,
                        "a unit's data folder reads the rows whose `district` is the unit's folder name; delete the others, or put them in their own unit's folder",
                        "thư mục data của một đơn vị chỉ đọc các dòng có cột `district` là tên thư mục của đơn vị đó; hãy xóa các dòng khác hoặc chuyển sang thư mục của đơn vị tương ứng"
                    )),
                )
            }
            NoRowOfThisUnit { folder, units } => {
                let units = super::list(units);
                (
                    say!(
                        lang,
                        "no row of this file belongs to `{folder}`: its `district` column names {units}",
                        "không dòng nào của tệp này thuộc `{folder}`: cột `district` ghi {units}"
                    ),
                    Some(say!(
                        lang,
                        "write `{folder}` in the `district` column (or leave it empty), or move the file to its unit's folder",
                        "hãy ghi `{folder}` vào cột `district` (hoặc để trống), hoặc chuyển tệp sang thư mục của đơn vị tương ứng"
                    )),
                )
            }
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
