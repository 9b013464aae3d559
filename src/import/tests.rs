//! Tests of the importer, with the five real seeds.

use super::*;

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Some(Date::new(y, m, d).expect("a valid date"))
}

fn date_of(text: &str) -> Option<Date> {
    import_text(text).date
}

fn first_phrase(s: &str) -> Option<(i8, i8, Option<i16>)> {
    date_phrases(&chars(s), false).first().map(|p| (p.day, p.month, p.year))
}

fn figures(s: &str) -> Vec<Figure> {
    find_figures(&[s])
}

fn brief(f: &Figure) -> (&str, f64, Option<f64>, &str, &str) {
    (f.text.as_str(), f.value, f.total, f.unit.as_str(), f.kind)
}

fn figure<'a>(imported: &'a Imported, text: &str) -> &'a Figure {
    imported
        .figures
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in {:#?}", imported.figures))
}

fn front_matter(md: &str) -> crate::parse::raw::RawFrontMatter {
    let split = crate::parse::frontmatter::split("a.md", md).expect("a front matter block");
    serde_yaml::from_str(split.yaml).expect("valid YAML")
}

#[test]
fn vietnamese_numbers() {
    assert_eq!(parse_vn_number("8.850,26"), Some(8850.26));
    assert_eq!(parse_vn_number("35,59"), Some(35.59));
    assert_eq!(parse_vn_number("1.621,41"), Some(1621.41));
    assert_eq!(parse_vn_number("2.284.725"), Some(2284725.0));
    assert_eq!(parse_vn_number("110"), Some(110.0));
    assert_eq!(parse_vn_number("8.850"), Some(8850.0));
    assert_eq!(parse_vn_number(" 29,506 "), Some(29.506));
    for bad in ["", "1.5", "12.", ",5", "1,2,3", "1234.567", "abc", "8.850,", "-5"] {
        assert_eq!(parse_vn_number(bad), None, "{bad:?}");
    }
}

#[test]
fn normalizing() {
    let lines = normalize("\u{feff}Tiêu  đề\r\n  dòng\t hai \u{a0}\rba\u{200b}");
    assert_eq!(lines, vec!["Tiêu đề", "dòng hai", "ba"]);
    assert_eq!(normalize("Ky\u{300} Anh"), vec!["Kỳ Anh"]);
}

#[test]
fn day_month_phrases() {
    assert_eq!(first_phrase("Sáng ngày 28/11 huyện Vũ Quang"), Some((28, 11, None)));
    assert_eq!(first_phrase("Chiều 6/1, BCH Đảng bộ"), Some((6, 1, None)));
    assert_eq!(first_phrase("Ngày 29-6, Ban Chấp hành"), Some((29, 6, None)));
    assert_eq!(first_phrase("họp vào ngày 06/01/2024."), Some((6, 1, Some(2024))));
    assert_eq!(first_phrase("Hội nghị tổng kết (28/11/2022)"), Some((28, 11, Some(2022))));
    assert_eq!(first_phrase("sáng 6 tháng 1 năm 2024"), Some((6, 1, Some(2024))));
    assert_eq!(first_phrase("Ngày 5 tháng 3, huyện"), Some((5, 3, None)));
    for none in
        ["đến tháng 12/2022", "đạt 13/20 tiêu chí", "sáng tạo 5/6", "ngày 32/1", "Ngày 12/13", "hàng ngàn ngày công"]
    {
        assert_eq!(first_phrase(none), None, "{none:?}");
    }
}

#[test]
fn years_mentioned() {
    let s = chars("năm 2022, nhiệm kỳ 2020 - 2025, giai đoạn 2021-2025, tháng 12/2022, 1447 và 25.732m2");
    assert_eq!(years_in(&s), vec![(4, 2022)]);
}

