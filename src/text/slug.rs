//! Slugify: `Kỳ Anh` → `ky-anh`, `Đức Lĩnh` → `duc-linh`.
//!
//! Lowercase, Vietnamese letters to ASCII (`đ`→`d`, tone marks dropped), runs
//! of anything else to one `-`, trimmed. Other scripts go through `deunicode`.

/// Turns any text into a URL slug made of `[a-z0-9-]`.
pub fn slugify(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_dash = false;
    for ch in input.chars() {
        if ch.is_ascii_alphanumeric() {
            push_char(&mut out, &mut pending_dash, ch.to_ascii_lowercase());
            continue;
        }
        if ch.is_ascii() {
            pending_dash = true;
            continue;
        }
        let ascii = match ch {
            'đ' | 'Đ' => "d",
            _ => deunicode::deunicode_char(ch).unwrap_or("-"),
        };
        for a in ascii.chars() {
            if a.is_ascii_alphanumeric() {
                push_char(&mut out, &mut pending_dash, a.to_ascii_lowercase());
            } else {
                pending_dash = true;
            }
        }
    }
    out
}

fn push_char(out: &mut String, pending_dash: &mut bool, ch: char) {
    if *pending_dash && !out.is_empty() {
        out.push('-');
    }
    *pending_dash = false;
    out.push(ch);
}

/// True when `s` is already a valid slug (`[a-z0-9-]+`, no leading, trailing
/// or double dash).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names() {
        assert_eq!(slugify("Kỳ Anh"), "ky-anh");
        assert_eq!(slugify("Đức Lĩnh"), "duc-linh");
        assert_eq!(slugify("Vũ Quang"), "vu-quang");
        assert_eq!(slugify("Cẩm Thủy"), "cam-thuy");
        assert_eq!(slugify("ĐẠT CHUẨN nông thôn mới"), "dat-chuan-nong-thon-moi");
        assert_eq!(slugify("Ưu tiên ơn"), "uu-tien-on");
    }

    #[test]
    fn punctuation_runs_and_trim() {
        assert_eq!(slugify("  --Tổng kết: năm 2023!!  "), "tong-ket-nam-2023");
        assert_eq!(slugify("a / b"), "a-b");
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("---"), "");
    }

    #[test]
    fn decomposed_input_gives_same_slug() {
        // "Kỳ" written with a combining grave accent.
        assert_eq!(slugify("Ky\u{300} Anh"), "ky-anh");
    }

    #[test]
    fn is_slug_checks() {
        assert!(is_slug("ky-anh"));
        assert!(!is_slug("Ky-anh"));
        assert!(!is_slug("ky--anh"));
        assert!(!is_slug("-ky"));
        assert!(!is_slug(""));
    }
}
