use leptos::prelude::*;

use super::state::use_sheet;

/// The sheet before any text: what Factsheet does and how to start.
#[component]
pub fn Onboarding() -> impl IntoView {
    view! {
        <section class="panel onboarding" aria-labelledby="onboarding-heading">
            <p class="kicker"><span class="kicker-label">"Fact sheet"</span></p>
            <h2 id="onboarding-heading" class="onboarding-title">"Paste an article to get its fact sheet"</h2>
            <p class="onboarding-lede">
                "Put a news article in the “Article text” box, headline first if you have it. "
                "In an instant you get:"
            </p>
            <ul class="feature-list">
                <li>
                    <strong>"Parties"</strong>
                    " — every country, group and organisation, with the people who speak for it. Pick one to narrow the whole sheet."
                </li>
                <li>
                    <strong>"Quotes"</strong>
                    " — who said what, with their role, side and speech verb. Unattributed quotes say so."
                </li>
                <li>
                    <strong>"Voice balance"</strong>
                    " — who gets to speak: each side’s share of the quoted words, in this article and across your library."
                </li>
                <li>
                    <strong>"Facts, reported speech and commentary"</strong>
                    " — told apart, with sources, figures and dates."
                </li>
                <li><strong>"Figures and a timeline"</strong>" — numbers with who claims them; dates in order."</li>
                <li><strong>"The source text"</strong>" — every item one click from the passage it comes from."</li>
            </ul>
            <p class="onboarding-foot">
                "No article at hand? Press “Try the sample article”. Nothing you paste leaves your browser."
            </p>
        </section>
    }
}

/// A clear message when the text has neither quotes nor parties (not a news
/// article, or too short).
#[component]
pub fn NothingFound() -> impl IntoView {
    let sheet = use_sheet();
    let nothing = move || sheet.breakdown.with(|b| b.stats.quotes == 0 && b.stats.parties == 0);
    move || {
        nothing().then(|| {
            view! {
                <div class="callout" role="note">
                    <p class="callout-title">"No quotes or parties found"</p>
                    <p>
                        "Factsheet looks for speech in quotation marks and for the countries, groups, organisations "
                        "and people a news story names. This text has none it could read: paste a whole news article, "
                        "or try the sample."
                    </p>
                </div>
            }
        })
    }
}
