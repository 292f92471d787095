/** Owns the pure playback cursor over a trace: which step is current, and every move of it (index -1 is "before the first step"). */

export interface Cursor {
  /** The current step's index, or -1 before the first step. */
  readonly index: number;
  /** How many steps the trace has so far. */
  readonly length: number;
}

/** A cursor before the first step of a trace of `length` steps. */
export function startOf(length: number): Cursor {
  return { index: -1, length };
}

/** The cursor moved to `index`, clamped to -1..length-1. */
export function seek(cursor: Cursor, index: number): Cursor {
  return { index: Math.min(Math.max(index, -1), cursor.length - 1), length: cursor.length };
}

/** One step forward; stays on the last step. */
export function step(cursor: Cursor): Cursor {
  return seek(cursor, cursor.index + 1);
}

/** One step back; stays before the first step. */
export function back(cursor: Cursor): Cursor {
  return seek(cursor, cursor.index - 1);
}

/** The last step the trace has so far. */
export function playToEnd(cursor: Cursor): Cursor {
  return seek(cursor, cursor.length - 1);
}

/** The same position over a trace that now has `length` steps (steps were appended or the trace shrank). */
export function withLength(cursor: Cursor, length: number): Cursor {
  return seek({ index: cursor.index, length }, cursor.index);
}

/** True when no step is after the current one. */
export function isAtEnd(cursor: Cursor): boolean {
  return cursor.index >= cursor.length - 1;
}

/** True when the cursor is before the first step. */
export function atStart(cursor: Cursor): boolean {
  return cursor.index === -1;
}
