/** Owns the playback keyboard shortcuts: ArrowRight and ArrowLeft step, Space plays or pauses. */

export type PlaybackKey = "forward" | "back" | "toggle";

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  /** The focused element's tag name, e.g. "INPUT", "BUTTON", "BODY". */
  readonly targetTag: string;
}

/** Elements whose own keys must keep working (typing, choosing, sliding). */
const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** The playback action for a key press, or null when the key belongs to someone else. */
export function playbackKey(press: KeyPress): PlaybackKey | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  if (TYPING_TAGS.has(press.targetTag)) return null;
  switch (press.key) {
    case "ArrowRight":
      return "forward";
    case "ArrowLeft":
      return "back";
    case " ":
      // Space on a focused button presses that button.
      return press.targetTag === "BUTTON" ? null : "toggle";
    default:
      return null;
  }
}
