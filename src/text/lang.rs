//! The site's language (`vi` first, `en` second) and its interface strings.

use serde::Serialize;

/// A language bantin has interface strings and number formats for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "vi")]
    Vi,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Interface strings of the default theme, one set per language.
#[derive(Debug, Serialize)]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub districts: &'static str,
    pub indicators: &'static str,
    pub topics: &'static str,
    pub latest_articles: &'static str,
    pub articles: &'static str,
    pub no_articles: &'static str,
    pub at_a_glance: &'static str,
    pub communes: &'static str,
    pub commune: &'static str,
    pub district: &'static str,
    pub province: &'static str,
    pub period: &'static str,
    pub value: &'static str,
    pub total: &'static str,
    pub target: &'static str,
    pub note: &'static str,
    pub latest: &'static str,
    pub of_total: &'static str,
    pub of_plan: &'static str,
    pub change: &'static str,
    pub status: &'static str,
    pub by: &'static str,
    pub published: &'static str,
    pub data_table: &'static str,
    pub download_csv: &'static str,
    pub related_indicators: &'static str,
    pub no_data: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub status_achieved: &'static str,
    pub status_on_track: &'static str,
    pub status_behind: &'static str,
    pub status_no_target: &'static str,
    pub plan_suffix: &'static str,
    pub next_plan: &'static str,
    pub target_short: &'static str,
    pub chart: &'static str,
    pub as_of: &'static str,
    pub unit: &'static str,
    pub kind: &'static str,
    pub main_nav: &'static str,
    pub generated_by: &'static str,
}

static VI: Strings = Strings {
    skip_to_content: "Bỏ qua, đến nội dung chính",
    home: "Trang chủ",
    districts: "Địa phương",
    indicators: "Chỉ tiêu",
    topics: "Chủ đề",
    latest_articles: "Tin mới nhất",
    articles: "Bài viết",
    no_articles: "Chưa có bài viết.",
    at_a_glance: "Tổng quan các địa phương",
    communes: "Các xã",
    commune: "Xã",
    district: "Địa phương",
    province: "Tỉnh",
    period: "Kỳ",
    value: "Giá trị",
    total: "Tổng số",
    target: "Kế hoạch",
    note: "Ghi chú",
    latest: "Mới nhất",
    of_total: "trên tổng số",
    of_plan: "so với kế hoạch",
    change: "Thay đổi",
    status: "Tình trạng",
    by: "Tác giả",
    published: "Ngày đăng",
    data_table: "Bảng số liệu",
    download_csv: "Tải số liệu (CSV)",
    related_indicators: "Chỉ tiêu liên quan",
    no_data: "Chưa có số liệu",
    not_found_title: "Không tìm thấy trang",
    not_found_text: "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
    back_home: "Về trang chủ",
    status_achieved: "Đã đạt",
    status_on_track: "Đúng tiến độ",
    status_behind: "Chậm tiến độ",
    status_no_target: "Chưa có kế hoạch",
    plan_suffix: "kế hoạch",
    next_plan: "Kế hoạch tiếp theo",
    target_short: "KH",
    chart: "Biểu đồ",
    as_of: "tính đến",
    unit: "Đơn vị",
    kind: "Loại",
    main_nav: "Điều hướng chính",
    generated_by: "Tạo bởi bantin",
};

static EN: Strings = Strings {
    skip_to_content: "Skip to main content",
    home: "Home",
    districts: "Districts",
    indicators: "Indicators",
    topics: "Topics",
    latest_articles: "Latest articles",
    articles: "Articles",
    no_articles: "No articles yet.",
    at_a_glance: "Districts at a glance",
    communes: "Communes",
    commune: "Commune",
    district: "District",
    province: "Province",
    period: "Period",
    value: "Value",
    total: "Total",
    target: "Target",
    note: "Note",
    latest: "Latest",
    of_total: "of total",
    of_plan: "of plan",
    change: "Change",
    status: "Status",
    by: "By",
    published: "Published",
    data_table: "Data table",
    download_csv: "Download data (CSV)",
    related_indicators: "Related indicators",
    no_data: "No data yet",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or has moved.",
    back_home: "Back to the home page",
    status_achieved: "Achieved",
    status_on_track: "On track",
    status_behind: "Behind",
    status_no_target: "No target",
    plan_suffix: "of plan",
    next_plan: "Next target",
    target_short: "Target",
    chart: "Chart",
    as_of: "as of",
    unit: "Unit",
    kind: "Kind",
    main_nav: "Main navigation",
    generated_by: "Made with bantin",
};
