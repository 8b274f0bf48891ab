//! Driving the app's page from a browser test as a person would: queries, clicks, keys, typing,
//! and waiting for what should appear. Shared by the browser tests that mount the app.
#![allow(dead_code)] // each test file uses some of them

use wasm_bindgen::JsValue;

/// Runs JavaScript in the page (selectors and values are passed as JSON literals).
pub fn js(code: &str) -> JsValue {
    js_sys::eval(code).unwrap_or_else(|e| panic!("{code}: {e:?}"))
}
pub fn lit(s: &str) -> String {
    serde_json::to_string(s).expect("a string")
}
pub fn count(sel: &str) -> usize {
    js(&format!("document.querySelectorAll({}).length", lit(sel)))
        .as_f64()
        .unwrap_or(0.0) as usize
}
pub fn text(sel: &str) -> String {
    js(&format!(
        "(document.querySelector({}) || {{}}).textContent || ''",
        lit(sel)
    ))
    .as_string()
    .unwrap_or_default()
}
pub fn path() -> String {
    js("location.pathname + location.search")
        .as_string()
        .unwrap_or_default()
}
pub fn active_ix() -> Option<String> {
    js("document.activeElement && document.activeElement.getAttribute('data-ix')").as_string()
}
pub fn go(to: &str) {
    js(&format!(
        "history.pushState(null, '', {}); dispatchEvent(new PopStateEvent('popstate'))",
        lit(to)
    ));
}
pub fn click(sel: &str) {
    js(&format!(
        "document.querySelector({}).dispatchEvent(new MouseEvent('click', {{bubbles: true, cancelable: true, button: 0}}))",
        lit(sel)
    ));
}
pub fn key(k: &str) {
    js(&format!(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {{key: {}, bubbles: true, cancelable: true}}))",
        lit(k)
    ));
}
pub fn focus(sel: &str) {
    js(&format!("document.querySelector({}).focus()", lit(sel)));
}
pub fn type_into(sel: &str, value: &str) {
    js(&format!(
        "(() => {{ const e = document.querySelector({}); e.focus(); e.value = {}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }})()",
        lit(sel),
        lit(value)
    ));
}
pub fn choose(sel: &str, value: &str) {
    js(&format!(
        "(() => {{ const e = document.querySelector({}); e.value = {}; e.dispatchEvent(new Event('change', {{bubbles: true}})); }})()",
        lit(sel),
        lit(value)
    ));
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Waits (up to 10 s) until `cond` holds.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..400 {
        if cond() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {what} (at {})", path());
}
