//! Niên biểu: who holds which office in Vietnam, read from the news.
//!
//! The crate is a pure core that compiles and tests natively, with thin browser layers on top:
//!
//! - [`extract`]: article text → officials, titles, event, date (no I/O, no web dependencies).
//! - [`records`]: articles, people, posts, tenures, events; corrections; roster and timeline;
//!   the versioned schema and the export formats (no I/O either).
//! - [`sort`]: stable sorting through one shared copy of the standard sort (a smaller wasm),
//!   for the extractor, the records and the views.
//! - `store` (wasm32 only): localStorage glue over [`records`].
//! - `ui` (wasm32 only): the Leptos app.
//!
//! See ARCHITECTURE.md for the invariants.

pub mod extract;
pub mod records;
pub mod sort;

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
