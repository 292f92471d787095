// @vitest-environment jsdom
/** Tests the frame statistics (each layer's draws and draw time counted apart, and together) and the view: pan and zoom move both layers as one and redraw them without repainting the scene. */
import Konva from "konva/lib/Core";
import { Layer } from "konva/lib/Layer";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_SCALE, MIN_FIT_SCALE, ZOOM_STEP } from "../geometry/viewport";
import { namespacesOnABridge } from "../testing/bigLabs";
import { podsOnABridge, twoNamespaces } from "../testing/labs";
import { createFrameStats, recordDraw, TopologyCanvas, type ViewState } from "./canvas";

const NO_STEP = { step: null, previous: null, tweenMs: 0 };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("recordDraw", () => {
  it("adds each draw to its own layer's total and max, and to the combined ones", () => {
    const stats = createFrameStats();
    recordDraw(stats, "static", 5);
    recordDraw(stats, "overlay", 1);
    recordDraw(stats, "overlay", 2);
    recordDraw(stats, "static", 3);

    expect(stats).toEqual({
      staticDraws: 2,
      overlayDraws: 2,
      tweenFrames: 0,
      totalDrawMs: 11,
      maxDrawMs: 5,
      staticTotalDrawMs: 8,
      staticMaxDrawMs: 5,
      overlayTotalDrawMs: 3,
      overlayMaxDrawMs: 2,
    });
  });
});

describe("TopologyCanvas frame statistics", () => {
  it("counts a topology change's time to the static layer and a step's to the overlay", () => {
    const draws = fakeLayerDraws();
    const stats = createFrameStats();
    const canvas = new TopologyCanvas(
      document.createElement("div"),
      { width: 800, height: 600 },
      stats,
    );
    draws.push(7, 2, 3); // after the stage's own draw of each layer as it is added

    canvas.setTopology(podsOnABridge(3)); // static (7 ms), then the overlay over it (2 ms)
    canvas.showStep(NO_STEP); // the overlay alone (3 ms)
    canvas.destroy();

    expect(draws).toEqual([]);
    expect(stats).toMatchObject({
      staticDraws: 1,
      staticTotalDrawMs: 7,
      staticMaxDrawMs: 7,
      overlayDraws: 2,
      overlayTotalDrawMs: 5,
      overlayMaxDrawMs: 3,
      totalDrawMs: 12,
      maxDrawMs: 7,
    });
  });
});

describe("TopologyCanvas view", () => {
  function setUp(topology = namespacesOnABridge(30)) {
    fakeLayerDraws();
    const frames = fakeAnimationFrames();
    const stats = createFrameStats();
    const views: ViewState[] = [];
    const canvas = new TopologyCanvas(
      document.createElement("div"),
      { width: 816, height: 365 },
      stats,
      (view) => views.push(view),
    );
    canvas.setTopology(topology);
    const stage = Konva.stages[Konva.stages.length - 1];
    const layers = stage?.getLayers() ?? [];
    return { canvas, stats, views, frames, layers, last: () => views[views.length - 1] };
  }

  it("fits the small lab at scale 1 and the 32-namespace lab at the readable minimum", () => {
    const small = setUp(twoNamespaces);
    expect(small.last()).toMatchObject({ scale: 1, fitted: true, canZoomIn: true });
    small.canvas.destroy();
    const big = setUp();
    expect(big.last()).toMatchObject({ scale: MIN_FIT_SCALE, fitted: true, canZoomOut: true });
    big.canvas.destroy();
  });

  it("moves both layers as one and redraws them once on the next frame, keeping the painted shapes", () => {
    const { canvas, stats, frames, layers } = setUp();
    const shapes = layers.map((layer) => layer.getChildren());
    const before = { ...stats };

    canvas.zoomBy(ZOOM_STEP, { x: 100, y: 100 });
    canvas.panBy(20, -10);
    expect(stats.staticDraws).toBe(before.staticDraws);
    frames.run();

    expect(stats.staticDraws).toBe(before.staticDraws + 1);
    expect(stats.overlayDraws).toBe(before.overlayDraws + 1);
    const [staticLayer, overlayLayer] = layers;
    expect(staticLayer?.scaleX()).toBeCloseTo(MIN_FIT_SCALE * ZOOM_STEP);
    expect(overlayLayer?.getAbsoluteTransform().getMatrix()).toEqual(
      staticLayer?.getAbsoluteTransform().getMatrix(),
    );
    layers.forEach((layer, index) => expect(layer.getChildren()).toEqual(shapes[index]));
    canvas.destroy();
  });

  it("tells the controls the zoom, its limits and whether the view is fitted", () => {
    const { canvas, frames, last } = setUp(twoNamespaces);
    canvas.zoomBy(100);
    expect(last()).toMatchObject({ scale: MAX_SCALE, fitted: false, canZoomIn: false });
    canvas.fit();
    frames.run();
    expect(last()).toMatchObject({ scale: 1, fitted: true, canZoomIn: true });
    canvas.destroy();
  });

  it("keeps a fitted view fitted when the topology changes, and a zoomed one where it is", () => {
    const { canvas, last } = setUp(twoNamespaces);
    canvas.setTopology(namespacesOnABridge(30));
    expect(last()).toMatchObject({ scale: MIN_FIT_SCALE, fitted: true });
    canvas.zoomBy(ZOOM_STEP);
    const zoomed = last();
    canvas.setTopology(namespacesOnABridge(31));
    expect(last()).toMatchObject({ scale: zoomed?.scale, fitted: false });
    canvas.destroy();
  });

  it("does not draw the static layer when steps are shown", () => {
    const { canvas, stats, frames } = setUp();
    const before = stats.staticDraws;
    canvas.showStep(NO_STEP);
    frames.run();
    expect(stats.staticDraws).toBe(before);
    canvas.destroy();
  });
});

/** Queues requestAnimationFrame callbacks until `run` calls them. */
function fakeAnimationFrames(): { run: () => void } {
  let queue: FrameRequestCallback[] = [];
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queue.push(callback);
    return queue.length;
  });
  vi.stubGlobal("cancelAnimationFrame", () => undefined);
  return {
    run: () => {
      const due = queue;
      queue = [];
      due.forEach((callback) => callback(performance.now()));
    },
  };
}

/**
 * Makes each layer draw take the next of the returned queue's durations (ms, then 0) on a fake
 * clock, without painting: jsdom has no 2D context, so Konva gets one that does nothing.
 */
function fakeLayerDraws(): number[] {
  const remaining: number[] = [];
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => now);
  vi.spyOn(Layer.prototype, "draw").mockImplementation(function (this: Layer) {
    now += remaining.shift() ?? 0;
    return this;
  });
  const context: Record<PropertyKey, unknown> = {
    measureText: () => ({ width: 10 }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
  };
  const inert = new Proxy(context, {
    get: (target, name) => (name in target ? target[name] : () => undefined),
    set: () => true,
  });
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(inert as never);
  return remaining;
}
