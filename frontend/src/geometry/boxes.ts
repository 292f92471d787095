/** Owns what goes inside one namespace box: how big a port is, how big a box must be to hold its ports, and where each port, bridge bar and loose device sits once the box is placed. */
import { firstIPv4, type Device } from "../model/topology";
import { center, type Point, type Rect, type Size } from "./path";

/** Every port, bridge bar and loose device is this tall: its name over its address. */
export const PORT_HEIGHT = 38;
/** Room between a box's edge and what sits inside it. */
export const PAD = 4;
/** Room between neighbouring ports. */
export const SPACING = 6;
/** The name tab drawn just above each box. */
export const TAB_HEIGHT = 22;
/** The gap between a row of edge ports and a bridge bar, so the wires joining them show. */
const BAR_GAP = 16;
const MIN_BOX: Size = { width: 112, height: 56 };
/** Width of a port showing an address (wide enough for "192.168.100.200/24"). */
const ADDRESS_PORT_WIDTH = 104;
const MIN_PORT_WIDTH = 64;
const MAX_PORT_WIDTH = 128;
const MIN_BAR_WIDTH = 120;
/** Rough advance of one character of a port's bold 12 px name and of its 11 px monospace address. */
const NAME_CHAR = 7.5;
const ADDRESS_CHAR = 6.7;
const TEXT_ROOM = 16;
const LOOSE_PER_ROW = 3;

export type EdgeSide = "top" | "right" | "bottom" | "left";

/** Where a device goes in its box: on an edge facing its peer, as a bridge bar, or loose inside. */
export type Place = EdgeSide | "bar" | "loose";

export interface Item {
  /** The device key. */
  readonly key: string;
  readonly device: Device;
  readonly place: Place;
  /** The width it asks for; a crowded box gives less. */
  readonly width: number;
}

/** Where one item was put: its rectangle, and where wires attach to it. */
export interface Slot {
  readonly rect: Rect;
  readonly anchor: Point;
}

/** A box's columns and rows, worked out once and shared by the placement of each of its sides. */
export interface BoxFrame {
  readonly box: Rect;
  readonly items: readonly Item[];
  readonly leftWidth: number;
  readonly rightWidth: number;
  /** The middle column, between the left and right port columns: top and bottom ports, bars and loose devices. */
  readonly middleLeft: number;
  readonly middleRight: number;
  /** Height of every row in the middle column (PORT_HEIGHT unless the box is crowded). */
  readonly rowHeight: number;
}

/** The width a device's port asks for: room for its name and, if it has one, its address. */
export function itemWidth(device: Device): number {
  const name = device.name.length * NAME_CHAR + TEXT_ROOM;
  const address = firstIPv4(device);
  const text =
    address === null
      ? Math.max(name, MIN_PORT_WIDTH)
      : Math.max(name, address.length * ADDRESS_CHAR + TEXT_ROOM, ADDRESS_PORT_WIDTH);
  const width = Math.min(Math.ceil(text), MAX_PORT_WIDTH);
  return device.kind === "bridge" ? Math.max(width, MIN_BAR_WIDTH) : width;
}

/** The smallest box that holds the items at full size. */
export function naturalSize(items: readonly Item[]): Size {
  const on = (place: Place) => items.filter((item) => item.place === place);
  const column = (side: Place) => Math.max(0, ...on(side).map((item) => item.width));
  const row = (row: readonly Item[]) =>
    row.reduce((sum, item) => sum + item.width, 0) + Math.max(row.length - 1, 0) * SPACING;
  const leftWidth = column("left");
  const rightWidth = column("right");
  const middleWidth = Math.max(
    row(on("top")),
    row(on("bottom")),
    column("bar"),
    ...looseRows(on("loose")).map(row),
  );
  const width = edgeRoom(leftWidth) + middleWidth + edgeRoom(rightWidth);
  const stack = (count: number) => count * PORT_HEIGHT + Math.max(count - 1, 0) * SPACING;
  const sideHeight = Math.max(stack(on("left").length), stack(on("right").length)) + 2 * PAD;
  const middleHeight = middleRows(items, PORT_HEIGHT).height;
  return {
    width: Math.max(width, MIN_BOX.width),
    height: Math.max(sideHeight, middleHeight, MIN_BOX.height),
  };
}

/** The columns of a placed box; columns shrink in proportion when the box is too narrow. */
export function boxFrame(box: Rect, items: readonly Item[]): BoxFrame {
  const natural = naturalSize(items);
  const widest = (side: Place) =>
    Math.max(0, ...items.filter((item) => item.place === side).map((item) => item.width));
  const shrink = Math.min(1, box.width / natural.width);
  const leftWidth = widest("left") * shrink;
  const rightWidth = widest("right") * shrink;
  const rowHeight = Math.min(PORT_HEIGHT, PORT_HEIGHT * (box.height / natural.height));
  return {
    box,
    items,
    leftWidth,
    rightWidth,
    middleLeft: box.x + edgeRoom(leftWidth),
    middleRight: box.x + box.width - edgeRoom(rightWidth),
    rowHeight,
  };
}

