/** Tests the editing keys and that they stay out of the way while typing. */
import { describe, expect, it } from "vitest";
import { editKey, type EditKeyPress } from "./editKeys";

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

  it("leaves keys alone while typing, and with Alt", () => {
    expect(editKey(press("Delete", { targetTag: "INPUT" }))).toBeNull();
    expect(editKey(press("z", { ctrlKey: true, targetTag: "TEXTAREA" }))).toBeNull();
    expect(editKey(press("Delete", { altKey: true }))).toBeNull();
    expect(editKey(press("x"))).toBeNull();
  });
});
