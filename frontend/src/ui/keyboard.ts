/** Owns the playback keyboard shortcuts: ← and → step, Space plays or pauses, Home and End jump to the start and end, [ and ] change the speed. */

export type PlaybackKey = "forward" | "back" | "toggle" | "start" | "end" | "slower" | "faster";

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** The focused element's tag name, e.g. "INPUT", "BUTTON", "BODY". */
  readonly targetTag: string;
}

/** Each action's key (a KeyboardEvent.key value) and how a control's label shows it. */
export const PLAYBACK_SHORTCUTS: Readonly<
  Record<PlaybackKey, { readonly key: string; readonly shown: string }>
> = {
  forward: { key: "ArrowRight", shown: "→" },
  back: { key: "ArrowLeft", shown: "←" },
  toggle: { key: " ", shown: "Space" },
  start: { key: "Home", shown: "Home" },
  end: { key: "End", shown: "End" },
  slower: { key: "[", shown: "[" },
  faster: { key: "]", shown: "]" },
};

/** The value of a control's aria-keyshortcuts attribute ("Space" for the space bar). */
export function ariaShortcut(action: PlaybackKey): string {
  const key = PLAYBACK_SHORTCUTS[action].key;
  return key === " " ? "Space" : key;
}

/** Elements whose own keys must keep working (typing, choosing, sliding). */
const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** The playback action for a key press, or null when the key belongs to someone else. */
export function playbackKey(press: KeyPress): PlaybackKey | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  if (TYPING_TAGS.has(press.targetTag)) return null;
  // Space on a focused button presses that button.
  if (press.key === " " && press.targetTag === "BUTTON") return null;
  for (const [action, shortcut] of Object.entries(PLAYBACK_SHORTCUTS)) {
    if (shortcut.key === press.key) return asPlaybackKey(action);
  }
  return null;
}

function asPlaybackKey(name: string): PlaybackKey | null {
  switch (name) {
    case "forward":
    case "back":
    case "toggle":
    case "start":
    case "end":
    case "slower":
    case "faster":
      return name;
    default:
      return null;
  }
}
