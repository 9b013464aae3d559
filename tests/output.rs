//! The output folder is swapped in whole, by one build at a time, and is
//! never missing: not when two builds run at once (issue 20, item 2), not
//! when a build is killed during the swap (item 3).

mod common;
use bantin::text::lang::Lang;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn bantin_build(root: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bantin"));
    c.args(["build", "--root"]).arg(root).arg("--out").arg(out).args(["--lang", "en"]);
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

/// Every file of a folder with its bytes, by path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir).into_iter().map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap())).collect()
}

#[test]
fn a_second_build_into_the_same_output_is_refused_while_the_first_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let first = bantin::write::Staging::begin(&out).unwrap();
    let options = bantin::BuildOptions::new(fixture("minimal"), out.clone());
    let err = bantin::build(&options).unwrap_err().render(Lang::En);
    assert!(err.contains("another bantin build is writing"), "{err}");
    first.abort();
    bantin::build(&options).expect("the lock is released with the first build");
    assert!(out.join("index.html").is_file());
}

/// Builds started together: each succeeds or says another one is writing,
/// and what is published at the end is a whole build, byte for byte.
#[test]
fn builds_started_together_never_publish_a_mixed_or_partial_site() {
    let site = generated_site(120, 4);
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    assert!(bantin_build(site.path(), &reference).status().unwrap().success());
    let want = snapshot(&reference);
    let out = dir.path().join("public");
    for round in 0..3 {
        let children: Vec<_> = (0..3).map(|_| bantin_build(site.path(), &out).spawn().unwrap()).collect();
        let mut succeeded = 0;
        for child in children {
            let done = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&done.stderr);
            if done.status.success() {
                succeeded += 1;
            } else {
                assert!(err.contains("another bantin build is writing"), "round {round}: {err}");
            }
        }
        assert!(succeeded >= 1, "round {round}: one build at least gets through");
        assert!(snapshot(&out) == want, "round {round}: the published site is one whole build");
    }
}

#[test]
fn the_new_output_takes_the_old_ones_place_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let file = |text: &str| bantin::render::Output {
        path: "index.html".into(),
        data: bantin::render::OutputData::Bytes(text.as_bytes().to_vec()),
    };
    let first = bantin::write::output(&out, &[file("one")]).unwrap();
    assert_eq!(first, bantin::write::Swapped::Placed);
    let second = bantin::write::output(&out, &[file("two")]).unwrap();
    if cfg!(target_os = "linux") {
        assert_eq!(second, bantin::write::Swapped::Exchanged, "renameat2(RENAME_EXCHANGE) on this file system");
    }
    assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "two");
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "public" && n != ".public.bantin-lock")
        .collect();
    assert!(beside.is_empty(), "nothing left beside the output: {beside:?}");
}

/// A run killed between the two renames of the fallback swap leaves the
/// old output aside and none in place: the next run puts it back, even
/// when that run fails.
#[test]
fn a_swap_cut_short_is_mended_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let good = bantin::BuildOptions::new(fixture("minimal"), out.clone());
    bantin::build(&good).unwrap();
    let before = snapshot(&out);
    std::fs::rename(&out, dir.path().join(".public.bantin-old")).unwrap();
    let bad = bantin::BuildOptions::new(fixture("invalid/data_errors"), out.clone());
    assert!(bantin::build(&bad).is_err());
    assert!(snapshot(&out) == before, "the last good output is back");
    assert!(!dir.path().join(".public.bantin-old").exists());
}

/// `kill -9` at any moment of a build: the output is always there and
/// whole, the old one or the new one.
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_output() {
    let site = generated_site(200, 5);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    assert!(bantin_build(site.path(), &out).status().unwrap().success());
    let want = snapshot(&out);
    for round in 0..12u64 {
        let mut child = bantin_build(site.path(), &out).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(40 * round));
        let _ = child.kill();
        let _ = child.wait();
        assert!(snapshot(&out) == want, "after a kill at {} ms the output is whole", 40 * round);
    }
    assert!(bantin_build(site.path(), &out).status().unwrap().success());
    assert!(snapshot(&out) == want);
}

