//! Tests of the proposals: periods, plans, shares of the plan, indicator
//! suggestions, on sentences of the five seeds (and the forms the seeds lack).

use super::*;

fn seed(n: &str) -> Imported {
    import_text(&super::seed_text(n))
}

fn all_seeds() -> Vec<Imported> {
    ["000", "001", "002", "003", "004"].iter().map(|n| seed(n)).collect()
}

fn figure<'a>(a: &'a Imported, text: &str, context: &str) -> &'a Figure {
    a.figures
        .iter()
        .find(|f| f.text == text && f.context.contains(context))
        .unwrap_or_else(|| panic!("no figure {text:?} after {context:?} in {:#?}", a.figures))
}

fn period(f: &Figure) -> Option<&str> {
    f.period.value.as_deref()
}

/// The periods of the phrases of `s`, in an article of `year`.
fn periods_in(s: &str, year: Option<i16>) -> Vec<Option<String>> {
    mentions(&s.chars().collect::<Vec<char>>(), year).into_iter().map(|m| m.period).collect()
}

fn site_indicators() -> Vec<KnownIndicator> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/indicators.yaml"))
        .expect("the example site's indicators");
    known_indicators(&text).expect("valid indicators")
}

fn suggested<'a>(f: &Figure, known: &'a [KnownIndicator]) -> Option<&'a str> {
    suggest(f, known).map(|s| s.id)
}

#[test]
fn period_phrases() {
    let some = |p: &str| Some(p.to_string());
    assert_eq!(periods_in("kết quả 6 tháng đầu năm 2024", None), vec![some("2024-H1")]);
    assert_eq!(periods_in("6 tháng cuối năm 2023", None), vec![some("2023-H2")]);
    assert_eq!(periods_in("trong quý III/2023 và quý 4 năm 2023", None), vec![some("2023-Q3"), some("2023-Q4")]);
    assert_eq!(periods_in("Quý I, huyện", Some(2024)), vec![some("2024-Q1")]);
    assert_eq!(periods_in("10 tháng đầu năm 2022", None), vec![some("2022-10")]);
    assert_eq!(periods_in("3 tháng đầu năm", Some(2021)), vec![some("2021-Q1")]);
    assert_eq!(periods_in("đến tháng 10/2022, tháng 11 năm 2022", None), vec![some("2022-10"), some("2022-11")]);
    assert_eq!(periods_in("Năm 2023, huyện đã mở 5 lớp", None), vec![some("2023")]);
    assert_eq!(periods_in("về đích NTM vào cuối năm 2020", None), vec![some("2020")]);
    assert_eq!(periods_in("Dự kiến cuối năm đạt chuẩn", Some(2022)), vec![some("2022")]);
    assert_eq!(periods_in("Lũy kế đến nay có", Some(2022)), vec![None]);
    // A phrase without a year needs the article's.
    assert!(periods_in("10 tháng đầu năm, cuối năm", None).is_empty());
    // Comparisons, starts of ranges and terms are not periods.
    for none in [
        "tăng 14,62% so với năm 2022",
        "tăng 5 hạng so với năm 2021",
        "chậm so với cùng kỳ năm 2021",
        "nhiệm kỳ 2020 - 2025",
        "giai đoạn 2021-2025",
        "năm 2020 - 2025",
        "trong 2 năm (2021 và 2022)",
        "tháng 13/2022",
    ] {
        assert!(periods_in(none, Some(2024)).is_empty(), "{none:?}");
    }
    assert_eq!(periods_in("5 năm liền (từ năm 2019 đến năm 2023)", None), vec![some("2023")]);
}