#[test]
fn year_of_a_day_month() {
    // A January summary of the year before is held in the next year.
    let summary = "Tổng kết\n\nSáng 6/1, huyện tổ chức hội nghị tổng kết công tác năm 2022.";
    assert_eq!(date_of(summary), date(2023, 1, 6));
    let both = "Tổng kết\n\nChiều 6/1, hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024.";
    assert_eq!(date_of(both), date(2024, 1, 6));
    assert_eq!(date_of("Hội nghị tổng kết năm 2022\n\nSáng 6/1, huyện tổ chức hội nghị."), date(2023, 1, 6));
    // In December the summary is of the same year.
    assert_eq!(date_of("Tin\n\nNgày 20/12, huyện tổng kết năm 2022."), date(2022, 12, 20));
    // The nearest year, from another paragraph when needed; terms are not years.
    assert_eq!(date_of("Tin\n\nNăm 2021 nhiều khó khăn.\n\nSáng 5/3, huyện họp."), date(2021, 3, 5));
    let term = "Tin\n\nNgày 29-6, sơ kết nhiệm kỳ 2020 - 2025.\n\nNăm 2023 huyện đạt nhiều kết quả.";
    assert_eq!(date_of(term), date(2023, 6, 29));
    // No year at all, or no day/month: unknown.
    assert_eq!(date_of("Tin\n\nSáng 5/3 huyện họp."), None);
    assert_eq!(date_of("Tin\n\nKết quả đến tháng 11 năm 2022."), None);
}

#[test]
fn header_line() {
    assert_eq!(date_of("date 2023-06 Tiêu đề\n\nNgày 29-6, huyện họp."), date(2023, 6, 29));
    assert_eq!(date_of(" date 2023-06 Tiêu đề\n\nNgày 5-7, huyện họp."), date(2023, 6, 1));
    assert_eq!(date_of("date 2024-01-06 Tiêu đề\n\nSáng 9/1, huyện họp."), date(2024, 1, 6));
    let a = import_text("date 2023-06 Cẩm Thủy: Tiêu đề\n\nĐoạn văn.");
    assert_eq!(a.title, "Cẩm Thủy: Tiêu đề");
    assert_eq!(a.body, "Đoạn văn.\n");
    assert!(parse_header("date 2023-13 X").is_none());
    assert!(parse_header("dated 2023-06 X").is_none());
    assert!(parse_header("date 2023-06X").is_none());
    assert_eq!(
        parse_header("Date 2023-06").map(|h| (h.year, h.month, h.day, h.title)),
        Some((2023, 6, None, String::new()))
    );
}

#[test]
fn boilerplate_lines() {
    for line in ["Thêm nhận xét mới", "Đánh giá:", "lượt đánh giá: , trung bình: Bình luận", "Mã xác thực không đúng."]
    {
        assert!(is_page_end(line), "{line:?}");
    }
    assert!(is_page_end("CHƯƠNG TRÌNH PHÁT THANH"));
    assert!(is_page_end("Bình luận"));
    assert!(!is_page_end("Đánh giá kết quả xây dựng nông thôn mới năm 2022"));
    for line in [
        "Thống kê: 2.284.725",
        "Trong năm: 283.033",
        "Online: 150",
        "Bản đồ hành chính",
        "Liên kết website",
        "Chia sẻ",
        "Trang chủ > Tin tức > Nông thôn mới",
        "»",
        "Bạn phải đăng nhập để bình luận",
    ] {
        assert!(is_boilerplate(line), "{line:?}");
    }
    for line in ["Thu ngân sách: 193,65 tỷ đồng", "Toàn cảnh hội nghị.", "Đại biểu tham dự", "Vũ Viễn"]
    {
        assert!(!is_boilerplate(line), "{line:?}");
    }
}

#[test]
fn page_end_cuts_the_rest() {
    let lines: Vec<String> = ["Đoạn một.", "", "Đánh giá:", "Đoạn sau cùng của trang, không phải bài."]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(clean(&lines), vec![Line { kind: Kind::Text, text: "Đoạn một.".to_string() }]);
}

#[test]
fn related_list_and_dateline() {
    let text = "Tin\n\nThứ hai, 28/11/2022 08:30\n\nHuyện họp.\n\nTin liên quan\n\nHuyện A đạt chuẩn (27/11/2022)\n\n\
                Huyện B về đích\n\nĐây là đoạn văn sau danh sách, kết thúc bằng dấu chấm.";
    let a = import_text(text);
    assert_eq!(a.date, date(2022, 11, 28));
    assert_eq!(a.body, "Huyện họp.\n\nĐây là đoạn văn sau danh sách, kết thúc bằng dấu chấm.\n");
}

