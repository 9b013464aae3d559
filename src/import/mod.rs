//! `bantin import`: plain-text articles scraped from district portals into
//! bantin Markdown articles, with the figures they report offered as
//! observations to confirm.
//!
//! This module owns the whole conversion and nothing else: it reads no file
//! and writes none (the command line does that). Everything here is a pure
//! function of the text, so the same input always gives the same article.
//!
//! # Normalising
//! The text is put in Unicode NFC, a byte order mark and zero-width characters
//! are dropped, `\r\n` and `\r` become `\n`, every run of white space inside a
//! line becomes one space, and lines are trimmed. Each remaining non-empty
//! line is one paragraph (portals put one paragraph per line).
//!
//! # Title
//! If the first non-empty line is a header `date YYYY-MM Title` (or
//! `date YYYY-MM-DD Title`), the title is the rest of that line. Otherwise it
//! is the first line left after boilerplate removal. A single trailing `.` is
//! dropped. The title line is not repeated in the body.
//!
//! # Date
//! - With a header `date YYYY-MM-DD`, that date.
//! - With a header `date YYYY-MM`, that year and month; the day is the one of
//!   the first day/month phrase of the text in that month (`Ngày 29-6` under
//!   `date 2023-06` gives 2023-06-29), else the 1st.
//! - Without a header, the first day/month phrase of the title or the body:
//!   `Sáng ngày 28/11`, `Chiều 6/1`, `Ngày 29-6`, `ngày 06/01/2024`,
//!   `sáng 6 tháng 1 năm 2024`, `(28/11/2022)`, or a line that is only a
//!   date and time (`Thứ hai, 28/11/2022 08:30`). A number pair such as
//!   `12/20 tiêu chí` is never a date: a day/month needs one of the words
//!   sáng, chiều, tối, trưa, đêm, ngày, hôm before it, or parentheses.
//! - A phrase without a year takes one from the text, in this order:
//!   1. **Year-end summaries**: in January or February, when the phrase's
//!      paragraph (or else the title) says `tổng kết … năm Y`, the meeting
//!      reviews the year that just ended and the year is Y + 1
//!      (`Chiều 6/1 … tổng kết … năm 2023` is 2024-01-06).
//!   2. Otherwise the year mentioned nearest to the phrase in its paragraph;
//!      if that paragraph names none, the nearest paragraph that does (the
//!      last year of an earlier paragraph, or the first of a later one;
//!      earlier paragraphs win at equal distance).
//!
//!   A year is a stand-alone four-digit number from 1990 to 2100; the two
//!   ends of a term such as `2020 - 2025` or `2021-2025` are not event years.
//! - No day/month phrase, or no year for it: the date is unknown (`None`).
//!
//! Every imported article is written with `draft: true` until its officer
//! has checked it.
//!
//! # Author
//! The last remaining line is a byline when it is short (at most 60
//! characters), has no digits, does not end with punctuation, and is one or
//! more names of capitalised words (at most five each) joined by `,` `-` `–`
//! `&` `/` or `và`, optionally followed by a role in parentheses and preceded
//! by `Tin, ảnh:` or the like: `Vũ Viễn`, `Thúy Nga - Anh Đức`,
//! `Trần Hằng (Trung tâm VH-TT)`. The byline is removed from the body.
//!
//! # Boilerplate
//! - A page-end marker cuts the rest of the text: comment forms (`Thêm nhận
//!   xét mới`, `Bình luận`, `Ý kiến bạn đọc`), ratings (`Đánh giá:`,
//!   `lượt đánh giá`), captcha messages (`Mã xác thực không đúng.`) and the
//!   side menus that follow them (`CHƯƠNG TRÌNH PHÁT THANH`).
//! - `Tin liên quan`, `Các tin khác`, `Bài viết liên quan`… are removed with
//!   the run of headlines that follows them (short lines without a final
//!   period, or ending in a date in parentheses); text after the run is kept.
//! - Short lines that are menus or buttons (`Chia sẻ`, `In bài`, `Bản đồ hành
//!   chính`, `Đăng nhập`…), visitor counters (`Thống kê: 2.284.725`,
//!   `Online: 150`), breadcrumbs (`Trang chủ > Tin tức`), login prompts,
//!   copyright lines and lines without a letter or digit are dropped.
//!   Only lines of at most 100 characters are ever taken for boilerplate.
//!
//! # Body
//! Paragraphs are separated by blank lines. Photo captions stay, as italic
//! paragraphs `*…*`: a caption is one sentence of at most 300 characters
//! without `:` and without a verb of speech (`nhấn mạnh`, `đề nghị`…) that
//! either opens a scene (`Quang cảnh`, `Toàn cảnh`, `Đại biểu`, `Ảnh`) or
//! names a person (`Đồng chí`, `Đ/c`, `Bí thư`, `Chủ tịch`…) doing a caption
//! verb (`phát biểu`, `chủ trì`, `tham dự`, `trao`…); a line starting with
//! `...` right after a caption continues it. Backslashes, `*`, `_`, `` ` ``
//! and `<` before a tag are escaped everywhere; `#`, `>`, `- `, `+ `, `~~~`
//! and rule-like lines are escaped at a line start (`1.` is kept), and every
//! `{{` becomes `{ {` so no shortcode can appear.
//!
//! # Figures
//! `a/b unit` (count), `đứng thứ a/b` or `xếp thứ a` (rank), `x%` with an
//! optional `kế hoạch`, `KH` or `so với kế hoạch` (percent), and
//! `number unit` with a unit from the lists below (count for things such as
//! xã, thôn, tiêu chí, sản phẩm, hộ; amount for money and measures such as tỷ
//! đồng, triệu đồng, km, ha, tấn). A unit may go on with `/word` parts
//! (`triệu đồng/người/năm`). Numbers are Vietnamese (`8.850,26` is 8850.26,
//! see [`parse_vn_number`]). Ranges (`65-70%`, `từ 85 đến 95%`), dates and
//! years (`năm 2022 huyện`) are not figures. Each figure keeps up to six
//! words of context before it, within its sentence.
//!
//! # Proposals
//! Each figure is offered as a commented-out observation ([`figures_yaml`]):
//! - **Period**: the period phrase nearest before it in its sentence, else
//!   the nearest after it, else the last one of an earlier sentence of its
//!   paragraph (`năm 2023` → 2023, `6 tháng đầu năm 2024` → 2024-H1, `quý
//!   III/2023` → 2023-Q3, `10 tháng đầu năm 2022` and `tháng 10/2022` →
//!   2022-10; `đến nay`, `hiện nay` → the article's month). A year after
//!   `so với`, `cùng kỳ` or `từ` is a comparison, not a period. Without any,
//!   a year-end summary's figures are for the year it reviews (`tổng kết …
//!   năm 2023`, dated November 2023 to March 2024, or undated), and other
//!   figures for the article's month. The comment says where it came from.
//! - **Role**: a share of the plan (`107,79% kế hoạch`) is never a value:
//!   right after an amount or count of its clause it gives that one a
//!   `target:` computed as value × 100 / share, rounded to the value's
//!   decimals and marked as computed; alone, it is offered as a `note:`.
//!   A figure right after `tăng`, `giảm` or `thêm` is a change, a `note:`
//!   too. After a plan word (kế hoạch, mục tiêu, phấn đấu, chỉ tiêu, dự
//!   kiến, đăng ký) in its clause, or in the list items that follow it
//!   (`mục tiêu năm 2024 - …; - …`), a figure is a `target:`; a plan word
//!   after `đạt`, `vượt`, `so với`, `bằng`, `hoàn thành` or a `%` is a result
//!   measured against the plan, not a plan.
//! - **Indicator**: with the site's indicators, the one of the figure's
//!   kind and (for counts and amounts) unit with more than half of the words
//!   of its name (less its unit and filler words such as đạt, tổng, tỷ lệ)
//!   in the figure's clause, abbreviations (NTM, KDC, CCHC, TDP) written
//!   out; none when none fits or two fit equally well.
//! - Numbers are written as the article writes them (`8.850,26` → 8850.26).

