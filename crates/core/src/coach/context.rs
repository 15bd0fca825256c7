//! The context stage: between "a term matched" and "a finding shown". A tool or concept
//! name, or a buzzword, is only worth underlining when it is the argument. Read in its
//! sentence, the same word is often something else: a word being discussed, someone's
//! objection, the topic of advice to the person pitching, a real marketing channel with its
//! figures, part of a name, a product in a factual story, or the means beside a measured
//! result (`../shared/product/COACHING.md` in the repository's shared notes). Each candidate
//! gets a `Reading`: raised with a reason in plain words, or set aside with one.
//!
//! The cues are small, deterministic patterns over the candidate's sentence and its
//! neighbours; each window is capped, so a megabyte with no full stop costs no more per
//! candidate than a paragraph.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sentences::Sentences;

/// What kind of word a rule flags, which decides the readings that can set it aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextKind {
    /// A tool, channel, product or concept name ("social learning", "Yammer").
    Tool,
    /// Empty praise or a slogan ("synergy", "game-changer").
    Buzzword,
    /// How a tool is deployed or counted ("roll-out", "adoption"): worth a word when it is
    /// the writer's own plan or their measure of success, not in a report of what others did.
    Deployment,
    /// A vague amount or a hedge ("huge", "might"): worth a word where it stands in for the
    /// change's result ("huge savings", "might cut costs"), not where it sizes anything else
    /// ("a huge company", "one might say").
    Vague,
    /// Not read in context (the rule's own conditions decide).
    Plain,
}

impl ContextKind {
    pub fn parse(name: &str) -> Option<ContextKind> {
        match name {
            "tool" => Some(ContextKind::Tool),
            "buzzword" => Some(ContextKind::Buzzword),
            "deployment" => Some(ContextKind::Deployment),
            "vague" => Some(ContextKind::Vague),
            "none" => Some(ContextKind::Plain),
            _ => None,
        }
    }

    /// The default for a rule id: tool-talk rules read tools, concept rules buzzwords.
    pub fn for_rule_id(id: &str) -> ContextKind {
        let local = id.split_once('.').map_or(id, |(_, rest)| rest);
        if local.starts_with("tool-talk.") {
            ContextKind::Tool
        } else if local.starts_with("concept.") {
            ContextKind::Buzzword
        } else {
            ContextKind::Plain
        }
    }
}

/// Why a candidate was set aside. The wire names are stable (JSON of `casewright lint`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SetAside {
    /// In quotation marks, as a word or a short label.
    Quoted,
    /// Discussed as a word ("the term …", "so-called …").
    WordAsWord,
    /// Being defined ("… refers to", "what is …").
    Defined,
    /// Reported as someone's objection or worry.
    Objection,
    /// Named in a warning against tool-talk ("don't talk about …", "rather than …").
    Warning,
    /// The topic of advice to the person pitching ("how to sell … to your director").
    AdviceTopic,
    /// A real channel whose results are measured, or a category of spending with figures.
    LiteralChannel,
    /// Part of a name, a title, a job title or a programme.
    NameOrTitle,
    /// Inside a quoted statistic from a survey or study.
    QuotedStatistic,
    /// A product or tool in a factual story of what an organisation did.
    FactualNarrative,
    /// The means beside a measured result in the same sentence.
    MeansOfResult,
    /// Someone else's view, reported ("McAfee says …").
    Reported,
    /// Named, described or listed, but not sold: nothing in its sentence makes it the
    /// goal, the subject of a benefit or the reason.
    Descriptive,
    /// A vague word that sizes or hedges something other than a result ("a huge company").
    NotAResult,
}

impl SetAside {
    pub const ALL: [SetAside; 14] = [
        SetAside::Quoted,
        SetAside::WordAsWord,
        SetAside::Defined,
        SetAside::Objection,
        SetAside::Warning,
        SetAside::AdviceTopic,
        SetAside::LiteralChannel,
        SetAside::NameOrTitle,
        SetAside::QuotedStatistic,
        SetAside::FactualNarrative,
        SetAside::MeansOfResult,
        SetAside::Reported,
        SetAside::Descriptive,
        SetAside::NotAResult,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SetAside::Quoted => "quoted",
            SetAside::WordAsWord => "word-as-word",
            SetAside::Defined => "defined",
            SetAside::Objection => "objection",
            SetAside::Warning => "warning",
            SetAside::AdviceTopic => "advice-topic",
            SetAside::LiteralChannel => "literal-channel",
            SetAside::NameOrTitle => "name-or-title",
            SetAside::QuotedStatistic => "quoted-statistic",
            SetAside::FactualNarrative => "factual-narrative",
            SetAside::MeansOfResult => "means-of-result",
            SetAside::Reported => "reported",
            SetAside::Descriptive => "descriptive",
            SetAside::NotAResult => "not-a-result",
        }
    }

    /// Why it was left alone, in plain words, for `lint --explain` and the JSON.
    pub fn reason(self, matched: &str) -> String {
        match self {
            SetAside::Quoted => {
                format!("“{matched}” is in quotation marks: a word quoted, not used")
            }
            SetAside::WordAsWord => format!("“{matched}” is discussed as a word"),
            SetAside::Defined => format!("“{matched}” is being defined"),
            SetAside::Objection => format!("“{matched}” is part of an objection being reported"),
            SetAside::Warning => format!("“{matched}” is named in a warning against tool-talk"),
            SetAside::AdviceTopic => {
                format!("“{matched}” is the topic of advice on how to pitch it")
            }
            SetAside::LiteralChannel => format!(
                "“{matched}” is the real channel here, and its results are given in figures"
            ),
            SetAside::NameOrTitle => format!("“{matched}” is part of a name or title"),
            SetAside::QuotedStatistic => format!("“{matched}” is inside a quoted statistic"),
            SetAside::FactualNarrative => {
                format!("“{matched}” is a product in a factual account of what was done")
            }
            SetAside::MeansOfResult => {
                format!("“{matched}” is how a measured result was reached, in the same sentence")
            }
            SetAside::Reported => format!("“{matched}” is part of someone else's view, reported"),
            SetAside::Descriptive => format!(
                "“{matched}” is named or described, not sold: nothing makes it the goal, a benefit's subject or the reason"
            ),
            SetAside::NotAResult => format!(
                "“{matched}” sizes or hedges something other than a result of the change"
            ),
        }
    }
}

