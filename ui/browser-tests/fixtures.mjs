// Fixtures the browser tests start the real core from (core.reset({ project })): the sample as the
// core gives it, rewritten. Test data only; every rule is the core's.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import samplePilotData from "../test-data/sample-pilot.json" with { type: "json" };

/**
 * The sample rewritten the way a first draft often reads: tool-talk, jargon and a hedge for the
 * coach to flag, an emoji and accented letters before flagged words (the core counts characters
 * as code points, the browser as UTF-16 units), urgency said in a long first sentence with an
 * emoji in it, one piece of advice already dismissed (the hedge), and no ask yet (its block is
 * still in the library; a note left in the budget only advises one).
 */
export function firstDraft(project) {
  const at = (section, block) => project.sections[section].blocks[block];
  at(0, 0).body =
    "Our competitors are already sharing what their engineers know, while the know-how of our 1,400 people at four sites 🌍 rarely travels beyond the team that holds it. Social media would let us leverage it: the fastest and cheapest source of new ideas we have.";
  at(1, 1).body =
    "Café-style Q&A 🚀 invites shop-floor, sales and service staff to share and build on ideas. Social media will help us hear them, and a Web 2.0 approach brings everyone in.";
  at(1, 2).title = "A social learning platform for new products";
  at(3, 0).body += " Hopefully the pilot sites might share more.";
  at(3, 0).dismissed = ["outcomes.concept.hedging"];
  for (const block of project.sections.flatMap((section) => section.blocks)) block.tags = block.tags.filter((t) => t !== "ask");
  const last = project.sections[project.sections.length - 1];
  const budget = last.blocks.find((b) => b.title.startsWith("The ask:"));
  if (budget) budget.body += " Remember to end with a clear ask.";
  project.library.unshift(...last.blocks.splice(last.blocks.findIndex((b) => b.title.startsWith("The decision we need")), 1));
  return project;
}

/**
 * The sample's pilot as a project would hold it once it ran (the sample's "Start small"
 * section plans it): two criteria with results recorded, one still waiting for them.
 * Illustrative numbers, in the layouts the results spreadsheets use.
 */
export function samplePilot() {
  return structuredClone(samplePilotData);
}

/** The reset that starts from the sample rewritten as a first draft (`firstDraft`), under the sample's file name. */
export async function firstDraftReset(core) {
  await core.reset();
  const { project } = await core.invoke("current_project");
  return { project: firstDraft(project), fileName: "Sample - Social collaboration.casewright" };
}

/** The reset that starts from the sample with its pilot run (`samplePilot`), as one saved edit (no undo history). */
export function samplePilotReset() {
  return { edits: [{ op: "addPilot", pilot: samplePilot(), index: 0 }] };
}

// ---- Pictures: real PNG files for the core to check, store and draw ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function header(width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)]);
}

