//! `/posts/:id`: the holders of one post over time. (Being built.)

use leptos::prelude::*;

#[component]
pub fn PostPage() -> impl IntoView {
    view! { <h1>"…"</h1> }
}
