// The real-core transport: every `invoke(cmd, args)` the App makes goes to the test server
// (crates/test-server, the real core's Session) as POST /invoke/<cmd> on the port in the page's
// `?core=` query; a non-2xx answer rejects with its body (the AppError, as Tauri rejects), and the
// events the shell would have emitted (export-progress) are fetched from /test/events and emitted
// here, in the order the shell sends them: while a call is under way (the server answers each
// request on its own thread, so an export's steps show as it goes and a Cancel reaches it), and
// once more before its reply resolves. It keeps a log of what the UI sent, for the tests to read;
// it decides nothing.
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { Edit, MenuAction, OpenedProject, Project } from "../src/lib/bindings";

type Args = Record<string, unknown>;

/** What the transport saw: each command and its arguments, each reply's project, each refusal. */
export class RealCoreLog {
  /** Every command the UI invoked, in order. */
  calls: string[] = [];
  /** The arguments of every call, in order. */
  sent: { command: string; args: Args }[] = [];
  /** Every refusal the core answered (the AppError, or Tauri's string for a bad call), in order. */
  refusals: { command: string; error: unknown }[] = [];
  /** Every answer the core gave, by command, in order (refusals are in `refusals`). */
  answers: { command: string; value: unknown }[] = [];
  /** Every event forwarded from the server (what the shell would have emitted), in order. */
  events: { event: string; payload: unknown }[] = [];
  /** The project as the core's last reply that carried one had it. */
  last: OpenedProject | null = null;
  /** How many commands are on their way (sent, not yet answered or refused). */
  pending = 0;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

function isOpened(value: unknown): value is OpenedProject {
  return typeof value === "object" && value !== null && "project" in value && "canUndo" in value;
}

export function startRealCore(port: number, delayMs: number) {
  const base = `http://127.0.0.1:${port}`;
  const log = new RealCoreLog();

  const post = async (route: string, body: unknown): Promise<{ ok: boolean; value: unknown; events: number }> => {
    const response = await fetch(`${base}${route}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    const text = await response.text();
    return { ok: response.ok, value: text === "" ? null : JSON.parse(text), events: Number(response.headers.get("X-Casewright-Events") ?? 0) };
  };

  // Awaited before each forwarded event is emitted (see `beforeEvent`).
  let hold: ((event: { event: string; payload: unknown }) => Promise<void>) | null = null;
  // One forwarding at a time, each reply that said events wait settling only after every
  // forwarding before it: a reply that came meanwhile (a coach report answered while an export's
  // events are being emitted) may take the export's events, and the export's own reply must
  // still reach the UI after them, as the shell's events precede the command's answer.
  let forwarding: Promise<void> = Promise.resolve();
  const forwardEvents = () => {
    const next = forwarding.then(async () => {
      const { value } = await post("/test/events", {});
      for (const { event, payload } of value as { event: string; payload: unknown }[]) {
        if (hold) await hold(clone({ event, payload }));
        log.events.push(clone({ event, payload }));
        await emit(event, payload);
      }
    });
    // A failed forwarding fails its own reply, not the ones after it.
    forwarding = next.catch(() => {});
    return next;
  };
  // While any call is under way, the events it makes are fetched every 40 ms, as the shell emits them as they come.
  let underWay = 0;
  let polling: ReturnType<typeof setInterval> | null = null;
  const started = () => {
    underWay++;
    polling ??= setInterval(() => void forwardEvents().catch(() => {}), 40);
  };
  const ended = () => {
    underWay--;
    if (underWay === 0 && polling !== null) {
      clearInterval(polling);
      polling = null;
    }
  };

  mockWindows("main");
  mockIPC(
    async (command, payload) => {
      // The window's own commands (its title): the shell's, not the core's.
      if (command.startsWith("plugin:")) return null;
      const args = clone((payload ?? {}) as Args);
      log.calls.push(command);
      log.sent.push({ command, args });
      log.pending++;
      try {
        return await answer(command, args);
      } finally {
        log.pending--;
      }
    },
    { shouldMockEvents: true },
  );

  async function answer(command: string, args: Args): Promise<unknown> {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    started();
    let reply;
    try {
      reply = await post(`/invoke/${command}`, args);
    } finally {
      ended();
    }
    const { ok, value, events } = reply;
    // Whatever the call emitted is forwarded before its reply resolves (and after any fetch already under way).
    if (events > 0) await forwardEvents();
    else await forwarding;
    if (!ok) {
      log.refusals.push({ command, error: clone(value) });
      throw value;
    }
    log.answers.push({ command, value: clone(value) });
    if (isOpened(value)) log.last = clone(value);
    return value;
  }

  const sentArgs = (command: string) => log.sent.filter((s) => s.command === command).map((s) => clone(s.args));
  const answered = (command: string) => log.answers.filter((a) => a.command === command).map((a) => clone(a.value));
  return {
    core: log,
    /** The edits the UI sent so far, refused ones too. */
    edits: (): Edit[] => sentArgs("apply_edit").map((a) => a.edit as Edit),
    /** The arguments of each `command` the UI sent, in order. */
    sent: sentArgs,
    /** The refusals the core answered, in order. */
    refusals: () => clone(log.refusals),
    /** The project as the core's last reply had it. */
    project: (): Project => clone(log.last?.project) as Project,
    /** The core's answers to each `command`, in order. */
    answered,
    // What the UI sent, by what it is for.
    previews: () => sentArgs("briefing_preview").map((a) => a.settings),
    exports: () => sentArgs("export_briefing_dialog").map((a) => a.settings),
    thumbnails: () => sentArgs("picture_thumbnail").map((a) => a.id as number),
    resultsDialogs: () => sentArgs("read_results_dialog").map((a) => a.design),
    caseUses: () => sentArgs("use_library_case"),
    casesExports: () => sentArgs("export_cases_dialog").map((a) => a.selection ?? null),
    shares: () => sentArgs("share_copy_dialog").map((a) => a.options),
    merges: () => sentArgs("apply_merge"),
    takeOvers: () => sentArgs("take_over_project").length,
    imports: () => sentArgs("import_blocks"),
    /** The export-progress events the shell would have sent, in order. */
    progress: () => log.events.filter((e) => e.event === "export-progress").map((e) => clone(e.payload)),
    /** The briefings the core wrote (each export's answer; a cancelled one answers null). */
    written: () =>
      answered("export_briefing_dialog")
        .filter((a): a is { path: string } => a !== null)
        .map((a) => a.path),
    /** Sends a native-menu action, as the shell does. */
    menu: (action: MenuAction) => emit("menu-action", action),
    /**
     * From now on each event the core sent waits for `wait(event)` before it is emitted (null:
     * at once), so a test can space an export's steps out as a long export's would arrive; the
     * command's reply still comes after its events.
     */
    beforeEvent: (wait: ((event: { event: string; payload: unknown }) => Promise<void>) | null) => {
      hold = wait;
    },
  };
}

export type RealHarness = ReturnType<typeof startRealCore>;