/// Builds `root` into `out` the way `bantin build` does (reusing) or into
/// an empty folder (`--no-cache`).
fn build_into(root: &Path, out: &Path, reuse: bool) -> bantin::BuildReport {
    let options = bantin::BuildOptions { reuse, ..bantin::BuildOptions::new(root.to_path_buf(), out.to_path_buf()) };
    bantin::build(&options).unwrap_or_else(|d| panic!("{}", d.render(Lang::En)))
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

/// Issue 19, item 3: after each of a series of edits, a build that starts
/// from the kept output publishes exactly what a build into an empty folder
/// does, and writes only what changed.
#[cfg(unix)]
#[test]
fn a_build_from_the_kept_output_equals_a_fresh_build_after_every_kind_of_edit() {
    let site = generated_site(40, 3);
    let root = site.path();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_into(root, &out, true);
    build_into(root, &out, true);
    assert!(dir.path().join(".public.bantin-reuse/.bantin").is_file(), "the replaced output is kept");
    let c = root.join("content");
    let district = c.join("districts/ky-anh-1");
    let article = std::fs::read_to_string(district.join("bai-3.md")).unwrap();
    let template = std::fs::read_to_string(repo_root().join("themes/default/templates/article.html")).unwrap();
    type Edit<'a> = Box<dyn Fn() + 'a>;
    let edits: Vec<(&str, Edit)> = vec![
        ("nothing", Box::new(|| {})),
        ("text", Box::new(|| std::fs::write(district.join("bai-3.md"), format!("{article}\nMột câu mới.\n")).unwrap())),
        (
            "front matter",
            Box::new(|| {
                let retitled = article.replacen("title: Bài 3", "title: Bài ba", 1);
                std::fs::write(district.join("bai-3.md"), retitled).unwrap()
            }),
        ),
        (
            "data",
            Box::new(|| {
                let yaml = std::fs::read_to_string(district.join("district.yaml")).unwrap();
                std::fs::write(district.join("district.yaml"), yaml.replace("100/150", "121/150")).unwrap()
            }),
        ),
        (
            "template",
            Box::new(|| {
                std::fs::create_dir_all(root.join("templates")).unwrap();
                let edited = template.replacen("</article>", "<p>Bản in thử</p></article>", 1);
                std::fs::write(root.join("templates/article.html"), edited).unwrap()
            }),
        ),
        (
            "site title",
            Box::new(|| {
                let yaml = std::fs::read_to_string(c.join("site.yaml")).unwrap();
                std::fs::write(c.join("site.yaml"), yaml.replace("title: Bản tin lớn", "title: Bản tin mới")).unwrap()
            }),
        ),
        ("deleted file", Box::new(|| std::fs::remove_file(district.join("bai-6.md")).unwrap())),
    ];
    for (what, edit) in edits {
        // The build starts from the kept output (the one before the last);
        // an unchanged page stays the kept file or becomes the published one.
        let page = "districts/vu-quang-1/index.html";
        let before = [inode(&dir.path().join(".public.bantin-reuse").join(page)), inode(&out.join(page))];
        edit();
        let report = build_into(root, &out, true);
        let fresh = dir.path().join(format!("fresh-{}", what.replace(' ', "-")));
        build_into(root, &fresh, false);
        assert!(snapshot(&out) == snapshot(&fresh), "after an edit of {what} the output is a fresh build's");
        let (unchanged, files) = (report.unchanged, report.files);
        match what {
            "nothing" => assert_eq!(unchanged, files, "nothing changed, nothing written"),
            _ => assert!(unchanged > 0 && unchanged < files, "{what}: {unchanged} unchanged of {files}"),
        }
        if what != "template" && what != "site title" {
            let after = inode(&out.join(page));
            assert!(before.contains(&after), "{what}: an unchanged page is not written ({after} not in {before:?})");
        }
    }
    assert!(!out.join("districts/ky-anh-1/bai-6/index.html").exists());
}

/// Whatever the kept output holds (a file edited by hand, a stray file, a
/// folder where a page goes, a link out of it), the build publishes a fresh
/// build's bytes and touches nothing outside.
#[cfg(unix)]
#[test]
fn a_kept_output_tampered_with_is_brought_back_to_a_fresh_build() {
    let site = generated_site(20, 2);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let fresh = dir.path().join("fresh");
    build_into(site.path(), &fresh, false);
    build_into(site.path(), &out, true);
    build_into(site.path(), &out, true);
    let kept = dir.path().join(".public.bantin-reuse");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("index.html"), "not bantin's").unwrap();
    let page = kept.join("index.html");
    let len = std::fs::metadata(&page).unwrap().len() as usize;
    std::fs::write(&page, "x".repeat(len)).unwrap();
    std::fs::write(kept.join("stray.html"), "stray").unwrap();
    std::fs::remove_file(kept.join("districts/index.html")).unwrap();
    std::fs::create_dir_all(kept.join("districts/index.html/inside")).unwrap();
    std::fs::remove_dir_all(kept.join("search")).unwrap();
    std::os::unix::fs::symlink(outside.path(), kept.join("search")).unwrap();
    build_into(site.path(), &out, true);
    assert!(snapshot(&out) == snapshot(&fresh));
    assert!(!std::fs::symlink_metadata(out.join("search")).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(outside.path().join("index.html")).unwrap(), "not bantin's");
    assert_eq!(files_under(outside.path()), ["index.html"]);
}