/// What the context stage made of a candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Shown, with the reason in plain words.
    Raised(String),
    /// Left alone, and why.
    SetAside(SetAside),
}

/// Compiles a cue with ASCII word boundaries: a Unicode `\b` cannot run in the regex
/// crate's fast engines once the text holds a curly quote or an emoji, and the cues' words
/// are English.
/// The lazy DFA gets room for the cues' large case-insensitive alternations; with the
/// default it rebuilds its states over and over, which was most of the coaching time.
pub(super) fn compile_cue(pattern: &str) -> Regex {
    regex::RegexBuilder::new(
        &pattern
            .replace(r"\b", r"(?-u:\b)")
            .replace(r"\w", "[A-Za-z0-9_]"),
    )
    .dfa_size_limit(16 << 20)
    .build()
    .expect("cue patterns compile")
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| compile_cue(pattern))
}

macro_rules! cue {
    (pub $name:ident, $pattern:expr) => {
        pub(super) fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            regex(&CELL, $pattern)
        }
    };
    ($name:ident, $pattern:expr) => {
        fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            regex(&CELL, $pattern)
        }
    };
}

cue!(
    word_before,
    r#"(?i)\b(?:the|a|this|that)?\s*(?:word|words|term|terms|phrase|phrases|label|labels|buzzwords?|expression|jargon|acronym|so-called|dubbed|call it|calling it|called it|mean by|terms like|words like|phrases like|labels like)\s*[“"'‘]?\s*$"#
);
cue!(
    word_after,
    r#"(?i)^\s*[”"'’]?\s*(?:is|are|was|were|has become|have become)\s+(?:just\s+|only\s+|simply\s+|now\s+)?(?:a|an|the)?\s*(?:\w+\s+)?(?:word|term|buzzword|label|jargon|phrase|catchphrase|catch-all)s?\b"#
);
cue!(
    defined_after,
    r#"(?i)^\s*[”"'’]?\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:refers? to|is defined as|are defined as|can be defined as|is a term for|is the term for|stands for|is short for|means\b|is a (?:type|kind|form|category|class|subset) of|are (?:a )?(?:types|kinds|forms|categories) of)"#
);
cue!(
    defined_before,
    r#"(?i)(?:\bwhat (?:is|are)\s+(?:a|an|the)?|\bdefin(?:e|es|ed|ing|ition of|itions of)\s+(?:a|an|the)?)\s*[“"'‘]?\s*$"#
);
cue!(
    negative,
    r"(?i)\b(?:waste of (?:time|money|resources)|time[- ]wast\w*|distraction|distracting|fads?\b|toys?\b|frivolous|dangerous|security (?:risks?|concerns?|threats?|issues?)|gossip|chit[- ]chat|playground|not (?:a )?serious|no (?:real )?(?:business )?value|unproductive|goof\w* off|slack\w* off|liabilit(?:y|ies)|won[’']t work|will never work|doesn[’']t work|nonsense|over-?hyped|just for (?:kids|teenagers|fun)|lose control|losing control|leaks?\b)"
);
cue!(
    reporting,
    r"(?i)\b(?:objections?|object(?:s|ed)? (?:to|that)|critics?|sceptic\w*|skeptic\w*|naysayers?|resist\w*|push(?:es|ed)? back|pushback|worr(?:y|ies|ied)|concerns?|concerned|fears?|feared|afraid|dismiss\w*|thinks?|thought|believes?|believed|sees?|saw|views?|viewed|regards?|regarded|perceiv\w*|argue[sd]?|claims?|claimed|says?|said|told|complain\w*|management|managers|executives|leaders|bosses|boss|lawyers|legal)\b"
);
cue!(
    warning_before,
    r"(?i)(?:\b(?:avoid(?:ing)?|don[’']t|do not|never|stop|resist)\s+(?:\w+\s+){0,2}?(?:talk\w*|say\w*|us\w* (?:the )?(?:word|term|jargon|language)|mention\w*|lead\w* with|open\w* with|start\w* with|call\w*|focus\w* on|pitch\w*|sell\w*|dwell\w* on|bang\w* on|harp\w* on|push\w*)\b|\b(?:rather than|instead of|not about|isn[’']t about|is not about|aren[’']t about|are not about|wasn[’']t about|not just about|not merely|isn[’']t merely|isn[’']t just|is not just|less about|forget about|not because of|nothing to do with)\b)[^.;:!?]{0,45}$"
);
cue!(
    advice_frame,
    r"(?i)\b(?:how (?:to|do you|do i|can you|can i|should you|should i|would you)|ways to|tips (?:for|to|on)|steps to|when (?:you|pitching|selling|proposing|presenting)|before you|if you(?:[’']re| are)? (?:want|trying|hoping|planning)|you(?:[’']ll| will)? need to|help you|trying to|try to|your (?:boss|manager|management|director|executives?|leadership|ceo|cfo|board|stakeholders|higher-ups|senior)|get (?:buy-in|approval|permission|support|sign-off|the go-ahead)|gain (?:buy-in|approval|support)|win (?:over|support)|make (?:the|a|your) case|build (?:the|a|your) (?:business )?case|convinc\w*|persuad\w*|sell\w* (?:it|the idea)|pitch\w*)\b"
);
cue!(
    benefit_after,
    r"(?i)^[^.;:!?]{0,40}?\b(?:will|can|could|helps?|help|boosts?|improves?|increases?|enhances?|transforms?|revolutioni[sz]es?|drives?|enables?|empowers?|creates?|fosters?|delivers?|brings?|offers?|provides?|allows?|lets?|unlocks?|accelerates?|streamlines?|supercharges?|maximi[sz]es?|inspires?|supports?|makes?|is changing|are changing|changes the way|has a (?:positive|real|big|huge) (?:impact|effect)|is (?:key|essential|vital|critical|crucial|the (?:future|answer|key|way|best|one|only|ideal|perfect)|a (?:must|game|powerful|great|proven|key|vital|perfect|relatively new and powerful)|one of the (?:best|many|most)|clearly part of|part of the solution|here to stay|no longer optional)|(?:is|are) (?:too |now )?(?:outdated|dated|old|slow|clunky|inadequate|broken|not fit for purpose|out of date|holding us back|the problem)|are (?:key|essential|vital|critical|crucial|the future|a must|powerful|proven|the (?:best|answer))|(?:is|are) (?:now |also |often |increasingly |becoming )*(?:(?:a|an|the) )?(?:(?:extremely|very|really|truly|incredibly|hugely|most|more) )?(?:important|powerful|valuable|essential|indispensable|pivotal|effective|ideal|perfect|excellent|invaluable|great) (?:asset|tool|way|means|resource|solution|enabler|driver|platform|part|channel|weapon|ally)s?|(?:has|have) (?:emerged|become) (?:as )?(?:(?:a|an|the) )?(?:\w+ )?(?:important|powerful|valuable|essential|pivotal|key|vital|critical|indispensable|go-to|central)|(?:is|are) (?:now )?(?:seen|viewed|regarded) as (?:a|an|the) (?:way|means|key|answer|solution|route)|(?:has|have) (?:enabled|helped|allowed|empowered|transformed|revolutioni[sz]ed|made it possible)|opens? up|connects? the dots|(?:organi[sz]ations|companies|teams|businesses|employees|staff|you|we) (?:acquire|gain|get) (?:a|an)\b|does (?:so |much |far )*more than|(?:is|are) (?:all )?for (?:connecting|sharing|helping|making|bringing|building|getting|reducing|improving|everyone|every)|really shines?|works? (?:best|better|well)|gives? (?:you|us|them|people|teams|employees|staff|users|workers|learners|managers)|(?:is|are) (?:\w+ )?(?:cheaper|faster|better|easier|quicker|smarter|more (?:effective|efficient|engaging|productive|powerful|valuable|useful)) than|(?:is|are|isn[’']t|aren[’']t) (?:not |no longer )?(?:just|only|simply|merely) (?:a|an|the|about)\b)\b"
);
cue!(
    result_after_vague,
    r"(?i)^\s*(?:(?:be|have|make|help|to|more|less|cost|time|financial|business|efficiency|productivity|performance|operational|positive|measurable|real|long-term|annual|yearly)\s+){0,2}(?:savings?|gains?|benefits?|improvements?|impacts?|increases?|reductions?|returns?|roi\b|value|growth|productivity|efficiency|results?|boosts?|effects?|payback|profits?|revenues?|uplift|ideas|money|time saved|(?:improv|chang|flow|address|encourag|los[et]\b|lose|reduc|increas|sav|boost|lift|rais|lower|speed|accelerat|transform|enhanc|cut|lead to|result in|pay\b|pays\b|deliver|generat|produc|drive|help|enabl|make (?:us|our|the|a)\b))\w*"
);
cue!(
    result_before_vague,
    r"(?i)\b(?:improv|reduc|increas|sav|boost|lift|rais|lower|grow|grew|fall|fell|rose|rise|rising|cut|speed|accelerat|enhanc|chang|transform|benefit)\w*\s+(?:(?:our|the|their|its|your|costs?|time|sales|productivity|efficiency|performance|output|results?)\s+){0,2}$"
);
cue!(
    present_claim_after,
    r"^\s*(?:will|can|helps|enables|lets|allows|gives|makes|delivers|brings|empowers|transforms|offers|provides|is|are)\b"
);
cue!(
    finite_verb,
    r"(?i)\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|says?|said|gets?|got|makes?|made|takes?|took|gives?|gave|uses?|used|helps?|works?|runs?|need|needs|want|wants|grew|grows|rose|rises|fell|falls|cut|cuts|saw|sees|went|goes|came|comes|began|begins|ran|won|wins|lost|bought|buys|brought|brings|built|builds|kept|keeps|left|met|paid|sold|told|thought|found|finds|became|becomes|\w+ed)\b"
);
cue!(
    goal_before,
    r"(?i)(?:\b(?:our|the|my|their) (?:plan|goal|aim|proposal|ask|solution|answer|idea|priority|recommendation)\s*(?:is|:)\s*(?:to\s+\w+\s+)?(?:a|an|the)?\s*|\b(?:the|our|their) (?:answer|solution|key)\b[^.;:!?]{1,40}?\b(?:is|are|was)\s+(?:a|an|the)?\s*|\b(?:we|you|companies|organi[sz]ations|firms|businesses|teams|everyone|they|corporations?|leaders|managers|it)\s+(?:should|must|need to|needs to|have to|has to|will|want to|wants to|plan to|propose to|ought to|are going to|can)\s+(?:\w+\s+){0,2}|\bpart of (?:our|the|a|an|this)\s+|\b(?:will|should|must|shall)\s+(?:\w+\s+)?(?:a|an|the|our|their|more and more|more)?\s*|\b(?:gets?|give|gives|giving|provide|provides|providing|buy|buying|launch|launching)\s+(?:each|every|all|our|the)?\s*(?:\w+\s+)?(?:a|an|its|their|our|new)\s+|\b(?:want|wants|need|needs|require|requires|adopt|adopting|implement|implementing|introduce|introducing|invest in|investing in|embrace|embracing|harness|harnessing|deploy|deploying|roll out|rolling out|making|make|by creating|creating|design|the goal of|the value of|the power of|the importance of|the promise of|the benefits? of|advantages? of|ways (?:how )?|of using|help|helps|helping|moving to|move to|moved to|switch(?:ing|ed)? to|migrat(?:e|es|ed|ing) to)\s+(?:using\s+|adopting\s+)?(?:a|an|the|this|these|our|their|new|more and more|more|strategic|well[- ]implemented)?\s*(?:\w+\s+)?)$"
);
cue!(
    means_before,
    r"(?i)\b(?:with|through|using|via)\s+(?:a|an|the|this|these|our|their|new|more)?\s*(?:\w+\s+)?$"
);
cue!(
    reported_speech,
    r#"(?:\b[A-Z][A-Za-z’'-]*[a-z]|\b(?i:he|she|they|critics|analysts|experts|vendors))\s+(?i:says|said|argues|argued|claims|claimed|believes|believed|wrote|writes|told|thinks|predicts|predicted)\b|(?i:\baccording to\b)|[,”"]\s*(?i:says|said|writes|wrote|explains|explained|notes|noted|adds|added)\s+(?:[A-Z]|(?i:he|she)\b)"#
);
cue!(
    writer_plan_before,
    r"(?i)(?:^|[,;:]\s*|\b(?:then|next|so|and)\s+)\W*(?:we|i)\s+(?:will\s+|would\s+|shall\s+|then\s+|plan to\s+|intend to\s+|want to\s+|propose to\s+|aim to\s+|are going to\s+|can\s+)?(?:\w+\s+)?$|^\W*(?:then\s+)?$"
);
cue!(
    success_measure_before,
    r"(?i)\b(?:success|progress|impact|value|results?)\b[^.;:!?]{0,30}\b(?:measured|judged|tracked|shown|proven|counted)\s+(?:by|through|in|with)\s+(?:the\s+)?(?:\w+\s+)?$"
);
cue!(
    negated_after,
    r#"(?i)^\s*[”"'’]?\s*(?:is|are|was|were)\s+(?:not|n[’']t|no longer|never)\b|^\s*(?:isn[’']t|aren[’']t|wasn[’']t)\b"#
);
cue!(
    not_just_after,
    r#"(?i)^\s*[”"'’]?\s*(?:is|are|was|were|isn[’']t|aren[’']t|wasn[’']t)\s+(?:not\s+|no longer\s+)?(?:just|only|simply|merely)\b"#
);
cue!(
    claim_before,
    r"(?i)\b(?:benefits? of|power of|value of|advantages? of|promise of|potential of|invest(?:ing)? in|the need for|need (?:a|an|to adopt|to implement)|by (?:using|adopting|implementing|embracing|leveraging|integrating|introducing|deploying|rolling out)|(?:the )?(?:implementation|introduction|deployment|roll-?out) of (?:the|a|an|our)?|embrac\w*|adopt(?:ing)? (?:a|an)?|thanks to|(?:is|are) (?:a|an) (?:great|powerful|perfect|ideal|excellent|fantastic|brilliant|effective|wonderful|amazing))\s*$"
);
cue!(
    pub figure,
    r"(?i)(?:[$€£¥]\s?\d|\d(?:[\d,.]*\d)?\s?(?:%|percent\b|per\s?cent\b|x\b|times\b|-?fold\b|(?:million|billion|thousand|bn|m|k)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b)|\b(?:twice|two|three|four|five|ten)(?:\s+times|-fold)\b|\b(?:doubled|tripled|halved)\b|\b\d(?:[\d,.]*\d)?\s?(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|seconds?)\b|\b\d[\d,.]*\s+(?:fewer|more|less)\b|\b\d[\d,.]*\s+(?:calls|tickets|errors|defects|incidents|complaints|sales|leads|hires|ideas|patents|products|orders|deals|customers|claims|cases|returns|accidents|injuries)\b)"
);
cue!(
    result_verb,
    r"(?i)\b(?:cut|cuts|cutting|reduc\w*|sav(?:e|ed|es|ing|ings)|increas\w*|grew|grow(?:s|n|th)?|rose|ris(?:e|es|ing)|lift\w*|boost\w*|improv\w*|drop\w*|fell|fall(?:s|ing)?|declin\w*|halv\w*|doubl\w*|tripl\w*|shorten\w*|lower\w*|rais\w*|generat\w*|drove|driv\w*|produc\w*|deliver\w*|earn\w*|won|gain\w*|result\w* in|led to|lead to|contribut\w* to|attribut\w*|avoid\w*|sped|speed\w*|faster|quicker|fewer|less|higher|return\w*|roi|brought|up|down|from\s+\S+\s+to)\b"
);
cue!(
    usage_near_figure,
    r"(?i)\d[\d,.]*\s?%?\s+(?:of\s+)?(?:\w+\s+)?(?:users|members|accounts|posts|followers|fans|views|visitors|downloads|logins|likes|employees|people|staff|participants|learners|respondents|subscribers|page views|communities|groups)\b|\b(?:adoption|usage|participation|logins?|sign-?ups|membership)\b[^.]{0,30}\d"
);
cue!(
    usage_term,
    r"(?i)\b(?:adoption|adopt\w*|usage|users?|members?|membership|logins?|log-ins?|sign-?ups?|participa\w*|active|views|visitors|followers|posts|downloads|completions?)\b"
);
cue!(
    channel,
    r"(?i)^(?:social media|social networks?|social networking|social channels?|social platforms?|social sites?|facebook|twitter|x|linkedin|youtube|instagram|tiktok|whatsapp|pinterest|snapchat|social)\b"
);
cue!(
    marketing,
    r"(?i)\b(?:marketing|marketers?|campaigns?|advertis\w*|ads\b|brand\w*|customers?|customer (?:service|care|support)|sales|leads|revenue|followers|fans|audiences?|reach|traffic|conversions?|recruit\w*|candidates|hires|complaints|response times?|promot\w*|e-?commerce|shoppers|consumers|retail\w*|bookings|orders|purchases|enquiries|inquiries)\b"
);
cue!(
    spending,
    r"(?i)\b(?:spend|spends|spending|spent|budgets?|expenditure|allocat\w*|invested|investments? in)\b"
);
cue!(digit, r"\d");
cue!(
    title_head_after,
    r"^\s+(?:(?:[A-Z][\w&'’-]*|of|and|&|for|the|\d{4})\s+){0,3}(?:Summit|Conference|Congress|Awards?|Report|Survey|Study|Index|Institute|Association|Council|Forum|Week|Day|Program|Programme|Project|Initiative|Team|Group|Labs?|Academy|Cent(?:er|re)|Society|Foundation|Magazine|Journal|Podcast|Show|Handbook|Guide|Manifesto|Strategy|Policy|Framework|Act|Inc|Ltd|LLC|Corp|Company|Agency|Trends|Benchmark|Expo|Masterclass|Certificate|Course|Module|Unit)\b"
);
cue!(
    job_after,
    r"(?i)^\s*(?:manager|managers|director|directors|officer|officers|lead|leads|specialists?|coordinators?|strategists?|editors?|consultants?|analysts?|experts?|gurus?|evangelists?|champions?|team|teams|department|agency|agencies|executives?|administrators?|admins?|marketers?|polic(?:y|ies)|guidelines|coach|coaches|professionals?|practitioners?|researchers?|scholars?)\b"
);
cue!(
    job_before,
    r#"(?i)\b(?:head|director|vp|vice president|chief|manager|professor|department|school|faculty|institute|cent(?:er|re)|minister|ministry|office|book|article|paper|report|study|survey|course|webinar|session|talk|keynote|module|chapter)\s+(?:of|for|on|titled|called|named|entitled)\s+(?:the\s+)?[“"'‘]?$"#
);
cue!(
    stat_source,
    r"(?i)\b(?:according to|surveys?|surveyed|study|studies|research(?:ers)?|report(?:s|ed)?|poll\w*|found that|finds that|respondents|analysts?|gartner|forrester|mckinsey|idc|deloitte|pew|nielsen|statista)\b"
);
cue!(
    narrative_verb,
    r"(?i)\b(?:bought|purchased|acquired|adopted|deployed|rolled out|launched|introduced|implemented|installed|replaced|switched|moved|migrated|chose|selected|signed|licensed|began|started|set up|built|created|used|ran|piloted|tested|tried|opened|decided|went live|turned to|brought in|invested|spent|partnered|hired|announced|released|shut down|closed|retired|abandoned|upgraded|consolidated|merged|(?:was|were|had been) (?:\w+ )?(?:launched|introduced|deployed|rolled out|used|set up|created|built|installed|adopted|replaced))\b"
);
cue!(
    org_noun,
    r"(?i)\b(?:the|its|their) (?:company|firm|bank|agency|council|hospital|department|organi[sz]ation|business|school|university|ministry|government|retailer|insurer|manufacturer|charity|client|insurer|airline|brand|startup|group|utility|service)\b|\b(?:in|by|since|during|from|until) (?:19|20)\d\d\b"
);
cue!(
    modal,
    r"(?i)\b(?:will|can|could|would|should|must|may|might|shall)\b"
);
cue!(
    pronoun_start,
    r"(?i)^\W*(?:it|this|that|they|these|the (?:tool|platform|system|wiki|network|site|app|channel|change|programme|program|pilot))\b"
);

