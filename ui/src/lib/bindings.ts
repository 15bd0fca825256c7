// Generated from the Rust types in crates/core (ipc.rs, model.rs). Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p casewright-core bindings` instead.

export type Project = { title: string, author: string, 
/**
 * Who the case is made to, e.g. "The Board of Directors".
 */
audience: string, 
/**
 * The organisation's industry, lowercase (e.g. "manufacturing"): case studies from the
 * same industry rank higher for this project.
 */
industry: string, sections: Array<Section>, 
/**
 * Blocks written but not (or no longer) placed in the storyboard.
 */
library: Array<Block>, 
/**
 * The organisation's logo, for the briefing's cover.
 */
logo: ImageRef | null, 
/**
 * The organisation's colour as `#RRGGBB`, for the cover, headings and figures.
 */
accent: string | null, 
/**
 * Small first steps, their success criteria and results.
 */
pilots: Array<Pilot>, 
/**
 * Case studies used in this project (copied from the library), with how each
 * organisation stands to ours.
 */
cases: Array<ProjectCase>, };

export type Section = { id: number, 
/**
 * Stable across copies of the file (what a merge matches on); empty for a section
 * not stored yet, which is given one when it is.
 */
uid: string, title: string, 
/**
 * Speaker notes: what to say when presenting this section.
 */
notes: string, blocks: Array<Block>, };

export type Block = { id: number, 
/**
 * Stable across copies of the file (what a merge matches on); empty for a block not
 * stored yet. A block stored under a uid the project already holds (a duplicate) is
 * given a new one.
 */
uid: string, kind: BlockKind, title: string, body: string, 
/**
 * The figure a metric (or a story) stands on; `unit` qualifies it.
 */
number: number | null, unit: string | null, 
/**
 * The citation: a report's title, a publisher, a person.
 */
source: string | null, sourceLink: string | null, 
/**
 * When the source was published or accessed, as written (e.g. "2025-03").
 */
sourceDate: string | null, organisation: string | null, relation: Relation | null, direction: Direction | null, baseline: number | null, target: number | null, tags: Array<string>, 
/**
 * Coach rules the user dismissed for this block (rule ids); their findings are hidden.
 */
dismissed: Array<string>, 
/**
 * A picture printed with the block: the team at work, a peer's product, a chart.
 */
photo: Photo | null, 
/**
 * The case study (in the project's `cases`) a story was made from.
 */
caseId: number | null, };

export type BlockKind = "benefit" | "story" | "metric";

export type Relation = "peer" | "competitor";

export type Direction = "higher" | "lower";

export type ImageRef = { id: number, width: number, height: number, };

export type Photo = { image: ImageRef, caption: string, };

export type Edit = { "op": "addBlock", block: Block, to: Place, } | { "op": "updateBlock", block: Block, } | { "op": "duplicateBlock", id: number, } | { "op": "deleteBlock", id: number, } | { "op": "restoreBlock", block: Block, to: Place, } | { "op": "moveBlock", id: number, to: Place, } | { "op": "addSection", title: string, index: number, } | { "op": "updateSection", id: number, text: SectionText, } | { "op": "moveSection", id: number, index: number, } | { "op": "removeSection", id: number, } | { "op": "restoreSection", id: number, 
/**
 * The section's stable id, kept through its removal and return.
 */
uid: string, text: SectionText, index: number, blocks: Array<number>, } | { "op": "setProjectDetails", title: string, author: string, audience: string, 
/**
 * Lowercase, like a case study's industry (stored so).
 */
industry: string, } | { "op": "setBranding", logo: ImageRef | null, accent: string | null, } | { "op": "applyFix", blockId: number, field: Field, start: number, end: number, excerpt: string, replacement: string, } | { "op": "dismissFinding", blockId: number, rule: string, } | { "op": "restoreFinding", blockId: number, rule: string, } | { "op": "addPilot", pilot: Pilot, index: number, } | { "op": "updatePilot", pilot: Pilot, } | { "op": "deletePilot", id: number, } | { "op": "restorePilot", pilot: Pilot, index: number, } | { "op": "batch", edits: Array<Edit>, } | { "op": "useCase", case: CaseStudy, relation: Relation | null, to: Place, metrics: boolean, } | { "op": "deleteCase", id: number, } | { "op": "restoreCase", case: CaseStudy, relation: Relation | null, stories: Array<number>, };

export type Place = { "in": "library", index: number, } | { "in": "section", sectionId: number, index: number, };

export type SectionText = { title: string, notes: string, };

