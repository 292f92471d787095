/** Owns the static layer's painting: host frames, namespace boxes with name tabs, wires, device ports, and the underlay's switches and cables. Repainted only when the topology or the canvas size changes; before each draw, only the shapes in view are shown (`cullStatic`). */
import type { Layer } from "konva/lib/Layer";
import type { Node } from "konva/lib/Node";
import { Group } from "konva/lib/Group";
import { Line } from "konva/lib/shapes/Line";
import { Rect } from "konva/lib/shapes/Rect";
import { Text } from "konva/lib/shapes/Text";
import type { Cable, NamespaceBox, PortBox, Scene, SwitchBox, Wire } from "../geometry/layout";
import type { Point, Rect as Box } from "../geometry/path";
import { COLOURS, FONT_FAMILY, MONO_FAMILY } from "./theme";

/** Bars wider than this are bridges with many ports. */
const LONG_BAR = 240;

/** The painted shapes of a scene by key, so a drag can lift a box, its ports and its wires. */
export interface StaticIndex {
  readonly boxes: ReadonlyMap<string, Group>;
  readonly ports: ReadonlyMap<string, Group>;
  readonly wires: ReadonlyMap<string, Line>;
  readonly cables: ReadonlyMap<string, Line>;
  /** Every painted shape with the scene area it covers, for culling. */
  readonly areas: readonly PaintedArea[];
}

/** A painted shape and the scene rectangle it is drawn within. */
export interface PaintedArea {
  readonly shape: Node;
  readonly area: Box;
}

/** How far past a shape's geometry its strokes, caps and labels reach. */
const BLEED = 20;

/**
 * Shows the painted shapes that meet `view` (a scene rectangle) and hides the others, so that a
 * draw of a large lab costs what is on screen; shapes in `keepHidden` (lifted for a drag) stay
 * hidden. Only shapes whose visibility changes are touched.
 */
export function cullStatic(index: StaticIndex, view: Box, keepHidden: ReadonlySet<Node>): void {
  for (const { shape, area } of index.areas) {
    const show = !keepHidden.has(shape) && meets(area, view);
    if (shape.visible() !== show) shape.visible(show);
  }
}

function meets(a: Box, b: Box): boolean {
  return (
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
  );
}

/** The rectangle around `points`, grown by BLEED on every side. */
function around(points: readonly Point[]): Box {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const x = Math.min(...xs) - BLEED;
  const y = Math.min(...ys) - BLEED;
  return { x, y, width: Math.max(...xs) + BLEED - x, height: Math.max(...ys) + BLEED - y };
}

function grown(rect: Box): Box {
  return around([
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y + rect.height },
  ]);
}

export function paintStatic(layer: Layer, scene: Scene): StaticIndex {
  layer.destroyChildren();
  const boxes = new Map<string, Group>();
  const ports = new Map<string, Group>();
  const wires = new Map<string, Line>();
  const cables = new Map<string, Line>();
  const areas: PaintedArea[] = [];
  const painted = (shape: Node, area: Box): void => {
    areas.push({ shape, area });
  };
  for (const host of scene.hosts) {
    const frame = new Rect({
      ...host.rect,
      stroke: COLOURS.hostStroke,
      strokeWidth: 1,
      dash: [6, 4],
      cornerRadius: 10,
      listening: false,
    });
    const label = new Text({
      name: "host-label",
      x: host.rect.x + 12,
      y: host.rect.y + 6,
      text: host.name,
      fontFamily: FONT_FAMILY,
      fontSize: 12,
      fontStyle: "bold",
      fill: COLOURS.hostLabel,
      listening: false,
    });
    layer.add(frame, label);
    painted(frame, grown(host.rect));
    painted(label, grown({ ...host.rect, height: 24 }));
  }
  for (const box of scene.boxes.values()) {
    const shape = namespaceShape(box);
    boxes.set(box.key, shape);
    painted(shape, grown({ ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height }));
  }
  for (const wire of scene.wires) {
    const shape = wireShape(wire);
    wires.set(wire.key, shape);
    painted(shape, around([wire.from, wire.to]));
  }
  for (const cable of scene.cables) {
    const shape = cableShape(cable);
    cables.set(cable.nic, shape);
    painted(shape, around(cable.points));
  }
  for (const port of scene.ports.values()) {
    const shape = portShape(port);
    ports.set(port.key, shape);
    painted(shape, grown(port.rect));
  }
  for (const shape of [...boxes.values(), ...wires.values(), ...cables.values()]) layer.add(shape);
  for (const sw of scene.switches) {
    const shape = switchShape(sw);
    layer.add(shape);
    painted(
      shape,
      grown({ ...sw.rect, x: sw.rect.x - 50, y: sw.rect.y - 16, width: sw.rect.width + 100 }),
    );
  }
  for (const shape of ports.values()) layer.add(shape);
  return { boxes, ports, wires, cables, areas };
}