#[test]
fn periods_from_the_text() {
    let a = seed("000");
    // "Năm 2022 có hơn 450 hộ của các xã đã hiến 25.732m2 đất"
    assert_eq!(period(figure(&a, "450 hộ", "")), Some("2022"));
    assert_eq!(figure(&a, "450 hộ", "").period.from, "\"Năm 2022\"");
    // "Tổng nguồn vốn huy động được trên 166 tỷ đồng": a sentence without a
    // period takes the last one of its paragraph.
    let f = figure(&a, "166 tỷ đồng", "");
    assert_eq!((period(f), f.period.from.as_str()), (Some("2022"), "\"Năm 2022\", earlier in the paragraph"));
    // "Kết quả đến tháng 11 năm 2022 có thêm 3 thôn đạt KDC kiểu mẫu và 95 vườn mẫu cấp huyện"
    assert_eq!(period(figure(&a, "95 vườn mẫu", "")), Some("2022-11"));
    // "Lũy kế đến nay có 110/154 thôn": the article's date, unknown here.
    let f = figure(&a, "110/154 thôn", "");
    assert_eq!((period(f), f.period.from.as_str()), (None, "\"đến nay\": the article's date, which is unknown"));
    // "Năm 2023, tập trung lãnh đạo ... hoàn thành 9/9 tiêu chí huyện NTM"
    assert_eq!(period(figure(&a, "9/9 tiêu chí", "")), Some("2023"));
    // A sentence and paragraph without a period: the year the summary reviews.
    let f = figure(&a, "16 xã", "");
    assert_eq!((period(f), f.period.from.as_str()), (Some("2022"), "the year the summary reviews (tổng kết … 2022)"));

    let a = seed("001");
    // "... khối lượng đạt được 10 tháng đầu năm khoảng 80 - 85%KH. Trong đó Xã
    // Đức Lĩnh cơ bản đạt 13/20 tiêu chí nâng cao" in an article of 28/11/2022.
    assert_eq!(period(figure(&a, "13/20 tiêu chí", "Đức Lĩnh")), Some("2022-10"));
    // "Xây dựng đô thị đến nay, đạt 12/18 tiêu chí": the article's month.
    let f = figure(&a, "12/18 tiêu chí", "");
    assert_eq!((period(f), f.period.from.as_str()), (Some("2022-11"), "\"đến nay\": the article's date"));

    // "Cải cách hành chính năm 2022 đứng thứ 7/27 huyện ..., tăng 5 hạng so với năm 2021"
    assert_eq!(period(figure(&seed("002"), "đứng thứ 7/27 huyện", "Cải cách")), Some("2022"));

    let a = seed("003");
    // Dated 6/1/2024, a summary of 2023: "tổng giá trị sản phẩm đạt 8.850,26 tỷ đồng".
    assert_eq!(period(figure(&a, "8.850,26 tỷ đồng", "")), Some("2023"));
    // "Đến nay, huyện Kỳ Anh đã có 20/20 xã đạt chuẩn NTM"
    assert_eq!(period(figure(&a, "20/20 xã", "")), Some("2024-01"));
    // "Một số mục tiêu cụ thể năm 2024 ... Thu ngân sách: 193,65 tỷ đồng"
    assert_eq!(period(figure(&a, "193,65 tỷ đồng", "")), Some("2024"));

    // "phấn đấu đạt được 20/20 tiêu chí để về đích NTM vào cuối năm 2020":
    // the phrase after the figure, in its sentence.
    assert_eq!(period(figure(&seed("004"), "20/20 tiêu chí", "")), Some("2020"));
    // Forms the seeds do not have.
    let a = import_text("Tin\n\nNgày 5/7/2024, huyện họp. 6 tháng đầu năm 2024, thu ngân sách đạt 95,5 tỷ đồng.");
    assert_eq!(period(figure(&a, "95,5 tỷ đồng", "")), Some("2024-H1"));
    let a = import_text("Tin\n\nNgày 5/10/2023, huyện họp. Trong quý III/2023, có thêm 2 xã và 3 sản phẩm mới.");
    assert_eq!(period(figure(&a, "3 sản phẩm", "")), Some("2023-Q3"));
}

#[test]
fn plan_words_make_targets() {
    let a = seed("003");
    // "Một số mục tiêu cụ thể năm 2024 của huyện Kỳ Anh - Tổng giá trị sản phẩm ...
    // dự kiến đạt 10.230,09 tỷ đồng; - ...; - Thu ngân sách: 193,65 tỷ đồng; ..."
    for text in ["10.230,09 tỷ đồng", "55.853 tấn", "193,65 tỷ đồng", "98,5%"] {
        assert_eq!(figure(&a, text, "").role, Role::Target("mục tiêu"), "{text}");
    }
    // "có 20/21 chỉ tiêu đạt và vượt kế hoạch": results, not plans.
    assert_eq!(figure(&a, "20/21 chỉ tiêu", "").role, Role::Value);
    assert_eq!(figure(&a, "8.850,26 tỷ đồng", "").role, Role::Value);
    let a = seed("004");
    // "để phấn đấu đạt được 20/20 tiêu chí để về đích NTM vào cuối năm 2020.
    // Hiện tại, xã Kỳ Thượng đạt 12/20 tiêu chí"
    assert_eq!(figure(&a, "20/20 tiêu chí", "").role, Role::Target("phấn đấu"));
    assert_eq!(figure(&a, "12/20 tiêu chí", "").role, Role::Value);
    let y = figures_yaml(&a, &[]);
    assert!(y.contains("#   - { period: 2020, target: 20, total: 20 }   # \"20/20 tiêu chí\""), "{y}");
    // "Đức Giang và Đức Liên ước đạt 65-70%KH cả năm, đến nay cơ bản đạt 11/20
    // tiêu chí": the plan word belongs to a share, so 11/20 is a result.
    let a = seed("001");
    assert_eq!(figure(&a, "11/20 tiêu chí", "đến nay").role, Role::Value);
    // "Năm 2022 đăng ký 5 thôn, 2 TDP đạt chuẩn"
    assert_eq!(figure(&a, "5 thôn", "").role, Role::Target("đăng ký"));
    // "dự báo khả năng thực hiện các chỉ tiêu chủ yếu; trong đó có 16 chỉ tiêu
    // dự báo vượt kế hoạch": the plan word's clause ends at the `;`.
    assert_eq!(figure(&seed("002"), "16 chỉ tiêu", "").role, Role::Value);
}

