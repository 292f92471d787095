/** Tests the pan and zoom gestures: dragging pans, the wheel zooms about the pointer, and the zoom keys. */
import { describe, expect, it } from "vitest";
import { ZOOM_STEP } from "../geometry/viewport";
import * as gestures from "./panZoom";
import type { PanState, PointerInput } from "./panZoom";

function drive(inputs: readonly PointerInput[]): { state: PanState; pans: [number, number][] } {
  let state = gestures.IDLE;
  const pans: [number, number][] = [];
  for (const input of inputs) {
    const step = gestures.onPointer(state, input);
    state = step.state;
    if (step.action?.kind === "pan") pans.push([step.action.dx, step.action.dy]);
  }
  return { state, pans };
}

const at = (
  type: PointerInput["type"],
  x: number,
  y: number,
  pointerId = 1,
  button = 0,
): PointerInput => ({ type, pointerId, button, point: { x, y } });

describe("dragging the background", () => {
  it("pans by each move while the primary button is down, then stops", () => {
    const { state, pans } = drive([
      at("move", 0, 0),
      at("down", 10, 10),
      at("move", 15, 8),
      at("move", 15, 8),
      at("move", 25, 18),
      at("up", 25, 18),
      at("move", 40, 40),
    ]);
    expect(pans).toEqual([
      [5, -2],
      [10, 10],
    ]);
    expect(state).toBe(gestures.IDLE);
  });

  it("ignores other buttons and other pointers", () => {
    expect(drive([at("down", 0, 0, 1, 2), at("move", 9, 9)]).pans).toEqual([]);
    const { pans, state } = drive([at("down", 0, 0, 1), at("move", 9, 9, 2), at("up", 9, 9, 2)]);
    expect(pans).toEqual([]);
    expect(state.kind).toBe("dragging");
  });

  it("stops when the pointer is cancelled", () => {
    expect(drive([at("down", 0, 0), at("cancel", 0, 0), at("move", 5, 5)])).toEqual({
      state: gestures.IDLE,
      pans: [],
    });
  });
});

describe("the wheel", () => {
  it("zooms in on scrolling up and out on scrolling down, about the pointer", () => {
    const pointer = { x: 40, y: 50 };
    const up = gestures.wheelAction(-100, 0, pointer);
    const down = gestures.wheelAction(100, 0, pointer);
    expect(up).toMatchObject({ kind: "zoom", anchor: pointer });
    expect(up.kind === "zoom" && up.factor).toBeGreaterThan(1);
    expect(down.kind === "zoom" && down.factor).toBeCloseTo(
      1 / (up.kind === "zoom" ? up.factor : 1),
    );
  });

  it("counts lines as pixels and at most doubles per event", () => {
    const lines = gestures.wheelAction(-3, 1, { x: 0, y: 0 });
    const pixels = gestures.wheelAction(-48, 0, { x: 0, y: 0 });
    expect(lines).toEqual(pixels);
    expect(gestures.wheelAction(-100_000, 0, { x: 0, y: 0 })).toMatchObject({ factor: 2 });
  });
});

describe("zoom keys", () => {
  const press = (key: string, overrides: Partial<Parameters<typeof gestures.keyAction>[0]> = {}) =>
    gestures.keyAction({
      key,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      targetTag: "BODY",
      ...overrides,
    });

  it("zooms in with + or =, out with − or _, and fits with 0", () => {
    expect(press("+")).toEqual({ kind: "zoom", factor: ZOOM_STEP, anchor: null });
    expect(press("=")).toEqual({ kind: "zoom", factor: ZOOM_STEP, anchor: null });
    expect(press("-")).toEqual({ kind: "zoom", factor: 1 / ZOOM_STEP, anchor: null });
    expect(press("_")).toEqual({ kind: "zoom", factor: 1 / ZOOM_STEP, anchor: null });
    expect(press("0")).toEqual({ kind: "fit" });
    expect(press("a")).toBeNull();
  });

  it("leaves the browser's zoom and typing alone", () => {
    expect(press("+", { ctrlKey: true })).toBeNull();
    expect(press("-", { metaKey: true })).toBeNull();
    expect(press("0", { altKey: true })).toBeNull();
    expect(press("0", { targetTag: "INPUT" })).toBeNull();
    expect(press("-", { targetTag: "TEXTAREA" })).toBeNull();
  });
});
