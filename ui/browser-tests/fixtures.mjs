// Fixtures the browser tests start the real core from (core.reset({ project })): the sample as the
// core gives it, rewritten. Test data only; every rule is the core's.
import { deflateSync } from "node:zlib";

/**
 * The sample rewritten the way a first draft often reads (`?coach=demo`): tool-talk, jargon
 * and a hedge for the coach to flag, an emoji and accented letters before flagged words (the
 * core counts characters as code points, the browser as UTF-16 units), one piece of advice
 * already dismissed, and no ask yet (its block is still in the library; a note left in the
 * budget only advises one).
 */
export function firstDraft(project) {
  const at = (section, block) => project.sections[section].blocks[block];
  at(0, 0).body =
    "The know-how to fix our hardest problems is spread across 1,400 people at four sites 🌍, yet it rarely travels beyond the team that holds it. Social media would let us leverage it: the fastest and cheapest source of new ideas we have.";
  at(1, 1).body =
    "Café-style Q&A 🚀 on social media invites shop-floor, sales and service staff to share and build on ideas. Web 2.0 widens our pool of contributors from a few hundred to the whole workforce.";
  at(1, 2).title = "A social learning platform for new products";
  at(3, 0).body += " Hopefully the pilot sites might share more.";
  at(3, 0).dismissed = ["concept.hedging"];
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
  return {
    id: 1,
    name: "Ask-the-floor at Plant 2",
    team: "Plant 2 maintenance and engineering",
    headcount: 85,
    start: "2026-09-01",
    end: "2026-12-18",
    resultsUntil: "2026-12-18",
    hypothesis: "When engineers can put a question to the whole floor, escalated problems find the person who has solved them before.",
    readiness: "Plant 2's director sponsors it, the crews already share fixes on a whiteboard, and the service desk export gives us a clean baseline.",
    criteria: [
      {
        id: 1,
        metric: "Days to resolve an escalated problem",
        unit: "working days",
        direction: "lower",
        baseline: 19,
        target: 12,
        measure: "Working days from escalation to fix, from the service desk export; Plant 3 over the same weeks as the comparison",
        results: {
          design: "independent",
          pilot: [9, 12, 10, 14, 8, 11, 13, 9, 12, 10, 15, 11, 10, 12],
          comparison: [18, 22, 17, 20, 19, 24, 16, 21, 18, 20, 23, 17, 19, 22],
        },
      },
      {
        id: 2,
        metric: "Staff who logged an improvement idea",
        unit: null,
        direction: "higher",
        baseline: 0.18,
        target: 0.45,
        measure: "People who logged at least one idea in the quarter, from the ideas board; Plant 3 as the comparison",
        results: { design: "proportion", pilot: { successes: 41, trials: 85 }, comparison: { successes: 17, trials: 92 } },
      },
      {
        id: 3,
        metric: "Hours a week spent searching for answers",
        unit: "hours",
        direction: "lower",
        baseline: 3.5,
        target: 2,
        measure: "Self-reported by the same engineers in week 1 and week 16",
        results: { design: "paired", pairs: [] },
      },
    ],
  };
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
