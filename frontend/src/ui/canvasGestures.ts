/** Owns the canvas's input wiring: pointer presses, drags and double clicks on the stage fed through the select tool, wheel turns and the zoom keys through the pan/zoom tool, the editing keys, and the follow rule for the user's view changes. */
import { boxesWithin, type Hit } from "../geometry/hitTest";
import type { Point } from "../geometry/path";
import type { TopologyCanvas } from "../render/canvas";
import { editKey, type EditKeyAction } from "../tools/editKeys";
import { followingAfter } from "../tools/follow";
import { keyAction, wheelAction, type ViewAction } from "../tools/panZoom";
import {
  onToolPointer,
  SELECT_IDLE,
  type SelectState,
  type ToolAction,
  type ToolInput,
  type ToolMode,
} from "../tools/select";

/** What the select tool's actions reach beyond the canvas: the selection, places and edits. */
export interface EditHost {
  selection(): readonly string[];
  mode(): ToolMode;
  select(ids: readonly string[], toggle: boolean): void;
  /** Boxes dropped at new centres, from the centres they had (scene coordinates, by namespace key). */
  moved(places: ReadonlyMap<string, Point>, from: ReadonlyMap<string, Point>): void;
  connect(from: Hit, to: Hit | null): void;
  /** A double click on a device asks to rename it. */
  rename(id: string): void;
  /** A double click on a namespace box expands or collapses its netfilter pipeline. */
  expand(key: string): void;
  /** Carries out an editing key; false when there was nothing to do and the browser keeps it. */
  key(action: EditKeyAction): boolean;
}

/**
 * Applies a gesture's or a button's view action to the canvas; a pan or zoom made while a trace
 * is `playing` turns following off.
 */
export function applyViewAction(
  canvas: TopologyCanvas,
  action: ViewAction,
  playing: boolean,
): void {
  canvas.setFollowing(followingAfter(canvas.isFollowing(), action, playing));
  switch (action.kind) {
    case "pan":
      canvas.panBy(action.dx, action.dy);
      return;
    case "zoom":
      canvas.zoomBy(action.factor, action.anchor);
      return;
    case "fit":
      canvas.fit();
      return;
  }
}

/** Carries out one of the select tool's actions on the canvas and the host. */
function applyToolAction(
  canvas: TopologyCanvas,
  host: EditHost,
  action: ToolAction,
  playing: boolean,
): void {
  switch (action.kind) {
    case "select":
      host.select(action.ids, action.toggle);
      return;
    case "view":
      applyViewAction(canvas, action.action, playing);
      return;
    case "drag":
      canvas.dragBoxes(action.keys, action.dx, action.dy);
      return;
    case "drop": {
      const places = new Map<string, Point>();
      const from = new Map<string, Point>();
      for (const key of action.keys) {
        const at = canvas.movedCentre(key, action.dx, action.dy);
        const was = canvas.movedCentre(key, 0, 0);
        if (at !== null) places.set(key, at);
        if (was !== null) from.set(key, was);
      }
      canvas.endDrag();
      if (action.dx !== 0 || action.dy !== 0) host.moved(places, from);
      return;
    }
    case "band":
      canvas.showBand(action.rect);
      return;
    case "bandEnd": {
      canvas.showBand(null);
      const scene = canvas.currentScene();
      if (scene !== null) host.select(boxesWithin(scene, action.rect), action.add);
      return;
    }
    case "link":
      canvas.showLink(action.from.kind === "host" ? null : action.from.key, action.to);
      return;
    case "connect":
      host.connect(action.from, action.to);
      return;
    case "clear":
      canvas.showBand(null);
      canvas.showLink(null, null);
      canvas.endDrag();
      return;
  }
}

/** Wires pointer gestures, double clicks and the wheel on the stage, and the zoom and editing keys on the page, to the canvas and the host; returns the undo. */
export function attachGestures(
  stage: HTMLDivElement,
  canvas: TopologyCanvas,
  isPlaying: () => boolean,
  host: EditHost,
): () => void {
  let state: SelectState = SELECT_IDLE;
  const at = (event: MouseEvent): Point => {
    const bounds = stage.getBoundingClientRect();
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
  };
  const pointer =
    (type: ToolInput["type"]) =>
    (event: PointerEvent): void => {
      const point = at(event);
      const step = onToolPointer(state, {
        type,
        pointerId: event.pointerId,
        button: event.button,
        shift: event.shiftKey,
        point,
        scene: canvas.sceneAt(point),
        hit:
          type === "move" && state.kind !== "pressed" && state.kind !== "connecting"
            ? null
            : canvas.hitAt(point),
        selection: host.selection(),
        mode: host.mode(),
      });
      if (state.kind === "idle" && step.state.kind !== "idle")
        stage.setPointerCapture(event.pointerId);
      stage.classList.toggle("panning", step.state.kind === "panning");
      stage.classList.toggle("moving", step.state.kind === "moving");
      state = step.state;
      for (const action of step.actions) applyToolAction(canvas, host, action, isPlaying());
    };
  const down = pointer("down");
  const move = pointer("move");
  const up = pointer("up");
  const cancel = pointer("cancel");
  const doubleClick = (event: MouseEvent): void => {
    const hit = canvas.hitAt(at(event));
    if (hit?.kind === "device") host.rename(hit.key);
    else if (hit?.kind === "namespace") host.expand(hit.key);
  };
  const wheel = (event: WheelEvent): void => {
    event.preventDefault();
    applyViewAction(canvas, wheelAction(event.deltaY, event.deltaMode, at(event)), isPlaying());
  };
  const key = (event: KeyboardEvent): void => {
    const targetTag = event.target instanceof Element ? event.target.tagName : "BODY";
    const press = {
      key: event.key,
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      targetTag,
    };
    const edit = editKey(press);
    if (edit !== null) {
      if (host.key(edit)) event.preventDefault();
      return;
    }
    const action = keyAction(press);
    if (action === null) return;
    event.preventDefault();
    applyViewAction(canvas, action, isPlaying());
  };
  stage.addEventListener("pointerdown", down);
  stage.addEventListener("pointermove", move);
  stage.addEventListener("pointerup", up);
  stage.addEventListener("pointercancel", cancel);
  stage.addEventListener("dblclick", doubleClick);
  stage.addEventListener("wheel", wheel, { passive: false });
  document.addEventListener("keydown", key);
  return () => {
    stage.removeEventListener("pointerdown", down);
    stage.removeEventListener("pointermove", move);
    stage.removeEventListener("pointerup", up);
    stage.removeEventListener("pointercancel", cancel);
    stage.removeEventListener("dblclick", doubleClick);
    stage.removeEventListener("wheel", wheel);
    document.removeEventListener("keydown", key);
  };
}