#[test]
fn captions() {
    for line in [
        "Quang cảnh hội nghị",
        "Toàn cảnh hội nghị.",
        "Đồng chí Nguyễn Tiến Hùng phát biểu tại hội nghị.",
        "Các đồng chí Chủ trì buổi làm việc",
        "Bí thư Tỉnh ủy Hoàng Trung Dũng phát biểu tại hội nghị.",
    ] {
        assert!(is_caption(line), "{line:?}");
    }
    for line in [
        "Bí thư Tỉnh ủy Hoàng Trung Dũng nhấn mạnh, mỗi cán bộ phải làm việc thực chất.",
        "Đ/c Trần Lê, Bí thư Đảng ủy: Tỉnh chưa ban hành bộ tiêu chí.",
        "Đ/c Nguyễn Xuân Thê, Chủ tịch UBND xã. Xã đã tập trung triển khai.",
        "Công tác giải phóng mặt bằng được quan tâm chỉ đạo.",
        "Tại hội nghị 2 tổ chức cơ sở đảng được tặng Bằng khen.",
    ] {
        assert!(!is_caption(line), "{line:?}");
    }
    assert!(is_caption_continuation("... và các cá nhân có thành tích xuất sắc."));
}

#[test]
fn bylines() {
    for (line, author) in [
        ("Thúy Nga - Anh Đức", "Thúy Nga - Anh Đức"),
        ("Thuý Nga, Anh Đức", "Thuý Nga, Anh Đức"),
        ("Vũ Viễn", "Vũ Viễn"),
        ("Trần Hằng (Trung tâm VH-TT)", "Trần Hằng (Trung tâm VH-TT)"),
        ("Tin, ảnh: Vũ Viễn", "Vũ Viễn"),
    ] {
        assert_eq!(byline(line).as_deref(), Some(author), "{line:?}");
    }
    for line in [
        "Đại biểu tham dự",
        "Ghi nhận những thành tích đã được./.",
        "Toàn cảnh hội nghị.",
        "Năm 2023",
        "Trần Hằng (Trung tâm",
    ] {
        assert_eq!(byline(line), None, "{line:?}");
    }
}

#[test]
fn figures_found() {
    let f = figures("Lũy kế đến nay có 110/154 thôn đạt KDC kiểu mẫu.");
    assert_eq!(f.iter().map(brief).collect::<Vec<_>>(), vec![("110/154 thôn", 110.0, Some(154.0), "thôn", "count")]);
    assert_eq!(f[0].context, "Lũy kế đến nay có");
    let f = figures("Cải cách hành chính năm 2022 xếp thứ 7/27 huyện, thị xã.");
    assert_eq!(f.iter().map(brief).collect::<Vec<_>>(), vec![("xếp thứ 7/27 huyện", 7.0, Some(27.0), "huyện", "rank")]);
    assert_eq!(f[0].context, "Cải cách hành chính năm 2022");
    let f = figures("Tổng giá trị sản phẩm đạt 8.850,26 tỷ đồng, đạt 107,79% kế hoạch, tăng 14,62% so với năm 2022.");
    let expected = vec![
        ("8.850,26 tỷ đồng", 8850.26, None, "tỷ đồng", "amount"),
        ("107,79% kế hoạch", 107.79, None, "% kế hoạch", "percent"),
        ("14,62%", 14.62, None, "%", "percent"),
    ];
    assert_eq!(f.iter().map(brief).collect::<Vec<_>>(), expected);
    assert_eq!(f[0].context, "Tổng giá trị sản phẩm đạt");
    let f = figures("Thu ngân sách đạt 95% so với kế hoạch.");
    assert_eq!(brief(&f[0]), ("95% so với kế hoạch", 95.0, None, "% kế hoạch", "percent"));
    let f = figures("Thu nhập bình quân 49,09 triệu đồng/người/năm.");
    assert_eq!(brief(&f[0]), ("49,09 triệu đồng/người/năm", 49.09, None, "triệu đồng/người/năm", "amount"));
    let f = figures("Xã Đức Lĩnh đạt ¾ tiêu chí kiểu mẫu.");
    assert_eq!(brief(&f[0]), ("¾ tiêu chí", 3.0, Some(4.0), "tiêu chí", "count"));
    let f = figures("Chỉ số CCHC xếp thứ 5 toàn tỉnh.");
    assert_eq!(brief(&f[0]), ("xếp thứ 5", 5.0, None, "", "rank"));
    let f = figures("Có hơn 450 hộ hiến 25.732m2 đất, giá trị 29,506 tỷ đồng.");
    let expected = vec![
        ("450 hộ", 450.0, None, "hộ", "count"),
        ("25.732m2", 25732.0, None, "m2", "amount"),
        ("29,506 tỷ đồng", 29.506, None, "tỷ đồng", "amount"),
    ];
    assert_eq!(f.iter().map(brief).collect::<Vec<_>>(), expected);
}

