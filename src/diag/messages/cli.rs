//! Messages of the command line: the summary lines of `build`, `check`,
//! `archive`, `verify`, `keygen`, `import` and `init`, and their errors.

use super::say;
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Cli {
    /// `check --report`: the table's column names, separated by `|`.
    ReportHeader,
    /// `check --report`: a unit that never reported an indicator its level reports.
    ReportNever,
    /// `check --report`: the last line.
    ReportUpToDate {
        fine: usize,
        owing: usize,
    },
    /// `N error(s), N warning(s)`.
    Summary {
        errors: usize,
        warnings: usize,
    },
    /// The progress bar's template (indicatif), for pages rendered.
    Progress,
    Built {
        pages: usize,
        charts: usize,
        files: usize,
        /// Files the kept output already held (not written again).
        unchanged: usize,
        out: String,
        secs: f64,
        /// Warnings of the build (0: none said).
        warnings: usize,
    },
    /// After the first warnings of a build: how many more there are.
    MoreWarnings {
        more: usize,
    },
    BuildFailed {
        errors: usize,
        warnings: usize,
    },
    CheckFailed {
        errors: usize,
        warnings: usize,
    },
    /// Only warnings, and `--strict` fails on them.
    CheckFailedStrict {
        errors: usize,
        warnings: usize,
    },
    Valid {
        errors: usize,
        warnings: usize,
    },
    Error {
        detail: String,
    },
    Imported {
        from: String,
        to: String,
    },
    DryRun {
        path: String,
    },
    FiguresFound {
        file: String,
    },
    Initialised {
        dir: String,
    },
    Archived {
        files: usize,
        bytes: usize,
        out: String,
    },
    ArchiveFailed {
        errors: usize,
        warnings: usize,
    },
    Verified {
        file: String,
        files: usize,
        sha256: String,
    },
    /// `verify` without a key: the archive is whole, its maker unknown.
    SignatureUnchecked {
        file: String,
        /// Whether `<file>.minisig` is there.
        beside: bool,
    },
    SignatureMatches {
        file: String,
        id: String,
        comment: String,
    },
    /// `archive --sign`.
    Signed {
        signature: String,
        id: String,
    },
    KeysWritten {
        secret: String,
        public: String,
        id: String,
        line: String,
    },
    /// `keygen --no-password`.
    KeyUnprotected,
    PasswordPrompt,
    PasswordAgain,
    Changed {
        path: String,
    },
    Added {
        path: String,
    },
    Removed {
        path: String,
    },
    Mismatch {
        file: String,
    },
}

