// A stand-in for the core's briefing layout (crates/core/src/briefing) for the fake core:
// plausible SVG pages (cover, executive summary, the sections, speaker notes and note space
// in a handout, sources) sized like the PDF's paper. Text is <text> here, not glyph outlines,
// and wrapping is a rough character count; what matters is that the pages look and count
// like the real ones.
import type { BlockKind, BriefingPreview, BriefingSettings, Paper, Project } from "../src/lib/bindings";
import { formatFigure } from "../src/lib/format";

/** Page sizes in points, as crates/core/src/briefing/layout/mod.rs has them. */
export const PAGE_SIZE: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#0b5c85";
const RULE = "#d9e2ec";
const KIND: Record<BlockKind, string> = { benefit: "#2f855a", story: "#b06a10", metric: "#0b5c85" };
const FONT = "Noto Sans, DejaVu Sans, sans-serif";
const MARGIN = 56;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Lines of at most `width` points at `size` (an average glyph is about half the size wide). */
function wrap(text: string, width: number, size: number, bold = false): string[] {
  const max = Math.max(8, Math.floor(width / (size * (bold ? 0.56 : 0.51))));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

class Page {
  items: string[] = [];
  y = MARGIN;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  get inner() {
    return this.width - 2 * MARGIN;
  }

  get room() {
    return this.height - MARGIN - 24 - this.y;
  }

  rect(x: number, y: number, width: number, height: number, fill: string) {
    this.items.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${fill}"/>`);
  }

  text(x: number, y: number, text: string, { size = 10, fill = INK, bold = false, anchor = "start", spacing = 0 } = {}) {
    const weight = bold ? ` font-weight="700"` : "";
    const track = spacing ? ` letter-spacing="${spacing}"` : "";
    this.items.push(
      `<text x="${num(x)}" y="${num(y)}" font-family="${FONT}" font-size="${size}" fill="${fill}" text-anchor="${anchor}"${weight}${track}>${escapeXml(text)}</text>`,
    );
  }

  /** Wrapped text from the current y; returns the lines it took. */
  paragraph(text: string, { x = MARGIN, width = this.inner, size = 10, fill = INK, bold = false, leading = 1.45, maxLines = Infinity } = {}) {
    let lines = wrap(text, width, size, bold);
    if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
    for (const line of lines) {
      this.y += size * leading;
      this.text(x, this.y, line, { size, fill, bold });
    }
    return lines.length;
  }

  svg(footer: string | null): string {
    const w = num(this.width);
    const h = num(this.height);
    const foot = footer
      ? `<text x="${num(this.width / 2)}" y="${num(this.height - MARGIN / 2)}" font-family="${FONT}" font-size="8" fill="${MUTED}" text-anchor="middle">${escapeXml(footer)}</text>\n`
      : "";
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">\n<rect width="${w}" height="${h}" fill="#ffffff"/>\n${this.items.join("\n")}\n${foot}</svg>\n`;
  }
}

function heading(page: Page, kicker: string, title: string) {
  page.rect(MARGIN, page.y, 28, 3, ACCENT);
  page.y += 22;
  page.text(MARGIN, page.y, kicker.toUpperCase(), { size: 8, fill: ACCENT, bold: true, spacing: 1.2 });
  page.paragraph(title, { size: 20, bold: true, leading: 1.25 });
  page.y += 16;
}

/** Characters the bundled fonts (Noto Sans, DejaVu Sans) cannot print: emoji, here. */
function unprintable(project: Project): string[] {
  const texts = [project.title, project.author, project.audience, ...project.sections.flatMap((s) => [s.title, s.notes, ...s.blocks.flatMap((b) => [b.title, b.body, b.source ?? ""])])];
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\p{Extended_Pictographic}/gu)) found.add(match[0]);
  return [...found].map((c) => {
    const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return `“${c}” (U+${code}) is not in the bundled fonts and prints as a box; replace or remove it`;
  });
}

