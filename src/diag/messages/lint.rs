//! The warnings of `bantin check`: links that lead nowhere or start at the
//! server root, observations out of order, plans without results, topics
//! and indicators named but not used.

use super::{say, Words};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Lint {
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
    /// An article's figure disagrees with the data of its moment.
    FigureDisagrees {
        said: String,
        data: Shown,
        /// The period the text names, as the site's language writes it;
        /// `None`: the article's moment.
        of: Option<String>,
        /// Where the data was written: `file:line`, or `file!D7`.
        place: String,
    },
    /// A note restates a derived figure with another number.
    NoteDisagrees {
        id: String,
        said: String,
        computed: Computed,
    },
}

/// A figure bantin derived (unrounded): a change on a year earlier or a
/// share of the plan, in percent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Computed {
    Change(f64),
    Plan(f64),
}

/// A figure of the data as a message shows it: `13/20`, `7/27`,
/// `8.850,26 tỷ đồng`, `107,85% kế hoạch`.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub value: f64,
    pub decimals: u8,
    pub total: Option<f64>,
    /// After the number: empty, `%`, `% kế hoạch`, or a unit after a space.
    pub unit: String,
    /// The site's language, in which its articles write figures: the data's
    /// figure is written the same way, whatever the message's language.
    pub lang: Lang,
}

impl Shown {
    fn show(&self) -> String {
        let mut out = super::figure(self.value, self.decimals, self.lang);
        if let Some(t) = self.total {
            out.push('/');
            out.push_str(&super::figure(t, 0, self.lang));
        }
        if !self.unit.is_empty() && !self.unit.starts_with('%') {
            out.push(' ');
        }
        out + &self.unit
    }
}

impl Lint {
    pub(super) fn words(&self, lang: Lang) -> Words {
        use Lint::*;
        match self {
            FigureDisagrees { said, data, of, place } => {
                let data = data.show();
                let said = match of {
                    None => say!(
                        lang,
                        "the article says {said}, but the data of its date says {data} ({place})",
                        "bài viết ghi {said}, nhưng số liệu tại thời điểm bài viết là {data} ({place})"
                    ),
                    Some(of) => say!(
                        lang,
                        "the article says {said}, but the data for {of} says {data} ({place})",
                        "bài viết ghi {said}, nhưng số liệu kỳ {of} là {data} ({place})"
                    ),
                };
                (
                    said,
                    Some(say!(
                        lang,
                        "correct the article or the data, or write the figure with a value shortcode so they cannot drift",
                        "hãy sửa bài viết hoặc số liệu, hoặc dùng shortcode value để hai nơi không lệch nhau"
                    )),
                )
            }
            NoteDisagrees { id, said, computed } => {
                let n = |x: f64| super::figure((x * 10.0).round().abs() / 10.0, 1, lang);
                let computed = match *computed {
                    Computed::Change(c) if c < 0.0 => {
                        let n = n(c);
                        say!(lang, "a fall of {n}%", "giảm {n}%")
                    }
                    Computed::Change(c) => {
                        let n = n(c);
                        say!(lang, "a rise of {n}%", "tăng {n}%")
                    }
                    Computed::Plan(p) => {
                        let n = n(p);
                        say!(lang, "{n}% of the plan", "đạt {n}% kế hoạch")
                    }
                };
                (
                say!(
                    lang,
                    "the note says “{said}”, but the data of `{id}` gives {computed}",
                    "ghi chú nói “{said}”, nhưng số liệu của `{id}` cho {computed}"
                ),
                Some(say!(
                    lang,
                    "bantin works out this figure itself: correct the data or drop the figure from the note",
                    "bantin tự tính con số này: hãy sửa số liệu hoặc bỏ con số khỏi ghi chú"
                )),
                )
            }
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
        }
    }
}
