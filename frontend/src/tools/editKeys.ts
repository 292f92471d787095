/**
 * Owns the editing keys: Delete or Backspace deletes the selection, Ctrl+Z undoes, Ctrl+Shift+Z
 * (or Ctrl+Y) redoes, F2 renames the selected device, Escape clears the selection, V and C pick
 * the select and connect tools, E expands or collapses the selected namespace's netfilter pipeline. Pure: a key press in, the edit it asks for out.
 */

export type EditKeyAction =
  "delete" | "undo" | "redo" | "rename" | "escape" | "select-tool" | "connect-tool" | "expand";

export interface EditKeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** The focused element's tag name, e.g. "INPUT", "BODY". */
  readonly targetTag: string;
}

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** The edit a key press asks for, or null when the key is someone else's (or the person is typing). */
export function editKey(press: EditKeyPress): EditKeyAction | null {
  if (TYPING_TAGS.has(press.targetTag) || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (press.ctrlKey || press.metaKey) {
    if (key === "z") return press.shiftKey ? "redo" : "undo";
    if (key === "y" && !press.shiftKey) return "redo";
    return null;
  }
  switch (press.key) {
    case "Delete":
    case "Backspace":
      return "delete";
    case "F2":
      return "rename";
    case "Escape":
      return "escape";
    case "v":
    case "V":
      return "select-tool";
    case "c":
    case "C":
      return "connect-tool";
    case "e":
    case "E":
      return "expand";
    default:
      return null;
  }
}
