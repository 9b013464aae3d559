//! The sites `bantin init` starts: a district's (version 1), a commune's
//! or a province's (version 2, "Units over time"). Each builds as it is,
//! with one article, and shows what the officer edits next.

/// Which site `init --level` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// A district (`huyện`): the version 1 layout.
    #[default]
    District,
    /// A commune, ward or special zone (`xã`, `phường`, `đặc khu`), formed on 1/7/2025.
    Commune,
    /// A province or centrally run city (`tỉnh`, `thành phố`) and two of its communes.
    Province,
}

impl Start {
    /// The start for a `--level` as written (Vietnamese or English words);
    /// `None` for a level bantin has no start for.
    pub fn from_level(level: &str) -> Option<Start> {
        match level.trim().to_lowercase().as_str() {
            "huyện" | "huyen" | "thị xã" | "quận" | "district" => Some(Start::District),
            "xã" | "xa" | "phường" | "phuong" | "thị trấn" | "đặc khu" | "commune" | "ward" => {
                Some(Start::Commune)
            }
            "tỉnh" | "tinh" | "thành phố" | "province" | "city" => Some(Start::Province),
            _ => None,
        }
    }

    /// The files to write, by path below the site root.
    pub fn files(self) -> Vec<(&'static str, &'static str)> {
        let own: &[(&str, &str)] = match self {
            Start::District => DISTRICT,
            Start::Commune => COMMUNE,
            Start::Province => PROVINCE,
        };
        COMMON.iter().chain(own).copied().collect()
    }
}

const COMMON: &[(&str, &str)] = &[
    ("content/site.yaml", "title: Bản tin tiến độ\nbase_url: https://example.gov.vn/bantin/\nlanguage: vi\ndescription: Tiến độ thực hiện các chỉ tiêu của địa phương\nbulletin_period: quarter\ntopics:\n  nong-thon-moi: Nông thôn mới\n"),
    ("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nTrang giới thiệu bản tin.\n"),
];

const DISTRICT: &[(&str, &str)] = &[
    ("content/indicators.yaml", "- id: ntm-communes\n  name: Xã đạt chuẩn nông thôn mới\n  kind: count\n  unit: xã\n  topic: nong-thon-moi\n  description: Số xã đạt chuẩn nông thôn mới trên tổng số xã.\n"),
    ("content/districts/ky-anh/district.yaml", "name: Kỳ Anh\nprovince: Hà Tĩnh\nlevel: huyện\nsummary: Một huyện ven biển phía nam tỉnh.\ndata:\n  ntm-communes:\n    - { period: 2022, value: 18/20 }\n    - { period: 2023, value: 20/20, target: 20 }\ncommunes:\n  - Kỳ Châu\n"),
    ("content/districts/ky-anh/2024-01-06-bai-viet-dau-tien.md", "---\ntitle: Bài viết đầu tiên\ndate: 2024-01-06\ntopics: [nong-thon-moi]\nindicators: [ntm-communes]\n---\nNăm 2023, {{ value(indicator=\"ntm-communes\", period=\"2023\") }} đạt chuẩn nông thôn mới.\n\n{{ chart(indicator=\"ntm-communes\") }}\n"),
];

const COMMUNE: &[(&str, &str)] = &[
    ("content/indicators.yaml", "- id: ntm-criteria\n  name: Tiêu chí nông thôn mới đã đạt\n  kind: count\n  unit: tiêu chí\n  topic: nong-thon-moi\n  description: Số tiêu chí xã nông thôn mới đã đạt, trên tổng số tiêu chí.\n"),
    ("content/units/ky-xuan/unit.yaml", "# Xã Kỳ Xuân (Hà Tĩnh), thành lập ngày 1/7/2025 từ ba xã của huyện Kỳ Anh cũ.\n# Số liệu dưới đây là số liệu minh họa: hãy thay bằng số liệu của xã.\nname: Kỳ Xuân\nlevel: xã\ncode: \"18766\"   # mã đơn vị hành chính, viết trong ngoặc kép\nfrom: 2025-07-01\nformed_from:\n  - { name: Xã Kỳ Phong }\n  - { name: Xã Kỳ Bắc }\n  - { name: Xã Kỳ Xuân }\nsummary: Xã thành lập ngày 1/7/2025 trên cơ sở sáp nhập ba xã Kỳ Phong, Kỳ Bắc và Kỳ Xuân.\ndata:\n  ntm-criteria:\n    - { period: 2025-Q3, value: 15/19 }\n    - { period: 2025-Q4, value: 17/19, target: 19 }\n"),
    ("content/units/ky-xuan/2025-10-06-bai-viet-dau-tien.md", "---\ntitle: Bài viết đầu tiên của xã\ndate: 2025-10-06\ntopics: [nong-thon-moi]\nindicators: [ntm-criteria]\n---\nĐến hết quý 3/2025, xã đạt {{ value(indicator=\"ntm-criteria\", period=\"2025-Q3\") }}.\n\n{{ chart(indicator=\"ntm-criteria\") }}\n"),
];

const PROVINCE: &[(&str, &str)] = &[
    ("content/indicators.yaml", "- id: ntm-criteria\n  name: Tiêu chí nông thôn mới đã đạt\n  kind: count\n  unit: tiêu chí\n  topic: nong-thon-moi\n  description: Số tiêu chí xã nông thôn mới một xã đã đạt.\n- id: budget-revenue\n  name: Thu ngân sách trên địa bàn\n  kind: amount\n  unit: tỷ đồng\n  aggregate: sum\n  description: Tổng thu ngân sách nhà nước trên địa bàn.\n"),
    ("content/units/ha-tinh/unit.yaml", "# Số liệu dưới đây là số liệu minh họa: hãy thay bằng số liệu của tỉnh.\nname: Hà Tĩnh\nlevel: tỉnh\ncode: \"42\"\nsummary: Tỉnh gồm các xã, phường từ ngày 1/7/2025.\ndata:\n  budget-revenue:\n    - { period: 2025, value: 16930.2, target: 21980 }\n"),
    ("content/units/ky-xuan/unit.yaml", "name: Kỳ Xuân\nlevel: xã\ncode: \"18766\"\nparent: ha-tinh\nfrom: 2025-07-01\nformed_from:\n  - { name: Xã Kỳ Phong }\n  - { name: Xã Kỳ Bắc }\n  - { name: Xã Kỳ Xuân }\ndata:\n  ntm-criteria:\n    - { period: 2025-Q4, value: 17/19 }\n"),
    ("content/units/xa-ky-anh/unit.yaml", "name: Kỳ Anh\nlevel: xã\ncode: \"18775\"\nparent: ha-tinh\nfrom: 2025-07-01\ndata:\n  ntm-criteria:\n    - { period: 2025-Q4, value: 19/19 }\n"),
    ("content/units/ha-tinh/2025-12-30-tong-ket-nam.md", "---\ntitle: Tổng kết năm 2025\ndate: 2025-12-30\nindicators: [budget-revenue]\n---\nNăm 2025, thu ngân sách trên địa bàn tỉnh ước đạt {{ value(indicator=\"budget-revenue\", period=\"2025\") }}.\n\n{{ chart(indicator=\"budget-revenue\") }}\n"),
];
