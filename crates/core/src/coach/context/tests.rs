//! The context stage's readings, one cue at a time.

use super::*;

fn reading(kind: ContextKind, text: &str, term: &str) -> Reading {
    let start = text.find(term).expect("the term is in the text");
    let sentences = Sentences::new(text);
    read(kind, text, &sentences, (start, start + term.len()))
}

fn aside(text: &str, term: &str) -> Option<SetAside> {
    match reading(ContextKind::Tool, text, term) {
        Reading::SetAside(a) => Some(a),
        Reading::Raised(_) => None,
    }
}

#[test]
fn a_tool_sold_as_the_point_is_raised_with_a_reason() {
    let r = reading(
        ContextKind::Tool,
        "A peer network app will make our plants more creative.",
        "peer network app",
    );
    let Reading::Raised(reason) = r else {
        panic!("raised")
    };
    assert!(reason.contains("benefit claim"), "{reason}");
    assert_eq!(
        aside(
            "We want a team chat product for every depot.",
            "team chat product"
        ),
        None
    );
}

#[test]
fn claims_by_comparison_thanks_or_more_than_are_raised() {
    for (text, term) in [
        (
            "Team chat is cheaper than a week of workshops.",
            "Team chat",
        ),
        ("Thanks to the wiki, the depots stay in touch.", "wiki"),
        (
            "Our intranet is no longer just a noticeboard: it runs the shift.",
            "intranet",
        ),
        (
            "The chat app isn't simply a new channel, it is how work gets done.",
            "chat app",
        ),
        (
            "It is a great gamification scheme for the call centre.",
            "gamification scheme",
        ),
        (
            "Next year's plans will include more and more gamification.",
            "gamification",
        ),
        ("The wiki gives managers a view of every site.", "wiki"),
        (
            "Peer platforms work best when the goals are clear.",
            "Peer platforms",
        ),
    ] {
        assert_eq!(aside(text, term), None, "{text}");
    }
    // "not just" sells the tool as more; a plain negation still warns.
    assert_eq!(
        aside("The wiki is not the point; the answers are.", "wiki"),
        Some(SetAside::Warning)
    );
}

#[test]
fn purpose_more_than_moving_to_and_by_integrating_are_claims() {
    for (text, term) in [
        ("Crewboard does more than pass on notices.", "Crewboard"),
        ("The hub is for connecting depots with each other.", "hub"),
        (
            "Half the sector is moving to team chat this year.",
            "team chat",
        ),
        (
            "By integrating microblogging into shifts, depots talk.",
            "microblogging",
        ),
        (
            "With Rota Social, planners gain a calendar that shares itself.",
            "Rota Social",
        ),
    ] {
        assert_eq!(aside(text, term), None, "{text}");
    }
}

#[test]
fn a_capitalised_product_is_sold_when_a_claim_follows_it() {
    assert_eq!(
        aside(
            "The new Harbour Knowledge Portal will enable growth in every depot.",
            "Knowledge Portal"
        ),
        None
    );
    // Past narrative: still a name in a story.
    assert_eq!(
        aside(
            "In 2004 the Harbour Knowledge Portal was promising one source of truth.",
            "Knowledge Portal"
        ),
        Some(SetAside::NameOrTitle)
    );
}

#[test]
fn a_vague_word_is_raised_only_where_a_result_should_be_sized() {
    let vague = |text: &str, term: &str| reading(ContextKind::Vague, text, term);
    for (text, term) in [
        ("The depots expect huge savings next year.", "huge"),
        ("Shared rotas might cut overtime at Plant 4.", "might"),
        ("Handover quality improves dramatically.", "dramatically"),
        (
            "Significant savings are on the table.",
            "Significant savings",
        ),
    ] {
        assert!(matches!(vague(text, term), Reading::Raised(_)), "{text}");
    }
    for (text, term) in [
        ("The depot keeps huge archive rooms.", "huge"),
        ("One might say the notice board is dead.", "might"),
        ("Crews use the boards for a lot of things.", "a lot of"),
        (
            "A significant reason was the move to two sites.",
            "significant",
        ),
    ] {
        assert_eq!(
            vague(text, term),
            Reading::SetAside(SetAside::NotAResult),
            "{text}"
        );
    }
}

