/** Owns the canvas's input wiring: pointer drags and wheel turns on the stage and the zoom keys on the page, fed through the pan/zoom tool to the canvas, and the follow rule for the user's view changes. */
import type { TopologyCanvas } from "../render/canvas";
import { followingAfter } from "../tools/follow";
import {
  IDLE,
  keyAction,
  onPointer,
  wheelAction,
  type PanState,
  type PointerInput,
  type ViewAction,
} from "../tools/panZoom";

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

/** Wires pointer drags and the wheel on the stage, and the zoom keys on the page, to the canvas; returns the undo. */
export function attachGestures(
  stage: HTMLDivElement,
  canvas: TopologyCanvas,
  isPlaying: () => boolean,
): () => void {
  let state: PanState = IDLE;
  const pointer =
    (type: PointerInput["type"]) =>
    (event: PointerEvent): void => {
      const bounds = stage.getBoundingClientRect();
      const step = onPointer(state, {
        type,
        pointerId: event.pointerId,
        button: event.button,
        point: { x: event.clientX - bounds.left, y: event.clientY - bounds.top },
      });
      if (step.state.kind === "dragging" && state.kind === "idle") {
        stage.setPointerCapture(event.pointerId);
        stage.classList.add("panning");
      } else if (step.state.kind === "idle" && state.kind === "dragging") {
        stage.classList.remove("panning");
      }
      state = step.state;
      if (step.action !== null) applyViewAction(canvas, step.action, isPlaying());
    };
  const down = pointer("down");
  const move = pointer("move");
  const up = pointer("up");
  const cancel = pointer("cancel");
  const wheel = (event: WheelEvent): void => {
    event.preventDefault();
    const bounds = stage.getBoundingClientRect();
    const point = { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
    applyViewAction(canvas, wheelAction(event.deltaY, event.deltaMode, point), isPlaying());
  };
  const key = (event: KeyboardEvent): void => {
    const targetTag = event.target instanceof Element ? event.target.tagName : "BODY";
    const action = keyAction({
      key: event.key,
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      targetTag,
    });
    if (action === null) return;
    event.preventDefault();
    applyViewAction(canvas, action, isPlaying());
  };
  stage.addEventListener("pointerdown", down);
  stage.addEventListener("pointermove", move);
  stage.addEventListener("pointerup", up);
  stage.addEventListener("pointercancel", cancel);
  stage.addEventListener("wheel", wheel, { passive: false });
  document.addEventListener("keydown", key);
  return () => {
    stage.removeEventListener("pointerdown", down);
    stage.removeEventListener("pointermove", move);
    stage.removeEventListener("pointerup", up);
    stage.removeEventListener("pointercancel", cancel);
    stage.removeEventListener("wheel", wheel);
    document.removeEventListener("keydown", key);
  };
}
