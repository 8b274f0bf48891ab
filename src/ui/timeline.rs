//! `/timeline`: events on a time axis. (Being built.)

use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    view! { <h1 data-testid="timeline">"…"</h1> }
}
