/** Owns the session state (connection, lab, topology, current trace and cursor, console, error banner) and the pure transitions that change it. */
import { NO_EDITS, editAnswered, remoteEdit, type EditState } from "../edit/editState";
import type { Point } from "../geometry/path";
import { allNamespaces, namespaceKey, type NamespaceRef, type Topology } from "../model/topology";
import type { TraceStep } from "../model/trace";
import type {
  CommandResultMessage,
  LiveInfo,
  NamespaceStateMessage,
  ServerMessage,
  WelcomeMessage,
} from "../protocol/protocol";
import { fromSaved, type Probe } from "../playback/probes";
import type { ConnectionStatus } from "../transport/connection";
import { applyTopologyChange } from "./topologyChange";

/** The trace being shown: steps arrive one by one until the server sends its end. */
export interface TraceState {
  readonly requestId: string;
  readonly title: string;
  readonly steps: readonly TraceStep[];
  /** The ping summary sentence, once the trace is complete. */
  readonly outcome: string | null;
  readonly exit: number | null;
  readonly complete: boolean;
}

export type ConsoleLineKind = "command" | "stdout" | "stderr" | "exit";

export interface ConsoleLine {
  readonly kind: ConsoleLineKind;
  readonly text: string;
}

/** A namespace's state tables as the server last sent them, for the inspector. */
export interface InspectedState {
  readonly tables: NamespaceStateMessage;
  /** True when a command ran after the current trace ended and before the tables were read. */
  readonly afterCommand: boolean;
}

export interface SessionState {
  readonly connection: ConnectionStatus;
  readonly labName: string | null;
  readonly topology: Topology | null;
  readonly trace: TraceState | null;
  /** The current step's index in `trace.steps`, or -1 before the first step. */
  readonly cursor: number;
  readonly playing: boolean;
  /** Playback speed in steps per second. */
  readonly speed: number;
  readonly consoleLines: readonly ConsoleLine[];
  /** The message shown in the error banner, or null when it is hidden. */
  readonly error: string | null;
  /** What the server said about this tab's lab (e.g. a resume that came too late), or null. */
  readonly notice: string | null;
  /** The selected namespaces, devices and links, by id ("host1/ns1", "host1/ns1/veth1", a wire key). */
  readonly selection: readonly string[];
  /** Where the person put namespace boxes (box centres by namespace key), as the lab keeps them. */
  readonly positions: ReadonlyMap<string, Point>;
  /** The command log, undo and redo, and a refused edit's error. */
  readonly edits: EditState;
  /** The namespace the inspector shows, or null before one is chosen. */
  readonly inspecting: NamespaceRef | null;
  /** The inspected namespace's tables, read after the current trace; null until they come. */
  readonly inspected: InspectedState | null;
  /** The lab's saved probes, in the order they were made. */
  readonly probes: readonly Probe[];
  /** Whether a command ran since the current trace started (its tables may differ from the trace's end). */
  readonly commandSinceTrace: boolean;
  /** The live lab this tab shares with every tab on its links, or null for the tab's own lab. */
  readonly live: LiveInfo | null;
  /** Whether this tab presents: its trace and step are sent to followers. */
  readonly presenting: boolean;
  /** Whether this tab's player follows the presenter. */
  readonly following: boolean;
  /** The inspector's last rules edit (an iptables-restore of the edited text) and its answer. */
  readonly ruleEdit: RuleEdit | null;
}

/** An inspector rules edit: the command's request, and its exit and errors once answered. */
export interface RuleEdit {
  readonly requestId: string;
  readonly netns: NamespaceRef;
  /** Null until the server answered. */
  readonly exit: number | null;
  readonly stderr: string;
}

export function initialSession(speed: number): SessionState {
  return {
    connection: "connecting",
    labName: null,
    topology: null,
    trace: null,
    cursor: -1,
    playing: false,
    speed,
    consoleLines: [],
    error: null,
    notice: null,
    selection: [],
    positions: new Map(),
    edits: NO_EDITS,
    inspecting: null,
    inspected: null,
    probes: [],
    commandSinceTrace: false,
    live: null,
    presenting: false,
    following: false,
    ruleEdit: null,
  };
}

