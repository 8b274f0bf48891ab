//! The browser app (wasm32 only): Leptos 0.8 components over [`crate::records`] and [`crate::store`].
//!
//! The UI never reads article text itself: everything it shows comes from [`crate::extract`] and
//! [`crate::records`]. Signals and effects live here, at the edge.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde::{Deserialize, Serialize};

use crate::extract::{extract, Context, Extraction};

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
        <Router>
            <header class="app-header">
                <span class="brand">"Niên biểu"</span>
                <nav aria-label="Chính">
                    <A href="/" exact=true attr:data-testid="nav-add">"Nhập bài"</A>
                    <A href="/roster" attr:data-testid="nav-roster">"Danh sách cán bộ"</A>
                    <A href="/timeline" attr:data-testid="nav-timeline">"Dòng thời gian"</A>
                    <A href="/data" attr:data-testid="nav-data">"Dữ liệu"</A>
                </nav>
            </header>
            <main>
                <Routes fallback=|| view! { <p>"Không có trang này."</p> }>
                    <Route path=path!("/") view=AddArticle/>
                    <Route path=path!("/roster") view=Roster/>
                    <Route path=path!("/timeline") view=|| view! { <h1>"Dòng thời gian"</h1> }/>
                    <Route path=path!("/data") view=|| view! { <h1>"Dữ liệu"</h1> }/>
                </Routes>
            </main>
        </Router>
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
