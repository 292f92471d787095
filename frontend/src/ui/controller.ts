/** Owns what the panels can do: it turns clicks and keys into store updates, player moves and protocol messages, and feeds server messages to the store. */
import { EditController } from "../edit/editController";
import type { NamespaceRef } from "../model/topology";
import { back, seek, step, type Cursor } from "../playback/cursor";
import { fasterSpeed, Player, slowerSpeed, type Scheduler } from "../playback/player";
import {
  findProbe,
  isProbeLine,
  probeLabel,
  withRun,
  type Probe,
  type ProbeRequest,
} from "../playback/probes";
import type { ClientMessage, ProtocolError, ServerMessage } from "../protocol/protocol";
import { abandonTrace, appendConsole, receive, type SessionState } from "../store/session";
import type { Store } from "../store/store";
import type { ConnectionStatus } from "../transport/connection";
import { placeLabel } from "./format";

/** Sends a message to the server; false when it could not be sent. */
export type Send = (message: ClientMessage) => boolean;

export class Controller {
  private readonly player: Player;
  private requests = 0;
  /** Canvas editing: selection, places, edit batches, undo and redo. */
  readonly editing: EditController;
  private probes = 0;
  /** The probe each request still streaming its trace was a run of. */
  private readonly probeRuns = new Map<string, string>();

  constructor(
    readonly store: Store<SessionState>,
    private readonly send: Send,
    schedule: Scheduler,
  ) {
    this.player = new Player(
      {
        cursor: () => this.cursor(),
        complete: () => this.store.get().trace?.complete ?? false,
        moveTo: (cursor) => this.moveTo(cursor),
        playingChanged: (playing) => this.store.update((state) => ({ ...state, playing })),
      },
      schedule,
    );
    this.player.setSpeed(store.get().speed);
    this.editing = new EditController(store, send);
    store.subscribe((state, previous) => this.presentMoves(state, previous));
  }

  /** While presenting, every move of this tab's player (a new trace, a step) goes to the followers. */
  private presentMoves(state: SessionState, previous: SessionState): void {
    const trace = state.trace;
    if (!state.presenting || trace === null || !trace.complete) return;
    const moved =
      !previous.presenting ||
      !(previous.trace?.complete ?? false) ||
      previous.trace?.requestId !== trace.requestId ||
      previous.cursor !== state.cursor;
    if (moved) this.send({ v: 2, type: "present", trace: trace.requestId, step: state.cursor });
  }

  /** Starts or stops presenting this tab's steps to the live lab's followers. */
  setPresenting(presenting: boolean): void {
    if (presenting && this.store.get().following) this.setFollowing(false);
    this.store.update((state) => ({ ...state, presenting }));
    if (!presenting) this.send({ v: 2, type: "present", trace: null, step: -1 });
  }

  /** Starts or stops following the presenter; the server sends where the presenter is at once. */
  setFollowing(following: boolean): void {
    if (following && this.store.get().presenting) this.setPresenting(false);
    this.store.update((state) => ({ ...state, following }));
    this.send({ v: 2, type: "follow", following });
  }

  // ---- From the server ----

  /** Applies one server message; a new trace stops playback, new steps wake a waiting player. */
  receive(message: ServerMessage): void {
    if (message.type === "traceStart" || message.type === "presenterStep") this.player.pause();
    this.store.update((state) => receive(state, message));
    if (message.type === "traceStep" || message.type === "traceEnd") this.player.traceGrew();
    if (message.type === "traceEnd") this.recordProbeRun(message.requestId);
    // The inspected namespace's tables are read again after anything that may have changed them.
    if (
      message.type === "welcome" ||
      message.type === "traceEnd" ||
      message.type === "commandResult"
    ) {
      this.refreshInspected();
    }
  }

  /** Tracks the connection; a trace still streaming when it drops is ended. */
  connection(status: ConnectionStatus): void {
    this.store.update((state) =>
      state.connection === status ? state : { ...state, connection: status },
    );
    if (status === "disconnected") {
      this.store.update(abandonTrace);
      this.player.traceGrew();
    }
  }

  /** The server closed the connection and said why; the reason is shown until dismissed. */
  refused(reason: string): void {
    this.showError(reason);
  }

  dismissNotice(): void {
    this.store.update((state) => (state.notice === null ? state : { ...state, notice: null }));
  }

  invalid(error: ProtocolError): void {
    this.showError(
      `The server sent a message this page cannot read (${error.reason}): ${error.message}`,
    );
  }

  // ---- From the panels ----

  /** Asks the server to ping `to` once from the namespace; the ping is kept as a probe. */
  ping(from: NamespaceRef, to: string): void {
    this.runProbe(this.probeFor(from, { kind: "ping", to }));
  }

  /** Runs a TCP or UDP probe (nc) from the namespace; it is kept as a probe. */
  probe(from: NamespaceRef, line: string): void {
    this.runProbe(this.probeFor(from, { kind: "command", line }));
  }

  /** Runs a saved probe again; its trace becomes the probe's newest run. */
  runProbe(probe: Probe): void {
    if (probe.request.kind === "ping") {
      const requestId = this.nextRequestId();
      const sent = this.send({
        v: 2,
        type: "ping",
        requestId,
        from: probe.from,
        to: probe.request.to,
        count: 1,
      });
      if (!sent) this.showError("Not connected to the server, so the ping was not sent.");
      else this.probeRuns.set(requestId, probe.id);
    } else {
      this.command(probe.from, probe.request.line);
    }
  }

