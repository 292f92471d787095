// @vitest-environment jsdom
/** Tests the static layer's painting of the underlay: one bar per switch, one line per cable. */
import { Layer } from "konva/lib/Layer";
import type { Group } from "konva/lib/Group";
import type { Line } from "konva/lib/shapes/Line";
import type { Text } from "konva/lib/shapes/Text";
import { afterEach, describe, expect, it, vi } from "vitest";
import { layoutTopology } from "../geometry/layout";
import { fakeLayerDraws } from "../testing/konva";
import { twoHostsOnASwitch } from "../testing/labs";
import { namespacesOnABridge } from "../testing/bigLabs";
import { cullStatic, paintStatic } from "./staticScene";
import { COLOURS } from "./theme";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("paintStatic", () => {
  it("paints each host frame, the switch with its name and a cable per plugged NIC", () => {
    fakeLayerDraws();
    const layer = new Layer();
    const scene = layoutTopology(twoHostsOnASwitch, { width: 900, height: 600 });
    paintStatic(layer, scene);

    const switches = layer.find<Group>(".underlay-switch");
    expect(switches).toHaveLength(1);
    const label = switches[0]?.findOne<Text>("Text");
    expect(label?.text()).toBe("sw0");

    const cables = layer.find<Line>(".underlay-cable");
    expect(cables).toHaveLength(2);
    const [first] = scene.cables;
    expect(cables[0]?.points()).toEqual(first?.points.flatMap((point) => [point.x, point.y]));
    expect(cables[0]?.stroke()).toBe(COLOURS.underlayCable);

    const hostNames = layer
      .find<Text>("Text")
      .map((text) => text.text())
      .filter((text) => /^host\d$/.test(text));
    expect(hostNames).toEqual(["host1", "host2", "host3"]);
  });
});

describe("cullStatic", () => {
  it("shows only the shapes that meet the view, and keeps lifted shapes hidden", () => {
    fakeLayerDraws();
    const layer = new Layer();
    const scene = layoutTopology(namespacesOnABridge(40), { width: 900, height: 600 });
    const index = paintStatic(layer, scene);
    const boxes = [...scene.boxes.values()];
    const first = boxes[0]!;
    const far = boxes.reduce((a, b) => (b.rect.x + b.rect.y > a.rect.x + a.rect.y ? b : a));
    const view = { x: first.rect.x, y: first.rect.y, width: 10, height: 10 };

    cullStatic(index, view, new Set());
    expect(index.boxes.get(first.key)?.visible()).toBe(true);
    expect(index.boxes.get(far.key)?.visible()).toBe(false);
    expect(index.areas.filter((painted) => painted.shape.visible()).length).toBeLessThan(
      index.areas.length / 4,
    );

    const lifted = index.boxes.get(first.key)!;
    cullStatic(
      index,
      { ...view, width: scene.size.width, height: scene.size.height },
      new Set([lifted]),
    );
    expect(lifted.visible()).toBe(false);
    expect(index.boxes.get(far.key)?.visible()).toBe(true);
  });
});
