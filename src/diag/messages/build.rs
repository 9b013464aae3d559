//! Messages about what a build makes: templates, charts, the output folder,
//! archives.

use super::{say, Words};
use crate::text::lang::Lang;

/// Why bantin refuses to write into an output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsafe {
    RootOrAbove,
    InsideSources {
        folder: &'static str,
    },
    IsAFile,
    /// A device, a named pipe or a socket.
    NotAFolder,
    /// A symbolic link: bantin would replace the link, not what it leads to.
    Link,
    /// An archive's target is a folder (or a device…), not a file.
    NotAFile,
    /// An archive's target is a file that is not an earlier archive.
    NotAnArchive,
    NotBantins,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Build {
    /// `detail` is Tera's own (English) words.
    TemplateError {
        detail: String,
    },
    TemplateContext {
        detail: String,
    },
    WhileRendering {
        page: String,
        detail: String,
    },
    SameOutput {
        first: String,
        path: String,
    },
    ShareCard {
        detail: String,
    },
    Chart {
        detail: String,
    },
    /// An indicator's workbook could not be written.
    Workbook {
        detail: String,
    },
    Refused {
        path: String,
        why: Unsafe,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    /// Another build is writing the same output.
    OutputBusy {
        path: String,
    },
    NoBulletinFor {
        period: String,
    },
}

impl Build {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Build::*;
        match self {
            TemplateError { detail } => (
                say!(lang, "template error: {detail}", "mẫu trang (template) có lỗi: {detail}"),
                Some(say!(lang, "fix the Tera syntax of this template", "hãy sửa cú pháp Tera của mẫu trang này")),
            ),
            TemplateContext { detail } => {
                (say!(lang, "template context: {detail}", "dữ liệu cho mẫu trang: {detail}"), None)
            }
            WhileRendering { page, detail } => (
                say!(lang, "while rendering {page}: {detail}", "khi tạo trang {page}: {detail}"),
                Some(say!(
                    lang,
                    "check the variables this template uses against docs/templates.md",
                    "hãy đối chiếu các biến mà mẫu trang này dùng với docs/templates.md"
                )),
            ),
            SameOutput { first, path } => (
                say!(
                    lang,
                    "`{first}` and this are both written to `{path}`",
                    "`{first}` và tệp này cùng được ghi ra `{path}`"
                ),
                Some(say!(
                    lang,
                    "rename the file in content/static/ or beside the article, or change a slug",
                    "hãy đổi tên tệp trong content/static/ hoặc cạnh bài viết, hoặc đổi một slug"
                )),
            ),
            ShareCard { detail } => {
                (say!(lang, "could not draw the share card: {detail}", "không vẽ được ảnh chia sẻ: {detail}"), None)
            }
            Chart { detail } => {
                (say!(lang, "could not draw the chart: {detail}", "không vẽ được biểu đồ: {detail}"), None)
            }
            Workbook { detail } => {
                (say!(lang, "could not write the workbook: {detail}", "không ghi được tệp Excel: {detail}"), None)
            }
            Refused { path, why } => (
                {
                    let why = unsafe_text(why, lang);
                    say!(lang, "refusing to write the output to {path}: {why}", "không ghi kết quả vào {path}: {why}")
                },
                Some(left_in_place(lang)),
            ),
            CannotWrite { path, detail } => (
                say!(lang, "cannot write {path}: {detail}", "không ghi được {path}: {detail}"),
                Some(left_in_place(lang)),
            ),
            OutputBusy { path } => (
                say!(
                    lang,
                    "another bantin build is writing {path} now",
                    "một lần dựng bantin khác đang ghi vào {path}"
                ),
                Some(say!(
                    lang,
                    "wait for it to finish, then build again; the output it writes is left in place",
                    "hãy đợi lần dựng đó xong rồi dựng lại; kết quả nó ghi ra được giữ nguyên"
                )),
            ),
            NoBulletinFor { period } => (
                say!(
                    lang,
                    "the site has no bulletin for period `{period}`",
                    "trang web không có bản tin kỳ `{period}`"
                ),
                Some(say!(
                    lang,
                    "use a period folder name as in public/bulletins/, e.g. 2023-Q4",
                    "hãy dùng tên thư mục kỳ như trong public/bulletins/, ví dụ 2023-Q4"
                )),
            ),
        }
    }
}

fn left_in_place(lang: Lang) -> String {
    say!(lang, "the previous output, if any, was left in place", "kết quả của lần dựng trước (nếu có) được giữ nguyên")
}

fn unsafe_text(why: &Unsafe, lang: Lang) -> String {
    match why {
        Unsafe::RootOrAbove => {
            say!(lang, "it is the site root or a folder above it", "đây là thư mục gốc của trang web hoặc thư mục cha của nó")
        }
        Unsafe::InsideSources { folder } => {
            say!(lang, "it is inside the site's `{folder}/` folder", "đường dẫn này nằm trong thư mục `{folder}/` của trang web")
        }
        Unsafe::IsAFile => say!(lang, "it is a file", "đây là một tệp"),
        Unsafe::NotAFolder => say!(
            lang,
            "it is not a folder (a device, a pipe or a socket); choose a folder",
            "đây không phải thư mục (là thiết bị, đường ống hoặc socket); hãy chọn một thư mục"
        ),
        Unsafe::NotAFile => say!(
            lang,
            "it is not a file; give the path of the zip to write",
            "đây không phải một tệp; hãy ghi đường dẫn của tệp zip cần tạo"
        ),
        Unsafe::NotAnArchive => say!(
            lang,
            "it is a file that is not an earlier bantin archive, which bantin never overwrites; choose another name",
            "đây là một tệp không phải bản lưu trữ bantin trước đó, bantin không ghi đè lên nó; hãy chọn tên khác"
        ),
        Unsafe::Link => say!(
            lang,
            "it is a symbolic link, which bantin would replace, not the folder it leads to; give that folder as --out",
            "đây là liên kết tượng trưng: bantin sẽ thay chính liên kết chứ không phải thư mục nó trỏ tới; hãy ghi thẳng thư mục đó vào --out"
        ),
        Unsafe::NotBantins => say!(
            lang,
            "it is not empty and bantin did not write it (no `.bantin` marker); empty it or choose another --out",
            "thư mục không trống và không do bantin ghi ra (không có tệp đánh dấu `.bantin`); hãy làm trống thư mục hoặc chọn --out khác"
        ),
    }
}