#[test]
fn shares_of_the_plan_are_never_values() {
    let a = seed("003");
    // "tổng giá trị sản phẩm đạt 8.850,26 tỷ đồng, đạt 107,79% kế hoạch"
    let f = figure(&a, "8.850,26 tỷ đồng", "");
    let share = f.share.as_ref().expect("the share of the plan");
    assert_eq!((share.text.as_str(), share.percent), ("đạt 107,79% kế hoạch", 107.79));
    assert_eq!(proposals::computed_target(f, share), "8210.65");
    assert_eq!(figure(&a, "107,79% kế hoạch", "").role, Role::PlanShare { paired: true });
    // "Toàn huyện kết nạp 171 quần chúng ưu tú vào Đảng (đạt 114% kế hoạch)":
    // no amount to belong to, so a note.
    let f = figure(&a, "114% kế hoạch", "");
    assert_eq!((f.role, f.note.as_str()), (Role::PlanShare { paired: false }, "đạt 114% kế hoạch"));
    let y = figures_yaml(&a, &[]);
    assert!(y.contains("#   note: \"đạt 114% kế hoạch\"   # …chúng ưu tú vào Đảng: a share of the plan"), "{y}");
    // "tăng 14,62% so với năm 2022" is a change: a note too.
    assert!(y.contains("#   note: \"tăng 14,62% so với năm 2022\""), "{y}");
    // "10/16 xã đạt chuẩn nông thôn mới, bằng 62,5% kế hoạch": a count's plan.
    let y = figures_yaml(&seed("002"), &[]);
    assert!(y.contains("{ period: 2023-06, value: 10/16, target: 16 }"), "{y}");
    // In all five seeds, no share of the plan and no change is a value or a target.
    for a in all_seeds() {
        let y = figures_yaml(&a, &[]);
        for f in a.figures.iter().filter(|f| f.unit == "% kế hoạch" || f.role == Role::Change) {
            assert!(matches!(f.role, Role::PlanShare { .. } | Role::Change), "{f:#?}");
            let quoted = format!("# \"{}\"", f.text);
            assert!(!y.lines().any(|l| l.contains("- { period") && l.contains(&quoted)), "{quoted} in\n{y}");
        }
    }
}

#[test]
fn numbers_are_kept_as_written() {
    // `8.850,26` is 8850.26 and `02` is 2 (a YAML number, not an octal one).
    let written = |s: &str| {
        let plain = s.replace('.', "").replace(',', ".");
        let trimmed = plain.trim_start_matches('0');
        if trimmed.is_empty() || trimmed.starts_with('.') {
            format!("0{trimmed}")
        } else {
            trimmed.to_string()
        }
    };
    for a in all_seeds() {
        let y = figures_yaml(&a, &[]);
        for f in a.figures.iter().filter(|f| matches!(f.role, Role::Value | Role::Target(_))) {
            let chars: Vec<char> = f.text.chars().collect();
            let Some(i) = chars.iter().position(char::is_ascii_digit) else { continue };
            let number = written(&text(&chars, i, scan_number(&chars, i)));
            let expected = match f.total {
                Some(_) => format!("{number}/{}", f.text[f.text.find('/').unwrap() + 1..].split(' ').next().unwrap()),
                None => number,
            };
            let line = y.lines().find(|l| l.contains(&format!("# \"{}\"", f.text))).expect("its line");
            let shown = if f.total.is_some() && matches!(f.role, Role::Target(_)) {
                expected.replace('/', ", total: ")
            } else {
                expected
            };
            assert!(line.contains(&format!(": {shown}")), "{} → {line}", f.text);
        }
    }
}