#[test]
fn reported_speech_and_a_story_s_means_are_set_aside() {
    assert_eq!(
        aside("MacLeod says wikis will change how depots plan.", "wikis"),
        Some(SetAside::Reported)
    );
    assert_eq!(
        aside(
            "“Gamification will lift every score in each of our regions,” says Okafor.",
            "Gamification"
        ),
        Some(SetAside::Reported)
    );
    assert!(aside(
        "Staff at Nordbank booked rooms through the intranet.",
        "intranet"
    )
    .is_some());
    assert_eq!(
        aside(
            "With the wiki we will keep every answer in one place.",
            "wiki"
        ),
        None
    );
}

#[test]
fn a_heading_or_a_first_word_is_no_part_of_a_name() {
    for (text, term) in [
        (
            "Summary\nGamification works best with clear goals.",
            "Gamification",
        ),
        (
            "Using Slack, every depot gives teams a faster answer.",
            "Slack",
        ),
    ] {
        assert_ne!(aside(text, term), Some(SetAside::NameOrTitle), "{text}");
    }
    assert_eq!(
        aside("The Acme Gamification Lab opened in May.", "Gamification"),
        Some(SetAside::NameOrTitle)
    );
}

#[test]
fn mentions_are_set_aside() {
    assert_eq!(
        aside(
            "Leave the label ‘peer network’ out of the memo.",
            "peer network"
        ),
        Some(SetAside::Quoted)
    );
    assert_eq!(
        aside(
            "Skip the term peer network in the first slide.",
            "peer network"
        ),
        Some(SetAside::WordAsWord)
    );
    assert_eq!(
        aside(
            "A team chat product refers to software for short messages.",
            "team chat product"
        ),
        Some(SetAside::Defined)
    );
    assert_eq!(
        aside(
            "Do not lead with the team chat product when you meet finance.",
            "team chat product"
        ),
        Some(SetAside::Warning)
    );
    assert_eq!(
        aside(
            "Our finance head thinks a team chat product is a waste of time.",
            "team chat product"
        ),
        Some(SetAside::Objection)
    );
}

#[test]
fn uses_with_results_names_and_stories_are_set_aside() {
    assert_eq!(
        aside(
            "The depot's shared fault log cut repeat visits by 18% in a year.",
            "shared fault log"
        ),
        Some(SetAside::MeansOfResult)
    );
    assert_eq!(
        aside(
            "Its photo channel ads brought 2,300 bookings, with sales up 11%.",
            "photo channel"
        ),
        Some(SetAside::MeansOfResult)
    );
    assert_eq!(
        aside(
            "Ana Ruiz, Peer Network Lead at the depot, met us.",
            "Peer Network"
        ),
        Some(SetAside::NameOrTitle)
    );
    assert_eq!(
        aside(
            "In 2019 the council bought a team chat product for its wardens.",
            "team chat product"
        ),
        Some(SetAside::FactualNarrative)
    );
    assert_eq!(
        aside(
            "Here is how to pitch a team chat product to your director.",
            "team chat product"
        ),
        Some(SetAside::AdviceTopic)
    );
    // A benefit claim in tool terms inside advice is still tool-talk.
    assert_eq!(
        aside(
            "Tell your director a team chat product will boost morale.",
            "team chat product"
        ),
        None
    );
}

#[test]
fn usage_counts_are_no_measured_result() {
    // Counting use is not measuring a result: never the means of one.
    assert_eq!(
        aside(
            "The team chat product grew to 4,000 members this year.",
            "team chat product"
        ),
        Some(SetAside::Descriptive)
    );
    assert_eq!(
        aside(
            "The team chat product will lift morale, with 4,000 members already.",
            "team chat product"
        ),
        None
    );
}