  /** The saved probe with this namespace and request, saved now if there was none. */
  private probeFor(from: NamespaceRef, request: ProbeRequest): Probe {
    const saved = findProbe(this.store.get().probes, from, request);
    if (saved !== undefined) return saved;
    this.probes += 1;
    const probe: Probe = {
      id: `p${this.probes}`,
      from,
      request,
      label: probeLabel(from, request),
      runs: [],
    };
    this.store.update((state) => ({ ...state, probes: [...state.probes, probe] }));
    return probe;
  }

  private recordProbeRun(requestId: string): void {
    const probeId = this.probeRuns.get(requestId);
    if (probeId === undefined) return;
    this.probeRuns.delete(requestId);
    this.store.update((state) => {
      const trace = state.trace;
      if (trace === null || trace.requestId !== requestId) return state;
      const run = { requestId, steps: trace.steps, outcome: trace.outcome, exit: trace.exit };
      return { ...state, probes: withRun(state.probes, probeId, run) };
    });
  }

  /** Runs one shell command (one line, or several with a here-document) in the namespace and echoes it to the console, continuation lines after "> ". */
  command(netns: NamespaceRef, line: string): void {
    this.runCommand(netns, line);
  }

  /** Replaces the namespace's iptables tables with `rules` (iptables-save text) by iptables-restore; the inspector shows the answer. */
  applyRules(netns: NamespaceRef, rules: string): void {
    const refusal = rulesRefusal(rules);
    if (refusal !== null) {
      this.showError(refusal);
      return;
    }
    const body = rules.endsWith("\n") ? rules : `${rules}\n`;
    const requestId = this.runCommand(
      netns,
      `iptables-restore <<'${RULES_END}'\n${body}${RULES_END}`,
    );
    if (requestId === null) return;
    this.store.update((state) => ({
      ...state,
      ruleEdit: { requestId, netns, exit: null, stderr: "" },
    }));
  }

  private runCommand(netns: NamespaceRef, line: string): string | null {
    const requestId = this.nextRequestId();
    const sent = this.send({ v: 2, type: "command", requestId, netns, line });
    if (!sent) {
      this.showError("Not connected to the server, so the command was not run.");
      return null;
    }
    // A typed ping or nc becomes a probe (or a run of the saved one it repeats).
    if (isProbeLine(line)) {
      this.probeRuns.set(
        requestId,
        this.probeFor(netns, { kind: "command", line: line.trim() }).id,
      );
    }
    this.store.update((state) =>
      appendConsole(state, [
        { kind: "command", text: `${placeLabel(netns)}$ ${line.split("\n").join("\n> ")}` },
      ]),
    );
    return requestId;
  }

  /** Shows the namespace in the inspector and asks the server for its tables. */
  inspect(ref: NamespaceRef): void {
    this.store.update((state) => ({ ...state, inspecting: ref }));
    this.refreshInspected();
  }

  private refreshInspected(): void {
    const netns = this.store.get().inspecting;
    if (netns === null) return;
    this.send({ v: 2, type: "inspect", requestId: this.nextRequestId(), netns });
  }

  stepForward(): void {
    this.player.pause();
    this.moveTo(step(this.cursor()));
  }

  stepBack(): void {
    this.player.pause();
    this.moveTo(back(this.cursor()));
  }

  seek(index: number): void {
    this.player.pause();
    this.moveTo(seek(this.cursor(), index));
  }

  /** Goes to before the first step: every state table as it was before the trace. */
  jumpToStart(): void {
    this.seek(-1);
  }

  /** Goes to the last step the trace has so far. */
  jumpToEnd(): void {
    this.seek(this.cursor().length - 1);
  }

  faster(): void {
    this.setSpeed(fasterSpeed(this.player.speed()));
  }

  slower(): void {
    this.setSpeed(slowerSpeed(this.player.speed()));
  }

  togglePlay(): void {
    this.player.toggle();
  }

  setSpeed(stepsPerSecond: number): void {
    this.player.setSpeed(stepsPerSecond);
    const speed = this.player.speed();
    this.store.update((state) => (state.speed === speed ? state : { ...state, speed }));
  }

  dismissError(): void {
    this.store.update((state) => (state.error === null ? state : { ...state, error: null }));
  }

  private showError(message: string): void {
    this.store.update((state) => ({ ...state, error: message }));
  }

  private cursor(): Cursor {
    const state = this.store.get();
    return { index: state.cursor, length: state.trace?.steps.length ?? 0 };
  }

  private moveTo(cursor: Cursor): void {
    this.store.update((state) =>
      state.cursor === cursor.index ? state : { ...state, cursor: cursor.index },
    );
  }

  private nextRequestId(): string {
    this.requests += 1;
    return `r${this.requests}`;
  }
}

/** The word that ends the rules' here-document. */
const RULES_END = "PACKETWALK_RULES";

/** Why edited rules cannot be sent, or null: a line that would end the here-document early. */
export function rulesRefusal(rules: string): string | null {
  return rules.split("\n").some((line) => line.trim() === RULES_END)
    ? `A line of the rules reads ${RULES_END}, which would end them early; change that line.`
    : null;
}
