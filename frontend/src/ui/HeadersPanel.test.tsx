// @vitest-environment jsdom
/** Tests the headers panel on a tunnelled packet: the shared VXLAN example's inner headers are grouped, indented and compared with the unwrapped packet. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import { parseServerMessage } from "../protocol/protocol";
import { HeadersPanel } from "./HeadersPanel";

/** Vitest runs in frontend/; the shared examples live with the backend's tests. */
const examples = join(process.cwd(), "../backend/src/test/resources/protocol");

function exampleStep(name: string): TraceStep {
  const result = parseServerMessage(readFileSync(join(examples, name), "utf8"));
  if (!result.ok || result.value.type !== "traceStep") throw new Error(`${name} is not a step`);
  return result.value.step;
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** The captions of the layers under `scope` at its own level: not those of an inner packet below it. */
function captions(scope: Element): string[] {
  const level = scope.closest("section.inner-headers");
  return [...scope.querySelectorAll("li.layer-node > table caption")]
    .filter((caption) => caption.closest("section.inner-headers") === level)
    .map((caption) => caption.textContent ?? "");
}

describe("headers panel on a tunnelled packet", () => {
  const wrapped = exampleStep("server-trace-step-vxlan.json");

  it("shows the layers as a tree, each carrying the next, the tunnel's inner packet titled under VXLAN", () => {
    act(() => render(<HeadersPanel step={wrapped} />, root));
    const tree = root.querySelector("ul.layer-tree[role='tree']");
    if (tree === null) throw new Error("no tree");
    expect(captions(tree)).toEqual(["Ethernet", "IPv4", "UDP", "VXLAN"]);
    const inner = root.querySelectorAll("section.inner-headers");
    expect(inner).toHaveLength(1);
    const group = inner[0];
    if (!(group instanceof HTMLElement)) throw new Error("no inner group");
    expect(group.querySelector("h3")?.textContent).toBe("Inner packet (inside the tunnel)");
    expect(group.closest("li.layer-node")?.getAttribute("data-layer")).toBe("vxlan");
    expect(captions(group)).toEqual(["Ethernet", "IPv4", "ICMP"]);
    const nesting = [...root.querySelectorAll("li.layer-node")].map(
      (node) => node.parentElement?.closest("li.layer-node")?.getAttribute("data-layer") ?? "",
    );
    expect(nesting).toEqual(["", "ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4"]);
    expect(group.textContent).toContain("10.244.1.2");
    const vxlan = root.querySelector("table.layer-vxlan");
    expect(vxlan?.textContent).toContain("VNI1");
    expect(vxlan?.textContent).toContain("0x08");
  });

  it("pairs the inner headers with the unwrapped packet and marks the outer ones as added", () => {
    const inner = wrapped.headers.filter((header) => header.depth === 1);
    const unwrapped: TraceStep = {
      ...wrapped,
      seq: 20,
      causeSeq: 19,
      headers: inner.map((header) => ({ ...header, depth: 0 })),
    };
    act(() => render(<HeadersPanel step={wrapped} cause={unwrapped} />, root));
    const added = [...root.querySelectorAll("table.added caption")].map((c) => c.textContent);
    expect(added).toEqual(["Ethernet (added)", "IPv4 (added)", "UDP (added)", "VXLAN (added)"]);
    expect(root.querySelectorAll("section.inner-headers tr.changed")).toHaveLength(0);
  });

  it("lists the layers a decapsulation removed", () => {
    const inner = wrapped.headers.filter((header) => header.depth === 1);
    const unwrapped: TraceStep = {
      ...wrapped,
      seq: 21,
      causeSeq: wrapped.seq,
      kind: "DECAPSULATE",
      headers: inner.map((header) => ({ ...header, depth: 0 })),
    };
    act(() => render(<HeadersPanel step={unwrapped} cause={wrapped} />, root));
    const removed = root.querySelector("section.removed-layers");
    expect([...(removed?.querySelectorAll("caption") ?? [])].map((c) => c.textContent)).toEqual([
      "Ethernet",
      "IPv4",
      "UDP",
      "VXLAN",
    ]);
    expect(removed?.querySelector("h3")?.textContent).toBe("Removed at this step");
  });

  it("lists no removed layers for a new packet its cause step made", () => {
    const inner = wrapped.headers.filter((header) => header.depth === 1);
    const reply: TraceStep = {
      ...wrapped,
      seq: 22,
      causeSeq: wrapped.seq,
      kind: "ARP_REQUEST_SENT",
      headers: inner.slice(0, 1).map((header) => ({ ...header, depth: 0 })),
    };
    act(() => render(<HeadersPanel step={reply} cause={wrapped} />, root));
    expect(root.querySelector("section.removed-layers")).toBeNull();
  });

  it("shows an 802.1Q tag as its own layer on the wire", () => {
    act(() => render(<HeadersPanel step={exampleStep("server-trace-step-vlan.json")} />, root));
    const vlan = root.querySelector("table.layer-vlan");
    expect(vlan?.querySelector("caption")?.textContent).toBe("802.1Q VLAN tag");
    expect(vlan?.textContent).toContain("VLAN id10");
    expect(root.querySelector("section.inner-headers")).toBeNull();
  });
});
