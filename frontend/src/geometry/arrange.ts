/**
 * Owns where the namespace boxes of one host go. A hub (a namespace with a bridge, or wired to
 * three or more others) sits in a star block with the namespaces wired to it in staggered rows
 * above it, or above and below it, so every wire is a short straight drop; the other namespaces
 * fill a grid in wiring order, snaking so neighbours stay side by side. Each block and the
 * shelving of blocks is the best of a few candidates for the canvas's proportions. Pure and
 * deterministic: the same namespaces in the same order give the same arrangement, and a
 * namespace added last lands at the end.
 */
import type { Device } from "../model/topology";
import {
  itemWidth,
  naturalSize,
  PAD,
  SPACING,
  TAB_HEIGHT,
  type EdgeSide,
  type Item,
} from "./boxes";
import type { Rect, Size } from "./path";

/** One namespace to place, with its visible devices. */
export interface Node {
  /** The namespace key. */
  readonly key: string;
  readonly label: string;
  readonly devices: readonly Device[];
  /** The device keys, in the order of `devices`. */
  readonly deviceKeys: readonly string[];
}

/** One end of a veth pair whose other end is in another drawn namespace. */
export interface VethEnd {
  readonly port: string;
  readonly peerPort: string;
  /** The namespace key of the other end. */
  readonly peer: string;
}

export interface Arrangement {
  readonly size: Size;
  /** Box rectangles; each box's tab sits above it, and all lie within [0, size]. */
  readonly rects: ReadonlyMap<string, Rect>;
  /** The edge each veth port was laid out on; a port not listed faces its peer. */
  readonly sides: ReadonlyMap<string, EdgeSide>;
  /** Hubs: boxes that span rows of others, so may widen as far as the gaps do. */
  readonly hubs: ReadonlySet<string>;
}

/** The arrangement's gaps and limits, in scene pixels. */
const SPACE = {
  /** Between boxes side by side in a grid, long enough to follow a wire. */
  gridX: 64,
  /** Between grid rows (below one row's boxes and above the next row's tabs). */
  gridY: 40,
  /** Between a hub and the nearest row of its namespaces. */
  hub: 40,
  /** Between two rows of namespaces on the same side of a hub. */
  row: 30,
  /** The least between namespaces in one row of a star. */
  starX: 24,
  /** The least room each side of a wire that passes between two boxes of a nearer row. */
  wireClearance: 14,
  /** Between blocks (a star, the grid). */
  block: 64,
  /** The most rows a star puts on each side of its hub. */
  starRows: 4,
  /** Estimated grid cell sizes, to tell which side of a box a diagonal neighbour is on. */
  cellWidth: 300,
  cellHeight: 160,
} as const;

/** The items of a node's box: bridges as bars, wired ports on the side `sideOf` gives, the rest loose. */
export function boxItems(
  node: Node,
  wired: ReadonlySet<string>,
  sideOf: (port: string) => EdgeSide,
): Item[] {
  return node.devices.map((device, index) => {
    const key = node.deviceKeys[index] ?? device.name;
    const width = itemWidth(device);
    if (device.kind === "bridge") return { key, device, place: "bar", width };
    if (wired.has(key)) return { key, device, place: sideOf(key), width };
    return { key, device, place: "loose", width };
  });
}

/** Arranges one host's namespaces to suit a canvas of `target`'s proportions. */
export function arrangeHost(
  nodes: readonly Node[],
  ends: ReadonlyMap<string, readonly VethEnd[]>,
  target: Size,
): Arrangement {
  if (nodes.length === 0) {
    return { size: { width: 0, height: 0 }, rects: new Map(), sides: new Map(), hubs: new Set() };
  }
  const context = new Context(nodes, ends);
  const blocks: Block[] = [];
  const claimed = new Set<string>();
  const hubs = nodes.filter((node) => context.isHub(node));
  for (const hub of hubs) claimed.add(hub.key);
  for (const hub of hubs) {
    const spokes = context
      .neighbours(hub.key)
      .filter((key) => !claimed.has(key))
      .sort((a, b) => context.order(a) - context.order(b));
    spokes.forEach((key) => claimed.add(key));
    blocks.push(best(starCandidates(context, hub, spokes), target));
  }
  const rest = wiringOrder(
    context,
    nodes.filter((node) => !claimed.has(node.key)),
  );
  if (rest.length > 0) {
    const grids = Array.from({ length: rest.length }, (_, i) =>
      gridBlock(context, rest, rest.length - i),
    );
    blocks.push(best(grids, target));
  }
  blocks.sort((a, b) => a.first - b.first);
  return best(shelfCandidates(blocks), target);
}

