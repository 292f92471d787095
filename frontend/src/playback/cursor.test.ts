/** Tests the pure playback cursor. */
import { describe, expect, it } from "vitest";
import { atStart, back, isAtEnd, playToEnd, seek, startOf, step, withLength } from "./cursor";

describe("playback cursor", () => {
  it("starts before the first step", () => {
    const cursor = startOf(3);
    expect(cursor.index).toBe(-1);
    expect(atStart(cursor)).toBe(true);
    expect(isAtEnd(cursor)).toBe(false);
  });

  it("steps to the first step, then onward", () => {
    expect(step(startOf(3)).index).toBe(0);
    expect(step(step(startOf(3))).index).toBe(1);
  });

  it("stays on the last step when stepping past the end", () => {
    const last = seek(startOf(3), 2);
    expect(step(last)).toEqual(last);
    expect(isAtEnd(last)).toBe(true);
  });

  it("steps back", () => {
    expect(back(seek(startOf(3), 2)).index).toBe(1);
  });

  it("stays at -1 when stepping back at the start", () => {
    expect(back(startOf(3)).index).toBe(-1);
    expect(back(seek(startOf(3), 0)).index).toBe(-1);
  });

  it("seeks to a step", () => {
    expect(seek(startOf(5), 3).index).toBe(3);
  });

  it("clamps seeks to the trace", () => {
    expect(seek(startOf(5), 99).index).toBe(4);
    expect(seek(startOf(5), -7).index).toBe(-1);
  });

  it("plays to the end", () => {
    expect(playToEnd(startOf(4)).index).toBe(3);
  });

  it("has nothing to step to in an empty trace", () => {
    const empty = startOf(0);
    expect(step(empty).index).toBe(-1);
    expect(isAtEnd(empty)).toBe(true);
    expect(atStart(empty)).toBe(true);
  });

  it("can step again when steps are appended while at the end", () => {
    const atLast = playToEnd(startOf(2));
    const grown = withLength(atLast, 4);
    expect(grown.index).toBe(1);
    expect(isAtEnd(grown)).toBe(false);
    expect(step(grown).index).toBe(2);
  });

  it("keeps the current step when the trace shrinks below it", () => {
    expect(withLength(seek(startOf(5), 4), 2).index).toBe(1);
  });
});
