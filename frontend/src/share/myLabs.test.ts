/** Tests "My labs" in storage: newest first, merged by id, unreadable entries left out. */
import { describe, expect, it } from "vitest";
import { loadMyLabs, MY_LABS_KEY, rememberLab, type MyLab } from "./myLabs";

function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      values.set(key, value);
    },
  };
}

const lab = (id: string, editLink: string | null, viewLink: string | null): MyLab => ({
  id,
  title: `Lab ${id}`,
  editLink,
  viewLink,
  seen: "2026-01-01T00:00:00Z",
});

describe("My labs", () => {
  it("keeps the newest first and never forgets an edit link", () => {
    const storage = memory();
    rememberLab(storage, lab("a", "/shared/a/edit", "/shared/a/view"));
    rememberLab(storage, lab("b", null, "/shared/b/view"));
    const labs = rememberLab(storage, lab("a", null, "/shared/a/view2"));
    expect(labs.map((l) => l.id)).toEqual(["a", "b"]);
    expect(labs[0]?.editLink).toBe("/shared/a/edit");
    expect(labs[0]?.viewLink).toBe("/shared/a/view2");
    expect(loadMyLabs(storage)).toEqual(labs);
  });

  it("leaves out what it cannot read", () => {
    expect(loadMyLabs(memory({ [MY_LABS_KEY]: "not json" }))).toEqual([]);
    expect(loadMyLabs(memory({ [MY_LABS_KEY]: '[{"id": 3}]' }))).toEqual([]);
  });
});
