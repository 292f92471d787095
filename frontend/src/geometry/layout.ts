/** Owns the pure layout of a topology on a canvas: host frames, namespace boxes in a grid, device ports on box edges, and wires between them. */
import {
  deviceKey,
  firstIPv4,
  namespaceKey,
  namespaceLabel,
  visibleDevices,
  visibleNamespaces,
  type Device,
  type LinkKind,
  type NamespaceRef,
  type PlacedNamespace,
  type Topology,
} from "../model/topology";
import { center, type Point, type Rect } from "./path";

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Which edge of its namespace box a port sits on; bridges sit inside the box. */
export type Side = "top" | "right" | "bottom" | "left" | "inside";

export interface HostFrame {
  readonly name: string;
  readonly rect: Rect;
}

export interface NamespaceBox {
  readonly key: string;
  readonly ref: NamespaceRef;
  readonly label: string;
  readonly rect: Rect;
  /** The name tab drawn just above the box. */
  readonly tab: Rect;
}

export interface PortBox {
  /** The device key, e.g. "host1/ns1/veth1". */
  readonly key: string;
  readonly namespaceKey: string;
  readonly device: Device;
  /** The first IPv4 address in CIDR form, or null. */
  readonly address: string | null;
  readonly side: Side;
  /** The port's rectangle, inside its namespace box and touching its side. */
  readonly rect: Rect;
  /** Where wires attach: the middle of the port's outer side, on the box edge (the centre for a bridge). */
  readonly anchor: Point;
}

export interface Wire {
  readonly key: string;
  readonly kind: LinkKind;
  /** Device keys of the two ends (for a bridge port, a = the port, b = the bridge). */
  readonly a: string;
  readonly b: string;
  /** The drawn line, from a's anchor to b's anchor. */
  readonly from: Point;
  readonly to: Point;
}

export interface Scene {
  readonly size: Size;
  readonly hosts: readonly HostFrame[];
  readonly boxes: ReadonlyMap<string, NamespaceBox>;
  readonly ports: ReadonlyMap<string, PortBox>;
  readonly wires: readonly Wire[];
}

const MARGIN = 16;
const HOST_LABEL_HEIGHT = 18;
const HOST_PADDING = 10;
const TAB_HEIGHT = 22;
const GAP = 36;
const MAX_BOX = { width: 360, height: 220 } as const;
const MIN_BOX = { width: 150, height: 90 } as const;
/** The least height a port and the space below it take when a side is crowded. */
const MIN_PORT_PITCH = 36;
const PORT_SIZE = { width: 104, height: 38 } as const;
const PAD = 4;
const SPACING = 6;

/**
 * Lays out every visible namespace and device of the topology on a canvas of the given size.
 * When the boxes would be too small to read, the scene grows past the canvas (scene.size) and
 * the painter scales it down to fit.
 */
