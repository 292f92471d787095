/** Tests the hit test against laid-out labs: ports over boxes, wires, tabs, host frames, empty space, box selection. */
import { describe, expect, it } from "vitest";
import { twoHostsOnASwitch, twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import { bandBetween, boxesWithin, hitTest, segmentDistance } from "./hitTest";
import { layoutTopology } from "./layout";
import { center } from "./path";

const CANVAS = { width: 900, height: 500 };

describe("hitTest", () => {
  const scene = layoutTopology(twoNamespaces, CANVAS);
  const ns1 = scene.boxes.get("host1/ns1");
  const veth1 = scene.ports.get("host1/ns1/veth1");
  if (ns1 === undefined || veth1 === undefined) throw new Error("layout lost ns1");

  it("finds the port under a point before the box that holds it", () => {
    expect(hitTest(scene, center(veth1.rect))).toEqual({
      kind: "device",
      key: "host1/ns1/veth1",
      namespaceKey: "host1/ns1",
    });
  });

  it("finds the namespace under a point inside its box or on its name tab", () => {
    const inBox = { x: ns1.rect.x + 3, y: ns1.rect.y + 3 };
    expect(hitTest(scene, inBox)).toEqual({ kind: "namespace", key: "host1/ns1" });
    expect(hitTest(scene, center(ns1.tab))).toEqual({ kind: "namespace", key: "host1/ns1" });
  });

  it("finds a wire within a few pixels of its line", () => {
    const wire = scene.wires[0];
    if (wire === undefined) throw new Error("no wire");
    const middle = { x: (wire.from.x + wire.to.x) / 2, y: (wire.from.y + wire.to.y) / 2 + 3 };
    expect(hitTest(scene, middle)).toEqual({ kind: "link", key: wire.key });
  });

  it("finds nothing in empty space", () => {
    expect(hitTest(scene, { x: -50, y: -50 })).toBeNull();
  });

  it("finds a bridge bar as a device", () => {
    const bridged = layoutTopology(twoPodsOnABridge, CANVAS);
    const bar = [...bridged.ports.values()].find((port) => port.device.kind === "bridge");
    if (bar === undefined) throw new Error("no bridge bar");
    const hit = hitTest(bridged, center(bar.rect));
    expect(hit).toMatchObject({ kind: "device", key: bar.key });
  });

  it("finds a host frame between its boxes", () => {
    const hosts = layoutTopology(twoHostsOnASwitch, CANVAS);
    const frame = hosts.hosts[0];
    if (frame === undefined) throw new Error("no host frame");
    expect(hitTest(hosts, { x: frame.rect.x + 2, y: frame.rect.y + 2 })).toEqual({
      kind: "host",
      name: frame.name,
    });
  });
});

describe("boxesWithin", () => {
  const scene = layoutTopology(twoNamespaces, CANVAS);

  it("takes the boxes wholly inside the band, drawn in either direction", () => {
    const all = bandBetween({ x: scene.size.width, y: scene.size.height }, { x: 0, y: 0 });
    expect(boxesWithin(scene, all)).toEqual(["host1/ns1", "host1/ns2"]);
  });

  it("leaves out a box the band only crosses", () => {
    const ns1 = scene.boxes.get("host1/ns1");
    if (ns1 === undefined) throw new Error("no ns1");
    const half = bandBetween({ x: 0, y: 0 }, center(ns1.rect));
    expect(boxesWithin(scene, half)).toEqual([]);
  });
});

describe("segmentDistance", () => {
  it("measures to the nearest point of the segment, not the line", () => {
    expect(segmentDistance({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(segmentDistance({ x: 14, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
  });
});
