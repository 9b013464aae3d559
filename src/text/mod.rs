//! Text rules shared by every stage: slugs, number and date formats in the
//! site's language, and Vietnamese ordering of names.

pub mod closest;
pub mod collate;
pub mod decimal;
pub mod escape;
pub mod lang;
pub mod numfmt;
pub mod shared;
pub mod slug;
pub mod spool;
pub mod yaml;
