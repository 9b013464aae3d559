//! Word lists the importer matches (all lowercase; matched in any case).

/// Lines (lowercase, trailing `:` dropped) after which nothing is article.
pub(super) const PAGE_END_EXACT: &[&str] = &[
    "thêm nhận xét mới",
    "bình luận",
    "gửi bình luận",
    "viết bình luận",
    "ý kiến bạn đọc",
    "ý kiến của bạn",
    "đánh giá",
    "chương trình phát thanh",
    "chương trình truyền hình",
];
pub(super) const PAGE_END_CONTAINS: &[&str] =
    &["lượt đánh giá", "mã xác thực", "mã bảo mật", "captcha", "nhập nội dung bình luận"];
/// Headings of lists of other articles.
pub(super) const RELATED: &[&str] = &[
    "tin liên quan",
    "các tin khác",
    "tin khác",
    "bài viết liên quan",
    "bài liên quan",
    "tin cùng chuyên mục",
    "xem thêm",
    "tin đã đưa",
];
pub(super) const MENU_EXACT: &[&str] = &[
    "chia sẻ",
    "share",
    "tweet",
    "facebook",
    "twitter",
    "zalo",
    "in bài",
    "in bài viết",
    "bản in",
    "gửi email",
    "email",
    "lưu bài",
    "quay lại",
    "trở về",
    "về đầu trang",
    "lên đầu trang",
    "bản đồ hành chính",
    "liên kết website",
    "liên kết web",
    "thống kê truy cập",
    "đăng nhập",
    "đăng ký",
    "quên mật khẩu",
    "tìm kiếm",
    "trang chủ",
    "họ và tên",
    "họ tên",
    "gửi",
    "cỡ chữ",
    "nghe đọc bài",
    "nghe bài viết",
    "thích",
    "like",
    "tin mới",
    "tin mới nhất",
    "tin nổi bật",
    "đọc nhiều",
    "xem nhiều",
];
pub(super) const MENU_CONTAINS: &[&str] = &[
    "lượt xem",
    "lượt truy cập",
    "đang truy cập",
    "đăng nhập để",
    "vui lòng đăng nhập",
    "bạn phải đăng nhập",
    "bản quyền thuộc",
    "copyright",
    "©",
    "chia sẻ bài viết",
    "chia sẻ qua",
    "trung bình:",
];
/// Lines up to this many characters may be boilerplate; longer ones never.
pub(super) const SHORT_LINE: usize = 100;

/// Words removed before checking that a line is only a date and time.
pub(super) const DATELINE_WORDS: &[&str] = &[
    "chủ nhật",
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "thứ",
    "ngày",
    "lúc",
    "cập nhật",
    "gmt",
];

pub(super) const BYLINE_PREFIXES: &[&str] =
    &["tin, ảnh:", "tin và ảnh:", "tin ảnh:", "bài, ảnh:", "bài và ảnh:", "bài:", "tin:", "ảnh:", "tác giả:"];

pub(super) const SCENE_OPENERS: &[&str] = &["quang cảnh", "toàn cảnh", "đại biểu", "các đại biểu", "ảnh"];
pub(super) const PERSON_OPENERS: &[&str] = &[
    "đồng chí",
    "các đồng chí",
    "đ/c",
    "các đ/c",
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "chánh",
    "phó chánh",
    "giám đốc",
    "phó giám đốc",
    "trưởng",
    "phó trưởng",
    "lãnh đạo",
    "thường trực",
    "đại tá",
    "thượng tá",
    "thiếu tướng",
    "trung tướng",
    "thủ tướng",
    "bộ trưởng",
];
pub(super) const CAPTION_VERBS: &[&str] = &[
    "phát biểu",
    "chủ trì",
    "tham dự",
    "dự",
    "báo cáo",
    "trình bày",
    "kết luận",
    "thảo luận",
    "tham luận",
    "trao",
    "tặng",
    "khai mạc",
    "bế mạc",
    "thăm",
    "kiểm tra",
    "làm việc",
    "chúc mừng",
    "chụp ảnh",
    "gợi ý",
];
pub(super) const SPEECH_VERBS: &[&str] = &[
    "nhấn mạnh",
    "cho biết",
    "khẳng định",
    "yêu cầu",
    "đề nghị",
    "biểu dương",
    "ghi nhận",
    "lưu ý",
    "chỉ đạo",
    "giao nhiệm vụ",
    "cho rằng",
];

/// Words that make the day/month after them a date.
pub(super) const DATE_TRIGGERS: &[&str] = &["sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm"];

