//! Whether a text supplies an element of the case, or only recommends it. "Start small"
//! and "find case studies" are advice, not a pilot or a case; a date, a headcount or the
//! price of a tool is a number, not a quantified outcome. Each sentence is judged on its
//! own (a case study may take the next sentence for its result); advice sentences never
//! supply anything. The definitions follow the product's coaching notes (COACHING.md).

use std::sync::OnceLock;

use regex::Regex;

use super::rule::Element;
use super::sentences::Sentences;

/// What a text does for an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// A sentence supplies it: the byte range of that sentence.
    Supplied((usize, usize)),
    /// Only advice mentions it: the advising sentence.
    Advised((usize, usize)),
    Absent,
}

macro_rules! cue {
    ($name:ident, $pattern:expr) => {
        fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            CELL.get_or_init(|| super::context::compile_cue($pattern))
        }
    };
}

cue!(
    imperative,
    r"(?i)^[\s•*·\-–—\d.)]*(?:(?:first|second|third|next|then|finally|so|also|and|but|instead|again|always|simply|just|now|step \d+:?)\s*,?\s+)?(?:start|begin|find|use|build|make|consider|measure|identify|define|choose|pick|run|gather|collect|show|focus|ask|talk|avoid|try|look|create|set|get|keep|remember|ensure|develop|plan|include|prepare|present|think|don[’']t|do not|be|select|seek|bring|involve|track|document|share|tell|write|explain|emphasi[sz]e|demonstrate|highlight|quantify|calculate|estimate|frame|position|link|tie|connect|align|research|compile|cite|offer|propose|pilot|test|treat|let|lead|speak|put|give|never|stop|aim|approach|establish|outline|list|address|anticipate|draft|sell|pitch|translate|know|understand|learn|check|review|note|secure|enlist|recruit|win|target|capture|record|publish|celebrate|communicate|agree|decide|determine|prove|prioriti[sz]e)\b\s+(?:a|an|the|your|it|them|this|that|these|those|with|small|what|how|who|why|where|on|up|out|about|to|for|by|in|at|some|one|any|each|every|clear|specific|concrete|real|simple|short|numbers|data|metrics|examples|stories|results|benefits|outcomes|people|early|quick|success|case|business|measurable|hard|key|which|whether|more|less|both|all|sure|prepared|ready|honest|realistic|proactive|strategic|\w+ing)\b"
);
cue!(
    modal_advice,
    r"(?i)\b(?:you|managers|leaders|organi[sz]ations|companies|teams|firms|businesses|advocates|champions|proponents|practitioners|l&d|hr|one|anyone|everyone)\s+(?:should|must|need to|needs to|ought to|have to|has to|might want to|may want to|would do well to|might consider|could consider|can|could|will need to|are advised to)\b|\b(?:it is|it[’']s|it will be|it would be|it may be|it can be) (?:important|essential|crucial|vital|key|wise|best|advisable|a good idea|worth|useful|helpful|critical|necessary|smart|better)\b|\b(?:i|we) (?:would )?(?:recommend|suggest|advise)\b|\bthe (?:best|first|next|key|only) (?:way|step|thing|move|approach)\b|\b(?:tips?|advice|checklist|best practices?|how to|key is to|the trick is|the secret is|make sure|be sure to|don[’']t forget|remember to)\b|\b(?:a|the|your) (?:business case|pilot|case study|case studies|ask|proposal|pitch|presentation|metrics?|measures?) (?:should|must|needs? to|has to|have to|can|could)\b"
);
cue!(
    call_to_action,
    r"(?i)\b(?:contact us|sign up|download|subscribe|learn more|request a demo|book a demo|get started|click|register|join us|share your|let us know|tell us|comment below|read more|find out more|visit|call us|email us|follow us|try it|free trial|get in touch|reach out)\b"
);
cue!(
    number,
    r"(?i)(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|thousand|trillion))?|\d[\d,.]*\s?(?:%|percent\b|per\s?cent\b|x\b|times\b|-?fold\b)|\d[\d,.]*\s?(?:million|billion|thousand|trillion)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b|\d[\d,.]*(?:\s?(?:million|billion|thousand))?|\b(?:doubled|tripled|halved|twice|three times|two-thirds)\b)"
);
cue!(
    result_word,
    r"(?i)\b(?:cut|cuts|cutting|reduc\w*|sav(?:e|ed|es|ing|ings)|increas\w*|grew|growth|rose|lift\w*|boost\w*|improv\w*|drop\w*|fell|declin\w*|halv\w*|doubl\w*|tripl\w*|shorten\w*|lower\w*|generat\w*|deliver\w*|earn\w*|returns?|returned|roi|payback|pay(?:s|ing)? back|paid back|pays? for itself|avoid\w*|faster|quicker|fewer|less|higher|profits?|revenues?|sales|turnover|attrition|churn|errors?|defects?|complaints|downtime|margins?|productivity|throughput|from \S+ to)\b"
);
cue!(
    not_an_outcome_after,
    r"(?i)^\s?(?:%\s+)?(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:users|members|accounts|posts|employees|people|staff|workers|participants|learners|visitors|views|followers|downloads|logins|likes|respondents|companies|organi[sz]ations|firms|countries|offices|locations|sites|courses|modules|licen[cs]es|seats|communities|groups|messages|comments|articles|pages|videos|hits|sessions|attendees|students|managers|engineers|departments|executives|ceos|leaders|marketers|businesses|americans|adults|members)\b"
);
cue!(
    price_or_macro,
    r"(?i)\bper (?:user|seat|month|licen[cs]e|employee|head)\b|\bsubscription\b|\blicen[cs]e fees?\b|\bpriced\b|\bmarket\b|\bindustry (?:is|was|will)\b|\beconomy\b|\bglobal(?:ly)?\b|\bworldwide\b"
);
cue!(
    survey_verb,
    r"(?i)\b(?:say|said|says|believe|believes|believed|think|thinks|agree|agreed|report(?:ed)?|feel|felt|want|prefer|expect|plan|intend|use|used|are using|have|don[’']t|do not|cite|consider|rate|rated)\b"
);
cue!(
    quoted_statistic,
    r"(?i)\b(?:according to|stud(?:y|ies)|research\w*|surveys?|estimat\w*|suggests?|indicat(?:ed|es)|polls?|analysts?|forecasts?|predicts?)\b"
);
cue!(first_person, r"(?i)\b(?:we|our|us)\b");
cue!(
    time_span_around,
    r"(?i)^\s*(?:years?|months?|weeks?|days?|decades?)\s+ago\b"
);
cue!(
    period_before,
    r"(?i)\b(?:in|over|during|for|within) the (?:last|past|next|first)\s*$"
);
cue!(version_number, r"^\d+\.0$");
cue!(year_like, r"^(?:19|20)\d\d$");
cue!(
    version_before,
    r"(?i)(?:web|enterprise|version|v|release|phase|step|level|tier|stage|generation|no\.?|number|#)\s*$"
);
cue!(
    cost_word,
    r"(?i)\b(?:costs?|costing|invest\w*|spend\w*|spent|price|budget\w*|fund\w*|outlay|expenditure|capex|opex)\b"
);
cue!(
    benefit_word,
    r"(?i)\b(?:sav(?:e|ed|es|ing|ings)|returns?|roi|benefits?|payback|pay(?:s|ing)? back|paid back|revenue|profit\w*|pays? for itself|break[- ]?even|net present value|npv|value|worth|reduc\w*|avoid\w*)\b"
);
cue!(
    roi_with_number,
    r"(?i)\b(?:roi|return on (?:the )?investment|payback|pay(?:s|ing)? back|paid back|pays? for itself|break[- ]?even|net present value|npv|cost[- ]benefit|benefit[- ]cost)\b"
);
cue!(
    cost_of_problem,
    r"(?i)\bcost(?:s|ing)? (?:us|the (?:company|business|organi[sz]ation|firm|council|trust))?\s*(?:about |around |roughly |nearly |over |more than )?[$€£]\s?\d|\bcost of (?:the )?(?:problem|status quo|doing nothing|inaction|delay|turnover|downtime|errors|absence|attrition)\b"
);
cue!(
    described_org,
    r"(?i)\b(?:a|an|one)\s+(?:(?:large|global|mid-sized|midsize|small|regional|leading|major|national|international|multinational|fortune 500|uk|us|european|american|british|german|australian|canadian|indian|local|big|\d+-person|\d+-bed|family-owned|public|private|top)\s+)+(?:bank|insurer|retailer|manufacturer|hospital|council|company|firm|utility|telecom|airline|university|law firm|agency|charity|school|trust|hotel chain|chain|carrier|engineering firm|consultancy|software company|pharmaceutical company|logistics company|energy company|provider|distributor|supermarket|brewery|publisher|automaker|carmaker)\b"
);
cue!(
    past_or_result,
    r"(?i)\b(?:did|had|has|have|was|were|cut|saw|reduced|increased|grew|introduced|launched|realized|realised|experienced|saved|achieved|used|found|reported|deployed|rolled out|adopted|built|created|moved|replaced|launched|won|lost|halved|doubled|improved|dropped|fell|rose|began|started|ran|piloted|trialled|trialed|tested|implemented|brought|went|turned|shifted|set up|says|said)\b"
);
cue!(
    past_result,
    r"(?i)\b(?:cut|reduced|saved|increased|grew|rose|lifted|boosted|improved|dropped|fell|declined|halved|doubled|tripled|shortened|lowered|generated|delivered|earned|returned|paid back|paid for itself|avoided|sped up|won|gained|led to|resulted in|achieved|realised|realized|eliminated|slashed)\b"
);
cue!(
    hypothetical,
    r"(?i)\b(?:imagine|suppose|if (?:a|an|your|you|the) |could|would|might|hypothetical|for instance,? if|say (?:a|an|your))\b"
);
cue!(
    peer_frame,
    r"(?i)\b(?:competitors?|competition's|rivals?|peers?|peer group|like us|like ours|our (?:sector|industry|field|market)|in (?:our|the same) (?:sector|industry)|similar (?:\w+ )?(?:companies|organi[sz]ations|firms|councils|hospitals|banks|retailers|businesses|institutions|universities|schools|agencies|trusts)|another (?:bank|council|hospital|retailer|insurer|utility|university|school|agency|firm|company|trust|airline)|other (?:councils|hospitals|banks|retailers|insurers|utilities|universities|schools|agencies|firms|companies|trusts) (?:like|such as)|(?:our|their) (?:nearest|closest|main|biggest|largest) (?:competitor|rival)s?|benchmark\w*|neighbouring|neighboring)\b"
);
cue!(
    pilot_word,
    r"(?i)\b(?:pilot(?:ed|s|ing)?|trial(?:led|ed|s|ing)?|proof[- ]of[- ]concept|experiment(?:ed|s)?|first phase|phase (?:one|1)|small[- ]scale|limited (?:roll-?out|launch)|soft launch|beta|test(?:ed|ing)? (?:it|the|a|with|in|on|among))\b"
);
cue!(
    pilot_specific,
    r"(?i)\b(?:teams?|department|site|sites|office|offices|branch(?:es)?|stores?|plants?|ward|wards|unit|units|group|groups|region|division|schools?|cohort|depot|depots|call cent(?:re|er)|line|shift|clinic|\d+ (?:people|staff|employees|users|participants|volunteers|engineers|managers|nurses|agents|teams|sites|stores|students|learners|members|customers|schools|practices))\b|\b\d+[- ](?:week|month|day|year)s?\b|\b(?:one|two|three|four|five|six|eight|nine|ten|twelve)[- ](?:week|month|day)s?\b|\bfor (?:a |one |two |three |six )?(?:weeks?|months?)\b"
);
cue!(
    measure_word,
    r"(?i)\b(?:measured (?:by|against|through|in|as|using|on)|(?:will|shall) (?:be )?(?:measur|track|judg|assess|evaluat|monitor)(?:e|ed)\b|we (?:will )?(?:measure|track|monitor|judge)|success (?:will be|is|was|would be) (?:measured|judged|defined|assessed)|metrics?|kpis?|key performance indicators?|baseline|benchmark(?:ed)?|targets?|compared (?:with|to|against)|control group|comparison group|before[- ]and[- ]after|from \S+ to \S+|surveyed)\b"
);
cue!(
    metric_noun,
    r"(?i)\b(?:time|times|cost|costs|rate|rates|hours|days|tickets|calls|retention|turnover|attrition|sales|revenue|errors?|satisfaction|nps|scores?|productivity|output|response|resolution|throughput|defects|complaints|absence|churn|conversion|margin|savings|spend|incidents|accidents|waiting|backlog|days|cycle|lead time|speed|quality|profit|income|visits|repeat)\b"
);
cue!(
    ask_first_person,
    r"(?i)\b(?:we|i)\s+(?:are\s+|am\s+)?(?:hereby\s+)?(?:ask|request|seek|recommend|propose|asking|requesting|seeking|recommending|proposing|need)\w*\b[^.?!]{0,90}\b(?:board|committee|council|cabinet|trustees|directors|executive|leadership|you|your|approv\w*|fund\w*|budget|invest\w*|sign[- ]off|authori[sz]\w*|decision|£|\$|€|\d)"
);
cue!(
    ask_addressed,
    r"(?i)\b(?:the board|the committee|committee|council|cabinet|members|the executive|trustees|you|directors|the panel)\s+(?:is|are)\s+(?:asked|requested|recommended|invited|being asked)\s+to\b|\brecommendations?\s*:|\bplease (?:approve|confirm|agree|sign|fund|support|authori[sz]e)\b|\b(?:decision|approval|sign[- ]off|funding) (?:is |are )?(?:required|needed|sought|requested)\b|\b(?:approv(?:e|al of)|authori[sz]e|endorse|sign off on|agree to fund|release of funds|allocate)\b[^.?!]{0,60}(?:£|\$|€|\d|budget|funding|pilot|project|proposal|programme|program|plan|investment|headcount|posts)"
);
cue!(
    urgency_word,
    r"(?i)\b(?:cost of (?:delay|waiting|inaction|doing nothing)|every (?:day|week|month|quarter|year) (?:we wait|of delay|that passes|without|lost)|deadlines?|by (?:the end of )?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]) )?20\d\d\b|by \d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|by (?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b|before (?:it is|it[’']s) too late|too late|fall(?:ing)? behind|fallen behind|left behind|los(?:e|es|ing) (?:ground|customers|market share|talent|staff|business|money|clients|out)|competitors? (?:are|have) already|already (?:ahead|moving|doing)|now is the time|act now|urgent(?:ly)?|urgency|crisis|can(?:no|[’'])t afford to (?:wait|delay)|window (?:of opportunity )?(?:is )?closing|expir(?:e|es|y|ing)|will lose|risk (?:of )?losing|at risk|threat(?:en|ens|ened)?|running out|end of (?:support|life)|no longer (?:an option|sustainable|viable)|falls? out of support)\b"
);
cue!(
    money_word,
    r"(?i)\b(?:dollars|euros|pounds|million|billion)\b"
);
cue!(at_named, r"^(?:At|In|For) [A-Z][\w&'’.-]+");
cue!(
    mentions_business_case,
    r"(?i)\b(?:business case|roi|return on investment|costs?|benefits?|payback|savings?|value|pays? off)\b"
);
cue!(
    mentions_outcome,
    r"(?i)\b(?:numbers|metrics?|figures|quantif\w*|data|results?|outcomes?|measurable)\b"
);
cue!(
    mentions_case_study,
    r"(?i)\b(?:case stud\w*|examples?|success stor\w*|stories|testimonials?|references?)\b"
);
cue!(
    mentions_peer,
    r"(?i)\b(?:peers?|competitors?|competition|rivals?|others in (?:your|the|their) (?:industry|sector|field)|similar (?:companies|organi[sz]ations|firms))\b"
);
cue!(
    mentions_pilot,
    r"(?i)\b(?:pilot\w*|start(?:ing)? small|small (?:first )?(?:step|start|win)|trial\w*|quick wins?|proof of concept|tests?)\b"
);
cue!(
    mentions_measure,
    r"(?i)\b(?:measur\w*|metrics?|kpis?|baselines?|targets?|track\w*)\b"
);
cue!(
    mentions_ask,
    r"(?i)\b(?:ask|asks|request\w*|approv\w*|decision|funding|budget|sign-off)\b"
);
cue!(
    mentions_urgency,
    r"(?i)\b(?:urgen\w*|why now|deadlines?|delay\w*|wait\w*|act now|time-sensitive)\b"
);