#[test]
fn not_figures() {
    let ranges = "Sáng ngày 28/11 huyện tổ chức hội nghị; Đức Giang ước đạt 65-70%KH, các tiêu chí đạt từ 85 đến 95%; \
                  khoảng 80 - 85%KH.";
    assert!(figures(ranges).is_empty(), "{:?}", figures(ranges));
    let years = "Từ đầu năm 2022 huyện Vũ Quang đến tháng 12/2022 và năm 2025 huyện.";
    assert!(figures(years).is_empty(), "{:?}", figures(years));
    let f = figures("Có 20/21 chỉ tiêu đạt; 30/20 tiêu chí; 12/0 xã.");
    assert_eq!(f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), vec!["20/21 chỉ tiêu"]);
}

#[test]
fn markdown_escapes() {
    assert_eq!(escape_markdown("# Tiêu đề"), "\\# Tiêu đề");
    assert_eq!(escape_markdown("> trích"), "\\> trích");
    assert_eq!(escape_markdown("- gạch"), "\\- gạch");
    assert_eq!(escape_markdown("+ cộng"), "\\+ cộng");
    assert_eq!(escape_markdown("* Cũng trong chiều nay"), "\\* Cũng trong chiều nay");
    assert_eq!(escape_markdown("1. Một"), "1. Một");
    assert_eq!(escape_markdown("---"), "\\---");
    assert_eq!(escape_markdown("-5 độ C"), "-5 độ C");
    assert_eq!(escape_markdown("Giá {{ value() }} và {{{ x"), "Giá { { value() }} và { { { x");
    assert_eq!(escape_markdown("a <script> b <5%"), "a \\<script> b <5%");
    assert_eq!(escape_markdown("tên_tệp và \\"), "tên\\_tệp và \\\\");
    let paragraphs = vec![
        Paragraph { text: "Toàn cảnh hội nghị.".to_string(), caption: true },
        Paragraph { text: "Đoạn * một.".to_string(), caption: false },
    ];
    assert_eq!(render_body(&paragraphs), "*Toàn cảnh hội nghị.*\n\nĐoạn \\* một.\n");
}

#[test]
fn markdown_file() {
    let a = Imported {
        title: "Kỳ Anh: \"110/154\" thôn \\ đạt".to_string(),
        date: date(2022, 11, 28),
        author: Some("Vũ Viễn".to_string()),
        body: "Đoạn một.\n".to_string(),
        figures: vec![],
        captions: vec![],
    };
    let md = to_markdown(&a);
    assert_eq!(
        md,
        "---\n# imported by bantin import: check the title, date, author and text\n\
         title: \"Kỳ Anh: \\\"110/154\\\" thôn \\\\ đạt\"\ndate: 2022-11-28\nauthor: \"Vũ Viễn\"\n\
         draft: true   # delete this line once the article and its figures are checked\n---\n\nĐoạn một.\n"
    );
    let fm = front_matter(&md);
    assert_eq!(fm.title.as_deref(), Some(a.title.as_str()));
    assert_eq!(fm.author.as_deref(), Some("Vũ Viễn"));
    assert_eq!(fm.date.as_ref().and_then(crate::parse::raw::scalar_text).as_deref(), Some("2022-11-28"));
    // Imported articles are drafts until reviewed, dated or not.
    assert_eq!(fm.draft, Some(true));

    let b = Imported { date: None, author: None, ..a };
    let md = to_markdown(&b);
    assert!(!md.contains("\ndate:") && !md.contains("author:"), "{md}");
    assert!(md.contains("# date: YYYY-MM-DD"), "a hint where the date goes");
    let fm = front_matter(&md);
    assert_eq!(fm.draft, Some(true));
    assert_eq!(fm.title.as_deref(), Some(b.title.as_str()));
}

