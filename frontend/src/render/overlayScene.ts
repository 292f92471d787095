/** Owns the overlay layer's painting for one step: the highlighted namespace and device, and the packet marker (a red ✕ for a dropped packet). Repainted on every step. */
import type { Layer } from "konva/lib/Layer";
import { Group } from "konva/lib/Group";
import { Circle } from "konva/lib/shapes/Circle";
import { Line } from "konva/lib/shapes/Line";
import { Rect } from "konva/lib/shapes/Rect";
import { Text } from "konva/lib/shapes/Text";
import type { Scene } from "../geometry/layout";
import { MAX_SCALE } from "../geometry/viewport";
import { center, type Point, type Rect as Box } from "../geometry/path";
import { deviceKey, namespaceKey } from "../model/topology";
import { isDrop, isWrapped, packetFamily, type TraceStep } from "../model/trace";
import { COLOURS, FONT_FAMILY, MARKER_COLOURS, MARKER_LETTERS, MARKER_RADIUS } from "./theme";

/** Where a step's packet is drawn: where its device meets the wire, else its namespace box's centre; null when neither is drawn. */
export function stepPosition(scene: Scene, step: TraceStep): Point | null {
  const { location } = step;
  if (location.device !== null) {
    const port = scene.ports.get(deviceKey({ ...location, device: location.device }));
    if (port !== undefined) return port.anchor;
  }
  const box = scene.boxes.get(namespaceKey(location));
  return box === undefined ? null : center(box.rect);
}

/** Paints the highlights and returns the marker, placed at the step's position, for animating. */
export function paintOverlay(layer: Layer, scene: Scene, step: TraceStep | null): Group | null {
  layer.destroyChildren();
  if (step === null) return null;
  const box = scene.boxes.get(namespaceKey(step.location));
  if (box !== undefined) {
    layer.add(outline(box.rect, 4, 10, COLOURS.highlightFill));
  }
  const device = step.location.device;
  const port =
    device === null ? undefined : scene.ports.get(deviceKey({ ...step.location, device }));
  if (port !== undefined) layer.add(outline(port.rect, 3, 7, null));

  const position = stepPosition(scene, step);
  if (position === null) return null;
  const marker = isDrop(step) ? dropMarker() : packetMarker(step);
  marker.position(position);
  layer.add(marker);
  return marker;
}

function outline(rect: Box, outset: number, radius: number, fill: string | null): Rect {
  return new Rect({
    x: rect.x - outset,
    y: rect.y - outset,
    width: rect.width + 2 * outset,
    height: rect.height + 2 * outset,
    stroke: COLOURS.highlight,
    strokeWidth: 2.5,
    fill: fill ?? undefined,
    cornerRadius: radius,
    listening: false,
  });
}

function packetMarker(step: TraceStep): Group {
  const family = packetFamily(step.headers);
  const group = new Group({ listening: false, name: isWrapped(step.headers) ? "wrapped" : "" });
  if (isWrapped(step.headers)) {
    // the outer headers, drawn as an envelope ring around the packet it carries
    group.add(
      new Circle({
        radius: MARKER_RADIUS + 5,
        fill: COLOURS.tunnelFill,
        stroke: COLOURS.tunnel,
        strokeWidth: 2.5,
        dash: [4, 3],
      }),
    );
  }
  group.add(
    // A flat shadow: a blurred canvas shadow costs far more to draw, per marker and frame.
    new Circle({ radius: MARKER_RADIUS + 1, y: 1.5, fill: "rgba(15, 23, 42, 0.22)" }),
    new Circle({
      radius: MARKER_RADIUS,
      fill: MARKER_COLOURS[family],
      stroke: COLOURS.markerStroke,
      strokeWidth: 2,
    }),
    new Text({
      x: -MARKER_RADIUS,
      y: -6,
      width: 2 * MARKER_RADIUS,
      text: MARKER_LETTERS[family],
      align: "center",
      fontFamily: FONT_FAMILY,
      fontSize: 12,
      fontStyle: "bold",
      fill: "#ffffff",
    }),
  );
  // Drawn from a bitmap: a marker's circles and letter cost a few times more to paint each frame.
  // Its resolution keeps it sharp up to the largest zoom.
  group.cache({ pixelRatio: MAX_SCALE * (window.devicePixelRatio || 1) });
  return group;
}

function dropMarker(): Group {
  const arm = MARKER_RADIUS * 0.9;
  const group = new Group({ listening: false });
  group.add(
    new Circle({
      radius: MARKER_RADIUS + 3,
      fill: "#ffffff",
      stroke: COLOURS.drop,
      strokeWidth: 2,
    }),
    new Line({
      points: [-arm / 1.4, -arm / 1.4, arm / 1.4, arm / 1.4],
      stroke: COLOURS.drop,
      strokeWidth: 3.5,
      lineCap: "round",
    }),
    new Line({
      points: [-arm / 1.4, arm / 1.4, arm / 1.4, -arm / 1.4],
      stroke: COLOURS.drop,
      strokeWidth: 3.5,
      lineCap: "round",
    }),
  );
  return group;
}