/// Whether advice names `element` (so the checklist can say it was only recommended).
fn mentions(element: Element, sentence: &str) -> bool {
    let cue = match element {
        Element::BusinessCase => mentions_business_case(),
        Element::QuantifiedOutcome => mentions_outcome(),
        Element::CaseStudy => mentions_case_study(),
        Element::PeerCase => mentions_peer(),
        Element::Pilot => mentions_pilot(),
        Element::SuccessMeasure => mentions_measure(),
        Element::Ask => mentions_ask(),
        Element::Urgency => mentions_urgency(),
    };
    cue.is_match(sentence)
}

/// Whether a sentence is advice to the reader (or a question), so it supplies nothing.
pub fn is_advice(sentence: &str) -> bool {
    let s = sentence.trim();
    s.ends_with('?')
        || imperative().is_match(s)
        || modal_advice().is_match(s)
        || call_to_action().is_match(s)
}

/// Whether a sentence holds a number that measures a business result.
pub fn quantified_outcome(sentence: &str) -> bool {
    if !result_word().is_match(sentence) || price_or_macro().is_match(sentence) {
        return false;
    }
    // Someone else's study or estimate is evidence about the problem, not our outcome.
    if quoted_statistic().is_match(sentence) && !first_person().is_match(sentence) {
        return false;
    }
    number().find_iter(sentence).any(|m| {
        let text = m.as_str().trim();
        let after = &sentence[m.end()..];
        let before = &sentence[..m.start()];
        if year_like().is_match(text)
            || version_before().is_match(before)
            || version_number().is_match(text)
            || time_span_around().is_match(after)
            || period_before().is_match(before)
        {
            return false;
        }
        if not_an_outcome_after().is_match(after) {
            // "40% of staff say…" is a survey; "40% fewer errors" is an outcome.
            return false;
        }
        if text.ends_with('%')
            && after.trim_start().starts_with("of")
            && survey_verb().is_match(after)
        {
            return false;
        }
        true
    })
}