#[test]
fn figures_snippet() {
    let a = import_text(
        "Tin\n\nSáng 28/11/2022, huyện họp. Lũy kế đến nay có 110/154 thôn đạt chuẩn; \
         tổng giá trị đạt 8.850,26 tỷ đồng, bằng 104,40% kế hoạch.",
    );
    let y = figures_yaml(&a, &[]);
    assert!(y.lines().all(|l| l.starts_with('#')), "{y}");
    assert!(
        y.contains("#   - { period: 2022-11, value: 110/154 }   # \"110/154 thôn\" – …Lũy kế đến nay có (count)\n"),
        "{y}"
    );
    // A share of the plan is never a value: with its amount, it gives a
    // computed target (8850.26 / 1.044, rounded to two decimals).
    assert!(y.contains("#   - { period: 2022-11, value: 8850.26, target: 8477.26 }   # \"8.850,26 tỷ đồng\""), "{y}");
    assert!(y.contains("target computed from \"bằng 104,40% kế hoạch\": 8850.26 / 104.40%, check it"), "{y}");
    assert!(!y.contains("104.40 }"), "{y}");
    // Pasted and uncommented, an entry is valid YAML.
    let entry = y.lines().find(|l| l.contains("110/154")).unwrap().trim_start_matches('#');
    let value: serde_yaml::Value = serde_yaml::from_str(entry).expect("valid YAML");
    assert!(value.is_sequence(), "{value:?}");
    let entry = y.lines().find(|l| l.contains("8477.26")).unwrap().trim_start_matches('#');
    let value: serde_yaml::Value = serde_yaml::from_str(entry).expect("valid YAML");
    assert_eq!(value[0]["target"].as_f64(), Some(8477.26), "{value:?}");

    let none = figures_yaml(&import_text("Tin\n\nKhông có số liệu nào."), &[]);
    assert!(none.contains("(date unknown)") && none.contains("# (no figures found)"), "{none}");
    assert!(none.lines().all(|l| l.starts_with('#')), "{none}");
}

#[test]
fn file_names() {
    let mut a =
        import_text("Bí thư Tỉnh ủy: Làm việc thực chất, lấy kết quả làm thước đo\n\nChiều 6/1/2024, hội nghị.");
    assert_eq!(file_name(&a), "2024-01-06-bi-thu-tinh-uy-lam-viec-thuc-chat-lay-ket-qua-lam-thuoc-do.md");
    a.date = None;
    assert_eq!(file_name(&a), "bi-thu-tinh-uy-lam-viec-thuc-chat-lay-ket-qua-lam-thuoc-do.md");
    assert_eq!(short_slug("!!!"), "bai-viet");
    assert_eq!(short_slug(&"ab ".repeat(40)), "ab-".repeat(26) + "ab");
    assert_eq!(short_slug(&"abcd ".repeat(30)), "abcd-".repeat(15) + "abcd");
    assert_eq!(short_slug(&"a".repeat(100)), "a".repeat(80));
}

fn seed(number: &str) -> Imported {
    import_text(&super::seed_text(number))
}

#[test]
fn seed_000_ky_anh_summary_2022() {
    let a = seed("000");
    assert_eq!(
        a.title,
        "Hội nghị tổng kết công tác xây dựng nông thôn mới, cải cách hành chính và thi đua khen thưởng năm 2022"
    );
    assert_eq!(a.date, None);
    assert_eq!(a.author, None);
    let b = &a.body;
    assert!(!b.contains("Thêm nhận xét mới"), "{b}");
    assert!(b.starts_with("Dự hội nghị có đồng chí Ngô Đình Long, Phó chánh Văn phòng Điều phối"), "{b}");
    assert!(b.contains("\n\nNăm 2022, huyện Kỳ Anh triển khai các mục tiêu"), "{b}");
    assert!(b.contains(
        "\n\n*Các đồng chí Hồ Huy Thành, Bí thư Huyện ủy; Nguyễn Tiến Hùng, Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện; \
         Lê Mã Lương, Chủ tịch UMTTQ huyện chủ trì hội nghị.*\n\n"
    ));
    assert!(b.ends_with("thực hiện tốt nhiệm vụ chính trị trong năm 2022./.\n"), "{b}");
    let f = figure(&a, "110/154 thôn");
    assert_eq!((f.value, f.total, f.unit.as_str(), f.kind), (110.0, Some(154.0), "thôn", "count"));
    assert_eq!(f.context, "Lũy kế đến nay có");
    assert_eq!(brief(figure(&a, "29,506 tỷ đồng")), ("29,506 tỷ đồng", 29.506, None, "tỷ đồng", "amount"));
    assert_eq!(brief(figure(&a, "35,59%")), ("35,59%", 35.59, None, "%", "percent"));
    assert_eq!(figure(&a, "9/9 tiêu chí").total, Some(9.0));
    let md = to_markdown(&a);
    assert!(md.contains("\ndraft: true   #") && !md.contains("\ndate:"), "{md}");
    assert!(figures_yaml(&a, &[]).contains("#   - { period: YYYY-MM, value: 110/154 }"));
    assert_eq!(file_name(&a), "hoi-nghi-tong-ket-cong-tac-xay-dung-nong-thon-moi-cai-cach-hanh-chinh-va-thi-dua.md");
}

