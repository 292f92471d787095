// @vitest-environment jsdom
/** Tests reading saved-lab links from the page address, and when a link starts a fresh lab. */
import { describe, expect, it } from "vitest";
import {
  embedPath,
  embedSnippet,
  isEmbedPage,
  linkPath,
  opensAnotherLab,
  sharedFromLocation,
} from "./links";

function memory(): {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
} {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

describe("saved-lab links", () => {
  it("reads the id, secret and version of a link", () => {
    expect(sharedFromLocation({ pathname: "/shared/abc_D-1/s3cr3t-_x", search: "" })).toEqual({
      id: "abc_D-1",
      secret: "s3cr3t-_x",
    });
    expect(sharedFromLocation({ pathname: "/shared/abc/sec", search: "?version=4" })).toEqual({
      id: "abc",
      secret: "sec",
      version: 4,
    });
    expect(sharedFromLocation({ pathname: "/", search: "?lab=macvlan" })).toBeNull();
    expect(sharedFromLocation({ pathname: "/shared/a/b/c", search: "" })).toBeNull();
  });

  it("writes links the page reads back", () => {
    expect(sharedFromLocation({ pathname: linkPath("id1", "sec"), search: "" })).toEqual({
      id: "id1",
      secret: "sec",
    });
    expect(linkPath("id1", "sec", 2)).toBe("/shared/id1/sec?version=2");
  });

  it("starts a fresh lab on the first visit of a link and resumes on a reload", () => {
    const storage = memory();
    expect(opensAnotherLab(storage, "/shared/a/b")).toBe(true);
    expect(opensAnotherLab(storage, "/shared/a/b")).toBe(false);
    expect(opensAnotherLab(storage, "/shared/a/b?version=1")).toBe(true);
  });

  it("reads an embed page's link and tells it from the lab page", () => {
    const embed = { pathname: embedPath("id1", "view"), search: "?step=3" };
    expect(isEmbedPage(embed)).toBe(true);
    expect(sharedFromLocation(embed)).toEqual({ id: "id1", secret: "view" });
    expect(isEmbedPage({ pathname: linkPath("id1", "view") })).toBe(false);
    expect(isEmbedPage({ pathname: "/embed/a/b/c" })).toBe(false);
  });

  it("writes an iframe snippet whose title cannot break out of its attribute", () => {
    const snippet = embedSnippet("https://pw.example", "id1", "view", 'Lab "x" <img src=y> & z');
    expect(snippet).toContain('src="https://pw.example/embed/id1/view"');
    expect(snippet).toContain('title="Lab &quot;x&quot; &lt;img src=y&gt; &amp; z"');
    const frame = new DOMParser().parseFromString(snippet, "text/html").querySelector("iframe");
    expect(frame?.getAttribute("title")).toBe('Lab "x" <img src=y> & z');
    expect(frame?.getAttribute("src")).toBe("https://pw.example/embed/id1/view");
  });
});