interface Block extends Arrangement {
  /** The smallest node order in the block, to keep blocks in the server's order. */
  readonly first: number;
}

class Context {
  private readonly byKey = new Map<string, Node>();
  private readonly orders = new Map<string, number>();
  readonly wired = new Set<string>();

  constructor(
    nodes: readonly Node[],
    private readonly ends: ReadonlyMap<string, readonly VethEnd[]>,
  ) {
    nodes.forEach((node, index) => {
      this.byKey.set(node.key, node);
      this.orders.set(node.key, index);
    });
    for (const list of ends.values()) for (const end of list) this.wired.add(end.port);
  }

  node(key: string): Node | undefined {
    return this.byKey.get(key);
  }

  order(key: string): number {
    return this.orders.get(key) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Veth ends of `key` whose peer is in this host. */
  endsOf(key: string): VethEnd[] {
    return (this.ends.get(key) ?? []).filter((end) => this.byKey.has(end.peer));
  }

  /** The namespaces `key` is wired to, each once, in wiring order. */
  neighbours(key: string): string[] {
    return [...new Set(this.endsOf(key).map((end) => end.peer))];
  }

  isHub(node: Node): boolean {
    const degree = this.endsOf(node.key).length;
    const bridged = node.devices.some((device) => device.kind === "bridge");
    return degree >= 3 || (bridged && degree >= 2);
  }

  /** The natural size of a node's box with its wired ports on the sides given (the rest at the bottom). */
  size(node: Node, sides: ReadonlyMap<string, EdgeSide>): Size {
    return naturalSize(boxItems(node, this.wired, (port) => sides.get(port) ?? "bottom"));
  }
}

/**
 * The candidate with the best score for the target. Candidates come widest first, and a later
 * one must cover clearly more screen to win, so near ties go to the wider arrangement (read left
 * to right, as canvases are usually wider than tall).
 */
function best<T extends Arrangement>(candidates: readonly T[], target: Size): T {
  let chosen = candidates[0];
  if (chosen === undefined) throw new Error("best needs at least one candidate");
  let chosenScore = score(chosen, target);
  for (const candidate of candidates.slice(1)) {
    const candidateScore = score(candidate, target);
    const fitter = candidateScore.fit - chosenScore.fit;
    if (fitter > 0.005 || (fitter > -0.005 && candidateScore.area > chosenScore.area * 1.1)) {
      chosen = candidate;
      chosenScore = candidateScore;
    }
  }
  return chosen;
}

/**
 * How well an arrangement suits the target: first the scale at which it fits (up to 1: one that
 * fits grows to fill), then how much screen its boxes cover once grown to fill the target.
 */
function score(arrangement: Arrangement, target: Size): { fit: number; area: number } {
  const { width, height } = arrangement.size;
  const fit = Math.min(1, target.width / width, target.height / height);
  const sx = target.width / (fit * width);
  const sy = target.height / (fit * height);
  let area = 0;
  for (const [key, rect] of arrangement.rects) {
    const grown = grow(rect, sx, sy, arrangement.hubs.has(key));
    area += grown.width * grown.height * fit * fit;
  }
  return { fit, area };
}

/** The most a box grows when its arrangement stretches to fill the canvas; hubs widen as far as their row. */
export const MAX_BOX: Size = { width: 360, height: 220 };

/**
 * The size of a box once its arrangement is stretched by (sx, sy) ≥ 1: it grows as much, up to
 * MAX_BOX, and a hub grows its full width so it still spans its rows of namespaces.
 */
export function grow(size: Size, sx: number, sy: number, hub: boolean): Size {
  const gx = hub ? sx : Math.min(sx, Math.max(1, MAX_BOX.width / size.width));
  const gy = Math.min(sy, Math.max(1, MAX_BOX.height / size.height));
  return { width: size.width * gx, height: size.height * gy };
}

/** Box rectangles and ports' sides being built for one block. */
class Draft {
  readonly rects = new Map<string, Rect>();
  readonly sides = new Map<string, EdgeSide>();
  readonly hubs = new Set<string>();

  /** Puts a box so its tab's top-left corner is at (x, y). */
  place(key: string, size: Size, x: number, y: number): void {
    this.rects.set(key, { x, y: y + TAB_HEIGHT, width: size.width, height: size.height });
  }

