//! Messages about reading files and parsing them: encodings, missing files,
//! folders, YAML syntax, front matter blocks.

use super::{list, say, Words};
use crate::text::lang::Lang;

/// What kind of YAML problem the parser reported, for the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlProblem {
    /// Indentation or an unquoted `: ` broke the structure.
    Structure,
    /// Nested too deeply, or too many alias expansions.
    TooDeep,
    /// A value of the wrong type.
    WrongType,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Files {
    NotUtf8,
    NulByte,
    /// A control character other than tab and line ends (`code`: `U+001B`).
    ControlChar {
        code: String,
    },
    /// A file name with a control character.
    ControlInName,
    /// A second byte-order mark right after the first.
    TwoByteOrderMarks,
    NoContentFolder {
        root: String,
    },
    NoSiteYaml,
    NoIndicatorsYaml,
    LooseDistrictFile,
    NoDistrictYaml,
    LooseUnitFile,
    NoUnitYaml,
    SymlinkLoop,
    SymlinkOutside,
    CannotRead {
        detail: String,
    },
    TooLarge {
        mb: u64,
        max: u64,
    },
    /// A large build's texts set aside (`text::spool`): the spool could not
    /// be made in the folder beside the output.
    SpoolNotMade {
        articles: usize,
        detail: String,
    },
    /// This file's text, set aside during a large build, could not be put
    /// into the spool or read back from it.
    SpoolFailed {
        detail: String,
    },
    DuplicateKey {
        key: String,
    },
    /// A `---` that starts a second YAML document in one file.
    SecondDocument,
    /// `[…]` or `{…}` nested deeper than bantin reads.
    FlowTooDeep {
        max: usize,
    },
    /// `detail` is the parser's own (English) words.
    InvalidYaml {
        detail: String,
        problem: YamlProblem,
    },
    /// A tab character in the indentation of a YAML line.
    Tab,
    UnknownField {
        key: String,
        known: Vec<String>,
    },
    NoFrontMatter,
    FrontMatterNotClosed,
}

impl Files {
    /// A file that cannot be read or parsed at all: every other problem
    /// may follow from it.
    pub fn is_root_cause(&self) -> bool {
        !matches!(
            self,
            Files::LooseDistrictFile | Files::LooseUnitFile | Files::DuplicateKey { .. } | Files::UnknownField { .. }
        )
    }

