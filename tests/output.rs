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
    let options = bantin::BuildOptions { root: fixture("minimal"), out: out.clone(), drafts: false };
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
    let good = bantin::BuildOptions { root: fixture("minimal"), out: out.clone(), drafts: false };
    bantin::build(&good).unwrap();
    let before = snapshot(&out);
    std::fs::rename(&out, dir.path().join(".public.bantin-old")).unwrap();
    let bad = bantin::BuildOptions { root: fixture("invalid/data_errors"), out: out.clone(), drafts: false };
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
