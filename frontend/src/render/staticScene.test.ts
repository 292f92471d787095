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
import { paintStatic } from "./staticScene";
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
