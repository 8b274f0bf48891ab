//! A search-as-you-type person picker over the roster: case- and diacritics-blind ("mai thi
//! hanh" finds "Mai Thị Hạnh"), every word must match a name, title, post or place. An ARIA
//! combobox: arrows move through the suggestions, Enter picks, Escape closes.

use leptos::prelude::*;

use crate::records::views::RosterQuery;
use crate::ui::locales::i18n::{t_string, use_i18n};
use crate::ui::state::use_app;

/// A person as the picker offers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// [`crate::records::derive::Person::id`].
    pub id: String,
    pub name: String,
    /// Latest titles and place, to tell namesakes apart.
    pub detail: String,
}

/// Up to `limit` people matching `text`, leaving out `exclude` (a person id).
pub fn suggest(text: &str, exclude: Option<&str>, limit: usize) -> Vec<Suggestion> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let app = use_app();
    app.derived.with_untracked(|d| {
        let q = RosterQuery {
            text: text.to_string(),
            ..RosterQuery::default()
        };
        d.roster
            .query(&q)
            .into_iter()
            .map(|row| {
                let p = d.records.person(row.person);
                let mut detail = row.titles.join(", ");
                if let Some(place) = row.place {
                    if !detail.contains(place) {
                        if !detail.is_empty() {
                            detail.push_str(" · ");
                        }
                        detail.push_str(place);
                    }
                }
                Suggestion {
                    id: p.id.clone(),
                    name: row.name.clone(),
                    detail,
                }
            })
            .filter(|s| Some(s.id.as_str()) != exclude)
            .take(limit)
            .collect()
    })
}

/// The picker. `on_pick` gets the chosen person's id (`None` when the text is cleared).
#[component]
pub fn PersonSearch(
    /// The input's id (for its label).
    id: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Text shown at first (the current choice's name).
    #[prop(optional, into)]
    initial: String,
    /// A person id not to offer (the page's own person).
    #[prop(optional, into)]
    exclude: Option<String>,
    /// When given, the text follows it (a choice made elsewhere: the URL, the back button).
    #[prop(optional, into)]
    follow: Option<Signal<String>>,
    #[prop(into)] on_pick: Callback<Option<Suggestion>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(initial);
    if let Some(outside) = follow {
        // Not on the first run: the text starts as `initial`, and may be typed in already.
        Effect::new(move |before: Option<String>| {
            let v = outside.get();
            if before.is_some_and(|b| b != v) && text.get_untracked() != v {
                text.set(v.clone());
            }
            v
        });
    }
    let open = RwSignal::new(false);
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let exclude = StoredValue::new(exclude);
    let found =
        Memo::new(move |_| text.with(|t| exclude.with_value(|x| suggest(t, x.as_deref(), 8))));
    let list_id = format!("{id}-list");
    let option_id = move |i: usize| format!("{id}-opt-{i}");
    let pick = move |s: Suggestion| {
        text.set(s.name.clone());
        open.set(false);
        active.set(None);
        on_pick.run(Some(s));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = found.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                let chosen = active
                    .get_untracked()
                    .or((n == 1).then_some(0))
                    .and_then(|i| found.with_untracked(|f| f.get(i).cloned()));
                if let Some(s) = chosen {
                    ev.prevent_default();
                    pick(s);
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let list_id_attr = list_id.clone();
    view! {
        <div class="ps">
            <label for=id>{move || label.get()}</label>
            <div class="ps-box">
                <input id=id type="search" role="combobox" autocomplete="off"
                    data-testid=id
                    aria-autocomplete="list"
                    aria-controls=list_id.clone()
                    aria-expanded=move || (open.get() && found.with(|f| !f.is_empty())).to_string()
                    aria-activedescendant=move || active.get().map(option_id).unwrap_or_default()
                    placeholder=move || t_string!(i18n, person_search_placeholder)
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let cleared = v.trim().is_empty();
                        text.set(v);
                        open.set(!cleared);
                        active.set(None);
                        if cleared {
                            on_pick.run(None);
                        }
                    }
                    on:keydown=keydown
                    on:blur=move |_| open.set(false)/>
                <ul id=list_id_attr role="listbox" class="ps-list"
                    aria-label=move || label.get()
                    class:ps-open=move || open.get() && found.with(|f| !f.is_empty())>
                    {move || {
                        found
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| {
                                let chosen = s.clone();
                                view! {
                                    <li role="option" id=option_id(i) class="ps-option"
                                        aria-selected=move || (active.get() == Some(i)).to_string()
                                        // mousedown, not click: the input's blur would close the list first.
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            pick(chosen.clone());
                                        }>
                                        <span class="ps-name">{s.name}</span>
                                        " "<span class="ps-detail">{s.detail}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
            <p class="hv-sr" aria-live="polite">
                {move || {
                    if open.get() {
                        format!("{} {}", found.with(Vec::len), t_string!(i18n, person_search_results))
                    } else {
                        String::new()
                    }
                }}
            </p>
        </div>
    }
}