#[test]
fn buzzwords_are_raised_unless_mentioned_or_named() {
    assert!(matches!(
        reading(
            ContextKind::Buzzword,
            "This brings real synergy to our depots.",
            "synergy"
        ),
        Reading::Raised(_)
    ));
    assert_eq!(
        match reading(
            ContextKind::Buzzword,
            "Drop the word synergy from the deck.",
            "synergy"
        ) {
            Reading::SetAside(a) => Some(a),
            _ => None,
        },
        Some(SetAside::WordAsWord)
    );
}

#[test]
fn any_text_gets_a_reading_and_a_megabyte_is_read_in_a_capped_window() {
    let long = "platform ".repeat(50_000);
    let texts = [
        "“platform",
        "platform”",
        "'platform'",
        "😀 platform 😀’",
        "منصة platform للتعاون",
        long.as_str(),
        "| platform | 12% |\n|---|---|",
    ];
    for text in texts {
        let start = text.find("platform").unwrap();
        let sentences = Sentences::new(text);
        let window = Window::new(text, &sentences, (start, start + 8));
        assert!(
            window.sentence.len() <= 2 * CAP + 8,
            "{}",
            window.sentence.len()
        );
        assert!(window.next.len() <= 2 * CAP);
        for kind in [ContextKind::Tool, ContextKind::Buzzword] {
            match read(kind, text, &sentences, (start, start + 8)) {
                Reading::Raised(reason) => assert!(reason.contains("“platform”")),
                Reading::SetAside(aside) => {
                    assert!(aside.reason("platform").contains("platform"))
                }
            }
        }
    }
}

#[test]
fn a_return_is_raised_only_where_it_is_promised_for_this_case() {
    let ret = |text: &str, term: &str| reading(ContextKind::Return, text, term);
    for (text, term) in [
        ("The new rota will deliver a strong ROI.", "ROI"),
        ("We expect an ROI of 220% by the second year.", "ROI"),
        ("A payback within 14 months.", "payback"),
        ("The shared log pays for itself.", "pays for itself"),
        ("Its payback will come before the audit.", "payback"),
    ] {
        assert!(matches!(ret(text, term), Reading::Raised(_)), "{text}");
    }
    for (text, term, why) in [
        (
            "Finance wants a clear payback before any trial.",
            "payback",
            SetAside::NotPromised,
        ),
        (
            "Without believable ROI figures the panel will not listen.",
            "ROI",
            SetAside::NotPromised,
        ),
        (
            "According to the trade body, rota tools earn a 9:1 ROI.",
            "ROI",
            SetAside::Reported,
        ),
        (
            "A survey of fleet owners put the payback at 8 months.",
            "payback",
            SetAside::QuotedStatistic,
        ),
    ] {
        assert_eq!(ret(text, term), Reading::SetAside(why), "{text}");
    }
}

#[test]
fn a_study_with_its_source_in_its_sentence_is_set_aside() {
    let cited = |text: &str| reading(ContextKind::Citation, text, "a study");
    assert!(matches!(
        cited("In a study, crews who shared fixes worked faster."),
        Reading::Raised(_)
    ));
    for text in [
        "In a study [12], crews who shared fixes worked faster.",
        "In a study (Okafor, 2021), crews who shared fixes worked faster.",
        "In a study by Harlow College, crews who shared fixes worked faster.",
    ] {
        assert_eq!(cited(text), Reading::SetAside(SetAside::Sourced), "{text}");
    }
}

