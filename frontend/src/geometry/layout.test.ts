/** Tests the pure topology layout. */
import { describe, expect, it } from "vitest";
import { chainLab, device, podsOnABridge, twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import { layoutTopology, wirePath, type NamespaceBox, type Scene } from "./layout";
import { contains, onEdge, overlaps } from "../testing/geometry";
import { pointAlong, type Rect } from "./path";

const canvas = { width: 760, height: 640 };

function withTab(box: NamespaceBox): Rect {
  return { ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height };
}

function expectNoOverlaps(scene: Scene): void {
  const boxes = [...scene.boxes.values()];
  boxes.forEach((box, i) => {
    expect(contains({ x: 0, y: 0, ...scene.size }, withTab(box))).toBe(true);
    boxes.slice(i + 1).forEach((other) => {
      expect(overlaps(withTab(box), withTab(other)), `${box.key} and ${other.key}`).toBe(false);
    });
  });
}

describe("topology layout", () => {
  it("draws the two-namespace lab as two boxes side by side, skipping the bare root", () => {
    const scene = layoutTopology(twoNamespaces, canvas);
    expect([...scene.boxes.keys()]).toEqual(["host1/ns1", "host1/ns2"]);
    const ns1 = scene.boxes.get("host1/ns1");
    const ns2 = scene.boxes.get("host1/ns2");
    expect(ns1 && ns2 && ns1.rect.x < ns2.rect.x && ns1.rect.y === ns2.rect.y).toBe(true);
    expectNoOverlaps(scene);
  });

  it.each([1, 2, 3, 5, 8])("places %i namespaces without overlapping boxes", (count) => {
    for (const size of [canvas, { width: 1150, height: 900 }, { width: 420, height: 300 }]) {
      const scene = layoutTopology(chainLab(count), size);
      expect(scene.boxes.size).toBe(count);
      expectNoOverlaps(scene);
    }
  });

  it("draws a device of a kind it does not know as a plain port box", () => {
    const [host] = twoNamespaces.hosts;
    if (host === undefined) throw new Error("no host");
    const namespaces = host.namespaces.map((namespace) =>
      namespace.name !== "ns1"
        ? namespace
        : {
            ...namespace,
            devices: [...namespace.devices, device("vxlan0", { kind: "vxlan", ifindex: 3 })],
          },
    );
    const scene = layoutTopology({ ...twoNamespaces, hosts: [{ ...host, namespaces }] }, canvas);
    const port = scene.ports.get("host1/ns1/vxlan0");
    const box = scene.boxes.get("host1/ns1");
    expect(port !== undefined && box !== undefined && contains(box.rect, port.rect)).toBe(true);
    expectNoOverlaps(scene);
  });

  it("puts ports inside their namespace box, facing the peer", () => {
    const scene = layoutTopology(twoNamespaces, canvas);
    const veth1 = scene.ports.get("host1/ns1/veth1");
    const veth2 = scene.ports.get("host1/ns2/veth2");
    expect(veth1?.side).toBe("right");
    expect(veth2?.side).toBe("left");
    expect(veth1?.address).toBe("10.0.0.1/24");
    for (const port of scene.ports.values()) {
      const box = scene.boxes.get(port.namespaceKey);
      expect(box && contains(box.rect, port.rect)).toBe(true);
    }
  });

  it.each([2, 4, 6])("keeps the ports of %i pods on a bridge apart", (count) => {
    for (const size of [canvas, { width: 420, height: 300 }]) {
      const scene = layoutTopology(podsOnABridge(count), size);
      expectNoOverlaps(scene);
      const ports = [...scene.ports.values()];
      ports.forEach((port, i) => {
        const box = scene.boxes.get(port.namespaceKey);
        expect(box && contains(box.rect, port.rect), port.key).toBe(true);
        ports.slice(i + 1).forEach((other) => {
          expect(overlaps(port.rect, other.rect), `${port.key} and ${other.key}`).toBe(false);
        });
      });
    }
  });

  it("puts a bridge hub in the middle, its pods above and below it", () => {
    const scene = layoutTopology(podsOnABridge(4), canvas);
    const root = scene.boxes.get("host1/");
    expect(root).toBeDefined();
    if (root === undefined) return;
    const pods = [...scene.boxes.values()].filter((box) => box !== root);
    expect(pods.filter((pod) => pod.rect.y + pod.rect.height < root.tab.y)).toHaveLength(2);
    expect(pods.filter((pod) => pod.tab.y > root.rect.y + root.rect.height)).toHaveLength(2);
    expectNoOverlaps(scene);
  });

  it("hides loopbacks that are down", () => {
    const scene = layoutTopology(twoNamespaces, canvas);
    expect([...scene.ports.keys()]).toEqual(["host1/ns1/veth1", "host1/ns2/veth2"]);
  });

  it("puts veth wire endpoints on the box edges", () => {
    for (const count of [2, 5]) {
      const scene = layoutTopology(chainLab(count), canvas);
      expect(scene.wires).toHaveLength(count - 1);
      for (const wire of scene.wires) {
        const a = scene.ports.get(wire.a);
        const b = scene.ports.get(wire.b);
        const boxA = a && scene.boxes.get(a.namespaceKey);
        const boxB = b && scene.boxes.get(b.namespaceKey);
        expect(boxA && onEdge(boxA.rect, wire.from)).toBe(true);
        expect(boxB && onEdge(boxB.rect, wire.to)).toBe(true);
      }
    }
  });

  it("draws the root namespace when it has devices, with bridge ports wired to the bridge", () => {
    const scene = layoutTopology(twoPodsOnABridge, canvas);
    expect(scene.boxes.get("host1/")?.label).toBe("host1 (root)");
    expect(scene.ports.get("host1//br0")?.side).toBe("inside");
    const bridgeWires = scene.wires.filter((wire) => wire.kind === "bridge-port");
    expect(bridgeWires.map((wire) => [wire.a, wire.b])).toEqual([
      ["host1//vethA", "host1//br0"],
      ["host1//vethB", "host1//br0"],
    ]);
    expectNoOverlaps(scene);
  });

  it("frames each host, one above the other, around its own namespaces", () => {
    const [host] = twoNamespaces.hosts;
    if (host === undefined) throw new Error("the built-in lab has a host");
    const renamed = (name: string) => ({
      ...host,
      name,
      namespaces: host.namespaces.map((namespace) => ({ ...namespace })),
    });
    const links = twoNamespaces.links.flatMap((link) =>
      ["host1", "host2"].map((name) => ({
        ...link,
        a: { ...link.a, host: name },
        b: { ...link.b, host: name },
      })),
    );
    const scene = layoutTopology({ hosts: [renamed("host1"), renamed("host2")], links }, canvas);
    const [first, second] = scene.hosts;
    expect(first && second && first.rect.y + first.rect.height < second.rect.y).toBe(true);
    for (const box of scene.boxes.values()) {
      const frame = scene.hosts.find((candidate) => candidate.name === box.ref.host);
      expect(frame && contains(frame.rect, withTab(box)), box.key).toBe(true);
    }
    expect(scene.wires).toHaveLength(2);
    expectNoOverlaps(scene);
  });

  it("moves a packet along a bridge bar to its middle", () => {
    const scene = layoutTopology(podsOnABridge(4), canvas);
    const bar = scene.ports.get("host1//br0");
    const path = wirePath(scene, "host1//veth1", "host1//br0");
    expect(bar && path).toBeTruthy();
    if (bar === undefined || path === null) return;
    expect(path[0]).toEqual(scene.ports.get("host1//veth1")?.anchor);
    expect(path[path.length - 1]).toEqual(bar.anchor);
    const [, , onEdge, onMiddle] = path;
    expect(onEdge?.y).toBe(bar.rect.y);
    expect(onMiddle).toEqual({ x: onEdge?.x, y: bar.anchor.y });
  });

  it("finds the path of a wire in either direction", () => {
    const scene = layoutTopology(twoNamespaces, canvas);
    const forward = wirePath(scene, "host1/ns1/veth1", "host1/ns2/veth2");
    const backward = wirePath(scene, "host1/ns2/veth2", "host1/ns1/veth1");
    expect(forward).not.toBeNull();
    expect(backward).toEqual(forward && [...forward].reverse());
    expect(wirePath(scene, "host1/ns1/veth1", "host1/ns1/lo")).toBeNull();
  });
});

describe("point along a path", () => {
  const path = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 30 },
  ];

  it("starts and ends at the path's ends", () => {
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 1)).toEqual({ x: 10, y: 30 });
  });

  it("interpolates by length across segments", () => {
    expect(pointAlong(path, 0.125)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(path, 0.625)).toEqual({ x: 10, y: 15 });
  });

  it("clamps progress outside 0..1", () => {
    expect(pointAlong(path, -1)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 2)).toEqual({ x: 10, y: 30 });
  });

  it("handles a path of one point", () => {
    expect(pointAlong([{ x: 3, y: 4 }], 0.5)).toEqual({ x: 3, y: 4 });
  });
});
