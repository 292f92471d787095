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

export const MARGIN = 16;
export const HOST_LABEL_HEIGHT = 22;
export const HOST_PADDING = 12;
export const TAB_HEIGHT = 22;
export const GAP = 40;
export const MAX_BOX = { width: 380, height: 260 } as const;
export const PORT_SIZE = { width: 104, height: 38 } as const;
export const BRIDGE_SIZE = { width: 96, height: 34 } as const;

/** Lays out every visible namespace and device of the topology on a canvas of the given size. */
export function layoutTopology(topology: Topology, size: Size): Scene {
  const byHost = groupByHost(visibleNamespaces(topology));
  const hosts: HostFrame[] = [];
  const boxes = new Map<string, NamespaceBox>();

  const columnsOf = (count: number): number => (count <= 3 ? count : Math.ceil(Math.sqrt(count)));
  const rowsOf = (count: number): number => Math.ceil(count / columnsOf(count));
  const totalRows = byHost.reduce((sum, group) => sum + rowsOf(group.namespaces.length), 0);
  const chrome = HOST_LABEL_HEIGHT + 2 * HOST_PADDING;
  const rowSpace = Math.max(size.height - 2 * MARGIN - byHost.length * (chrome + GAP / 2), 0);

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
    const boxWidth = clampSize(cellWidth - GAP, MAX_BOX.width);
    const boxHeight = clampSize(cellHeight - GAP - TAB_HEIGHT, MAX_BOX.height);
    group.namespaces.forEach((placed, index) => {
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

/** The wire joining two devices, if one is drawn; its path runs from `fromKey` to `toKey`. */
export function wirePath(scene: Scene, fromKey: string, toKey: string): Point[] | null {
  const wire = scene.wires.find(
    (candidate) =>
      (candidate.a === fromKey && candidate.b === toKey) ||
      (candidate.a === toKey && candidate.b === fromKey),
  );
  const from = scene.ports.get(fromKey);
  const to = scene.ports.get(toKey);
  if (wire === undefined || from === undefined || to === undefined) return null;
  return [center(from.rect), from.anchor, to.anchor, center(to.rect)];
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
    const sides: Side[] = ["top", "right", "bottom", "left", "inside"];
    for (const side of sides) {
      const onSide = pending.filter((port) => port.side === side);
      onSide.sort((a, b) => alongSide(side, a.towards) - alongSide(side, b.towards));
      onSide.forEach((port, index) => {
        const { rect, anchor } = portGeometry(box.rect, side, index, onSide.length);
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

function portGeometry(
  box: Rect,
  side: Side,
  index: number,
  count: number,
): { rect: Rect; anchor: Point } {
  const fraction = (index + 1) / (count + 1);
  const width = Math.min(PORT_SIZE.width, box.width * 0.45);
  const height = Math.min(PORT_SIZE.height, box.height * 0.45);
  switch (side) {
    case "top":
    case "bottom": {
      const x = box.x + box.width * fraction - width / 2;
      const y = side === "top" ? box.y : box.y + box.height - height;
      const edgeY = side === "top" ? box.y : box.y + box.height;
      return { rect: { x, y, width, height }, anchor: { x: x + width / 2, y: edgeY } };
    }
    case "left":
    case "right": {
      const y = box.y + box.height * fraction - height / 2;
      const x = side === "left" ? box.x : box.x + box.width - width;
      const edgeX = side === "left" ? box.x : box.x + box.width;
      return { rect: { x, y, width, height }, anchor: { x: edgeX, y: y + height / 2 } };
    }
    case "inside": {
      const bridgeWidth = Math.min(BRIDGE_SIZE.width, box.width * 0.4);
      const bridgeHeight = Math.min(BRIDGE_SIZE.height, box.height * 0.3);
      const x = box.x + box.width * fraction - bridgeWidth / 2;
      const y = box.y + box.height * 0.4 - bridgeHeight / 2;
      const rect = { x, y, width: bridgeWidth, height: bridgeHeight };
      return { rect, anchor: center(rect) };
    }
  }
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
