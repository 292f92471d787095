// @vitest-environment jsdom
/** Tests the frame statistics: each layer's draws and draw time are counted apart, and together. */
import { Layer } from "konva/lib/Layer";
import { afterEach, describe, expect, it, vi } from "vitest";
import { podsOnABridge } from "../testing/labs";
import { createFrameStats, recordDraw, TopologyCanvas } from "./canvas";

const NO_STEP = { step: null, previous: null, tweenMs: 0 };

afterEach(() => {
  vi.restoreAllMocks();
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