/// The sentence window around a candidate, capped on each side.
struct Window<'a> {
    before: &'a str,
    after: &'a str,
    sentence: &'a str,
    previous: &'a str,
    next: &'a str,
}

const CAP: usize = 400;

fn clip_start(text: &str, from: usize, to: usize) -> usize {
    let mut at = from.max(to.saturating_sub(CAP));
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn clip_end(text: &str, from: usize, to: usize) -> usize {
    let mut at = to.min(from + CAP);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn clipped(text: &str, (start, end): (usize, usize)) -> &str {
    let from = start;
    let to = clip_end(text, start, end.min(start + 2 * CAP));
    &text[from..to.max(from)]
}

impl<'a> Window<'a> {
    fn new(text: &'a str, sentences: &Sentences, range: (usize, usize)) -> Window<'a> {
        let at = sentences.index_of(range.0);
        let (s, e) = sentences.get(at);
        let from = clip_start(text, s, range.0);
        let to = clip_end(text, range.1, e);
        let neighbour = |i: Option<usize>| i.map_or("", |i| clipped(text, sentences.get(i)));
        Window {
            before: &text[from..range.0],
            after: &text[range.1..to.max(range.1)],
            sentence: &text[from..to.max(range.1)],
            previous: neighbour(at.checked_sub(1)),
            next: neighbour(Some(at + 1).filter(|&n| n < sentences.len())),
        }
    }
}

/// Reads one candidate: `matched` is `text[range]`, found by a rule of `kind`.
pub fn read(
    kind: ContextKind,
    text: &str,
    sentences: &Sentences,
    range: (usize, usize),
) -> Reading {
    let matched = &text[range.0..range.1];
    let mut window = Window::new(text, sentences, range);
    // "Gamification — game mechanics for work — can …": the claim comes after the aside.
    window.after = skip_aside(window.after);
    if kind == ContextKind::Plain {
        return Reading::Raised(String::new());
    }
    if let Some(aside) = mention(&window) {
        return Reading::SetAside(aside);
    }
    if is_name_or_title(&window, matched) {
        return Reading::SetAside(SetAside::NameOrTitle);
    }
    if kind == ContextKind::Vague {
        return if stands_for_a_result(&window, matched) {
            Reading::Raised(format!(
                "“{matched}” stands where the result's size should be: the board cannot check it"
            ))
        } else {
            Reading::SetAside(SetAside::NotAResult)
        };
    }
    if kind == ContextKind::Buzzword {
        return Reading::Raised(format!(
            "“{matched}” carries no checkable meaning in this sentence: say what changes, and by how much"
        ));
    }
    if kind == ContextKind::Deployment {
        return deployment(&window, matched);
    }
    if let Some(aside) = tool_use(&window, matched) {
        return Reading::SetAside(aside);
    }
    // When in doubt, do not flag: a tool is raised only when its sentence sells it.
    // "With the wiki, we will…" makes the tool the way; in a story ("OCBC's staff booked
    // desks through the intranet") it is only how something happened.
    let means_as_goal = means_before().is_match(window.before)
        && !narrative_verb().is_match(window.sentence)
        && !names_an_organisation(&window, matched);
    if (goal_before().is_match(window.before) || means_as_goal)
        && !(benefit_after().is_match(window.after) || claim_before().is_match(window.before))
    {
        return Reading::Raised(format!(
            "“{matched}” is named as the goal or the reason; nothing in its sentence ties it to a measured result"
        ));
    }
    let claim = benefit_after().is_match(window.after) || claim_before().is_match(window.before);
    if !claim && is_headline(window.sentence) {
        return Reading::Raised(format!(
            "“{matched}” is the point of a headline with no result in it: lead with the outcome"
        ));
    }
    if !claim {
        return Reading::SetAside(SetAside::Descriptive);
    }
    Reading::Raised(if claim {
        format!("“{matched}” is the subject of a benefit claim, and nothing in its sentence is measured")
    } else {
        format!("“{matched}” names the tool or concept as the point; nothing in its sentence ties it to a measured result")
    })
}

/// Whether a vague word qualifies a result: a result noun or verb right after it ("huge
/// savings", "might cut", "significantly reduces"), or a result verb right before it
/// ("improves dramatically").
fn stands_for_a_result(w: &Window, matched: &str) -> bool {
    // A term may carry its own result ("significant savings", "positive impact").
    let own = matched
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest);
    // A hedge that names potential is about the change's benefit by its meaning.
    let potential = {
        let m = matched.to_lowercase();
        m.contains("potential") || m.contains("possibilit") || m.contains("hopefully")
    };
    potential
        || (!own.is_empty() && result_after_vague().is_match(own))
        || result_after_vague().is_match(w.after)
        || result_before_vague().is_match(w.before)
}

/// A roll-out or an adoption count: raised as the writer's plan or measure, set aside in a
/// story, a report or beside a measured result.
fn deployment(w: &Window, matched: &str) -> Reading {
    if usage_term().is_match(matched)
        && (digit().is_match(w.sentence) || success_measure_before().is_match(w.before))
        && !stat_source().is_match(w.sentence)
    {
        return Reading::Raised(format!(
            "“{matched}” counts use of the tool and offers it as the result"
        ));
    }
    if let Some(aside) = tool_use(w, matched) {
        return Reading::SetAside(aside);
    }
    if writer_plan_before().is_match(w.before) || goal_before().is_match(w.before) {
        return Reading::Raised(format!(
            "“{matched}” puts deploying the tool first in the plan; nothing in its sentence says what it achieves"
        ));
    }
    if is_headline(w.sentence) {
        return Reading::Raised(format!(
            "“{matched}” is the point of a headline with no result in it: lead with the outcome"
        ));
    }
    Reading::SetAside(SetAside::Descriptive)
}

/// A short line with no verb ("A peer network for every depot."): a storyboard headline,
/// whose point is whatever it names.
fn is_headline(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && !sentence.trim_end().ends_with('?')
        && !finite_verb().is_match(sentence)
}

/// The text after a match without a dash or bracket aside that opens it.
fn skip_aside(after: &str) -> &str {
    let trimmed = after.trim_start();
    for (open, close) in [("—", "—"), ("–", "–"), (" - ", " - "), ("(", ")")] {
        if let Some(rest) = trimmed.strip_prefix(open.trim()) {
            if let Some(end) = rest.find(close.trim()) {
                return &rest[end + close.trim().len()..];
            }
        }
    }
    after
}

/// A word quoted, discussed, defined, objected to or warned against.
fn mention(w: &Window) -> Option<SetAside> {
    if let Some(words) = quoted_words(w) {
        if negative().is_match(w.sentence) {
            return Some(SetAside::Objection);
        }
        if words <= 5 {
            return Some(SetAside::Quoted);
        }
    }
    if word_before().is_match(w.before) || word_after().is_match(w.after) {
        return Some(SetAside::WordAsWord);
    }
    if defined_after().is_match(w.after) || defined_before().is_match(w.before) {
        return Some(SetAside::Defined);
    }
    // "X is no longer just a chat app" sells X as more; "X is not the point" warns.
    let negated = negated_after().is_match(w.after) && !not_just_after().is_match(w.after);
    if warning_before().is_match(w.before) || negated {
        return Some(SetAside::Warning);
    }
    if reported_speech().is_match(w.sentence) {
        return Some(SetAside::Reported);
    }
    if negative().is_match(w.sentence) && reporting().is_match(w.sentence) {
        return Some(SetAside::Objection);
    }
    None
}

/// When the candidate sits inside quotation marks in its sentence, how many words the
/// quotation holds.
fn quoted_words(w: &Window) -> Option<usize> {
    let pairs = [('“', '”'), ('‘', '’'), ('"', '"'), ('\'', '\''), ('«', '»')];
    for (open, close) in pairs {
        let Some(at) = w.before.rfind(open) else {
            continue;
        };
        let inside_before = &w.before[at + open.len_utf8()..];
        if inside_before.contains(close) && open != close {
            continue;
        }
        if open == close && w.before.matches(open).count() % 2 == 0 {
            continue;
        }
        // An apostrophe is no opening quote: it has a letter before it.
        if open == '\'' || open == '‘' {
            let prior = w.before[..at].chars().next_back();
            if prior.is_some_and(char::is_alphanumeric) {
                continue;
            }
        }
        let Some(end) = closing(w.after, close) else {
            continue;
        };
        let quoted = format!("{inside_before} x {}", &w.after[..end]);
        return Some(quoted.split_whitespace().count());
    }
    None
}

/// The closing quotation mark in `after`; a single quote closes only when no letter
/// follows it (so "it’s" is no closing quote).
fn closing(after: &str, close: char) -> Option<usize> {
    after.match_indices(close).map(|(i, _)| i).find(|&i| {
        let next = after[i + close.len_utf8()..].chars().next();
        !(matches!(close, '’' | '\'') && next.is_some_and(char::is_alphanumeric))
    })
}

fn is_name_or_title(w: &Window, matched: &str) -> bool {
    if title_head_after().is_match(w.after) || job_after().is_match(w.after) {
        return true;
    }
    if job_before().is_match(w.before) {
        return true;
    }
    // Inside a run of capitalised words that goes on beyond the match: "the IBM Social
    // Learning Lab", "Acme Social Connect". The sentence's first word proves nothing.
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = matched.split_whitespace().all(capitalised);
    if !all_caps || w.before.trim().is_empty() {
        return false;
    }
    // A product's name that a benefit claim follows is still the tool being sold ("the Beta
    // Learning Management System will enable…"); titles and teams were caught above.
    if present_claim_after().is_match(w.after) && benefit_after().is_match(w.after) {
        return false;
    }
    // A heading on the line before, or the sentence's first word, is no part of a name.
    let before_line = w.before.rsplit('\n').next().unwrap_or("");
    let prior = match before_line.split_whitespace().collect::<Vec<_>>()[..] {
        [] | [_] => "",
        [.., last] => last,
    };
    let after_line = w.after.split('\n').next().unwrap_or("");
    let following = after_line.split_whitespace().next().unwrap_or("");
    let name_word = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        capitalised(word) && !matches!(word, "I" | "The" | "A" | "An" | "And" | "Or" | "Our")
    };
    (name_word(prior) && !prior.ends_with(['.', ',', ':', ';']))
        || (name_word(following) && !matched.ends_with(['.', ',']))
}

/// How a tool is used in its sentence, when it is not the argument.
fn tool_use(w: &Window, matched: &str) -> Option<SetAside> {
    let figures = |s: &str| figure().is_match(s) && !only_usage(s);
    let measured = |s: &str| figures(s) && result_verb().is_match(s);
    if stat_source().is_match(w.sentence) && digit().is_match(w.sentence) {
        return Some(SetAside::QuotedStatistic);
    }
    let with_numbers = |s: &str| digit().is_match(s);
    if channel().is_match(matched)
        && marketing().is_match(w.sentence)
        && (with_numbers(w.sentence) || with_numbers(w.next) || with_numbers(w.previous))
    {
        return Some(SetAside::LiteralChannel);
    }
    if spending().is_match(w.sentence) && figure().is_match(w.sentence) {
        return Some(SetAside::LiteralChannel);
    }
    // Use itself ("active users doubled") is no result, however it is counted.
    let usage = usage_term().is_match(matched);
    if !usage && (measured(w.sentence) || (pronoun_start().is_match(w.next) && measured(w.next))) {
        return Some(SetAside::MeansOfResult);
    }
    let claim = benefit_after().is_match(w.after) || claim_before().is_match(w.before);
    if advice_frame().is_match(w.sentence) && !claim {
        return Some(SetAside::AdviceTopic);
    }
    if narrative_verb().is_match(w.sentence)
        && !modal().is_match(w.sentence)
        && !claim
        && (org_noun().is_match(w.sentence) || names_an_organisation(w, matched))
    {
        return Some(SetAside::FactualNarrative);
    }
    None
}

/// Whether every figure in the sentence counts use (members, posts, visitors), which is
/// no result.
fn only_usage(s: &str) -> bool {
    let figures = figure().find_iter(s).count();
    let usage = usage_near_figure().find_iter(s).count();
    figures > 0 && usage >= figures && !s.contains(['%', '$', '€', '£'])
}

/// A capitalised word that is neither the sentence's first word nor part of the match:
/// a named organisation or person acting in the story.
fn names_an_organisation(w: &Window, matched: &str) -> bool {
    let skip = matched
        .split_whitespace()
        .map(|m| m.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect::<Vec<_>>();
    w.sentence
        .split_whitespace()
        .skip(1)
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() > 1
                && !skip.contains(&word)
                && !matches!(
                    word,
                    "I" | "The"
                        | "This"
                        | "It"
                        | "We"
                        | "Our"
                        | "In"
                        | "January"
                        | "February"
                        | "March"
                        | "April"
                        | "May"
                        | "June"
                        | "July"
                        | "August"
                        | "September"
                        | "October"
                        | "November"
                        | "December"
                )
        })
}

#[cfg(test)]
mod tests {
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
}
