/** Tests the editing keys and that they stay out of the way while typing. */
import { describe, expect, it } from "vitest";
import { editKey, PALETTE_ITEMS, PALETTE_KEYS, type EditKeyPress } from "./editKeys";

const press = (key: string, extra: Partial<EditKeyPress> = {}): EditKeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  targetTag: "BODY",
  ...extra,
});

describe("editKey", () => {
  it("maps Delete, Backspace, F2, Escape, V, C and E", () => {
    expect(editKey(press("Delete"))).toBe("delete");
    expect(editKey(press("Backspace"))).toBe("delete");
    expect(editKey(press("F2"))).toBe("rename");
    expect(editKey(press("Escape"))).toBe("escape");
    expect(editKey(press("v"))).toBe("select-tool");
    expect(editKey(press("C"))).toBe("connect-tool");
    expect(editKey(press("e"))).toBe("expand");
    expect(editKey(press("E"))).toBe("expand");
  });

  it("undoes with Ctrl+Z or Cmd+Z and redoes with Shift or Ctrl+Y", () => {
    expect(editKey(press("z", { ctrlKey: true }))).toBe("undo");
    expect(editKey(press("z", { metaKey: true }))).toBe("undo");
    expect(editKey(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(editKey(press("y", { ctrlKey: true }))).toBe("redo");
  });

  it("copies and pastes with Ctrl+C and Ctrl+V, and tidies with T", () => {
    expect(editKey(press("c", { ctrlKey: true }))).toBe("copy");
    expect(editKey(press("v", { metaKey: true }))).toBe("paste");
    expect(editKey(press("t"))).toBe("tidy");
  });

  it("adds each palette item with its own letter, none taken twice", () => {
    expect(editKey(press("r"))).toEqual({ place: "router" });
    expect(editKey(press("I"))).toEqual({ place: "internet" });
    expect(editKey(press("x"))).toEqual({ place: "vtep" });
    expect(editKey(press("u"))).toEqual({ place: "switch" });
    expect(editKey(press("n"))).toEqual({ place: "namespace" });
    expect(editKey(press("b"))).toEqual({ place: "bridge" });
    expect(editKey(press("h"))).toEqual({ place: "host" });
    const letters = PALETTE_ITEMS.map((item) => PALETTE_KEYS[item]);
    expect(new Set([...letters, "V", "C", "T"]).size).toBe(letters.length + 3);
  });

  it("leaves keys alone while typing, and with Alt", () => {
    expect(editKey(press("Delete", { targetTag: "INPUT" }))).toBeNull();
    expect(editKey(press("z", { ctrlKey: true, targetTag: "TEXTAREA" }))).toBeNull();
    expect(editKey(press("Delete", { altKey: true }))).toBeNull();
    expect(editKey(press("q"))).toBeNull();
    expect(editKey(press("c", { ctrlKey: true, targetTag: "INPUT" }))).toBeNull();
  });
});
