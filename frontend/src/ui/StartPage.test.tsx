// @vitest-environment jsdom
/** Tests the start page: every lab with its notes, Open by lab, focus on the title, Escape keeps the open lab. */
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StartPage } from "./StartPage";
import type { LabTemplate } from "./templates";

const templates: LabTemplate[] = [
  { id: "two-namespaces", name: "Two namespaces and a veth pair", description: "ns1 and ns2." },
  {
    id: "masquerade",
    name: "Containers reach the internet",
    description: "Ping 198.51.100.1, then `conntrack -L`.",
  },
];

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe("StartPage", () => {
  it("lists every lab with its notes and opens the one chosen", () => {
    const openLab = vi.fn();
    act(() =>
      render(<StartPage templates={templates} openLab={openLab} onClose={() => undefined} />, root),
    );

    const labs = [...root.querySelectorAll(".start-lab")];
    expect(labs.map((lab) => lab.querySelector("h3")?.textContent)).toEqual([
      "Two namespaces and a veth pair",
      "Containers reach the internet",
    ]);
    expect(labs[1]?.querySelector("p")?.textContent).toBe("Ping 198.51.100.1, then conntrack -L.");
    expect(labs[1]?.querySelector("p code")?.textContent).toBe("conntrack -L");
    expect(document.activeElement?.id).toBe("start-title");
    const open = labs[1]?.querySelector("button");
    expect(open?.textContent).toBe("Open Containers reach the internet");
    act(() => open?.click());
    expect(openLab).toHaveBeenCalledWith("masquerade");
  });

  it("closes on Escape and on its button", () => {
    const onClose = vi.fn();
    act(() =>
      render(<StartPage templates={templates} openLab={() => undefined} onClose={onClose} />, root),
    );

    act(() => {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => root.querySelector<HTMLButtonElement>("#start-close")?.click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
