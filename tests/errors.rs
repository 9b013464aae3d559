//! Bad input: every problem reported at once, with file, line and column,
//! the text pinned by snapshots, and no output written.

mod common;
use common::*;

fn errors_of(case: &str) -> String {
    build_errors(&fixture(&format!("invalid/{case}")))
}

#[test]
fn data_errors_are_all_reported_with_their_lines() {
    insta::assert_snapshot!("data_errors", errors_of("data_errors"));
}

#[test]
fn yaml_syntax_error_names_line_and_column() {
    insta::assert_snapshot!("bad_yaml", errors_of("bad_yaml"));
}

#[test]
fn an_observation_given_twice_names_both_places() {
    insta::assert_snapshot!("duplicate_observation", errors_of("duplicate_observation"));
}

#[test]
fn article_problems() {
    insta::assert_snapshot!("articles", errors_of("articles"));
}

#[test]
fn site_and_indicator_settings() {
    insta::assert_snapshot!("missing_site_fields", errors_of("missing_site_fields"));
}

#[test]
fn template_syntax_error_names_the_template() {
    insta::assert_snapshot!("template_error", errors_of("template_error"));
}

#[test]
fn undefined_template_variable_is_an_error() {
    let text = errors_of("undefined_variable");
    assert!(text.starts_with("templates/districts.html: error: while rendering districts/index.html"), "{text}");
}

#[test]
fn a_failed_build_leaves_the_last_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let good = bantin::BuildOptions { root: fixture("minimal"), out: out.clone(), drafts: false };
    bantin::build(&good).unwrap();
    let before = std::fs::read(out.join("index.html")).unwrap();
    let bad = bantin::BuildOptions { root: fixture("invalid/data_errors"), out: out.clone(), drafts: false };
    assert!(bantin::build(&bad).is_err());
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), before);
    assert!(!dir.path().join(".public.bantin-new").exists());
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mine");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("thesis.docx"), "precious").unwrap();
    let options = bantin::BuildOptions { root: fixture("minimal"), out: out.clone(), drafts: false };
    let err = bantin::build(&options).unwrap_err().to_string();
    assert!(err.contains("bantin did not write it"), "{err}");
    // Hidden files count too: a folder holding only `.git` is not bantin's.
    let git_only = dir.path().join("repo");
    std::fs::create_dir_all(git_only.join(".git")).unwrap();
    let options = bantin::BuildOptions { root: fixture("minimal"), out: git_only.clone(), drafts: false };
    assert!(bantin::build(&options).is_err());
    assert!(git_only.join(".git").is_dir());
    assert_eq!(std::fs::read_to_string(out.join("thesis.docx")).unwrap(), "precious");
    let into_content =
        bantin::BuildOptions { root: fixture("minimal"), out: fixture("minimal").join("content/out"), drafts: false };
    assert!(bantin::build(&into_content).unwrap_err().to_string().contains("inside the site's `content/`"));
    let root_itself = bantin::BuildOptions { root: fixture("minimal"), out: fixture("minimal"), drafts: false };
    assert!(bantin::build(&root_itself).unwrap_err().to_string().contains("site root"));
}