    pub(super) fn words(&self, lang: Lang) -> Words {
        use Files::*;
        match self {
            NotUtf8 => (
                say!(lang, "this file is not valid UTF-8 text", "tệp này không phải là văn bản UTF-8 hợp lệ"),
                Some(say!(
                    lang,
                    "save it as UTF-8 (in most editors: Save with encoding → UTF-8)",
                    "hãy lưu lại tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: Lưu với bảng mã → UTF-8)"
                )),
            ),
            NulByte => (
                say!(
                    lang,
                    "this file contains a NUL byte, so it is not text",
                    "tệp này chứa ký tự NUL nên không phải là tệp văn bản"
                ),
                Some(say!(
                    lang,
                    "remove the NUL characters, or re-save the file as plain UTF-8 text",
                    "hãy xóa các ký tự NUL, hoặc lưu lại tệp dưới dạng văn bản thuần UTF-8"
                )),
            ),
            ControlChar { code } => (
                say!(
                    lang,
                    "this file contains the control character {code}, which a page or a terminal would not show as text",
                    "tệp này chứa ký tự điều khiển {code}, trang web hay cửa sổ lệnh đều không hiển thị nó như chữ"
                ),
                Some(say!(
                    lang,
                    "delete it (it often comes from copying out of another program); tabs and line ends are fine",
                    "hãy xóa ký tự này (thường do sao chép từ phần mềm khác); dấu tab và xuống dòng thì được phép"
                )),
            ),
            ControlInName => (
                say!(
                    lang,
                    "the name of this file holds a control character (shown as <U+…>)",
                    "tên tệp này chứa ký tự điều khiển (hiện là <U+…>)"
                ),
                Some(say!(lang, "rename the file with letters, digits and dashes", "hãy đổi tên tệp chỉ gồm chữ, số và dấu gạch ngang")),
            ),
            TwoByteOrderMarks => (
                say!(
                    lang,
                    "this file starts with two byte-order marks (U+FEFF)",
                    "tệp này bắt đầu bằng hai dấu thứ tự byte (BOM, U+FEFF)"
                ),
                Some(say!(
                    lang,
                    "re-save the file as UTF-8 once (most editors: UTF-8 without BOM)",
                    "hãy lưu lại tệp một lần dưới dạng UTF-8 (thường chọn UTF-8 không có BOM)"
                )),
            ),
            NoContentFolder { root } => (
                say!(lang, "the site has no `content/` folder", "trang web không có thư mục `content/`"),
                Some(say!(
                    lang,
                    "run bantin in a site root, or pass --root; looked in {root}",
                    "hãy chạy bantin trong thư mục gốc của trang web, hoặc chỉ rõ bằng --root; đã tìm trong {root}"
                )),
            ),
            NoSiteYaml => (
                say!(lang, "the site has no `content/site.yaml`", "trang web không có tệp `content/site.yaml`"),
                Some(say!(
                    lang,
                    "create it with at least `title:` and `base_url:`",
                    "hãy tạo tệp này, tối thiểu có `title:` và `base_url:`"
                )),
            ),
            NoIndicatorsYaml => (
                say!(lang, "the site has no `content/indicators.yaml`", "trang web không có tệp `content/indicators.yaml`"),
                Some(say!(
                    lang,
                    "create it; it may be an empty list: `[]`",
                    "hãy tạo tệp này; có thể để danh sách rỗng: `[]`"
                )),
            ),
            LooseDistrictFile => (
                say!(
                    lang,
                    "a file directly in `content/districts/` is ignored",
                    "tệp nằm trực tiếp trong `content/districts/` bị bỏ qua"
                ),
                Some(say!(
                    lang,
                    "put each district in its own folder: content/districts/<slug>/district.yaml",
                    "hãy đặt mỗi huyện trong một thư mục riêng: content/districts/<slug>/district.yaml"
                )),
            ),
            NoDistrictYaml => (
                say!(lang, "this district folder has no `district.yaml`", "thư mục huyện này không có tệp `district.yaml`"),
                Some(say!(lang, "create it with at least `name:`", "hãy tạo tệp này, tối thiểu có `name:`")),
            ),
            LooseUnitFile => (
                say!(lang, "a file directly in `content/units/` is ignored", "tệp nằm trực tiếp trong `content/units/` bị bỏ qua"),
                Some(say!(
                    lang,
                    "put each unit in its own folder: content/units/<slug>/unit.yaml",
                    "hãy đặt mỗi đơn vị trong một thư mục riêng: content/units/<slug>/unit.yaml"
                )),
            ),
            NoUnitYaml => (
                say!(lang, "this unit folder has no `unit.yaml`", "thư mục đơn vị này không có tệp `unit.yaml`"),
                Some(say!(lang, "create it with at least `name:` and `level:`", "hãy tạo tệp này, tối thiểu có `name:` và `level:`")),
            ),
            SymlinkLoop => (
                say!(
                    lang,
                    "a symbolic link here loops back to a parent folder",
                    "một liên kết tượng trưng (symlink) ở đây trỏ ngược về thư mục cha"
                ),
                None,
            ),
            SymlinkOutside => (
                say!(
                    lang,
                    "this symbolic link leads outside the site root",
                    "liên kết tượng trưng (symlink) này trỏ ra ngoài thư mục gốc của trang web"
                ),
                Some(say!(
                    lang,
                    "copy the file into the site instead of linking to it",
                    "hãy sao chép tệp vào trang web thay vì liên kết tới nó"
                )),
            ),
            CannotRead { detail } => (say!(lang, "cannot be read: {detail}", "không đọc được: {detail}"), None),
            SpoolNotMade { articles, detail } => (
                say!(
                    lang,
                    "the site has {articles} articles, more than bantin holds in memory, and the temporary file to set their texts aside cannot be made in this folder: {detail}",
                    "trang web có {articles} bài viết, nhiều hơn số bantin giữ trong bộ nhớ, và không tạo được tệp tạm để lưu nội dung của chúng trong thư mục này: {detail}"
                ),
                Some(say!(
                    lang,
                    "this folder (for `build`, the one that holds --out; for `check`, the system's temporary folder, TMPDIR) must be writable and have room for the articles' text",
                    "thư mục này (với `build`: thư mục chứa --out; với `check`: thư mục tạm của hệ thống, TMPDIR) phải ghi được và còn chỗ cho nội dung các bài viết"
                )),
            ),
            SpoolFailed { detail } => (
                say!(
                    lang,
                    "the copy of this file's text set aside during the build cannot be written or read back: {detail}",
                    "bản sao nội dung tệp này, được lưu tạm trong lúc dựng, không ghi hoặc đọc lại được: {detail}"
                ),
                Some(say!(
                    lang,
                    "check the free space of the folder the texts are set aside in (for `build`, the one that holds --out; for `check`, TMPDIR), then run again",
                    "hãy kiểm tra dung lượng trống của thư mục lưu tạm nội dung (với `build`: thư mục chứa --out; với `check`: TMPDIR), rồi chạy lại"
                )),
            ),
            TooLarge { mb, max } => (
                say!(
                    lang,
                    "this file is {mb} MB; bantin reads text files of up to {max} MB",
                    "tệp này có dung lượng {mb} MB; bantin chỉ đọc tệp văn bản tối đa {max} MB"
                ),
                Some(say!(
                    lang,
                    "split it into several articles, or move large data into a CSV in data/",
                    "hãy tách thành nhiều bài viết, hoặc chuyển số liệu lớn sang tệp CSV trong data/"
                )),
            ),
            DuplicateKey { key } => (
                say!(
                    lang,
                    "the key `{key}` is written twice in the same block",
                    "khóa `{key}` được viết hai lần trong cùng một khối"
                ),
                Some(say!(
                    lang,
                    "keep one of them; YAML would silently use only the last",
                    "hãy giữ lại một; YAML sẽ chỉ dùng khóa cuối cùng mà không báo"
                )),
            ),
            SecondDocument => (
                say!(
                    lang,
                    "invalid YAML: this line starts a second document; bantin reads one document a file",
                    "YAML không hợp lệ: dòng này mở đầu tài liệu thứ hai; mỗi tệp bantin chỉ đọc một tài liệu"
                ),
                Some(say!(
                    lang,
                    "remove the `---` (or `...`) line and merge the two parts, or move the second part to a file of its own",
                    "hãy xóa dòng `---` (hoặc `...`) và gộp hai phần, hoặc chuyển phần sau sang tệp riêng"
                )),
            ),
            FlowTooDeep { max } => (
                say!(
                    lang,
                    "invalid YAML: lists or maps written with […] or {{…}} are nested more than {max} deep",
                    "YAML không hợp lệ: danh sách hoặc bảng viết bằng […] hay {{…}} lồng nhau sâu quá {max} cấp"
                ),
                Some(yaml_hint(YamlProblem::TooDeep, lang)),
            ),
            InvalidYaml { detail, problem } => {
                let vi = yaml_detail_vi(detail);
                (say!(lang, "invalid YAML: {detail}", "YAML không hợp lệ: {vi}"), Some(yaml_hint(*problem, lang)))
            }
            Tab => (
                say!(
                    lang,
                    "a tab character in the indentation; YAML indents with spaces only",
                    "có ký tự tab trong phần thụt lề; YAML chỉ cho phép thụt lề bằng dấu cách"
                ),
                Some(say!(
                    lang,
                    "replace the tab with spaces (two per level), as on the lines around it",
                    "hãy thay ký tự tab bằng dấu cách (hai dấu cách cho mỗi cấp), như các dòng bên cạnh"
                )),
            ),
            UnknownField { key, known } => (
                say!(lang, "unknown field `{key}` is ignored", "trường `{key}` không được hỗ trợ nên bị bỏ qua"),
                Some({
                    let known = list(known);
                    say!(lang, "known fields here: {known}", "các trường dùng được ở đây: {known}")
                }),
            ),
            NoFrontMatter => (
                say!(
                    lang,
                    "the file does not start with a front matter block",
                    "tệp không bắt đầu bằng khối thông tin đầu bài (front matter)"
                ),
                Some(say!(
                    lang,
                    "begin the file with a line `---`, the fields (title:, date:), then another line `---`",
                    "hãy mở đầu tệp bằng một dòng `---`, tiếp theo là các trường (title:, date:), rồi một dòng `---` nữa"
                )),
            ),
            FrontMatterNotClosed => (
                say!(lang, "the front matter block is never closed", "khối thông tin đầu bài (front matter) chưa được đóng"),
                Some(say!(
                    lang,
                    "add a line `---` after the last front matter field",
                    "hãy thêm một dòng `---` sau trường cuối cùng của khối"
                )),
            ),
        }
    }
}