  /** Moves everything so the extents start at (0, 0); returns the block. */
  finish(first: number): Block {
    const extents = [...this.rects.values()].map(extent);
    const left = Math.min(...extents.map((rect) => rect.x));
    const top = Math.min(...extents.map((rect) => rect.y));
    const right = Math.max(...extents.map((rect) => rect.x + rect.width));
    const bottom = Math.max(...extents.map((rect) => rect.y + rect.height));
    const rects = new Map<string, Rect>();
    for (const [key, rect] of this.rects) {
      rects.set(key, { ...rect, x: rect.x - left, y: rect.y - top });
    }
    return {
      size: { width: right - left, height: bottom - top },
      rects,
      sides: this.sides,
      hubs: this.hubs,
      first,
    };
  }
}

/** A box with its tab. */
export function extent(rect: Rect): Rect {
  return { ...rect, y: rect.y - TAB_HEIGHT, height: rect.height + TAB_HEIGHT };
}

/**
 * Star blocks for a hub and its spokes: with one or two spokes also left and right of the hub
 * in a row; else staggered rows above it, or above and below it, one to four rows a side.
 */
function starCandidates(context: Context, hub: Node, spokes: readonly string[]): Block[] {
  const candidates: Block[] = [];
  if (spokes.length <= 2) candidates.push(starRow(context, hub, spokes));
  for (const sides of [2, 1] as const) {
    const most = Math.min(SPACE.starRows, Math.max(1, Math.ceil(spokes.length / sides)));
    for (let rows = 1; rows <= most; rows++) {
      candidates.push(starRows(context, hub, spokes, rows, sides));
    }
  }
  return candidates;
}

/** Sets the sides of every veth end between the hub and a spoke: the hub's on `hubSide`. */
function faceEachOther(
  draft: Draft,
  context: Context,
  hub: string,
  spoke: string,
  hubSide: EdgeSide,
): void {
  for (const end of context.endsOf(hub)) {
    if (end.peer !== spoke) continue;
    draft.sides.set(end.port, hubSide);
    draft.sides.set(end.peerPort, OPPOSITE[hubSide]);
  }
}

const OPPOSITE: Readonly<Record<EdgeSide, EdgeSide>> = {
  top: "bottom",
  bottom: "top",
  left: "right",
  right: "left",
};

/** The hub between its (at most two) spokes: the first on its left, the second on its right. */
function starRow(context: Context, hub: Node, spokes: readonly string[]): Block {
  const draft = new Draft();
  draft.hubs.add(hub.key);
  const [left, right] = spokes;
  if (left !== undefined) faceEachOther(draft, context, hub.key, left, "left");
  if (right !== undefined) faceEachOther(draft, context, hub.key, right, "right");
  const hubSize = context.size(hub, draft.sides);
  const middle = TAB_HEIGHT + hubSize.height / 2;
  let x = 0;
  for (const key of [left, hub.key, right]) {
    const node = key === undefined ? undefined : context.node(key);
    if (node === undefined) continue;
    const size = node === hub ? hubSize : context.size(node, draft.sides);
    draft.place(node.key, size, x, middle - TAB_HEIGHT - size.height / 2);
    x += size.width + SPACE.gridX;
  }
  return draft.finish(context.order(hub.key));
}

/**
 * The hub with its spokes above it, or with `sides` 2 alternately above and below it (the first
 * above), in `rows` staggered rows a side: slot j on a side is in row j mod rows, and the slots
 * are pitch/rows apart, so the wire from an outer row drops between two boxes of the nearer
 * rows, straight to the hub.
 */
function starRows(
  context: Context,
  hub: Node,
  spokes: readonly string[],
  rows: number,
  sides: 1 | 2,
): Block {
  const draft = new Draft();
  draft.hubs.add(hub.key);
  const sideOf = (index: number): EdgeSide => (index % sides === 0 ? "top" : "bottom");
  const slotOf = (index: number): number => Math.floor(index / sides);
  spokes.forEach((spoke, index) => faceEachOther(draft, context, hub.key, spoke, sideOf(index)));

  const spokeNodes = spokes.flatMap((key) => context.node(key) ?? []);
  const sizes = spokeNodes.map((node) => context.size(node, draft.sides));
  const hubItems = boxItems(hub, context.wired, (port) => draft.sides.get(port) ?? "bottom");
  const hubPortWidth = Math.max(
    0,
    ...hubItems
      .filter((item) => item.place === "top" || item.place === "bottom")
      .map((item) => item.width),
  );
  const widest = Math.max(0, ...sizes.map((size) => size.width));
  const pitch = Math.max(
    widest + SPACE.starX,
    rows * (widest / 2 + SPACE.wireClearance),
    rows * (hubPortWidth + SPACING),
  );
  const step = pitch / rows;
  const slots = Math.ceil(spokes.length / sides);

  // The hub's ports under the slots start right of its name tab, so no wire crosses the tab.
  const tab = tabWidth(hub.label);
  const firstCentre = tab + SPACING + hubPortWidth / 2;
  const natural = context.size(hub, draft.sides);
  const span = firstCentre + (slots - 1) * step + hubPortWidth / 2 + PAD + SPACING;
  const hubSize = { width: Math.max(natural.width, span), height: natural.height };
  const offset = (hubSize.width - span) / 2;
  const centreOf = (slot: number) => offset + firstCentre + slot * step;

  // Row r on each side is as tall as its tallest box (tab included).
  const rowHeights = (side: EdgeSide): number[] => {
    const heights = Array.from({ length: rows }, () => 0);
    sizes.forEach((size, index) => {
      if (sideOf(index) !== side) return;
      const row = slotOf(index) % rows;
      heights[row] = Math.max(heights[row] ?? 0, size.height + TAB_HEIGHT);
    });
    return heights;
  };
  const above = rowHeights("top");
  const below = rowHeights("bottom");
  // Row r's edge nearest the hub: above, the boxes' bottoms; below, the tabs' tops.
  const hubTop = above.reduce((sum, height) => sum + height + SPACE.row, 0) - SPACE.row + SPACE.hub;
  const rowEdge = (side: EdgeSide, row: number): number => {
    const heights = side === "top" ? above : below;
    const before = heights.slice(0, row).reduce((sum, height) => sum + height + SPACE.row, 0);
    return side === "top"
      ? hubTop - SPACE.hub - before
      : hubTop + hubSize.height + SPACE.hub + before;
  };

  draft.place(hub.key, hubSize, 0, hubTop - TAB_HEIGHT);
  spokeNodes.forEach((node, index) => {
    const size = sizes[index];
    if (size === undefined) return;
    const side = sideOf(index);
    const slot = slotOf(index);
    const edge = rowEdge(side, slot % rows);
    const top = side === "top" ? edge - size.height - TAB_HEIGHT : edge;
    draft.place(node.key, size, centreOf(slot) - size.width / 2, top);
  });
  return draft.finish(context.order(hub.key));
}

/** The width of a box's name tab. */
export function tabWidth(label: string): number {
  return Math.max(label.length * 8 + 20, 56);
}

/**
 * The nodes in wiring order: each connected group together, walked depth first from its first
 * end (a namespace wired to one other), so a chain comes out in chain order.
 */
function wiringOrder(context: Context, nodes: readonly Node[]): Node[] {
  const inSet = new Set(nodes.map((node) => node.key));
  const seen = new Set<string>();
  const ordered: Node[] = [];
  const visit = (key: string): void => {
    if (seen.has(key) || !inSet.has(key)) return;
    seen.add(key);
    const node = context.node(key);
    if (node !== undefined) ordered.push(node);
    for (const next of context.neighbours(key)) visit(next);
  };
  for (const node of nodes) {
    if (seen.has(node.key)) continue;
    const group = component(context, node.key, inSet);
    const degree = (key: string) =>
      context.neighbours(key).filter((next) => inSet.has(next)).length;
    const start = group.reduce((a, b) => (degree(b) < degree(a) ? b : a));
    visit(start);
  }
  return ordered;
}

/** The keys connected to `key` within `inSet`, in node order. */
function component(context: Context, key: string, inSet: ReadonlySet<string>): string[] {
  const found = new Set<string>([key]);
  const queue = [key];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const neighbour of context.neighbours(next)) {
      if (!inSet.has(neighbour) || found.has(neighbour)) continue;
      found.add(neighbour);
      queue.push(neighbour);
    }
  }
  return [...found].sort((a, b) => context.order(a) - context.order(b));
}

