/** Owns the pure pan and zoom math of the canvas: which part of the laid-out scene the canvas shows, fitting it, zooming about a point and keeping it in sight. */
import type { Point, Rect, Size } from "./path";

/** How the scene maps onto the canvas: screen = scene × scale + (x, y). */
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** "Fit" never shrinks the scene below this: smaller, 12 px port names blur into dots. */
export const MIN_FIT_SCALE = 0.7;
/** "Fit" never enlarges: the layout already fills a canvas the lab fits. */
export const MAX_FIT_SCALE = 1;
/** The largest zoom. */
export const MAX_SCALE = 3;
/** One press of + or −. */
export const ZOOM_STEP = 1.25;

export const IDENTITY_VIEW: View = { scale: 1, x: 0, y: 0 };

/** The scale "Fit" uses: the whole scene if that is readable, else the readable minimum. */
export function fitScale(scene: Size, canvas: Size): number {
  return clamp(wholeSceneScale(scene, canvas), MIN_FIT_SCALE, MAX_FIT_SCALE);
}

/**
 * The scene at {@link fitScale}, centred. A scene too wide for that shows its left part, where
 * a hub's name, its bridge's name and its first namespaces are; one too tall, its middle rows.
 */
export function fitView(scene: Size, canvas: Size): View {
  const scale = fitScale(scene, canvas);
  const centred = centredAt(scale, scene, canvas);
  return { ...centred, x: Math.max(centred.x, 0) };
}

/**
 * The least zoom: just enough to see the whole scene at once, for an overview, but never smaller
 * than a readable scene needs (a scene that fits is never shrunk below {@link MIN_FIT_SCALE}).
 */
export function minScale(scene: Size, canvas: Size): number {
  return Math.min(MIN_FIT_SCALE, wholeSceneScale(scene, canvas));
}

/** Zooms by `factor` (clamped to the zoom limits) keeping the scene point under `anchor` still. */
export function zoomAround(
  view: View,
  factor: number,
  anchor: Point,
  scene: Size,
  canvas: Size,
): View {
  const scale = clamp(view.scale * factor, minScale(scene, canvas), MAX_SCALE);
  const under = toScene(view, anchor);
  return clampView(
    { scale, x: anchor.x - under.x * scale, y: anchor.y - under.y * scale },
    scene,
    canvas,
  );
}

/** Moves the scene by (dx, dy) screen pixels, keeping part of it in sight. */
export function panView(view: View, dx: number, dy: number, scene: Size, canvas: Size): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, scene, canvas);
}

/**
 * Keeps at least a quarter of the canvas (or of the scene, when it is smaller on screen) filled
 * with scene along each axis, so the lab cannot be dragged out of sight.
 */
export function clampView(view: View, scene: Size, canvas: Size): View {
  const axis = (offset: number, sceneLength: number, canvasLength: number): number => {
    const shown = sceneLength * view.scale;
    const keep = Math.min(shown, canvasLength) / 4;
    return clamp(offset, keep - shown, canvasLength - keep);
  };
  return {
    scale: view.scale,
    x: axis(view.x, scene.width, canvas.width),
    y: axis(view.y, scene.height, canvas.height),
  };
}

/** The same scene point stays in the canvas's middle when the canvas changes size. */
export function resizeView(view: View, before: Size, after: Size, scene: Size): View {
  const dx = (after.width - before.width) / 2;
  const dy = (after.height - before.height) / 2;
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, scene, after);
}

/** How far inside the canvas's edge following brings the packet marker, in screen pixels. */
export const FOLLOW_MARGIN = 60;

/**
 * The view that brings the scene point `target` back into sight, or null when it is in sight
 * already: at least `inset` screen pixels inside every edge of `visible` (the part of the canvas
 * nothing covers; `inset` is the marker's radius, so the whole marker shows). Only the axes along
 * which it is out of sight move, each just enough to put it `margin` pixels inside the edge it
 * was beyond (at most half of `visible`, on a tiny canvas); the scale never changes.
 */
export function followView(
  view: View,
  target: Point,
  scene: Size,
  canvas: Size,
  visible: Rect = { x: 0, y: 0, ...canvas },
  inset = 0,
  margin = FOLLOW_MARGIN,
): View | null {
  const axis = (offset: number, at: number, start: number, length: number): number => {
    const onScreen = at * view.scale + offset;
    if (onScreen >= start + inset && onScreen <= start + length - inset) return offset;
    const keep = Math.min(Math.max(margin, inset), length / 2);
    const wanted = onScreen < start + inset ? start + keep : start + length - keep;
    return wanted - at * view.scale;
  };
  const x = axis(view.x, target.x, visible.x, visible.width);
  const y = axis(view.y, target.y, visible.y, visible.height);
  if (x === view.x && y === view.y) return null;
  const next = clampView({ scale: view.scale, x, y }, scene, canvas);
  return next.x === view.x && next.y === view.y ? null : next;
}

/** The scene point shown at a screen point. */
export function toScene(view: View, screen: Point): Point {
  return { x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale };
}

/** The screen point a scene point is shown at. */
export function toScreen(view: View, scene: Point): Point {
  return { x: scene.x * view.scale + view.x, y: scene.y * view.scale + view.y };
}

function wholeSceneScale(scene: Size, canvas: Size): number {
  return Math.min(canvas.width / scene.width, canvas.height / scene.height);
}

function centredAt(scale: number, scene: Size, canvas: Size): View {
  return {
    scale,
    x: (canvas.width - scene.width * scale) / 2,
    y: (canvas.height - scene.height * scale) / 2,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
