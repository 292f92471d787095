/**
 * Owns the pure layout of a topology: host frames, namespace boxes (arranged by arrange.ts),
 * device ports on box edges and bridge bars inside (placed by boxes.ts), wires between them, and
 * the underlay: switches as upright bars in a lane right of the hosts, with a cable from each
 * physical NIC plugged into one. A lab that fits the canvas is stretched to fill it; a bigger one keeps its natural size
 * and the view (viewport.ts) scales and pans it.
 */
import {
  deviceKey,
  firstIPv4,
  namespaceKey,
  namespaceLabel,
  visibleDevices,
  visibleNamespaces,
  type Device,
  type DeviceRef,
  type LinkKind,
  type NamespaceRef,
  type PlacedNamespace,
  type Topology,
  type UnderlaySwitch,
  underlaySwitches,
} from "../model/topology";
import {
  arrangeHost,
  boxItems,
  extent,
  grow,
  tabWidth,
  type Arrangement,
  type Node,
  type VethEnd,
} from "./arrange";
import {
  boxFrame,
  bridgeWireEnds,
  placeEdge,
  placeInside,
  TAB_HEIGHT,
  type BoxFrame,
  type EdgeSide,
  type Item,
} from "./boxes";
import { center, distance, type Point, type Rect, type Size } from "./path";
import { fitScale } from "./viewport";

export type { Size } from "./path";

/** Which edge of its namespace box a port sits on; bridges and loose devices sit inside the box. */
export type Side = EdgeSide | "inside";

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
  /** The port's rectangle, inside its namespace box (touching its side, for an edge port). */
  readonly rect: Rect;
  /** Where wires attach: the middle of the port's outer side, on the box edge (the centre for a port inside). */
  readonly anchor: Point;
}

export interface Wire {
  readonly key: string;
  readonly kind: LinkKind;
  /** Device keys of the two ends (for a bridge port, a = the port, b = the bridge). */
  readonly a: string;
  readonly b: string;
  /** The drawn line, from a's end to b's end. */
  readonly from: Point;
  readonly to: Point;
}

/** An underlay switch: an upright bar in the lane right of the hosts, its name above it. */
export interface SwitchBox {
  readonly name: string;
  readonly rect: Rect;
}

/**
 * An underlay cable from a physical NIC's port to its switch's bar: straight across, or, when a
 * namespace box of its host is in the way, down to the gutter at the bottom of the host's frame
 * and along it.
 */
export interface Cable {
  readonly key: string;
  /** The NIC's device key. */
  readonly nic: string;
  readonly switchName: string;
  /** From the NIC port's anchor to the bar's near edge. */
  readonly points: readonly Point[];
}

export interface Scene {
  /** The laid-out area; at least the canvas when the lab fits it at scale 1. */
  readonly size: Size;
  readonly hosts: readonly HostFrame[];
  readonly boxes: ReadonlyMap<string, NamespaceBox>;
  readonly ports: ReadonlyMap<string, PortBox>;
  readonly wires: readonly Wire[];
  readonly switches: readonly SwitchBox[];
  readonly cables: readonly Cable[];
  /** How much boxes and gaps were stretched to fill the canvas (1 when not). */
  readonly stretch: Stretch;
}

export interface Stretch {
  readonly x: number;
  readonly y: number;
}

const MARGIN = 16;
const HOST_LABEL_HEIGHT = 18;
const HOST_PADDING = 10;
const HOST_GAP = 18;
/** The underlay lane: from the hosts to the first bar, bar width, between bars, after the last. */
const LANE_GAP = 56;
const SWITCH_WIDTH = 26;
const SWITCH_SPACING = 64;
const LANE_END = 40;
/** A switch bar reaches this far beyond its outermost cables. */
const SWITCH_REACH = 22;
const SWITCH_LABEL_HEIGHT = 18;
/** With an underlay, each host frame has a gutter this high below its boxes for cables. */
const CABLE_GUTTER = 16;
/** How far a cable leaves its NIC before turning down to the gutter. */
const CABLE_STUB = 14;

/** A host with nothing to draw yet (a root namespace with only lo): room for its name. */
const EMPTY_HOST: Arrangement = {
  size: { width: 160, height: 24 },
  rects: new Map(),
  sides: new Map(),
  hubs: new Set(),
};

