//! What a request asks for: the request target (`/a/b%20c/?x=1`) turned
//! into the path of a file of the built site (`a/b c/`), or refused, and
//! the content type a path is served as.
//!
//! Nothing here touches the disk: the path is looked up in the site held
//! in memory. Still, a path that could mean "go up" anywhere is refused
//! rather than cleaned: `..` and `.` segments (also percent-encoded),
//! backslashes, NUL bytes, `//` at the start, a malformed `%` escape, and
//! bytes that do not decode to UTF-8.

/// The site path a request target asks for (its query and fragment
/// dropped, percent escapes decoded, the leading `/` removed), or `None`
/// when it must be refused.
pub fn request_path(target: &str) -> Option<String> {
    let raw = target.split(['?', '#']).next()?;
    if !raw.starts_with('/') || raw.starts_with("//") {
        return None;
    }
    let decoded = percent_decode(raw)?;
    if decoded.contains(['\\', '\0'])
        || decoded.split('/').any(|seg| seg == ".." || seg == ".")
        || decoded.starts_with("//")
    {
        return None;
    }
    Some(decoded.trim_start_matches('/').to_string())
}

/// `%XX` escapes decoded (exactly two hex digits each), or `None` for a
/// malformed escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            out.push(hex_digit(hex[0])? * 16 + hex_digit(hex[1])?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn hex_digit(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The content type of a path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "sha256" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The fuzz target `http_request` (`scripts/fuzz.sh`), also replayed by
/// `tests/serve.rs`: any bytes as a request target, read as hyper reads
/// the target of a request line and also as plain text. Never panics; a
/// path it gives never leads up, and asks for itself again once encoded.
#[doc(hidden)]
pub fn fuzz_request_target(data: &[u8]) {
    if let Ok(uri) = hyper::Uri::try_from(data) {
        if let Some(target) = uri.path_and_query() {
            check_request_path(target.as_str());
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        check_request_path(text);
    }
}

fn check_request_path(target: &str) {
    let Some(path) = request_path(target) else { return };
    assert!(!path.starts_with('/') && !path.contains(['\\', '\0']), "{target:?} gave {path:?}");
    assert!(path.split('/').all(|seg| seg != ".." && seg != "."), "{target:?} gave {path:?}");
    let again = format!("/{}", percent_encode(&path));
    assert_eq!(request_path(&again).as_deref(), Some(path.as_str()), "{target:?} then {again:?}");
}

/// A site path as a request target: every byte but unreserved ones and
/// `/` escaped.
pub(super) fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 3);
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_site() {
        assert_eq!(request_path("/districts/ky-anh/?x=1").as_deref(), Some("districts/ky-anh/"));
        assert_eq!(request_path("/t%E1%BB%95ng").as_deref(), Some("tổng"));
        assert_eq!(request_path("/").as_deref(), Some(""));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/a/%2E%2E/b",
            "//etc/passwd",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "etc/passwd",
            "/%00",
            "/a/./b",
            "/%zz",
            "/%+1",
            "/%2",
            "/%ff",
            "/..%2fsecret.txt",
            "/%2f%2fetc/passwd",
        ] {
            assert_eq!(request_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_path_asks_for_itself_once_encoded() {
        for target in ["/a b/c?d", "/%3F%23%25/x", "/t%E1%BB%95ng/", "/a//b"] {
            fuzz_request_target(target.as_bytes());
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("style.3f2a1c9e.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("atom.xml"), "application/atom+xml; charset=utf-8");
        assert_eq!(content_type("card.png"), "image/png");
    }
}
