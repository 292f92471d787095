/** Tests the pan and zoom math: fitting, zooming about a point, the zoom limits and keeping the scene in sight. */
import { describe, expect, it } from "vitest";
import {
  clampView,
  fitScale,
  fitView,
  FOLLOW_MARGIN,
  followView,
  MAX_SCALE,
  MIN_FIT_SCALE,
  minScale,
  panView,
  resizeView,
  toScene,
  toScreen,
  zoomAround,
  ZOOM_STEP,
} from "./viewport";

const canvas = { width: 800, height: 400 };
const small = { width: 800, height: 400 };
const big = { width: 3200, height: 1600 };

describe("fit", () => {
  it("shows a scene that fits at scale 1, centred", () => {
    expect(fitView(small, canvas)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(fitView({ width: 400, height: 200 }, canvas)).toEqual({ scale: 1, x: 200, y: 100 });
  });

  it("shrinks a slightly bigger scene to fit it whole", () => {
    const view = fitView({ width: 1000, height: 400 }, canvas);
    expect(view.scale).toBeCloseTo(0.8);
    expect(view.x).toBeCloseTo(0);
    expect(view.y).toBeCloseTo(40);
  });

  it("never shrinks below the readable scale, showing the scene's left part, half way down", () => {
    expect(fitScale(big, canvas)).toBe(MIN_FIT_SCALE);
    const view = fitView(big, canvas);
    expect(toScene(view, { x: 0, y: canvas.height / 2 })).toEqual({ x: 0, y: big.height / 2 });
  });
});

describe("zoom", () => {
  it("keeps the scene point under the pointer still", () => {
    const view = fitView(big, canvas);
    const pointer = { x: 300, y: 120 };
    const before = toScene(view, pointer);
    const zoomed = zoomAround(view, ZOOM_STEP, pointer, big, canvas);
    expect(zoomed.scale).toBeCloseTo(MIN_FIT_SCALE * ZOOM_STEP);
    const after = toScene(zoomed, pointer);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("stops at the largest zoom", () => {
    const view = zoomAround(fitView(small, canvas), 100, { x: 400, y: 200 }, small, canvas);
    expect(view.scale).toBe(MAX_SCALE);
  });

  it("zooms out no further than the whole scene, or the readable scale if that is smaller", () => {
    expect(minScale(big, canvas)).toBeCloseTo(0.25);
    expect(zoomAround(fitView(big, canvas), 0.01, { x: 0, y: 0 }, big, canvas).scale).toBeCloseTo(
      0.25,
    );
    expect(minScale(small, canvas)).toBe(MIN_FIT_SCALE);
  });
});

describe("pan", () => {
  it("moves the scene with the pointer", () => {
    const view = fitView(big, canvas);
    expect(panView(view, 30, -20, big, canvas)).toEqual({
      scale: view.scale,
      x: view.x + 30,
      y: view.y - 20,
    });
  });

  it("keeps a quarter of the canvas showing scene", () => {
    const view = panView(fitView(big, canvas), 10_000, -10_000, big, canvas);
    expect(view.x).toBe(canvas.width * 0.75);
    expect(view.y).toBe(canvas.height / 4 - big.height * view.scale);
  });

  it("keeps a quarter of a scene smaller than the canvas in sight", () => {
    const tiny = { width: 200, height: 100 };
    const view = clampView({ scale: 1, x: -1000, y: 1000 }, tiny, canvas);
    expect(view).toEqual({ scale: 1, x: 50 - 200, y: 400 - 25 });
  });

  it("keeps the middle of the canvas on the same scene point when the canvas resizes", () => {
    const view = fitView(big, canvas);
    const bigger = { width: 1000, height: 600 };
    const resized = resizeView(view, canvas, bigger, big);
    const before = toScene(view, { x: 400, y: 200 });
    const after = toScene(resized, { x: 500, y: 300 });
    expect(after).toEqual(before);
  });

  it("maps screen and scene points both ways", () => {
    const view = { scale: 0.5, x: 10, y: -20 };
    expect(toScreen(view, toScene(view, { x: 123, y: 45 }))).toEqual({ x: 123, y: 45 });
  });
});

describe("followView", () => {
  const view = { scale: 1.5, x: -400, y: -100 };

  it("does not move when the target is in sight, even close to an edge", () => {
    const nearRightEdge = toScene(view, { x: canvas.width - 12, y: 200 });
    expect(followView(view, nearRightEdge, big, canvas, undefined, 10)).toBeNull();
    expect(
      followView(view, toScene(view, { x: 10, y: 10 }), big, canvas, undefined, 10),
    ).toBeNull();
  });

  it("pans just enough to bring a target beyond the right edge back with the margin", () => {
    const target = toScene(view, { x: canvas.width + 500, y: 200 });
    const next = followView(view, target, big, canvas, undefined, 10);
    expect(next).toEqual({ scale: 1.5, x: view.x - 500 - FOLLOW_MARGIN, y: view.y });
    expect(next && toScreen(next, target)).toEqual({ x: canvas.width - FOLLOW_MARGIN, y: 200 });
  });

  it("moves only the axis the target left the canvas along, left or up as well", () => {
    const left = toScene(view, { x: -30, y: 200 });
    expect(followView(view, left, big, canvas, undefined, 10)).toEqual({
      scale: 1.5,
      x: view.x + 30 + FOLLOW_MARGIN,
      y: view.y,
    });
    const above = toScene(view, { x: 300, y: -5 });
    const next = followView(view, above, big, canvas, undefined, 10, 40);
    expect(next).toEqual({ scale: 1.5, x: view.x, y: view.y + 45 });
  });

  it("counts a target within `inset` of an edge as out of sight", () => {
    const half = toScene(view, { x: 5, y: 200 });
    expect(followView(view, half, big, canvas, undefined, 0)).toBeNull();
    expect(followView(view, half, big, canvas, undefined, 10)?.x).toBe(view.x + FOLLOW_MARGIN - 5);
  });

  it("centres the target on a canvas smaller than two margins", () => {
    const tiny = { width: 80, height: 60 };
    const target = { x: 500, y: 500 };
    const next = followView({ scale: 1, x: 0, y: 0 }, target, big, tiny, undefined, 10);
    expect(next && toScreen(next, target)).toEqual({ x: 40, y: 30 });
  });

  it("keeps the target out from under what covers the canvas's top", () => {
    const visible = { x: 0, y: 50, width: canvas.width, height: canvas.height - 50 };
    const underTheControls = toScene(view, { x: 700, y: 30 });
    expect(followView(view, underTheControls, big, canvas, undefined, 10)).toBeNull();
    const next = followView(view, underTheControls, big, canvas, visible, 10);
    expect(next && toScreen(next, underTheControls)).toEqual({ x: 700, y: 50 + FOLLOW_MARGIN });
  });
});
