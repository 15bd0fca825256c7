/** The path of the test server binary started. */
export const TEST_SERVER: string;
/** Starts the test server in a new temporary folder; `stop()` kills it, waits for it to exit, then removes the folder. */
export function startServer(prefix?: string): Promise<{ port: number; dir: string; stop(): Promise<void> }>;
/** Writes `contents` to `name` in `dir`; its path. */
export function writeInto(dir: string, name: string, contents: string | Uint8Array): Promise<string>;
/** Whether a file is there. */
export function exists(path: string): Promise<boolean>;
/** Copies `from` to `name` in `dir`; its path. */
export function copyInto(from: string, dir: string, name: string): Promise<string>;
/** A whole PNG of `width` × `height` pixels in one colour (browser-tests/fixtures.mjs). */
export function png(width: number, height: number, rgb?: [number, number, number]): Uint8Array;
/** A PNG whose header says `width` × `height`, its pixels cut short. */
export function pngHeaderOnly(width: number, height: number): Uint8Array;
/** The lock file another Casewright keeps beside `project` while it has it open. */
export function lockPath(project: string): string;
/** Puts a folder where the file at `path` was. */
export function folderInstead(path: string): Promise<void>;
/** Removes a file. */
export function removeFile(path: string): Promise<void>;
/** Posts `body` to `route` on the server at `port`; its answer (a refusal throws, with `body`). */
export function post(port: number, route: string, body?: unknown): Promise<unknown>;