fn business_case(sentence: &str) -> bool {
    let money = sentence.contains(['$', '€', '£', '¥']) || money_word().is_match(sentence);
    let figure = money || sentence.contains('%');
    (roi_with_number().is_match(sentence) && sentence.chars().any(|c| c.is_ascii_digit()))
        || cost_of_problem().is_match(sentence)
        || (figure && cost_word().is_match(sentence) && benefit_word().is_match(sentence))
        || (money && sentence.to_lowercase().contains("sav"))
}

/// Capitalised names that are not the sentence's first word, and not common words.
fn names_an_organisation(sentence: &str) -> bool {
    const NOT_NAMES: [&str; 58] = [
        "I",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "We",
        "Our",
        "Us",
        "They",
        "Their",
        "You",
        "Your",
        "He",
        "She",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "With",
        "By",
        "As",
        "If",
        "When",
        "While",
        "But",
        "And",
        "Or",
        "So",
        "However",
        "Many",
        "Most",
        "Some",
        "All",
        "CEO",
        "CFO",
        "HR",
        "IT",
        "ROI",
        "KPI",
        "AI",
        "Board",
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Yammer",
    ];
    const PRODUCTS: [&str; 14] = [
        "Slack",
        "Teams",
        "SharePoint",
        "Jive",
        "Facebook",
        "Twitter",
        "LinkedIn",
        "YouTube",
        "Instagram",
        "WhatsApp",
        "Confluence",
        "Chatter",
        "Workplace",
        "Viva",
    ];
    // Capitalised common nouns of tool and concept names ("Enterprise Social Networks",
    // "Knowledge Management System"): title case, not an organisation.
    const TERM_WORDS: [&str; 24] = [
        "Enterprise",
        "Social",
        "Network",
        "Networks",
        "Networking",
        "Media",
        "Intranet",
        "Intranets",
        "Web",
        "Digital",
        "Knowledge",
        "Management",
        "Learning",
        "System",
        "Systems",
        "Platform",
        "Platforms",
        "Collaboration",
        "Business",
        "Software",
        "Tools",
        "Technology",
        "Technologies",
        "Workplace",
    ];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let clean = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
            .to_string()
    };
    let capitalised = |w: &str| {
        let word = clean(w);
        word.chars().next().is_some_and(char::is_uppercase)
    };
    // The run of capitalised words that opens the sentence names an organisation
    // ("Alcoa Fastening Systems experienced…") unless it is a term in title case
    // ("Enterprise Social Networks have…"): then the rest of the sentence must name one.
    let opening_run = words.iter().take_while(|w| capitalised(w)).count().max(1);
    let opening_names = opening_run > 1
        && words[1..opening_run].iter().any(|w| {
            let word = clean(w);
            !TERM_WORDS.contains(&word.as_str())
                && !NOT_NAMES.contains(&word.as_str())
                && !PRODUCTS.contains(&word.as_str())
                && !w.starts_with('(')
        })
        && !words[..opening_run - 1]
            .iter()
            .any(|w| w.ends_with(['.', '!', '?', ':', ',']));
    let at_named = at_named().is_match(sentence.trim_start_matches(|c: char| !c.is_alphanumeric()));
    at_named
        || opening_names
        || words.iter().enumerate().skip(opening_run).any(|(i, w)| {
            let prior_ends = words[i - 1].ends_with(['.', '!', '?', ':']);
            let word = clean(w);
            // An acronym spelt out in brackets ("(ESNs)") names the term before it.
            let bracketed_acronym = w.starts_with('(')
                && word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase() || c == 's');
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() > 1
                && !prior_ends
                && !bracketed_acronym
                && !NOT_NAMES.contains(&word.as_str())
                && !PRODUCTS.contains(&word.as_str())
                && !TERM_WORDS.contains(&word.as_str())
        })
        || described_org().is_match(sentence)
}

