//! Records: articles, people, posts, tenures and events built up over many articles.
//!
//! What is kept is small: the [`Library`] (articles as pasted, and the user's corrections).
//! Everything else is derived, deterministically, by [`Records::build`] from the library and
//! what the extractor read ([`Extractions`]), so a better extractor rebuilds every record
//! without losing a correction.
//!
//! - [`article`]: articles, content-addressed, and the library.
//! - [`correct`]: corrections, keyed to survive re-extraction.
//! - [`post`], [`places`]: titles read as posts in an organisation and a place.
//! - [`identity`]: which mentions are one person.
//! - [`derive`]: people, organisations, posts, tenures, events.
//! - [`views`]: roster, person and post histories, timeline.
//! - [`date`]: partial dates and their honest order.
//! - [`sort`]: the crate's shared stable sort ([`crate::sort`]), here under its old path.

pub mod article;
pub mod bulk;
pub mod correct;
pub mod date;
pub mod derive;
pub mod export;
pub mod identity;
pub mod pack;
pub mod places;
pub mod post;
pub use crate::sort;
pub mod store;
pub mod synth;
pub mod views;

pub use article::{AddError, Added, Article, ArticleId, Library, Source};
pub use correct::{Correction, CorrectionId, Edit, OfficialRef, TitleEdit};
pub use date::{PartialDate, Precision};
pub use derive::{Extractions, Records};