const NO_POSITIONS: ReadonlyMap<string, Point> = new Map();

/**
 * Lays out every visible namespace and device of the topology for a canvas of the given size.
 * Namespaces are arranged to suit the canvas's proportions; when they fit it (at the view's
 * "Fit" scale), gaps and boxes stretch to fill it, else the scene is larger than the canvas.
 * A namespace with a place in `positions` (its box's centre, by namespace key) is centred there
 * instead, and a box without one goes where the arrangement puts it
 * unless that overlaps a placed box, else right of the placed boxes: new things never move old
 * ones. Host frames then wrap their boxes. A given `stretch` (an earlier scene's) is used instead
 * of the one that fills the canvas, so that boxes keep their sizes from one layout to the next.
 * With `visible` (the part of the scene on screen), a new box goes to free room there first.
 */
export function layoutTopology(
  topology: Topology,
  canvas: Size,
  positions: ReadonlyMap<string, Point> = NO_POSITIONS,
  stretch: Stretch | null = null,
  visible: Rect | null = null,
): Scene {
  const switchList = underlaySwitches(topology);
  // Several hosts, or an underlay, and every host is drawn, even one that shows nothing yet.
  const groups = groupByHost(
    visibleNamespaces(topology),
    switchList.length > 0 || topology.hosts.length > 1
      ? topology.hosts.map((host) => host.name)
      : [],
  );
  const nodes = groups.flatMap((group) => group.nodes);
  if (groups.length === 0)
    return {
      size: canvas,
      hosts: [],
      boxes: new Map(),
      ports: new Map(),
      wires: [],
      switches: [],
      cables: [],
      stretch: { x: 1, y: 1 },
    };
  const drawn = new Set(nodes.map((node) => node.key));
  const ends = vethEnds(topology, drawn);
  const cabled = cabledNics(switchList, drawn);
  for (const [port, cable] of cabled) {
    const namespace = namespaceKey(cable.ref);
    ends.set(namespace, [
      ...(ends.get(namespace) ?? []),
      { port, peerPort: `switch:${cable.switchName}`, peer: `underlay/${cable.switchName}` },
    ]);
  }

  const lane =
    switchList.length === 0
      ? 0
      : LANE_GAP + switchList.length * (SWITCH_WIDTH + SWITCH_SPACING) - SWITCH_SPACING + LANE_END;
  const gutter = switchList.length === 0 ? 0 : CABLE_GUTTER;
  const hostChrome = HOST_LABEL_HEIGHT + 2 * HOST_PADDING + gutter;
  const fixed = {
    width: 2 * (MARGIN + HOST_PADDING) + lane,
    height: 2 * MARGIN + groups.length * hostChrome + (groups.length - 1) * HOST_GAP,
  };
  const target: Size = {
    width: Math.max(canvas.width - fixed.width, 1),
    height: Math.max((canvas.height - fixed.height) / groups.length, 1),
  };
  const arrangements = groups.map((group) =>
    group.nodes.length === 0 ? EMPTY_HOST : arrangeHost(group.nodes, ends, target),
  );
  const content: Size = {
    width: Math.max(...arrangements.map((arrangement) => arrangement.size.width)),
    height: arrangements.reduce((sum, arrangement) => sum + arrangement.size.height, 0),
  };

  // Stretch to fill what the canvas shows at the fit scale.
  const scale = fitScale(
    { width: content.width + fixed.width, height: content.height + fixed.height },
    canvas,
  );
  const sx = stretch?.x ?? Math.max(1, (canvas.width / scale - fixed.width) / content.width);
  const sy = stretch?.y ?? Math.max(1, (canvas.height / scale - fixed.height) / content.height);
  let width = content.width * sx + fixed.width;

  const hosts: HostFrame[] = [];
  const boxes = new Map<string, NamespaceBox>();
  const sides = new Map<string, EdgeSide>();
  let top = MARGIN;
  groups.forEach((group, index) => {
    const arrangement = arrangements[index];
    if (arrangement === undefined) return;
    const height = arrangement.size.height * sy;
    hosts.push({
      name: group.host,
      rect: { x: MARGIN, y: top, width: width - 2 * MARGIN - lane, height: height + hostChrome },
    });
    const origin: Point = {
      x: MARGIN + HOST_PADDING + ((content.width - arrangement.size.width) * sx) / 2,
      y: top + HOST_LABEL_HEIGHT + HOST_PADDING,
    };
    for (const node of group.nodes) {
      const natural = arrangement.rects.get(node.key);
      if (natural === undefined) continue;
      const middle = center(extent(natural));
      const size = grow(natural, sx, sy, arrangement.hubs.has(node.key));
      const rect: Rect = {
        x: origin.x + middle.x * sx - size.width / 2,
        y: origin.y + middle.y * sy - (size.height + TAB_HEIGHT) / 2 + TAB_HEIGHT,
        ...size,
      };
      boxes.set(node.key, {
        key: node.key,
        ref: node.ref,
        label: node.label,
        rect,
        tab: {
          x: rect.x,
          y: rect.y - TAB_HEIGHT,
          width: Math.min(tabWidth(node.label), rect.width),
          height: TAB_HEIGHT,
        },
      });
    }
    arrangement.sides.forEach((side, port) => sides.set(port, side));
    top += height + hostChrome + HOST_GAP;
  });
  if (positions.size > 0) {
    // Rows of new boxes keep within the canvas, or within the placed boxes if they reach further.
    const wrap = Math.max(canvas.width - MARGIN, ...[...positions.values()].map((at) => at.x));
    placeBoxes(boxes, positions, wrap, visible);
    wrapHosts(hosts, groups, boxes, gutter);
    width = Math.max(width, ...hosts.map((host) => host.rect.x + host.rect.width + MARGIN + lane));
    top = Math.max(top, ...hosts.map((host) => host.rect.y + host.rect.height + HOST_GAP));
  }
  for (const port of cabled.keys()) sides.set(port, "right");

  const ports = placePorts(nodes, boxes, ends, sides);
  const underlay = placeUnderlay(switchList, cabled, ports, {
    x: width - lane + LANE_GAP,
    top: MARGIN + SWITCH_LABEL_HEIGHT,
    route: (port, barX) => cableRoute(port, barX, boxes, hosts),
  });
  return {
    size: { width, height: top - HOST_GAP + MARGIN },
    hosts,
    boxes,
    ports,
    wires: placeWires(topology, ports),
    ...underlay,
    stretch: { x: sx, y: sy },
  };
}

