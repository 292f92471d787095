/** Tests that placed boxes stay where the person put them and that new boxes do not move them. */
import { describe, expect, it } from "vitest";
import { chainLab, twoNamespaces } from "../testing/labs";
import { overlaps } from "../testing/geometry";
import { layoutTopology } from "./layout";
import { center, type Point } from "./path";

const CANVAS = { width: 900, height: 500 };

function centreOf(scene: ReturnType<typeof layoutTopology>, key: string): Point {
  const box = scene.boxes.get(key);
  if (box === undefined) throw new Error(`no box ${key}`);
  return center(box.rect);
}

describe("layoutTopology with positions", () => {
  it("centres a placed box on its place and keeps its ports on its edges", () => {
    const scene = layoutTopology(
      twoNamespaces,
      CANVAS,
      new Map([["host1/ns2", { x: 600, y: 400 }]]),
    );
    expect(centreOf(scene, "host1/ns2")).toEqual({ x: 600, y: 400 });
    const port = scene.ports.get("host1/ns2/veth2");
    const box = scene.boxes.get("host1/ns2");
    if (port === undefined || box === undefined) throw new Error("lost ns2");
    expect(port.rect.x).toBeGreaterThanOrEqual(box.rect.x);
    expect(port.rect.x + port.rect.width).toBeLessThanOrEqual(box.rect.x + box.rect.width);
  });

  it("keeps every old box where it was when a namespace is added", () => {
    const before = layoutTopology(chainLab(3), CANVAS);
    const places = new Map([...before.boxes.keys()].map((key) => [key, centreOf(before, key)]));
    const after = layoutTopology(chainLab(4), CANVAS, places, before.stretch);
    for (const [key, at] of places) {
      expect(centreOf(after, key).x).toBeCloseTo(at.x, 6);
      expect(centreOf(after, key).y).toBeCloseTo(at.y, 6);
    }
    const added = after.boxes.get("host1/ns4");
    if (added === undefined) throw new Error("ns4 not drawn");
    for (const key of places.keys()) {
      const old = after.boxes.get(key);
      if (old !== undefined) expect(overlaps(added.rect, old.rect)).toBe(false);
    }
  });

  it("keeps each box's size when given the earlier scene's stretch", () => {
    const before = layoutTopology(chainLab(3), CANVAS);
    const places = new Map([...before.boxes.keys()].map((key) => [key, centreOf(before, key)]));
    const after = layoutTopology(chainLab(4), CANVAS, places, before.stretch);
    expect(after.boxes.get("host1/ns1")?.rect.width).toBe(
      before.boxes.get("host1/ns1")?.rect.width,
    );
  });

  it("puts new boxes in rows within the canvas instead of one long row", () => {
    let scene = layoutTopology(chainLab(2), CANVAS);
    for (let count = 3; count <= 12; count++) {
      const places = new Map([...scene.boxes.keys()].map((key) => [key, centreOf(scene, key)]));
      scene = layoutTopology(chainLab(count), CANVAS, places, scene.stretch);
    }
    for (const box of scene.boxes.values()) {
      expect(box.rect.x + box.rect.width).toBeLessThanOrEqual(CANVAS.width + 1);
    }
    const boxes = [...scene.boxes.values()];
    boxes.forEach((a, i) =>
      boxes
        .slice(i + 1)
        .forEach((b) => expect(overlaps(a.rect, b.rect), `${a.key} ${b.key}`).toBe(false)),
    );
  });

  it("wraps the host frame around moved boxes and grows the scene to hold them", () => {
    const scene = layoutTopology(
      twoNamespaces,
      CANVAS,
      new Map([["host1/ns1", { x: 1500, y: 900 }]]),
    );
    const box = scene.boxes.get("host1/ns1");
    const frame = scene.hosts[0];
    if (box === undefined || frame === undefined) throw new Error("lost ns1");
    expect(frame.rect.x + frame.rect.width).toBeGreaterThan(box.rect.x + box.rect.width);
    expect(scene.size.width).toBeGreaterThan(box.rect.x + box.rect.width);
    expect(scene.size.height).toBeGreaterThan(box.rect.y + box.rect.height);
  });

  it("keeps a box dragged past the corner inside the scene", () => {
    const scene = layoutTopology(
      twoNamespaces,
      CANVAS,
      new Map([["host1/ns1", { x: -400, y: -400 }]]),
    );
    const box = scene.boxes.get("host1/ns1");
    if (box === undefined) throw new Error("lost ns1");
    expect(box.tab.y).toBeGreaterThan(0);
    expect(box.rect.x).toBeGreaterThan(0);
  });
});