fn case_study(sentence: &str, next: &str) -> bool {
    if hypothetical().is_match(sentence) || !names_an_organisation(sentence) {
        return false;
    }
    let with_next = format!("{sentence} {next}");
    past_or_result().is_match(sentence)
        && (quantified_outcome(&with_next) || past_result().is_match(&with_next))
}

fn peer_case(sentence: &str, neighbours: &str) -> bool {
    names_an_organisation(sentence)
        && !hypothetical().is_match(sentence)
        && (peer_frame().is_match(sentence) || peer_frame().is_match(neighbours))
}

fn pilot(sentence: &str) -> bool {
    // Done, under way or proposed as the case's own first step: concrete either way.
    pilot_word().is_match(sentence) && pilot_specific().is_match(sentence)
}

fn success_measure(sentence: &str) -> bool {
    measure_word().is_match(sentence) && metric_noun().is_match(sentence)
}

fn ask(sentence: &str) -> bool {
    ask_first_person().is_match(sentence) || ask_addressed().is_match(sentence)
}

/// Whether one (non-advice) sentence supplies `element`.
fn supplies(element: Element, sentence: &str, previous: &str, next: &str) -> bool {
    match element {
        Element::QuantifiedOutcome => quantified_outcome(sentence),
        Element::BusinessCase => business_case(sentence),
        Element::CaseStudy => case_study(sentence, next),
        Element::PeerCase => peer_case(sentence, &format!("{previous} {next}")),
        Element::Pilot => pilot(sentence),
        Element::SuccessMeasure => success_measure(sentence),
        Element::Ask => ask(sentence),
        Element::Urgency => urgency_word().is_match(sentence),
    }
}

