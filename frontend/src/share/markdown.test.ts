/** Tests that lab notes' Markdown keeps every character of the author's text as text and links only to web and mail addresses. */
import { describe, expect, it } from "vitest";
import { isSafeHref, parseInline, parseMarkdown } from "./markdown";

describe("notes Markdown", () => {
  it("keeps HTML as text", () => {
    expect(parseMarkdown("<img src=x onerror=alert(1)>")).toEqual([
      { kind: "paragraph", content: [{ kind: "text", text: "<img src=x onerror=alert(1)>" }] },
    ]);
  });

  it("links only http, https and mailto addresses", () => {
    expect(parseInline("[docs](https://example.com/a)")).toEqual([
      {
        kind: "link",
        href: "https://example.com/a",
        children: [{ kind: "text", text: "docs" }],
      },
    ]);
    expect(parseInline("[click](javascript:alert(1))")).toEqual([
      { kind: "text", text: "[click](javascript:alert(1))" },
    ]);
    expect(isSafeHref("JaVaScRiPt:alert(1)")).toBe(false);
    expect(isSafeHref("data:text/html,x")).toBe(false);
    expect(isSafeHref("mailto:a@example.com")).toBe(true);
  });

  it("reads headings, lists, code and emphasis", () => {
    const blocks = parseMarkdown(
      "# Title\n\n- one\n- **two**\n\n```\nip a\n```\nplain *em* `code`",
    );
    expect(blocks.map((block) => block.kind)).toEqual(["heading", "list", "code", "paragraph"]);
    expect(blocks[1]).toEqual({
      kind: "list",
      ordered: false,
      items: [
        [{ kind: "text", text: "one" }],
        [{ kind: "strong", children: [{ kind: "text", text: "two" }] }],
      ],
    });
    expect(blocks[2]).toEqual({ kind: "code", text: "ip a" });
    expect(blocks[3]).toEqual({
      kind: "paragraph",
      content: [
        { kind: "text", text: "plain " },
        { kind: "em", children: [{ kind: "text", text: "em" }] },
        { kind: "text", text: " " },
        { kind: "code", text: "code" },
      ],
    });
  });
});
