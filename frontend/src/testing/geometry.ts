/** Rectangle predicates the layout tests assert with: overlap, containment, and lying on an edge. */
import type { Point, Rect } from "../geometry/path";

/** True when the two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `inner` lies wholly inside `outer` (edges may touch). */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** True when the point lies on the rectangle's outline, within `tolerance`. */
export function onEdge(rect: Rect, point: Point, tolerance = 1e-6): boolean {
  const left = rect.x;
  const right = rect.x + rect.width;
  const top = rect.y;
  const bottom = rect.y + rect.height;
  const withinX = point.x >= left - tolerance && point.x <= right + tolerance;
  const withinY = point.y >= top - tolerance && point.y <= bottom + tolerance;
  const onVertical =
    withinY && (Math.abs(point.x - left) <= tolerance || Math.abs(point.x - right) <= tolerance);
  const onHorizontal =
    withinX && (Math.abs(point.y - top) <= tolerance || Math.abs(point.y - bottom) <= tolerance);
  return onVertical || onHorizontal;
}