use crate::text::slug::slugify;
use jiff::civil::Date;
use unicode_normalization::UnicodeNormalization;

/// An article read from scraped text.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub title: String,
    pub date: Option<Date>,
    pub author: Option<String>,
    /// Markdown, paragraphs separated by blank lines, ending with a newline.
    pub body: String,
    pub figures: Vec<Figure>,
    /// The photo captions found (`Toàn cảnh hội nghị.`), in order.
    pub captions: Vec<String>,
}

/// A number the article reports, for the author to confirm.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    /// The figure as written (`110/154 thôn`, `đứng thứ 7/27 huyện`).
    pub text: String,
    pub value: f64,
    /// The `b` of `a/b`.
    pub total: Option<f64>,
    /// The unit as written (`thôn`, `tỷ đồng`), `%` or `% kế hoạch`.
    pub unit: String,
    /// A guess at the indicator kind: `count`, `rank`, `percent` or `amount`.
    pub kind: &'static str,
    /// A few words before the figure, in its sentence.
    pub context: String,
    /// Where it is: the paragraph's index, and where the figure starts and
    /// ends in it (in characters).
    pub at: (usize, usize, usize),
    /// The words of its clause from the figure before it to the figure
    /// after it: what it counts, to compare with indicator names.
    pub about: String,
    /// What the article says the number is.
    pub role: Role,
    /// The period it is for, and where that came from.
    pub period: Period,
    /// The share of the plan that follows it in its clause
    /// (`8.850,26 tỷ đồng, đạt 107,79% kế hoạch`), if any.
    pub share: Option<Share>,
    /// The figure with the words that qualify it, for a `note:`
    /// (`tăng 14,62% so với năm 2022`).
    pub note: String,
}