/// A page or card made from the same inputs as in the previous build is that
/// build's file, linked, not made again (`src/write/record.rs`); one that
/// was written since, even by hand with its time set back, is made again.
#[cfg(unix)]
#[test]
fn a_file_made_from_the_same_inputs_is_the_previous_builds_and_one_edited_since_is_made_again() {
    let site = generated_site(20, 2);
    let dir = tempfile::tempdir().unwrap();
    let (out, fresh) = (dir.path().join("public"), dir.path().join("fresh"));
    build_into(site.path(), &fresh, false);
    build_into(site.path(), &out, true);
    assert!(dir.path().join(".public.bantin-record").is_file(), "what the output was made from is recorded");
    let (page, card) = (out.join("districts/vu-quang-1/bai-3/index.html"), out.join("card.png"));
    // The trees alternate: a file kept from the tree before would have that
    // tree's inode. The same inode is the previous output's own file. (A
    // file written in the clock's last tick before the record is not
    // recorded, so it may take one build more.)
    let taken = (0..3).any(|_| {
        let before = (inode(&page), inode(&card));
        build_into(site.path(), &out, true);
        (inode(&page), inode(&card)) == before
    });
    assert!(taken, "the previous build's files are taken");
    assert!(snapshot(&out) == snapshot(&fresh));
    // Edited by hand, in place, same length, its time set back.
    let when = std::fs::metadata(&page).unwrap().modified().unwrap();
    let len = std::fs::metadata(&page).unwrap().len() as usize;
    std::fs::write(&page, "x".repeat(len)).unwrap();
    std::fs::File::options().write(true).open(&page).unwrap().set_modified(when).unwrap();
    build_into(site.path(), &out, true);
    assert!(snapshot(&out) == snapshot(&fresh), "the edited page is made again");
    build_into(site.path(), &out, false);
    assert!(!dir.path().join(".public.bantin-record").exists(), "--no-cache forgets the record");
}

/// `--no-cache` writes into an empty folder and deletes the kept output.
#[test]
fn a_build_without_the_cache_keeps_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_into(&fixture("minimal"), &out, true);
    let again = build_into(&fixture("minimal"), &out, true);
    assert!(dir.path().join(".public.bantin-reuse").is_dir());
    // Nothing was kept to start from: only pages and cards can be taken
    // from the first build (the feeds, the sitemap, the marker are written).
    assert!(again.unchanged < again.files, "{} of {}", again.unchanged, again.files);
    let third = build_into(&fixture("minimal"), &out, true);
    assert_eq!(third.unchanged, third.files, "nothing changed, nothing written");
    let fresh = build_into(&fixture("minimal"), &out, false);
    assert_eq!(fresh.unchanged, 0);
    assert!(!dir.path().join(".public.bantin-reuse").exists());
}

/// Builds `root` into `out` (into an empty folder), setting the articles'
/// texts aside above `spool_above` articles.
fn build_spooling(root: &Path, out: &Path, spool_above: usize) -> Result<bantin::BuildReport, String> {
    let options = bantin::BuildOptions {
        reuse: false,
        spool_above,
        ..bantin::BuildOptions::new(root.to_path_buf(), out.to_path_buf())
    };
    bantin::build(&options).map_err(|d| d.report(Lang::En))
}