/** The nodes in a grid of `columns`, row by row, every other row right to left. */
function gridBlock(context: Context, nodes: readonly Node[], columns: number): Block {
  const cell = new Map<string, { row: number; column: number }>();
  nodes.forEach((node, index) => {
    const row = Math.floor(index / columns);
    const along = index % columns;
    cell.set(node.key, { row, column: row % 2 === 0 ? along : columns - 1 - along });
  });
  const draft = new Draft();
  for (const node of nodes) {
    const here = cell.get(node.key);
    if (here === undefined) continue;
    for (const end of context.endsOf(node.key)) {
      const there = cell.get(end.peer);
      if (there !== undefined) draft.sides.set(end.port, direction(here, there));
    }
  }
  const sizes = nodes.map((node) => context.size(node, draft.sides));
  const rows = Math.ceil(nodes.length / columns);
  const widths = Array.from({ length: columns }, () => 0);
  const heights = Array.from({ length: rows }, () => 0);
  nodes.forEach((node, index) => {
    const at = cell.get(node.key);
    const size = sizes[index];
    if (at === undefined || size === undefined) return;
    widths[at.column] = Math.max(widths[at.column] ?? 0, size.width);
    heights[at.row] = Math.max(heights[at.row] ?? 0, size.height + TAB_HEIGHT);
  });
  const starts = (lengths: number[], gap: number) =>
    lengths.map((_, i) => lengths.slice(0, i).reduce((sum, length) => sum + length + gap, 0));
  const xs = starts(widths, SPACE.gridX);
  const ys = starts(heights, SPACE.gridY);
  nodes.forEach((node, index) => {
    const at = cell.get(node.key);
    const size = sizes[index];
    if (at === undefined || size === undefined) return;
    const x = (xs[at.column] ?? 0) + ((widths[at.column] ?? 0) - size.width) / 2;
    const y = (ys[at.row] ?? 0) + ((heights[at.row] ?? 0) - size.height - TAB_HEIGHT) / 2;
    draft.place(node.key, size, x, y);
  });
  return draft.finish(Math.min(...nodes.map((node) => context.order(node.key))));
}