#[test]
fn seed_001_vu_quang_ten_months() {
    let a = seed("001");
    assert_eq!(
        a.title,
        "Sáng ngày 28/11 huyện Vũ Quang tổ chức hội nghị đánh giá kết quả xây dựng NTM, đô thị văn minh, \
         Chương trình mỗi xã một sản phẩm 10 tháng đầu năm. Nhiệm vụ trọng tâm đến cuối năm 2022"
    );
    assert_eq!(a.date, date(2022, 11, 28));
    assert_eq!(a.author, None);
    let b = &a.body;
    for gone in [
        "Đánh giá:",
        "lượt đánh giá",
        "Bình luận",
        "Mã xác thực",
        "CHƯƠNG TRÌNH PHÁT THANH",
        "Bản đồ hành chính",
        "Liên kết website",
        "Thống kê",
        "2.284.725",
        "Trong tháng",
        "Online: 150",
    ] {
        assert!(!b.contains(gone), "{gone:?} left in {b}");
    }
    assert!(b.starts_with("Các Đ/c Nguyễn Thị Việt Hà, TUV – Bí thư Huyện ủy; Bùi Khắc Bằng"), "{b}");
    assert!(b.contains("\n\nVới quyết tâm chính trị cao, ngay từ đầu năm 2022 huyện Vũ Quang"), "{b}");
    assert!(b.contains("\n\n*Đ/c Nguyễn Thị Việt Hà, TUV – Bí thư Huyện ủy phát biểu kết luận hội nghị.*\n\n"), "{b}");
    assert!(b.contains("\n\nĐ/c Trần Lê, Bí thư Đảng ủy – Chủ tịch HĐND xã Đức Bồng: Tỉnh chưa ban hành"), "{b}");
    assert!(b.ends_with("bám sát nhiệm vụ triển khai một cách có hiệu quả các nhiệm vụ còn lại.\n"), "{b}");
    assert_eq!(brief(figure(&a, "12/20 tiêu chí")), ("12/20 tiêu chí", 12.0, Some(20.0), "tiêu chí", "count"));
    assert_eq!(brief(figure(&a, "13/20 tiêu chí")), ("13/20 tiêu chí", 13.0, Some(20.0), "tiêu chí", "count"));
    assert_eq!(brief(figure(&a, "¾ tiêu chí")), ("¾ tiêu chí", 3.0, Some(4.0), "tiêu chí", "count"));
    assert_eq!(figure(&a, "12/18 tiêu chí").total, Some(18.0));
    assert_eq!(brief(figure(&a, "80% KH")), ("80% KH", 80.0, None, "% kế hoạch", "percent"));
    // Ranges and the date are not figures.
    assert!(!a.figures.iter().any(|f| ["85%", "70%", "75%", "28/11"].iter().any(|t| f.text.contains(*t))));
    assert_eq!(
        file_name(&a),
        "2022-11-28-sang-ngay-28-11-huyen-vu-quang-to-chuc-hoi-nghi-danh-gia-ket-qua-xay-dung-ntm-do.md"
    );
}

