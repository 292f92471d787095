/** Owns the pure pan and zoom math of the canvas: which part of the laid-out scene the canvas shows, fitting it, zooming about a point and keeping it in sight. */
import type { Point, Size } from "./path";

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