/// What a number is, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A result: `value:`.
    #[default]
    Value,
    /// A plan (after `kế hoạch`, `mục tiêu`, `phấn đấu`…; the word is kept): `target:`.
    Target(&'static str),
    /// A change (`tăng 14,62%`, `thêm 3 thôn`): a note, never a value.
    Change,
    /// A share of the plan (`107,79% kế hoạch`): never a value; `paired`
    /// when it gave the figure before it a computed target.
    PlanShare { paired: bool },
}

/// The period of a figure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    /// `2023`, `2024-H1`, `2023-Q3`, `2022-10`; `None` when unknown.
    pub value: Option<String>,
    /// Where it came from, for the comment (`"năm 2023"`, `the article's date`).
    pub from: String,
    /// Whether the text names it (a period phrase, or the year a year-end
    /// summary reviews) rather than it being the article's date.
    pub named: bool,
    /// Whether the phrase counts from January (`9 tháng đầu năm 2023`):
    /// for a total over the period, `2023-YTD9`, though `value` says
    /// `2023-09`, the month a level stands at.
    pub to_date: bool,
}

/// A share of the plan that belongs to an amount or count.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// As written, with its verb (`đạt 107,79% kế hoạch`).
    pub text: String,
    /// `107.79`.
    pub percent: f64,
}

mod words;
use words::*;
mod lines;
use lines::*;
mod people;
use people::*;
mod dates;
use dates::*;
mod figures;
use figures::*;
mod markdown;
use markdown::*;
mod chars;
use chars::*;
mod periods;
use periods::*;
mod roles;
use roles::*;
mod suggest;
use suggest::*;
pub use suggest::{indicator_for, indicator_named, known_indicators, names_phrase, KnownIndicator, Naming};
mod proposals;
pub use proposals::figures_yaml;

/// The figures of some lines of text (`at.0` is the line's index), found
/// and given their role (a value, a plan, a change, a share of the plan)
/// the way `import` finds them: the one extractor, shared with `check`
/// (articles checked against the data, `lint::claims`).
pub fn figures_of_lines(lines: &[&str], date: Option<Date>) -> Vec<Figure> {
    let mut figures = find_figures(lines);
    annotate(lines, &mut figures, &Fallback::new(date, "", lines));
    figures
}

/// Whether a lead-in line (`Năm 2024, huyện phấn đấu:`) announces plans:
/// the figures of the list after it are targets, not results.
pub fn announces_plan(lead_in: &str) -> bool {
    let lower = lead_in.to_lowercase();
    PLAN_MARKERS.iter().any(|m| lower.contains(m))
}

/// Reads one scraped article.
pub fn import_text(text: &str) -> Imported {
    let mut lines = normalize(text);
    let header = take_header(&mut lines);
    let mut kept = clean(&lines);
    let header_title = header.as_ref().map(|h| h.title.clone()).filter(|t| !t.is_empty());
    let title_line = if header_title.is_some() { None } else { take_title(&mut kept) };
    let title = header_title.or_else(|| title_line.clone()).unwrap_or_default();
    let author = take_author(&mut kept);
    let paragraphs = classify(&kept);
    let date = find_date(header.as_ref(), &title, title_line.as_deref(), &kept);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    let mut figures = find_figures(&texts);
    annotate(&texts, &mut figures, &Fallback::new(date, &title, &texts));
    let captions = paragraphs.iter().filter(|p| p.caption).map(|p| p.text.clone()).collect();
    Imported { title: tidy_title(&title), date, author, body: render_body(&paragraphs), figures, captions }
}