function cableShape(cable: Cable): Line {
  return new Line({
    name: "underlay-cable",
    points: cable.points.flatMap((point) => [point.x, point.y]),
    stroke: COLOURS.underlayCable,
    strokeWidth: 2.5,
    lineCap: "round",
    listening: false,
  });
}

/** An upright bar with the switch's name above it. */
function switchShape(sw: SwitchBox): Group {
  const group = new Group({ name: "underlay-switch", listening: false });
  group.add(
    new Rect({
      ...sw.rect,
      fill: COLOURS.switchFill,
      stroke: COLOURS.switchStroke,
      strokeWidth: 1.5,
      cornerRadius: 5,
    }),
    new Text({
      x: sw.rect.x + sw.rect.width / 2 - 50,
      y: sw.rect.y - 16,
      width: 100,
      text: sw.name,
      align: "center",
      wrap: "none",
      ellipsis: true,
      fontFamily: FONT_FAMILY,
      fontSize: 12,
      fontStyle: "bold",
      fill: COLOURS.switchLabel,
    }),
  );
  return group;
}

/** A namespace box with its name tab; named "namespace-box" with its key, for tests that find it. */
export function namespaceShape(box: NamespaceBox): Group {
  const group = new Group({ name: "namespace-box", listening: false, nsKey: box.key });
  group.add(
    new Rect({
      ...box.tab,
      fill: COLOURS.tabFill,
      stroke: COLOURS.boxStroke,
      strokeWidth: 1,
      cornerRadius: [6, 6, 0, 0],
    }),
    new Text({
      x: box.tab.x,
      y: box.tab.y + 5,
      width: box.tab.width,
      text: box.label,
      align: "center",
      wrap: "none",
      ellipsis: true,
      fontFamily: FONT_FAMILY,
      fontSize: 13,
      fontStyle: "bold",
      fill: COLOURS.tabText,
    }),
    new Rect({
      ...box.rect,
      fill: COLOURS.boxFill,
      stroke: COLOURS.boxStroke,
      strokeWidth: 1.5,
      cornerRadius: [0, 8, 8, 8],
    }),
  );
  return group;
}

/** How each kind of link is drawn; a kind this page does not know is a thin grey line. */
const WIRE_STYLES: Readonly<
  Record<string, { stroke: string; strokeWidth: number; dash: number[] }>
> = {
  veth: { stroke: COLOURS.vethWire, strokeWidth: 2.5, dash: [] },
  "bridge-port": { stroke: COLOURS.bridgeWire, strokeWidth: 2, dash: [5, 4] },
  "vxlan-tunnel": { stroke: COLOURS.tunnel, strokeWidth: 2.5, dash: [10, 6] },
};

const OTHER_WIRE = { stroke: "#94a3b8", strokeWidth: 1.5, dash: [2, 3] };

export function wireShape(wire: Wire): Line {
  const style = WIRE_STYLES[wire.kind] ?? OTHER_WIRE;
  return new Line({
    points: [wire.from.x, wire.from.y, wire.to.x, wire.to.y],
    ...style,
    lineCap: "round",
    name: `wire ${wire.kind}`,
    listening: false,
  });
}

/** A device's port or bridge bar; named "device-port" with its key, for tests that find it. */
export function portShape(port: PortBox): Group {
  const bridge = port.device.kind === "bridge";
  const up = port.device.up;
  const { x, y, width, height } = port.rect;
  const group = new Group({ name: "device-port", listening: false, deviceKey: port.key });
  group.add(
    new Rect({
      x,
      y,
      width,
      height,
      fill: bridge ? COLOURS.bridgeFill : COLOURS.portFill,
      stroke: !up ? COLOURS.portDownStroke : bridge ? COLOURS.bridgeStroke : COLOURS.portStroke,
      strokeWidth: 1.5,
      dash: up ? [] : [4, 3],
      cornerRadius: 5,
    }),
  );
  // A port squeezed by its neighbours shows only its name.
  const address = height >= 30 ? port.address : null;
  const lines = address === null ? 1 : 2;
  const top = y + (height - lines * 14) / 2;
  // A long bridge bar names itself at its left end, clear of the packet marker in its middle.
  const label =
    bridge && width > LONG_BAR
      ? { x: x + 10, width: LONG_BAR - 20, align: "left" }
      : { x: x + 4, width: width - 8, align: "center" };
  group.add(
    new Text({
      ...label,
      y: top,
      text: up || width < 90 ? port.device.name : `${port.device.name} (down)`,
      wrap: "none",
      ellipsis: true,
      fontFamily: FONT_FAMILY,
      fontSize: 12,
      fontStyle: "bold",
      fill: up ? COLOURS.portText : COLOURS.portMuted,
    }),
  );
  if (address !== null) {
    group.add(
      new Text({
        ...label,
        y: top + 15,
        text: address,
        wrap: "none",
        ellipsis: true,
        fontFamily: MONO_FAMILY,
        fontSize: 11,
        fill: COLOURS.portMuted,
      }),
    );
  }
  return group;
}
