//! Browser storage glue (wasm32 only): localStorage through gloo-storage.
//!
//! A thin layer: what is stored and how it stays consistent is decided by [`crate::records`];
//! this module only moves strings in and out of the browser.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The origin's localStorage quota is full.
    QuotaExceeded,
    /// Anything else the browser refused (storage disabled, private mode...).
    Other(String),
}

/// Reads and decodes the JSON value under `key`; `Ok(None)` when absent.
pub fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, String> {
    match LocalStorage::get::<T>(key) {
        Ok(v) => Ok(Some(v)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Encodes `value` as JSON and writes it under `key`.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), WriteError> {
    LocalStorage::set(key, value).map_err(|e| {
        let msg = e.to_string();
        if msg.contains("QuotaExceeded") || msg.to_ascii_lowercase().contains("quota") {
            WriteError::QuotaExceeded
        } else {
            WriteError::Other(msg)
        }
    })
}

/// Removes `key`.
pub fn remove(key: &str) {
    LocalStorage::delete(key);
}