/** A whole PNG of `width` × `height` pixels in one colour. */
export function png(width, height, [r, g, b] = [11, 92, 133]) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([header(width, height), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

/** A PNG whose header says `width` × `height` (its pixels cut short): what a huge scan's first bytes say. */
export function pngHeaderOnly(width, height) {
  return Buffer.concat([header(width, height), chunk("IDAT", deflateSync(Buffer.alloc(64))), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * Gives the first `count` blocks of the open project's sections a photo each, as Choose photo…
 * does: a PNG of its own colour written to the run's folder, added through the core
 * (add_picture_dialog), then set on the block; saved with no undo history (`core.edit`).
 */
export async function withPhotos(core, count) {
  const { project } = await core.invoke("current_project");
  const blocks = project.sections.flatMap((s) => s.blocks).slice(0, count);
  if (blocks.length < count) throw new Error(`the project has ${blocks.length} blocks in its sections, not ${count}`);
  const edits = [];
  for (const [i, block] of blocks.entries()) {
    const name = `photo-${i + 1}.png`;
    await writeFile(join(core.run.dir, name), png(64 + i, 48, [20 * i, 90, 200 - 10 * i]));
    await core.dialog(name);
    const image = await core.invoke("add_picture_dialog");
    edits.push({ op: "updateBlock", block: { ...block, photo: { image, caption: `Photo ${i + 1}` } } });
  }
  return core.edit(edits);
}

// ---- A big project: the storyboard at 2,000 blocks ----

const BIG_SECTIONS = [
  "Opportunity",
  "What we gain",
  "Customers",
  "Our people",
  "Proof from peers",
  "Proof from competitors",
  "Costs",
  "Risks",
  "A small start",
  "Pilot results",
  "Roll-out",
  "The ask",
];
const BIG_TEAMS = ["service desk", "maintenance crews", "field engineers", "the sales team", "line supervisors", "new starters"];
const BIG_PLACES = ["Leeds", "Porto", "Lyon", "Graz", "Tampere", "Brno"];
const BIG_SENTENCES = [
  "When a question can reach the whole company, the answer usually exists already.",
  "Connecting those people costs little and pays back in weeks, not years.",
  "The pilot showed that most answers came from outside the asking team.",
  "Social media would let us share it across sites.",
  "Nothing here needs new systems: it is a habit, supported by a simple tool.",
  "Repeat faults dropped sharply once fixes were written up where the next person would look.",
];

/** Block `i` of the big project, in the exchange format: a benefit, a story or a metric in turn. */
function bigBlock(i, section) {
  const team = BIG_TEAMS[i % BIG_TEAMS.length];
  const place = BIG_PLACES[(i >> 2) % BIG_PLACES.length];
  const body = Array.from({ length: 1 + (i % 4) }, (_, k) => BIG_SENTENCES[(i + k) % BIG_SENTENCES.length]).join(" ");
  const tags = i % 3 === 0 ? ["pilot", "speed"] : [];
  switch (i % 3) {
    case 0:
      return { kind: "benefit", title: `Block ${i}: faster answers for ${team} (${section})`, body, tags };
    case 1:
      return {
        kind: "story",
        title: `Block ${i}: ${place} site's weekly question board`,
        body,
        organisation: `Hartwell ${place}`,
        relation: i % 5 === 0 ? "competitor" : "peer",
        source: "Published annual report (illustrative)",
        tags,
      };
    default: {
      const baseline = 10 + (i % 40);
      return {
        kind: "metric",
        title: `Block ${i}: escalations closed in ${place}`,
        body,
        number: baseline - 4,
        unit: "working days",
        direction: "lower",
        baseline,
        target: baseline - 6,
        source: "Service-desk records (illustrative)",
        tags,
      };
    }
  }
}

/**
 * A generated project in the JSON exchange format (crates/core/src/exchange.rs), for
 * `core.reset({ exchange })`: `blocks` blocks titled "Block 1: …" onwards, spread evenly over
 * `sections` sections (the first ones take the remainder), and `library` more in the library. A
 * third each of benefits, stories and metrics, bodies of varied length, a few words the coach
 * flags. Deterministic: block i is the same every time.
 */
export function bigProject(blocks, sections, library = 0) {
  let next = 1;
  return {
    format: "casewright-project",
    version: 4,
    title: `Storyboard benchmark: ${blocks} blocks in ${sections} sections`,
    author: "Casewright harness (generated)",
    audience: "The Board of Directors",
    industry: "manufacturing",
    sections: Array.from({ length: sections }, (_, s) => {
      const title = BIG_SECTIONS[s % BIG_SECTIONS.length] + (sections > BIG_SECTIONS.length ? ` ${s + 1}` : "");
      const count = Math.floor(blocks / sections) + (s < blocks % sections ? 1 : 0);
      return { title, blocks: Array.from({ length: count }, () => bigBlock(next++, title)) };
    }),
    library: Array.from({ length: library }, () => bigBlock(next++, "Library")),
  };
}

/** The reset that starts from `bigProject(blocks, sections, library)`. */
export function bigReset(blocks, sections, library = 0) {
  return { exchange: bigProject(blocks, sections, library), fileName: "Big.casewright" };
}

// ---- Copies to merge and projects to import from, made through the real core ----

/** A block the way the IPC carries a new one (the core gives it its id and uid). */
export function newBlock(kind, title, body = "", fields = {}) {
  return {
    id: 0,
    uid: "",
    kind,
    title,
    body,
    number: null,
    unit: null,
    source: null,
    sourceLink: null,
    sourceDate: null,
    organisation: null,
    relation: null,
    direction: kind === "metric" ? "higher" : null,
    baseline: null,
    target: null,
    tags: [],
    dismissed: [],
    photo: null,
    caseId: null,
    ...fields,
  };
}

/** The block titled `title` in `project` (a section's or the library's). */
export function blockTitled(project, title) {
  const block = [...project.sections.flatMap((s) => s.blocks), ...project.library].find((b) => b.title === title);
  if (!block) throw new Error(`no block “${title}”`);
  return block;
}

const sectionTitled = (project, title) => project.sections.find((s) => s.title === title);

/** Ben's copy of the sample (what his own changes and the conflicts with ours are made of). */
export const BEN = "Social collaboration (Ben).casewright";

/**
 * Ben's copy of the open sample, made as colleagues make one: a Share a Copy, then edits in each
 * copy. His eleven changes of his own (more than the merge dialog lists at first), his pilot (so
 * the pilots differ), and four conflicts with ours: a title and a long text changed in both
 * copies, a block we deleted that he changed, and one we changed that he deleted. Ours are saved
 * with no undo history. Answers { theirs, ours }: the projects as each file then holds them.
 */
export async function bensCopy(core) {
  const { project } = await core.file(BEN, { share: { stripNotes: false, stripDismissed: false } });
  const at = (title) => blockTitled(project, title);
  const update = (title, fields) => ({ op: "updateBlock", block: { ...at(title), ...fields } });
  const gain = sectionTitled(project, "What we gain");
  const start = sectionTitled(project, "Start small");
  const results = project.sections.findIndex((s) => s.title === "Results and the ask");
  const theirs = [
    update("Fourteen thousand engineering hours a year back", { number: 15200 }),
    update("A peer cut line stoppages by almost a quarter", { source: "Plant operations survey, 2026" }),
    {
      op: "addBlock",
      block: newBlock("benefit", "Customers hear back within a week", "Problems that reach customers are answered in days, not a month."),
      to: { in: "section", sectionId: gain.id, index: gain.blocks.length },
    },
    update("Three times as many people contributing ideas", { target: 50 }),
    { op: "addSection", title: "Risks and how we contain them", index: results },
    update("The decision we need by 15 July", { title: "The decision we need by 1 July" }),
    update("It already works here when we let it", { tags: ["proof", "internal"] }),
    { op: "updateSection", id: start.id, text: { title: start.title, notes: "Say who runs the pilot, and when we will know." } },
    update("New engineers reach full speed sooner", { body: "Mentors answer in the open, so every newcomer learns from every answer." }),
    update("The people and the sponsor", { body: "Sponsor: the COO. Team: two engineers and a community manager, half time." }),
    { op: "setProjectDetails", title: project.title, author: project.author, audience: "The Executive Board and the works council", industry: project.industry },
    { op: "addPilot", pilot: samplePilot(), index: 0 },
    // Their side of the conflicts.
    update("The answers we need are already inside Northwind", { title: "Northwind already knows the answers; it just cannot find them" }),
    update("Our closest competitor is already winning with it", {
      body:
        "Fieldline won two tenders against us last year. In both, the customer named their answer times.\n\n" +
        "Their engineers share what they find on one internal network: a fault solved in Lyon is known in Leeds the same day.\n\n" +
        "We do not need to copy their tools. We need our own people to find each other the way theirs do.",
    }),
    update("More problems solved, including the hard ones", { body: "The six hours a week go back to the work customers pay for:\nvisits, fixes and follow-ups." }),
    { op: "deleteBlock", id: at("Answers come from across the company, not just the team").id },
  ];
  const copy = await core.file(BEN, { edits: theirs });
  const ours = await core.edit([
    update("The answers we need are already inside Northwind", { title: "Answers are already inside Northwind" }),
    update("Our closest competitor is already winning with it", { body: "Fieldline won two tenders against us last year, on answer times." }),
    { op: "deleteBlock", id: at("More problems solved, including the hard ones").id },
    update("Answers come from across the company, not just the team", { body: "Half the answers should come from outside the asking team." }),
  ]);
  return { theirs: copy.project, ours: ours.project };
}

/** Another project to import blocks from, in the exchange format: three sections (one empty) and a library. */
export function predictiveMaintenance() {
  return {
    format: "casewright-project",
    version: 4,
    title: "Predictive maintenance on line 4",
    author: "Chen Wei",
    audience: "Plant management",
    industry: "manufacturing",
    sections: [
      {
        title: "Why now",
        blocks: [
          { kind: "benefit", title: "Fewer unplanned stops on line 4", body: "Sensors warn us a shift before a bearing fails." },
          { kind: "metric", title: "Unplanned stops cost 310 hours last year", number: 310, unit: "hours a year", direction: "lower" },
          { kind: "story", title: "The night shift fixed it in a week", body: "When the night shift shared its fix, the day shift stopped losing an hour per change-over." },
        ],
      },
      {
        title: "Proof from other plants",
        blocks: [
          { kind: "story", title: "Hamburg cut downtime by a third", body: "The Hamburg plant put the same sensors on two lines in 2025.", number: 33, unit: "%" },
          { kind: "metric", title: "Faults found before they stop the line", number: 78, unit: "%", direction: "higher" },
        ],
      },
      { title: "Open questions", blocks: [] },
    ],
    library: [
      { kind: "benefit", title: "Safety walks take half the time", body: "The checklist comes from the sensor readings." },
      { kind: "metric", title: "Spare parts found on the first try", number: 64, unit: "%", direction: "higher" },
    ],
  };
}