export function layoutTopology(topology: Topology, canvas: Size): Scene {
  const byHost = groupByHost(visibleNamespaces(topology));
  const hosts: HostFrame[] = [];
  const boxes = new Map<string, NamespaceBox>();

  const columnsOf = (count: number): number => (count <= 3 ? count : Math.ceil(Math.sqrt(count)));
  const rowsOf = (count: number): number => Math.ceil(count / columnsOf(count));
  const totalRows = byHost.reduce((sum, group) => sum + rowsOf(group.namespaces.length), 0);
  const chrome = HOST_LABEL_HEIGHT + 2 * HOST_PADDING;
  const between = Math.max(byHost.length - 1, 0) * (GAP / 2);

  // Every box must hold its devices as readable ports, one above the other if need be.
  const mostDevices = Math.max(
    0,
    ...byHost.flatMap((group) =>
      group.namespaces.map((placed) => visibleDevices(placed.namespace).length),
    ),
  );
  const minBoxHeight = Math.max(MIN_BOX.height, mostDevices * MIN_PORT_PITCH + 2 * PAD);
  const mostColumns = Math.max(1, ...byHost.map((group) => columnsOf(group.namespaces.length)));
  const size: Size = {
    width: Math.max(
      canvas.width,
      2 * (MARGIN + HOST_PADDING) +
        mostColumns * Math.max(MIN_BOX.width / 0.75, MIN_BOX.width + GAP),
    ),
    height: Math.max(
      canvas.height,
      2 * MARGIN + byHost.length * chrome + between + totalRows * (minBoxHeight + GAP + TAB_HEIGHT),
    ),
  };
  const rowSpace = Math.max(size.height - 2 * MARGIN - byHost.length * chrome - between, 0);

  let top = MARGIN;
  for (const group of byHost) {
    const count = group.namespaces.length;
    const columns = columnsOf(count);
    const rows = rowsOf(count);
    const bandHeight = (rowSpace * rows) / totalRows + chrome;
    const frame: Rect = { x: MARGIN, y: top, width: size.width - 2 * MARGIN, height: bandHeight };
    const inner: Rect = {
      x: frame.x + HOST_PADDING,
      y: frame.y + HOST_LABEL_HEIGHT + HOST_PADDING,
      width: Math.max(frame.width - 2 * HOST_PADDING, 0),
      height: Math.max(frame.height - HOST_LABEL_HEIGHT - 2 * HOST_PADDING, 0),
    };
    hosts.push({ name: group.host, rect: frame });

    const cellWidth = inner.width / columns;
    const cellHeight = inner.height / rows;
    // Boxes leave at least a quarter of their cell free, so wires stay long enough to follow.
    const boxWidth = clampSize(Math.min(cellWidth - GAP, cellWidth * 0.75), MAX_BOX.width);
    const boxHeight = clampSize(
      cellHeight - GAP - TAB_HEIGHT,
      Math.max(MAX_BOX.height, minBoxHeight),
    );
    hubInTheMiddle(group.namespaces, topology, columns, rows).forEach((placed, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      // The last row is centred when it is not full.
      const inRow = row === rows - 1 ? count - row * columns : columns;
      const rowOffset = ((columns - inRow) * cellWidth) / 2;
      const cellX = inner.x + rowOffset + column * cellWidth;
      const cellY = inner.y + row * cellHeight;
      const rect: Rect = {
        x: cellX + (cellWidth - boxWidth) / 2,
        y: cellY + TAB_HEIGHT + (cellHeight - TAB_HEIGHT - boxHeight) / 2,
        width: boxWidth,
        height: boxHeight,
      };
      const label = namespaceLabel(placed.ref);
      const tabWidth = Math.min(Math.max(label.length * 8 + 20, 56), boxWidth);
      boxes.set(namespaceKey(placed.ref), {
        key: namespaceKey(placed.ref),
        ref: placed.ref,
        label,
        rect,
        tab: { x: rect.x, y: rect.y - TAB_HEIGHT, width: tabWidth, height: TAB_HEIGHT },
      });
    });
    top += bandHeight + GAP / 2;
  }

  const ports = placePorts(topology, boxes);
  return { size, hosts, boxes, ports, wires: placeWires(topology, ports) };
}

/** The wire joining two devices, if one is drawn, as a path from `fromKey`'s anchor to `toKey`'s. */
export function wirePath(scene: Scene, fromKey: string, toKey: string): Point[] | null {
  const wire = scene.wires.find(
    (candidate) =>
      (candidate.a === fromKey && candidate.b === toKey) ||
      (candidate.a === toKey && candidate.b === fromKey),
  );
  if (wire === undefined) return null;
  return wire.a === fromKey ? [wire.from, wire.to] : [wire.to, wire.from];
}

function clampSize(available: number, max: number): number {
  return Math.max(Math.min(available, max), 1);
}

interface HostGroup {
  readonly host: string;
  readonly namespaces: PlacedNamespace[];
}

