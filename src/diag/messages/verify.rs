//! Messages of `bantin verify`: everything it refuses in an archive, its
//! manifest or its signature.

use super::{say, NameProblem};
use crate::text::lang::Lang;

/// Why `bantin verify` does not accept an archive (or cannot check it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unverifiable {
    CannotRead {
        detail: String,
    },
    /// A folder, a device such as /dev/zero, a named pipe or a socket.
    NotAFile,
    TooBig {
        size: u64,
        limit: u64,
    },
    NotAZip,
    /// A zip entry starts `count` bytes in.
    BytesBefore {
        count: u64,
    },
    /// The file ends where more was due.
    Truncated {
        offset: u64,
    },
    /// At `offset`: bytes that are neither an entry nor the zip directory.
    Gap {
        offset: u64,
    },
    Trailing {
        count: u64,
    },
    ArchiveComment {
        len: u16,
    },
    TooManyEntries {
        limit: usize,
    },
    TotalTooBig {
        limit: u64,
    },
    Entry {
        entry: String,
        problem: EntryProblem,
    },
    /// The zip directory lists more entries than the archive holds.
    DirectoryLong,
    DirectoryShort {
        held: usize,
    },
    EndRecord,
    NoManifest {
        top: String,
    },
    Manifest {
        line: usize,
        problem: ManifestProblem,
    },
    NoSignature {
        path: String,
    },
    SignatureUnreadable {
        path: String,
        detail: String,
    },
    KeyUnreadable {
        key: String,
        detail: String,
    },
    NoKeyInSite {
        path: String,
    },
    OtherKey {
        signed: String,
        key: String,
    },
    BadSignature,
}

/// What is wrong with one entry of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    Name(NameProblem),
    Folder,
    /// The first entry is in no folder.
    NoTop,
    OutsideTop {
        top: String,
    },
    Duplicate,
    OutOfOrder {
        previous: String,
    },
    Encrypted,
    Method {
        method: u16,
    },
    Timestamp {
        found: String,
    },
    Permissions {
        found: String,
    },
    Extra {
        len: u16,
    },
    Comment {
        len: u16,
    },
    /// Any other header field that is not as bantin writes it.
    Field {
        field: &'static str,
        found: u32,
        expected: u32,
    },
    TooBig {
        size: u64,
        limit: u64,
    },
    PastEnd {
        declared: u64,
        left: u64,
    },
    Damaged {
        detail: String,
    },
    /// The compressed data ends before the size its header declares.
    EndsEarly,
    Size {
        declared: u64,
        found: u64,
    },
    /// Inflates to more than its header declares.
    Larger {
        declared: u64,
    },
    Crc,
    DirectoryName {
        found: String,
    },
    DirectoryOffset {
        found: u64,
        expected: u64,
    },
}

/// What is wrong with a line of `MANIFEST.sha256`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestProblem {
    NotUtf8,
    /// Not `<64 lowercase hex digits>  <path>`.
    Form,
    Name(NameProblem),
    Duplicate {
        path: String,
    },
    NotSorted {
        path: String,
        previous: String,
    },
    NoFinalNewline,
    ListsItself,
}