/** The side of a cell that faces another cell. */
function direction(
  from: { row: number; column: number },
  to: { row: number; column: number },
): EdgeSide {
  const dx = (to.column - from.column) * SPACE.cellWidth;
  const dy = (to.row - from.row) * SPACE.cellHeight;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? "right" : "left";
  return dy >= 0 ? "bottom" : "top";
}

/**
 * The blocks on shelves, in order, each shelf as wide as the widest block or more; blocks on a
 * shelf are centred on its middle line and shelves centred under each other.
 */
function shelfCandidates(blocks: readonly Block[]): Arrangement[] {
  const widths = blocks.map((block) => block.size.width);
  const limits = new Set<number>([Math.max(0, ...widths)]);
  widths.reduce((sum, width) => {
    const total = sum === 0 ? width : sum + SPACE.block + width;
    limits.add(total);
    return total;
  }, 0);
  return [...limits].sort((a, b) => b - a).map((limit) => shelve(blocks, limit));
}

function shelve(blocks: readonly Block[], limit: number): Arrangement {
  const shelves: Block[][] = [];
  let width = 0;
  for (const block of blocks) {
    const shelf = shelves[shelves.length - 1];
    if (shelf !== undefined && width + SPACE.block + block.size.width <= limit + 1e-6) {
      shelf.push(block);
      width += SPACE.block + block.size.width;
    } else {
      shelves.push([block]);
      width = block.size.width;
    }
  }
  const shelfWidth = (shelf: Block[]) =>
    shelf.reduce((sum, block) => sum + block.size.width, 0) + (shelf.length - 1) * SPACE.block;
  const totalWidth = Math.max(...shelves.map(shelfWidth));
  const rects = new Map<string, Rect>();
  const sides = new Map<string, EdgeSide>();
  const hubs = new Set<string>();
  let top = 0;
  for (const shelf of shelves) {
    const height = Math.max(...shelf.map((block) => block.size.height));
    let left = (totalWidth - shelfWidth(shelf)) / 2;
    for (const block of shelf) {
      const dy = top + (height - block.size.height) / 2;
      for (const [key, rect] of block.rects) {
        rects.set(key, { ...rect, x: rect.x + left, y: rect.y + dy });
      }
      block.sides.forEach((side, port) => sides.set(port, side));
      block.hubs.forEach((hub) => hubs.add(hub));
      left += block.size.width + SPACE.block;
    }
    top += height + SPACE.block;
  }
  return { size: { width: totalWidth, height: top - SPACE.block }, rects, sides, hubs };
}
