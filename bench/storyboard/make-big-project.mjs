#!/usr/bin/env node
// Writes the storyboard benchmark's project in the JSON exchange format (version 4, see
// crates/core/src/exchange.rs): 2,000 blocks in 12 sections, the shape of
// crates/core/benches/storyboard.rs, but with text like a real case's — benefits, stories
// from named organisations and metrics with numbers, baselines, targets, sources and tags,
// of varied length. Deterministic: the same file every time (a seeded generator, no dates).
//   node bench/storyboard/make-big-project.mjs OUT.json [BLOCKS] [SECTIONS]
// Then: casewright new big.casewright --from OUT.json
import { writeFileSync } from "node:fs";

const [out, blockArg = "2000", sectionArg = "12"] = process.argv.slice(2);
if (!out) {
  console.error("usage: node make-big-project.mjs OUT.json [BLOCKS] [SECTIONS]");
  process.exit(2);
}
const BLOCKS = Number(blockArg);
const SECTIONS = Number(sectionArg);
if (!Number.isInteger(BLOCKS) || BLOCKS < 0 || !Number.isInteger(SECTIONS) || SECTIONS < 1) {
  console.error("BLOCKS and SECTIONS must be whole numbers (SECTIONS at least 1)");
  process.exit(2);
}

/** mulberry32: a small seeded generator, so every run writes the same project. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20_000_12);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
/** Between `min` and `max` different items of `list`, in its order. */
function some(list, min, max) {
  const count = between(min, max);
  const chosen = new Set();
  while (chosen.size < count) chosen.add(Math.floor(random() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
}

const SECTION_NAMES = [
  ["Opportunity", "Open with what the board already worries about; no tools, no jargon."],
  ["What we gain", "Name the outcomes first, then the one number that pays for it."],
  ["Customers", "What customers notice: faster answers, fewer repeat calls."],
  ["Our people", "Who takes part today and who would; quote a site manager."],
  ["Proof from peers", "Two organisations like ours, with their numbers and sources."],
  ["Proof from competitors", "What the competition already does, and what it cost them to wait."],
  ["Costs", "One-off and running costs side by side; say what is already paid for."],
  ["Risks", "Name each risk with its owner and what we do if it happens."],
  ["A small start", "The pilot: two sites, twelve weeks, success criteria agreed in advance."],
  ["Pilot results", "Show the criteria met and the ones not met; do not round up."],
  ["Roll-out", "Three waves; each starts only when the one before meets its targets."],
  ["The ask", "Budget, sponsor and a decision date. Stop talking after the ask."],
];

const PLACES = ["Leeds", "Porto", "Lyon", "Graz", "Tampere", "Gdańsk", "Bilbao", "Utrecht", "Brno", "Aarhus", "Cork", "Turin"];
const TEAMS = ["service desk", "maintenance crews", "field engineers", "the sales team", "line supervisors", "quality engineers", "the planning office", "new starters", "warehouse staff", "customer support"];
const OUTCOMES = [
  "more problems solved in the first week",
  "more ideas reaching a decision",
  "fewer repeat calls about the same fault",
  "less time spent searching for answers",
  "more cross-site questions answered",
  "more improvement ideas from the shop floor",
  "more escalations closed within five days",
  "fewer complaints about delays",
  "new engineers productive sooner",
  "less duplicate work",
];
const BENEFIT_OPENERS = [
  "When a question can reach the whole company, the answer usually exists already",
  "The people closest to customers see problems first, yet their ideas rarely travel",
  "Every site solves the same faults on its own, at its own cost",
  "A fix found at one plant is worth most when every plant can use it the same week",
  "New starters learn fastest from colleagues who did the job last year",
  "Managers decide faster when they can see who already tried an idea",
];
const BENEFIT_MIDDLES = [
  "Connecting those people costs little and pays back in weeks, not years.",
  "The pilot showed that most answers came from outside the asking team.",
  "That turns scattered know-how into something the whole company can use.",
  "It also makes visible who helps, which our reviews have never captured.",
  "Nothing here needs new systems: it is a habit, supported by a simple tool.",
  "The same approach worked in customer support before we tried it on the shop floor.",
];
const ORGANISATIONS = [
  "Hartwell Foods", "Nordkap Logistics", "Vesta Insurance", "Calder Engineering", "Brightwater Utilities",
  "Oakridge Health Trust", "Mercia Rail", "Sunfield Retail", "Kestrel Components", "Lumen Telecom",
  "Arden Pharmaceuticals", "Solent Ports",
];
const STORY_TITLES = [
  "a weekly question board",
  "one unsolved problem a week",
  "ideas anyone can back",
  "a mentor at another site",
  "one place for its experts",
  "thirty minutes a week for other plants",
];
const STORY_LINES = [
  "started with two teams and a weekly question board",
  "asked every site to post one unsolved problem a week",
  "let anyone propose an improvement and see who else backed it",
  "paired new engineers with experienced colleagues at another site",
  "moved its expert network from email lists to one searchable place",
  "gave supervisors thirty minutes a week to answer questions from other plants",
];
const STORY_RESULTS = [
  "Within six months the median time to close an escalation fell from 17 to 9 working days.",
  "A year on, three in ten adopted ideas came from people who had never suggested one before.",
  "Repeat faults dropped sharply once fixes were written up where the next person would look.",
  "The finance team credited it with savings of about £1.2 million in its second year.",
  "Staff surveys showed the share who felt heard rose from 41% to 63%.",
  "Their competitor copied the approach within a year, which they took as a compliment.",
];
const SOURCES = [
  "Internal survey, 312 responses (illustrative)",
  "Service-desk records, last four quarters (illustrative)",
  "Suggestion-scheme log, 2024 (illustrative)",
  "Pilot measurements, weeks 1–12 (illustrative)",
  "Published annual report (illustrative)",
  "Conference talk by the programme lead (illustrative)",
  "Industry benchmark study (illustrative)",
  "Finance team estimate, reviewed by the CFO (illustrative)",
];
/** What a metric counts: its name, unit, a plausible range and which way is better. */
const MEASURES = [
  ["Share of staff who suggested an improvement", "%", 5, 60, "higher"],
  ["Escalated problems closed", "working days (median)", 4, 30, "lower"],
  ["Time spent searching for answers", "hours per engineer per week", 2, 12, "lower"],
  ["Improvement ideas logged", "ideas per month", 20, 400, "higher"],
  ["Savings from adopted ideas", "£ thousand per year", 50, 2400, "higher"],
  ["People answering questions from other sites", "people", 20, 1400, "higher"],
  ["Repeat calls about the same fault", "calls per week", 5, 250, "lower"],
  ["Time to onboard a new engineer", "weeks", 4, 26, "lower"],
  ["Customer complaints about delays", "per month", 10, 300, "lower"],
  ["Questions answered within a day", "%", 20, 90, "higher"],
];
const TAGS = ["pilot", "cost", "customers", "people", "speed", "quality", "risk", "peer", "board", "finance"];

const sentence = (s) => s[0].toUpperCase() + s.slice(1);

function benefit(section, n) {
  const team = pick(TEAMS);
  const outcome = pick(OUTCOMES);
  const body = [
    `${pick(BENEFIT_OPENERS)}.`,
    `For ${team} in ${pick(PLACES)} that means ${outcome}, within months.`,
    ...(random() < 0.6 ? [pick(BENEFIT_MIDDLES)] : []),
    ...(random() < 0.3 ? [pick(BENEFIT_MIDDLES)] : []),
  ].join(" ");
  return {
    kind: "benefit",
    title: sentence(`${outcome} for ${team}`) + (n % 7 === 0 ? `, starting with ${section.toLowerCase()}` : ""),
    body,
    ...(random() < 0.5 ? { tags: some(TAGS, 1, 3) } : {}),
  };
}

function story(n) {
  const organisation = ORGANISATIONS[n % ORGANISATIONS.length];
  const year = 2019 + between(0, 6);
  return {
    kind: "story",
    title: `${organisation}: ${pick(STORY_TITLES)}`,
    body: [
      `${organisation} ${pick(STORY_LINES)}, beginning at its ${pick(PLACES)} site in ${year}.`,
      ...some(STORY_RESULTS, 1, 2),
      ...(random() < 0.4 ? [`What they would do differently: involve ${pick(TEAMS)} from the first week.`] : []),
    ].join(" "),
    organisation,
    relation: random() < 0.7 ? "peer" : "competitor",
    source: pick(SOURCES),
    ...(random() < 0.6 ? { sourceLink: `https://example.org/cases/${organisation.toLowerCase().replace(/\W+/g, "-")}/${n}` } : {}),
    sourceDate: `${year}-${String(between(1, 12)).padStart(2, "0")}`,
    tags: some(TAGS, 1, 3),
  };
}

function metric(n) {
  const [name, unit, low, high, direction] = pick(MEASURES);
  const lower = direction === "lower";
  const baseline = between(low, high);
  const change = 0.1 + random() * 0.4;
  const moved = Math.max(1, Math.round(baseline * change));
  const target = lower ? Math.max(0, baseline - moved) : Math.min(unit === "%" ? 100 : Infinity, baseline + moved);
  const number = moved < 2 || random() < 0.5 ? target : Math.round((baseline + target) / 2);
  const where = `${pick(TEAMS)} in ${pick(PLACES)}`;
  return {
    kind: "metric",
    title: `${name}: ${baseline} to ${number}`,
    body: [
      `Measured over ${between(4, 16)} weeks for ${where}: ${name.toLowerCase()} went from ${baseline} to ${number} ${unit}.`,
      ...(random() < 0.5 ? [`The target agreed before the pilot was ${target}; the comparison sites stayed near ${baseline}.`] : []),
      ...(random() < 0.3 ? [pick(BENEFIT_MIDDLES)] : []),
    ].join(" "),
    number,
    unit,
    direction,
    baseline,
    target,
    source: pick(SOURCES),
    ...(n % 11 === 0 ? { sourceDate: `2025-${String(between(1, 12)).padStart(2, "0")}` } : {}),
    ...(random() < 0.5 ? { tags: some(TAGS, 1, 2) } : {}),
  };
}

const sections = [];
let n = 0;
for (let s = 0; s < SECTIONS; s++) {
  const [title, notes] = SECTION_NAMES[s % SECTION_NAMES.length];
  const count = Math.floor(BLOCKS / SECTIONS) + (s < BLOCKS % SECTIONS ? 1 : 0);
  const blocks = [];
  for (let b = 0; b < count; b++, n++) {
    // Roughly the sample's mix: a third each, in a varied order.
    const roll = random();
    blocks.push(roll < 0.34 ? benefit(title, n) : roll < 0.67 ? story(n) : metric(n));
  }
  sections.push({ title: SECTIONS > SECTION_NAMES.length ? `${title} ${s + 1}` : title, notes, blocks });
}

const project = {
  format: "casewright-project",
  version: 4,
  title: `Storyboard benchmark: ${String(BLOCKS).replace(/\B(?=(\d{3})+$)/g, ",")} blocks in ${SECTIONS} sections`,
  author: "Casewright benchmark (generated, illustrative)",
  audience: "The Board of Directors (illustrative)",
  industry: "manufacturing",
  sections,
};
writeFileSync(out, JSON.stringify(project, null, 2) + "\n");
