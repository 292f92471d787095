/**
 * Owns the editing keys: Delete or Backspace deletes the selection, Ctrl+Z undoes, Ctrl+Shift+Z
 * (or Ctrl+Y) redoes, Ctrl+C and Ctrl+V copy and paste the selected namespaces, F2 renames the
 * selected device, Escape clears the selection, V and C pick the select and connect tools, T
 * tidies, E expands or collapses the selected namespace's netfilter pipeline, and one letter per
 * palette item adds it as a click on it would. Pure: a key press in, the edit it asks for out.
 */
import type { PaletteItem } from "../edit/paletteDrop";

/** Each palette item's key (shown in its label, as a KeyboardEvent.key in upper case). */
export const PALETTE_KEYS: Readonly<Record<PaletteItem, string>> = {
  namespace: "N",
  router: "R",
  internet: "I",
  bridge: "B",
  switch: "U",
  vtep: "X",
  host: "H",
};

/** The palette's items, in the order it shows them. */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  "namespace",
  "router",
  "internet",
  "bridge",
  "switch",
  "vtep",
  "host",
];

export type EditKeyAction =
  | "delete"
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "rename"
  | "escape"
  | "select-tool"
  | "connect-tool"
  | "tidy"
  | "expand"
  | { readonly place: PaletteItem };

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
    if (key === "c" && !press.shiftKey) return "copy";
    if (key === "v" && !press.shiftKey) return "paste";
    return null;
  }
  if (!press.shiftKey) {
    const item = PALETTE_ITEMS.find((candidate) => PALETTE_KEYS[candidate] === key.toUpperCase());
    if (item !== undefined) return { place: item };
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
    case "t":
    case "T":
      return "tidy";
    default:
      return null;
  }
}
