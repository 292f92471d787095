/** Tests the layout of larger labs: readable at the fit scale, boxes apart, wires clear of other boxes, shaped like the canvas, deterministic and stable. */
import { describe, expect, it } from "vitest";
import { namespacesOnABridge } from "../testing/bigLabs";
import { overlaps } from "../testing/geometry";
import { chainLab, podsOnABridge, twoNamespaces } from "../testing/labs";
import type { Topology } from "../model/topology";
import { layoutTopology, type NamespaceBox, type Scene } from "./layout";
import type { Point, Rect } from "./path";
import { fitScale, MIN_FIT_SCALE } from "./viewport";

/** The lab page's canvas in the browser tests' 1400×900 window. */
const pageCanvas = { width: 816, height: 365 };
const canvases = [pageCanvas, { width: 1400, height: 800 }, { width: 600, height: 700 }];

function withTab(box: NamespaceBox): Rect {
  return { ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height };
}

/** True when the segment a→b passes through the inside of the rectangle (Liang–Barsky clipping). */
function crosses(a: Point, b: Point, rect: Rect): boolean {
  const inset = 1;
  const left = rect.x + inset;
  const right = rect.x + rect.width - inset;
  const top = rect.y + inset;
  const bottom = rect.y + rect.height - inset;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  const edges: [number, number][] = [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

function expectBoxesApart(scene: Scene): void {
  const boxes = [...scene.boxes.values()];
  boxes.forEach((box, i) => {
    const extent = withTab(box);
    expect(extent.x).toBeGreaterThanOrEqual(0);
    expect(extent.y).toBeGreaterThanOrEqual(0);
    expect(extent.x + extent.width).toBeLessThanOrEqual(scene.size.width + 1e-6);
    expect(extent.y + extent.height).toBeLessThanOrEqual(scene.size.height + 1e-6);
    for (const other of boxes.slice(i + 1)) {
      expect(overlaps(extent, withTab(other)), `${box.key} and ${other.key}`).toBe(false);
    }
  });
}

function expectWiresClearOfOtherBoxes(scene: Scene): void {
  for (const wire of scene.wires) {
    const own = new Set([wire.a, wire.b].map((key) => scene.ports.get(key)?.namespaceKey));
    for (const box of scene.boxes.values()) {
      if (own.has(box.key)) continue;
      expect(crosses(wire.from, wire.to, withTab(box)), `${wire.key} crosses ${box.key}`).toBe(
        false,
      );
    }
  }
}

const labs: [string, Topology][] = [
  ["the built-in lab", twoNamespaces],
  ["a chain of 8", chainLab(8)],
  ["6 pods on a bridge", podsOnABridge(6)],
  ["3 namespaces on a bridge and a pair", namespacesOnABridge(3)],
  ["12 namespaces on a bridge", namespacesOnABridge(12, false)],
  ["30 namespaces on a bridge and a pair (the benchmark's lab)", namespacesOnABridge(30)],
  ["50 namespaces on a bridge", namespacesOnABridge(50, false)],
];

describe.each(labs)("layout of %s", (_, topology) => {
  it.each(canvases)("keeps boxes apart and wires clear of other boxes on %o", (canvas) => {
    const scene = layoutTopology(topology, canvas);
    expectBoxesApart(scene);
    expectWiresClearOfOtherBoxes(scene);
  });

  it.each(canvases)("is readable at the fit scale on %o", (canvas) => {
    const scene = layoutTopology(topology, canvas);
    const scale = fitScale(scene.size, canvas);
    expect(scale).toBeGreaterThanOrEqual(MIN_FIT_SCALE);
    for (const box of scene.boxes.values()) {
      expect(box.rect.width * scale, box.key).toBeGreaterThanOrEqual(75);
    }
    for (const port of scene.ports.values()) {
      expect(port.rect.height * scale, port.key).toBeGreaterThanOrEqual(26);
      expect(port.rect.width * scale, port.key).toBeGreaterThanOrEqual(44);
    }
  });

  it("lays out the same topology the same way", () => {
    expect(layoutTopology(topology, pageCanvas)).toEqual(layoutTopology(topology, pageCanvas));
  });
});

describe("layout of the benchmark's 32-namespace lab", () => {
  const lab = namespacesOnABridge(30);

  it.each(canvases)("takes the canvas's proportions on %o", (canvas) => {
    const { width, height } = layoutTopology(lab, canvas).size;
    const ratio = width / height / (canvas.width / canvas.height);
    expect(ratio).toBeGreaterThan(1 / 1.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it("fills a canvas it fits at the readable scale", () => {
    const canvas = { width: 2400, height: 1400 };
    const scene = layoutTopology(lab, canvas);
    expect(scene.size).toEqual(canvas);
    expect(fitScale(scene.size, canvas)).toBe(1);
  });

  it("drops a straight wire from each namespace to its port on the bridge's namespace", () => {
    const scene = layoutTopology(lab, pageCanvas);
    const drops = scene.wires.filter(
      (wire) => wire.kind === "veth" && wire.a.startsWith("host1//veth"),
    );
    expect(drops).toHaveLength(30);
    for (const wire of drops) expect(wire.from.x).toBeCloseTo(wire.to.x, 6);
    const bridgeWires = scene.wires.filter((wire) => wire.kind === "bridge-port");
    for (const wire of bridgeWires) expect(wire.from.x).toBeCloseTo(wire.to.x, 6);
  });

  it("keeps every namespace on the bridge where it was when one more joins", () => {
    const before = layoutTopology(namespacesOnABridge(30), pageCanvas);
    const after = layoutTopology(namespacesOnABridge(31), pageCanvas);
    const root = (scene: Scene) => scene.boxes.get("host1/")?.rect ?? { x: 0, y: 0 };
    for (const [key, box] of before.boxes) {
      // The pair beside the bridge's block moves aside as the block widens.
      if (!key.startsWith("host1/c")) continue;
      const moved = after.boxes.get(key);
      expect(moved, key).toBeDefined();
      if (moved === undefined) continue;
      expect(moved.rect.x - root(after).x, key).toBeCloseTo(box.rect.x - root(before).x, 6);
      expect(moved.rect.y - root(after).y, key).toBeCloseTo(box.rect.y - root(before).y, 6);
    }
  });
});
