//! The page pass on pages written for these tests (invented sites).

use super::*;
use crate::parser::blocks;

fn layout(text: &str) -> (Layout, Vec<String>) {
    let spans = blocks::paragraphs(text);
    let lines = spans.iter().map(|s| s.of(text).to_string()).collect();
    (Layout::read(text, &spans, &[]), lines)
}

/// The lines given `role`.
fn with_role(text: &str, role: LineRole) -> Vec<String> {
    let (l, lines) = layout(text);
    lines.into_iter().zip(l.roles).filter(|(_, r)| *r == role).map(|(s, _)| s).collect()
}

const HARBOUR_PAGE: &str = "\
Tuesday, 4 February 2025
The Harbour Courier
Home
Local
Business
Sport
Opinion
Sign in
Subscribe
Council votes to close the old ferry terminal
By Mara Lindqvist
Published: 4 February 2025, 9:12 AM
Share
Facebook
Email
The ferry terminal on a winter morning. (Photo: Courier staff)
The city council voted 7-2 on Monday night to close the old ferry terminal at the end of the summer season, ending more than 80 years of crossings from the north quay.

\"We cannot keep pouring money into a building that the harbour has outgrown,\" said Mayor Ines Okafor, who proposed the closure.

ADVERTISEMENT
Opponents said the decision would cut off the island villages, whose 1,400 residents depend on the morning crossing.

READ MORE: What happens to the north quay now?

\"It is our only road,\" said Tomas Berg, who runs the island's shop.

Most read
Storm warning for the coast on Friday
New school opens its doors
Harbour seals return to the estuary
© 2025 The Harbour Courier. All rights reserved.
Privacy Policy
Terms of Use
";

#[test]
fn a_page_keeps_its_article_and_sets_the_rest_aside() {
    let article = with_role(HARBOUR_PAGE, LineRole::Article);
    assert_eq!(article.len(), 4, "{article:#?}");
    assert!(article[0].starts_with("The city council voted"));
    assert!(article[3].starts_with("\"It is our only road"));
    let furniture = with_role(HARBOUR_PAGE, LineRole::Furniture);
    for line in [
        "Tuesday, 4 February 2025",
        "Sign in",
        "ADVERTISEMENT",
        "READ MORE: What happens to the north quay now?",
        "Harbour seals return to the estuary",
        "Privacy Policy",
        "The ferry terminal on a winter morning. (Photo: Courier staff)",
    ] {
        assert!(furniture.iter().any(|f| f == line), "{line} should be furniture: {furniture:#?}");
    }
}

#[test]
fn a_page_gives_its_headline_byline_and_timestamp() {
    let (l, lines) = layout(HARBOUR_PAGE);
    assert!(l.page);
    let at = |role| lines.iter().zip(&l.roles).find(|(_, r)| **r == role).map(|(s, _)| s.as_str());
    assert_eq!(at(LineRole::Headline), Some("Council votes to close the old ferry terminal"));
    assert_eq!(at(LineRole::Byline), Some("By Mara Lindqvist"));
    assert_eq!(at(LineRole::Timestamp), Some("Published: 4 February 2025, 9:12 AM"));
    assert_eq!(l.timestamp_iso.as_deref(), Some("2025-02-04 09:12:00"));
    assert_eq!(l.byline.map(|b| b.authors), Some(vec!["Mara Lindqvist".to_string()]));
}

#[test]
fn a_clean_article_is_left_alone() {
    let text = "Council votes to close the old ferry terminal\n\n\
        The city council voted 7-2 on Monday night to close the old ferry terminal.\n\n\
        \"We cannot keep pouring money into it,\" said Mayor Ines Okafor.\n\n\
        Budget pressures\n\n\
        Opponents said the decision would cut off the island villages.";
    let (l, _) = layout(text);
    assert!(!l.page);
    assert!(l.roles.iter().all(|r| *r == LineRole::Article), "{:?}", l.roles);
}

#[test]
fn lone_furniture_in_a_clean_article() {
    let text = "By Mara Lindqvist\n\nThe council voted on Monday to close the terminal.\n\nAdvertisement\n\n\
        Opponents said the decision would cut off the island villages.";
    assert_eq!(with_role(text, LineRole::Furniture), ["Advertisement"]);
    assert_eq!(with_role(text, LineRole::Byline), ["By Mara Lindqvist"]);
}

