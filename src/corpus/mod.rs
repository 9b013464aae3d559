//! A deterministic synthetic corpus for benchmarks: N articles (about 600
//! words of Vietnamese-like text with headings, a list, a table and links)
//! over D districts, each with 10 indicators over 8 periods and communes
//! with data, as a bantin site and the same articles as a Hugo site and a
//! Zola site with comparable templates (a page, a section list, a taxonomy,
//! a 404 page and the sitemap).
//!
//! Used by `examples/corpus.rs` (and `scripts/bench.sh`) and by a test.

pub mod photos;
use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "huyện",
    "xã",
    "thôn",
    "nông thôn mới",
    "đạt chuẩn",
    "kế hoạch",
    "tiêu chí",
    "hạ tầng",
    "giao thông",
    "thủy lợi",
    "nhân dân",
    "cán bộ",
    "đảng viên",
    "chỉ đạo",
    "triển khai",
    "kết quả",
    "tích cực",
    "sản xuất",
    "kinh doanh",
    "hợp tác xã",
    "sản phẩm",
    "OCOP",
    "thu nhập",
    "bình quân",
    "đầu người",
    "hộ nghèo",
    "giảm nghèo",
    "môi trường",
    "rác thải",
    "cây xanh",
    "văn hóa",
    "thể thao",
    "giáo dục",
    "y tế",
    "trường học",
    "nhà văn hóa",
    "đường điện",
    "chiếu sáng",
    "an ninh",
    "trật tự",
    "cải cách hành chính",
    "một cửa",
    "dịch vụ công",
    "trực tuyến",
    "chuyển đổi số",
    "vốn",
    "ngân sách",
    "xã hội hóa",
    "đóng góp",
    "hiến đất",
    "năm",
    "quý",
    "tháng",
    "tổng kết",
    "sơ kết",
    "hội nghị",
    "đánh giá",
    "nhiệm vụ",
    "giải pháp",
    "trọng tâm",
];
const DISTRICTS: &[&str] = &[
    "Kỳ Anh",
    "Vũ Quang",
    "Cẩm Thủy",
    "Đức Thọ",
    "Hương Sơn",
    "Thạch Hà",
    "Can Lộc",
    "Nghi Xuân",
    "Hương Khê",
    "Lộc Hà",
];
const TOPICS: &[&str] = &["nong-thon-moi", "cai-cach-hanh-chinh", "kinh-te", "xay-dung-dang", "ocop", "moi-truong"];

fn sentence(r: &mut Rng) -> String {
    let n = 8 + r.below(14);
    let mut s: Vec<&str> = (0..n).map(|_| r.pick(WORDS)).collect();
    let first = s[0].to_string();
    let mut cap = first.chars();
    let head: String = cap.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default() + cap.as_str();
    s[0] = "";
    format!("{head}{}.", s.join(" "))
}

fn paragraph(r: &mut Rng) -> String {
    (0..3 + r.below(3)).map(|_| sentence(r)).collect::<Vec<_>>().join(" ")
}

/// About 600 words: headings, a list, a table and links.
fn body(r: &mut Rng, sibling: &str) -> String {
    let mut b = String::new();
    for section in 0..3 {
        let _ = writeln!(b, "{}\n", paragraph(r));
        let _ = writeln!(b, "## {}\n", sentence(r).trim_end_matches('.'));
        let _ = writeln!(b, "{}\n", paragraph(r));
        if section == 1 {
            for _ in 0..4 {
                let _ = writeln!(b, "- {}", sentence(r));
            }
            let _ = writeln!(b, "\n| Chỉ tiêu | Kết quả | Kế hoạch |\n|---|---:|---:|");
            for _ in 0..4 {
                let _ = writeln!(b, "| {} | {} | {} |", r.pick(WORDS), r.below(200), r.below(200));
            }
            let _ = writeln!(b, "\nXem thêm [bài liên quan](../{sibling}/).\n");
        }
    }
    b
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

struct Article {
    district: usize,
    slug: String,
    title: String,
    date: String,
    topics: Vec<&'static str>,
    indicators: bool,
    body: String,
}

fn articles(r: &mut Rng, n: usize, districts: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let district = i % districts;
            let (y, m, d) = (2018 + (i / 7) % 8, 1 + r.below(12), 1 + r.below(28));
            let sibling = format!("bai-{}", if i >= districts { i - districts } else { i + districts });
            Article {
                district,
                slug: format!("bai-{i}"),
                title: format!("{} {i}", sentence(r).trim_end_matches('.')),
                date: format!("{y}-{m:02}-{d:02}"),
                topics: vec![TOPICS[i % TOPICS.len()], TOPICS[(i / 3) % TOPICS.len()]],
                indicators: i % 5 == 0,
                body: body(r, &sibling),
            }
        })
        .collect()
}

