//! The browser app (wasm32 only): Leptos 0.8 components over [`crate::records`] and [`crate::store`].
//!
//! The UI never reads article text itself: everything it shows comes from [`crate::extract`] and
//! [`crate::records`]. Signals and effects live here, at the edge.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

mod add;
mod article;
mod browser;
mod components;
mod data;
mod history;
mod person;
mod person_search;
mod post;
mod roster;
mod state;
mod timeline;
mod timeline_layout;

use crate::records::store::StoreError;
use components::WhenRead;

/// The UI strings (src/ui/locales/strings.rs), checked at compile time.
mod locales;
use locales::i18n::{t, t_string, use_i18n, I18nContextProvider, Locale};

const LANG_KEY: &str = "nienbieu.lang";

/// Starts the app: panic banner, service worker, then mounts [`App`] on `<body>`.
pub fn run() {
    install_panic_banner();
    register_service_worker();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    // For the cold-start benchmark: the first view is up and interactive.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("nienbieu-ready");
    }
    warm_up_extractor();
}

/// The extractor builds its lexicons on first use, and the browser compiles each wasm function
/// the first time it runs: tens of milliseconds. Pay that right after the first view is up, not
/// on the user's first paste.
fn warm_up_extractor() {
    use wasm_bindgen::JsCast;
    let warm = wasm_bindgen::closure::Closure::once_into_js(add::warm_up);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 0);
}

/// A panic must not leave the user staring at a frozen page: log it and say so on screen.
fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let doc = document();
        if let (Ok(div), Some(body)) = (doc.create_element("div"), doc.body()) {
            div.set_class_name("panic-banner");
            let _ = div.set_attribute("role", "alert");
            div.set_text_content(Some(
                "Đã xảy ra lỗi; dữ liệu đã lưu vẫn an toàn. Hãy tải lại trang. \
                 / Something went wrong; your saved data is safe. Please reload.",
            ));
            let _ = body.prepend_with_node_1(&div);
        }
    }));
}

fn register_service_worker() {
    let sw = window().navigator().service_worker();
    let _ = sw.register("/sw.js");
}

#[component]
fn App() -> impl IntoView {
    state::AppState::provide();
    view! {
        <I18nContextProvider>
            <LanguageMemory/>
            <Router>
                <Header/>
                <main id="main" tabindex="-1">
                    <components::Notices/>
                    <Routes fallback=NotFound>
                    <Route path=path!("/") view=add::AddArticle/>
                    <Route path=path!("/roster") view=|| view! { <WhenRead><roster::Roster/></WhenRead> }/>
                    <Route path=path!("/articles/:id") view=|| view! { <WhenRead><article::ArticlePage/></WhenRead> }/>
                    <Route path=path!("/people/:id") view=|| view! { <WhenRead><person::PersonPage/></WhenRead> }/>
                    <Route path=path!("/posts/:id") view=|| view! { <WhenRead><post::PostPage/></WhenRead> }/>
                    <Route path=path!("/timeline") view=|| view! { <WhenRead><timeline::Timeline/></WhenRead> }/>
                    <Route path=path!("/data") view=|| view! { <WhenRead><data::DataPage/></WhenRead> }/>
                    </Routes>
                </main>
                <footer class="app-footer">{move || t!(use_i18n(), footer_privacy)}</footer>
            </Router>
        </I18nContextProvider>
    }
}

/// Vietnamese unless the user chose English before; the choice is kept in localStorage.
#[component]
fn LanguageMemory() -> impl IntoView {
    let i18n = use_i18n();
    let stored: Option<String> = crate::store::load(LANG_KEY).ok().flatten();
    let initial = if stored.as_deref() == Some("en") {
        Locale::en
    } else {
        Locale::vi
    };
    // (in an effect, after the provider's own, which sets `<html lang>` from its default)
    Effect::new(move |_| i18n.set_locale(initial));
    Effect::new(move |first: Option<()>| {
        let locale = i18n.get_locale();
        if first.is_some() {
            let _ = crate::store::save(LANG_KEY, &locale.as_str());
        }
    });
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| {
        i18n.set_locale(match i18n.get_locale() {
            Locale::vi => Locale::en,
            Locale::en => Locale::vi,
        })
    };
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">{t!(i18n, brand)}</A>
            <nav aria-label=move || t_string!(i18n, nav_label)>
                <A href="/" exact=true attr:data-testid="nav-add">{t!(i18n, nav_add)}</A>
                <A href="/roster" attr:data-testid="nav-roster">{t!(i18n, nav_roster)}</A>
                <A href="/timeline" attr:data-testid="nav-timeline">{t!(i18n, nav_timeline)}</A>
                <A href="/data" attr:data-testid="nav-data">{t!(i18n, nav_data)}</A>
            </nav>
            <button class="lang-switch" data-testid="lang-switch" on:click=switch
                aria-label=move || t_string!(i18n, lang_switch_label)>
                {t!(i18n, lang_switch)}
            </button>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, not_found)}</h1>
        <p><A href="/">{t!(i18n, go_home)}</A></p>
    }
}

/// A storage error in the UI's language, saying what to do.
pub(crate) fn store_error_text(e: &StoreError) -> String {
    let i18n = use_i18n();
    match e {
        StoreError::Quota => t_string!(i18n, error_quota).to_string(),
        StoreError::Conflict { .. } => t_string!(i18n, error_conflict).to_string(),
        StoreError::ReadOnly(why) => format!("{} ({why})", t_string!(i18n, error_read_only)),
        StoreError::Backend(why) => format!("{} ({why})", t_string!(i18n, error_backend)),
    }
}