#[test]
fn reader_kept_lines_stay_article() {
    let spans = blocks::paragraphs(HARBOUR_PAGE);
    let kept = vec!["Harbour seals return to the estuary".to_string()];
    let l = Layout::read(HARBOUR_PAGE, &spans, &kept);
    let i = spans.iter().position(|s| s.of(HARBOUR_PAGE) == kept[0]).unwrap();
    assert_eq!(l.roles[i], LineRole::Article);
}

#[test]
fn timestamps_with_labels_and_parts() {
    let p = Phrases::get();
    assert_eq!(timestamp("Updated 6:52 PM GMT+3, May 2, 2024", p), Some(Some("2024-05-02 18:52:00".into())));
    assert_eq!(timestamp("Friday 7 June 2024 17.45 BST", p), Some(Some("2024-06-07 17:45:00".into())));
    assert_eq!(timestamp("Release date: September 6, 2024", p), Some(Some("2024-09-06".into())));
    assert_eq!(
        timestamp("Published: Oct. 15, 2024 at 5:14 PM CDT | Updated: 2 hours ago", p),
        Some(Some("2024-10-15 17:14:00".into()))
    );
    assert_eq!(timestamp("Council votes to close the terminal", p), None);
}

#[test]
fn captions_by_their_credit() {
    let p = Phrases::get();
    let credit = |s: &str| has_credit(s, p);
    assert!(credit("Residents wade through floodwater. (AP Photo/Jane Roe)"));
    assert!(credit("Soldiers fire a howitzer. (U.S. Army photo by Sgt. Ann Lee)"));
    assert!(credit("Doctors on a picket line. Photograph: Lucy North/PA"));
    assert!(credit("A nurse checks a child. (Image: Getty Images)"));
    assert!(!credit("The ministry said the figures were provisional (see table)."));
    assert!(!credit("He said: \"We will not stop.\""));
}

const FERRY_PAGE: &str = include_str!("../../../tests/fixtures/pages/broadcaster-ferry-strike.txt");
const TUNNEL_PAGE: &str = include_str!("../../../tests/fixtures/pages/newsletter-harbour-tunnel.txt");

/// The first words of each article line.
fn article_starts(text: &str) -> Vec<String> {
    with_role(text, LineRole::Article)
        .iter()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn a_broadcaster_page_with_its_byline_on_two_lines() {
    let (l, _) = layout(FERRY_PAGE);
    assert_eq!(with_role(FERRY_PAGE, LineRole::Headline), ["Ferry strike halts island crossings for a second day"]);
    assert_eq!(l.byline.map(|b| b.authors), Some(vec!["Alys Pryce".to_string()]));
    assert_eq!(with_role(FERRY_PAGE, LineRole::Timestamp), ["11 hours ago"]);
    assert_eq!(
        article_starts(FERRY_PAGE),
        [
            "Ferry crossings between",
            "The walkout, over",
            "\"We have offered",
            "The Seafarers' Union",
            "On Ynys Fach,",
            "The Welsh government"
        ]
    );
}

#[test]
fn a_newsletter_page_with_its_subtitle_and_sign_up_prompts() {
    let (l, _) = layout(TUNNEL_PAGE);
    assert_eq!(with_role(TUNNEL_PAGE, LineRole::Headline), ["Why the harbour tunnel costs keep rising"]);
    assert_eq!(l.byline.map(|b| b.authors), Some(vec!["Priya Raman".to_string()]));
    assert_eq!(l.timestamp_iso.as_deref(), Some("2025-03-03"));
    assert_eq!(
        article_starts(TUNNEL_PAGE),
        [
            "Engineers blame the",
            "The harbour tunnel",
            "I spent two",
            "\"The risk sat",
            "The builder, Meridian",
            "City councillor Tomas"
        ]
    );
}

#[test]
fn relative_times_are_date_lines_without_a_date() {
    let p = Phrases::get();
    assert_eq!(timestamp("11 hours ago", p), Some(None));
    assert_eq!(timestamp("Published 2 days ago", p), Some(None));
    assert_eq!(timestamp("2 hours of talks", p), None);
}