impl Cli {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Cli::*;
        match self {
            ReportHeader => say!(
                lang,
                "Unit|Indicator|Latest figure|Periods behind|Plans without result|Figure",
                "Đơn vị|Chỉ tiêu|Số liệu gần nhất|Chậm (số kỳ)|Kế hoạch chưa có kết quả|Số liệu"
            ),
            ReportNever => say!(lang, "never reported", "chưa từng báo cáo"),
            ReportUpToDate { fine, owing } => say!(
                lang,
                "{owing} figure(s) to chase; {fine} up to date",
                "{owing} số liệu cần đôn đốc; {fine} số liệu đã cập nhật"
            ),
            Summary { errors, warnings } => {
                say!(lang, "{errors} error(s), {warnings} warning(s)", "{errors} lỗi, {warnings} cảnh báo")
            }
            Progress => say!(lang, "{{bar:40}} {{pos}}/{{len}} pages", "{{bar:40}} {{pos}}/{{len}} trang"),
            Built { pages, charts, files, unchanged, out, secs, warnings } => {
                let secs = crate::text::numfmt::format_number(*secs, 2, lang);
                let warned = match warnings {
                    0 => String::new(),
                    n => say!(lang, ", {n} warning(s)", ", {n} cảnh báo"),
                };
                let files = match unchanged {
                    0 => say!(lang, "{files} files", "{files} tệp"),
                    kept => say!(lang, "{files} files, {kept} unchanged", "{files} tệp, {kept} tệp không đổi"),
                };
                say!(
                    lang,
                    "built {pages} pages, {charts} charts ({files}) into {out} in {secs} s{warned}",
                    "đã dựng {pages} trang, {charts} biểu đồ ({files}) vào {out} trong {secs} giây{warned}"
                )
            }
            MoreWarnings { more } => say!(
                lang,
                "… and {more} more warning(s): `bantin build --verbose` or `bantin check` shows them all",
                "… và {more} cảnh báo nữa: `bantin build --verbose` hoặc `bantin check` cho xem tất cả"
            ),
            BuildFailed { errors, warnings } => {
                let summary = Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(
                    lang,
                    "build failed: {summary}; the output was not changed",
                    "dựng trang không thành công: {summary}; thư mục kết quả không bị thay đổi"
                )
            }
            CheckFailed { errors, warnings } => {
                let summary = Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(lang, "check failed: {summary}", "kiểm tra không đạt: {summary}")
            }
            CheckFailedStrict { errors, warnings } => {
                let summary = Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(
                    lang,
                    "check failed: {summary} (--strict fails on warnings)",
                    "kiểm tra không đạt: {summary} (--strict coi cảnh báo là không đạt)"
                )
            }
            Valid { errors, warnings } => {
                let summary = Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(lang, "the site is valid: {summary}", "trang web hợp lệ: {summary}")
            }
            Error { detail } => say!(lang, "error: {detail}", "lỗi: {detail}"),
            Imported { from, to } => say!(
                lang,
                "{from} -> {to} (draft: true: check the article and its figures, then delete that line)",
                "{from} -> {to} (draft: true: hãy kiểm tra bài viết và các số liệu, rồi xóa dòng đó)"
            ),
            DryRun { path } => say!(lang, "# {path} (dry run: not written)", "# {path} (chạy thử: chưa ghi tệp)"),
            FiguresFound { file } => say!(
                lang,
                "# Figures found in {file}; add the right ones under `data:` in district.yaml (unit.yaml for a unit):",
                "# Các số liệu tìm thấy trong {file}; hãy chép những số đúng vào mục `data:` của district.yaml (unit.yaml nếu là đơn vị):"
            ),
            Initialised { dir } => say!(
                lang,
                "a new site is in {dir}; build it with: bantin build --root {dir}",
                "đã tạo trang web mới trong {dir}; hãy dựng trang bằng lệnh: bantin build --root {dir}"
            ),
            Archived { files, bytes, out } => say!(
                lang,
                "archived {files} files ({bytes} bytes) into {out}",
                "đã lưu trữ {files} tệp ({bytes} byte) vào {out}"
            ),
            ArchiveFailed { errors, warnings } => {
                let summary = Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(lang, "archive failed: {summary}", "lưu trữ không thành công: {summary}")
            }
            Verified { file, files, sha256 } => say!(
                lang,
                "{file}: all {files} files match MANIFEST.sha256, laid out as bantin writes them (SHA-256 of the archive: {sha256})",
                "{file}: cả {files} tệp đều khớp với MANIFEST.sha256, đúng cách bantin ghi (SHA-256 của tệp lưu trữ: {sha256})"
            ),
            SignatureUnchecked { file, beside } => {
                let beside = match beside {
                    true => say!(lang, " ({file}.minisig is beside it)", " (có tệp {file}.minisig bên cạnh)"),
                    false => String::new(),
                };
                say!(
                    lang,
                    "{file}: signature not checked{beside}: this says the archive is whole, not who made it; give the office's public key with --key",
                    "{file}: chưa kiểm tra chữ ký{beside}: kết quả này chỉ cho biết tệp còn nguyên vẹn, không cho biết ai đã làm ra nó; hãy cho khóa công khai của cơ quan bằng --key"
                )
            }
            SignatureMatches { file, id, comment } => say!(
                lang,
                "{file}: signed with key {id} (trusted comment: {comment})",
                "{file}: được ký bằng khóa {id} (chú thích tin cậy: {comment})"
            ),
            Signed { signature, id } => {
                say!(lang, "signed with key {id} into {signature}", "đã ký bằng khóa {id} vào {signature}")
            }
            KeysWritten { secret, public, id, line } => say!(
                lang,
                "wrote the secret key {secret} (keep it secret and backed up; never publish it) and the public key {public} (key {id}).\nPublish the public key where citizens look for the office: put {public} in content/static/ (the site then serves it), add `archive_public_key: {line}` to content/site.yaml, and print it in an official document.\nAnyone can then check an archive: bantin verify bantin.zip --key {public}, or minisign -Vm bantin.zip -p {public}",
                "đã ghi khóa bí mật {secret} (giữ bí mật và sao lưu; không bao giờ công bố) và khóa công khai {public} (khóa {id}).\nHãy công bố khóa công khai ở nơi người dân tìm đến cơ quan: đặt {public} vào content/static/ (trang web sẽ đăng tệp này), thêm `archive_public_key: {line}` vào content/site.yaml, và in khóa trong một văn bản chính thức.\nKhi đó ai cũng kiểm tra được tệp lưu trữ: bantin verify bantin.zip --key {public}, hoặc minisign -Vm bantin.zip -p {public}"
            ),
            KeyUnprotected => say!(
                lang,
                "the secret key has no password: anyone who can read the file can sign as the office; keep it for automated signing on a machine you trust",
                "khóa bí mật không có mật khẩu: ai đọc được tệp là ký được thay cơ quan; chỉ dùng để ký tự động trên máy tin cậy"
            ),
            PasswordPrompt => say!(lang, "Password of the secret key: ", "Mật khẩu của khóa bí mật: "),
            PasswordAgain => say!(lang, "The same password again: ", "Nhập lại mật khẩu: "),
            Changed { path } => say!(lang, "changed: {path}", "đã bị sửa: {path}"),
            Added { path } => {
                say!(lang, "added (not in the manifest): {path}", "bị thêm vào (không có trong MANIFEST): {path}")
            }
            Removed { path } => {
                say!(lang, "removed (listed in the manifest): {path}", "bị xóa (có trong MANIFEST): {path}")
            }
            Mismatch { file } => {
                say!(lang, "{file}: does NOT match its manifest", "{file}: KHÔNG khớp với MANIFEST của nó")
            }
        }
    }
}