/** The closest any box may come to the scene's top-left corner: its host's frame stays in the scene. */
const BOX_MIN_X = HOST_PADDING;
const BOX_MIN_Y = HOST_LABEL_HEIGHT + HOST_PADDING + TAB_HEIGHT;
/** Room kept between a newly placed box and a placed one. */
const PLACE_GAP = 40;

/**
 * Centres placed boxes on their places. A box without one keeps the arrangement's place when that
 * is free and within `wrap`, else goes right of the last row of its host's boxes, or starts a row below them when
 * that row would pass `wrap` (the right edge, in scene units, that rows keep within).
 */
function placeBoxes(
  boxes: Map<string, NamespaceBox>,
  positions: ReadonlyMap<string, Point>,
  wrap: number,
  visible: Rect | null,
): void {
  const placed: { host: string; rect: Rect }[] = [];
  for (const [key, box] of boxes) {
    const at = positions.get(key);
    if (at === undefined) continue;
    const moved = centredAt(box, at);
    boxes.set(key, moved);
    placed.push({ host: moved.ref.host, rect: outline(moved) });
  }
  for (const [key, box] of boxes) {
    if (positions.has(key)) continue;
    const blocked =
      box.rect.x + box.rect.width > wrap ||
      placed.some(({ rect }) => overlapsWithGap(outline(box), rect));
    const free = blocked
      ? (freeRoomIn(
          box,
          visible,
          placed.map(({ rect }) => rect),
        ) ??
        nextInRow(
          box,
          placed.filter(({ host }) => host === box.ref.host).map(({ rect }) => rect),
          wrap,
        ))
      : box;
    boxes.set(key, free);
    placed.push({ host: free.ref.host, rect: outline(free) });
  }
}