/// The Markdown file: front matter (title, date YYYY-MM-DD if known, author
/// if known, `draft: true` until the officer has checked it, and a YAML
/// comment line saying the file was imported), a blank line, then the body.
pub fn to_markdown(imported: &Imported) -> String {
    let mut out = String::from("---\n# imported by bantin import: check the title, date, author and text\n");
    out.push_str(&format!("title: {}\n", crate::text::yaml::quoted(&imported.title)));
    match imported.date {
        Some(date) => out.push_str(&format!("date: {}\n", ymd(date))),
        None => out.push_str("# date: YYYY-MM-DD   (no date was found in the text: add it)\n"),
    }
    if let Some(author) = &imported.author {
        out.push_str(&format!("author: {}\n", crate::text::yaml::quoted(author)));
    }
    out.push_str("draft: true   # delete this line once the article and its figures are checked\n---\n\n");
    out.push_str(&imported.body);
    out
}

/// Puts the photos `names` (files beside the article) in the body: the
/// n-th caption line becomes the n-th photo with the caption as its text
/// and title (`![Toàn cảnh hội nghị.](anh-1.jpg "Toàn cảnh hội nghị.")`,
/// a `<figure>` with that caption on the site); photos beyond the captions
/// go at the end, described by the article's title.
pub fn place_photos(imported: &mut Imported, names: &[String]) {
    let mut rest = names.iter();
    for (caption, name) in imported.captions.iter().zip(rest.by_ref()) {
        let line = format!("*{}*\n", escape_markdown(caption));
        let alt = escape_markdown(caption).replace('[', "\\[").replace(']', "\\]");
        let image = format!("![{alt}]({name} \"{}\")\n", caption.replace('"', "\\\""));
        let at = std::iter::once(0)
            .chain(imported.body.match_indices(&format!("\n{line}")).map(|(i, _)| i + 1))
            .find(|&i| imported.body[i..].starts_with(&line));
        if let Some(i) = at {
            imported.body.replace_range(i..i + line.len(), &image);
        }
    }
    let alt = escape_markdown(&imported.title).replace('[', "\\[").replace(']', "\\]");
    for name in rest {
        imported.body.push_str(&format!("\n![{alt}]({name})\n"));
    }
}

/// The file name bantin writes: `<YYYY-MM-DD>-<slug>.md`, or `<slug>.md`
/// without a date; the slug is the title's, cut at a dash to at most 80
/// characters (`bai-viet` for a title that gives no slug).
pub fn file_name(imported: &Imported) -> String {
    let slug = short_slug(&imported.title);
    match imported.date {
        Some(date) => format!("{}-{slug}.md", ymd(date)),
        None => format!("{slug}.md"),
    }
}

/// A Vietnamese number (`.` for thousands, `,` for decimals) as a value:
/// `8.850,26` → 8850.26, `35,59` → 35.59, `2.284.725` → 2284725. Anything
/// else (`1.5`, `12.`, `1,2,3`, empty) is `None`.
pub fn parse_vn_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (int_part, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let mut groups = int_part.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let bad_groups = rest.iter().any(|&g| g.len() != 3 || !all_digits(g));
    if !all_digits(first) || (!rest.is_empty() && (first.len() > 3 || bad_groups)) {
        return None;
    }
    let mut plain: String = std::iter::once(first).chain(rest.iter().copied()).collect();
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    plain.parse().ok()
}

#[cfg(test)]
mod proposal_tests;
#[cfg(test)]
mod tests;

/// The text of the seed article whose file name starts with `number`
/// (`"003"`), from `../shared/seeds/` beside the repository: the one place
/// the unit tests find the seeds.
#[cfg(test)]
pub(crate) fn seed_text(number: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let name = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|f| f.starts_with(number))
        .unwrap_or_else(|| panic!("no seed {number} in {}", dir.display()));
    std::fs::read_to_string(dir.join(name)).expect("the seed file")
}