/// Judges `text` for every element at once (in `Element::ALL` order): for each, the first
/// sentence that supplies it, else the first advice that mentions it. Sentences are found,
/// and advice recognised, once.
pub fn judge_all(text: &str) -> [Judgement; 8] {
    let mut out = [Judgement::Absent; 8];
    if text.trim().is_empty() {
        return out;
    }
    let bounds: Vec<(usize, usize)> = Sentences::new(text).iter().collect();
    let around = |at: Option<usize>| {
        at.and_then(|i| bounds.get(i))
            .map_or("", |&(s, e)| &text[s..e])
    };
    for (i, &(s, e)) in bounds.iter().enumerate() {
        let sentence = &text[s..e];
        if sentence.trim().is_empty() {
            continue;
        }
        let (previous, next) = (around(i.checked_sub(1)), around(Some(i + 1)));
        let advice = is_advice(sentence);
        for (slot, element) in Element::ALL.into_iter().enumerate() {
            if matches!(out[slot], Judgement::Supplied(_)) {
                continue;
            }
            if advice && !(element == Element::Ask && ask(sentence)) {
                if out[slot] == Judgement::Absent && mentions(element, sentence) {
                    out[slot] = Judgement::Advised((s, e));
                }
            } else if supplies(element, sentence, previous, next) {
                out[slot] = Judgement::Supplied((s, e));
            }
        }
    }
    out
}

