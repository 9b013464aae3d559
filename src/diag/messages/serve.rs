//! Messages of `bantin serve`: what it prints as it follows edits, and its
//! error page in the browser.

use super::{say, Cli};
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Serve {
    Serving {
        root: String,
        bind: String,
        port: u16,
    },
    ServingPublicly {
        bind: String,
    },
    CannotListen {
        bind: String,
        port: u16,
        detail: String,
    },
    Rendered {
        files: usize,
        ms: u128,
    },
    /// `serve` took an edit in: `read` files read, `checked` articles checked.
    Updated {
        ms: u128,
        read: usize,
        checked: usize,
        full: bool,
    },
    Failed,
    /// The error page of `serve`: its title, heading and the line above the report.
    ErrorPageTitle,
    ErrorPageHeading,
    ErrorPageIntro {
        errors: usize,
        warnings: usize,
    },
    NoFileEvents {
        detail: String,
        ms: u128,
    },
    CannotWatch {
        folder: String,
        detail: String,
    },
    /// bantin itself failed (a panic, caught) while rebuilding or rendering.
    Crashed {
        detail: String,
    },
    /// Plain-text answers to requests `serve` refuses or cannot answer yet.
    OnlyGetAndHead,
    NoBodies,
    PathRefused,
    StillBuilding,
}

impl Serve {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Serve::*;
        match self {
            Serving { root, bind, port } => say!(
                lang,
                "serving {root} on http://{bind}:{port}/ (Ctrl-C to stop)",
                "đang chạy bản xem trước của {root} tại http://{bind}:{port}/ (bấm Ctrl-C để dừng)"
            ),
            ServingPublicly { bind } => say!(
                lang,
                "warning: listening on {bind}: anyone on your network can see this preview",
                "cảnh báo: đang mở trên địa chỉ {bind}: mọi máy trong mạng của bạn đều xem được bản xem trước này"
            ),
            CannotListen { bind, port, detail } => {
                say!(lang, "cannot listen on {bind}:{port}: {detail}", "không mở được cổng {bind}:{port}: {detail}")
            }
            Rendered { files, ms } => {
                say!(lang, "rendered {files} files in {ms} ms", "đã tạo {files} tệp trong {ms} ms")
            }
            Updated { ms, read, checked, full } => {
                let all = if *full {
                    say!(lang, ", everything loaded", ", đã nạp lại toàn bộ")
                } else {
                    String::new()
                };
                say!(
                    lang,
                    "updated in {ms} ms ({read} file(s) read, {checked} article(s) checked{all}); rendering the rest",
                    "đã cập nhật trong {ms} ms (đọc {read} tệp, kiểm tra {checked} bài viết{all}); đang tạo các trang còn lại"
                )
            }
            Failed => say!(lang, "build failed:", "dựng trang không thành công:"),
            ErrorPageTitle => say!(lang, "bantin: build failed", "bantin: dựng trang không thành công"),
            ErrorPageHeading => say!(lang, "The site could not be built", "Không dựng được trang web"),
            ErrorPageIntro { errors, warnings } => {
                let summary = Cli::Summary { errors: *errors, warnings: *warnings }.text(lang);
                say!(
                    lang,
                    "{summary} — fix the files below; this page reloads when you save.",
                    "{summary} — hãy sửa các tệp dưới đây; trang này tự tải lại khi bạn lưu tệp."
                )
            }
            NoFileEvents { detail, ms } => say!(
                lang,
                "warning: no file events ({detail}); looking for changes every {ms} ms",
                "cảnh báo: không nhận được sự kiện thay đổi tệp ({detail}); sẽ kiểm tra thay đổi mỗi {ms} ms"
            ),
            CannotWatch { folder, detail } => say!(
                lang,
                "warning: cannot watch {folder}/: {detail}",
                "cảnh báo: không theo dõi được {folder}/: {detail}"
            ),
            Crashed { detail } => say!(
                lang,
                "bantin itself failed while building the preview ({detail}). This is a bug in bantin, not in \
                 your site: please report it. The preview keeps watching; save a file to try again.",
                "bantin gặp lỗi nội bộ khi dựng bản xem trước ({detail}). Đây là lỗi của bantin, không phải \
                 của trang web: xin hãy báo lại. Bản xem trước vẫn tiếp tục theo dõi; lưu một tệp để thử lại."
            ),
            OnlyGetAndHead => say!(
                lang,
                "the preview answers only GET and HEAD requests",
                "bản xem trước chỉ trả lời yêu cầu GET và HEAD"
            ),
            NoBodies => {
                say!(lang, "the preview accepts no request body", "bản xem trước không nhận nội dung gửi kèm yêu cầu")
            }
            PathRefused => {
                say!(lang, "refused: this path leaves the site", "bị từ chối: đường dẫn này đi ra ngoài trang web")
            }
            StillBuilding => {
                say!(lang, "building the site, try again in a moment", "đang dựng trang, hãy thử lại sau giây lát")
            }
        }
    }
}