#[test]
fn seed_002_cam_thuy_mid_term() {
    let a = seed("002");
    assert_eq!(a.title, "Cẩm Thủy: Cải cách hành chính năm 2022 xếp loại xuất sắc");
    assert_eq!(a.date, date(2023, 6, 29));
    assert_eq!(a.author.as_deref(), Some("Trần Hằng"));
    let b = &a.body;
    assert!(!b.contains("date 2023-06") && !b.contains("Trần Hằng"), "{b}");
    assert!(b.starts_with("Sau nửa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, kinh tế - xã hội"));
    assert!(b.contains("\n\nNgày 29-6, Ban Chấp hành Đảng bộ huyện Cẩm Thủy tổ chức hội nghị sơ kết"), "{b}");
    for caption in [
        "*Toàn cảnh hội nghị.*",
        "*Các đại biểu tham dự hội nghị.*",
        "*Đại biểu thảo luận tại hội nghị.*",
        "*Đồng chí Lê Văn Trung, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện Cẩm Thủy phát biểu khai mạc hội nghị.*",
    ] {
        assert!(b.contains(&format!("\n\n{caption}\n\n")), "{caption:?} missing in {b}");
    }
    assert!(
        b.ends_with("\n\nTại hội nghị 2 tổ chức cơ sở đảng và 3 cá nhân được Ban Thường vụ Tỉnh ủy tặng Bằng khen.\n")
    );
    let rank = figure(&a, "đứng thứ 7/27 huyện");
    assert_eq!(brief(rank), ("đứng thứ 7/27 huyện", 7.0, Some(27.0), "huyện", "rank"));
    assert_eq!(figure(&a, "1.621,41 tỷ đồng").value, 1621.41);
    assert_eq!(figure(&a, "14/27 chỉ tiêu").total, Some(27.0));
    assert_eq!(brief(figure(&a, "62,5% kế hoạch")), ("62,5% kế hoạch", 62.5, None, "% kế hoạch", "percent"));
    assert_eq!(figure(&a, "10/16 xã").value, 10.0);
    let y = figures_yaml(&a, &[]);
    // The rank is for the year the sentence names, not the article's month.
    assert!(y.contains("#   - { period: 2022, value: 7/27 }   # \"đứng thứ 7/27 huyện\""), "{y}");
    assert!(to_markdown(&a).starts_with(
        "---\n# imported by bantin import: check the title, date, author and text\n\
         title: \"Cẩm Thủy: Cải cách hành chính năm 2022 xếp loại xuất sắc\"\ndate: 2023-06-29\nauthor: \"Trần Hằng\"\n\
         draft: true   # delete this line once the article and its figures are checked\n---\n\n"
    ));
}

#[test]
fn seed_003_ky_anh_party_summary_2023() {
    let a = seed("003");
    assert_eq!(a.title, "Bí thư Tỉnh ủy: Làm việc thực chất, lấy kết quả làm thước đo");
    assert_eq!(a.date, date(2024, 1, 6));
    assert_eq!(a.author.as_deref(), Some("Vũ Viễn"));
    let b = &a.body;
    assert!(!b.contains("date 2024-01") && !b.contains("Vũ Viễn"), "{b}");
    // The lead is a paragraph, not a caption, though it names the secretary.
    assert!(b.starts_with("Bí thư Tỉnh ủy Hoàng Trung Dũng nhấn mạnh, mỗi cán bộ đảng viên"), "{b}");
    assert!(b.contains("\n\nChiều 6/1, BCH Đảng bộ huyện Kỳ Anh tổ chức hội nghị tổng kết"), "{b}");
    assert!(b.contains("\n\n*Bí thư Tỉnh ủy Hoàng Trung Dũng phát biểu tại hội nghị.*\n\n"), "{b}");
    assert!(b.contains(
        "\n\n*Phó Bí thư Thường trực Huyện ủy Kỳ Anh Trần Thành Nam báo cáo thực hiện công tác chính trị, \
         xây dựng Đảng năm 2023.*\n\n"
    ));
    assert!(b.contains("\n\nCông tác giải phóng mặt bằng được quan tâm chỉ đạo"), "{b}");
    assert!(b.contains("\n\n\\* Cũng trong chiều nay, huyện Kỳ Anh tổng kết"), "{b}");
    assert!(b.ends_with("\n\n*... và các cá nhân có thành tích xuất sắc trong cuộc thi.*\n"), "{b}");
    let output = figure(&a, "8.850,26 tỷ đồng");
    assert_eq!(brief(output), ("8.850,26 tỷ đồng", 8850.26, None, "tỷ đồng", "amount"));
    assert_eq!(output.context, "tổng giá trị sản phẩm đạt");
    assert_eq!(brief(figure(&a, "107,79% kế hoạch")), ("107,79% kế hoạch", 107.79, None, "% kế hoạch", "percent"));
    assert_eq!(figure(&a, "20/21 chỉ tiêu").total, Some(21.0));
    assert_eq!(brief(figure(&a, "118/153 thôn")), ("118/153 thôn", 118.0, Some(153.0), "thôn", "count"));
    assert_eq!(figure(&a, "49,09 triệu đồng/người/năm").unit, "triệu đồng/người/năm");
    let y = figures_yaml(&a, &[]);
    // A January summary's figures are for the year it reviews; the share of
    // the plan gives a computed target, never a percent value.
    assert!(y.contains("#   - { period: 2023, value: 8850.26, target: 8210.65 }   # \"8.850,26 tỷ đồng\""), "{y}");
    assert!(!y.contains("107.79 }"), "{y}");
    assert_eq!(file_name(&a), "2024-01-06-bi-thu-tinh-uy-lam-viec-thuc-chat-lay-ket-qua-lam-thuoc-do.md");
}