#[test]
fn a_comparison_a_story_s_frame_and_a_quote_introduced_are_set_aside() {
    assert_eq!(
        aside(
            "The depot board works much like Slack but stays on the shop floor.",
            "Slack"
        ),
        Some(SetAside::Descriptive)
    );
    assert_eq!(
        aside(
            "A wiki functions a bit like a binder each crew shares.",
            "wiki"
        ),
        Some(SetAside::Defined),
        "the subject is the one compared"
    );
    assert_eq!(
        aside(
            "Before adopting Yammer, the depots posted rotas on paper.",
            "Yammer"
        ),
        Some(SetAside::FactualNarrative)
    );
    assert_eq!(
        aside(
            "The minister said: “Every ward will use the intranet to share rotas.”",
            "intranet"
        ),
        Some(SetAside::Reported)
    );
    assert_eq!(
        aside(
            "In his post he talks about how wikis can replace long email chains.",
            "wikis"
        ),
        Some(SetAside::Reported)
    );
    // "tools like X" gives examples of what is sold, not a comparison.
    assert_eq!(
        aside("Tools like Slack will make every depot faster.", "Slack"),
        None
    );
}

#[test]
fn a_tool_offered_as_the_answer_or_the_leader_is_raised() {
    let raised = |text: &str, term: &str| {
        matches!(reading(ContextKind::Tool, text, term), Reading::Raised(_))
    };
    assert!(raised("The fix? A company wiki for every depot.", "wiki"));
    assert!(raised(
        "What if each crew kept its own wiki instead of the binder?",
        "wiki"
    ));
    assert!(raised(
        "Slack is already the market leader for crews on the move.",
        "Slack"
    ));
    assert!(raised(
        "Shared rotas can improve informal learning on every shift.",
        "informal learning"
    ));
    assert!(raised(
        "The wiki provided them a framework for sharing fixes across plants.",
        "wiki"
    ));
    assert!(raised(
        "Since then gamification has emerged as the single most powerful lever.",
        "gamification"
    ));
    // Ditching a tool is not proposing it.
    assert!(!raised(
        "What if we scrapped every intranet the depots still run?",
        "intranet"
    ));
}

#[test]
fn a_result_without_its_size_is_raised_only_where_the_writer_claims_it() {
    let claim = |text: &str, term: &str| reading(ContextKind::Claim, text, term);
    for (text, term) in [
        (
            "The shared log will improve teamwork between shifts.",
            "improve teamwork",
        ),
        (
            "This strengthens relationships with the depots.",
            "strengthens relationships",
        ),
        ("A rota that delivers value.", "delivers value"),
        (
            "A crew board built to improve communication between shifts.",
            "improve communication",
        ),
        (
            "Drivers like the tool and the value it provides the depots.",
            "the value it provides",
        ),
    ] {
        assert!(matches!(claim(text, term), Reading::Raised(_)), "{text}");
    }
    for (text, term, why) in [
        (
            "Firms list goals such as better morale and improved alignment across sites.",
            "improved alignment",
            SetAside::Descriptive,
        ),
        (
            "Here are five ways to improve collaboration before the pitch.",
            "improve collaboration",
            SetAside::AdviceTopic,
        ),
    ] {
        assert_eq!(claim(text, term), Reading::SetAside(why), "{text}");
    }
}

#[test]
fn enable_with_what_people_can_now_do_is_set_aside_but_not_with_a_vague_ability() {
    let buzz = |text: &str, term: &str| reading(ContextKind::Buzzword, text, term);
    assert_eq!(
        buzz(
            "The rota enables drivers to swap shifts by phone.",
            "enables"
        ),
        Reading::SetAside(SetAside::SpelledOut)
    );
    assert!(matches!(
        buzz(
            "The hub empowers every driver to stay connected.",
            "empowers"
        ),
        Reading::Raised(_)
    ));
    assert!(matches!(
        buzz("This empowers staff.", "empowers"),
        Reading::Raised(_)
    ));
    // Being able to use a tool is no result either.
    assert!(matches!(
        buzz("The plan empowers crews to use the new portal.", "empowers"),
        Reading::Raised(_)
    ));
}

