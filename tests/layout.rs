//! Layout in a real browser (headless Chromium): on a 390 px phone no page
//! is wider than the screen and no chart text is under 11 CSS px; on A4 a
//! district's quarterly bulletin prints on one or two pages with chart text
//! of at least 7 pt; `404.html` is styled wherever it is served.

mod common;
use common::tools::{chromium, chromium_dump_at, chromium_pdf, pdftotext};
use common::*;
use std::path::Path;

/// Measures the page in the browser: the window's width, the document's
/// scroll width, the smallest rendered chart text (font size × the
/// scale of its SVG on screen) and the texts under `min` CSS px. With
/// `#print` in the URL, the stylesheet's `@media print` rules are applied
/// on screen first (a 710 px window is the width of A4 inside its margins).
const PROBE: &str = r#"<script>
addEventListener('load', () => {
  if (location.hash === '#print') {
    for (const sheet of document.styleSheets) {
      for (const r of [...sheet.cssRules]) {
        if (r.media && r.media.mediaText === 'print') {
          sheet.insertRule(r.cssText.replace(/^@media print/, '@media all'), sheet.cssRules.length);
        }
      }
    }
  }
  const min = parseFloat(new URLSearchParams(location.search).get('min'));
  const header = document.querySelector('.site-header');
  const out = { width: innerWidth, scroll: document.documentElement.scrollWidth, texts: 0, smallest: 1e9, small: [],
                header: header ? getComputedStyle(header).backgroundColor : '' };
  for (const t of document.querySelectorAll('svg.chart text')) {
    if (t.getBoundingClientRect().width === 0) continue;
    const m = t.getScreenCTM();
    const px = parseFloat(t.getAttribute('font-size')) * Math.hypot(m.a, m.b);
    out.texts += 1;
    out.smallest = Math.min(out.smallest, px);
    if (px < min) out.small.push(t.textContent.trim() + ': ' + px.toFixed(2) + 'px');
  }
  const pre = document.createElement('pre');
  pre.id = 'layout-probe';
  pre.textContent = JSON.stringify(out);
  document.body.append(pre);
  if (parent !== window) parent.postMessage(pre.textContent, '*');
});
</script>"#;

#[derive(Debug, serde::Deserialize)]
struct Probe {
    width: f64,
    scroll: f64,
    texts: usize,
    smallest: f64,
    small: Vec<String>,
    /// The computed background colour of the site header.
    header: String,
}

/// Copies `page` of the built site with the probe added (next to it, so
/// its relative links still work) and measures it in a frame `width` px
/// wide (headless Chromium's window is at least 500 px wide).
fn probe(chrome: &Path, b: &Built, page: &str, width: u32, min: f64, print: bool) -> Probe {
    let html = b.read(page);
    let dir = b.out.join(page).parent().unwrap().to_path_buf();
    std::fs::write(dir.join("__probe.html"), html.replace("</body>", &format!("{PROBE}</body>"))).unwrap();
    let src = format!("__probe.html?min={min}{}", if print { "#print" } else { "" });
    let frame = format!(
        "<!DOCTYPE html><body style=\"margin:0\"><iframe src=\"{src}\" style=\"width:{width}px;height:900px;border:0\"></iframe>\
         <script>addEventListener('message', e => {{ const p = document.createElement('pre'); p.id = 'layout-probe'; \
         p.textContent = e.data; document.body.append(p); }});</script></body>"
    );
    std::fs::write(dir.join("__frame.html"), frame).unwrap();
    let url = format!("file://{}", dir.join("__frame.html").display());
    let dom = chromium_dump_at(&chrome.to_path_buf(), &url, (1000, 1000));
    let start = dom.find("<pre id=\"layout-probe\">").unwrap_or_else(|| panic!("{page}: no probe result:\n{dom}"));
    let json = &dom[start + "<pre id=\"layout-probe\">".len()..];
    let json = json[..json.find("</pre>").unwrap()].replace("&quot;", "\"").replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{page}: {e}: {json}"))
}

const PHONE_PAGES: [&str; 17] = [
    "index.html",
    "districts/index.html",
    "districts/ky-anh/index.html",
    "districts/ky-anh/tong-ket-nong-thon-moi-2022/index.html",
    "indicators/index.html",
    "indicators/model-hamlets/index.html",
    "indicators/gross-output/index.html",
    "bulletins/index.html",
    "bulletins/2023-Q4/index.html",
    "districts/ky-anh/bulletins/2023-Q4/index.html",
    "search/index.html",
    "archive/index.html",
    "units/index.html",
    "units/mai-hoa/index.html",
    "districts/vu-quang/bulletins/2025-Q2/index.html",
    "data-status/index.html",
    "districts/ky-anh/tong-ket-xay-dung-dang-2023/index.html",
];