/** How finely free room is looked for in the visible part of the scene. */
const ROOM_STEP = 24;

/** The box moved to the first free room (top to bottom, left to right) in `visible`, if any. */
function freeRoomIn(
  box: NamespaceBox,
  visible: Rect | null,
  others: readonly Rect[],
): NamespaceBox | null {
  if (visible === null) return null;
  const width = box.rect.width;
  const height = box.rect.height + TAB_HEIGHT;
  for (
    let y = visible.y + PLACE_GAP / 2;
    y + height <= visible.y + visible.height;
    y += ROOM_STEP
  ) {
    for (
      let x = visible.x + PLACE_GAP / 2;
      x + width <= visible.x + visible.width;
      x += ROOM_STEP
    ) {
      const room = { x, y, width, height };
      if (!others.some((rect) => overlapsWithGap(room, rect))) {
        return centredAt(box, { x: x + width / 2, y: y + TAB_HEIGHT + box.rect.height / 2 });
      }
    }
  }
  return null;
}

/** The box placed right of the lowest row of `others`, or at the start of a new row below them. */
function nextInRow(box: NamespaceBox, others: readonly Rect[], wrap: number): NamespaceBox {
  const lowest = others.reduce<Rect | null>(
    (low, rect) => (low === null || rect.y + rect.height > low.y + low.height ? rect : low),
    null,
  );
  if (lowest === null) return box;
  const row = others.filter(
    (rect) => rect.y < lowest.y + lowest.height && lowest.y < rect.y + rect.height,
  );
  const right = Math.max(...row.map((rect) => rect.x + rect.width)) + PLACE_GAP;
  const width = box.rect.width;
  const height = box.rect.height + TAB_HEIGHT;
  const top =
    right + width <= wrap
      ? Math.min(...row.map((rect) => rect.y))
      : lowest.y + lowest.height + PLACE_GAP;
  const left = right + width <= wrap ? right : Math.min(...others.map((rect) => rect.x));
  return centredAt(box, { x: left + width / 2, y: top + TAB_HEIGHT + (height - TAB_HEIGHT) / 2 });
}

/** The box moved so that its rectangle's centre is `at` (kept clear of the scene's corner). */
function centredAt(box: NamespaceBox, at: Point): NamespaceBox {
  const x = Math.max(at.x - box.rect.width / 2, BOX_MIN_X);
  const y = Math.max(at.y - box.rect.height / 2, BOX_MIN_Y);
  return {
    ...box,
    rect: { ...box.rect, x, y },
    tab: { ...box.tab, x, y: y - TAB_HEIGHT },
  };
}

/** A box with its name tab. */
function outline(box: NamespaceBox): Rect {
  return { ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height };
}