function groupByHost(namespaces: readonly PlacedNamespace[]): HostGroup[] {
  const groups: HostGroup[] = [];
  for (const placed of namespaces) {
    const group = groups.find((candidate) => candidate.host === placed.ref.host);
    if (group === undefined) groups.push({ host: placed.ref.host, namespaces: [placed] });
    else group.namespaces.push(placed);
  }
  return groups;
}

/**
 * Moves a hub (a namespace wired to three or more others, such as a root namespace with a
 * bridge) to the middle of the grid, so its wires fan out instead of crossing other boxes.
 */
function hubInTheMiddle(
  namespaces: readonly PlacedNamespace[],
  topology: Topology,
  columns: number,
  rows: number,
): PlacedNamespace[] {
  const degree = (placed: PlacedNamespace): number =>
    topology.links.filter((link) => {
      if (link.kind !== "veth") return false;
      const a = namespaceKey(link.a);
      const b = namespaceKey(link.b);
      const key = namespaceKey(placed.ref);
      return a !== b && (a === key || b === key);
    }).length;
  const ordered = [...namespaces];
  const hub = ordered.reduce<PlacedNamespace | null>(
    (best, placed) => (best === null || degree(placed) > degree(best) ? placed : best),
    null,
  );
  if (hub === null || degree(hub) < 3) return ordered;
  const middle = Math.min(
    Math.floor((rows - 1) / 2) * columns + Math.floor(columns / 2),
    ordered.length - 1,
  );
  const from = ordered.indexOf(hub);
  const displaced = ordered[middle];
  if (displaced === undefined) return ordered;
  ordered[middle] = hub;
  ordered[from] = displaced;
  return ordered;
}

interface PendingPort {
  readonly key: string;
  readonly device: Device;
  readonly side: Side;
  /** Where the device's peer is, to order ports on a side so wires cross less. */
  readonly towards: Point | null;
}

function placePorts(
  topology: Topology,
  boxes: ReadonlyMap<string, NamespaceBox>,
): Map<string, PortBox> {
  const ports = new Map<string, PortBox>();
  const peerBox = new Map<string, NamespaceBox>();
  for (const link of topology.links) {
    if (link.kind !== "veth") continue;
    const boxA = boxes.get(namespaceKey(link.a));
    const boxB = boxes.get(namespaceKey(link.b));
    if (boxA === undefined || boxB === undefined || boxA === boxB) continue;
    peerBox.set(deviceKey(link.a), boxB);
    peerBox.set(deviceKey(link.b), boxA);
  }

  for (const box of boxes.values()) {
    const namespace = topology.hosts
      .find((host) => host.name === box.ref.host)
      ?.namespaces.find((candidate) => candidate.name === box.ref.netns);
    if (namespace === undefined) continue;
    const pending: PendingPort[] = visibleDevices(namespace).map((device) => {
      const key = deviceKey({ ...box.ref, device: device.name });
      if (device.kind === "bridge") return { key, device, side: "inside", towards: null };
      const peer = peerBox.get(key);
      if (peer === undefined) return { key, device, side: "bottom", towards: null };
      const towards = center(peer.rect);
      return { key, device, side: facing(box.rect, towards), towards };
    });
    const bySide = new Map<Side, PendingPort[]>();
    for (const port of pending) bySide.set(port.side, [...(bySide.get(port.side) ?? []), port]);
    const slots = sideSlots(box.rect, (side) => bySide.get(side)?.length ?? 0);
    for (const [side, onSide] of bySide) {
      onSide.sort((a, b) => alongSide(side, a.towards) - alongSide(side, b.towards));
      onSide.forEach((port, index) => {
        const { rect, anchor } = slots(side, index);
        ports.set(port.key, {
          key: port.key,
          namespaceKey: box.key,
          device: port.device,
          address: firstIPv4(port.device),
          side,
          rect,
          anchor,
        });
      });
    }
  }
  return ports;
}

