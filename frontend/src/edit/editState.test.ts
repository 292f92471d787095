/** Tests the edit state: the log, the undo and redo stacks, and refusals shown next to their thing. */
import { describe, expect, it } from "vitest";
import type { EditResultMessage } from "../protocol/protocol";
import {
  editAnswered,
  editSent,
  moveMade,
  moveReversed,
  NO_EDITS,
  type EditState,
} from "./editState";

const ROOT = { host: "host1", netns: "" };

function result(
  requestId: string,
  applied: boolean,
  undo: string[],
  error: string | null = null,
): EditResultMessage {
  return {
    v: 2,
    type: "editResult",
    requestId,
    label: "deleted ns2",
    applied,
    commands: [
      {
        netns: ROOT,
        line: "ip netns del ns2",
        exit: applied ? 0 : 1,
        stdout: "",
        stderr: error ?? "",
      },
    ],
    undo: undo.map((line) => ({ netns: ROOT, line })),
    error,
  };
}

function sent(state: EditState, id: string, mode: "do" | "undo" | "redo"): EditState {
  const reversal =
    mode === "do" ? null : ((mode === "undo" ? state.undo : state.redo).at(-1) ?? null);
  return editSent(state, id, { mode, label: "deleted ns2", target: "host1/ns2", reversal });
}

describe("edit state", () => {
  it("logs an applied edit and keeps its reversal for undo; undo moves it to redo and back", () => {
    let state = sent(NO_EDITS, "e1", "do");
    state = editAnswered(state, result("e1", true, ["ip netns add ns2"]));
    expect(state.log.map((entry) => entry.applied)).toEqual([true]);
    expect(state.undo).toEqual([
      { label: "deleted ns2", commands: [{ netns: ROOT, line: "ip netns add ns2" }] },
    ]);

    state = sent(state, "e2", "undo");
    expect(state.undo).toEqual([]);
    state = editAnswered(state, result("e2", true, ["ip netns del ns2"]));
    expect(state.redo.map((reversal) => reversal.label)).toEqual(["deleted ns2"]);

    state = sent(state, "e3", "redo");
    state = editAnswered(state, result("e3", true, ["ip netns add ns2"]));
    expect(state.redo).toEqual([]);
    expect(state.undo).toHaveLength(1);
  });

  it("shows a refusal next to its thing and keeps the stacks as they were", () => {
    let state = sent(NO_EDITS, "e1", "do");
    state = editAnswered(state, result("e1", true, ["ip netns add ns2"]));
    state = sent(state, "e2", "undo");
    state = editAnswered(state, result("e2", false, [], "Cannot create namespace file"));
    expect(state.refusal).toEqual({ target: "host1/ns2", message: "Cannot create namespace file" });
    expect(state.undo).toHaveLength(1);
    expect(state.log.at(-1)?.applied).toBe(false);
    expect(state.pending.size).toBe(0);
  });

  it("starts a new edit with an empty redo stack", () => {
    let state = sent(NO_EDITS, "e1", "do");
    state = editAnswered(state, result("e1", true, ["ip netns add ns2"]));
    state = sent(state, "e2", "undo");
    state = editAnswered(state, result("e2", true, ["ip netns del ns2"]));
    state = sent(state, "e3", "do");
    state = editAnswered(state, result("e3", true, ["x"]));
    expect(state.redo).toEqual([]);
  });
});

describe("moves", () => {
  const at = (x: number, y: number) => new Map([["host1/ns1", { x, y }]]);

  it("puts a move's way back on the undo stack and drops what could be redone", () => {
    const withRedo: EditState = { ...NO_EDITS, redo: [{ label: "x", commands: [] }] };
    const moved = moveMade(withRedo, { label: "moved ns1", commands: [], places: at(1, 2) });
    expect(moved.undo.map((r) => r.label)).toEqual(["moved ns1"]);
    expect(moved.redo).toEqual([]);
  });

  it("swaps a move between the stacks on undo and redo, keeping the places it came from", () => {
    const moved = moveMade(NO_EDITS, { label: "moved ns1", commands: [], places: at(1, 2) });
    const undone = moveReversed(moved, "undo", {
      label: "moved ns1",
      commands: [],
      places: at(5, 6),
    });
    expect(undone.undo).toEqual([]);
    expect(undone.redo[0]?.places).toEqual(at(5, 6));
    const redone = moveReversed(undone, "redo", {
      label: "moved ns1",
      commands: [],
      places: at(1, 2),
    });
    expect(redone.redo).toEqual([]);
    expect(redone.undo[0]?.places).toEqual(at(1, 2));
  });
});