#[test]
fn seed_004_ky_thuong_working_session() {
    let a = seed("004");
    assert_eq!(
        a.title,
        "Thường trực Huyện ủy làm việc với Ban chấp hành đảng bộ xã Kỳ Thượng về xây dựng nông thôn mới"
    );
    assert_eq!(a.date, date(2020, 2, 7));
    assert_eq!(a.author.as_deref(), Some("Thuý Nga, Anh Đức"));
    let b = &a.body;
    assert!(!b.contains("Thuý Nga"), "{b}");
    assert!(
        b.starts_with(
            "Sáng ngày 07/2, Thường trực Huyện ủy đã có buổi làm việc với Ban chấp hành Đảng bộ xã Kỳ Thượng"
        ),
        "{b}"
    );
    for caption in [
        "*Các đồng chí Chủ trì buổi làm việc*",
        "*Đại biểu tham dự*",
        "*Đ/c Vũ Trung Tiến, Chủ tịch UBND xã báo cáo tiến độ xây dựng NTM...*",
        "*Đ/c Bùi Quang Hoàn, phó Bí thư Huyện ủy, chủ tịch UBND huyện phát biểu tại buổi làm việc*",
    ] {
        assert!(b.contains(&format!("\n\n{caption}\n\n")), "{caption:?} missing in {b}");
    }
    assert!(b.ends_with("xây dựng NTM phải thực sự của dân và dân làm chủ./.\n"), "{b}");
    let f = figure(&a, "12/20 tiêu chí");
    assert_eq!((f.value, f.total, f.context.as_str()), (12.0, Some(20.0), "Hiện tại, xã Kỳ Thượng đạt"));
    assert_eq!(figure(&a, "20/20 tiêu chí").total, Some(20.0));
    assert_eq!(brief(figure(&a, "8 tiêu chí")), ("8 tiêu chí", 8.0, None, "tiêu chí", "count"));
    assert_eq!(
        file_name(&a),
        "2020-02-07-thuong-truc-huyen-uy-lam-viec-voi-ban-chap-hanh-dang-bo-xa-ky-thuong-ve-xay-dung.md"
    );
}

#[test]
fn photos_take_the_places_of_the_captions_in_order_and_the_rest_go_at_the_end() {
    let mut a = import_text("Hội nghị tổng kết\n\nSáng 5/1, huyện tổ chức hội nghị.\n\nToàn cảnh hội nghị.\n\nĐồng chí Bí thư Huyện ủy phát biểu tại hội nghị.\n\nHội nghị kết thúc.\n");
    assert_eq!(a.captions, vec!["Toàn cảnh hội nghị.", "Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị."]);
    place_photos(&mut a, &["toan-canh.jpg".into(), "phat-bieu.jpg".into(), "them.jpg".into()]);
    assert!(a.body.contains("\n![Toàn cảnh hội nghị.](toan-canh.jpg \"Toàn cảnh hội nghị.\")\n"), "{}", a.body);
    assert!(a.body.contains("![Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị.](phat-bieu.jpg \"Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị.\")"), "{}", a.body);
    assert!(!a.body.contains("*Toàn cảnh"), "{}", a.body);
    assert!(a.body.ends_with("\n![Hội nghị tổng kết](them.jpg)\n"), "{}", a.body);
}
