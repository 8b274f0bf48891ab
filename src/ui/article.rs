//! `/articles/:id`: one stored article with its highlights and record; corrections made here are
//! stored at once (and can be undone).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::add::{Preview, Review};
use super::components::date_text;
use super::locales::i18n::{t, t_string, use_i18n};
use super::state::{now_ms, use_app};
use crate::extract;
use crate::records::{ArticleId, Edit};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let params = use_params_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let confirm_delete = RwSignal::new(false);

    let edit = Callback::new(move |e: Edit| {
        if let Err(err) = app.change(|lib| lib.correct(e.clone(), now_ms())) {
            app.alert(super::store_error_text(&err));
        }
    });
    let undo = move |_| match app.change(|lib| lib.undo().is_some()) {
        Ok(true) => app.status(t_string!(i18n, undone)),
        Ok(false) => {}
        Err(err) => app.alert(super::store_error_text(&err)),
    };

    let content = move || {
        let raw = id.get();
        let Some(article_id) = ArticleId::parse(&raw) else {
            return view! { <Missing/> }.into_any();
        };
        app.derived.with(|d| {
            let r = &d.records;
            let Some(ix) = r.article_ix(&article_id) else {
                return view! { <Missing/> }.into_any();
            };
            let article = r.article(ix).clone();
            let corrected = Arc::new(r.corrected[ix.ix()].clone());
            // Read again for the bylines (cheap for one article); spans point into the same text.
            let extraction = Arc::new(extract::extract(&article.text, &article.context()));
            let event = r.event(ix);
            let people = event
                .participants
                .iter()
                .map(|p| {
                    let person = r.person(p.person);
                    let href = format!("/people/{}", person.id);
                    let name = person.name.clone();
                    view! { <li><A href=href>{name}</A></li> }
                })
                .collect_view();
            let title = event.title.clone().unwrap_or_else(|| t_string!(i18n, untitled).to_string());
            let url = article.url.clone();
            let preview = Preview {
                id: article_id.clone(),
                extraction,
                article: corrected,
            };
            let delete_id = article_id.clone();
            let navigate = navigate.clone();
            let delete = move |_| {
                if !confirm_delete.get_untracked() {
                    confirm_delete.set(true);
                    return;
                }
                match app.change(|lib| lib.remove_article(&delete_id).is_some()) {
                    Ok(_) => {
                        app.status(t_string!(i18n, article_deleted));
                        navigate("/", Default::default());
                    }
                    Err(err) => app.alert(super::store_error_text(&err)),
                }
            };
            view! {
                <article class="article-page" data-testid="article-page">
                    <h1>{title}</h1>
                    <p class="muted">
                        {date_text(event.date)}
                        {url.map(|u| {
                            let href = u.clone();
                            view! { " · " <a href=href rel="noreferrer noopener" target="_blank">{u}</a> }
                        })}
                    </p>
                    <ul class="inline-list">{people}</ul>
                    <div class="actions no-print">
                        <button class="secondary small" on:click=undo
                            disabled=move || app.library.with(|l| !l.can_undo())>{t!(i18n, undo)}</button>
                        <button class="secondary small danger" data-testid="delete-article" on:click=delete>
                            {move || if confirm_delete.get() { t_string!(i18n, confirm_delete) } else { t_string!(i18n, delete_article) }}
                        </button>
                    </div>
                    <div class="review-panel">
                        <Review preview=preview edit=edit/>
                    </div>
                </article>
            }
            .into_any()
        })
    };
    view! { {content} }
}

#[component]
fn Missing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, article_missing)}</h1>
        <p><A href="/data">{t!(i18n, nav_data)}</A>" · "<A href="/">{t!(i18n, go_home)}</A></p>
    }
}
