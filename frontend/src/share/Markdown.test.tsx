// @vitest-environment jsdom
/** Tests that rendered notes put the author's HTML and javascript: links on the page as text only. */
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe("Markdown", () => {
  it("renders HTML in notes as text and links only to web addresses", () => {
    render(
      <Markdown
        text={
          "<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1)) and [good](https://example.com)"
        }
      />,
      root,
    );
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain("<img src=x onerror=alert(1)>");
    const links = [...root.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com"]);
    expect(links[0]?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(root.textContent).toContain("[bad](javascript:alert(1))");
  });
});