pub(super) const COUNT_UNITS: &[&str] = &[
    "tiêu chí",
    "chỉ tiêu",
    "hợp tác xã",
    "xã",
    "thôn",
    "tổ dân phố",
    "khu dân cư",
    "sản phẩm",
    "hộ",
    "công trình",
    "dự án",
    "doanh nghiệp",
    "trường",
    "đảng viên",
    "vườn mẫu",
    "mô hình",
];
/// Units of rankings and of `a/b` only (`thứ 7/27 huyện`).
pub(super) const ADMIN_UNITS: &[&str] = &["huyện", "thị xã", "thành phố", "tỉnh", "đơn vị", "địa phương"];
pub(super) const AMOUNT_UNITS: &[&str] =
    &["tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "km", "ha", "tấn", "tạ", "m2", "m²"];
pub(super) const PLAIN_UNITS: &[(&[&str], &str)] = &[(AMOUNT_UNITS, "amount"), (COUNT_UNITS, "count")];
pub(super) const PLAN_WORDS: &[&str] = &["so với kế hoạch", "kế hoạch", "kh"];
pub(super) const FRACTIONS: &[(char, f64, f64)] = &[('¼', 1.0, 4.0), ('½', 1.0, 2.0), ('¾', 3.0, 4.0)];
/// Words before `a/b` that make it a date, not a figure.
pub(super) const DATE_WORDS: &[&str] = &["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "tháng", "hôm"];
/// Words before a number that make it a year, a date or an ordinal.
pub(super) const NOT_AFTER: &[&str] = &["năm", "tháng", "ngày", "quý", "đoạn", "số", "lần", "kỳ", "khóa", "khoá"];
pub(super) const RANK_WORDS: &[&str] = &["đứng", "xếp", "hạng"];
pub(super) const CONTEXT_WORDS: usize = 6;
pub(super) const MAX_SLUG: usize = 80;
/// Words that mean "as of the article's date".
pub(super) const NOW_WORDS: &[&str] = &["đến nay", "hiện nay", "hiện tại"];
/// Words before a period phrase that make it a comparison or a start
/// (`so với năm 2022`, `cùng kỳ năm 2021`, `từ năm 2019`), not the figure's period.
pub(super) const COMPARED: &[&str] = &["với", "kỳ", "từ"];
/// Words before an amount or count that make it a plan (`target:`).
pub(super) const PLAN_MARKERS: &[&str] = &["kế hoạch", "mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến", "đăng ký"];
/// Words just before a plan word that make it a result measured against
/// the plan (`đạt và vượt kế hoạch`, `so với kế hoạch`) or a name
/// (`Chương trình mục tiêu quốc gia`), not a plan.
pub(super) const NOT_PLAN_AFTER: &[&str] = &["đạt", "vượt", "với", "bằng", "thành", "trình"];
/// Words just before a figure that make it a change, not a level.
pub(super) const CHANGE_WORDS: &[&str] = &["tăng", "giảm", "thêm"];
/// Abbreviations written out before comparing words with indicator names.
pub(super) const ABBREVIATIONS: &[(&str, &str)] =
    &[("ntm", "nông thôn mới"), ("kdc", "khu dân cư"), ("cchc", "cải cách hành chính"), ("tdp", "tổ dân phố")];
/// Words of indicator names that say nothing of what is counted.
pub(super) const NAME_STOP_WORDS: &[&str] = &[
    "đạt", "đã", "được", "có", "của", "và", "các", "số", "tổng", "trên", "theo", "xếp", "hạng", "thứ", "chỉ", "tỷ",
    "lệ",
];
/// Words that may follow an indicator's name before its figure without
/// narrowing what it counts (`Tổng giá trị sản phẩm năm 2023 ước đạt …`).
pub(super) const AFTER_NAME: &[&str] = &[
    "năm", "quý", "tháng", "đạt", "ước", "là", "của", "trên", "toàn", "cả", "trong", "đến", "tính", "còn", "giảm",
    "tăng", "chỉ", "mới", "bằng", "xếp", "đứng", "vươn", "lên", "ở", "mức", "có", "được", "đã", "vẫn", "tại", "so",
    "đầu", "cuối", "thực", "hiện", "huyện", "xã", "tỉnh", "về", "luôn", "tiếp", "tục", "duy", "trì", "giai", "đoạn",
    "kỳ", "cùng", "khoảng", "gần", "hơn", "nay", "vượt",
];
/// Verbs before a share of the plan, kept in its note (`đạt 107,79% kế hoạch`).
pub(super) const SHARE_VERBS: &[&str] = &["đạt", "bằng", "vượt"];
/// At most this many words after a figure go into its note.
pub(super) const NOTE_WORDS: usize = 6;
/// Old-style tone marks at a word's end, as the new style writes them
/// (`hoá` and `hóa` are one word).
pub(super) const TONE_STYLES: &[(&str, &str)] = &[
    ("oá", "óa"),
    ("oà", "òa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oé", "óe"),
    ("oè", "òe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uý", "úy"),
    ("uỳ", "ùy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
];