function overlapsWithGap(a: Rect, b: Rect): boolean {
  const gap = PLACE_GAP / 2;
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** Each host's frame made to wrap its boxes (a host without boxes keeps its frame). */
function wrapHosts(
  hosts: HostFrame[],
  groups: readonly HostGroup[],
  boxes: ReadonlyMap<string, NamespaceBox>,
  gutter: number,
): void {
  groups.forEach((group, index) => {
    const frame = hosts[index];
    const rects = group.nodes.flatMap((node) => {
      const box = boxes.get(node.key);
      return box === undefined ? [] : [outline(box)];
    });
    if (frame === undefined || rects.length === 0) return;
    const left = Math.min(...rects.map((rect) => rect.x)) - HOST_PADDING;
    const top = Math.min(...rects.map((rect) => rect.y)) - HOST_PADDING - HOST_LABEL_HEIGHT;
    const right = Math.max(...rects.map((rect) => rect.x + rect.width)) + HOST_PADDING;
    const bottom = Math.max(...rects.map((rect) => rect.y + rect.height)) + HOST_PADDING + gutter;
    hosts[index] = {
      name: frame.name,
      rect: { x: left, y: top, width: right - left, height: bottom - top },
    };
  });
}

interface CabledNic {
  readonly ref: DeviceRef;
  readonly switchName: string;
}

/** The drawn physical NICs plugged into a switch, by device key. */
function cabledNics(
  switches: readonly UnderlaySwitch[],
  drawn: ReadonlySet<string>,
): Map<string, CabledNic> {
  const cabled = new Map<string, CabledNic>();
  for (const sw of switches) {
    for (const ref of sw.ports) {
      if (drawn.has(namespaceKey(ref))) cabled.set(deviceKey(ref), { ref, switchName: sw.name });
    }
  }
  return cabled;
}

/**
 * Each switch an upright bar in the lane, spanning its cables (or a short bar at the top while it
 * has none), and each cable straight across from its NIC to the bar.
 */
function placeUnderlay(
  switches: readonly UnderlaySwitch[],
  cabled: ReadonlyMap<string, CabledNic>,
  ports: ReadonlyMap<string, PortBox>,
  lane: {
    readonly x: number;
    readonly top: number;
    readonly route: (port: PortBox, barX: number) => Point[];
  },
): { switches: SwitchBox[]; cables: Cable[] } {
  const boxes: SwitchBox[] = [];
  const cables: Cable[] = [];
  switches.forEach((sw, index) => {
    const x = lane.x + index * (SWITCH_WIDTH + SWITCH_SPACING);
    const nics = [...cabled]
      .filter(([, cable]) => cable.switchName === sw.name)
      .flatMap(([key]) => {
        const port = ports.get(key);
        return port === undefined ? [] : [{ key, port }];
      });
    const routes = nics.map(({ key, port }) => ({ key, points: lane.route(port, x) }));
    const ys = routes.map(({ points }) => points.at(-1)?.y ?? lane.top);
    const top = ys.length === 0 ? lane.top : Math.min(...ys) - SWITCH_REACH;
    const bottom = ys.length === 0 ? lane.top + 2 * SWITCH_REACH : Math.max(...ys) + SWITCH_REACH;
    boxes.push({ name: sw.name, rect: { x, y: top, width: SWITCH_WIDTH, height: bottom - top } });
    for (const { key, points } of routes) {
      cables.push({ key: `cable:${sw.name}:${key}`, nic: key, switchName: sw.name, points });
    }
  });
  return { switches: boxes, cables };
}

/**
 * The path a packet takes from one device to the other along the wire joining them, from the
 * first device's anchor to the second's (along a bridge bar to its middle), or null when no
 * wire joins them.
 */
export function wirePath(scene: Scene, fromKey: string, toKey: string): Point[] | null {
  const wire = scene.wires.find(
    (candidate) =>
      (candidate.a === fromKey && candidate.b === toKey) ||
      (candidate.a === toKey && candidate.b === fromKey),
  );
  if (wire === undefined) return cablePath(scene, fromKey, toKey);
  const [start, end] = wire.a === fromKey ? [wire.from, wire.to] : [wire.to, wire.from];
  const path = [
    ...approach(scene.ports.get(fromKey), start),
    ...approach(scene.ports.get(toKey), end).reverse(),
  ];
  return path.filter((point, index) => {
    const previous = path[index - 1];
    return previous === undefined || distance(previous, point) > 1e-6;
  });
}

/** From one NIC along its cable, down or up its switch's bar, and along the other NIC's cable. */
function cablePath(scene: Scene, fromKey: string, toKey: string): Point[] | null {
  const from = scene.cables.find((cable) => cable.nic === fromKey);
  const to = scene.cables.find((cable) => cable.nic === toKey);
  if (from === undefined || to === undefined || from.switchName !== to.switchName) return null;
  return [...from.points, ...[...to.points].reverse()];
}

/**
 * A cable's points from its NIC to the bar at `barX`: straight across when no other box of the
 * NIC's host is in the way, else out a little, down to the gutter of the host's frame, and along
 * it (straight across again if that way is blocked too).
 */
function cableRoute(
  port: PortBox,
  barX: number,
  boxes: ReadonlyMap<string, NamespaceBox>,
  hosts: readonly HostFrame[],
): Point[] {
  const start = port.anchor;
  const straight = [start, { x: barX, y: start.y }];
  const others = [...boxes.values()]
    .filter((box) => box.key !== port.namespaceKey)
    .map((box) => ({ ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height }));
  const frame = hosts.find((host) => boxes.get(port.namespaceKey)?.ref.host === host.name);
  if (frame === undefined || !others.some((rect) => crosses(straight, rect))) return straight;
  const turn = start.x + CABLE_STUB;
  const gutterY = frame.rect.y + frame.rect.height - HOST_PADDING - CABLE_GUTTER / 2;
  const around = [start, { x: turn, y: start.y }, { x: turn, y: gutterY }, { x: barX, y: gutterY }];
  return others.some((rect) => crosses(around, rect)) ? straight : around;
}

/** Whether a path of level and upright segments passes through the inside of `rect`. */
function crosses(path: readonly Point[], rect: Rect): boolean {
  return path.slice(1).some((end, index) => {
    const begin = path[index] ?? end;
    const left = Math.min(begin.x, end.x);
    const right = Math.max(begin.x, end.x);
    const top = Math.min(begin.y, end.y);
    const bottom = Math.max(begin.y, end.y);
    return (
      left < rect.x + rect.width && right > rect.x && top < rect.y + rect.height && bottom > rect.y
    );
  });
}

/** From a port's anchor to where a wire leaves it: a bar is followed along its middle line. */
function approach(port: PortBox | undefined, wireEnd: Point): Point[] {
  if (port === undefined) return [wireEnd];
  if (port.device.kind === "bridge") {
    const y = port.anchor.y;
    return [port.anchor, { x: wireEnd.x, y }, wireEnd];
  }
  return [port.anchor, wireEnd];
}

interface HostGroup {
  readonly host: string;
  readonly nodes: (Node & { readonly ref: NamespaceRef })[];
}

/** The drawn namespaces by host, in the server's order; `everyHost` also get a (maybe empty) group. */
function groupByHost(
  namespaces: readonly PlacedNamespace[],
  everyHost: readonly string[],
): HostGroup[] {
  const groups: HostGroup[] = everyHost.map((host) => ({ host, nodes: [] }));
  for (const placed of namespaces) {
    const devices = visibleDevices(placed.namespace);
    const node = {
      key: namespaceKey(placed.ref),
      ref: placed.ref,
      label: namespaceLabel(placed.ref),
      devices,
      deviceKeys: devices.map((device) => deviceKey({ ...placed.ref, device: device.name })),
    };
    const group = groups.find((candidate) => candidate.host === placed.ref.host);
    if (group === undefined) groups.push({ host: placed.ref.host, nodes: [node] });
    else group.nodes.push(node);
  }
  return groups;
}

/** The veth ends of each namespace whose peer is in another drawn namespace, in link order. */
function vethEnds(topology: Topology, drawn: ReadonlySet<string>): Map<string, VethEnd[]> {
  const ends = new Map<string, VethEnd[]>();
  const add = (namespace: string, end: VethEnd) =>
    ends.set(namespace, [...(ends.get(namespace) ?? []), end]);
  for (const link of topology.links) {
    if (link.kind !== "veth") continue;
    const a = namespaceKey(link.a);
    const b = namespaceKey(link.b);
    if (a === b || !drawn.has(a) || !drawn.has(b)) continue;
    add(a, { port: deviceKey(link.a), peerPort: deviceKey(link.b), peer: b });
    add(b, { port: deviceKey(link.b), peerPort: deviceKey(link.a), peer: a });
  }
  return ends;
}

const SIDE_ORDER: readonly EdgeSide[] = ["top", "right", "bottom", "left"];

/**
 * Places every box's ports. Sides with fewer ports go first, spread evenly; a side placed later
 * lines each port up with its peer where there is room, so a hub's ports sit straight across
 * from the namespaces they lead to.
 */
function placePorts(
  nodes: readonly (Node & { readonly ref: NamespaceRef })[],
  boxes: ReadonlyMap<string, NamespaceBox>,
  ends: ReadonlyMap<string, readonly VethEnd[]>,
  sides: ReadonlyMap<string, EdgeSide>,
): Map<string, PortBox> {
  const peers = new Map<string, VethEnd>();
  for (const list of ends.values()) for (const end of list) peers.set(end.port, end);
  const wired = new Set(peers.keys());

  const frames: { node: Node; box: NamespaceBox; frame: BoxFrame }[] = [];
  for (const node of nodes) {
    const box = boxes.get(node.key);
    if (box === undefined) continue;
    const items = boxItems(node, wired, (port) => {
      const peerBox = boxes.get(peers.get(port)?.peer ?? "");
      return sides.get(port) ?? (peerBox === undefined ? "bottom" : facing(box.rect, peerBox.rect));
    });
    frames.push({ node, box, frame: boxFrame(box.rect, items) });
  }

  const groups = frames.flatMap(({ box, frame }, order) =>
    SIDE_ORDER.map((side) => ({
      box,
      frame,
      side,
      order,
      items: frame.items.filter((item) => item.place === side),
    })).filter((group) => group.items.length > 0),
  );
  groups.sort(
    (a, b) =>
      a.items.length - b.items.length ||
      a.order - b.order ||
      SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side),
  );

  const ports = new Map<string, PortBox>();
  const portBox = (box: NamespaceBox, item: Item, side: Side, rect: Rect, anchor: Point) =>
    ports.set(item.key, {
      key: item.key,
      namespaceKey: box.key,
      device: item.device,
      address: firstIPv4(item.device),
      side,
      rect,
      anchor,
    });
  for (const { box, frame, side, items } of groups) {
    const along = (point: Point) => (side === "top" || side === "bottom" ? point.x : point.y);
    const towards = items.map((item) => {
      const end = peers.get(item.key);
      const placed = end === undefined ? undefined : ports.get(end.peerPort);
      const peerBox = boxes.get(end?.peer ?? "");
      const wanted = placed === undefined ? null : along(placed.anchor);
      return {
        item,
        wanted,
        at: wanted ?? (peerBox === undefined ? 0 : along(center(peerBox.rect))),
      };
    });
    towards.sort((a, b) => a.at - b.at || (a.item.key < b.item.key ? -1 : 1));
    const slots = placeEdge(
      frame,
      side,
      towards.map((entry) => entry.item),
      towards.map((entry) => entry.wanted),
    );
    towards.forEach(({ item }, index) => {
      const slot = slots[index];
      if (slot !== undefined) portBox(box, item, side, slot.rect, slot.anchor);
    });
  }
  for (const { box, frame } of frames) {
    for (const [key, slot] of placeInside(frame)) {
      const item = frame.items.find((candidate) => candidate.key === key);
      if (item !== undefined) portBox(box, item, "inside", slot.rect, slot.anchor);
    }
  }
  // In the box's device order, so painting and tests see a stable order.
  const ordered = new Map<string, PortBox>();
  for (const { frame } of frames) {
    for (const item of frame.items) {
      const port = ports.get(item.key);
      if (port !== undefined) ordered.set(item.key, port);
    }
  }
  return ordered;
}