/**
 * Places the items of one edge, given in order along it, each as near its wanted centre (along
 * the edge) as its neighbours allow; null spreads the item evenly. Left and right ports stack
 * along their edges over the box's full height; top and bottom ports line up in the middle column.
 */
export function placeEdge(
  frame: BoxFrame,
  side: EdgeSide,
  onSide: readonly Item[],
  wanted: readonly (number | null)[],
): Slot[] {
  const { box, rowHeight } = frame;
  if (side === "left" || side === "right") {
    const low = box.y + PAD;
    const high = box.y + box.height - PAD;
    const spans = pack(
      onSide.map(() => PORT_HEIGHT),
      spread(wanted, low, high),
      low,
      high,
    );
    const width = side === "left" ? frame.leftWidth : frame.rightWidth;
    const x = side === "left" ? box.x : box.x + box.width - width;
    const edgeX = side === "left" ? box.x : box.x + box.width;
    return spans.map(({ start, length }) => ({
      rect: { x, y: start, width, height: length },
      anchor: { x: edgeX, y: start + length / 2 },
    }));
  }
  const low = frame.middleLeft;
  const high = frame.middleRight;
  const spans = pack(
    onSide.map((item) => item.width),
    spread(wanted, low, high),
    low,
    high,
  );
  const y = side === "top" ? box.y : box.y + box.height - rowHeight;
  const edgeY = side === "top" ? box.y : box.y + box.height;
  return spans.map(({ start, length }) => ({
    rect: { x: start, y, width: length, height: rowHeight },
    anchor: { x: start + length / 2, y: edgeY },
  }));
}

/**
 * Places the bridge bars (each across the whole middle column) and the loose devices (in rows of
 * up to three) between the top and bottom port rows. Loose devices go to a free edge: the bottom
 * if no port sits there, else the top, else below the bars.
 */
export function placeInside(frame: BoxFrame): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  const { box, items, rowHeight, middleLeft, middleRight } = frame;
  const bars = items.filter((item) => item.place === "bar");
  const loose = looseRows(items.filter((item) => item.place === "loose"));
  if (bars.length === 0 && loose.length === 0) return slots;
  const rows = middleRows(items, rowHeight);
  const scale = Math.min(1, box.height / rows.height);
  const gap = (bars.length > 0 ? BAR_GAP : SPACING) * scale;
  const top = box.y + (rows.top ? rowHeight + gap : PAD);
  const bottom = box.y + box.height - (rows.bottom ? rowHeight + gap : PAD);
  const looseHeight = loose.length * rowHeight + Math.max(loose.length - 1, 0) * SPACING * scale;
  const barsHeight = bars.length * rowHeight + Math.max(bars.length - 1, 0) * BAR_GAP * scale;

  let looseTop: number;
  let barsTop: number;
  const between = loose.length > 0 && bars.length > 0 ? gap : 0;
  if (!rows.bottom && loose.length > 0) {
    looseTop = bottom - looseHeight;
    barsTop = (top + looseTop - between - barsHeight) / 2;
  } else if (!rows.top && loose.length > 0) {
    looseTop = top;
    barsTop = (top + looseHeight + between + bottom - barsHeight) / 2;
  } else {
    barsTop = (top + bottom - barsHeight - between - looseHeight) / 2;
    looseTop = barsTop + barsHeight + between;
  }

  bars.forEach((bar, index) => {
    const rect: Rect = {
      x: middleLeft,
      y: barsTop + index * (rowHeight + BAR_GAP * scale),
      width: middleRight - middleLeft,
      height: rowHeight,
    };
    slots.set(bar.key, { rect, anchor: center(rect) });
  });
  loose.forEach((row, rowIndex) => {
    const y = looseTop + rowIndex * (rowHeight + SPACING * scale);
    const spans = pack(
      row.map((item) => item.width),
      spread(
        row.map(() => null),
        middleLeft,
        middleRight,
      ),
      middleLeft,
      middleRight,
      true,
    );
    row.forEach((item, index) => {
      const span = spans[index];
      if (span === undefined) return;
      const rect: Rect = { x: span.start, y, width: span.length, height: rowHeight };
      slots.set(item.key, { rect, anchor: center(rect) });
    });
  });
  return slots;
}

