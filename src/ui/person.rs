//! `/people/:id`: one person's history. (Being built.)

use leptos::prelude::*;

#[component]
pub fn PersonPage() -> impl IntoView {
    view! { <h1>"…"</h1> }
}