/** The project's briefing as the core's briefing_preview returns it. */
export function briefingPreview(project: Project, settings: BriefingSettings): BriefingPreview {
  const { width, height } = PAGE_SIZE[settings.paper];
  const pages: Page[] = [];
  const newPage = () => {
    const page = new Page(width, height);
    pages.push(page);
    return page;
  };
  const sources: string[] = [];

  // The cover.
  const cover = newPage();
  const band = height * 0.42;
  cover.rect(0, 0, width, band, ACCENT);
  cover.text(MARGIN, MARGIN + 10, settings.handout ? "EXECUTIVE BRIEFING · HANDOUT" : "EXECUTIVE BRIEFING", { size: 9, fill: "#d6e6ef", bold: true, spacing: 1.5 });
  const titleLines = wrap(project.title || "Untitled briefing", cover.inner, 26, true).slice(0, 4);
  const firstBaseline = band - 44 - (titleLines.length - 1) * 32;
  cover.rect(MARGIN, firstBaseline - 50, 40, 4, "#ffffff");
  titleLines.forEach((line, i) => cover.text(MARGIN, firstBaseline + i * 32, line, { size: 26, fill: "#ffffff", bold: true }));
  cover.y = band + 40;
  if (project.audience) cover.paragraph(`Prepared for ${project.audience}`, { size: 13, fill: INK });
  if (project.author) cover.paragraph(project.author, { size: 11, fill: MUTED });
  cover.y = height - MARGIN - 40;
  cover.rect(MARGIN, cover.y, cover.inner, 0.8, RULE);
  cover.text(MARGIN, cover.y + 20, `${project.sections.length} sections · ${project.sections.reduce((n, s) => n + s.blocks.length, 0)} points`, { size: 9, fill: MUTED });

  // The one-page executive summary.
  const summary = newPage();
  heading(summary, "Executive summary", "What we propose, and why now");
  for (const [i, section] of project.sections.entries()) {
    if (summary.room < 60) break;
    summary.y += 6;
    summary.text(MARGIN, summary.y + 10, String(i + 1).padStart(2, "0"), { size: 10, fill: ACCENT, bold: true });
    summary.paragraph(section.title || "Untitled section", { x: MARGIN + 26, width: summary.inner - 26, size: 11, bold: true, leading: 1.0 });
    for (const block of section.blocks.slice(0, 2)) {
      if (summary.room < 30) break;
      summary.paragraph(`• ${block.title}`, { x: MARGIN + 26, width: summary.inner - 26, size: 9.5, fill: MUTED, maxLines: 2 });
    }
    summary.y += 8;
  }

  // The sections, one or more pages each, then (handout) the speaker notes and note space.
  for (const [i, section] of project.sections.entries()) {
    let page = newPage();
    heading(page, `Section ${i + 1}`, section.title || "Untitled section");
    if (section.blocks.length === 0) page.paragraph("Nothing in this section yet.", { fill: MUTED });
    for (const block of section.blocks) {
      const value = formatFigure(block);
      const bodyLines = Math.min(5, wrap(block.body, page.inner - 14, 9.5).length);
      const needed = 22 + (value ? 26 : 0) + bodyLines * 14 + (block.source ? 14 : 0) + 18;
      if (page.room < needed) {
        page = newPage();
        heading(page, `Section ${i + 1}, continued`, section.title || "Untitled section");
      }
      const top = page.y;
      page.paragraph(block.title, { x: MARGIN + 14, width: page.inner - 14, size: 11.5, bold: true, leading: 1.3 });
      if (value) {
        page.y += 26;
        page.text(MARGIN + 14, page.y, value, { size: 20, fill: KIND[block.kind], bold: true });
      }
      if (block.body) page.paragraph(block.body, { x: MARGIN + 14, width: page.inner - 14, size: 9.5, fill: INK, maxLines: 5 });
      if (block.source) {
        sources.push(block.source);
        page.y += 13;
        page.text(MARGIN + 14, page.y, `[${sources.length}] ${block.source}`.slice(0, 90), { size: 7.5, fill: MUTED });
      }
      page.rect(MARGIN, top + 4, 3, page.y - top, KIND[block.kind]);
      page.y += 18;
    }
    if (settings.handout) {
      const notes = newPage();
      heading(notes, `Section ${i + 1} · speaker notes`, section.title || "Untitled section");
      if (section.notes) notes.paragraph(section.notes, { size: 10.5, maxLines: 14 });
      else notes.paragraph("No speaker notes for this section.", { size: 10.5, fill: MUTED });
      notes.y += 28;
      notes.text(MARGIN, notes.y, "YOUR NOTES", { size: 8, fill: MUTED, bold: true, spacing: 1.2 });
      for (let y = notes.y + 26; y < height - MARGIN - 30; y += 24) notes.rect(MARGIN, y, notes.inner, 0.6, RULE);
    }
  }

  // The sources appendix.
  const appendix = newPage();
  heading(appendix, "Appendix", "Sources");
  if (sources.length === 0) appendix.paragraph("No sources are cited.", { fill: MUTED });
  for (const [i, source] of sources.entries()) {
    if (appendix.room < 20) break;
    appendix.paragraph(`[${i + 1}]  ${source}`, { size: 9.5, maxLines: 2 });
    appendix.y += 4;
  }

  const total = pages.length;
  return {
    pages: pages.map((page, i) => page.svg(i === 0 ? null : `${shorten(project.title || "Briefing", 70)} · ${i + 1} of ${total}`)),
    width,
    height,
    warnings: unprintable(project),
  };
}