#[test]
fn a_change_word_with_the_thing_it_changes_is_literal_but_a_slogan_object_is_not() {
    let buzz = |text: &str, term: &str| reading(ContextKind::Buzzword, text, term);
    assert_eq!(
        buzz(
            "Hybrid shifts made the transformation of the depot rota urgent.",
            "transformation"
        ),
        Reading::SetAside(SetAside::LiteralChange)
    );
    assert_eq!(
        buzz("The council will reinvent its parking permits.", "reinvent"),
        Reading::SetAside(SetAside::LiteralChange)
    );
    for (text, term) in [
        ("It transforms the way we learn.", "transforms"),
        ("We will transform our business.", "transform"),
        (
            "The network transforms this gap into a lasting edge.",
            "transforms",
        ),
    ] {
        assert!(matches!(buzz(text, term), Reading::Raised(_)), "{text}");
    }
}

#[test]
fn a_tool_that_labels_something_else_or_is_no_subject_is_not_sold() {
    assert_eq!(
        aside(
            "The intranet project will focus on clearer rotas.",
            "intranet"
        ),
        Some(SetAside::NameOrTitle)
    );
    assert_eq!(
        aside(
            "Drivers who grew up on Facebook will soon be applying to us.",
            "Facebook"
        ),
        Some(SetAside::Descriptive)
    );
    assert_eq!(
        aside(
            "Even with the many platforms they own, depots struggle to share fixes.",
            "platforms"
        ),
        Some(SetAside::Descriptive)
    );
    assert_eq!(
        aside(
            "What does informal learning mean for the night shift?",
            "informal learning"
        ),
        Some(SetAside::Descriptive)
    );
    // The tool is still sold when it is the subject, or named after "the use of".
    assert_eq!(
        aside("The use of wikis opens up new ways to work.", "wikis"),
        None
    );
}

#[test]
fn a_tool_project_being_launched_is_still_the_goal() {
    assert_eq!(
        aside("We are launching a wiki project for every depot.", "wiki"),
        None
    );
}

#[test]
fn a_tool_denied_described_as_a_place_or_in_history_is_not_sold() {
    assert_eq!(
        aside(
            "Peer coaching is not social media, and using social media doesn’t make coaching peer-led.",
            "social media"
        ),
        Some(SetAside::Warning)
    );
    assert_eq!(
        aside("It is a shared wiki where fitters log each repair.", "wiki"),
        Some(SetAside::Defined)
    );
    assert_eq!(
        aside(
            "Twenty years ago an intranet was a luxury that only banks could afford.",
            "intranet"
        ),
        Some(SetAside::FactualNarrative)
    );
}

#[test]
fn a_rollout_step_and_a_view_held_on_condition_are_not_sold() {
    assert_eq!(
        aside(
            "The intranet will be rolled out to the Leeds depot first.",
            "intranet"
        ),
        Some(SetAside::Descriptive)
    );
    assert_eq!(
        aside(
            "If you believe the vendors, the value of social learning is beyond doubt.",
            "social learning"
        ),
        Some(SetAside::Reported)
    );
}

#[test]
fn a_sentence_inside_a_quotation_of_several_sentences_is_reported() {
    let text = "The chief executive wrote: “We face a hard winter. I ask every depot to use the wiki as its rota board. We will get through it.”";
    let start = text.find("wiki").unwrap();
    let sentences = Sentences::new(text);
    assert_eq!(
        read(ContextKind::Tool, text, &sentences, (start, start + 4)),
        Reading::SetAside(SetAside::Reported)
    );
    // Once the quotation has closed, the writer's own sentence is read as theirs.
    let text =
        "The chief executive wrote: “We face a hard winter.” We will use the wiki to cut overtime.";
    let start = text.find("wiki").unwrap();
    let sentences = Sentences::new(text);
    assert_ne!(
        read(ContextKind::Tool, text, &sentences, (start, start + 4)),
        Reading::SetAside(SetAside::Reported)
    );
}
