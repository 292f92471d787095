/** Owns the console's command history: remembering lines and walking them with the Up and Down arrows. */

export interface History {
  readonly entries: readonly string[];
  /** Which entry is shown; entries.length means the line being typed. */
  readonly position: number;
  /** The line being typed, kept while older entries are shown. */
  readonly draft: string;
}

export const emptyHistory: History = { entries: [], position: 0, draft: "" };

/** Remembers a sent line (not blanks, not a repeat of the last one) and goes back to a fresh line. */
export function remember(history: History, line: string): History {
  const last = history.entries[history.entries.length - 1];
  const entries =
    line.trim() === "" || line === last ? history.entries : [...history.entries, line];
  return { entries, position: entries.length, draft: "" };
}

export interface Recall {
  readonly history: History;
  readonly text: string;
}

/** Up arrow: the previous entry, keeping what was typed as the draft. */
export function older(history: History, typed: string): Recall {
  const draft = history.position === history.entries.length ? typed : history.draft;
  const position = Math.max(history.position - 1, 0);
  const text = history.entries[position];
  if (text === undefined) return { history, text: typed };
  return { history: { ...history, position, draft }, text };
}

/** Down arrow: the next entry, or the draft after the newest one. */
export function newer(history: History, typed: string): Recall {
  if (history.position >= history.entries.length) return { history, text: typed };
  const position = history.position + 1;
  const text = history.entries[position] ?? history.draft;
  return { history: { ...history, position }, text };
}