/** The side of `box` that faces `peer`: straight across when they overlap along an axis. */
function facing(box: Rect, peer: Rect): EdgeSide {
  const middle = center(box);
  const towards = center(peer);
  const overlapsX = box.x < peer.x + peer.width && peer.x < box.x + box.width;
  const overlapsY = box.y < peer.y + peer.height && peer.y < box.y + box.height;
  if (overlapsX && !overlapsY) return towards.y >= middle.y ? "bottom" : "top";
  if (overlapsY && !overlapsX) return towards.x >= middle.x ? "right" : "left";
  const dx = (towards.x - middle.x) / box.width;
  const dy = (towards.y - middle.y) / box.height;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? "right" : "left";
  return dy >= 0 ? "bottom" : "top";
}

function placeWires(topology: Topology, ports: ReadonlyMap<string, PortBox>): Wire[] {
  const wires: Wire[] = [];
  for (const link of topology.links) {
    const a = ports.get(deviceKey(link.a));
    const b = ports.get(deviceKey(link.b));
    if (a === undefined || b === undefined) continue;
    const ends =
      link.kind === "bridge-port" && b.device.kind === "bridge"
        ? bridgeWireEnds(a.rect, b.rect)
        : { from: a.anchor, to: b.anchor };
    wires.push({
      key: `${link.kind}:${a.key}:${b.key}`,
      kind: link.kind,
      a: a.key,
      b: b.key,
      ...ends,
    });
  }
  return wires;
}
