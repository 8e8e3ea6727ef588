use leptos::prelude::*;

/// The page header: the product's name and what it does.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand">
                <img class="brand-mark" src="favicon.svg" alt="" width="32" height="32"/>
                <h1 class="brand-name">"Factsheet"</h1>
            </div>
            <p class="tagline">"Who said what in a news article, checked against the text."</p>
        </header>
    }
}
