/**
 * Owns the console's line discipline for here-documents: which lines open one (`<<WORD`,
 * `<<'WORD'`, `<<"WORD"`, `<<-WORD`), when the collected lines make a complete command, and how
 * typed or pasted lines become commands. Pure: lines in, commands out.
 */

/** One here-document a line opens: the word that ends it, and whether `<<-` strips leading tabs. */
export interface HeredocOpener {
  readonly word: string;
  readonly stripTabs: boolean;
}

/** Characters that end an unquoted word in the shell. */
const WORD_END = /[\s;&|<>()]/;

/**
 * The here-documents a command line opens, in order. Quotes, backslash escapes, comments,
 * here-strings (`<<<`) and arithmetic (`$(( 1 << 2 ))`) open none.
 */
export function heredocOpeners(line: string): HeredocOpener[] {
  const openers: HeredocOpener[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line.charAt(i);
    if (char === "\\") {
      i += 2;
    } else if (char === "'") {
      i = closing(line, i + 1, "'");
    } else if (char === '"') {
      i = closingDouble(line, i + 1);
    } else if (char === "#" && (i === 0 || /\s/.test(line.charAt(i - 1)))) {
      break;
    } else if (line.startsWith("$((", i)) {
      const end = line.indexOf("))", i + 3);
      i = end < 0 ? line.length : end + 2;
    } else if (line.startsWith("<<<", i)) {
      i += 3;
    } else if (line.startsWith("<<", i)) {
      const stripTabs = line.charAt(i + 2) === "-";
      let start = i + (stripTabs ? 3 : 2);
      while (line.charAt(start) === " " || line.charAt(start) === "\t") start += 1;
      const read = readWord(line, start);
      if (read.word !== "") openers.push({ word: read.word, stripTabs });
      i = Math.max(read.end, start + 1);
    } else {
      i += 1;
    }
  }
  return openers;
}

/** The index after the closing `quote`, or the line's end when it has none. */
function closing(line: string, from: number, quote: string): number {
  const end = line.indexOf(quote, from);
  return end < 0 ? line.length : end + 1;
}

/** The index after the closing double quote, skipping backslash escapes. */
function closingDouble(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const char = line.charAt(i);
    if (char === "\\") i += 2;
    else if (char === '"') return i + 1;
    else i += 1;
  }
  return line.length;
}

/** The here-document word starting at `start`, with its quotes and backslashes removed. */
function readWord(line: string, start: number): { word: string; end: number } {
  let word = "";
  let i = start;
  while (i < line.length && !WORD_END.test(line.charAt(i))) {
    const char = line.charAt(i);
    if (char === "'" || char === '"') {
      const end = line.indexOf(char, i + 1);
      const stop = end < 0 ? line.length : end;
      word += line.slice(i + 1, stop);
      i = stop + 1;
    } else if (char === "\\") {
      word += line.charAt(i + 1);
      i += 2;
    } else {
      word += char;
      i += 1;
    }
  }
  return { word, end: i };
}

/** True when `line` ends the here-document `opener` opened. */
export function endsHeredoc(line: string, opener: HeredocOpener): boolean {
  return (opener.stripTabs ? line.replace(/^\t+/, "") : line) === opener.word;
}

/**
 * The here-documents still waiting for their terminator after `lines` (a command's first line and
 * everything typed after it), in order; empty when the command is complete.
 */
export function pendingHeredocs(lines: readonly string[]): HeredocOpener[] {
  const waiting: HeredocOpener[] = [];
  for (const line of lines) {
    const current = waiting[0];
    if (current === undefined) waiting.push(...heredocOpeners(line));
    else if (endsHeredoc(line, current)) waiting.shift();
  }
  return waiting;
}

/** True when `lines` make a whole command: every here-document they open is closed. */
export function isCompleteCommand(lines: readonly string[]): boolean {
  return pendingHeredocs(lines).length === 0;
}

/** What entering one line did: the command to send (or null) and the lines still collected. */
export interface Entered {
  readonly command: string | null;
  /** The lines of a command still waiting for a here-document's terminator; empty when idle. */
  readonly pending: readonly string[];
}

/**
 * Enters one line after the `pending` lines: a complete command comes out as one text, its lines
 * joined with "\n" (the terminator line included); otherwise the line is collected. A blank line
 * with nothing pending sends nothing.
 */
export function enterLine(pending: readonly string[], line: string): Entered {
  if (pending.length === 0 && line.trim() === "") return { command: null, pending };
  const lines = [...pending, line];
  return isCompleteCommand(lines)
    ? { command: lines.join("\n"), pending: [] }
    : { command: null, pending: lines };
}

/** What entering a block of text (a paste) did: the commands to send, in order, and what is left. */
export interface EnteredText {
  readonly commands: readonly string[];
  readonly pending: readonly string[];
  /** The text after the last line break, left in the input line. */
  readonly rest: string;
}

/** Enters every line of `text` that ends in a line break, as if Enter were pressed after each. */
export function enterText(pending: readonly string[], text: string): EnteredText {
  const lines = text.split(/\r\n|\r|\n/);
  const rest = lines.pop() ?? "";
  const commands: string[] = [];
  let collected = pending;
  for (const line of lines) {
    const entered = enterLine(collected, line);
    if (entered.command !== null) commands.push(entered.command);
    collected = entered.pending;
  }
  return { commands, pending: collected, rest };
}
