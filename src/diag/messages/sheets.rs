//! Messages about workbooks (FORMAT v2, "Spreadsheets as they are kept"):
//! files that are not workbooks, sheets that are skipped, and cells that
//! do not hold what their column needs. Each names the cell it is about
//! through the diagnostic's place (`data/a.xlsx: Sheet1!D7`).

use super::{say, Quantity, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Sheets {
    /// The bytes are not a workbook bantin reads.
    NotAWorkbook { detail: String },
    /// Saved with a password: its cells are encrypted.
    Encrypted,
    /// A workbook larger than bantin reads.
    TooLarge { mb: u64, max: u64 },
    /// An older or other spreadsheet format (`.xls`, `.ods`).
    OtherFormat { ext: String },
    /// A sheet whose first row names none of the columns: not read.
    Skipped { sheet: String },
    /// A hidden sheet that is read: its figures are published.
    Hidden { sheet: String },
    /// A chart, macro or dialog sheet: no cells, not read.
    NoCells { sheet: String },
    /// A `period` cell holding a year that a date format shows as a day
    /// of 1905.
    YearAsDate { year: u32, shown: String },
    /// A sheet skipped because its column names are on a later row.
    HeaderBelow { sheet: String, row: usize },
    /// A first-row word that is not a column, beside ones that are.
    UnknownColumn { name: String },
    /// A column named twice in the first row.
    ColumnTwice { name: String, first: String },
    /// The first row lacks `indicator` or `period`.
    NoIndicatorPeriod,
    /// Header cells merged into one.
    MergedHeader { range: String },
    /// Figures under a first-row cell that names nothing.
    UnnamedColumn { column: String },
    /// Text where a number belongs (`8.850,26`, `107,79%`).
    TextNumber { quantity: Quantity, text: String, number: Option<String> },
    /// A date, a time or TRUE/FALSE where a number belongs.
    NotANumber { quantity: Quantity, shown: String },
    /// A formula that failed (`#DIV/0!`).
    ErrorValue { error: String },
    /// A formula whose result was never saved.
    NoResult,
    /// More rows than bantin reads from one sheet.
    TooManyRows { max: usize },
    /// The sheet's XML is damaged.
    Damaged { detail: String },
}

impl Sheets {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Sheets::*;
        let columns = "indicator, commune, period, value, total, target, note, status (district, source, revised_from, revised_in)";
        let resave = say!(
            lang,
            "open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx)",
            "hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng tệp Excel (.xlsx)"
        );
        match self {
            NotAWorkbook { detail } => (
                say!(lang, "this file is not an Excel workbook ({detail})", "tệp này không phải tệp Excel ({detail})"),
                Some(resave),
            ),
            Encrypted => (
                say!(lang, "this workbook is protected by a password", "tệp Excel này được khóa bằng mật khẩu"),
                Some(say!(
                    lang,
                    "figures published for everyone need no password: save a copy without one (File › Info › Protect Workbook)",
                    "số liệu công bố công khai không cần mật khẩu: hãy lưu một bản không đặt mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc)"
                )),
            ),
            TooLarge { mb, max } => (
                say!(
                    lang,
                    "this workbook is {mb} MB; bantin reads workbooks of up to {max} MB",
                    "tệp Excel này có dung lượng {mb} MB; bantin chỉ đọc tệp Excel tối đa {max} MB"
                ),
                Some(say!(
                    lang,
                    "split the figures into several workbooks, and keep pictures out of them",
                    "hãy chia số liệu ra nhiều tệp Excel, và không chèn hình ảnh vào tệp số liệu"
                )),
            ),
            OtherFormat { ext } => (
                say!(lang, "bantin reads .xlsx workbooks, not .{ext}", "bantin đọc tệp Excel .xlsx, không đọc tệp .{ext}"),
                Some(resave),
            ),
            Skipped { sheet } => (
                say!(
                    lang,
                    "the sheet {sheet} is not read: its first row names none of the columns",
                    "trang tính {sheet} không được đọc: dòng đầu tiên không có tên cột nào"
                ),
                Some(say!(
                    lang,
                    "to read it, write the column names in its first row: {columns}; a sheet of notes may stay as it is",
                    "muốn đọc trang này, hãy ghi tên cột vào dòng đầu tiên: {columns}; trang ghi chú thì cứ để nguyên"
                )),
            ),
            Hidden { sheet } => (
                say!(
                    lang,
                    "the sheet {sheet} is hidden, but its figures are read and published",
                    "trang tính {sheet} đang bị ẩn nhưng số liệu trong trang này vẫn được đọc và công bố"
                ),
                Some(say!(
                    lang,
                    "if they are not to be published, move the sheet to another file or rename its column headers",
                    "nếu không muốn công bố, hãy chuyển trang tính sang tệp khác hoặc đổi tên các cột ở dòng đầu tiên"
                )),
            ),
            NoCells { sheet } => (
                say!(
                    lang,
                    "the sheet {sheet} is a chart or macro sheet, with no cells: it is not read",
                    "trang tính {sheet} là trang biểu đồ hoặc trang macro, không có ô: không được đọc"
                ),
                None,
            ),
            YearAsDate { year, shown } => (
                say!(
                    lang,
                    "the period cell holds the number {year}, which its date format shows as {shown}",
                    "ô kỳ báo cáo chứa số {year}, nhưng định dạng ngày tháng của ô hiển thị thành {shown}"
                ),
                Some(say!(
                    lang,
                    "set the cell's format to Text and type the period again ({year}, {year}-Q3, {year}-10)",
                    "hãy đặt định dạng ô là Văn bản (Text) rồi gõ lại kỳ báo cáo ({year}, {year}-Q3, {year}-10)"
                )),
            ),
            HeaderBelow { sheet, row } => (
                say!(
                    lang,
                    "the sheet {sheet} is not read: its column names are on row {row}, not on the first row",
                    "trang tính {sheet} không được đọc: tên cột nằm ở dòng {row}, không phải dòng đầu tiên"
                ),
                Some(say!(
                    lang,
                    "delete the rows above the column names (a title belongs in the file name or another sheet)",
                    "hãy xóa các dòng phía trên dòng tên cột (tiêu đề nên ghi ở tên tệp hoặc trang tính khác)"
                )),
            ),
            UnknownColumn { name } => (
                say!(
                    lang,
                    "`{name}` is not a column bantin reads, and this row names other columns",
                    "`{name}` không phải tên cột bantin đọc, mà dòng này lại có tên các cột khác"
                ),
                Some(say!(lang, "the columns are {columns}", "các cột dùng được là {columns}")),
            ),
            ColumnTwice { name, first } => (
                say!(lang, "the column `{name}` is named twice (first in {first})", "cột `{name}` được ghi hai lần (lần đầu ở ô {first})"),
                Some(say!(lang, "keep one of the two columns", "hãy giữ lại một trong hai cột")),
            ),
            NoIndicatorPeriod => (
                say!(
                    lang,
                    "the first row needs the columns `indicator` and `period`",
                    "dòng đầu tiên phải có cột `indicator` và cột `period`"
                ),
                Some(say!(lang, "the columns are {columns}", "các cột dùng được là {columns}")),
            ),
            MergedHeader { range } => (
                say!(lang, "the first-row cells {range} are merged", "các ô {range} ở dòng đầu tiên bị gộp"),
                Some(say!(
                    lang,
                    "unmerge them and write one column name in each cell",
                    "hãy bỏ gộp ô và ghi mỗi ô một tên cột"
                )),
            ),
            UnnamedColumn { column } => (
                say!(
                    lang,
                    "column {column} holds figures but has no name in the first row: they are not read",
                    "cột {column} có số liệu nhưng dòng đầu tiên không ghi tên cột: số liệu này không được đọc"
                ),
                Some(say!(lang, "name it in the first row ({columns}) or delete it", "hãy ghi tên cột ở dòng đầu tiên ({columns}) hoặc xóa cột")),
            ),
            TextNumber { quantity, text, number } => {
                let q = quantity.name(lang);
                let hint = match number {
                    Some(n) if !n.contains('.') => say!(
                        lang,
                        "the cell must hold the number {n}, not text: set its format to Number and type it again",
                        "ô phải chứa số {n}, không phải văn bản: hãy đặt định dạng ô là Số (Number) rồi gõ lại"
                    ),
                    Some(n) => {
                        let comma = n.replace('.', ",");
                        say!(
                            lang,
                            "the cell must hold the number {n}, not text: set its format to Number and type it again ({n}, or {comma} where Excel writes decimals with a comma)",
                            "ô phải chứa số {comma}, không phải văn bản: hãy đặt định dạng ô là Số (Number) rồi gõ lại ({comma} nếu máy dùng dấu phẩy thập phân, {n} nếu máy dùng dấu chấm thập phân)"
                        )
                    }
                    None => say!(
                        lang,
                        "the cell must hold a number, not text: set its format to Number and type the figure again",
                        "ô phải chứa số, không phải văn bản: hãy đặt định dạng ô là Số (Number) rồi gõ lại số liệu"
                    ),
                };
                (
                    say!(lang, "the {q} `{text}` is text, in a cell where a number belongs", "{q} `{text}` đang ở dạng văn bản, nhưng ô này phải ghi số"),
                    Some(hint),
                )
            }
            NotANumber { quantity, shown } => {
                let q = quantity.name(lang);
                (
                    say!(lang, "the {q} is {shown}, in a cell where a number belongs", "{q} là {shown}, nhưng ô này phải ghi số"),
                    Some(say!(lang, "type the figure as a number", "hãy nhập số liệu dưới dạng số")),
                )
            }
            ErrorValue { error } => (
                say!(lang, "the cell holds the error {error}: its formula failed", "ô có lỗi {error}: công thức trong ô bị lỗi"),
                Some(say!(lang, "correct the formula, or type the figure", "hãy sửa công thức, hoặc gõ số liệu")),
            ),
            NoResult => (
                say!(
                    lang,
                    "this cell's formula has no saved result",
                    "công thức của ô này chưa có kết quả được lưu"
                ),
                Some(say!(
                    lang,
                    "open the file in Excel or LibreOffice and save it: bantin reads the results a workbook saved, it does not calculate",
                    "hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại: bantin đọc kết quả đã lưu trong tệp, không tự tính công thức"
                )),
            ),
            TooManyRows { max } => {
                let max = super::figure(*max as f64, 0, lang);
                (
                say!(lang, "the sheet has more than {max} rows; the rest is not read", "trang tính có hơn {max} dòng; phần còn lại không được đọc"),
                Some(say!(lang, "split the figures into several files or sheets", "hãy chia số liệu ra nhiều tệp hoặc nhiều trang tính")),
            )
            }
            Damaged { detail } => (
                say!(lang, "the rest of the sheet cannot be read ({detail})", "không đọc được phần còn lại của trang tính ({detail})"),
                Some(resave),
            ),
        }
    }
}