/** The side of `box` that faces the point, weighing the box's proportions. */
function facing(box: Rect, towards: Point): Side {
  const middle = center(box);
  const dx = (towards.x - middle.x) / box.width;
  const dy = (towards.y - middle.y) / box.height;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? "right" : "left";
  return dy >= 0 ? "bottom" : "top";
}

function alongSide(side: Side, towards: Point | null): number {
  if (towards === null) return 0;
  return side === "left" || side === "right" ? towards.y : towards.x;
}

interface Slot {
  readonly rect: Rect;
  readonly anchor: Point;
}

/**
 * Where the ports of one box go. Left and right ports stack in columns along their edges over
 * the box's full height; top ports, bridges and bottom ports share the middle column in rows.
 * Sizes shrink so no two ports overlap.
 */
function sideSlots(box: Rect, count: (side: Side) => number): (side: Side, index: number) => Slot {
  const hasLeft = count("left") > 0;
  const hasRight = count("right") > 0;
  const middleRows = (["top", "inside", "bottom"] as const).filter((side) => count(side) > 0);
  const columns = Number(hasLeft) + Number(hasRight) + Number(middleRows.length > 0);
  const columnWidth = Math.min(
    PORT_SIZE.width,
    (box.width - 2 * PAD - (columns - 1) * SPACING) / Math.max(columns, 1),
  );
  const middleLeft = box.x + (hasLeft ? columnWidth + SPACING : PAD);
  const middleRight = box.x + box.width - (hasRight ? columnWidth + SPACING : PAD);
  const rowHeight = Math.min(
    PORT_SIZE.height,
    (box.height - 2 * PAD - (middleRows.length - 1) * SPACING) / Math.max(middleRows.length, 1),
  );
  const insideTop = count("top") > 0 ? box.y + rowHeight + SPACING : box.y + PAD;
  const insideBottom =
    count("bottom") > 0 ? box.y + box.height - rowHeight - SPACING : box.y + box.height - PAD;

  return (side, index) => {
    const k = Math.max(count(side), 1);
    switch (side) {
      case "left":
      case "right": {
        const slot = (box.height - 2 * PAD) / k;
        const height = Math.min(PORT_SIZE.height, slot - SPACING);
        const y = box.y + PAD + slot * (index + 0.5) - height / 2;
        const x = side === "left" ? box.x : box.x + box.width - columnWidth;
        const edgeX = side === "left" ? box.x : box.x + box.width;
        return {
          rect: { x, y, width: columnWidth, height },
          anchor: { x: edgeX, y: y + height / 2 },
        };
      }
      case "top":
      case "bottom":
      case "inside": {
        const slot = (middleRight - middleLeft) / k;
        const width = Math.min(columnWidth, slot - SPACING);
        const x = middleLeft + slot * (index + 0.5) - width / 2;
        if (side === "inside") {
          const y = (insideTop + insideBottom) / 2 - rowHeight / 2;
          const rect = { x, y, width, height: rowHeight };
          return { rect, anchor: center(rect) };
        }
        const y = side === "top" ? box.y : box.y + box.height - rowHeight;
        const edgeY = side === "top" ? box.y : box.y + box.height;
        return {
          rect: { x, y, width, height: rowHeight },
          anchor: { x: x + width / 2, y: edgeY },
        };
      }
    }
  };
}

function placeWires(topology: Topology, ports: ReadonlyMap<string, PortBox>): Wire[] {
  const wires: Wire[] = [];
  for (const link of topology.links) {
    const a = ports.get(deviceKey(link.a));
    const b = ports.get(deviceKey(link.b));
    if (a === undefined || b === undefined) continue;
    wires.push({
      key: `${link.kind}:${a.key}:${b.key}`,
      kind: link.kind,
      a: a.key,
      b: b.key,
      from: a.anchor,
      to: b.anchor,
    });
  }
  return wires;
}