#[test]
fn on_a_390_px_phone_nothing_is_wider_than_the_screen_and_chart_text_is_11_px() {
    let Some(chrome) = chromium() else { return };
    let b = build(&repo_root(), false);
    let mut problems = Vec::new();
    let mut texts = 0;
    for page in PHONE_PAGES.iter().copied().chain(["404.html"]) {
        let p = probe(&chrome, &b, page, 390, 11.0, false);
        assert_eq!(p.width, 390.0, "{page}: the window is not 390 px wide");
        if p.scroll > 390.0 {
            problems.push(format!("{page}: the page is {} px wide", p.scroll));
        }
        problems.extend(p.small.iter().map(|s| format!("{page}: chart text {s}")));
        assert!(p.texts == 0 || p.smallest >= 11.0 || !p.small.is_empty(), "{page}: the probe missed a small text");
        texts += p.texts;
    }
    assert!(texts > 200, "only {texts} chart texts measured");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_districts_quarterly_bulletin_prints_on_two_a4_pages_at_most() {
    let (Some(chrome), Some(pdftotext)) = (chromium(), pdftotext()) else { return };
    let b = build(&repo_root(), false);
    let mut problems = Vec::new();
    for district in ["ky-anh", "vu-quang", "cam-thuy"] {
        // 2021-Q4 of Kỳ Anh has ten cards; 2022-Q2 of Kỳ Anh spills the least onto page 2.
        // 2025-Q2: the last bulletin of each (dissolved on 30/06/2025), with its banner.
        for quarter in ["2020-Q4", "2021-Q4", "2022-Q2", "2023-Q4", "2024-Q4", "2025-Q2"] {
            let page = format!("districts/{district}/bulletins/{quarter}/index.html");
            // Chart text on paper: 7 pt is 9.33 CSS px.
            let p = probe(&chrome, &b, &page, 710, 7.0 * 96.0 / 72.0, true);
            assert!(p.texts > 0 && p.smallest < 100.0, "{page}: no chart measured");
            problems.extend(p.small.iter().map(|s| format!("{page}: chart text under 7 pt: {s}")));
            let pdf = b.dir.path().join(format!("{district}-{quarter}.pdf"));
            chromium_pdf(&chrome, &format!("file://{}", b.out.join(&page).display()), &pdf);
            let text_of = |n: usize| {
                let out = std::process::Command::new(&pdftotext)
                    .args(["-f", &n.to_string(), "-l", &n.to_string()])
                    .arg(&pdf)
                    .arg("-")
                    .output()
                    .expect("pdftotext runs");
                String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).count()
            };
            let pages = (1..=9).take_while(|&n| text_of(n) > 0).count();
            if !(1..=2).contains(&pages) {
                problems.push(format!("{page}: {pages} pages"));
            }
            // No page mostly blank: a second page holds at least a fifth of the
            // first's text. A dissolved unit's banner (two small lines beside the
            // heading, dense with names) is left out of the count: the rule is
            // about paper left blank, not about characters.
            let html = b.read(&page);
            let banner = html
                .split_once("class=\"unit-banner\"")
                .and_then(|(_, rest)| rest.split_once("</div>"))
                .map(|(inner, _)| visible_chars(inner))
                .unwrap_or(0);
            let first = text_of(1).saturating_sub(banner);
            if pages == 2 && text_of(2) * 5 < first {
                problems.push(format!(
                    "{page}: the second page is nearly blank ({} of {} characters)",
                    text_of(2),
                    first
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn cards_do_not_split_across_printed_pages() {
    let css = std::fs::read_to_string(repo_root().join("themes/default/static/style.css")).unwrap();
    let print = &css[css.find("@media print").expect("print styles")..];
    let rule = print.lines().find(|l| l.contains("break-inside: avoid")).expect("a break-inside: avoid rule");
    assert!(rule.contains(".card-cell") && rule.contains(".card"), "{rule}");
}

#[test]
fn the_404_page_carries_its_styles_inline() {
    let b = build(&repo_root(), false);
    let html = b.read("404.html");
    assert!(!html.contains("rel=\"stylesheet\""), "a linked stylesheet breaks at other paths");
    let css = b.read(&b.stylesheet());
    assert!(html.contains(&format!("<style>{css}</style>")), "the theme's CSS is inline");
    let Some(chrome) = chromium() else { return };
    // Opened from disk at another path: the header has the theme's colour.
    std::fs::create_dir_all(b.out.join("no/such")).unwrap();
    std::fs::copy(b.out.join("404.html"), b.out.join("no/such/404.html")).unwrap();
    let p = probe(&chrome, &b, "no/such/404.html", 390, 11.0, false);
    assert_eq!(p.header, "rgb(17, 58, 99)", "the header is styled");
    assert!(p.scroll <= 390.0);
}

/// The characters a reader sees in an HTML fragment: tags and whitespace
/// left out, entities counted as one.
fn visible_chars(html: &str) -> usize {
    let mut n = 0;
    let mut in_tag = false;
    let mut in_entity = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '&' if !in_tag => in_entity = true,
            ';' if in_entity => {
                in_entity = false;
                n += 1;
            }
            c if !in_tag && !in_entity && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}