fn district_name(d: usize) -> String {
    format!("{} {}", DISTRICTS[d % DISTRICTS.len()], d / DISTRICTS.len() + 1)
}

/// Ten indicators of every kind; with `units`, those that add up say so.
fn indicators(units: bool) -> String {
    let mut ind = String::new();
    for i in 0..10 {
        let kind = ["count", "count", "count", "amount", "amount", "percent", "rank", "count", "amount", "percent"][i];
        let sums = if units && matches!(kind, "count" | "amount") { ", aggregate: sum" } else { "" };
        let _ = writeln!(
            ind,
            "- {{ id: ind-{i}, name: Chỉ tiêu {i}, kind: {kind}, unit: đơn vị, topic: {}{sums} }}",
            TOPICS[i % TOPICS.len()]
        );
    }
    ind
}

fn bantin_site(root: &Path, arts: &[Article], districts: usize, r: &mut Rng, units: bool) {
    let c = root.join("content");
    write(&c.join("site.yaml"), "title: Bản tin thử tải\nbase_url: https://example.gov.vn/bench/\nbulletin_period: year\ntopics:\n  nong-thon-moi: Nông thôn mới\n  cai-cach-hanh-chinh: Cải cách hành chính\n  kinh-te: Kinh tế\n  xay-dung-dang: Xây dựng Đảng\n  ocop: OCOP\n  moi-truong: Môi trường\n");
    write(&c.join("indicators.yaml"), &indicators(units));
    for d in 0..districts {
        let mut y = format!("name: {}\nprovince: Hà Tĩnh\nlevel: huyện\n", district_name(d));
        if units {
            // Every other district merges with the next into a new unit on 1/1/2025.
            let until = if d + 1 < districts || d % 2 == 1 { "until: 2024-12-31\n" } else { "" };
            let _ = write!(y, "code: \"{}\"\nparent: tinh\n{until}", 100 + d);
        }
        y.push_str("data:\n");
        for i in 0..10 {
            let _ = writeln!(y, "  ind-{i}:");
            for p in 0..8 {
                let total = 50 + (d % 7) * 10;
                let v = (p * total / 10 + r.below(3)).min(total);
                match i {
                    3 | 4 | 8 => {
                        let _ = writeln!(
                            y,
                            "    - {{ period: {}, value: {}.{}, target: {} }}",
                            2017 + p,
                            1000 + 150 * p + r.below(100),
                            r.below(99),
                            1100 + 150 * p
                        );
                    }
                    5 | 9 => {
                        let _ = writeln!(y, "    - {{ period: {}, value: {} }}", 2017 + p, 50 + 5 * p + r.below(4));
                    }
                    6 => {
                        let _ = writeln!(y, "    - {{ period: {}, value: {}, total: 27 }}", 2017 + p, 1 + r.below(27));
                    }
                    _ => {
                        let _ = writeln!(y, "    - {{ period: {}, value: {v}/{total} }}", 2017 + p);
                    }
                }
            }
        }
        y.push_str("communes:\n");
        for k in 0..6 {
            let _ = writeln!(y, "  - name: Xã {k}\n    data:\n      ind-0:\n        - {{ period: 2023, value: {}/20 }}\n        - {{ period: 2024, value: {}/20 }}", 10 + r.below(5), 14 + r.below(6));
        }
        write(&c.join(format!("districts/d{d}/district.yaml")), &y);
    }
    for a in arts {
        let ind = if a.indicators { "indicators: [ind-0, ind-3]\n" } else { "" };
        write(&c.join(format!("districts/d{}/{}.md", a.district, a.slug)), &markdown(a, ind));
    }
    if units {
        merged_units(&c, districts);
    }
}

/// For the corpus with units (FORMAT v2): a province over every district,
/// and for each pair of districts (the first dissolved at the end of 2024,
/// the second dissolved too) a new unit formed from both whole on
/// 1/1/2025, with data of its own for 2025: its earlier history is added up.
fn merged_units(c: &Path, districts: usize) {
    write(&c.join("units/tinh/unit.yaml"), "name: Tỉnh thử tải\nlevel: tỉnh\ncode: \"42\"\n");
    let mut r = Rng(0x0417_2025_0701_0001);
    for d in (0..districts.saturating_sub(1)).step_by(2) {
        let mut y = format!(
            "name: Hợp nhất {d}\nlevel: huyện\ncode: \"{}\"\nparent: tinh\nfrom: 2025-01-01\nformed_from:\n  - {{ unit: d{d} }}\n  - {{ unit: d{} }}\ndata:\n",
            5000 + d,
            d + 1
        );
        for i in [0, 1, 3, 5] {
            let value = if i == 3 { format!("{}.5", 2000 + r.below(300)) } else { format!("{}", 40 + r.below(40)) };
            let _ = writeln!(y, "  ind-{i}:\n    - {{ period: 2025, value: {value} }}");
        }
        write(&c.join(format!("units/m{d}/unit.yaml")), &y);
    }
}

