/** Owns pure point and rectangle math: distances, centres, and the point at progress t along a path. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

export function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** The point between a and b at progress t (0 = a, 1 = b). */
export function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/**
 * The point at progress t (clamped to 0..1) along a polyline, measured by length, so a marker
 * moves at an even speed across segments of different lengths.
 */
export function pointAlong(path: readonly Point[], t: number): Point {
  const first = path[0];
  if (first === undefined) throw new Error("pointAlong needs a path with at least one point");
  const total = pathLength(path);
  if (total === 0) return first;
  let remaining = Math.min(Math.max(t, 0), 1) * total;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    if (from === undefined || to === undefined) break;
    const length = distance(from, to);
    if (remaining <= length) return length === 0 ? to : lerp(from, to, remaining / length);
    remaining -= length;
  }
  return path[path.length - 1] ?? first;
}

export function pathLength(path: readonly Point[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    if (from !== undefined && to !== undefined) total += distance(from, to);
  }
  return total;
}
