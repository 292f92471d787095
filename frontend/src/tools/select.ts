/**
 * Owns the select tool, a small state machine beside the pan/zoom tool: a click picks the thing
 * under the pointer (Shift adds or removes it), dragging a namespace box moves it with the other
 * selected boxes, dragging from a device (or, in connect mode, from a box) draws a link to drop
 * on another namespace or bridge, Shift-dragging the background draws a selection band, and
 * dragging the background pans. Pure: pointer input (with what the hit test found) in, actions
 * out; the canvas and the controller apply them.
 */
import type { Hit } from "../geometry/hitTest";
import type { Point, Rect } from "../geometry/path";
import { bandBetween } from "../geometry/hitTest";
import { onPointer, type PanState, type ViewAction } from "./panZoom";

/** How far, in canvas pixels, a press must travel before it is a drag rather than a click. */
export const DRAG_THRESHOLD = 4;

/** "select" moves boxes when dragged; "connect" draws links from boxes too. */
export type ToolMode = "select" | "connect";

export type SelectState =
  | { readonly kind: "idle" }
  | {
      readonly kind: "pressed";
      readonly pointerId: number;
      readonly start: Point;
      readonly startScene: Point;
      readonly hit: Hit | null;
      readonly shift: boolean;
    }
  | {
      readonly kind: "moving";
      readonly pointerId: number;
      readonly startScene: Point;
      readonly keys: readonly string[];
    }
  | {
      readonly kind: "boxing";
      readonly pointerId: number;
      readonly startScene: Point;
      readonly shift: boolean;
    }
  | {
      readonly kind: "connecting";
      readonly pointerId: number;
      readonly from: Hit;
      readonly startScene: Point;
    }
  | { readonly kind: "panning"; readonly pointerId: number; readonly pan: PanState };

export const SELECT_IDLE: SelectState = { kind: "idle" };

export interface ToolInput {
  readonly type: "down" | "move" | "up" | "cancel";
  readonly pointerId: number;
  readonly button: number;
  readonly shift: boolean;
  /** Where the pointer is, in canvas pixels. */
  readonly point: Point;
  /** The same point in scene coordinates. */
  readonly scene: Point;
  /** What the hit test found under the pointer. */
  readonly hit: Hit | null;
  /** The ids selected now. */
  readonly selection: readonly string[];
  readonly mode: ToolMode;
}

/** What a gesture asks for. Deltas and rectangles are in scene coordinates. */
export type ToolAction =
  | { readonly kind: "select"; readonly ids: readonly string[]; readonly toggle: boolean }
  | { readonly kind: "view"; readonly action: ViewAction }
  | {
      readonly kind: "drag";
      readonly keys: readonly string[];
      readonly dx: number;
      readonly dy: number;
    }
  | {
      readonly kind: "drop";
      readonly keys: readonly string[];
      readonly dx: number;
      readonly dy: number;
    }
  | { readonly kind: "band"; readonly rect: Rect }
  | { readonly kind: "bandEnd"; readonly rect: Rect; readonly add: boolean }
  | { readonly kind: "link"; readonly from: Hit; readonly to: Point }
  | { readonly kind: "connect"; readonly from: Hit; readonly to: Hit | null }
  | { readonly kind: "clear" };

export interface ToolStep {
  readonly state: SelectState;
  readonly actions: readonly ToolAction[];
}

/** The id a hit stands for in the selection, or null for empty space and host frames. */
export function hitId(hit: Hit | null): string | null {
  if (hit === null || hit.kind === "host") return null;
  return hit.key;
}

const still = (state: SelectState): ToolStep => ({ state, actions: [] });