/// An article as Markdown with front matter (the same for both tools), with
/// `extra` front-matter lines.
fn markdown(a: &Article, extra: &str) -> String {
    format!(
        "---\ntitle: \"{}\"\ndate: {}\nauthor: Ban biên tập\ntopics: [{}]\n{extra}---\n{}",
        a.title,
        a.date,
        a.topics.join(", "),
        a.body
    )
}

const HUGO_BASEOF: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }} · {{ .Site.Title }}</title><link rel=\"stylesheet\" href=\"{{ \"style.css\" | relURL }}\"></head><body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a><nav>{{ range .Site.Sections }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ end }}</nav></header><main>{{ block \"main\" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>\n";
const HUGO_SINGLE: &str = "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format \"02/01/2006\" }} · {{ .Params.author }}{{ range .Params.topics }} · <a href=\"{{ (printf \"topics/%s\" .) | relURL }}\">{{ . }}</a>{{ end }}</p>{{ .Content }}</article>{{ end }}\n";
const HUGO_LIST: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"02/01/2006\" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>{{ template \"_internal/pagination.html\" . }}{{ end }}\n";

fn hugo_site(root: &Path, arts: &[Article], districts: usize) {
    write(&root.join("hugo.toml"), "baseURL = 'https://example.gov.vn/bench/'\nlanguageCode = 'vi'\ntitle = 'Bản tin thử tải'\n[pagination]\n  pagerSize = 10\n[taxonomies]\n  topic = 'topics'\n");
    write(&root.join("layouts/_default/baseof.html"), HUGO_BASEOF);
    write(&root.join("layouts/_default/single.html"), HUGO_SINGLE);
    write(&root.join("layouts/_default/list.html"), HUGO_LIST);
    write(&root.join("layouts/_default/taxonomy.html"), HUGO_LIST);
    write(&root.join("layouts/_default/term.html"), HUGO_LIST);
    write(&root.join("static/style.css"), "body{font-family:sans-serif}\n");
    for d in 0..districts {
        write(&root.join(format!("content/d{d}/_index.md")), &format!("---\ntitle: \"{}\"\n---\n", district_name(d)));
    }
    for a in arts {
        write(&root.join(format!("content/d{}/{}.md", a.district, a.slug)), &markdown(a, ""));
    }
}

const ZOLA_CONFIG: &str = "base_url = \"https://example.gov.vn/bench/\"\ntitle = \"Bản tin thử tải\"\ndefault_language = \"vi\"\ncompile_sass = false\nbuild_search_index = false\ngenerate_feeds = false\ngenerate_sitemap = true\ntaxonomies = [{ name = \"topics\", feed = false }]\n";
const ZOLA_BASE: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{% block title %}{% endblock %} · {{ config.title }}</title><link rel=\"stylesheet\" href=\"{{ get_url(path='style.css') }}\"></head><body><header><a href=\"{{ config.base_url }}\">{{ config.title }}</a><nav>{% for d in config.extra.nav %}<a href=\"{{ get_url(path=d.path) }}\">{{ d.name }}</a> {% endfor %}</nav></header><main>{% block main %}{% endblock %}</main><footer>{{ config.title }}</footer></body></html>\n";
const ZOLA_PAGE: &str = "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock %}{% block main %}<article><h1>{{ page.title }}</h1><p>{{ page.date | date(format='%d/%m/%Y') }} · {{ page.extra.author }}{% for t in page.taxonomies.topics %} · <a href=\"{{ get_taxonomy_url(kind='topics', name=t) }}\">{{ t }}</a>{% endfor %}</p>{{ page.content | safe }}</article>{% endblock %}\n";
/// A list of articles, for a section's pager (`PAGES` = `paginator.pages`)
/// or a topic (`term.pages`), under the heading `TITLE`.
const ZOLA_LIST: &str = "{% extends \"base.html\" %}{% block title %}{{ TITLE }}{% endblock %}{% block main %}<h1>{{ TITLE }}</h1><ul>{% for p in PAGES %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a> {{ p.date | date(format='%d/%m/%Y') }}<p>{{ p.summary | safe }}</p></li>{% endfor %}</ul>PAGER{% endblock %}\n";
const ZOLA_PAGER: &str = "<nav>{% if paginator.previous %}<a href=\"{{ paginator.previous }}\">‹</a>{% endif %} {{ paginator.current_index }}/{{ paginator.number_pagers }} {% if paginator.next %}<a href=\"{{ paginator.next }}\">›</a>{% endif %}</nav>";
const ZOLA_INDEX: &str = "{% extends \"base.html\" %}{% block title %}{{ section.title }}{% endblock %}{% block main %}<h1>{{ config.title }}</h1><ul>{% for s in section.subsections %}{% set sec = get_section(path=s, metadata_only=true) %}<li><a href=\"{{ sec.permalink }}\">{{ sec.title }}</a></li>{% endfor %}</ul>{% endblock %}\n";
const ZOLA_TERMS: &str = "{% extends \"base.html\" %}{% block title %}{{ taxonomy.name }}{% endblock %}{% block main %}<h1>{{ taxonomy.name }}</h1><ul>{% for t in terms %}<li><a href=\"{{ t.permalink }}\">{{ t.name }}</a> ({{ t.pages | length }})</li>{% endfor %}</ul>{% endblock %}\n";
const ZOLA_404: &str = "{% extends \"base.html\" %}{% block title %}404{% endblock %}{% block main %}<h1>Không tìm thấy trang</h1>{% endblock %}\n";