impl Unverifiable {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Unverifiable::*;
        match self {
            CannotRead { detail } => say!(lang, "cannot be read: {detail}", "không đọc được: {detail}"),
            NotAFile => say!(
                lang,
                "is not a file (a folder, a device such as /dev/zero, a pipe or a socket); verify reads archive files only",
                "không phải là tệp (là thư mục, thiết bị như /dev/zero, đường ống hay socket); verify chỉ đọc tệp lưu trữ"
            ),
            TooBig { size, limit } => say!(
                lang,
                "has {size} bytes; an archive has at most {limit}",
                "có {size} byte; một tệp lưu trữ có tối đa {limit} byte"
            ),
            NotAZip => say!(lang, "is not a zip archive", "không phải là tệp nén zip"),
            BytesBefore { count } => say!(
                lang,
                "{count} bytes stand before the first zip entry; bantin writes none",
                "có {count} byte đứng trước mục zip đầu tiên; bantin không ghi byte nào ở đó"
            ),
            Truncated { offset } => say!(
                lang,
                "ends at byte {offset}, in the middle of the archive (cut short?)",
                "kết thúc ở byte {offset}, giữa chừng tệp lưu trữ (bị cắt cụt?)"
            ),
            Gap { offset } => say!(
                lang,
                "at byte {offset}: bytes that belong to no entry; bantin leaves no gap between entries",
                "tại byte {offset}: có các byte không thuộc mục nào; bantin không để khoảng trống giữa các mục"
            ),
            Trailing { count } => say!(
                lang,
                "{count} bytes follow the end of the archive; bantin writes none",
                "có {count} byte nằm sau phần kết thúc của tệp lưu trữ; bantin không ghi byte nào ở đó"
            ),
            ArchiveComment { len } => say!(
                lang,
                "has an archive comment ({len} bytes); bantin writes none",
                "có chú thích của tệp nén ({len} byte); bantin không ghi chú thích"
            ),
            TooManyEntries { limit } => say!(
                lang,
                "has more than {limit} entries, more than an archive holds",
                "có hơn {limit} mục, vượt quá sức chứa của một tệp lưu trữ"
            ),
            TotalTooBig { limit } => say!(
                lang,
                "its files add up to more than {limit} bytes, more than an archive holds",
                "các tệp trong đó cộng lại hơn {limit} byte, vượt quá sức chứa của một tệp lưu trữ"
            ),
            Entry { entry, problem } => format!("{entry}: {}", problem.text(lang)),
            DirectoryLong => say!(
                lang,
                "the zip directory lists more entries than the archive holds (entries may not share or overlap data)",
                "mục lục zip liệt kê nhiều mục hơn số mục có trong tệp (các mục không được dùng chung hay chồng lên dữ liệu của nhau)"
            ),
            DirectoryShort { held } => say!(
                lang,
                "the zip directory does not list all {held} entries of the archive",
                "mục lục zip không liệt kê đủ {held} mục của tệp lưu trữ"
            ),
            EndRecord => say!(
                lang,
                "the zip's end record does not match its directory",
                "phần kết thúc của tệp zip không khớp với mục lục của nó"
            ),
            NoManifest { top } => say!(
                lang,
                "has no {top}/MANIFEST.sha256; it was not made by `bantin archive`",
                "không có {top}/MANIFEST.sha256; tệp này không do `bantin archive` tạo ra"
            ),
            Manifest { line, problem } => format!("MANIFEST.sha256:{line}: {}", problem.text(lang)),
            NoSignature { path } => say!(
                lang,
                "has no signature: {path} is missing (`bantin archive --sign` writes it)",
                "không có chữ ký: thiếu tệp {path} (`bantin archive --sign` tạo ra tệp này)"
            ),
            SignatureUnreadable { path, detail } => say!(
                lang,
                "{path} is not a minisign signature: {detail}",
                "{path} không phải chữ ký minisign: {detail}"
            ),
            KeyUnreadable { key, detail } => say!(
                lang,
                "--key {key}: not a minisign public key (a file such as bantin.pub, or its `RW…` line): {detail}",
                "--key {key}: không phải khóa công khai minisign (một tệp như bantin.pub, hoặc dòng `RW…` của nó): {detail}"
            ),
            NoKeyInSite { path } => say!(
                lang,
                "{path} has no `archive_public_key`",
                "{path} không có `archive_public_key`"
            ),
            OtherKey { signed, key } => say!(
                lang,
                "is signed with key {signed}, not with the key given ({key}): it was not signed by that office",
                "được ký bằng khóa {signed}, không phải khóa đã cho ({key}): tệp không do cơ quan đó ký"
            ),
            BadSignature => say!(
                lang,
                "its signature does NOT match: the archive or its signature was changed after signing",
                "chữ ký KHÔNG khớp: tệp lưu trữ hoặc chữ ký đã bị thay đổi sau khi ký"
            ),
        }
    }
}

