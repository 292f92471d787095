/**
 * Owns what the page remembers about edits: the command log (what the person did and the lines
 * that did it, or the error that refused them), the undo and redo stacks of reversing batches,
 * the edits waiting for their answer, and the refusal shown next to the thing it concerns. Pure
 * transitions; the controller sends the batches.
 */
import type { Point } from "../geometry/path";
import type {
  EditCommand,
  EditOutcome,
  EditResultMessage,
  LiveEditMessage,
} from "../protocol/protocol";

/** One line of the command log. */
export interface LogEntry {
  readonly requestId: string;
  /** What was done, e.g. "deleted ns2" or "undo: deleted ns2". */
  readonly label: string;
  readonly applied: boolean;
  readonly commands: readonly EditOutcome[];
  readonly error: string | null;
  /** True for a change someone else made to the live lab this tab is in. */
  readonly remote?: true;
}

/**
 * A batch that undoes (on the undo stack) or redoes (on the redo stack) an edit; for a move, no
 * batch but the places (box centres by namespace key) the boxes go back to.
 */
export interface Reversal {
  readonly label: string;
  readonly commands: readonly EditCommand[];
  readonly places?: ReadonlyMap<string, Point>;
}

export type EditMode = "do" | "undo" | "redo";

/** An edit sent and not yet answered. */
export interface PendingEdit {
  readonly mode: EditMode;
  readonly label: string;
  /** The selection id an error is shown next to. */
  readonly target: string;
  /** For an undo or redo: the reversal it took off its stack (put back if refused). */
  readonly reversal: Reversal | null;
}

/** An edit the kernel refused: its error, shown next to the thing. */
export interface Refusal {
  readonly target: string;
  readonly message: string;
}

export interface EditState {
  readonly log: readonly LogEntry[];
  readonly undo: readonly Reversal[];
  readonly redo: readonly Reversal[];
  readonly pending: ReadonlyMap<string, PendingEdit>;
  readonly refusal: Refusal | null;
}

/** The most log entries kept (the oldest go first). */
export const LOG_LIMIT = 200;

export const NO_EDITS: EditState = {
  log: [],
  undo: [],
  redo: [],
  pending: new Map(),
  refusal: null,
};

/** The stack an undo or redo takes its batch from. */
export function stackOf(state: EditState, mode: "undo" | "redo"): readonly Reversal[] {
  return mode === "undo" ? state.undo : state.redo;
}

/** Notes an edit as sent; an undo or redo takes its batch off its stack now. */
export function editSent(state: EditState, requestId: string, pending: PendingEdit): EditState {
  const pendingNext = new Map(state.pending).set(requestId, pending);
  const next = { ...state, pending: pendingNext, refusal: null };
  if (pending.mode === "undo") return { ...next, undo: state.undo.slice(0, -1) };
  if (pending.mode === "redo") return { ...next, redo: state.redo.slice(0, -1) };
  return next;
}

/** The state after someone else changed the live lab: logged as theirs; this tab's undo and redo are untouched. */
export function remoteEdit(state: EditState, edit: LiveEditMessage): EditState {
  const entry: LogEntry = {
    requestId: `live:${edit.seq}`,
    label: edit.label,
    applied: true,
    commands: edit.commands,
    error: null,
    remote: true,
  };
  return { ...state, log: [...state.log, entry].slice(-LOG_LIMIT) };
}

/** The state after an edit's answer: logged, and its reversal on the right stack, or its refusal shown. */
export function editAnswered(state: EditState, result: EditResultMessage): EditState {
  const pending = state.pending.get(result.requestId);
  const rest = new Map(state.pending);
  rest.delete(result.requestId);
  const mode = pending?.mode ?? "do";
  const base = pending?.reversal?.label ?? result.label;
  const entry: LogEntry = {
    requestId: result.requestId,
    label: result.label,
    applied: result.applied,
    commands: result.commands,
    error: result.error,
  };
  const log = [...state.log, entry].slice(-LOG_LIMIT);
  if (!result.applied) {
    const reversal = pending?.reversal ?? null;
    return {
      ...state,
      log,
      pending: rest,
      refusal: { target: pending?.target ?? "", message: result.error ?? "The edit was refused." },
      undo: mode === "undo" && reversal !== null ? [...state.undo, reversal] : state.undo,
      redo: mode === "redo" && reversal !== null ? [...state.redo, reversal] : state.redo,
    };
  }
  const reversal: Reversal = { label: base, commands: result.undo };
  const keep = result.undo.length > 0;
  switch (mode) {
    case "do":
      return {
        ...state,
        log,
        pending: rest,
        undo: keep ? [...state.undo, reversal] : state.undo,
        redo: [],
      };
    case "undo":
      return { ...state, log, pending: rest, redo: keep ? [...state.redo, reversal] : state.redo };
    case "redo":
      return { ...state, log, pending: rest, undo: keep ? [...state.undo, reversal] : state.undo };
  }
}

/** Hides the refusal shown on the canvas. */
export function dismissRefusal(state: EditState): EditState {
  return state.refusal === null ? state : { ...state, refusal: null };
}

/** A move made: its way back goes on the undo stack, and what was undone can no longer be redone. */
export function moveMade(state: EditState, back: Reversal): EditState {
  return { ...state, undo: [...state.undo, back], redo: [] };
}

/**
 * A move undone or redone at once (moves need no answer from the kernel): its reversal leaves
 * `mode`'s stack and `opposite` (the places the boxes had) goes on the other.
 */
export function moveReversed(
  state: EditState,
  mode: "undo" | "redo",
  opposite: Reversal,
): EditState {
  return mode === "undo"
    ? { ...state, undo: state.undo.slice(0, -1), redo: [...state.redo, opposite] }
    : { ...state, redo: state.redo.slice(0, -1), undo: [...state.undo, opposite] };
}
