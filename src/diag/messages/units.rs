//! Messages about units over time (FORMAT v2): levels, codes, lifetimes,
//! parents, predecessors and successors.

use super::{say, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Units {
    NoLevel,
    /// A unit (under `content/units/`) without a name.
    NoName {
        folder: String,
    },
    /// `successors` on a unit that has no `until`: it is not dissolved.
    SuccessorsOfLivingUnit,
    /// `code` is not digits.
    BadCode {
        code: String,
    },
    /// Two units alive on the same day share a code.
    SharedCode {
        code: String,
        other: String,
        file: String,
    },
    /// `from`/`until` is not a date.
    BadDate {
        key: &'static str,
        value: String,
    },
    UntilBeforeFrom {
        from: String,
        until: String,
    },
    /// `parent`, `formed_from[].unit` or `successors[].unit` names no unit.
    UnknownUnit {
        key: &'static str,
        slug: String,
        closest: Option<String>,
    },
    /// A unit named as its own parent, or a longer circle of parents.
    ParentCycle {
        chain: Vec<String>,
    },
    /// An entry of `formed_from` or `successors` with neither `unit` nor `name`.
    EntryWithoutName {
        key: &'static str,
    },
    /// `whole` is not true or false.
    BadWhole,
    /// A unit named twice in `formed_from` or `successors`, or naming itself.
    NamedTwice {
        key: &'static str,
        slug: String,
        itself: bool,
    },
    /// A successor's `url` that is not a web address.
    BadUrl {
        url: String,
    },
    /// An observation for a period that ends after the unit's last day.
    DataAfterUntil {
        unit: String,
        period: String,
        until: jiff::civil::Date,
    },
    /// The same slug under `content/districts/` and `content/units/`.
    SameSlugTwice {
        slug: String,
        other: String,
    },
}

impl Units {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Units::*;
        match self {
            NoLevel => (
                say!(lang, "this unit has no `level`", "đơn vị này chưa có `level` (cấp)"),
                Some(say!(
                    lang,
                    "add e.g. `level: xã`, `level: phường` or `level: tỉnh`",
                    "hãy thêm, ví dụ `level: xã`, `level: phường` hoặc `level: tỉnh`"
                )),
            ),
            NoName { folder } => (
                say!(lang, "the unit has no `name`", "đơn vị chưa có `name` (tên)"),
                Some(say!(lang, "add e.g. `name: {folder}`", "hãy thêm, ví dụ `name: {folder}`")),
            ),
            SuccessorsOfLivingUnit => (
                say!(lang, "`successors` on a unit without `until`: it has no successors while it exists", "có `successors` nhưng đơn vị chưa có `until`: đơn vị còn tồn tại thì chưa có đơn vị kế thừa"),
                Some(say!(lang, "add its last day, e.g. `until: 2025-06-30`, or remove `successors`", "hãy thêm ngày cuối cùng, ví dụ `until: 2025-06-30`, hoặc bỏ `successors`")),
            ),
            BadCode { code } => (
                say!(lang, "the code `{code}` is not digits", "mã `{code}` không phải là dãy chữ số"),
                Some(say!(
                    lang,
                    "write the official code in quotes, e.g. `code: \"18766\"`",
                    "hãy viết mã chính thức trong ngoặc kép, ví dụ `code: \"18766\"`"
                )),
            ),
            SharedCode { code, other, file } => (
                say!(
                    lang,
                    "the code {code} is also the code of {other} ({file}), and both units existed on the same day",
                    "mã {code} trùng với mã của {other} ({file}) trong khi hai đơn vị cùng tồn tại"
                ),
                Some(say!(
                    lang,
                    "a code may pass to a unit formed later (give the old one `until` and the new one `from`); otherwise correct one of the codes",
                    "mã chỉ được chuyển cho đơn vị thành lập sau (ghi `until` cho đơn vị cũ và `from` cho đơn vị mới); nếu không, hãy sửa một trong hai mã"
                )),
            ),
            BadDate { key, value } => (
                say!(lang, "`{key}` must be a date, not `{value}`", "`{key}` phải là một ngày (đang là `{value}`)"),
                Some(say!(lang, "write it as YYYY-MM-DD with a year from 1900 to 2100, e.g. `{key}: 2025-07-01`", "hãy viết theo dạng YYYY-MM-DD, năm từ 1900 đến 2100, ví dụ `{key}: 2025-07-01`")),
            ),
            UntilBeforeFrom { from, until } => (
                say!(
                    lang,
                    "`until` ({until}) is before `from` ({from})",
                    "ngày `until` ({until}) đứng trước ngày `from` ({from})"
                ),
                Some(say!(
                    lang,
                    "`from` is the unit's first day and `until` its last: check both",
                    "`from` là ngày đầu tiên, `until` là ngày cuối cùng đơn vị tồn tại: hãy kiểm tra lại cả hai"
                )),
            ),
            UnknownUnit { key, slug, closest } => (
                say!(lang, "`{key}` names `{slug}`, which is no unit of this site", "`{key}` ghi `{slug}`, không phải là đơn vị nào của trang"),
                Some(match closest {
                    Some(c) => say!(lang, "did you mean `{c}`?", "có phải bạn định viết `{c}`?"),
                    None => say!(
                        lang,
                        "use the folder name of a unit under content/units/ or content/districts/, or write `name:` for a unit that is not on this site",
                        "hãy dùng tên thư mục của một đơn vị trong content/units/ hoặc content/districts/, hoặc ghi `name:` cho đơn vị không có trên trang"
                    ),
                }),
            ),
            ParentCycle { chain } => {
                let chain = chain.join(" → ");
                (
                    say!(lang, "the parents go round in a circle: {chain}", "các cấp trên tạo thành vòng lặp: {chain}"),
                    Some(say!(
                        lang,
                        "a unit's `parent` is the larger unit it belongs to: remove the `parent` that points back",
                        "`parent` là đơn vị cấp trên mà đơn vị này trực thuộc: hãy bỏ `parent` trỏ ngược lại"
                    )),
                )
            }
            EntryWithoutName { key } => (
                say!(lang, "this entry of `{key}` has neither `unit` nor `name`", "mục này của `{key}` không có `unit` cũng không có `name`"),
                Some(say!(
                    lang,
                    "write `{{ unit: <slug> }}` for a unit of this site, or `{{ name: Xã … }}` for one elsewhere",
                    "hãy viết `{{ unit: <slug> }}` cho đơn vị của trang này, hoặc `{{ name: Xã … }}` cho đơn vị khác"
                )),
            ),
            BadWhole => (
                say!(lang, "`whole` must be true or false", "`whole` phải là true hoặc false"),
                Some(say!(
                    lang,
                    "`whole: false` means only part of that unit went into this one",
                    "`whole: false` nghĩa là chỉ một phần của đơn vị đó nhập vào đơn vị này"
                )),
            ),
            NamedTwice { key, slug, itself: true } => (
                say!(lang, "a unit cannot be in its own `{key}` (`{slug}`)", "đơn vị không thể có mặt trong `{key}` của chính nó (`{slug}`)"),
                Some(say!(lang, "remove this entry", "hãy bỏ mục này")),
            ),
            NamedTwice { key, slug, itself: false } => (
                say!(lang, "`{slug}` is named twice in `{key}`", "`{slug}` được ghi hai lần trong `{key}`"),
                Some(say!(lang, "keep one entry: a part counted twice would double its figures", "hãy giữ một mục: ghi hai lần sẽ cộng số liệu hai lần")),
            ),
            BadUrl { url } => (
                say!(lang, "`url` must be a web address starting with https:// or http://, not `{url}`", "`url` phải là địa chỉ web bắt đầu bằng https:// hoặc http:// (đang là `{url}`)"),
                Some(say!(lang, "write the successor's site, e.g. `url: \"https://kyanh.hatinh.gov.vn/\"`", "hãy ghi địa chỉ trang của đơn vị kế thừa, ví dụ `url: \"https://kyanh.hatinh.gov.vn/\"`")),
            ),
            DataAfterUntil { unit, period, until } => {
                let iso = until.to_string();
                let until = crate::text::numfmt::format_date(*until, lang);
                (
                say!(
                    lang,
                    "{unit} existed until {until} (`until: {iso}`), but this observation is for {period}, which ends later",
                    "{unit} chỉ tồn tại đến ngày {until} (`until: {iso}`), nhưng số liệu này thuộc kỳ {period}, kết thúc sau ngày đó"
                ),
                Some(say!(
                    lang,
                    "move the figure to the unit that took over, or use a period that ends by {until}",
                    "hãy chuyển số liệu sang đơn vị kế thừa, hoặc dùng kỳ kết thúc trước hoặc đúng ngày {until}"
                )),
                )
            }
            SameSlugTwice { slug, other } => (
                say!(
                    lang,
                    "the slug `{slug}` is taken twice: here and by {other}",
                    "tên đường dẫn `{slug}` bị dùng hai lần: ở đây và ở {other}"
                ),
                Some(say!(
                    lang,
                    "slugs are unique across content/districts/ and content/units/: rename one folder",
                    "tên đường dẫn phải khác nhau giữa content/districts/ và content/units/: hãy đổi tên một thư mục"
                )),
            ),
        }
    }
}