/** The state after one message from the server. */
export function receive(state: SessionState, message: ServerMessage): SessionState {
  switch (message.type) {
    case "welcome":
      return {
        ...state,
        labName: message.labName,
        topology: message.topology,
        notice: message.notice ?? state.notice,
        selection: [],
        positions: new Map(
          (message.layout ?? []).map((p) => [namespaceKey(p), { x: p.x, y: p.y }] as const),
        ),
        probes: welcomedProbes(state.probes, message),
        edits: NO_EDITS,
        live: message.live ?? null,
        presenting: false,
        // A view link follows the presenter from the start; an edit link chooses to.
        following: message.live !== undefined && message.live !== null && !message.live.canEdit,
      };
    case "liveEdit":
      return { ...state, edits: remoteEdit(state.edits, message) };
    case "presenterStep": {
      const trace = state.trace;
      if (!state.following || trace === null || trace.requestId !== message.trace) return state;
      return { ...state, cursor: Math.min(message.step, trace.steps.length - 1), playing: false };
    }
    case "topologyChange": {
      if (state.topology === null) return state;
      const topology = applyTopologyChange(state.topology, message);
      return { ...state, topology, selection: stillThere(topology, state.selection) };
    }
    case "editResult":
      return { ...state, edits: editAnswered(state.edits, message) };
    case "traceStart":
      return {
        ...state,
        trace: {
          requestId: message.requestId,
          title: message.title,
          steps: [],
          outcome: null,
          exit: null,
          complete: false,
        },
        cursor: -1,
        inspected: null,
        commandSinceTrace: false,
      };
    case "traceStep":
      return updateTrace(state, message.requestId, (trace) => ({
        ...trace,
        steps: [...trace.steps, message.step],
      }));
    case "traceEnd":
      return updateTrace(state, message.requestId, (trace) => ({
        ...trace,
        outcome: traceOutcome(message.outcome, message.omittedSteps, message.stopped),
        exit: message.exit,
        complete: true,
      }));
    case "namespaceState":
      return {
        ...state,
        inspected: { tables: message, afterCommand: state.commandSinceTrace },
      };
    case "commandResult":
      return appendConsole(
        { ...state, commandSinceTrace: true, ruleEdit: ruleAnswer(state, message) },
        [
          { kind: "stdout", text: message.stdout },
          { kind: "stderr", text: message.stderr },
          { kind: "exit", text: message.exit === 0 ? "" : `exit ${message.exit}` },
        ],
      );
    case "error":
      return { ...state, error: message.message };
    case "labDocument":
      return state;
  }
}

/** The selection without the ids of namespaces, devices and links that are gone. */
export function stillThere(topology: Topology, selection: readonly string[]): readonly string[] {
  if (selection.length === 0) return selection;
  const ids = new Set<string>();
  for (const { ref, namespace } of allNamespaces(topology)) {
    ids.add(namespaceKey(ref));
    for (const device of namespace.devices) ids.add(`${namespaceKey(ref)}/${device.name}`);
  }
  const kept = selection.filter((id) => {
    if (!id.includes(":")) return ids.has(id);
    const [, a = "", b = ""] = id.split(":");
    return ids.has(a) && ids.has(b);
  });
  return kept.length === selection.length ? selection : kept;
}

/** The outcome sentence, with the run limit that stopped it and the steps not kept, if any. */
export function traceOutcome(
  outcome: string,
  omittedSteps: number,
  stopped: string | null,
): string {
  const notes: string[] = [];
  if (stopped !== null) notes.push(`Packetwalk ${stopped}.`);
  if (omittedSteps > 0) {
    notes.push(
      `${omittedSteps.toLocaleString("en")} later steps happened but are not shown (the per-run trace step limit).`,
    );
  }
  return [outcome, ...notes].join(" ");
}

function updateTrace(
  state: SessionState,
  requestId: string,
  change: (trace: TraceState) => TraceState,
): SessionState {
  const trace = state.trace;
  if (trace === null || trace.requestId !== requestId || trace.complete) return state;
  return { ...state, trace: change(trace) };
}

/** Ends a trace whose stream was cut off, so playback does not wait for steps that will not come. */
export function abandonTrace(state: SessionState): SessionState {
  const trace = state.trace;
  if (trace === null || trace.complete) return state;
  return {
    ...state,
    trace: {
      ...trace,
      outcome: "The connection closed before the trace ended.",
      complete: true,
    },
  };
}

/** Appends lines to the console, leaving out empty ones. */
export function appendConsole(state: SessionState, lines: readonly ConsoleLine[]): SessionState {
  const shown = lines.filter((line) => line.text !== "");
  return shown.length === 0 ? state : { ...state, consoleLines: [...state.consoleLines, ...shown] };
}

/** The step the cursor is on, or null before the first step. */
export function currentStep(state: SessionState): TraceStep | null {
  return state.trace?.steps[state.cursor] ?? null;
}

/** The step before the current one, or null. */
export function previousStep(state: SessionState): TraceStep | null {
  return state.trace?.steps[state.cursor - 1] ?? null;
}

/**
 * The probes after a welcome: a lab opened fresh brings the probes it was saved with; a resumed
 * lab, or one saved without probes, keeps the tab's (with their runs).
 */
function welcomedProbes(kept: readonly Probe[], welcome: WelcomeMessage): readonly Probe[] {
  const saved = welcome.probes ?? [];
  return welcome.resumed || saved.length === 0 ? kept : fromSaved(saved);
}

/** The rules edit with its answer, when `message` answers it. */
function ruleAnswer(state: SessionState, message: CommandResultMessage): RuleEdit | null {
  const edit = state.ruleEdit;
  if (edit === null || edit.requestId !== message.requestId) return edit;
  return { ...edit, exit: message.exit, stderr: message.stderr };
}
