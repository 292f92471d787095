/** Tests the follow rule: a pan or zoom during playback turns following off; Fit and paused views leave it. */
import { describe, expect, it } from "vitest";
import { followingAfter } from "./follow";
import type { ViewAction } from "./panZoom";

const pan: ViewAction = { kind: "pan", dx: 5, dy: 0 };
const zoom: ViewAction = { kind: "zoom", factor: 1.25, anchor: null };
const fit: ViewAction = { kind: "fit" };

describe("followingAfter", () => {
  it("turns following off for a pan or zoom made while a trace plays", () => {
    expect(followingAfter(true, pan, true)).toBe(false);
    expect(followingAfter(true, zoom, true)).toBe(false);
  });

  it("leaves following on for a pan or zoom made while paused", () => {
    expect(followingAfter(true, pan, false)).toBe(true);
    expect(followingAfter(true, zoom, false)).toBe(true);
  });

  it("never turns following on: only the toggle does", () => {
    for (const action of [pan, zoom, fit]) {
      expect(followingAfter(false, action, false)).toBe(false);
      expect(followingAfter(false, action, true)).toBe(false);
    }
  });

  it("leaves following as it is for Fit, even while playing", () => {
    expect(followingAfter(true, fit, true)).toBe(true);
  });
});
