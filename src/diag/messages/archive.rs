//! Messages of archives: what stops `bantin archive` (limits, names that
//! cannot be entries, signing keys) and `bantin keygen`. What `bantin
//! verify` refuses is in `verify.rs`.

use super::{say, Words};
use crate::text::lang::Lang;

/// Why a path cannot be an archive entry nor a manifest line's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong {
        limit: usize,
    },
    NotUtf8,
    /// A control character: NUL, a line break, a tab…
    Control,
    Backslash,
    /// Starts with `/` or a drive letter (`C:`).
    Absolute,
    /// A part that is empty (`a//b`), `.` or `..`.
    BadPart,
}

impl NameProblem {
    pub(super) fn text(&self, lang: Lang) -> String {
        use NameProblem::*;
        match self {
            Empty => say!(lang, "the name is empty", "tên rỗng"),
            TooLong { limit } => say!(lang, "the name is longer than {limit} bytes", "tên dài quá {limit} byte"),
            NotUtf8 => say!(lang, "the name is not UTF-8", "tên không phải UTF-8"),
            Control => say!(
                lang,
                "the name holds a control character (NUL, a line break…)",
                "tên chứa ký tự điều khiển (NUL, xuống dòng…)"
            ),
            Backslash => say!(lang, "the name holds a backslash `\\`", "tên chứa dấu gạch ngược `\\`"),
            Absolute => say!(
                lang,
                "the name is absolute (it would be unpacked outside the folder)",
                "tên là đường dẫn tuyệt đối (sẽ bị giải nén ra ngoài thư mục)"
            ),
            BadPart => say!(
                lang,
                "the name has an empty, `.` or `..` part (`..` would be unpacked outside the folder)",
                "tên có phần rỗng, `.` hoặc `..` (`..` sẽ bị giải nén ra ngoài thư mục)"
            ),
        }
    }
}

/// What stops `bantin archive --sign` or `bantin keygen`, or an archive
/// bantin would not be able to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Archive {
    TooManyFiles {
        count: usize,
        limit: usize,
    },
    FileTooBig {
        path: String,
        size: u64,
        limit: u64,
    },
    TooBig {
        limit: u64,
    },
    TotalTooBig {
        limit: u64,
    },
    UnsafeName {
        path: String,
        why: NameProblem,
    },
    KeyExists {
        path: String,
    },
    /// Not a minisign secret key, or it cannot be read.
    KeyUnreadable {
        path: String,
        detail: String,
    },
    WrongPassword {
        path: String,
    },
    /// No terminal to ask on, and no `BANTIN_KEY_PASSWORD`.
    NoPassword,
    PasswordsDiffer,
    EmptyPassword,
    CannotWrite {
        path: String,
        detail: String,
    },
    /// minisign's own (English) words.
    SigningFailed {
        detail: String,
    },
}

impl Archive {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Archive::*;
        let per_period = say!(
            lang,
            "archive one period at a time: `bantin archive --period 2023-Q4`",
            "hãy lưu trữ từng kỳ: `bantin archive --period 2023-Q4`"
        );
        let password = say!(
            lang,
            "set BANTIN_KEY_PASSWORD, or run it in a terminal to be asked",
            "hãy đặt biến môi trường BANTIN_KEY_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi"
        );
        match self {
            TooManyFiles { count, limit } => (
                say!(
                    lang,
                    "{count} files: an archive holds at most {limit}",
                    "{count} tệp: một tệp lưu trữ chứa tối đa {limit} tệp"
                ),
                Some(per_period),
            ),
            FileTooBig { path, size, limit } => (
                say!(
                    lang,
                    "{path} has {size} bytes: an archive holds files of up to {limit} bytes",
                    "{path} có {size} byte: tệp lưu trữ chỉ chứa tệp tối đa {limit} byte"
                ),
                None,
            ),
            TooBig { limit } => (
                say!(lang, "the archive would be larger than {limit} bytes", "tệp lưu trữ sẽ lớn hơn {limit} byte"),
                Some(per_period),
            ),
            TotalTooBig { limit } => (
                say!(
                    lang,
                    "the files add up to more than {limit} bytes, more than an archive holds",
                    "các tệp cộng lại hơn {limit} byte, vượt quá sức chứa của một tệp lưu trữ"
                ),
                Some(per_period),
            ),
            UnsafeName { path, why } => {
                let why = why.text(lang);
                (say!(lang, "{path} cannot be archived: {why}", "không thể lưu trữ {path}: {why}"), None)
            }
            KeyExists { path } => (
                say!(
                    lang,
                    "{path} already exists; bantin never overwrites a key",
                    "{path} đã tồn tại; bantin không bao giờ ghi đè lên khóa"
                ),
                Some(say!(
                    lang,
                    "keep the key you have, or give another folder with `--out`",
                    "hãy giữ khóa đang có, hoặc chọn thư mục khác bằng `--out`"
                )),
            ),
            KeyUnreadable { path, detail } => (
                say!(
                    lang,
                    "{path} is not a minisign secret key: {detail}",
                    "{path} không phải khóa bí mật minisign: {detail}"
                ),
                Some(say!(lang, "`bantin keygen` makes one", "lệnh `bantin keygen` tạo khóa")),
            ),
            WrongPassword { path } => (say!(lang, "wrong password for {path}", "mật khẩu của {path} không đúng"), None),
            NoPassword => (
                say!(lang, "no password to protect or open the key", "không có mật khẩu để bảo vệ hay mở khóa"),
                Some(password),
            ),
            PasswordsDiffer => (say!(lang, "the two passwords differ", "hai lần nhập mật khẩu không giống nhau"), None),
            EmptyPassword => (
                say!(lang, "the password is empty", "mật khẩu rỗng"),
                Some(say!(
                    lang,
                    "`bantin keygen --no-password` makes a key without one, for automated signing only",
                    "`bantin keygen --no-password` tạo khóa không có mật khẩu, chỉ dùng cho việc ký tự động"
                )),
            ),
            CannotWrite { path, detail } => {
                (say!(lang, "cannot write {path}: {detail}", "không ghi được {path}: {detail}"), None)
            }
            SigningFailed { detail } => (say!(lang, "cannot sign: {detail}", "không ký được: {detail}"), None),
        }
    }
}
