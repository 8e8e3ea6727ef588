//! One test per quote style, attribution pattern and breakdown feature the
//! parser promises, each on a small article written for the test.

use factsheet::parser::{
    parse, Attribution, Breakdown, DateKind, FactKind, FigureKind, PartyKind, PartyVia, Quote, QuoteKind, SpeakerVia,
};

/// The quote whose text starts with `start`.
fn quote<'a>(b: &'a Breakdown, start: &str) -> &'a Quote {
    b.quotes.iter().find(|q| q.text.trim_start().starts_with(start)).unwrap_or_else(|| {
        panic!("no quote starting {start:?}; quotes: {:?}", b.quotes.iter().map(|q| &q.text).collect::<Vec<_>>())
    })
}

fn speaker(b: &Breakdown, start: &str) -> Option<String> {
    quote(b, start).speaker.clone()
}

fn party(b: &Breakdown, start: &str) -> Option<String> {
    quote(b, start).party.clone()
}

// --- Quote marks -------------------------------------------------------------

#[test]
fn straight_double_quotes_are_found() {
    let b = parse(r#""We will rebuild," the mayor, Ana Costa, said on Monday."#);
    assert_eq!(quote(&b, "We will").text, "We will rebuild,");
}

#[test]
fn curly_quotes_are_found() {
    let b = parse("“The talks are over,” said Foreign Minister Lena Brandt.");
    assert_eq!(quote(&b, "The talks").text, "The talks are over,");
    assert_eq!(speaker(&b, "The talks").as_deref(), Some("Lena Brandt"));
}

#[test]
fn mixed_pair_straight_open_curly_close_is_one_quote() {
    let b = parse("\"We are ready to sign,” said Omar Haddad, a negotiator.");
    assert_eq!(quote(&b, "We are").text, "We are ready to sign,");
}

#[test]
fn german_low_high_quotes_are_found() {
    let b = parse("„Wir haben zu viel Zeit verloren“, sagte Ministerin Katrin Vogt.\n\nVogt said the bill was vital.");
    assert_eq!(quote(&b, "Wir haben").text, "Wir haben zu viel Zeit verloren");
}

#[test]
fn french_guillemets_are_found() {
    let b = parse("« Nous partirons en janvier », a déclaré Claire Duval.");
    assert_eq!(quote(&b, "Nous").text.trim(), "Nous partirons en janvier");
}

#[test]
fn single_quotes_inside_double_stay_inside() {
    let b = parse(r#""He is treated like a 'yo-yo.' He is safe," said Bright Matonga."#);
    assert_eq!(b.stats.quotes, 1);
    assert!(quote(&b, "He is treated").text.contains("'yo-yo.'"));
}

#[test]
fn british_single_quotes_are_quotes() {
    let b = parse("‘We have been left with no choice,’ said Dr Priya Nandakumar.");
    assert_eq!(quote(&b, "We have been").text, "We have been left with no choice,");
    assert_eq!(speaker(&b, "We have been").as_deref(), Some("Priya Nandakumar"));
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let b = parse("The leaders' summit in the '90s didn't help Sa'ad or O'Brien's plans.");
    assert!(b.quotes.is_empty(), "{:?}", b.quotes);
}

#[test]
fn unbalanced_mark_never_swallows_the_next_paragraph() {
    let b = parse("He said \"this never closes.\n\nThe next paragraph is plain text.\n\nShe said \"yes\" to it.");
    let texts: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.contains(&"this never closes."));
    assert!(texts.contains(&"yes"));
    assert!(!texts.iter().any(|t| t.contains("next paragraph")));
    assert!(!b.notices.is_empty(), "the reader is told about the unclosed mark");
}

#[test]
fn multi_paragraph_quote_gives_one_piece_per_paragraph_with_one_speaker() {
    let b = parse(
        "Col. Ahmed Farah, the army's spokesman, said: \"We had received intelligence two days before.\n\n\
         \"The operation to clear the villages is continuing.\"",
    );
    let first = quote(&b, "We had received");
    let second = quote(&b, "The operation");
    assert!(first.continues);
    assert_eq!(first.speaker.as_deref(), Some("Ahmed Farah"));
    assert_eq!(second.speaker.as_deref(), Some("Ahmed Farah"));
    assert_eq!(second.attribution, Attribution::Continued);
}

// --- Attribution ------------------------------------------------------------

#[test]
fn quote_then_name_said() {
    let b = parse("\"The cap is working,\" Tony Hayward said.");
    assert_eq!(speaker(&b, "The cap").as_deref(), Some("Tony Hayward"));
    assert_eq!(quote(&b, "The cap").verb.as_deref(), Some("said"));
    assert_eq!(quote(&b, "The cap").attribution, Attribution::Adjacent);
}

#[test]
fn quote_then_said_name_with_apposition_gives_role() {
    let b =
        parse("\"It's an adrenaline rush,\" said Pvt. Brandon Hickle, an infantryman with the 3rd Cavalry Regiment.");
    let q = quote(&b, "It's an");
    assert_eq!(q.speaker.as_deref(), Some("Brandon Hickle"));
    assert!(q.role.as_deref().is_some_and(|r| r.contains("infantryman")), "{:?}", q.role);
    assert_eq!(q.party.as_deref(), Some("3rd Cavalry Regiment"));
}

#[test]
fn name_said_colon_quote() {
    let b = parse("Health Secretary Martin Hale said: \"We have made a fair offer.\"");
    assert_eq!(speaker(&b, "We have made").as_deref(), Some("Martin Hale"));
}

#[test]
fn name_stated_comma_quote() {
    let b = parse("Jean Dupont stated, \"The President has demonstrated his resolve.\"");
    assert_eq!(speaker(&b, "The President").as_deref(), Some("Jean Dupont"));
    assert_eq!(quote(&b, "The President").verb.as_deref(), Some("stated"));
}

#[test]
fn participle_adding_takes_the_clause_subject() {
    let b = parse(
        "White House Press Secretary Karine Jean-Pierre confirmed the report on Wednesday, adding, \
         \"These are ongoing talks.\"",
    );
    let q = quote(&b, "These are");
    assert_eq!(q.speaker.as_deref(), Some("Karine Jean-Pierre"));
    assert_eq!(q.role.as_deref(), Some("White House Press Secretary"));
    assert_eq!(q.party.as_deref(), Some("United States"));
    assert_eq!(q.verb.as_deref(), Some("adding"));
}

#[test]
fn quote_broken_by_its_attribution_keeps_one_speaker() {
    let b = parse("\"We're not going to allow it,\" Mr. Kerry said, \"the order to be destroyed by one country.\"");
    assert_eq!(speaker(&b, "We're not").as_deref(), Some("Kerry"));
    assert_eq!(speaker(&b, "the order").as_deref(), Some("Kerry"));
    assert_eq!(quote(&b, "the order").kind, QuoteKind::Direct);
}

#[test]
fn quote_paragraph_takes_the_speaker_of_the_sentence_before() {
    let b = parse(
        "Al Jazeera's Hamdah Salhut, reporting from Amman, stated that the parties discussed captives.\n\n\
         \"We understand that this is to ensure the recovery of the remains.\"",
    );
    let q = quote(&b, "We understand");
    assert_eq!(q.speaker.as_deref(), Some("Hamdah Salhut"));
    assert_eq!(q.party.as_deref(), Some("Al Jazeera"));
    assert_eq!(q.attribution, Attribution::Context);
}

#[test]
fn pronoun_he_added_resolves_to_the_person() {
    let b = parse(
        "U.S. Representative John Spratt, who appeared on the program, expressed concern.\n\n\
         He added: \"This is a very serious matter.\"",
    );
    assert_eq!(speaker(&b, "This is a very").as_deref(), Some("John Spratt"));
    assert_eq!(party(&b, "This is a very").as_deref(), Some("United States"));
}

#[test]
fn pronouns_follow_gender_when_titles_tell_it() {
    let b = parse(
        "Mrs. Alma Reyes met Mr. Tom Baker on Friday.\n\n\
         \"We agreed on nothing,\" she said.\n\n\"Nothing at all,\" he said.",
    );
    assert_eq!(speaker(&b, "We agreed").as_deref(), Some("Alma Reyes"));
    assert_eq!(speaker(&b, "Nothing at all").as_deref(), Some("Tom Baker"));
}

#[test]
fn description_refers_back_to_the_named_person() {
    let b = parse(
        "Ana Lucía Ferrer, the journalist who won the Nobel Peace Prize, spoke in Oslo.\n\n\
         \"They took our building,\" the Nobel Peace Prize winner said.",
    );
    assert_eq!(speaker(&b, "They took").as_deref(), Some("Ana Lucía Ferrer"));
}

#[test]
fn the_official_refers_back_to_a_described_speaker() {
    let b = parse(
        "A senior Hamas official, who spoke on condition of anonymity, said the group had reservations.\n\n\
         \"We want guarantees that the war will end,\" the official said.",
    );
    let q = quote(&b, "We want");
    assert_eq!(q.speaker.as_deref(), Some("A senior Hamas official"));
    assert_eq!(q.party.as_deref(), Some("Hamas"));
}

#[test]
fn institution_speaks_through_the_ministry_in_a_statement() {
    let b = parse(
        "According to Niger's Ministry of Humanitarian Action, 400,000 people have fled.\n\n\
         The ministry said in a statement that it was \"working closely with partners.\"",
    );
    let q = quote(&b, "working closely");
    assert_eq!(q.speaker.as_deref(), Some("Niger's Ministry of Humanitarian Action"));
    assert_eq!(q.party.as_deref(), Some("Niger"));
    assert_eq!(q.kind, QuoteKind::Partial);
}

#[test]
fn statement_read_and_added_the_statement() {
    let b = parse(
        "RIYADH, SAUDI ARABIA — Saudi Arabia's foreign ministry said talks had resumed.\n\n\
         A statement released by the Arab nation's foreign ministry read, \"the Kingdom welcomes the resumption of talks.\"\n\n\
         \"The Kingdom affirms its keenness on unity,\" added the statement.",
    );
    assert_eq!(party(&b, "the Kingdom welcomes").as_deref(), Some("Saudi Arabia"));
    assert_eq!(quote(&b, "the Kingdom welcomes").kind, QuoteKind::Direct);
    assert_eq!(party(&b, "The Kingdom affirms").as_deref(), Some("Saudi Arabia"));
}

#[test]
fn group_subject_and_they_stated() {
    let b = parse(
        "France, the United Kingdom, and Germany warned Israel against using aid as a \"political tool.\"\n\n\
         The three European countries stated in a joint statement, \"We call on all sides to act.\" \
         They also stated, \"Aid should never be conditional.\"",
    );
    assert_eq!(speaker(&b, "political tool").as_deref(), Some("France, the United Kingdom, and Germany"));
    assert_eq!(quote(&b, "political tool").kind, QuoteKind::Partial);
    assert_eq!(party(&b, "We call").as_deref(), Some("France, the United Kingdom and Germany"));
    assert_eq!(party(&b, "Aid should").as_deref(), Some("France, the United Kingdom and Germany"));
}

#[test]
fn according_to_attributes_a_partial_quote() {
    let b = parse("The ceasefire is \"holding for now,\" according to Israeli officials.");
    let q = quote(&b, "holding");
    assert_eq!(q.speaker.as_deref(), Some("Israeli officials"));
    assert_eq!(q.party.as_deref(), Some("Israel"));
}

#[test]
fn transcript_label_names_the_speaker() {
    let b = parse("Host Grace Mwangi spoke with Dr. Tomas Lindqvist.\n\nLindqvist: \"It is the worst outbreak in a decade.\"\n\nMwangi: \"Why?\"");
    assert_eq!(speaker(&b, "It is the worst").as_deref(), Some("Tomas Lindqvist"));
    assert_eq!(speaker(&b, "Why?").as_deref(), Some("Grace Mwangi"));
}

#[test]
fn fullest_name_is_reported_even_when_it_comes_later() {
    let b = parse(
        "McFarlane said the move was \"a very serious breach.\"\n\n\
         Robert McFarlane, a former adviser to President Ronald Reagan, spoke on the program.",
    );
    assert_eq!(speaker(&b, "a very serious").as_deref(), Some("Robert McFarlane"));
    assert_eq!(party(&b, "a very serious").as_deref(), Some("United States"));
}

#[test]
fn unknown_speaker_stays_unknown() {
    let b = parse("The rain kept falling on the village.\n\n\"Nobody came to help us, nobody at all.\"");
    let q = quote(&b, "Nobody came");
    assert_eq!(q.speaker, None);
    assert_eq!(q.attribution, Attribution::Unknown);
}

#[test]
fn unnamed_speaker_keeps_the_description_without_a_party() {
    let b = parse("\"We do not have bread to eat,\" asked one caller from Tehran.");
    let q = quote(&b, "We do not");
    assert_eq!(q.speaker.as_deref(), Some("one caller from Tehran"));
    assert_eq!(q.party, None);
}

#[test]
fn told_names_the_listener_not_the_speaker() {
    let b = parse("\"The house was gone,\" one resident, a market vendor, told Radio Quispillaccta, a local station.");
    assert_eq!(speaker(&b, "The house").as_deref(), Some("one resident"));
}

#[test]
fn party_from_the_country_of_the_dateline_for_a_minister() {
    let b = parse("PARIS — \"We will leave by January,\" Defence Minister Claire Duval said on Tuesday.");
    assert_eq!(party(&b, "We will leave").as_deref(), Some("France"));
}

// --- Kinds ------------------------------------------------------------------

#[test]
fn designation_is_a_term_not_speech() {
    let b = parse("Washington designated the group a \"terrorist organization\" in 1997.");
    assert_eq!(quote(&b, "terrorist").kind, QuoteKind::Term);
    assert_eq!(b.stats.quotes, 0);
    assert_eq!(b.stats.terms, 1);
}

#[test]
fn so_called_and_titles_are_terms() {
    let b = parse(
        "The government backed its so-called \"minimum service levels\" law. Peru lies on the Pacific \"Ring of Fire\" and \
         the report, titled \"Deadly Pattern,\" was published on Monday.",
    );
    for t in ["minimum service levels", "Ring of Fire", "Deadly Pattern,"] {
        assert_eq!(quote(&b, t).kind, QuoteKind::Term, "{t}");
    }
}

#[test]
fn nickname_inside_a_name_is_a_term() {
    let b = parse("\"We deploy soon,\" said Pvt. Tim Lee of 2nd Squadron \"Sabre,\" 3rd Cavalry Regiment.");
    assert_eq!(quote(&b, "Sabre").kind, QuoteKind::Term);
    assert_eq!(quote(&b, "We deploy").kind, QuoteKind::Direct);
}

#[test]
fn fragment_inside_the_reporters_sentence_is_partial() {
    let b = parse(
        "Secretary of State John Kerry says the United States is \"prepared to respond very strongly\" if needed.",
    );
    let q = quote(&b, "prepared");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(q.speaker.as_deref(), Some("John Kerry"));
    assert_eq!(q.role.as_deref(), Some("Secretary of State"));
}

#[test]
fn lowercase_continuation_of_the_reporters_clause_is_partial() {
    let b =
        parse("Allowing malaria to continue, said President Bush, \"is just simply unacceptable. So we are acting.\"");
    assert_eq!(quote(&b, "is just").kind, QuoteKind::Partial);
    assert_eq!(speaker(&b, "is just").as_deref(), Some("Bush"));
}

// --- Parties ----------------------------------------------------------------

#[test]
fn parties_collect_every_alias_and_the_people_who_speak_for_them() {
    let b = parse(
        "The U.S. is in talks with Hamas. White House Press Secretary Karine Jean-Pierre said, \"Talks are ongoing.\" \
         The Trump administration nominated Adam Boehler as envoy. Washington declined to comment.",
    );
    let us = b.parties.iter().find(|p| p.name == "United States").expect("United States");
    assert_eq!(us.kind, PartyKind::Country);
    for alias in ["U.S.", "White House", "Trump administration", "Washington", "Karine Jean-Pierre"] {
        assert!(us.aliases.iter().any(|a| a == alias), "alias {alias} in {:?}", us.aliases);
    }
    assert!(us.mentions >= 5);
    assert!(us.people.iter().any(|&p| b.people[p].name == "Karine Jean-Pierre"));
    assert!(b.parties.iter().any(|p| p.name == "Hamas" && p.kind == PartyKind::ArmedGroup));
}

#[test]
fn organisation_unknown_to_any_list_is_found_by_its_shape() {
    let b = parse("Volunteers with the Ayorou Women's Grain Bank Association said stocks were gone by April.");
    assert!(b.parties.iter().any(|p| p.name == "Ayorou Women's Grain Bank Association"), "{:?}", b.parties);
}

#[test]
fn definite_description_counts_for_the_party_named_before() {
    let b = parse(
        "The World Food Programme said it will cut rations.\n\n\
         \"Our pipeline will break in July,\" the agency said.",
    );
    assert_eq!(party(&b, "Our pipeline").as_deref(), Some("World Food Programme"));
    let wfp = b.parties.iter().find(|p| p.name == "World Food Programme").expect("WFP");
    assert!(wfp.aliases.iter().any(|a| a == "agency"), "{:?}", wfp.aliases);
}

#[test]
fn lone_name_that_speaks_or_owns_a_role_is_an_organisation() {
    let b = parse(
        "Harbourwatch said the port had dumped silt in the bay for a decade.\n\n\
         \"The dredging broke every rule,\" said Harbourwatch's head of science, Dr Ines Moreau.\n\n\
         Residents said they had complained since 2019.",
    );
    let hw = b.parties.iter().find(|p| p.name == "Harbourwatch").expect("Harbourwatch found");
    assert_eq!(hw.kind, PartyKind::Organisation);
    assert_eq!(party(&b, "The dredging").as_deref(), Some("Harbourwatch"));
    // A common noun opening a sentence is not a party.
    assert!(!b.parties.iter().any(|p| p.name == "Residents"), "{:?}", b.parties);
}

#[test]
fn lone_surname_that_speaks_stays_a_person() {
    let b = parse("Pastor Miriam Oduya opened the shelter in May.\n\nOduya said, \"Nobody sleeps outside tonight.\"");
    assert_eq!(speaker(&b, "Nobody sleeps").as_deref(), Some("Miriam Oduya"));
    assert!(!b.parties.iter().any(|p| p.name == "Oduya"), "{:?}", b.parties);
}

#[test]
fn short_name_of_an_organisation_is_not_a_second_party() {
    let b = parse(
        "Kestrel Airways agreed to buy a rival on Monday.\n\n\
         Kestrel's chief executive, Omar Lindqvist, said: \"This makes us bigger.\"",
    );
    assert_eq!(party(&b, "This makes").as_deref(), Some("Kestrel Airways"));
    assert!(!b.parties.iter().any(|p| p.name == "Kestrel"), "{:?}", b.parties);
}

#[test]
fn person_who_chairs_a_named_group_speaks_for_it() {
    let b =
        parse("Tomas Brenner, who chairs the residents' group Save Our Shoreline, said: \"The sea wall is failing.\"");
    assert_eq!(party(&b, "The sea wall").as_deref(), Some("Save Our Shoreline"));
}

#[test]
fn second_verb_of_a_sentence_shares_its_subject() {
    let b = parse(
        "The port authority's director of planning, Nadia Osei, welcomed the report but said the money should be \
         \"spent on the river, not on consultants\".",
    );
    assert_eq!(speaker(&b, "spent on the river").as_deref(), Some("Nadia Osei"));
}

#[test]
fn mayor_and_councillors_sit_on_the_council_the_article_names() {
    let b = parse(
        "The Eastbrook Borough Council voted to close the library.\n\n\
         \"We had no choice,\" said Mayor Ruth Adeyemi. Councillor Piet Vos said the vote was \"a disgrace\".",
    );
    assert_eq!(party(&b, "We had no choice").as_deref(), Some("Eastbrook Borough Council"));
    assert_eq!(party(&b, "a disgrace").as_deref(), Some("Eastbrook Borough Council"));
}

#[test]
fn known_party_is_named_as_the_article_spells_it() {
    let b = parse("The World Health Organisation said cases had doubled in a week.");
    assert!(b.parties.iter().any(|p| p.name == "World Health Organisation"), "{:?}", b.parties);
    let b = parse("The World Health Organization said cases had doubled in a week.");
    assert!(b.parties.iter().any(|p| p.name == "World Health Organization"), "{:?}", b.parties);
}

#[test]
fn description_set_before_a_name_refers_to_that_name() {
    let b = parse(
        "Brackwater Council approved the scheme.\n\n\
         The regional roads agency, Viaro, will pay 40 percent of the cost.",
    );
    assert!(b.parties.iter().any(|p| p.name == "Viaro"), "{:?}", b.parties);
    let council = b.parties.iter().find(|p| p.name == "Brackwater Council").expect("council");
    assert!(!council.aliases.iter().any(|a| a.contains("agency")), "{:?}", council.aliases);
}

#[test]
fn the_two_companies_are_the_pair_named_before() {
    let b = parse(
        "Norwegian fish farmer Fjordlaks Group and Scottish rival Glenmor Seafoods agreed to merge on Tuesday.\n\n\
         \"Together we can feed more people,\" the two companies said in a joint statement.",
    );
    let q = quote(&b, "Together we");
    assert_eq!(q.speaker.as_deref(), Some("Fjordlaks Group and Glenmor Seafoods"));
    assert_eq!(q.parties.len(), 2, "{:?}", q);
}

#[test]
fn name_particles_stay_in_the_name() {
    let b = parse("Brewery owner Pieter van der Berg said sales had halved.");
    assert!(b.people.iter().any(|p| p.name == "Pieter van der Berg"), "{:?}", b.people);
}

// --- Facts, figures, dates, metadata -------------------------------------------

#[test]
fn facts_carry_kind_source_parties_and_figures() {
    let b = parse(
        "According to Israeli officials, approximately 24 living captives and at least 35 bodies remain in Gaza. \
         In the first phase, Hamas released 33 hostages in exchange for over 2,000 Palestinian prisoners.",
    );
    let reported = b.facts.iter().find(|f| f.text.starts_with("According")).expect("reported fact");
    assert_eq!(reported.kind, FactKind::Reported);
    assert_eq!(reported.source.as_ref().map(|s| s.name.as_str()), Some("Israeli officials"));
    let values: Vec<&str> = reported.figures.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(values, ["approximately 24", "at least 35"]);
    assert_eq!(reported.figures[0].what.as_deref(), Some("living captives"));
    assert_eq!(reported.figures[0].qualifier.as_deref(), Some("approximately"));
    let fact = b.facts.iter().find(|f| f.text.starts_with("In the first phase")).expect("fact");
    assert_eq!(fact.kind, FactKind::Fact);
    let over = fact.figures.iter().find(|f| f.number == Some(2000.0)).expect("2,000");
    assert_eq!(over.value, "over 2,000");
    assert_eq!(over.what.as_deref(), Some("Palestinian prisoners"));
}

#[test]
fn figures_in_words_money_and_percentages() {
    let b = parse(
        "The U.S. launched a one-point-two billion-dollar program to cut deaths by fifty percent. \
         Donors gave $3 billion; 12,000 to 19,000 barrels leak each day.",
    );
    let find = |v: &str| b.figures.iter().find(|f| f.value == v).unwrap_or_else(|| panic!("{v}: {:?}", b.figures));
    assert_eq!(find("one-point-two billion-dollar").number, Some(1.2e9));
    assert_eq!(find("one-point-two billion-dollar").kind, FigureKind::Money);
    assert_eq!(find("fifty percent").kind, FigureKind::Percent);
    assert_eq!(find("$3 billion").number, Some(3e9));
    assert_eq!(find("$3 billion").unit.as_deref(), Some("USD"));
    let range = find("12,000 to 19,000 barrels");
    assert_eq!((range.number, range.upper), (Some(12000.0), Some(19000.0)));
}

#[test]
fn relative_dates_resolve_against_the_timestamp() {
    let b = parse(
        "Talks resume\n\n2025-03-06 03:24:00\n\nIsrael suspended aid on Sunday. The ministers met on Wednesday and \
         agreed in January to talk again next week.",
    );
    let iso = |t: &str| b.dates.iter().find(|d| d.text == t).and_then(|d| d.iso.clone());
    assert_eq!(iso("Sunday").as_deref(), Some("2025-03-02"));
    assert_eq!(iso("Wednesday").as_deref(), Some("2025-03-05"));
    assert_eq!(iso("January").as_deref(), Some("2025-01"));
    assert_eq!(b.dates.iter().find(|d| d.text == "Sunday").map(|d| d.kind), Some(DateKind::Weekday));
}

#[test]
fn metadata_headline_timestamp_abstract_and_dateline() {
    let b = parse(
        "US confirms direct talks with Hamas\n\n2025-03-06 03:24:00\n\nAbstract: The U.S. is in direct talks.\n\n\
         WASHINGTON — The United States is engaging in talks.",
    );
    assert_eq!(b.meta.headline.as_ref().map(|h| h.text.as_str()), Some("US confirms direct talks with Hamas"));
    assert_eq!(b.meta.timestamp.as_ref().and_then(|t| t.iso.as_deref()), Some("2025-03-06 03:24:00"));
    assert_eq!(b.meta.abstract_text.as_ref().map(|a| a.text.as_str()), Some("The U.S. is in direct talks."));
    assert_eq!(b.meta.dateline.as_ref().map(|d| d.place.as_str()), Some("WASHINGTON"));
}

#[test]
fn writer_commentary_is_kept_apart_from_fact() {
    let b = parse(
        "Israel suspended the entry of aid on Sunday. This international pressure highlights the growing concern \
         over the humanitarian situation in Gaza.",
    );
    let kinds: Vec<(FactKind, &str)> = b.facts.iter().map(|f| (f.kind, f.text.as_str())).collect();
    assert_eq!(kinds[0].0, FactKind::Fact);
    assert_eq!(kinds[1].0, FactKind::Commentary, "{kinds:?}");
    assert_eq!(b.stats.commentary, 1);
}

#[test]
fn sentences_survive_abbreviations_and_quotes() {
    let b = parse("Mr. Bush met Gen. Smith in the U.S. on Jan. 5. \"It went well. Very well,\" he said. Then he left.");
    assert_eq!(b.stats.sentences, 3, "{:?}", b.sentences);
}

#[test]
fn every_span_points_at_its_text() {
    let text =
        "“We are ready,” said Foreign Minister Lena Brandt in Berlin on Monday, adding that 1,500 troops would go.";
    let b = parse(text);
    for q in &b.quotes {
        assert_eq!(q.span.of(text), q.text);
    }
    for f in &b.facts {
        assert_eq!(f.span.of(text), f.text);
    }
    for f in &b.figures {
        assert_eq!(f.span.of(text), f.value);
    }
    for d in &b.dates {
        assert_eq!(d.span.of(text), d.text);
    }
}

#[test]
fn empty_and_junk_input_give_an_empty_sheet_and_a_notice() {
    let b = parse("   \n\n  ");
    assert!(b.quotes.is_empty() && b.facts.is_empty() && b.parties.is_empty());
    assert!(b.notices.iter().any(|n| n.message.contains("empty")));
    let b = parse("\u{0}\u{1}\u{fffd}\u{fffd}<script>alert(1)</script>\"\"\"");
    assert!(b.quotes.iter().all(|q| !q.text.is_empty() || q.kind == QuoteKind::Term));
}

// --- Shapes seen failing on unseen news ---------------------------------------

#[test]
fn two_apostrophes_pair_like_double_quotes() {
    let b = parse("''We will win this state,'' Gov. Lyle Brandvold said on Thursday. ''Then we fix the mills.''");
    assert_eq!(quote(&b, "We will win").text, "We will win this state,");
    assert_eq!(quote(&b, "Then we fix").text, "Then we fix the mills.");
    assert_eq!(speaker(&b, "Then we fix").as_deref(), Some("Lyle Brandvold"));
    let b = parse("Mrs. Dana Holm called the tariff ''a tax on every family'' and left.");
    assert_eq!(quote(&b, "a tax").text, "a tax on every family");
    assert_eq!(quote(&b, "a tax").kind, QuoteKind::Partial);
}

#[test]
fn an_age_after_the_name_does_not_hide_the_speaker() {
    for text in [
        "Linda Pasko, 58, who runs a diner near the mill, said she liked the idea but \"wanted to see the math.\"",
        "Linda Pasko, 58, said she \"wanted to see the math.\"",
        "\"We wanted to see the math,\" Linda Pasko, 58, told the network's reporter.",
        "Linda Pasko, 58, a diner owner, said: \"We wanted to see the math.\"",
    ] {
        let b = parse(text);
        let q = b.quotes.iter().find(|q| q.text.contains("math")).expect("the quote");
        assert_eq!(q.speaker.as_deref(), Some("Linda Pasko"), "{text}");
    }
}

#[test]
fn a_place_with_its_state_inside_an_aside_is_skipped() {
    let b = parse(
        "Mrs. Helen Marchetti, campaigning in Erie, Pa., told reporters that the tariff was \"a tax on every family.\"",
    );
    assert_eq!(speaker(&b, "a tax").as_deref(), Some("Helen Marchetti"));
    let b = parse("Donna Rawlings, 59, of Ashton, Md., said the museum was \"for all the people who came before.\"");
    assert_eq!(speaker(&b, "for all").as_deref(), Some("Donna Rawlings"));
}

#[test]
fn who_said_speaks_for_the_noun_it_hangs_on() {
    let b = parse(
        "The rally was opened by Dale Kostecki, the chairman of the county party, who said the governor had \"done what no one has done.\"",
    );
    assert_eq!(speaker(&b, "done what").as_deref(), Some("Dale Kostecki"));
    let b = parse("Officers questioned Maria Lopez, who said she had \"seen nothing at all.\"");
    assert_eq!(speaker(&b, "seen nothing").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_pronoun_later_in_the_sentence_is_its_earlier_speaker() {
    let b = parse(
        "Joris Vandeputte said he had read the novel three times.\n\n\
         Owen Marsh, the chief critic of The Northern Review, called the film \"the most beautiful of the year,\" \
         though he warned that its length \"will test the patience of anyone.\"",
    );
    assert_eq!(speaker(&b, "will test").as_deref(), Some("Owen Marsh"));
}

#[test]
fn given_names_tell_the_gender_of_a_pronoun() {
    let b = parse(
        "Mark Lindqvist, the director, opened the session. Ingrid Solberg, who reviews films for a weekly, was blunter.\n\n\
         \"It is two and a half hours of wind,\" she said.",
    );
    assert_eq!(speaker(&b, "It is two").as_deref(), Some("Ingrid Solberg"));
    let b = parse(
        "Carla Dietz, the campaign manager, spoke after Mrs. Marchetti had left.\n\nCarla Dietz told reporters the offices would open soon. \"We will not concede a county,\" she said.",
    );
    assert_eq!(speaker(&b, "We will not").as_deref(), Some("Carla Dietz"));
}

#[test]
fn another_and_a_third_are_new_unnamed_speakers() {
    let b = parse(
        "\"I pay 950 euros for one room,\" one protester shouted. \"My grandmother lived on this street,\" said another, \
         a nurse. \"We are not against tourists,\" a third added.",
    );
    assert_eq!(speaker(&b, "I pay").as_deref(), Some("one protester"));
    assert_eq!(speaker(&b, "My grandmother").as_deref(), Some("another protester"));
    assert_eq!(speaker(&b, "We are not").as_deref(), Some("a third protester"));
    let b = parse(
        "Lena Voss, the company's founder, said sales were up.\n\n\
         \"It is a wild thing to say,\" one user replied. \"Imagine having a marketing budget,\" wrote another.",
    );
    assert_eq!(speaker(&b, "It is a wild").as_deref(), Some("one user"));
    assert_eq!(speaker(&b, "Imagine").as_deref(), Some("another user"));
}

#[test]
fn a_coordinated_verb_takes_the_subject_of_its_own_clause() {
    let b = parse(
        "When the march reached the square, a group of students began chanting and one woman climbed onto a bollard \
         and shouted \"Shame on you!\" at the windows.",
    );
    assert_eq!(speaker(&b, "Shame").as_deref(), Some("one woman"));
}

#[test]
fn round_up_labels_name_the_speaker_and_the_outlet() {
    let b = parse(
        "Here is what the papers said.\n\n\
         Helene Marchal, Le Courrier Parisien: \"This is not a business failure. It is a betrayal.\"\n\n\
         Paola Ferri, La Voce di Genova:\n\"Europe built a single sky and forgot the safety net.\"",
    );
    assert_eq!(speaker(&b, "This is not").as_deref(), Some("Helene Marchal"));
    assert_eq!(party(&b, "This is not").as_deref(), Some("Le Courrier Parisien"));
    assert_eq!(speaker(&b, "Europe built").as_deref(), Some("Paola Ferri"));
    assert_eq!(party(&b, "Europe built").as_deref(), Some("La Voce di Genova"));
}

#[test]
fn a_dash_and_a_name_after_a_quote_name_its_speaker() {
    let b = parse(
        "Readers wrote in.\n\n\
         \u{201c}He represents our greatest shame.\u{201d} \u{2015} Sonya Herridge\n\
         \u{201c}He is ignorant of our culture.\u{201d}\u{2015} Pamela Padilla\n\
         \u{201c}Trump must stop portraying Latinos as gangsters.\u{201d} \u{2014} Carla Sanchez.",
    );
    assert_eq!(speaker(&b, "He represents").as_deref(), Some("Sonya Herridge"));
    assert_eq!(speaker(&b, "He is ignorant").as_deref(), Some("Pamela Padilla"));
    assert_eq!(speaker(&b, "Trump must").as_deref(), Some("Carla Sanchez"));
}

#[test]
fn a_transcript_label_inside_the_quote_names_the_speaker() {
    let b = parse(
        "Chris Wallace pressed the governor on Sunday.\n\n\
         \"WALLACE: Governor, I don't want to interrupt, but do you see those two as equivalent?\"",
    );
    assert_eq!(speaker(&b, "WALLACE").as_deref(), Some("Chris Wallace"));
    let b = parse("\"MATTHEWS: His body language was excellent.\"");
    assert_eq!(speaker(&b, "MATTHEWS").as_deref(), Some("Matthews"));
}

#[test]
fn described_outlets_and_companies_are_the_ones_named_before() {
    let b = parse(
        "In Germany, the Berliner Tagesbote pointed the finger at regulators. \"The warning lights were flashing,\" \
         the newspaper wrote.\n\n\
         In the United States, the Washington Sentinel focused on the industry. \"The collapse is a warning,\" the \
         influential US daily said. The Sentinel noted that three carriers had failed.",
    );
    assert_eq!(speaker(&b, "The warning lights").as_deref(), Some("Berliner Tagesbote"));
    assert_eq!(party(&b, "The collapse").as_deref(), Some("Washington Sentinel"));
    let b = parse(
        "Kestrel Home recalled 310,000 air fryers on Tuesday. \"We are deeply sorry to every customer,\" the company said.",
    );
    assert_eq!(speaker(&b, "We are deeply").as_deref(), Some("Kestrel Home"));
}

#[test]
fn a_short_description_before_an_inverted_speaker_is_skipped() {
    for (text, want) in [
        ("\"To be frank, the city will never go back,\" said the Rev. Peter Wherry.", "Peter Wherry"),
        ("\"He did all the things right,\" said MSNBC host Chris Matthews.", "Chris Matthews"),
        ("\"The rationales don't hold weight,\" said 9/11 widow Terry Strada.", "Terry Strada"),
        (
            "\"The veto will be overridden,\" Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
            "Mitch McConnell",
        ),
    ] {
        let b = parse(text);
        assert_eq!(b.quotes[0].speaker.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn markup_pasted_with_the_text_is_never_a_quote() {
    let b = parse(
        "\"Not one word to me,\" Sam Okonjo wrote on X.\n\n<tweet tweet-id=\"1846112093374519622\">\n\n\
         1846112093374519622\n\n<a href=\"https://x.com/nightshiftbakes/status/1\" title=\"post\">link</a>",
    );
    let texts: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["Not one word to me,"]);
}

#[test]
fn words_on_signs_are_terms_not_speech() {
    let b = parse(
        "Marchers walked behind a brass band, many carrying hand-painted signs that read \"Homes, not hotels\" and \
         \"Lisbon is not for sale\".",
    );
    assert_eq!(quote(&b, "Homes").kind, QuoteKind::Term);
    assert_eq!(quote(&b, "Lisbon").kind, QuoteKind::Term);
    let b = parse("Supporters waved banners reading \"Enough is enough\" outside the court.");
    assert_eq!(quote(&b, "Enough").kind, QuoteKind::Term);
}

#[test]
fn partial_quotes_of_speech_are_not_terms() {
    for (text, start) in [
        ("China's foreign ministry said China \"firmly opposes\" unilateral sanctions.", "firmly"),
        (
            "Inspectors found what the Turkish transport ministry called \"serious deficiencies\" in the pumps.",
            "serious",
        ),
        ("Clinton called half of Donald Trump's supporters \"deplorables.\"", "deplorables"),
        ("Dean said he would \"never\" diagnose someone through television.", "never"),
        (
            "Government officials have dismissed its leaders as \"keyboard revolutionaries\" who never ran anything.",
            "keyboard",
        ),
    ] {
        let b = parse(text);
        assert_eq!(quote(&b, start).kind, QuoteKind::Partial, "{text}");
    }
    // Titles and names stay terms.
    let b = parse("A consultant's report, titled \"Water Forward 2040,\" found the plant was at capacity.");
    assert_eq!(quote(&b, "Water Forward").kind, QuoteKind::Term);
    let b = parse("She will seek 'designated bathing water' status for the river.");
    assert_eq!(quote(&b, "designated").kind, QuoteKind::Term);
}

// --- Implied affiliation -------------------------------------------------------

#[test]
fn its_spokeswoman_speaks_for_what_the_sentence_before_is_about() {
    let b = parse(
        "The march was called by Casa Para Todos, a coalition of tenants' associations. Its spokeswoman, Ines \
         Carvalho, said the movement wanted rents frozen.\n\n\"People are tired of promises,\" Carvalho told reporters.",
    );
    assert_eq!(party(&b, "People are tired").as_deref(), Some("Casa Para Todos"));
    assert_eq!(quote(&b, "People are tired").party_via, Some(PartyVia::Context));
    let b = parse(
        "Gov. Lyle Brandvold of Nebraska, the Republican presidential nominee, spoke in Ohio. His Democratic opponent, \
         Senator Helen Marchetti of Oregon, stayed away.\n\nThe Marchetti campaign responded within the hour. Its \
         communications director, Tomas Reyna, said the governor was \"selling a fantasy.\"",
    );
    assert_eq!(party(&b, "selling").as_deref(), Some("Democratic Party"));
}

#[test]
fn an_office_holder_located_in_a_capital_speaks_for_its_country() {
    let b = parse(
        "ANKARA (AFP) - Turkey held the ship for a third day.\n\n\
         In Moscow, Deputy Foreign Minister Arkady Voronin said Russia had \"all the necessary tools\" to protect its fleet.",
    );
    assert_eq!(party(&b, "all the necessary").as_deref(), Some("Russia"));
    let b = parse(
        "DOHA, Qatar — Talks resumed on Sunday.\n\n\
         At the White House, national security spokesman Daniel Okafor said Washington saw \"real momentum.\"",
    );
    assert_eq!(party(&b, "real momentum").as_deref(), Some("United States"));
}

#[test]
fn soldiers_speak_for_their_unit_or_service() {
    let b = parse(
        "CENTRAL TRAINING AREA, Estonia — Soldiers of the 2nd Battalion, 93rd Field Artillery Regiment fired 400 \
         rounds alongside Estonian Defence Forces gun crews.\n\n\
         \"Safety is the first round downrange,\" said Sgt. 1st Class Derrick Oyelaran.\n\n\
         \"You learn pretty fast to keep your gloves on,\" said Spc. Tyler Brunswick, a cannon crewmember.\n\n\
         The Estonian battery commander, Maj. Kristjan Tamm, said the armies compared procedures. \"Our soldiers \
         learn the American way,\" Tamm said.",
    );
    for start in ["Safety", "You learn"] {
        assert_eq!(party(&b, start).as_deref(), Some("2nd Battalion, 93rd Field Artillery Regiment"), "{start}");
        assert_eq!(quote(&b, start).party_via, Some(PartyVia::Role));
    }
    assert_eq!(party(&b, "Our soldiers").as_deref(), Some("Estonian Defence Forces"));
}

#[test]
fn astronauts_and_flight_directors_speak_for_the_space_agency() {
    let b = parse(
        "HOUSTON — NASA astronauts replaced a failed pump outside the International Space Station on Tuesday.\n\n\
         \"We stayed patient, and patience paid off,\" said flight director Marcus Tillery.\n\n\
         \"It's moving. I've got about a quarter turn,\" astronaut Rachel Okafor radioed.",
    );
    assert_eq!(party(&b, "We stayed").as_deref(), Some("NASA"));
    assert_eq!(party(&b, "It's moving").as_deref(), Some("NASA"));
}

#[test]
fn council_members_sit_on_the_article_s_council() {
    let b = parse(
        "HARLOW SPRINGS — The Harlow Springs City Council voted 5-2 on Tuesday to raise water rates.\n\n\
         Voting against were Council members Ray Dubois and Glen Hartsock. \"We're asking people on fixed incomes to \
         carry this,\" Dubois said. Hartsock called the plan \"a blank check.\"",
    );
    assert_eq!(party(&b, "We're asking").as_deref(), Some("Harlow Springs City Council"));
    assert_eq!(party(&b, "a blank check").as_deref(), Some("Harlow Springs City Council"));
}

#[test]
fn an_office_only_one_country_has_gives_its_country() {
    let b = parse(
        "Belarus jailed another reporter this week.\n\n\
         \"Journalists are not enemies of the state,\" said Under Secretary of State for Public Diplomacy Elena Marsh.",
    );
    assert_eq!(party(&b, "Journalists").as_deref(), Some("United States"));
    let b = parse("\"The border is secure,\" Home Secretary Alan Brook said in Dover.");
    assert_eq!(party(&b, "The border").as_deref(), Some("United Kingdom"));
}

#[test]
fn state_descriptions_speak_for_the_article_s_country() {
    let b = parse(
        "LILONGWE, Malawi — Police broke up a march on Saturday.\n\n\
         Government officials have dismissed the movement's leaders as \"keyboard revolutionaries.\"\n\n\
         \"Anyone who wants to protest can come to us,\" National police spokesperson Patrick Chirwa said.",
    );
    assert_eq!(party(&b, "keyboard").as_deref(), Some("Malawi"));
    assert_eq!(quote(&b, "keyboard").party_via, Some(PartyVia::Dateline));
    assert_eq!(party(&b, "Anyone").as_deref(), Some("Malawi"));
}

#[test]
fn a_company_known_by_a_generic_first_word_is_named_by_its_other_word() {
    let b = parse(
        "MILAN, Oct 23 (Reuters) - Shares in Banca Ferrante fell 9% on Thursday.\n\n\
         \"We are seeing stress in one part of our book,\" Ferrante Chief Executive Paolo Ruggeri told analysts.\n\n\
         Ferrante's chief financial officer, Marta Lodigiani, said lending had tightened. \"We stopped growing in \
         that part of the book,\" she said.",
    );
    assert_eq!(party(&b, "We are seeing").as_deref(), Some("Banca Ferrante"));
    assert_eq!(party(&b, "We stopped").as_deref(), Some("Banca Ferrante"));
    let b = parse("Crumb & Co apologised on Tuesday. \"We got this badly wrong,\" the company said.");
    assert_eq!(speaker(&b, "We got").as_deref(), Some("Crumb & Co"));
}

#[test]
fn how_a_speaker_was_named_is_reported() {
    let b = parse(
        "Mark Lindqvist, the director, spoke first. \"It was hard,\" he said. \"It was easy,\" Lindqvist said.\n\n\
         \"I pay 950 euros,\" one protester shouted.\n\nHelene Marchal, Le Courrier Parisien: \"This is a betrayal.\"",
    );
    assert_eq!(quote(&b, "It was hard").speaker_via, Some(SpeakerVia::Pronoun));
    assert_eq!(quote(&b, "It was easy").speaker_via, Some(SpeakerVia::Name));
    assert_eq!(quote(&b, "I pay").speaker_via, Some(SpeakerVia::Description));
    assert_eq!(quote(&b, "This is a").speaker_via, Some(SpeakerVia::Label));
}

// --- Sentence openers and clauses that name no speaker -----------------------

#[test]
fn a_fronted_prepositional_phrase_does_not_speak() {
    for text in [
        "With union leaders increasingly anxious about turnout, Governor Ruth Calder is trying a blunter pitch: \"Vote like your pension depends on it.\"",
        "Amid fears among farm groups over the drought, Minister Tomas Lind has a new line: \"Nobody will be left behind.\"",
    ] {
        let b = parse(text);
        let q = &b.quotes[0];
        let who = q.speaker.as_deref().unwrap_or("");
        assert!(who == "Ruth Calder" || who == "Tomas Lind", "{text}: {:?}", q.speaker);
    }
}

#[test]
fn a_sentence_opening_function_word_or_gerund_is_not_part_of_a_name() {
    let b = parse(
        "Neither Marsh nor his aides have been charged, said Paul Ostrander, a lawyer.\n\n\
         Blaming Marsh for the delay is the council's latest tactic. \"We are done waiting,\" said Ostrander.",
    );
    let names: Vec<&str> = b.people.iter().map(|p| p.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("Neither") || n.starts_with("Blaming")), "{names:?}");
    assert_eq!(speaker(&b, "We are done").as_deref(), Some("Paul Ostrander"));
}

#[test]
fn a_rating_or_label_in_quotes_is_said_by_the_subject() {
    let b = parse(
        "The watchdog group CheckRight rated 40% of Liberal claims as \"misleading\" last year. \
         A rival site labelled the minister's figures \"plainly wrong\" in a post.",
    );
    assert_eq!(speaker(&b, "misleading").as_deref(), Some("CheckRight"));
    assert_ne!(speaker(&b, "plainly wrong").as_deref(), Some("Liberal"));
}

#[test]
fn a_person_right_before_saying_is_its_subject() {
    let b = parse(
        "Senator Ana Harlow released an ad on Monday about Ben Voss. The spot concludes with footage of Voss \
         saying during the debate last week, \"That makes me smart,\" when Harlow blasted him for not paying tax.",
    );
    assert_eq!(speaker(&b, "That makes").as_deref(), Some("Ben Voss"));
    // After a comma, the -ing form is the sentence subject's.
    let b = parse("Mayor Lina Ortiz met Governor Paul Reyes on Friday, saying, \"We agree on the bridge.\"");
    assert_eq!(speaker(&b, "We agree").as_deref(), Some("Lina Ortiz"));
}

#[test]
fn an_office_under_a_state_or_province_speaks_for_its_government() {
    let b = parse(
        "PERTH — Bushfires forced evacuations on Sunday.\n\n\
         Western Fire Minister Carla Nunn said crews were stretched. \"We need rain,\" Nunn said.\n\n\
         Manitoba Premier Wes Kinew said: \"Our crews will go west.\"\n\n\
         Foreign Minister Ana Lopes said: \"We are watching.\"\n\n\
         Shadow Health Minister Tom Reed said: \"Too late.\"\n\n\
         Western Australia Premier Roger Cook said: \"We will help.\"",
    );
    assert_eq!(party(&b, "Our crews").as_deref(), Some("Manitoba Government"));
    assert_ne!(party(&b, "We need rain").as_deref(), Some("Western Government"));
    assert_eq!(quote(&b, "Our crews").party_via, Some(PartyVia::Role));
    // A title word is not a place.
    assert_ne!(party(&b, "We are watching").as_deref(), Some("Foreign Government"));
    assert_ne!(party(&b, "Too late").as_deref(), Some("Shadow Government"));
    assert_ne!(party(&b, "We will help").as_deref(), Some("Western Government"));
}

#[test]
fn a_person_of_a_party_speaks_not_the_party() {
    let b = parse(
        "Opposition leader Tomas Vaher of the Reform Alliance called the plan \"a fig leaf\" on Monday. \
         Councillor Aino Mets from the Green League said the vote was \"rushed.\"",
    );
    assert_eq!(speaker(&b, "a fig leaf").as_deref(), Some("Tomas Vaher"));
    assert_eq!(party(&b, "a fig leaf").as_deref(), Some("Reform Alliance"));
    assert_eq!(speaker(&b, "rushed").as_deref(), Some("Aino Mets"));
}

#[test]
fn a_company_spokesperson_speaks_for_the_company_named_before() {
    let b = parse(
        "Halden Motors cut its forecast on Thursday, sending its shares down 9%.\n\n\
         \"Orders have slowed,\" said a company spokeswoman, Elin Berg. The firm's lawyer, Ivo Sand, said: \"We will appeal.\"",
    );
    assert_eq!(party(&b, "Orders have").as_deref(), Some("Halden Motors"));
    assert_eq!(party(&b, "We will appeal").as_deref(), Some("Halden Motors"));
}

#[test]
fn a_pronoun_after_a_newly_named_person_is_not_the_described_speaker() {
    let b = parse(
        "RIGA — Farmers blocked roads on Monday.\n\n\"We cannot survive this,\" one farmer said.\n\n\
         Agriculture Minister Ilze Ozola met them at noon. \"We will find the money,\" she told reporters.",
    );
    assert_eq!(speaker(&b, "We cannot").as_deref(), Some("one farmer"));
    assert_eq!(speaker(&b, "We will find").as_deref(), Some("Ilze Ozola"));
}

#[test]
fn a_portfolio_named_like_a_party_is_not_the_party() {
    let b = parse("Labour Minister Sean Doyle said: \"The code protects workers.\" The Labour Department agreed.");
    assert!(
        !b.parties.iter().any(|p| p.name == "Labour Party"),
        "{:?}",
        b.parties.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
}

#[test]
fn slogans_on_signs_are_terms_also_when_the_sentence_opens_with_the_sign() {
    let b = parse(
        "Mayor Rui Lobo spoke to the crowd on Sunday. Placards read \"Homes not hotels\" and \"Stop the evictions\".",
    );
    assert_eq!(quote(&b, "Homes not").kind, QuoteKind::Term);
    assert_eq!(quote(&b, "Stop the").kind, QuoteKind::Term);
}

#[test]
fn a_named_apposition_after_an_inverted_verb_speaks() {
    let b = parse(
        "Two astronauts worked outside the station on Thursday. \"It's moving now,\" astronaut Dana Reyes radioed.\n\n\
         \"Copy that,\" replied Reyes's crewmate, Lt. Col. Jin Ahn.",
    );
    assert_eq!(speaker(&b, "It's moving").as_deref(), Some("Dana Reyes"));
    assert_eq!(speaker(&b, "Copy that").as_deref(), Some("Jin Ahn"));
    assert_eq!(quote(&b, "Copy that").kind, QuoteKind::Direct);
}

#[test]
fn relatives_and_colleagues_are_people_who_can_speak() {
    let b = parse(
        "Flood waters rose overnight in the valley. \"We lost everything,\" said his neighbour, a retired nurse.",
    );
    assert!(speaker(&b, "We lost").is_some_and(|s| s.contains("neighbour")), "{:?}", speaker(&b, "We lost"));
}

#[test]
fn a_union_representative_speaks_for_the_union_named_before() {
    let b = parse(
        "Dock workers, members of the Harbour Porters Union, walked out on Monday.\n\n\
         Ilse Moreau, the union's regional organiser, said the strike fund was full. She called the offer \"an insult.\"",
    );
    assert_eq!(party(&b, "an insult").as_deref(), Some("Harbour Porters Union"));
}

#[test]
fn an_organisation_named_only_by_its_acronym_goes_by_it() {
    let b = parse(
        "\"We are ready,\" said Karl Brenner, ESA flight director for the mission, on Friday. \
         NASA said the docking was on time.",
    );
    assert_eq!(party(&b, "We are ready").as_deref(), Some("ESA"));
    assert!(b.parties.iter().any(|p| p.name == "ESA"), "{:?}", b.parties.iter().map(|p| &p.name).collect::<Vec<_>>());
    // Countries keep their names.
    let b = parse("\"We disagree,\" a US official said.");
    assert!(!b.parties.iter().any(|p| p.name == "US"));
}

#[test]
fn a_judge_speaks_for_the_court_the_article_names() {
    let b = parse(
        "A landlord was jailed on Friday in the County Court in Leeds for ignoring fire notices.\n\n\
         Judge Anne Marlow said the defendant had shown \"a total disregard\" for his tenants.",
    );
    assert_eq!(party(&b, "a total disregard").as_deref(), Some("County Court in Leeds"));
    assert_eq!(quote(&b, "a total disregard").party_via, Some(PartyVia::Role));
}

#[test]
fn a_party_and_state_after_a_name_is_an_aside() {
    let b = parse(
        "Senator Harlan Voss, Republican of Idaho, spoke first. The committee's chairman, Senator Lloyd Brandt, \
         Democrat of Maine, said afterward that he expected the nominee to pass \"with votes to spare.\"",
    );
    assert_eq!(speaker(&b, "with votes").as_deref(), Some("Lloyd Brandt"));
}

#[test]
fn a_headline_or_captioned_label_is_a_term_whatever_its_case() {
    let b = parse(
        "The Daily Courier ran the editorial under the headline \"A ban with no brakes\" on Tuesday. \
         Its cartoonist posted a drawing captioned \"Green on the outside\".",
    );
    assert_eq!(quote(&b, "A ban with").kind, QuoteKind::Term);
    assert_eq!(quote(&b, "Green on the").kind, QuoteKind::Term);
}

#[test]
fn it_after_a_sentence_about_an_outlet_is_that_outlet() {
    let b = parse(
        "The Harbour Times called the ban \"a disgrace,\" the nationalist tabloid said.\n\n\
         The Morning Herald, the English-language state newspaper, struck a more measured tone. \
         \"Cities chose these buses because they were good,\" it said in a commentary.",
    );
    assert_eq!(speaker(&b, "Cities chose").as_deref(), Some("Morning Herald"));
    assert!(!b.parties.iter().any(|p| p.name == "English-language"));
}

#[test]
fn members_of_a_parliament_are_people_not_an_organisation() {
    let b = parse(
        "More than 40 Labour MPs have threatened to vote against the bill.\n\n\
         In a letter to the housing secretary, Helen Marsh, the MPs say the measure would \"hand the keys to whoever bids highest\".",
    );
    let names: Vec<&str> = b.parties.iter().map(|p| p.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.ends_with("MPs")), "{names:?}");
    assert_ne!(party(&b, "hand the keys").as_deref(), Some("MPs"));
}

#[test]
fn a_family_name_written_first_finds_its_person() {
    let b = parse(
        "Foreign Ministry spokeswoman Xue Hanmei told a briefing that the ministry would respond.\n\n\
         \"We urge the other side to correct its mistake,\" Xue said.",
    );
    assert_eq!(quote(&b, "We urge").person.map(|p| b.people[p].name.as_str()), Some("Xue Hanmei"));
    assert!(!b.parties.iter().any(|p| p.name == "Xue"));
}

#[test]
fn a_belief_reported_inside_speech_is_the_speakers_quote() {
    let b = parse(
        "In Oslo, Foreign Ministry spokeswoman Ingrid Dahl said Norway hoped both sides would settle the dispute \
         \"calmly and through talks,\" adding that Oslo had \"always backed\" such steps.",
    );
    assert_eq!(speaker(&b, "calmly").as_deref(), Some("Ingrid Dahl"));
    assert_eq!(speaker(&b, "always backed").as_deref(), Some("Ingrid Dahl"));
}

#[test]
fn a_civil_office_sharing_a_word_with_a_rank_is_no_rank() {
    let b = parse(
        "The 3rd Coastal Squadron found the boat on Monday.\n\n\
         Vice Interior Minister Lars Holm told reporters: \"We will send them home.\"",
    );
    assert_ne!(party(&b, "We will send").as_deref(), Some("3rd Coastal Squadron"));
}

#[test]
fn a_family_name_that_is_also_listed_as_a_given_name_finds_its_person() {
    let b = parse(
        "The commander of the patrol ship, Lt. Cmdr. Yoon Dae-hyun, said his crew spotted the vessel.\n\n\
         \"The waves were over three meters,\" Yoon said in an interview.",
    );
    assert_eq!(speaker(&b, "The waves").as_deref(), Some("Yoon Dae-hyun"));
    assert_eq!(b.people.len(), 1, "{:?}", b.people.iter().map(|p| &p.name).collect::<Vec<_>>());
}
