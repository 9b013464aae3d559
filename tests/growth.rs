//! Work grows in step with the input (issue 20, item 9): each input that
//! once took minutes is built at two sizes, four times apart, and the
//! time may grow at most eight times (in step it grows four times; the
//! square of it would be sixteen). Inputs with a documented limit are
//! refused at once instead. Ratios, not absolute times, so a slow machine
//! does not fail it; the best of three runs, so a busy one rarely does.

use std::path::Path;
use std::time::{Duration, Instant};

/// How much longer four times the input may take.
const MOST: f64 = 8.0;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A site of one district with one indicator, and whatever `district`
/// and `extra` add.
fn site(district: &str, extra: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "content/site.yaml",
        "title: Tăng trưởng\nbase_url: https://example.gov.vn/\nbulletin_period: month\n",
    );
    write(dir.path(), "content/indicators.yaml", "- { id: hamlets, name: Thôn đạt chuẩn, kind: count, unit: thôn }\n");
    write(dir.path(), "content/districts/ky-anh/district.yaml", &format!("name: Kỳ Anh\n{district}"));
    extra(dir.path());
    dir
}

const ONE_FIGURE: &str = "data:\n  hamlets:\n    - { period: 2023, value: 110/154 }\n";

/// The best of three runs of `run` on the site.
fn best(root: &Path, run: &dyn Fn(&Path)) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run(root);
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn check_only(root: &Path) {
    let _ = bantin::check(root, false);
}

fn build_into_temp(root: &Path) {
    let out = tempfile::tempdir().unwrap();
    let options = bantin::BuildOptions::new(root.to_path_buf(), out.path().join("public"));
    bantin::build(&options).expect("the site builds");
}

/// Times `make(n)` and `make(4n)` and checks the growth.
fn grows_in_step(what: &str, n: usize, make: &dyn Fn(usize) -> tempfile::TempDir, run: &dyn Fn(&Path)) -> String {
    let (small, large) = (make(n), make(4 * n));
    run(small.path());
    let (a, b) = (best(small.path(), run), best(large.path(), run));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-3);
    let line = format!("{what}: {n} in {a:.2?}, {} in {b:.2?}: ×{ratio:.1}", 4 * n);
    assert!(ratio <= MOST, "{line}, more than ×{MOST}");
    line
}

fn duplicate_csv_rows(n: usize) -> tempfile::TempDir {
    site(ONE_FIGURE, |root| {
        let rows = "hamlets,2023,110,154\n".repeat(n);
        write(root, "content/districts/ky-anh/data/hamlets.csv", &format!("indicator,period,value,total\n{rows}"));
    })
}

fn communes(n: usize) -> tempfile::TempDir {
    let mut text = format!("{ONE_FIGURE}communes:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - name: Xã {i}\n    data:\n      hamlets:\n        - {{ period: 2023, value: {}/154 }}\n",
            i % 100
        ));
    }
    site(&text, |_| {})
}

fn shortcodes(n: usize) -> tempfile::TempDir {
    site(ONE_FIGURE, |root| {
        let body = "{{ chart(indicator=\"hamlets\") }}\n\n".repeat(n);
        write(
            root,
            "content/districts/ky-anh/bai.md",
            &format!("---\ntitle: Nhiều biểu đồ\ndate: 2024-01-01\n---\n{body}"),
        );
    })
}

fn monthly_observations(n: usize) -> tempfile::TempDir {
    let mut text = String::from("data:\n  hamlets:\n");
    for i in 0..n {
        text.push_str(&format!("    - {{ period: {}-{:02}, value: {}/154 }}\n", 1901 + i / 12, i % 12 + 1, i % 150));
    }
    site(&text, |_| {})
}

#[test]
fn work_grows_in_step_with_the_input() {
    let lines = [
        grows_in_step("duplicate CSV rows (check)", 10_000, &duplicate_csv_rows, &check_only),
        grows_in_step("communes with data (check)", 2_500, &communes, &check_only),
        grows_in_step("chart shortcodes in one article (build)", 1_000, &shortcodes, &build_into_temp),
        grows_in_step("monthly observations (build)", 300, &monthly_observations, &build_into_temp),
    ];
    eprintln!("{}", lines.join("\n"));
}

/// Beyond a documented limit the input is refused, at its line, before
/// the costly work (the YAML scanner, the topic pages).
#[test]
fn inputs_beyond_their_limits_are_refused_at_once() {
    let topics: Vec<String> = (0..2_000).map(|i| format!("t{i}")).collect();
    let many_topics = site(ONE_FIGURE, |root| {
        let front = format!("---\ntitle: Nhiều chủ đề\ndate: 2024-01-01\ntopics: [{}]\n---\nx\n", topics.join(", "));
        write(root, "content/districts/ky-anh/bai.md", &front);
    });
    let deep = site(&format!("summary: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)), |_| {});
    for (dir, says) in [
        (&many_topics, "content/districts/ky-anh/bai.md:4:"),
        (&many_topics, "this article has 2000 topics, more than 20"),
        (&deep, "content/districts/ky-anh/district.yaml:2:"),
        (&deep, "nested more than 64 deep"),
    ] {
        let report = bantin::check(dir.path(), false).render(bantin::text::lang::Lang::En);
        assert!(report.contains(says), "{}", &report[..report.len().min(2000)]);
    }
}