#[test]
fn indicators_suggested_by_unit_and_name() {
    let known = site_indicators();
    let a = seed("003");
    assert_eq!(suggested(figure(&a, "8.850,26 tỷ đồng", ""), &known), Some("gross-output"));
    assert_eq!(suggested(figure(&a, "10.230,09 tỷ đồng", ""), &known), Some("gross-output"));
    assert_eq!(suggested(figure(&a, "49,09 triệu đồng/người/năm", ""), &known), Some("income-per-capita"));
    assert_eq!(suggested(figure(&a, "20/20 xã", ""), &known), Some("ntm-communes"));
    // "nâng tổng số xã NTM nâng cao lên 5 xã"
    assert_eq!(suggested(figure(&a, "5 xã", ""), &known), Some("advanced-ntm-communes"));
    assert_eq!(suggested(figure(&a, "118/153 thôn", ""), &known), Some("model-hamlets"));
    assert_eq!(suggested(figure(&a, "9/9 tiêu chí", ""), &known), Some("district-ntm-criteria"));
    // "Tỷ lệ chất thải rắn sinh hoạt được phân loại, thu gom và xử lý ... trên 95%"
    assert_eq!(suggested(figure(&a, "95%", ""), &known), Some("waste-collection"));
    // "110/154 thôn đạt KDC kiểu mẫu": KDC is khu dân cư.
    assert_eq!(suggested(figure(&seed("000"), "110/154 thôn", ""), &known), Some("model-hamlets"));
    assert_eq!(suggested(figure(&seed("002"), "đứng thứ 7/27 huyện", "Cải cách"), &known), Some("par-rank"));
    // Same unit but another thing: no guess.
    for (n, text) in [("000", "29,506 tỷ đồng"), ("003", "193,65 tỷ đồng"), ("003", "4 sản phẩm")] {
        assert_eq!(suggested(figure(&seed(n), text, ""), &known), None, "{text}");
    }
    // "huy động trên 166 tỷ đồng xây dựng nông thôn mới": the capital mobilised.
    assert_eq!(suggested(figure(&seed("000"), "166 tỷ đồng", ""), &known), Some("ntm-capital"));
    assert_eq!(suggested(figure(&a, "8.850,26 tỷ đồng", ""), &[]), None);
    let y = figures_yaml(&a, &known);
    assert!(y.contains("#       indicator: gross-output? (4 of the 4 words of its name) · period:"), "{y}");
}

#[test]
fn equal_fits_give_no_guess() {
    let known = |id: &str| KnownIndicator {
        id: id.to_string(),
        name: "Xã đạt chuẩn nông thôn mới".to_string(),
        kind: "count".to_string(),
        unit: "xã".to_string(),
    };
    let a = import_text("Tin\n\nĐến nay có 20/20 xã đạt chuẩn nông thôn mới.");
    assert_eq!(suggested(&a.figures[0], &[known("a")]), Some("a"));
    assert_eq!(suggested(&a.figures[0], &[known("a"), known("b")]), None);
    let old_style = KnownIndicator { name: "Xã đạt chuẩn văn hoá".to_string(), ..known("c") };
    let a = import_text("Tin\n\nĐến nay có 12 xã đạt chuẩn văn hóa.");
    assert_eq!(suggested(&a.figures[0], &[old_style]), Some("c"));
}

#[test]
fn indicators_yaml_read_loosely() {
    let k = known_indicators("- id: a\n  name: A\n  unit: xã\n- name: no id\n- id: b\n").expect("valid");
    assert_eq!(k.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), vec!["a", "b"]);
    assert!(known_indicators("not: [a list").is_err());
}

/// Words of the seeds' sentences, to build any text from.
const WORDS: &[&str] = &[
    "năm", "2023", "2022", "quý", "III", "I", "/", "tháng", "10", "6", "đầu", "cuối", "cả", "nay", "đến", "hiện", "so",
    "với", "từ", "kỳ", "cùng", "đạt", "vượt", "bằng", "tăng", "giảm", "thêm", "kế", "hoạch", "KH", "mục", "tiêu",
    "phấn", "đấu", "chỉ", "dự", "kiến", "đăng", "ký", "8.850,26", "107,79", "0", "%", "tỷ", "đồng", "xã", "thôn",
    "110/154", "7/27", "đứng", "thứ", "-", ";", ",", ".", ":", "(", ")", "…", "¾", "tổng", "kết", "NTM",
];

proptest::proptest! {
    /// Any text of those words imports without a panic, every line of the
    /// snippet is a comment, and no share of the plan is offered as a value.
    #[test]
    fn any_text_gives_commented_proposals(picks in proptest::collection::vec((0..WORDS.len(), 0..3usize), 0..80)) {
        let mut text = String::from("Tin\n\n");
        for (w, glue) in picks {
            text.push_str(WORDS[w]);
            text.push_str(["", " ", "\n"][glue]);
        }
        let a = import_text(&text);
        let y = figures_yaml(&a, &site_indicators());
        proptest::prop_assert!(y.lines().all(|l| l.starts_with('#')), "{}", y);
        for f in &a.figures {
            let share_of_plan = matches!(f.role, Role::PlanShare { .. });
            proptest::prop_assert!(f.unit != "% kế hoạch" || share_of_plan, "{:?}", f);
        }
    }
}