export type OpenedProject = { path: string, 
/**
 * What the title bar shows, e.g. "Sample.casewright".
 */
fileName: string, project: Project, canUndo: boolean, canRedo: boolean, 
/**
 * Each metric's chart, by block id: the same model the briefing draws.
 */
charts: Record<number, MetricChart>, 
/**
 * Who has the file open when this instance only reads it (edits are refused).
 */
readOnly: LockHolder | null, };

export type ExportedBriefing = { path: string, pages: number, bytes: number, 
/**
 * Things the reader should fix, e.g. a character no bundled font can print.
 */
warnings: Array<string>, };

export type BriefingSettings = { paper: Paper, 
/**
 * With each section's speaker notes and room for the reader's notes.
 */
handout: boolean, 
/**
 * Sober (board) or bold; missing means board.
 */
theme?: Theme, };

export type BriefingPreview = { pages: Array<string>, 
/**
 * Page size in points.
 */
width: number, height: number, warnings: Array<string>, };

export type Paper = "a4" | "letter";

export type Theme = "board" | "bold";

export type AppError = { code: ErrorCode, message: string, details?: ErrorDetails, };

export type ErrorCode = "not_found" | "already_exists" | "not_sqlite" | "not_a_project" | "not_a_library" | "too_new" | "corrupt" | "over_limit" | "locked" | "read_only" | "migration_failed" | "io" | "database" | "invalid_case" | "bad_position" | "invalid_edit" | "not_an_image" | "image_too_large" | "image_damaged" | "different_project" | "no_common_state" | "merge_stale" | "merge_undecided" | "no_project" | "no_project_chosen" | "invalid_path" | "file_too_large" | "invalid_csv" | "invalid_json" | "duplicates" | "no_import" | "not_a_win" | "cancelled" | "export_failed" | "no_export" | "open_failed" | "unknown";

export type ErrorDetails = { "kind": "rows", problems: Array<TableError>, };

export type TableError = { 
/**
 * 1-based line of the file (the header is line 1); 0 for the file as a whole.
 */
line: number, column: string | null, message: string, 
/**
 * The row's first non-empty cells, shortened (empty for the file as a whole).
 */
row: Array<string>, };

export type MenuAction = { "action": "new" } | { "action": "open" } | { "action": "saveAs" } | { "action": "shareCopy" } | { "action": "mergeFrom" } | { "action": "importBlocks" } | { "action": "export" } | { "action": "undo" } | { "action": "redo" } | { "action": "openRecent", path: string, };

export type ExportProgress = { step: ExportStep, 
/**
 * Pictures prepared so far (in the `pictures` step), else 0 or 1.
 */
done: number, total: number, };

export type MetricChart = { bars: Array<ChartBar>, better: Direction | null, };

export type ChartBar = { role: BarRole, 
/**
 * "Baseline 19", "Target 12 working days".
 */
label: string, value: number, 
/**
 * Length against the longest bar, 0–1.
 */
share: number, };

export type BarRole = "baseline" | "now" | "target";

export type Pilot = { id: number, name: string, 
/**
 * The team or unit that runs it.
 */
team: string, headcount: number | null, 
/**
 * Planned start and end, as ISO dates (2026-09-01).
 */
start: string | null, end: string | null, 
/**
 * The last day results cover; before `end`, the pilot ran shorter than planned.
 */
resultsUntil: string | null, 
/**
 * What we expect to happen, and why.
 */
hypothesis: string, 
/**
 * Why this place: the culture is ready and a win is likely.
 */
readiness: string, criteria: Array<Criterion>, };

export type Criterion = { id: number, metric: string, unit: string | null, direction: Direction, baseline: number | null, target: number | null, 
/**
 * How it is measured, e.g. "median working days from the service desk export".
 */
measure: string, results: Results, };

export type Results = { "design": "independent", pilot: Array<number>, comparison: Array<number>, } | { "design": "paired", pairs: Array<[number, number]>, } | { "design": "proportion", pilot: Rate | null, comparison: Rate | null, };

export type Rate = { successes: number, trials: number, };

export type ImportedResults = { metric: string, results: Results, 
/**
 * Empty cells left out.
 */
missing: number, };

export type PilotReport = { pilot: number, name: string, verdict: Verdict, 
/**
 * The verdict in a sentence, for the app and the briefing.
 */
summary: string, criteria: Array<CriterionReport>, 
/**
 * About the pilot as a whole (e.g. it ran shorter than planned).
 */
warnings: Array<Warning>, };

