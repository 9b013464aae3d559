//! The `bantin` binary: exit codes, and `check` writing nothing.

mod common;
use common::*;
use std::process::Command;

fn bantin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bantin")).args(args).output().unwrap()
}

#[test]
fn build_exits_0_and_writes_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a/b/site");
    let root = fixture("data_kinds");
    let o = bantin(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("index.html").is_file(), "parents of --out are created");
}

#[test]
fn build_and_check_exit_1_on_bad_input() {
    let root = fixture("invalid/data_errors");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let o = bantin(&["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("content/districts/ky-anh/district.yaml:4:"), "{stderr}");
    let o = bantin(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture("data_kinds"), &root);
    let before = files_under(&root);
    let o = bantin(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(files_under(&root), before);
}
