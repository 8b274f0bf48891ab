//! Browser storage glue (wasm32 only): localStorage through gloo-storage, storage events from
//! other tabs, and `navigator.storage` (persistence, usage and quota).
//!
//! A thin layer: what is stored, how it stays consistent and what a failure means is decided by
//! [`crate::records::store`]; this module only moves strings in and out of the browser.

use crate::records::store::{Backend, BackendError};
use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The origin's localStorage as a [`Backend`].
#[derive(Debug, Clone)]
pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

impl LocalStorageBackend {
    /// The window's localStorage; an error when the browser refuses it (disabled, sandboxed).
    pub fn open() -> Result<LocalStorageBackend, String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorageBackend { storage }),
            Ok(None) => Err("localStorage is not available".into()),
            Err(e) => Err(js_error_text(&e)),
        }
    }

    /// The same storage gloo-storage uses ([`LocalStorage::raw`]); for the page's own window.
    pub fn gloo() -> LocalStorageBackend {
        LocalStorageBackend {
            storage: LocalStorage::raw(),
        }
    }

    /// Over a given `Storage` (another same-origin window's, in tests).
    pub fn over(storage: web_sys::Storage) -> LocalStorageBackend {
        LocalStorageBackend { storage }
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage.get_item(key).map_err(backend_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(backend_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(backend_error)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let n = self.storage.length().map_err(backend_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(backend_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// localStorage throws a DOMException named `QuotaExceededError` when full.
fn backend_error(e: JsValue) -> BackendError {
    if error_name(&e).as_deref() == Some("QuotaExceededError") {
        BackendError::QuotaExceeded
    } else {
        BackendError::Other(js_error_text(&e))
    }
}

fn error_name(e: &JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()?
        .as_string()
}

fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Calls `f` with the key of every change another tab makes to this origin's localStorage
/// (`None`: the storage was cleared). The listener lives as long as the page.
pub fn on_other_tab_change(f: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            f(e.key());
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Asks the browser not to evict this origin's storage under pressure; `Some(granted)`.
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let granted = wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?;
    granted.as_bool()
}

/// Bytes used and available to this origin (`navigator.storage.estimate()`).
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate: web_sys::StorageEstimate =
        wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
            .await
            .ok()?
            .unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Reads and decodes a small JSON setting (language, the unsaved draft); `Ok(None)` when absent.
pub fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, String> {
    match LocalStorage::get::<T>(key) {
        Ok(v) => Ok(Some(v)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Encodes a small setting as JSON and writes it.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), String> {
    LocalStorage::set(key, value).map_err(|e| e.to_string())
}

/// Removes a setting.
pub fn remove(key: &str) {
    LocalStorage::delete(key);
}
