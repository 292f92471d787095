// @vitest-environment jsdom
/** Tests the event list with a long trace: only a window of rows is in the DOM, keys and filters move through all of them. */
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import type { TraceState } from "../store/session";
import { FULL_RENDER_LIMIT, TracePanel } from "./EventList";

const KINDS = ["DEVICE_TX", "WIRE", "DEVICE_RX", "ROUTE_LOOKUP", "NF_HOOK"];

function longTrace(length: number): TraceState {
  const steps: TraceStep[] = Array.from({ length }, (_, seq) => ({
    seq,
    causeSeq: seq === 0 ? null : seq - 1,
    timeNs: seq * 1000,
    location: { host: "host1", netns: seq % 2 === 0 ? "ns1" : "ns2", device: null },
    kind: KINDS[seq % KINDS.length] ?? "WIRE",
    sentence: `Step ${seq}.`,
    headers: [],
    disposition: null,
  }));
  return { requestId: "r1", title: "long", steps, outcome: null, exit: null, complete: true };
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
  Element.prototype.scrollIntoView = () => undefined;
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function rows(): string[] {
  return [...root.querySelectorAll("#event-list > li.event")].map(
    (row) => row.getAttribute("data-seq") ?? "",
  );
}

function list(): HTMLElement {
  const found = root.querySelector<HTMLElement>("#event-list");
  if (found === null) throw new Error("no event list");
  return found;
}

describe("event list with 10,000 steps", () => {
  const trace = longTrace(10_000);

  it("renders only a window of rows, with spacers standing in for the rest", () => {
    act(() => render(<TracePanel trace={trace} cursor={-1} onSeek={() => undefined} />, root));
    const shown = rows();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(100);
    expect(shown[0]).toBe("0");
    const spacer = root.querySelector<HTMLElement>("#event-list > li.event-spacer");
    expect(spacer?.style.height).toMatch(/^\d+px$/);
    expect(list().getAttribute("data-steps")).toBe("10000");
  });

  it("moves the window to the current step when the cursor jumps to the end", () => {
    act(() => render(<TracePanel trace={trace} cursor={9_999} onSeek={() => undefined} />, root));
    const shown = rows();
    expect(shown.length).toBeLessThan(100);
    expect(shown).toContain("9999");
    expect(shown).not.toContain("0");
    expect(root.querySelector("#event-list > li.current")?.getAttribute("data-seq")).toBe("9999");
    expect(list().getAttribute("aria-activedescendant")).toBe("event-9999");
  });

  it("moves among steps with the arrow keys, Home and End", () => {
    const seeks: number[] = [];
    act(() =>
      render(<TracePanel trace={trace} cursor={500} onSeek={(i) => seeks.push(i)} />, root),
    );
    for (const key of ["ArrowDown", "ArrowUp", "Home", "End"]) {
      act(() => {
        list().dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
      });
    }
    expect(seeks).toEqual([501, 499, 0, 9_999]);
  });

  it("filters by kind group and namespace, and says how many steps are shown", () => {
    act(() => render(<TracePanel trace={trace} cursor={-1} onSeek={() => undefined} />, root));
    const netfilter = root.querySelector<HTMLInputElement>("input[value='netfilter']");
    const l2 = root.querySelector<HTMLInputElement>("input[value='l2']");
    const routing = root.querySelector<HTMLInputElement>("input[value='routing']");
    act(() => {
      l2?.click();
      routing?.click();
    });
    expect(rows().every((seq) => Number(seq) % KINDS.length === 4)).toBe(true);
    expect(root.querySelector("#event-filter-summary")?.textContent).toBe(
      "(2000 of 10000 steps shown)",
    );
    const select = root.querySelector<HTMLSelectElement>("#event-namespace");
    if (select === null) throw new Error("no namespace select");
    act(() => {
      select.value = "host1/ns1";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(rows().every((seq) => Number(seq) % 10 === 4)).toBe(true);
    expect(netfilter?.checked).toBe(true);
  });

  it("renders a short trace whole", () => {
    act(() =>
      render(
        <TracePanel trace={longTrace(FULL_RENDER_LIMIT)} cursor={-1} onSeek={() => undefined} />,
        root,
      ),
    );
    expect(rows()).toHaveLength(FULL_RENDER_LIMIT);
  });
});
