import { describe, expect, it } from "vitest";
import { fetchTemplates, labNotes, parseTemplates } from "./templates";

describe("lab templates", () => {
  it("keeps well-formed entries and drops the rest", () => {
    expect(
      parseTemplates([
        { id: "flannel-vxlan", name: "Flannel VXLAN", description: "Two hosts" },
        { id: "no-name" },
        "junk",
        { id: "host-gw", name: "host-gw", description: 7 },
      ]),
    ).toEqual([
      { id: "flannel-vxlan", name: "Flannel VXLAN", description: "Two hosts" },
      { id: "host-gw", name: "host-gw", description: "" },
    ]);
    expect(parseTemplates({ not: "a list" })).toEqual([]);
  });

  it("gives an empty list when the server cannot be reached or answers an error", async () => {
    const failing: typeof fetch = () => Promise.reject(new Error("offline"));
    expect(await fetchTemplates(failing)).toEqual([]);
    const notFound: typeof fetch = () => Promise.resolve(new Response("", { status: 404 }));
    expect(await fetchTemplates(notFound)).toEqual([]);
    const ok: typeof fetch = () =>
      Promise.resolve(new Response(JSON.stringify([{ id: "a", name: "A", description: "" }])));
    expect(await fetchTemplates(ok)).toEqual([{ id: "a", name: "A", description: "" }]);
  });

  it("finds the open lab's notes by its name", () => {
    const templates = [
      { id: "a", name: "Lab A", description: "Try ping." },
      { id: "b", name: "Lab B", description: "" },
    ];
    expect(labNotes(templates, "Lab A")).toBe("Try ping.");
    expect(labNotes(templates, "Lab B")).toBe("");
    expect(labNotes(templates, "a lab document")).toBe("");
    expect(labNotes(templates, null)).toBe("");
  });
});