/// What is in `dir` (not below it), by name, but for what bantin keeps
/// beside an output (`.<output>.bantin-*`: its lock).
fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !(n.starts_with('.') && n.contains(".bantin-")))
        .collect();
    v.sort();
    v
}

/// Issue 19, item 5: the texts of a large site's articles are set aside in
/// a temporary file beside the output from reading to rendering. What is
/// published and what is warned about are what a build holding them in
/// memory gives, byte for byte, and nothing is left beside the output.
#[test]
fn texts_set_aside_publish_and_warn_exactly_as_texts_held() {
    // Shortcodes, figures checked against the data (warnings with their
    // lines), articles' moments, flows, units and mergers, many articles.
    for name in ["claims", "check_warnings", "moment", "flows", "units", "many_articles"] {
        let (held, spooled) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (held_out, spooled_out) = (held.path().join("public"), spooled.path().join("public"));
        let a = build_spooling(&fixture(name), &held_out, usize::MAX).unwrap();
        let b = build_spooling(&fixture(name), &spooled_out, 0).unwrap();
        assert_eq!(a.texts_set_aside, 0, "{name}: held in memory");
        assert!(b.texts_set_aside > 0, "{name}: set aside");
        assert!(snapshot(&held_out) == snapshot(&spooled_out), "{name}: the same files, byte for byte");
        assert_eq!(a.warnings.report(Lang::En), b.warnings.report(Lang::En), "{name}");
        assert_eq!(names_in(spooled.path()), ["public"], "{name}: the temporary file is gone");
    }
    let warned = build_spooling(&fixture("claims"), &tempfile::tempdir().unwrap().path().join("p"), 0).unwrap();
    assert!(warned.warnings.report(Lang::En).contains(" | "), "a warning shows its line, read back");
}

/// A site refused with its texts set aside gets the report a site with its
/// texts held gets: every problem, each with the line it points at.
#[test]
fn texts_set_aside_are_refused_with_the_same_report_and_lines() {
    for name in ["invalid/articles", "invalid/misleading", "invalid/unknown_references"] {
        let dir = tempfile::tempdir().unwrap();
        let held = build_spooling(&fixture(name), &dir.path().join("a"), usize::MAX).unwrap_err();
        let spooled = build_spooling(&fixture(name), &dir.path().join("b"), 0).unwrap_err();
        assert_eq!(held, spooled, "{name}");
        assert!(spooled.contains(" | "), "{name}: the lines are shown:\n{spooled}");
        assert!(names_in(dir.path()).is_empty(), "{name}: nothing written, the temporary file gone");
    }
}

/// `check` sets a large site's texts aside as `build` does: the same
/// warnings and errors, with their lines, and nothing left behind.
#[test]
fn check_with_texts_set_aside_reports_what_check_with_texts_held_does() {
    for name in ["claims", "check_warnings", "invalid/articles"] {
        let spool = tempfile::tempdir().unwrap();
        let aside = bantin::load::Keep::SpoolAbove { above: 0, dir: spool.path().to_path_buf() };
        let (held, held_site) = bantin::check_site_keeping(&fixture(name), false, &bantin::load::Keep::Held);
        let (set_aside, site) = bantin::check_site_keeping(&fixture(name), false, &aside);
        assert_eq!(held.report(Lang::En), set_aside.report(Lang::En), "{name}");
        assert!(set_aside.report(Lang::En).contains(" | "), "{name}: lines shown");
        assert_eq!(held_site.is_some(), site.is_some(), "{name}");
        assert!(names_in(spool.path()).is_empty(), "{name}: nothing left in the temporary folder");
    }
    // The texts are set aside where asked: a folder that cannot be made is
    // an error naming it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file"), "x").unwrap();
    let blocked = bantin::load::Keep::SpoolAbove { above: 0, dir: dir.path().join("a-file/spool") };
    let (report, site) = bantin::check_site_keeping(&fixture("claims"), false, &blocked);
    let report = report.report(Lang::En);
    assert!(
        report.contains("a-file/spool: error: the site has 4 articles, more than bantin holds in memory"),
        "{report}"
    );
    assert!(site.is_none());
}
