/**
 * Owns the pure hit test over a laid-out scene: what is under a scene point (a device port or
 * bridge bar, a wire, a namespace box with its name tab, a host frame), and which namespace boxes
 * a selection rectangle takes in. Scene in, answer out; no canvas involved.
 */
import type { Scene } from "./layout";
import type { Point, Rect } from "./path";

/** The thing under a point, innermost first: a device inside a box wins over the box. */
export type Hit =
  | { readonly kind: "device"; readonly key: string; readonly namespaceKey: string }
  | { readonly kind: "link"; readonly key: string }
  | { readonly kind: "namespace"; readonly key: string }
  | { readonly kind: "host"; readonly name: string };

/** How close to a wire, in scene pixels, a point counts as on it. */
export const WIRE_TOLERANCE = 5;

export function hitTest(scene: Scene, point: Point): Hit | null {
  for (const port of [...scene.ports.values()].reverse()) {
    if (inside(port.rect, point)) {
      return { kind: "device", key: port.key, namespaceKey: port.namespaceKey };
    }
  }
  for (const wire of scene.wires) {
    if (segmentDistance(point, wire.from, wire.to) <= WIRE_TOLERANCE) {
      return { kind: "link", key: wire.key };
    }
  }
  for (const box of [...scene.boxes.values()].reverse()) {
    if (inside(box.rect, point) || inside(box.tab, point)) {
      return { kind: "namespace", key: box.key };
    }
  }
  for (const host of scene.hosts) {
    if (inside(host.rect, point)) return { kind: "host", name: host.name };
  }
  return null;
}

/** The namespace boxes (with their tabs) that lie wholly inside `band`, in scene order. */
export function boxesWithin(scene: Scene, band: Rect): string[] {
  const area = normalise(band);
  return [...scene.boxes.values()]
    .filter((box) => {
      const top = box.tab.y;
      return (
        box.rect.x >= area.x &&
        top >= area.y &&
        box.rect.x + box.rect.width <= area.x + area.width &&
        box.rect.y + box.rect.height <= area.y + area.height
      );
    })
    .map((box) => box.key);
}

/** The rectangle between two corners, with a positive width and height. */
export function bandBetween(a: Point, b: Point): Rect {
  return normalise({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
}

function normalise(rect: Rect): Rect {
  return {
    x: Math.min(rect.x, rect.x + rect.width),
    y: Math.min(rect.y, rect.y + rect.height),
    width: Math.abs(rect.width),
    height: Math.abs(rect.height),
  };
}

function inside(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

/** The distance from `point` to the segment from `a` to `b`. */
export function segmentDistance(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t =
    length === 0
      ? 0
      : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}
