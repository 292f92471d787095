/**
 * Owns the canvas's pan and zoom gestures, as a small state machine: dragging the background
 * with the primary button pans, the wheel zooms about the pointer, and + − 0 zoom in, out and
 * fit. Pure: input events in, view actions out; the canvas applies them.
 */
import type { Point } from "../geometry/path";
import { ZOOM_STEP } from "../geometry/viewport";

export type PanState =
  | { readonly kind: "idle" }
  | { readonly kind: "dragging"; readonly pointerId: number; readonly last: Point };

export const IDLE: PanState = { kind: "idle" };

export interface PointerInput {
  readonly type: "down" | "move" | "up" | "cancel";
  readonly pointerId: number;
  /** The button pressed for "down" (0 = primary). */
  readonly button: number;
  /** Where the pointer is, in canvas pixels. */
  readonly point: Point;
}

/** What a gesture asks of the view. A zoom about a null anchor zooms about the canvas's middle. */
export type ViewAction =
  | { readonly kind: "pan"; readonly dx: number; readonly dy: number }
  | { readonly kind: "zoom"; readonly factor: number; readonly anchor: Point | null }
  | { readonly kind: "fit" };

export interface PanStep {
  readonly state: PanState;
  readonly action: ViewAction | null;
}

/** The next state for a pointer event, and the pan it makes. */
export function onPointer(state: PanState, input: PointerInput): PanStep {
  switch (state.kind) {
    case "idle":
      if (input.type === "down" && input.button === 0) {
        return {
          state: { kind: "dragging", pointerId: input.pointerId, last: input.point },
          action: null,
        };
      }
      return { state, action: null };
    case "dragging": {
      if (input.pointerId !== state.pointerId) return { state, action: null };
      if (input.type === "up" || input.type === "cancel") return { state: IDLE, action: null };
      if (input.type !== "move") return { state, action: null };
      const dx = input.point.x - state.last.x;
      const dy = input.point.y - state.last.y;
      const next: PanState = { ...state, last: input.point };
      return { state: next, action: dx === 0 && dy === 0 ? null : { kind: "pan", dx, dy } };
    }
  }
}

/** Wheel pixels per doubling of the zoom (a mouse notch is about 100). */
const WHEEL_PIXELS_PER_DOUBLING = 400;
const LINE_PIXELS = 16;
const PAGE_PIXELS = 400;

/** The zoom a wheel turn makes about the pointer: scrolling down (positive deltaY) zooms out. */
export function wheelAction(deltaY: number, deltaMode: number, point: Point): ViewAction {
  const pixels = deltaY * (deltaMode === 1 ? LINE_PIXELS : deltaMode === 2 ? PAGE_PIXELS : 1);
  const steps = Math.max(-1, Math.min(1, -pixels / WHEEL_PIXELS_PER_DOUBLING));
  return { kind: "zoom", factor: 2 ** steps, anchor: point };
}

export interface ZoomKeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** The focused element's tag name, e.g. "INPUT", "BUTTON", "BODY". */
  readonly targetTag: string;
}

/** Elements whose own keys must keep working (typing, choosing, sliding). */
const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/**
 * The zoom for a key press: + or = zooms in, − or _ zooms out, 0 fits. Null when the key is
 * someone else's: with Ctrl, Cmd or Alt (the browser's own zoom) or while typing.
 */
export function keyAction(press: ZoomKeyPress): ViewAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (TYPING_TAGS.has(press.targetTag)) return null;
  switch (press.key) {
    case "+":
    case "=":
      return { kind: "zoom", factor: ZOOM_STEP, anchor: null };
    case "-":
    case "_":
      return { kind: "zoom", factor: 1 / ZOOM_STEP, anchor: null };
    case "0":
      return { kind: "fit" };
    default:
      return null;
  }
}