export type CriterionReport = { criterion: number, result: MetricResult, 
/**
 * Met its target, in the better direction, with an interval that leaves no doubt.
 */
won: boolean, chart: PilotChart | null, };

export type Verdict = "noResults" | "win" | "mixed" | "weak";

export type PilotChart = { bars: Array<IntervalBar>, 
/**
 * The target, and where it sits on the scale (0–1).
 */
target: number | null, targetShare: number | null, better: Direction, 
/**
 * Values are rates (0–1) to be shown as percentages.
 */
rates: boolean, };

export type IntervalBar = { 
/**
 * "Comparison", "Pilot", "Before", "After".
 */
label: string, value: number, low: number | null, high: number | null, 
/**
 * Positions on the scale, 0–1 (the bar from 0 to `share`; the whisker between).
 */
share: number, lowShare: number | null, highShare: number | null, };

export type MetricResult = { metric: string, design: Design, unit: string | null, direction: Direction | null, target: number | null, 
/**
 * Observations (or trials) in the pilot group; subjects for paired data.
 */
n_pilot: bigint, 
/**
 * Observations (or trials) in the comparison group; null for paired data.
 */
n_comparison: bigint | null, 
/**
 * The pilot's mean (after, for paired data; its rate, for proportions).
 */
estimate_pilot: number | null, 
/**
 * The comparison's mean (before, for paired data; its rate, for proportions).
 */
estimate_comparison: number | null, 
/**
 * estimate_pilot − estimate_comparison.
 */
difference: number | null, 
/**
 * The difference as a share of the comparison's estimate (0.25 = 25% more).
 */
relative_change: number | null, ci_low: number | null, ci_high: number | null, confidence: number, 
/**
 * How the interval was computed.
 */
method: string, effect_size: number | null, 
/**
 * `hedges_g`, `cohens_dz` or `cohens_h`.
 */
effect_size_measure: string, 
/**
 * Whether the pilot's estimate reached the target; null without a target.
 */
target_met: boolean | null, warnings: Array<Warning>, };

export type Design = "independent" | "paired" | "proportion";

export type Warning = { 
/**
 * Stable: `too_few_observations`, `few_observations`, `no_comparison`,
 * `interval_crosses_zero`, `no_spread`, `missing_values`, `target_wrong_direction`,
 * `went_the_wrong_way`, `direction_assumed`.
 */
code: string, message: string, };

export type ProjectCase = { case: CaseStudy, relation: Relation | null, };

export type CaseStudy = { 
/**
 * The row id where it is stored (0, and left out of JSON, before it is stored).
 */
id?: number, title: string, organisation: string, 
/**
 * Lowercase, e.g. "manufacturing".
 */
industry: string, size: OrgSize | null, region: string, year: number | null, 
/**
 * What was introduced, as what people did.
 */
initiative: string, outcomes: Array<Outcome>, quote: string | null, source: CaseSource, evidence: Evidence, tags: Array<string>, 
/**
 * How the organisation stands to the user's: a peer or a competitor. The library keeps
 * the user's usual view; a project keeps its own (see `model::ProjectCase`).
 */
relation?: Relation, };

export type Outcome = { kind: OutcomeKind, number: number | null, unit: string | null, description: string, };

export type CaseSource = { title: string, publisher: string, link: string | null, 
/**
 * When it was read, as written (e.g. "2025-03").
 */
accessed: string | null, };

export type OrgSize = "small" | "medium" | "large" | "enterprise";

export type OutcomeKind = "innovation" | "speed" | "cost" | "quality" | "retention" | "revenue" | "engagement" | "safety";

export type Evidence = "anecdote" | "internal-report" | "published-study" | "audited-figure";

export type CaseQuery = { text: string, industry: string | null, size: OrgSize | null, kind: OutcomeKind | null, year: number | null, evidence: Evidence | null, relation: Relation | null, sort: SortOrder, 
/**
 * At most this many hits (default 50, at most 500).
 */
limit: number | null, };

export type SortOrder = "relevance" | "newest" | "title" | "project";

export type CaseHit = { case: CaseStudy, relation: Relation | null, 
/**
 * Where the words matched, marked; empty without search text.
 */
snippet: Array<SnippetPart>, };

export type SnippetPart = { text: string, hit: boolean, };

export type Facets = { industry: Array<FacetCount>, size: Array<FacetCount>, kind: Array<FacetCount>, year: Array<FacetCount>, evidence: Array<FacetCount>, relation: Array<FacetCount>, };

export type FacetCount = { value: string, count: number, };

