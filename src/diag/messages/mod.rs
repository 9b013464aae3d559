//! The message catalogue: the one place where the wording of every error,
//! warning, hint and command-line message lives, in Vietnamese and English.
//!
//! A [`Message`] is data (which problem, with its figures and names); its
//! text is made only when it is shown, in the language asked for. Messages
//! are grouped by what they are about, one file each: [`Files`] (reading
//! and parsing files), [`Site`] (site.yaml, indicators.yaml, the theme),
//! [`Units`] (levels, codes, lifetimes and mergers of units), [`Data`]
//! (districts, communes, CSV rows), [`Figures`] (the numbers and
//! period of one observation), [`Content`] (articles and pages),
//! [`Shortcode`], [`Build`] (rendering, writing), [`Archive`] (writing and
//! signing archives, keys), [`Lint`] (the
//! warnings of `check`), [`Photos`] (images articles show), [`Sheets`] (workbooks); and, outside diagnostics, [`Cli`] (the command
//! line), [`Unverifiable`] (what `verify` refuses) and [`Serve`] (the
//! preview server).
//!
//! To add a message: add a variant to the group's enum, and its two texts
//! (and hint) to the group's `words`, written with [`say!`]: English first,
//! then Vietnamese, both `format!` strings over the variant's fields. Each
//! `words` is one `match` with an arm per message: long, but a table, and
//! the compiler checks that no message is left without its words.

mod archive;
mod build;
mod cli;
mod content;
mod data;
mod figures;
mod files;
mod lint;
mod photos;
mod serve;
mod sheets;
mod shortcode;
mod site;
mod units;
mod verify;

pub use archive::{Archive, NameProblem};
pub use build::{Build, Unsafe};
pub use cli::{scaffold_error, Cli, ScaffoldError};
pub use content::Content;
pub use data::Data;
pub use figures::{Figures, Quantity};
pub use files::{Files, YamlProblem};
pub use lint::{Computed, Lint, Shown};
pub use photos::Photos;
pub use serve::Serve;
pub use sheets::Sheets;
pub use shortcode::Shortcode;
pub use site::Site;
pub use units::Units;
pub use verify::{EntryProblem, ManifestProblem, Unverifiable};

use crate::text::lang::Lang;

/// `say!(lang, "english {x}", "tiếng Việt {x}")`: the text in `lang`.
macro_rules! say {
    ($lang:expr, $en:literal, $vi:literal $(,)?) => {
        match $lang {
            $crate::text::lang::Lang::En => format!($en),
            $crate::text::lang::Lang::Vi => format!($vi),
        }
    };
}
pub(crate) use say;

/// A message and its hint, as one group's `words` gives them.
type Words = (String, Option<String>);

/// Any message of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Files(Files),
    Site(Site),
    Units(Units),
    Data(Data),
    Figures(Figures),
    Content(Content),
    Shortcode(Shortcode),
    Build(Build),
    Archive(Archive),
    Lint(Lint),
    Photos(Photos),
    Sheets(Sheets),
}

impl Message {
    fn words(&self, lang: Lang) -> Words {
        match self {
            Message::Files(m) => m.words(lang),
            Message::Site(m) => m.words(lang),
            Message::Units(m) => m.words(lang),
            Message::Data(m) => m.words(lang),
            Message::Figures(m) => m.words(lang),
            Message::Content(m) => m.words(lang),
            Message::Shortcode(m) => m.words(lang),
            Message::Build(m) => m.words(lang),
            Message::Archive(m) => m.words(lang),
            Message::Lint(m) => m.words(lang),
            Message::Photos(m) => m.words(lang),
            Message::Sheets(m) => m.words(lang),
        }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.words(lang).0
    }

    /// How to fix it, in `lang`, when there is something to say.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.words(lang).1
    }

    /// Where the message goes in a report: 0 for a root cause (a file that
    /// cannot be read or parsed at all), 2 for a note about knock-on
    /// problems left out, 1 for everything else.
    pub fn rank(&self) -> u8 {
        match self {
            Message::Files(f) if f.is_root_cause() => 0,
            Message::Sheets(Sheets::NotAWorkbook { .. } | Sheets::Encrypted | Sheets::OtherFormat { .. }) => 0,
            Message::Data(Data::Unchecked) => 2,
            _ => 1,
        }
    }
}

macro_rules! group {
    ($($group:ident),*) => {$(
        impl From<$group> for Message {
            fn from(m: $group) -> Message {
                Message::$group(m)
            }
        }
    )*};
}
group!(Files, Site, Units, Data, Figures, Content, Shortcode, Build, Archive, Lint, Photos, Sheets);

/// `a, b, c`: a list of names in a message.
fn list(items: &[String]) -> String {
    items.join(", ")
}

/// A figure as the message's language writes it (`8.850,26` or `8,850.26`).
fn figure(value: f64, decimals: u8, lang: Lang) -> String {
    crate::text::numfmt::format_number(value, decimals as usize, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_says_something_in_both_languages() {
        let samples: Vec<Message> = vec![
            Files::Tab.into(),
            Site::UnknownLanguage { code: "fr".into() }.into(),
            Data::CommuneNoName.into(),
            Units::NoLevel.into(),
            Figures::NoPeriod.into(),
            Content::NoTitle.into(),
            Shortcode::AsOfOnlyLatest { other: "2023".into() }.into(),
            Build::NoBulletinFor { period: "2023-Q4".into() }.into(),
            Archive::PasswordsDiffer.into(),
            Lint::DeadLink { dest: "../x/".into() }.into(),
            Photos::Cmyk { image: "a.jpg".into() }.into(),
            Sheets::NoResult.into(),
        ];
        for m in samples {
            let (en, vi) = (m.text(Lang::En), m.text(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty() && en != vi, "{m:?}: {en} / {vi}");
        }
    }
}