/** The next state for a pointer event, and the actions it makes. */
export function onToolPointer(state: SelectState, input: ToolInput): ToolStep {
  if (state.kind !== "idle" && input.pointerId !== state.pointerId) return still(state);
  switch (state.kind) {
    case "idle":
      if (input.type !== "down" || input.button !== 0) return still(state);
      return still({
        kind: "pressed",
        pointerId: input.pointerId,
        start: input.point,
        startScene: input.scene,
        hit: input.hit,
        shift: input.shift,
      });
    case "pressed":
      return pressed(state, input);
    case "moving": {
      const dx = input.scene.x - state.startScene.x;
      const dy = input.scene.y - state.startScene.y;
      if (input.type === "move")
        return { state, actions: [{ kind: "drag", keys: state.keys, dx, dy }] };
      if (input.type === "up")
        return { state: SELECT_IDLE, actions: [{ kind: "drop", keys: state.keys, dx, dy }] };
      if (input.type === "cancel") return { state: SELECT_IDLE, actions: [{ kind: "clear" }] };
      return still(state);
    }
    case "boxing": {
      const rect = bandBetween(state.startScene, input.scene);
      if (input.type === "move") return { state, actions: [{ kind: "band", rect }] };
      if (input.type === "up")
        return { state: SELECT_IDLE, actions: [{ kind: "bandEnd", rect, add: state.shift }] };
      if (input.type === "cancel") return { state: SELECT_IDLE, actions: [{ kind: "clear" }] };
      return still(state);
    }
    case "connecting":
      if (input.type === "move")
        return { state, actions: [{ kind: "link", from: state.from, to: input.scene }] };
      if (input.type === "up")
        return {
          state: SELECT_IDLE,
          actions: [{ kind: "clear" }, { kind: "connect", from: state.from, to: input.hit }],
        };
      if (input.type === "cancel") return { state: SELECT_IDLE, actions: [{ kind: "clear" }] };
      return still(state);
    case "panning":
      return panned(state.pointerId, state.pan, input);
  }
}

function pressed(state: Extract<SelectState, { kind: "pressed" }>, input: ToolInput): ToolStep {
  if (input.type === "cancel") return still(SELECT_IDLE);
  if (input.type === "up") return { state: SELECT_IDLE, actions: [click(state.hit, state.shift)] };
  if (input.type !== "move") return still(state);
  const travelled = Math.hypot(input.point.x - state.start.x, input.point.y - state.start.y);
  if (travelled < DRAG_THRESHOLD) return still(state);
  const hit = state.hit;
  const base = { pointerId: state.pointerId, startScene: state.startScene };
  if (
    hit !== null &&
    (hit.kind === "device" || (hit.kind === "namespace" && input.mode === "connect"))
  ) {
    return {
      state: { kind: "connecting", ...base, from: hit },
      actions: [{ kind: "link", from: hit, to: input.scene }],
    };
  }
  if (hit !== null && hit.kind === "namespace") {
    const selected = input.selection.includes(hit.key);
    const keys = selected ? input.selection.filter((id) => isNamespaceId(id)) : [hit.key];
    const dx = input.scene.x - state.startScene.x;
    const dy = input.scene.y - state.startScene.y;
    const pick: ToolAction[] = selected
      ? []
      : [{ kind: "select", ids: [hit.key], toggle: state.shift }];
    const moved =
      selected || !state.shift ? keys : [...input.selection.filter(isNamespaceId), hit.key];
    return {
      state: { kind: "moving", ...base, keys: moved },
      actions: [...pick, { kind: "drag", keys: moved, dx, dy }],
    };
  }
  if (state.shift) {
    return {
      state: { kind: "boxing", ...base, shift: true },
      actions: [{ kind: "band", rect: bandBetween(state.startScene, input.scene) }],
    };
  }
  return panned(
    state.pointerId,
    { kind: "dragging", pointerId: state.pointerId, last: state.start },
    input,
  );
}

/** Dragging the background is the pan/zoom tool's pan. */
function panned(pointerId: number, pan: PanState, input: ToolInput): ToolStep {
  const step = onPointer(pan, input);
  const actions: ToolAction[] = step.action === null ? [] : [{ kind: "view", action: step.action }];
  return {
    state:
      step.state.kind === "idle" ? SELECT_IDLE : { kind: "panning", pointerId, pan: step.state },
    actions,
  };
}

/** A click: picks the thing (Shift toggles it in the selection), or clears the selection on empty space. */
function click(hit: Hit | null, shift: boolean): ToolAction {
  const id = hitId(hit);
  if (id === null) return { kind: "select", ids: [], toggle: shift };
  return { kind: "select", ids: [id], toggle: shift };
}

/** Whether a selection id names a namespace box ("host1/ns1": one slash), not a device or link. */
export function isNamespaceId(id: string): boolean {
  return !id.includes(":") && id.split("/").length === 2;
}

/** The selection after a select action. */
export function nextSelection(
  selection: readonly string[],
  ids: readonly string[],
  toggle: boolean,
): string[] {
  if (!toggle) return [...ids];
  const next = selection.filter((id) => !ids.includes(id));
  for (const id of ids) if (!selection.includes(id)) next.push(id);
  return next;
}
