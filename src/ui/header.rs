use leptos::prelude::*;

/// The page header: the product's name and what it does.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand">
                <img class="brand-mark" src="/favicon.svg" alt="" width="36" height="36"/>
                <h1 class="brand-name">"Factsheet"</h1>
            </div>
            <p class="tagline">"Paste a news article and see who said what, at a glance."</p>
        </header>
    }
}
