//! The cues the context stage reads a candidate's sentence with: small, deterministic
//! patterns, each compiled once on first use.

use std::sync::OnceLock;

use regex::Regex;

/// Compiles a cue with ASCII word boundaries: a Unicode `\b` cannot run in the regex
/// crate's fast engines once the text holds a curly quote or an emoji, and the cues' words
/// are English.
/// The lazy DFA gets room for the cues' large case-insensitive alternations; with the
/// default it rebuilds its states over and over, which was most of the coaching time.
pub(in crate::coach) fn compile_cue(pattern: &str) -> Regex {
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
        pub(in crate::coach) fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            regex(&CELL, $pattern)
        }
    };
    ($name:ident, $pattern:expr) => {
        pub(super) fn $name() -> &'static Regex {
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
    r#"(?i)^\s*[”"'’]?\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:refers? to|is defined as|are defined as|can be defined as|is a term for|is the term for|stands for|is short for|means\b|is a (?:type|kind|form|category|class|subset) of|are (?:a )?(?:types|kinds|forms|categories) of|(?:functions?|works?|operates?|behaves?|acts?|looks?)\s+(?:much |very much |just |rather |a bit |a little )?like\b)"#
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
    r"(?i)^[^.;:!?]{0,40}?\b(?:will|can|could|(?:is|are) going to|helps?|help|boosts?|improves?|increases?|enhances?|transforms?|revolutioni[sz]es?|drives?|enables?|empowers?|creates?|fosters?|delivers?|brings?|offers?|provides?|allows?|lets?|unlocks?|accelerates?|streamlines?|supercharges?|maximi[sz]es?|inspires?|supports?|makes?|is changing|are changing|changes the way|has a (?:positive|real|big|huge) (?:impact|effect)|provided (?:them|us|you|staff|teams|employees|people|users|workers) (?:with )?(?:a|an|the)\b|is (?:already |now |clearly |simply )?the (?:market leader|leader|leading|number one)\b|is (?:key|essential|vital|critical|crucial|the (?:future|answer|key|way|best|one|only|ideal|perfect)|a (?:must|game|powerful|great|proven|key|vital|perfect|relatively new and powerful)|one of the (?:best|many|most)|clearly part of|part of the solution|here to stay|no longer optional)|(?:is|are) (?:too |now )?(?:outdated|dated|old|slow|clunky|inadequate|broken|not fit for purpose|out of date|holding us back|the problem)|are (?:key|essential|vital|critical|crucial|the future|a must|powerful|proven|the (?:best|answer))|(?:is|are) (?:now |also |often |increasingly |becoming )*(?:(?:a|an|the) )?(?:(?:extremely|very|really|truly|incredibly|hugely|most|more) )?(?:important|powerful|valuable|essential|indispensable|pivotal|effective|ideal|perfect|excellent|invaluable|great) (?:asset|tool|way|means|resource|solution|enabler|driver|platform|part|channel|weapon|ally)s?|(?:has|have) (?:emerged|become) (?:as )?(?:(?:a|an|the) )?(?:\w+ ){0,2}(?:important|powerful|valuable|essential|pivotal|key|vital|critical|indispensable|go-to|central)|(?:is|are) (?:now )?(?:seen|viewed|regarded) as (?:a|an|the) (?:way|means|key|answer|solution|route)|(?:has|have) (?:enabled|helped|allowed|empowered|transformed|revolutioni[sz]ed|made it possible)|opens? up|connects? the dots|(?:organi[sz]ations|companies|teams|businesses|employees|staff|you|we) (?:acquire|gain|get) (?:a|an)\b|does (?:so |much |far )*more than|(?:is|are) (?:all )?for (?:connecting|sharing|helping|making|bringing|building|getting|reducing|improving|everyone|every)|really shines?|works? (?:best|better|well)|gives? (?:you|us|them|people|teams|employees|staff|users|workers|learners|managers)|(?:is|are) (?:\w+ )?(?:cheaper|faster|better|easier|quicker|smarter|more (?:effective|efficient|engaging|productive|powerful|valuable|useful)) than|(?:is|are|isn[’']t|aren[’']t) (?:not |no longer )?(?:just|only|simply|merely) (?:a|an|the|about)\b)\b"
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
    r"(?i)(?:\b(?:our|the|my|their) (?:plan|goal|aim|proposal|ask|solution|answer|idea|priority|recommendation)\s*(?:is|:)\s*(?:to\s+\w+\s+)?(?:a|an|the)?\s*|\b(?:the|our|their) (?:answer|solution|key)\b[^.;:!?]{1,40}?\b(?:is|are|was)\s+(?:a|an|the)?\s*|\b(?:we|you|companies|organi[sz]ations|firms|businesses|teams|everyone|they|corporations?|leaders|managers|it)\s+(?:should|must|need to|needs to|have to|has to|will|want to|wants to|plan to|propose to|ought to|are going to|can)\s+(?:\w+\s+){0,2}|\bpart of (?:our|the|a|an|this)\s+|\b(?:will|should|must|shall)\s+(?:\w+\s+)?(?:a|an|the|our|their|more and more|more)?\s*|\b(?:gets?|give|gives|giving|provide|provides|providing|buy|buying|launch|launching)\s+(?:each|every|all|our|the)?\s*(?:\w+\s+)?(?:a|an|its|their|our|new)\s+|\b(?:want|wants|need|needs|require|requires|adopt|adopting|implement|implementing|introduce|introducing|invest in|investing in|embrace|embracing|harness|harnessing|deploy|deploying|roll out|rolling out|making|make|by creating|creating|design|the goal of|the value of|the power of|the importance of|the promise of|the benefits? of|advantages? of|ways (?:how )?|of using|help|helps|helping|moving to|move to|moved to|switch(?:ing|ed)? to|migrat(?:e|es|ed|ing) to|fail(?:s|ed)? to (?:use|adopt|embrace|harness|exploit))\s+(?:using\s+|adopting\s+)?(?:a|an|the|this|these|our|their|new|more and more|more|strategic|well[- ]implemented)?\s*(?:\w+\s+)?)$"
);
cue!(
    means_before,
    r"(?i)\b(?:with|through|using|via)\s+(?:a|an|the|this|these|our|their|new|more)?\s*(?:\w+\s+)?$"
);
cue!(
    reported_speech,
    r#"(?:\b[A-Z][A-Za-z’'-]*[a-z]|\b(?i:he|she|they|critics|analysts|experts|vendors))\s+(?i:says|said|argues|argued|claims|claimed|believes|believed|wrote|writes|told|thinks|predicts|predicted)\b|(?i:\baccording to\b)|[,”"]\s*(?i:says|said|writes|wrote|explains|explained|notes|noted|adds|added)\s+(?:[A-Z]|(?i:he|she)\b)|\b(?i:says|said|writes|wrote|explains|explained|notes|noted|adds|added|stated|commented)\s*:\s*[“"]|(?:\b[A-Z][A-Za-z’'-]*[a-z]|\b(?i:he|she|they))\s+(?i:talks|talked|writes|wrote|speaks|spoke)\s+about\b|(?i:\bif (?:you|we|one) (?:believe|listen to|ask|trust)\b)"#
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
    r#"(?i)^\s*[”"'’]?\s*(?:is|are|was|were)\s+(?:not|n[’']t|no longer|never)\b|^\s*(?:isn[’']t|aren[’']t|wasn[’']t)\b|^\s*(?:alone\s+|itself\s+|by itself\s+)?(?:does not|doesn[’']t|do not|don[’']t|did not|didn[’']t|will not|won[’']t|cannot|can[’']t|can not|never)\s+(?:automatically\s+|necessarily\s+|by itself\s+)?(?:make|guarantee|mean|solve|fix|create|deliver|bring|change|improve|help|work|replace|equal)\b"#
);
cue!(
    not_just_after,
    r#"(?i)^\s*[”"'’]?\s*(?:is|are|was|were|isn[’']t|aren[’']t|wasn[’']t)\s+(?:not\s+|no longer\s+)?(?:just|only|simply|merely)\b"#
);
cue!(
    claim_before,
    r"(?i)\b(?:benefits? of|power of|value of|advantages? of|promise of|potential of|invest(?:ing)? in|the need for|need (?:a|an|to adopt|to implement)|by (?:using|adopting|implementing|embracing|leveraging|integrating|introducing|deploying|rolling out)|(?:the )?(?:implementation|introduction|deployment|roll-?out) of (?:the|a|an|our)?|embrac\w*|adopt(?:ing)? (?:a|an)?|thanks to|(?:is|are) the (?:one|only|best|ideal|perfect|right)|(?:can|will|could|would|to) (?:improve|boost|enhance|foster|encourage|enable|support|promote|increase|drive|accelerate)|(?:is|are) (?:a|an) (?:great|powerful|perfect|ideal|excellent|fantastic|brilliant|effective|wonderful|amazing))\s*$"
);
cue!(
    pub figure,
    r"(?i)(?:[$€£¥]\s?\d|\d(?:[\d,.]*\d)?\s?(?:%|percent\b|per\s?cent\b|x\b|times\b|-?fold\b|(?:million|billion|thousand|bn|m|k)?\s?(?:dollars|euros|pounds|usd|eur|gbp)\b)|\b(?:twice|two|three|four|five|ten)(?:\s+times|-fold)\b|\b(?:twice|half|(?:two|three|four|five|ten) times) as (?:fast|quick(?:ly)?|much|many|often|likely|long|high)\b|\b(?:doubled|tripled|halved)\b|\b\d(?:[\d,.]*\d)?\s?(?:hours?|hrs?|days?|weeks?|months?|minutes?|mins?|seconds?)\b|\b\d[\d,.]*\s+(?:fewer|more|less)\b|\b\d[\d,.]*\s+(?:calls|tickets|errors|defects|incidents|complaints|sales|leads|hires|ideas|patents|products|orders|deals|customers|claims|cases|returns|accidents|injuries)\b)"
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
cue!(
    return_promise_before,
    r"(?i)\b(?:will|would|could|can|should|shall|to|set to|is expected to|are expected to|promises?|guarantees?|forecasts?|projects?)\s+(?:\w+\s+){0,2}?(?:deliver|generate|bring|yield|produce|achieve|return|give|offer|provide|see|realis|realiz|show|earn|create|drive|boost|increase|double|triple)\w*\s+(?:(?:a|an|the|our|its|their|strong|clear|solid|fast|quick|quicker|rapid|high|higher|big|bigger|positive|real|measurable|significant|healthy|excellent|great|good|better|full|\d+(?:\.\d+)?\s*(?:%|x|times|fold)|percent|per\s+cent)[\s-]+){0,4}$"
);
cue!(
    return_promise_after,
    r"(?i)^(?:\s+(?:period|time|alone|itself|here|too|also|then))?\s+(?:will|would|should|shall|is expected to|comes? in|arrives?)\b"
);
cue!(
    return_figure_after,
    r"(?i)^\s*(?:ratio\s+)?(?:of|within|in|under|inside|at|above|over|around|approaching|exceeding|is|was)\s+(?:\w+\s+){0,2}?(?:[$€£]\s?\d|\d+(?:[.,]\d+)?\s*(?:%|x\b|:1|times|fold|months?|years?|weeks?|quarters?|per\s*cent|percent))"
);
cue!(
    return_figure_before,
    r"(?i)(?:[$€£]\s?\d[\d,.]*\s*(?:k|m|bn|million|billion)?|\d+(?:[.,]\d+)?\s*(?:%|x|:1|-?fold|times|per\s*cent|percent)|\b\d+[\s-]+(?:month|year|week|quarter))[\s-]+(?:\w+[\s-]+){0,1}$"
);
cue!(
    citation_mark,
    r"(?:\[\d+(?:\s*[,–-]\s*\d+)*\]|\((?:[A-Z][^()]{0,60},?\s+)?(?:19|20)\d\d[a-z]?\)|\bet al\b|\b(?:19|20)\d\d\)|(?i:\bpublished (?:in|by)\b|\bjournal of\b)|\b(?:by|from|at) (?:the )?[A-Z]\w+)"
);
cue!(
    comparison_before,
    r"(?i)\b(?:(?:much|very much|just|rather|a bit|a little|not unlike|looks?|works?|acts?|behaves?|functions?|operates?|feels?|seems?)\s+like|unlike|similar to|akin to|compared (?:to|with)|as opposed to)\s+(?:a|an|the)?\s*$"
);
cue!(
    narrative_frame_before,
    r"(?i)^\W*(?:before|after|since|until|upon)\s+[a-z]+ing\s+(?:\w+\s+){0,2}$"
);
cue!(past_tense, r"\b[a-z]{3,}ed\b");
cue!(what_if_before, r"(?i)\bwhat if\b[^.?!;]{0,140}$");
cue!(
    removal_verb,
    r"(?i)\b(?:ditch|drop|scrap|abandon|remov|replac|kill|retir|ban|switch(?:ed|es|ing)? off|turn(?:ed|s|ing)? off|got rid of)\w*\s+(?:\w+\s+){0,3}$"
);
cue!(
    answer_question,
    r"(?i)^\W*(?:the|our) (?:solution|answer|fix|remedy)\s*\?\s*$"
);
cue!(
    claim_modal_before,
    r"(?i)\b(?:will|would|could|can|should|shall|is going to|are going to|(?:is|are) set to|(?:is|are) expected to|aims? to|promises? to|we (?:want|plan|intend|propose) to)\b[^.;:!?,]{0,40}$|\b(?:designed|built|meant|made|intended|created) (?:for (?:\w+ ){1,2})?to\s+$"
);
cue!(
    claim_subject_before,
    r"(?i)^\W*(?:(?:it|this|that|they|these|we|our \w+|the (?:tool|platform|system|wiki|network|app|change|pilot|programme|program|project|plan|proposal|scheme|rota|log))(?:\s+[\w-]+){0,3}\s+|(?:[\w-]+\s+){0,1})$|\b(?:that|which)\s+$|\b(?:the|our|this|its|their) (?:tool|platform|system|wiki|network|app|software|intranet|portal|site)\b[^.;:!?]{0,30}$"
);
cue!(enabling_verb, r"(?i)^(?:empower|enabl|allow)\w*$");
cue!(
    enabled_to_after,
    r"(?i)^\s+(?:[\w’'-]+\s+){1,4}?to\s+[a-z]{2,}"
);
cue!(
    vague_ability_after,
    r"(?i)^\s+(?:[\w’'-]+\s+){1,4}?to\s+(?:connect|collaborate|stay|be (?:more|better)|become|thrive|grow|innovate|share|engage|work (?:together|smarter|better)|reach (?:their|its|our)|achieve (?:their|its|our|more)|do (?:their|more|better)|change|build|learn|succeed|excel|flourish|unlock|transform|realise|realize|maximi[sz]e|harness|embrace|use|adopt|access|get the most)\b"
);
cue!(
    change_word,
    r"(?i)^(?:transform|reinvent|revolutioni[sz])\w*$"
);
cue!(
    changed_thing_after,
    r"(?i)^\s+(?:of\s+)?(?:the|our|its|their|his|her|this|that|a|an)\s+[a-z][\w-]*"
);
cue!(
    slogan_object_after,
    r"(?i)^\s+(?:of\s+)?(?:the|our|its|their|his|her|this|that|a|an)\s+(?:(?:whole|entire|digital|modern|new|global)\s+)?(?:way|ways|business|businesses|organi[sz]ation|company|enterprise|world|industry|workplace|culture|future|lives|life|game|landscape|experience|how|everything|work|people|sector|market|status quo)\b|^\s+(?:[\w-]+\s+){1,4}into\b"
);
cue!(
    label_head_after,
    r"(?i)^\s+(?:project|projects|programme|program|team|teams|manager|managers|owner|owners|steering|investment|investments|budget|budgets|strands?|vendor|vendors|contract|licen[cs]es?|specialists?|consultants?)\b"
);
cue!(
    object_of_preposition_before,
    r"(?i)\b(?:on|in|at|from|about|for|into|onto|over|under|without|towards?|around|among|behind)\s+(?:(?:a|an|the|this|that|these|those|their|our|its|his|her|all|every|each|some|any|more|much|such)\s+)*$"
);
cue!(
    concessive_before,
    r"(?i)\b(?:even with|despite|in spite of|for all)\s+(?:[\w-]+\s+){0,3}$"
);
cue!(
    organisation_after,
    r"(?i)^\s*(?:and its|[’']s)\s+(?:people|staff|employees|founders?|ceo|engineers|leaders|leadership|shareholders|workforce)\b"
);
cue!(
    inquiry,
    r"(?i)^\W*(?:what (?:does|do|did|is|are|was|were)|how (?:does|do|did|is|are)|does|do|did|is|are|was|were)\b[^?]*\?\W*$"
);
cue!(
    denied_before,
    r"(?i)\b(?:is|are|was|were)\s+(?:not|n[’']t|no longer|never)\s+(?:just\s+|simply\s+|merely\s+|about\s+)?(?:a|an|the)?\s*$|\b(?:isn[’']t|aren[’']t|wasn[’']t)\s+(?:just\s+|simply\s+|merely\s+|about\s+)?(?:a|an|the)?\s*$"
);
cue!(
    described_place,
    r"(?i)^\W*(?:it|this|that|there)\s*(?:is|was|'s|’s)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$"
);
cue!(
    where_after,
    r"(?i)^\s+(?:where|in which|on which|through which|via which)\b"
);
cue!(
    past_time,
    r"(?i)\b(?:\d+|a few|several|many|ten|twenty|fifteen) (?:years|months|decades) ago\b|\blast (?:year|month|week|decade)\b|\bback (?:then|in (?:19|20)\d\d)\b|\bat the time\b|\bin the (?:19|20)\d0s\b|\bas recently as\b"
);
cue!(
    deployed_after,
    r"(?i)^\s+(?:will|would|is to|are to|is going to|are going to)\s+(?:then\s+|first\s+|initially\s+)?be\s+(?:\w+ly\s+)?(?:rolled out|deployed|launched|introduced|made available|available|implemented|installed|set up|configured|piloted|tested|trialled|trialed|extended|opened|migrated|hosted|procured|replaced)\b"
);
