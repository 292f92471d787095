// @vitest-environment jsdom
/** Tests how the user's view actions reach the canvas: a manual pan or zoom during playback turns following off. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFrameStats, TopologyCanvas } from "../render/canvas";
import { namespacesOnABridge } from "../testing/bigLabs";
import { fakeAnimationFrames, fakeLayerDraws } from "../testing/konva";
import { applyViewAction } from "./canvasGestures";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function canvas(): TopologyCanvas {
  fakeLayerDraws();
  fakeAnimationFrames();
  const created = new TopologyCanvas(
    document.createElement("div"),
    { width: 816, height: 365 },
    createFrameStats(),
  );
  created.setTopology(namespacesOnABridge(30));
  return created;
}

describe("applyViewAction", () => {
  it("turns following off for a manual pan or zoom while playing, until it is turned on again", () => {
    const panned = canvas();
    applyViewAction(panned, { kind: "pan", dx: -40, dy: 0 }, true);
    expect(panned.isFollowing()).toBe(false);
    applyViewAction(panned, { kind: "fit" }, true);
    expect(panned.isFollowing()).toBe(false);
    panned.setFollowing(true);
    expect(panned.isFollowing()).toBe(true);
    panned.destroy();

    const zoomed = canvas();
    applyViewAction(zoomed, { kind: "zoom", factor: 1.25, anchor: null }, true);
    expect(zoomed.isFollowing()).toBe(false);
    zoomed.destroy();
  });

  it("keeps following on for a pan while paused", () => {
    const paused = canvas();
    applyViewAction(paused, { kind: "pan", dx: -40, dy: 0 }, false);
    expect(paused.isFollowing()).toBe(true);
    paused.destroy();
  });
});