fn yaml_hint(problem: YamlProblem, lang: Lang) -> String {
    match problem {
        YamlProblem::Structure => say!(
            lang,
            "check the indentation and quote text that contains `: ` or starts with a special character",
            "hãy kiểm tra thụt lề, và đặt trong dấu ngoặc kép những đoạn chữ có `: ` hoặc bắt đầu bằng ký tự đặc biệt"
        ),
        YamlProblem::TooDeep => say!(
            lang,
            "the YAML is nested too deeply or expands too many aliases",
            "YAML lồng nhau quá sâu hoặc khai triển quá nhiều bí danh (alias)"
        ),
        YamlProblem::WrongType => say!(
            lang,
            "this field has the wrong type of value; see docs/format.md",
            "trường này có giá trị sai kiểu; xem docs/format.md"
        ),
        YamlProblem::Other => {
            say!(lang, "see docs/format.md for the expected fields", "xem các trường cần có trong docs/format.md")
        }
    }
}

/// The YAML parser's words, in Vietnamese where they are among the usual
/// ones (the rest stay as the parser wrote them). A field's path before
/// `invalid type:` is kept as it is.
fn yaml_detail_vi(detail: &str) -> String {
    const SYNTAX: &[(&str, &str)] = &[
        ("did not find expected key", "không tìm thấy khóa như mong đợi (thường do thụt lề sai)"),
        ("did not find expected '-' indicator", "không tìm thấy dấu `-` của mục danh sách như mong đợi"),
        ("mapping values are not allowed in this context", "không được viết `khóa: giá trị` ở vị trí này"),
        ("found character that cannot start any token", "gặp ký tự không được phép ở đầu một giá trị"),
        ("found unexpected end of stream", "tệp kết thúc khi khối chưa đóng"),
        ("repetition limit exceeded", "vượt quá giới hạn lặp lại"),
        ("recursion limit exceeded", "vượt quá giới hạn lồng nhau"),
    ];
    const TYPES: &[(&str, &str)] = &[
        ("invalid type: ", "sai kiểu giá trị: gặp "),
        ("invalid value: ", "giá trị không hợp lệ: gặp "),
        (", expected ", ", cần "),
        ("a sequence", "một danh sách"),
        ("sequence", "danh sách"),
        ("a string", "một chuỗi chữ"),
        ("string", "chuỗi chữ"),
        ("a map", "một ánh xạ `khóa: giá trị`"),
        ("map", "ánh xạ `khóa: giá trị`"),
        ("integer", "số nguyên"),
        ("floating point", "số thập phân"),
        ("a boolean", "true hoặc false"),
        ("boolean", "giá trị đúng/sai"),
        ("unit value", "giá trị rỗng"),
    ];
    if let Some((en, vi)) = SYNTAX.iter().find(|(en, _)| detail.starts_with(en)) {
        return format!("{vi}{}", &detail[en.len()..]);
    }
    let Some(at) = detail.find("invalid type: ").or_else(|| detail.find("invalid value: ")) else {
        return detail.to_string();
    };
    let mut tail = detail[at..].to_string();
    for (en, vi) in TYPES {
        tail = tail.replacen(en, vi, 1);
    }
    format!("{}{tail}", &detail[..at])
}