/** The two ends of the wire from a bridge port to its bridge bar: the nearest points of the two rectangles. */
export function bridgeWireEnds(port: Rect, bar: Rect): { from: Point; to: Point } {
  const overlapX = overlap(port.x, port.width, bar.x, bar.width);
  if (overlapX !== null) {
    const x = overlapX;
    const below = port.y + port.height <= bar.y;
    return below
      ? { from: { x, y: port.y + port.height }, to: { x, y: bar.y } }
      : { from: { x, y: port.y }, to: { x, y: bar.y + bar.height } };
  }
  const overlapY = overlap(port.y, port.height, bar.y, bar.height);
  if (overlapY !== null) {
    const y = overlapY;
    const right = port.x + port.width <= bar.x;
    return right
      ? { from: { x: port.x + port.width, y }, to: { x: bar.x, y } }
      : { from: { x: port.x, y }, to: { x: bar.x + bar.width, y } };
  }
  const from = nearestPoint(port, center(bar));
  return { from, to: nearestPoint(bar, from) };
}

interface Span {
  readonly start: number;
  readonly length: number;
}

/**
 * Lays intervals of the given lengths, in order, within [low, high] and SPACING apart, each as
 * near its wanted centre as the others allow; when they cannot all fit, every length shrinks in
 * proportion. With `centred`, the whole run is centred instead.
 */
export function pack(
  lengths: readonly number[],
  wanted: readonly number[],
  low: number,
  high: number,
  centred = false,
): Span[] {
  const count = lengths.length;
  if (count === 0) return [];
  const gaps = (count - 1) * SPACING;
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const shrink = Math.min(1, Math.max(high - low - gaps, count) / total);
  const sized = lengths.map((length) => Math.max(length * shrink, 1));
  if (centred) {
    let start = (low + high - (sized.reduce((sum, l) => sum + l, 0) + gaps)) / 2;
    return sized.map((length) => {
      const span = { start, length };
      start += length + SPACING;
      return span;
    });
  }
  const starts: number[] = [];
  let earliest = low;
  sized.forEach((length, index) => {
    const start = Math.max((wanted[index] ?? low) - length / 2, earliest);
    starts.push(start);
    earliest = start + length + SPACING;
  });
  let latest = high;
  for (let index = count - 1; index >= 0; index--) {
    const length = sized[index] ?? 0;
    const start = Math.min(starts[index] ?? low, latest - length);
    starts[index] = start;
    latest = start - SPACING;
  }
  return sized.map((length, index) => ({ start: starts[index] ?? low, length }));
}

/** Wanted centres with the unknown ones filled in evenly over [low, high]. */
function spread(wanted: readonly (number | null)[], low: number, high: number): number[] {
  const step = (high - low) / Math.max(wanted.length, 1);
  return wanted.map((centre, index) => centre ?? low + step * (index + 0.5));
}

/** The rows of the middle column and its height: top ports, bars, loose rows, bottom ports. */
function middleRows(
  items: readonly Item[],
  rowHeight: number,
): { top: boolean; bottom: boolean; height: number } {
  const count = (place: Place) => items.filter((item) => item.place === place).length;
  const top = count("top") > 0;
  const bottom = count("bottom") > 0;
  const bars = count("bar");
  const loose = looseRows(items.filter((item) => item.place === "loose")).length;
  const gap = bars > 0 ? BAR_GAP : SPACING;
  const inside =
    bars * rowHeight +
    Math.max(bars - 1, 0) * BAR_GAP +
    loose * rowHeight +
    Math.max(loose - 1, 0) * SPACING +
    (bars > 0 && loose > 0 ? gap : 0);
  const edges = (top ? rowHeight : 0) + (bottom ? rowHeight : 0);
  const parts = Number(top) + Number(bottom) + Number(inside > 0);
  const gaps = Math.max(parts - 1, 0) * gap;
  const ends = (top ? 0 : PAD) + (bottom ? 0 : PAD);
  return { top, bottom, height: edges + inside + gaps + ends };
}

function looseRows(loose: readonly Item[]): Item[][] {
  const rows: Item[][] = [];
  for (let index = 0; index < loose.length; index += LOOSE_PER_ROW) {
    rows.push(loose.slice(index, index + LOOSE_PER_ROW));
  }
  return rows;
}

/** Room a side column takes from the middle: the column and a gap, or just the padding. */
function edgeRoom(columnWidth: number): number {
  return columnWidth > 0 ? columnWidth + SPACING : PAD;
}

/** The middle of the overlap of [a, a + aLength] and [b, b + bLength], or null when they do not overlap. */
function overlap(a: number, aLength: number, b: number, bLength: number): number | null {
  const low = Math.max(a, b);
  const high = Math.min(a + aLength, b + bLength);
  return low < high ? (low + high) / 2 : null;
}

function nearestPoint(rect: Rect, point: Point): Point {
  return {
    x: Math.min(Math.max(point.x, rect.x), rect.x + rect.width),
    y: Math.min(Math.max(point.y, rect.y), rect.y + rect.height),
  };
}
