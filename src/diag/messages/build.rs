//! Messages about what a build makes: templates, charts, the output folder,
//! archives, and the warnings of `bantin check` (links, data order, use).

use super::{say, Words};
use crate::text::lang::Lang;

/// Why bantin refuses to write into an output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsafe {
    RootOrAbove,
    InsideSources { folder: &'static str },
    IsAFile,
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
    Refused {
        path: String,
        why: Unsafe,
    },
    CannotWrite {
        path: String,
        detail: String,
    },
    NoBulletinFor {
        period: String,
    },
    RootLink {
        dest: String,
    },
    DeadLink {
        dest: String,
    },
    PeriodOrder {
        id: String,
        period: String,
        earlier: String,
    },
    TargetWithoutValue {
        id: String,
        period: String,
        later: String,
    },
    TopicWithoutName {
        slug: String,
    },
    IndicatorUnused {
        id: String,
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
            _ => self.lint_words(lang),
        }
    }

    /// The warnings of `bantin check`.
    fn lint_words(&self, lang: Lang) -> Words {
        use Build::*;
        match self {
            RootLink { dest } => (
                say!(
                    lang,
                    "the link `{dest}` starts at the server root, so it breaks in a sub-folder and from disk",
                    "liên kết `{dest}` bắt đầu từ gốc máy chủ nên sẽ hỏng khi trang đặt trong thư mục con hoặc mở từ ổ đĩa"
                ),
                Some(say!(
                    lang,
                    "write it relative to the page, e.g. ../other-article/",
                    "hãy viết liên kết tương đối so với trang, ví dụ ../bai-khac/"
                )),
            ),
            DeadLink { dest } => (
                say!(
                    lang,
                    "the link `{dest}` leads to no page or file of the site",
                    "liên kết `{dest}` không dẫn tới trang hay tệp nào của trang web"
                ),
                Some(say!(
                    lang,
                    "links resolve from the page's own folder: a sibling article is ../<slug>/",
                    "liên kết được tính từ thư mục của chính trang: bài viết cùng cấp là ../<slug>/"
                )),
            ),
            PeriodOrder { id, period, earlier } => (
                say!(
                    lang,
                    "`{id}`: period {period} is written before {earlier}, which comes earlier",
                    "`{id}`: kỳ {period} được ghi trước kỳ {earlier}, trong khi {earlier} là kỳ sớm hơn"
                ),
                Some(say!(
                    lang,
                    "list observations from the oldest period to the newest",
                    "hãy ghi số liệu theo thứ tự từ kỳ cũ nhất đến kỳ mới nhất"
                )),
            ),
            TargetWithoutValue { id, period, later } => (
                say!(
                    lang,
                    "`{id}` has a target but no value for {period}, although {later} has a value",
                    "`{id}` có kế hoạch nhưng chưa có giá trị cho kỳ {period}, trong khi kỳ {later} đã có giá trị"
                ),
                Some(say!(
                    lang,
                    "add the result for this period, or remove the old plan",
                    "hãy thêm kết quả của kỳ này, hoặc bỏ kế hoạch cũ"
                )),
            ),
            TopicWithoutName { slug } => (
                say!(lang, "the topic `{slug}` is used but has no name", "chủ đề `{slug}` được dùng nhưng chưa có tên"),
                Some(say!(lang, "add it under `topics:`, e.g. `{slug}: …`", "hãy thêm vào mục `topics:`, ví dụ `{slug}: …`")),
            ),
            IndicatorUnused { id } => (
                say!(
                    lang,
                    "the indicator `{id}` is defined but never used",
                    "chỉ tiêu `{id}` đã khai báo nhưng chưa được dùng"
                ),
                Some(say!(
                    lang,
                    "add observations for it, or remove it from the catalogue",
                    "hãy thêm số liệu cho chỉ tiêu này, hoặc xóa nó khỏi danh mục"
                )),
            ),
            _ => unreachable!("every message of the group has its words"),
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
            say!(lang, "it is inside the site's `{folder}/` folder", "thư mục này nằm trong thư mục `{folder}/` của trang web")
        }
        Unsafe::IsAFile => say!(lang, "it is a file", "đây là một tệp"),
        Unsafe::NotBantins => say!(
            lang,
            "it is not empty and bantin did not write it (no `.bantin` marker); empty it or choose another --out",
            "thư mục không trống và không do bantin ghi ra (không có tệp đánh dấu `.bantin`); hãy làm trống thư mục hoặc chọn --out khác"
        ),
    }
}