/// Judges `text` for one element (see [`judge_all`]).
pub fn judge(text: &str, element: Element) -> Judgement {
    let slot = Element::ALL.iter().position(|e| *e == element).unwrap_or(0);
    judge_all(text)[slot]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn supplied(text: &str, element: Element) -> bool {
        matches!(judge(text, element), Judgement::Supplied(_))
    }

    #[test]
    fn recommendations_never_supply_an_element() {
        for (text, element) in [
            (
                "Start with a small pilot in one depot for six weeks.",
                Element::Pilot,
            ),
            (
                "You should gather case studies from firms like yours.",
                Element::CaseStudy,
            ),
            (
                "It is important to measure resolution time against a baseline.",
                Element::SuccessMeasure,
            ),
            (
                "Make sure the business case shows the payback in months.",
                Element::BusinessCase,
            ),
        ] {
            assert!(
                matches!(judge(text, element), Judgement::Advised(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn only_numbers_that_measure_a_result_are_outcomes() {
        assert!(supplied(
            "Repeat call-outs fell 18% in the first quarter.",
            Element::QuantifiedOutcome
        ));
        assert!(supplied(
            "The change saved the depot $42,000 a year.",
            Element::QuantifiedOutcome
        ));
        assert!(supplied(
            "Our own survey found repeat call-outs fell 18%.",
            Element::QuantifiedOutcome
        ));
        for text in [
            "In 2021 we had 4,000 staff across 12 sites.",
            "The licence costs $6 per user per month and sales teams love it.",
            "63% of managers say they waste time in meetings and errors grow.",
            "The intranet grew to 12,000 members.",
            "A vendor study suggests peer networks lift productivity by 25%.",
            "Three years ago errors were our biggest worry.",
            "In the last 5 years, knowledge tools improved a great deal.",
            "Intranet 2.0 tools can improve how a firm works.",
        ] {
            assert!(!supplied(text, Element::QuantifiedOutcome), "{text}");
        }
    }

    #[test]
    fn a_case_study_needs_its_result() {
        assert!(!supplied(
            "Last spring Nordbank introduced a peer network for its branch staff, where productivity matters.",
            Element::CaseStudy
        ));
        assert!(supplied(
            "In 2024 Nordbank introduced a peer network and cut branch queries by a third.",
            Element::CaseStudy
        ));
        assert!(supplied(
            "Last spring Nordbank introduced a peer network. Queries to head office halved.",
            Element::CaseStudy
        ));
    }

    #[test]
    fn a_peer_case_needs_a_named_organisation() {
        assert!(supplied(
            "Our nearest rival, Harlow Freight, cut empty miles by 9% with shared routing.",
            Element::PeerCase
        ));
        assert!(!supplied(
            "The competition is already doing it.",
            Element::PeerCase
        ));
    }

    #[test]
    fn an_ask_is_addressed_to_the_decision_maker() {
        assert!(supplied(
            "We ask the board to approve £80,000 for a twelve-week trial.",
            Element::Ask
        ));
        assert!(supplied(
            "Members are asked to note the report and approve the plan.",
            Element::Ask
        ));
        assert!(!supplied(
            "Contact us today to request a demo of the platform.",
            Element::Ask
        ));
        assert!(!supplied(
            "What would you ask your board for?",
            Element::Ask
        ));
    }

    #[test]
    fn a_pilot_is_concrete_who_and_how_long() {
        assert!(supplied(
            "We ran a six-week pilot with two teams at the Leeds depot.",
            Element::Pilot
        ));
        assert!(!supplied("Pilots are a good way to learn.", Element::Pilot));
        assert!(supplied(
            "A 10-week trial at the Hull branch will test it first.",
            Element::Pilot
        ));
    }
}