impl EntryProblem {
    fn text(&self, lang: Lang) -> String {
        use EntryProblem::*;
        match self {
            Name(why) => why.text(lang),
            Folder => say!(lang, "is a folder entry; bantin writes files only", "là mục thư mục; bantin chỉ ghi tệp"),
            NoTop => say!(
                lang,
                "is in no folder; bantin puts every file in one top folder",
                "không nằm trong thư mục nào; bantin đặt mọi tệp trong một thư mục gốc"
            ),
            OutsideTop { top } => say!(
                lang,
                "is not in the archive's one top folder `{top}/`",
                "không nằm trong thư mục gốc duy nhất `{top}/` của tệp lưu trữ"
            ),
            Duplicate => say!(
                lang,
                "is in the archive twice (unpacking tools would keep only one of them)",
                "xuất hiện hai lần trong tệp lưu trữ (công cụ giải nén sẽ chỉ giữ một bản)"
            ),
            OutOfOrder { previous } => say!(
                lang,
                "comes after {previous}; bantin writes entries sorted by name",
                "đứng sau {previous}; bantin ghi các mục theo thứ tự tên"
            ),
            Encrypted => say!(lang, "is encrypted; bantin encrypts nothing", "bị mã hóa; bantin không mã hóa gì"),
            Method { method } => say!(
                lang,
                "is compressed with method {method}; bantin writes deflate (8)",
                "được nén bằng phương pháp {method}; bantin dùng deflate (8)"
            ),
            Timestamp { found } => say!(
                lang,
                "is dated {found}; bantin dates every entry 1980-01-01 00:00",
                "ghi ngày {found}; bantin ghi ngày 1980-01-01 00:00 cho mọi mục"
            ),
            Permissions { found } => say!(
                lang,
                "has file attributes {found}; bantin writes a plain file with permissions 644",
                "có thuộc tính tệp {found}; bantin ghi tệp thường với quyền 644"
            ),
            Extra { len } => say!(
                lang,
                "carries an extra field ({len} bytes: timestamps, owners…); bantin writes none",
                "có trường bổ sung ({len} byte: thời gian, chủ sở hữu…); bantin không ghi trường nào"
            ),
            Comment { len } => say!(
                lang,
                "has a comment ({len} bytes); bantin writes none",
                "có chú thích ({len} byte); bantin không ghi chú thích"
            ),
            Field { field, found, expected } => say!(
                lang,
                "its zip field `{field}` is {found:#x}; bantin writes {expected:#x}",
                "trường zip `{field}` là {found:#x}; bantin ghi {expected:#x}"
            ),
            TooBig { size, limit } => say!(
                lang,
                "declares {size} bytes; an archive holds files of up to {limit} bytes",
                "khai báo {size} byte; tệp lưu trữ chỉ chứa tệp tối đa {limit} byte"
            ),
            PastEnd { declared, left } => say!(
                lang,
                "declares {declared} bytes of compressed data, but only {left} bytes are left in the archive",
                "khai báo {declared} byte dữ liệu nén, nhưng tệp lưu trữ chỉ còn {left} byte"
            ),
            Damaged { detail } => {
                say!(lang, "its compressed data is damaged: {detail}", "dữ liệu nén bị hỏng: {detail}")
            }
            EndsEarly => say!(
                lang,
                "its compressed data ends before the length its header declares (bytes are hidden after it)",
                "dữ liệu nén kết thúc trước độ dài mà phần đầu khai báo (có byte bị giấu phía sau)"
            ),
            Size { declared, found } => say!(
                lang,
                "holds {found} bytes; its header says {declared}",
                "chứa {found} byte; phần đầu ghi {declared}"
            ),
            Larger { declared } => say!(
                lang,
                "holds more than the {declared} bytes its header says",
                "chứa nhiều hơn {declared} byte mà phần đầu ghi"
            ),
            Crc => say!(lang, "its CRC-32 does not match its data", "CRC-32 không khớp với dữ liệu"),
            DirectoryName { found } => say!(
                lang,
                "the zip directory lists {found} in its place",
                "mục lục zip ghi {found} ở vị trí của mục này"
            ),
            DirectoryOffset { found, expected } => say!(
                lang,
                "the zip directory places it at byte {found}, but it starts at byte {expected} (entries may not share or overlap data)",
                "mục lục zip đặt mục này ở byte {found}, nhưng nó bắt đầu ở byte {expected} (các mục không được dùng chung hay chồng lên dữ liệu của nhau)"
            ),
        }
    }
}

impl ManifestProblem {
    fn text(&self, lang: Lang) -> String {
        use ManifestProblem::*;
        match self {
            NotUtf8 => say!(lang, "not UTF-8", "không phải UTF-8"),
            Form => say!(
                lang,
                "not `<sha256>  <path>` (64 lowercase hex digits, two spaces, a path)",
                "dòng không có dạng `<sha256>  <đường dẫn>` (64 chữ số hex viết thường, hai dấu cách, một đường dẫn)"
            ),
            Name(why) => why.text(lang),
            Duplicate { path } => say!(lang, "{path} is listed twice", "{path} được liệt kê hai lần"),
            NotSorted { path, previous } => say!(
                lang,
                "{path} comes after {previous}; bantin lists paths sorted",
                "{path} đứng sau {previous}; bantin liệt kê đường dẫn theo thứ tự"
            ),
            NoFinalNewline => say!(
                lang,
                "the last line does not end with a line break",
                "dòng cuối không kết thúc bằng dấu xuống dòng"
            ),
            ListsItself => say!(lang, "the manifest lists itself", "MANIFEST tự liệt kê chính nó"),
        }
    }
}