/// The same articles as a Zola site (Zola 0.22): the same URLs as the Hugo
/// site, a page, a section list paginated by 10, a taxonomy, a 404 page and the sitemap, no feeds. An article's summary is its first
/// paragraph, as in bantin's lists (Zola's `<!-- more -->`).
fn zola_site(root: &Path, arts: &[Article], districts: usize) {
    // The districts for the menu, as the other tools have them at hand
    // (asking `get_section` for each on every page made Zola quadratic).
    let mut config = ZOLA_CONFIG.to_string();
    config.push_str("[extra]\nnav = [\n");
    for d in 0..districts {
        let _ = writeln!(config, "  {{ name = \"{}\", path = \"@/d{d}/_index.md\" }},", district_name(d));
    }
    config.push_str("]\n");
    write(&root.join("config.toml"), &config);
    write(&root.join("templates/base.html"), ZOLA_BASE);
    write(&root.join("templates/page.html"), ZOLA_PAGE);
    let list = |title: &str, pages: &str, pager: &str| {
        ZOLA_LIST.replace("TITLE", title).replace("PAGES", pages).replace("PAGER", pager)
    };
    write(&root.join("templates/section.html"), &list("section.title", "paginator.pages", ZOLA_PAGER));
    write(&root.join("templates/index.html"), ZOLA_INDEX);
    write(&root.join("templates/topics/list.html"), ZOLA_TERMS);
    // A topic's page lists all its articles: Zola 0.22 paginating a taxonomy
    // of 10,000 articles took 80 s instead of 6 (every pager is given all
    // of the term's pages), which no Zola site would live with.
    write(&root.join("templates/topics/single.html"), &list("term.name", "term.pages", ""));
    write(&root.join("templates/404.html"), ZOLA_404);
    write(&root.join("static/style.css"), "body{font-family:sans-serif}\n");
    write(&root.join("content/_index.md"), "+++\ntitle = \"Bản tin thử tải\"\n+++\n");
    for d in 0..districts {
        let index = format!("+++\ntitle = \"{}\"\nsort_by = \"date\"\npaginate_by = 10\n+++\n", district_name(d));
        write(&root.join(format!("content/d{d}/_index.md")), &index);
    }
    for a in arts {
        let (first, rest) = a.body.split_once("\n\n").unwrap_or((&a.body, ""));
        let text = format!(
            "---\ntitle: \"{}\"\ndate: {}\ntaxonomies:\n  topics: [{}]\nextra:\n  author: Ban biên tập\n---\n{first}\n\n<!-- more -->\n\n{rest}",
            a.title,
            a.date,
            a.topics.join(", "),
        );
        write(&root.join(format!("content/d{}/{}.md", a.district, a.slug)), &text);
    }
}

/// Writes `<out>/bantin/`, `<out>/hugo/` and `<out>/zola/` (replacing `out`); with
/// `units`, also `<out>/bantin-units/`: the same site as a version 2 one,
/// its districts under a province and merged in pairs into new units.
pub fn generate(out: &Path, n: usize, districts: usize, units: bool) -> std::io::Result<()> {
    generate_sites(out, n, districts, units, true)
}

/// [`generate`], with the Hugo and Zola sites only when `peers` (a corpus
/// for bantin alone, at sizes no peer is run on).
pub fn generate_sites(out: &Path, n: usize, districts: usize, units: bool, peers: bool) -> std::io::Result<()> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    let mut r = Rng(0x5eed_ba17_1234_5678);
    let arts = articles(&mut r, n, districts);
    let data_seed = r.0;
    bantin_site(&out.join("bantin"), &arts, districts, &mut r, false);
    if peers {
        hugo_site(&out.join("hugo"), &arts, districts);
        zola_site(&out.join("zola"), &arts, districts);
    }
    if units {
        bantin_site(&out.join("bantin-units"), &arts, districts, &mut Rng(data_seed), true);
    }
    Ok(())
}
