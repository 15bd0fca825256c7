// Generated from the Rust types in crates/core (ipc.rs, model.rs). Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p casewright-core bindings` instead.

export type Project = { title: string, author: string, 
/**
 * Who the case is made to, e.g. "The Board of Directors".
 */
audience: string, sections: Array<Section>, };

export type Section = { id: number, title: string, blocks: Array<Block>, };

export type Block = { id: number, kind: BlockKind, title: string, body: string, 
/**
 * The figure a metric (or a story) stands on; `unit` and `source` qualify it.
 */
number: number | null, unit: string | null, source: string | null, };

export type BlockKind = "benefit" | "story" | "metric";

export type OpenedProject = { path: string, 
/**
 * What the title bar shows, e.g. "Sample.casewright".
 */
fileName: string, project: Project, };

export type ExportedBriefing = { path: string, pages: number, bytes: number, };

export type AppError = { code: string, message: string, };