/// Why `bantin new`, `init` or `import` could not start a file, in `lang`.
/// Why `new`, `init` or `import` could not start a file.
#[derive(Debug, Clone, PartialEq)]
pub enum ScaffoldError {
    /// `known` lists the districts there are, comma-separated (may be empty).
    UnknownDistrict {
        district: String,
        known: String,
    },
    Exists(String),
    EmptySlug,
    /// `init --level` with a level bantin has no start for.
    UnknownLevel {
        level: String,
    },
    Io {
        path: String,
        detail: String,
    },
    /// `import --image` with a file that is not a JPEG or PNG by its name.
    NotAPhoto {
        path: String,
    },
    /// `import --image` with more than one text file.
    PhotosForManyFiles,
}

/// In English; the command line shows it in the site's language.
impl std::fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&scaffold_error(self, Lang::En))
    }
}

impl std::error::Error for ScaffoldError {}

pub fn scaffold_error(e: &ScaffoldError, lang: Lang) -> String {
    match e {
        ScaffoldError::UnknownDistrict { district, known } => {
            let known = if known.is_empty() {
                say!(lang, "the site has no district or unit yet", "trang web chưa có huyện hay đơn vị nào")
            } else {
                say!(lang, "known districts and units: {known}", "các huyện và đơn vị đã có: {known}")
            };
            say!(
                lang,
                "there is no district `{district}` (no content/districts/{district}/district.yaml nor content/units/{district}/unit.yaml); {known}",
                "không có huyện `{district}` (không có content/districts/{district}/district.yaml hay content/units/{district}/unit.yaml); {known}"
            )
        }
        ScaffoldError::Exists(path) => say!(
            lang,
            "{path} already exists; bantin never overwrites it",
            "{path} đã tồn tại; bantin không bao giờ ghi đè lên tệp có sẵn"
        ),
        ScaffoldError::EmptySlug => say!(
            lang,
            "the title gives an empty file name; write a title with letters or digits",
            "tiêu đề cho ra tên tệp rỗng; hãy viết tiêu đề có chữ cái hoặc chữ số"
        ),
        ScaffoldError::UnknownLevel { level } => say!(
            lang,
            "bantin has no start for the level `{level}`; use huyện, xã (or phường, đặc khu) or tỉnh",
            "bantin chưa có mẫu cho cấp `{level}`; hãy dùng huyện, xã (hoặc phường, đặc khu) hoặc tỉnh"
        ),
        ScaffoldError::Io { path, detail } => say!(lang, "{path}: {detail}", "{path}: {detail}"),
        ScaffoldError::NotAPhoto { path } => say!(
            lang,
            "{path} is not a photo: `--image` takes .jpg, .jpeg or .png files",
            "{path} không phải ảnh: `--image` nhận tệp .jpg, .jpeg hoặc .png"
        ),
        ScaffoldError::PhotosForManyFiles => say!(
            lang,
            "`--image` gives the photos of one article: import its text file alone",
            "`--image` là ảnh của một bài viết: hãy nhập riêng tệp văn bản của bài đó"
        ),
    }
}
