//! What the article tests share: the example articles of `tests/articles` (and the dev set's
//! format), each a text with what the caller knows of it and a gold of the test's own shape.

use nienbieu::extract::Context;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One article and its gold, as `tests/articles/*.json` and `../shared/eval/dev.json` hold it.
#[derive(Deserialize)]
pub struct Doc<G> {
    pub id: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub gold: G,
}

impl<G> Doc<G> {
    /// What the caller knows besides the text (an empty URL is none).
    pub fn context(&self) -> Context {
        Context {
            url: self.url.clone().filter(|u| !u.is_empty()),
            published: self.published.clone(),
        }
    }
}

/// The example articles whose file names start with one of `prefixes`, in name order.
pub fn example_files(prefixes: &[&str]) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/articles exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                prefixes.iter().any(|pre| n.starts_with(pre)) && n.ends_with(".json")
            })
        })
        .collect();
    files.sort();
    files
}

/// The documents of one file: a single article, or a list of them (the dev set).
pub fn load<G: DeserializeOwned>(path: &Path) -> Vec<Doc<G>> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if raw.trim_start().starts_with('[') {
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    } else {
        vec![serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()))]
    }
}
