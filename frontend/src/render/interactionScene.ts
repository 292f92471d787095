/**
 * Owns the interaction layer's painting: outlines of the selected boxes, devices and links, the
 * selection band, the link being drawn, and the boxes being dragged (lifted copies of their
 * shapes with their wires, moved per frame without touching the static layer).
 */
import { Group } from "konva/lib/Group";
import type { Layer } from "konva/lib/Layer";
import { Line } from "konva/lib/shapes/Line";
import { Rect } from "konva/lib/shapes/Rect";
import type { Scene, Wire } from "../geometry/layout";
import { center, type Point, type Rect as Box } from "../geometry/path";
import type { StaticIndex } from "./staticScene";
import { COLOURS } from "./theme";

/** What the interaction layer shows besides a drag. */
export interface Marks {
  readonly selection: readonly string[];
  readonly band: Box | null;
  readonly link: { readonly from: Point; readonly to: Point } | null;
}

export const NO_MARKS: Marks = { selection: [], band: null, link: null };

const SELECTION_PAD = 4;

/** Paints the selection outlines, the band and the link into `group` (emptied first). */
export function paintMarks(group: Group, scene: Scene, marks: Marks): void {
  group.destroyChildren();
  for (const id of marks.selection) {
    const outline = outlineOf(scene, id);
    if (outline !== null) group.add(outline);
  }
  if (marks.band !== null) {
    group.add(
      new Rect({
        ...marks.band,
        name: "selection-band",
        fill: COLOURS.highlightFill,
        stroke: COLOURS.highlight,
        strokeWidth: 1,
        dash: [4, 3],
        listening: false,
      }),
    );
  }
  if (marks.link !== null) {
    group.add(
      new Line({
        name: "link-preview",
        points: [marks.link.from.x, marks.link.from.y, marks.link.to.x, marks.link.to.y],
        stroke: COLOURS.highlight,
        strokeWidth: 2.5,
        dash: [6, 4],
        lineCap: "round",
        listening: false,
      }),
    );
  }
}

/** The outline of a selected box, device or link, or null when the scene does not draw it. */
function outlineOf(scene: Scene, id: string): Rect | Line | null {
  const box = scene.boxes.get(id);
  if (box !== undefined) {
    return outlineRect({ ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height });
  }
  const port = scene.ports.get(id);
  if (port !== undefined) return outlineRect(port.rect);
  const wire = scene.wires.find((candidate) => candidate.key === id);
  if (wire === undefined) return null;
  return new Line({
    name: "selection-outline",
    points: [wire.from.x, wire.from.y, wire.to.x, wire.to.y],
    stroke: COLOURS.highlight,
    strokeWidth: 7,
    opacity: 0.35,
    lineCap: "round",
    listening: false,
  });
}

function outlineRect(rect: Box): Rect {
  return new Rect({
    name: "selection-outline",
    x: rect.x - SELECTION_PAD,
    y: rect.y - SELECTION_PAD,
    width: rect.width + 2 * SELECTION_PAD,
    height: rect.height + 2 * SELECTION_PAD,
    stroke: COLOURS.highlight,
    strokeWidth: 2,
    cornerRadius: 8,
    listening: false,
  });
}

/** Where a link being drawn starts: the device's anchor, or the box's centre. */
export function linkStart(scene: Scene, key: string): Point | null {
  const port = scene.ports.get(key);
  if (port !== undefined) return port.anchor;
  const box = scene.boxes.get(key);
  return box === undefined ? null : center(box.rect);
}

/** Boxes lifted off the static layer for a drag: copies of their shapes and their wires. */
export interface Lifted {
  readonly group: Group;
  /** The static shapes hidden while their copies move. */
  readonly hidden: readonly (Group | Line)[];
  readonly wires: readonly {
    readonly line: Line;
    readonly wire: Wire;
    readonly moves: "from" | "to" | "both";
  }[];
}

/**
 * Lifts the boxes `keys` (with their ports) into `into`: their static shapes are hidden and
 * copied; each wire touching them is drawn anew so its moving end can follow.
 */
export function lift(
  into: Layer,
  scene: Scene,
  index: StaticIndex,
  keys: readonly string[],
): Lifted {
  const moving = new Set(keys);
  const group = new Group({ name: "drag-layer", listening: false });
  const hidden: (Group | Line)[] = [];
  const take = (shape: Group | undefined): void => {
    if (shape === undefined) return;
    group.add(shape.clone());
    shape.visible(false);
    hidden.push(shape);
  };
  for (const key of keys) take(index.boxes.get(key));
  for (const port of scene.ports.values())
    if (moving.has(port.namespaceKey)) take(index.ports.get(port.key));
  for (const cable of scene.cables) {
    const port = scene.ports.get(cable.nic);
    const shape = index.cables.get(cable.nic);
    if (port !== undefined && shape !== undefined && moving.has(port.namespaceKey)) {
      shape.visible(false);
      hidden.push(shape);
    }
  }
  const wires: Lifted["wires"][number][] = [];
  for (const wire of scene.wires) {
    const a = scene.ports.get(wire.a)?.namespaceKey ?? "";
    const b = scene.ports.get(wire.b)?.namespaceKey ?? "";
    const moves =
      moving.has(a) && moving.has(b)
        ? "both"
        : moving.has(a)
          ? "from"
          : moving.has(b)
            ? "to"
            : null;
    const shape = index.wires.get(wire.key);
    if (moves === null || shape === undefined) continue;
    const line = shape.clone();
    shape.visible(false);
    hidden.push(shape);
    into.add(line);
    wires.push({ line, wire, moves });
  }
  into.add(group);
  return { group, hidden, wires };
}

/** Moves lifted boxes by (dx, dy) from where they were; their wires' moving ends follow. */
export function moveLifted(lifted: Lifted, dx: number, dy: number): void {
  lifted.group.position({ x: dx, y: dy });
  for (const { line, wire, moves } of lifted.wires) {
    const from = moves === "to" ? wire.from : { x: wire.from.x + dx, y: wire.from.y + dy };
    const to = moves === "from" ? wire.to : { x: wire.to.x + dx, y: wire.to.y + dy };
    line.points([from.x, from.y, to.x, to.y]);
  }
}
