//! What `serve` relies on to follow an edit quickly: `load::refresh` reads
//! only the files that changed (and says when it cannot), the validation
//! memo checks only the articles that changed, and a site brought up to
//! date this way renders to exactly the bytes of a site read from scratch.

mod common;
use bantin::diag::Diagnostics;
use bantin::load::{self, Refreshed};
use bantin::validate::{self, Memo};
use common::*;
use std::path::Path;

fn render(root: &Path, content: &load::Content, memo: &mut Memo) -> Vec<(String, Vec<u8>)> {
    let mut diags = Diagnostics::new();
    let site = validate::site_with_memo(content, Default::default(), memo, &mut diags).expect("the site checks");
    let theme = bantin::theme::resolve(root, &site.settings.theme, &content.templates, &mut diags);
    let files = bantin::render::site(&site, &theme).expect("the site renders");
    bantin::archive::contents(&files).expect("readable").into_iter().collect()
}

#[test]
fn an_edited_article_is_read_and_checked_alone_and_renders_as_from_scratch() {
    let site = generated_site(60, 3);
    let root = site.path();
    let mut diags = Diagnostics::new();
    let mut content = load::content(root, &mut diags);
    let mut memo = Memo::keeping();
    render(root, &content, &mut memo);
    assert_eq!(memo.checked, 60);
    render(root, &content, &mut memo);
    assert_eq!(memo.checked, 0, "nothing changed, nothing checked again");

    let d = &content.districts[1];
    let rel = d.articles[0].rel.clone();
    let text = std::fs::read_to_string(root.join(&rel)).unwrap();
    let edited = text.replacen("title: ", "title: Đã sửa ", 1).replace("date: 20", "date: 19");
    std::fs::write(root.join(&rel), edited).unwrap();
    let refreshed = load::refresh(root, &mut content, std::slice::from_ref(&rel), &mut diags);
    assert_eq!(refreshed, Some(Refreshed { reread: vec![rel.clone()], theme: false }));
    memo.forget(&rel);
    let incremental = render(root, &content, &mut memo);
    assert_eq!(memo.checked, 1);

    let fresh = load::content(root, &mut diags);
    let scratch = render(root, &fresh, &mut Memo::default());
    assert!(incremental == scratch, "the updated site differs from one read from scratch");
    assert!(diags.is_empty(), "{diags}");
}

#[test]
fn data_edits_check_every_article_again() {
    let site = generated_site(20, 2);
    let root = site.path();
    let mut diags = Diagnostics::new();
    let mut content = load::content(root, &mut diags);
    let mut memo = Memo::keeping();
    render(root, &content, &mut memo);
    let rel = content.districts[0].yaml.as_ref().unwrap().rel.clone();
    let text = std::fs::read_to_string(root.join(&rel)).unwrap();
    std::fs::write(root.join(&rel), format!("{text}\n# sửa\n")).unwrap();
    load::refresh(root, &mut content, std::slice::from_ref(&rel), &mut diags).expect("a known file");
    render(root, &content, &mut memo);
    assert_eq!(memo.checked, 20, "articles are checked against the districts");
}

#[test]
fn refresh_declines_what_it_cannot_patch_and_ignores_passing_files() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("data_kinds"), dir.path());
    let root = dir.path();
    let mut diags = Diagnostics::new();
    let mut content = load::content(root, &mut diags);
    let district = "content/districts/ky-anh";
    // A file that came and went (an editor's temporary file), a backup.
    let gone = vec![format!("{district}/.tong-ket.md.swp"), format!("{district}/4913"), format!("{district}/a.md~")];
    assert_eq!(load::refresh(root, &mut content, &gone, &mut diags), Some(Refreshed::default()));
    // A new article, a removed one: the set of files changed.
    std::fs::write(root.join(district).join("moi.md"), "---\ntitle: Mới\ndate: 2024-01-01\n---\n").unwrap();
    assert_eq!(load::refresh(root, &mut content, &[format!("{district}/moi.md")], &mut diags), None);
    let article = format!("{district}/2024-01-06-tong-ket-nam-2023.md");
    std::fs::remove_file(root.join(&article)).unwrap();
    assert_eq!(load::refresh(root, &mut content, std::slice::from_ref(&article), &mut diags), None);
    // A known asset needs no reading; a theme file asks for the theme again.
    let asset = format!("{district}/hoi-nghi.png");
    assert_eq!(load::refresh(root, &mut content, &[asset], &mut diags), Some(Refreshed::default()));
    let theme = vec!["themes/mine/templates/base.html".to_string()];
    assert_eq!(load::refresh(root, &mut content, &theme, &mut diags), Some(Refreshed { reread: vec![], theme: true }));
    // A file that is no longer UTF-8 is left for a full load to report.
    std::fs::write(root.join(district).join("district.yaml"), b"name: \xff\n").unwrap();
    assert_eq!(load::refresh(root, &mut content, &[format!("{district}/district.yaml")], &mut diags), None);
}
