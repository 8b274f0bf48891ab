//! The browser app (wasm32 only): Leptos 0.8 components over [`crate::records`] and [`crate::store`].
//!
//! The UI never reads article text itself: everything it shows comes from [`crate::extract`] and
//! [`crate::records`]. Signals and effects live here, at the edge.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde::{Deserialize, Serialize};

use crate::extract::{extract, Context, Extraction};

/// The UI strings, from src/ui/locales/*.json, checked at compile time.
mod locales {
    // 0.6 prefers a build script for this; the macro keeps the native build free of it.
    #![allow(deprecated)]
    leptos_i18n::load_locales!();
}
use leptos_i18n::Locale as _;
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

/// A saved article (interim format of the foundation; replaced by the record layer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SavedArticle {
    text: String,
    people: Vec<String>,
    date: Option<String>,
}

const ARTICLES_KEY: &str = "nienbieu.articles";

#[component]
fn App() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <LanguageMemory/>
            <Router>
                <Header/>
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFound>
                    <Route path=path!("/") view=AddArticle/>
                    <Route path=path!("/roster") view=Roster/>
                    <Route path=path!("/timeline") view=|| view! { <h1>"Dòng thời gian"</h1> }/>
                    <Route path=path!("/data") view=|| view! { <h1>"Dữ liệu"</h1> }/>
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
    i18n.set_locale(if stored.as_deref() == Some("en") {
        Locale::en
    } else {
        Locale::vi
    });
    Effect::new(move |_| {
        let _ = crate::store::save(LANG_KEY, &i18n.get_locale().as_str());
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

#[component]
fn AddArticle() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let preview = Memo::new(move |_| text.with(|t| extract(t, &Context::default())));
    let save = move |_| {
        let ex: Extraction = preview.get();
        if ex.text.trim().is_empty() {
            return;
        }
        let mut all: Vec<SavedArticle> = crate::store::load(ARTICLES_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        all.push(SavedArticle {
            people: ex.people.iter().map(|p| p.name.clone()).collect(),
            date: ex.date.clone(),
            text: ex.text.clone(),
        });
        match crate::store::save(ARTICLES_KEY, &all) {
            Ok(()) => status.set(Some("Đã lưu bài.".into())),
            Err(e) => status.set(Some(format!("Không lưu được: {e:?}"))),
        }
    };
    view! {
        <h1>"Nhập bài"</h1>
        <label for="article-input">"Dán bài báo vào đây"</label>
        <textarea id="article-input" data-testid="article-input" rows="12"
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        <section data-testid="extraction-preview" aria-live="polite">
            <p>"Ngày: " {move || preview.with(|p| p.date.clone().unwrap_or_else(|| "—".into()))}</p>
            <ul>
                {move || preview.with(|p| p.people.iter().map(|o| {
                    let titles = o.titles.iter().map(|t| t.text.clone()).collect::<Vec<_>>().join("; ");
                    view! { <li><strong>{o.name.clone()}</strong>" — "{titles}</li> }
                }).collect_view())}
            </ul>
        </section>
        <button data-testid="save-article" on:click=save>"Lưu bài"</button>
        <p role="status">{move || status.get()}</p>
    }
}

#[component]
fn Roster() -> impl IntoView {
    let all: Vec<SavedArticle> = crate::store::load(ARTICLES_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let count = all.len();
    view! {
        <h1>"Danh sách cán bộ"</h1>
        <p class="count">{count}" bài đã lưu"</p>
        <table data-testid="roster-table">
            <tbody>
                {all.into_iter().flat_map(|a| a.people.into_iter().map(move |p| (p, a.date.clone())))
                    .map(|(p, d)| view! { <tr><td>{p}</td><td>{d}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}
