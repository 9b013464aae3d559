//! Replays every input kept under `tests/fuzz_regressions/<target>/`
//! (the seed corpus and anything `scripts/fuzz.sh` ever found) through
//! the same entry points the fuzzers use: none may panic.

use std::path::Path;

/// A fuzz target's name and its entry point.
type Target = (&'static str, fn(&[u8]));

#[test]
fn every_kept_fuzz_input_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let targets: [Target; 8] = [
        ("frontmatter", bantin::fuzzing::frontmatter),
        ("period", bantin::fuzzing::period),
        ("observation", bantin::fuzzing::observation),
        ("shortcode", bantin::fuzzing::shortcode),
        ("slugify", bantin::fuzzing::slugify),
        ("district_yaml", bantin::fuzzing::district_yaml),
        ("figures", bantin::fuzzing::figures),
        ("workbook", bantin::fuzzing::workbook),
    ];
    let mut count = 0;
    for (name, run) in targets {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .collect();
        files.sort_by_key(|e| e.file_name());
        for f in files {
            run(&std::fs::read(f.path()).unwrap());
            count += 1;
        }
    }
    assert!(count >= 12, "only {count} inputs");
}
