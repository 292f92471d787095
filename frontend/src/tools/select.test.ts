/** Tests the select tool's state machine: clicks, Shift, moving boxes, bands, links and panning. */
import { describe, expect, it } from "vitest";
import type { Hit } from "../geometry/hitTest";
import {
  isNamespaceId,
  nextSelection,
  onToolPointer,
  SELECT_IDLE,
  type SelectState,
  type ToolAction,
  type ToolInput,
} from "./select";

const NS1: Hit = { kind: "namespace", key: "host1/ns1" };
const NS2: Hit = { kind: "namespace", key: "host1/ns2" };
const VETH1: Hit = { kind: "device", key: "host1/ns1/veth1", namespaceKey: "host1/ns1" };

function input(
  type: ToolInput["type"],
  x: number,
  y: number,
  extra: Partial<ToolInput> = {},
): ToolInput {
  return {
    type,
    pointerId: 1,
    button: 0,
    shift: false,
    point: { x, y },
    scene: { x: x / 2, y: y / 2 },
    hit: null,
    selection: [],
    mode: "select",
    ...extra,
  };
}

/** Runs the inputs from idle; the final state and every action made. */
function run(inputs: readonly ToolInput[]): { state: SelectState; actions: ToolAction[] } {
  let state: SelectState = SELECT_IDLE;
  const actions: ToolAction[] = [];
  for (const event of inputs) {
    const step = onToolPointer(state, event);
    state = step.state;
    actions.push(...step.actions);
  }
  return { state, actions };
}

describe("the select tool", () => {
  it("selects the namespace clicked", () => {
    const { state, actions } = run([input("down", 10, 10, { hit: NS1 }), input("up", 11, 10)]);
    expect(state).toBe(SELECT_IDLE);
    expect(actions).toEqual([{ kind: "select", ids: ["host1/ns1"], toggle: false }]);
  });

  it("toggles with Shift and clears on empty space", () => {
    const shifted = run([input("down", 10, 10, { hit: NS2, shift: true }), input("up", 10, 10)]);
    expect(shifted.actions).toEqual([{ kind: "select", ids: ["host1/ns2"], toggle: true }]);
    const empty = run([input("down", 10, 10), input("up", 10, 10)]);
    expect(empty.actions).toEqual([{ kind: "select", ids: [], toggle: false }]);
  });

  it("moves every selected box when a selected one is dragged, in scene units, and drops them", () => {
    const selection = ["host1/ns1", "host1/ns2", "host1/ns1/veth1"];
    const { state, actions } = run([
      input("down", 100, 100, { hit: NS1, selection }),
      input("move", 120, 100, { selection }),
      input("move", 140, 110, { selection }),
      input("up", 140, 110, { selection }),
    ]);
    expect(state).toBe(SELECT_IDLE);
    expect(actions).toEqual([
      { kind: "drag", keys: ["host1/ns1", "host1/ns2"], dx: 10, dy: 0 },
      { kind: "drag", keys: ["host1/ns1", "host1/ns2"], dx: 20, dy: 5 },
      { kind: "drop", keys: ["host1/ns1", "host1/ns2"], dx: 20, dy: 5 },
    ]);
  });

  it("selects an unselected box it starts to move, and moves only it", () => {
    const { actions } = run([
      input("down", 100, 100, { hit: NS2, selection: ["host1/ns1"] }),
      input("move", 100, 120, { selection: ["host1/ns1"] }),
    ]);
    expect(actions).toEqual([
      { kind: "select", ids: ["host1/ns2"], toggle: false },
      { kind: "drag", keys: ["host1/ns2"], dx: 0, dy: 10 },
    ]);
  });

  it("treats a press that barely moves as a click", () => {
    const { actions } = run([
      input("down", 100, 100, { hit: NS1 }),
      input("move", 102, 101),
      input("up", 102, 101),
    ]);
    expect(actions).toEqual([{ kind: "select", ids: ["host1/ns1"], toggle: false }]);
  });

  it("draws a band with Shift on the background and takes what it holds", () => {
    const { actions } = run([
      input("down", 0, 0, { shift: true }),
      input("move", 40, 20),
      input("up", 60, 40),
    ]);
    expect(actions).toEqual([
      { kind: "band", rect: { x: 0, y: 0, width: 20, height: 10 } },
      { kind: "bandEnd", rect: { x: 0, y: 0, width: 30, height: 20 }, add: true },
    ]);
  });

  it("pans when the background is dragged without Shift", () => {
    const { actions } = run([
      input("down", 0, 0),
      input("move", 10, 0),
      input("move", 15, 5),
      input("up", 15, 5),
    ]);
    expect(actions).toEqual([
      { kind: "view", action: { kind: "pan", dx: 10, dy: 0 } },
      { kind: "view", action: { kind: "pan", dx: 5, dy: 5 } },
    ]);
  });

  it("draws a link from a device and connects it to what it is dropped on", () => {
    const { actions } = run([
      input("down", 0, 0, { hit: VETH1 }),
      input("move", 50, 0),
      input("up", 80, 0, { hit: NS2 }),
    ]);
    expect(actions).toEqual([
      { kind: "link", from: VETH1, to: { x: 25, y: 0 } },
      { kind: "clear" },
      { kind: "connect", from: VETH1, to: NS2 },
    ]);
  });

  it("in connect mode draws a link from a box instead of moving it", () => {
    const { actions } = run([
      input("down", 0, 0, { hit: NS1, mode: "connect" }),
      input("move", 50, 0, { mode: "connect" }),
    ]);
    expect(actions).toEqual([{ kind: "link", from: NS1, to: { x: 25, y: 0 } }]);
  });

  it("ignores other pointers and buttons, and a cancel clears what was drawn", () => {
    expect(run([input("down", 0, 0, { button: 2 })]).state).toBe(SELECT_IDLE);
    const { state, actions } = run([
      input("down", 0, 0, { hit: NS1 }),
      input("move", 50, 0, { pointerId: 2 }),
      input("move", 50, 0),
      input("cancel", 50, 0),
    ]);
    expect(state).toBe(SELECT_IDLE);
    expect(actions.at(-1)).toEqual({ kind: "clear" });
  });
});

describe("selection helpers", () => {
  it("tells namespace ids from device and link ids", () => {
    expect(isNamespaceId("host1/ns1")).toBe(true);
    expect(isNamespaceId("host1/")).toBe(true);
    expect(isNamespaceId("host1/ns1/veth1")).toBe(false);
    expect(isNamespaceId("veth:host1/ns1/veth1:host1/ns2/veth2")).toBe(false);
  });

  it("replaces, or toggles ids in and out", () => {
    expect(nextSelection(["a"], ["b"], false)).toEqual(["b"]);
    expect(nextSelection(["a", "b"], ["b", "c"], true)).toEqual(["a", "c"]);
  });
});