export type SearchResult = { hits: Array<CaseHit>, 
/**
 * How many cases match in all (hits are the first of them); with `more`, at least this
 * many.
 */
total: number, 
/**
 * More than [`CANDIDATES`] cases match the words: the hits are ranked, and the facets
 * counted, among the most recently added of them. Typing more narrows it.
 */
more: boolean, facets: Facets, };

export type ImportPreview = { fileName: string, 
/**
 * JSON files need no mapping.
 */
json: boolean, headers: Array<string>, 
/**
 * Field name → column index.
 */
mapping: Record<string, number>, 
/**
 * The fields a column can fill (see [`FIELDS`]).
 */
fields: Array<string>, };

export type ImportSummary = { added: number, updated: number, skipped: number, };

export type ExportStep = "pictures" | "layout" | "writing" | "saving";

export type Report = { findings: Array<Finding>, checks: Array<CheckResult>, 
/**
 * 0–100: the weights of the checks that pass.
 */
score: number, 
/**
 * Findings the user dismissed for their block, kept apart so they can be restored.
 */
dismissed: Array<Finding>, 
/**
 * Candidates the context stage read as something other than the argument.
 */
setAside: Array<SetAsideFinding>, };

export type Finding = { rule: string, level: Level, message: string, 
/**
 * Index of the section in the storyboard.
 */
section: number | null, 
/**
 * Index of the block within its section.
 */
block: number | null, blockId: number | null, field: Field | null, 
/**
 * Character offsets into the field.
 */
start: number | null, end: number | null, 
/**
 * The flagged text exactly as written.
 */
excerpt: string | null, fixes: Array<Fix>, link: string | null, explanation: string | null, 
/**
 * Why the coach raised it here, in plain words (text rules read in context).
 */
reason: string | null, };

export type Fix = { replacement: string, };

export type CheckResult = { id: string, passed: boolean, weight: number, reason: string, 
/**
 * The sentence or block that supplied it; when it did not pass, the advice that only
 * recommended it (if any).
 */
evidence: CheckEvidence | null, };

export type CheckEvidence = { section: number | null, block: number | null, blockId: number | null, field: Field | null, 
/**
 * Character offsets of the sentence in the field.
 */
start: number | null, end: number | null, 
/**
 * The sentence, or what in the structure supplied it ("the pilot “…”").
 */
excerpt: string, };

export type SetAsideFinding = { finding: Finding, context: SetAside, reason: string, };

export type SetAside = "quoted" | "word-as-word" | "defined" | "objection" | "warning" | "advice-topic" | "literal-channel" | "name-or-title" | "quoted-statistic" | "factual-narrative" | "means-of-result" | "reported" | "descriptive" | "not-a-result" | "not-promised" | "sourced" | "spelled-out" | "literal-change";

export type Level = "suggestion" | "warning" | "error";

export type Field = "title" | "body";

export type LockHolder = { user: string, host: string, pid: number, 
/**
 * Seconds since the Unix epoch.
 */
since: number, };

export type ShareOptions = { stripNotes: boolean, stripDismissed: boolean, };

export type SharedCopy = { bytes: number, 
/**
 * Case studies the project held but no block uses, left out.
 */
unusedCasesLeftOut: number, 
/**
 * Tables, triggers and views that are not Casewright's, left out.
 */
foreignObjectsLeftOut: number, };

export type MergePlan = { 
/**
 * Their copy's file name.
 */
fileName: string, 
/**
 * When the two copies parted (seconds since the Unix epoch).
 */
baseMadeAt: number, 
/**
 * Their changes that go in without asking, in words.
 */
taken: Array<string>, conflicts: Array<Conflict>, 
/**
 * Their pilots differ from ours; pilots are not merged.
 */
pilotsDiffer: boolean, 
/**
 * Names the three states the plan was made from; [`apply`] refuses a plan whose
 * states have changed since (an edit made meanwhile would shift the conflicts).
 */
fingerprint: string, };

export type Resolution = { conflict: number, choice: Choice, };

export type Conflict = { id: number, kind: ConflictKind, 
/**
 * What it is about, e.g. `Block “Peers already do it” in “Proof”`.
 */
subject: string, 
/**
 * The field, for a change both ways (e.g. "text"); `None` for a deletion.
 */
field: string | null, base: string | null, ours: string, theirs: string, };

export type ConflictKind = "changedBothWays" | "deletedHereChangedThere" | "changedHereDeletedThere";

export type Choice = "ours" | "theirs";

export type ImportSource = { fileName: string, project: Project, };
