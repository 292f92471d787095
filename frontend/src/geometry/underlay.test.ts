/** Tests the layout of several hosts and their underlay: host frames, switch bars and cables. */
import { describe, expect, it } from "vitest";
import { contains, overlaps } from "../testing/geometry";
import { twoHostsOnASwitch, twoNamespaces } from "../testing/labs";
import { layoutTopology, wirePath } from "./layout";

const canvas = { width: 900, height: 600 };

describe("underlay layout", () => {
  const scene = layoutTopology(twoHostsOnASwitch, canvas);

  it("frames every host, an empty one too, each around its own namespaces", () => {
    expect(scene.hosts.map((host) => host.name)).toEqual(["host1", "host2", "host3"]);
    expect([...scene.boxes.keys()]).toEqual(["host1/", "host2/", "host2/pod"]);
    for (const box of scene.boxes.values()) {
      const frame = scene.hosts.find((host) => host.name === box.ref.host);
      expect(frame && contains(frame.rect, box.rect), box.key).toBe(true);
    }
    const [first, second, third] = scene.hosts;
    expect(first && second && third).toBeTruthy();
    if (!first || !second || !third) return;
    expect(first.rect.y + first.rect.height).toBeLessThan(second.rect.y);
    expect(second.rect.y + second.rect.height).toBeLessThan(third.rect.y);
  });

  it("draws the switch as a bar right of every host frame, spanning its cables", () => {
    expect(scene.switches.map((sw) => sw.name)).toEqual(["sw0"]);
    const [bar] = scene.switches;
    if (bar === undefined) return;
    for (const host of scene.hosts) {
      expect(bar.rect.x).toBeGreaterThan(host.rect.x + host.rect.width);
      expect(overlaps(bar.rect, host.rect)).toBe(false);
    }
    expect(bar.rect.x + bar.rect.width).toBeLessThanOrEqual(scene.size.width);
    for (const cable of scene.cables) {
      expect(cable.to.y).toBeGreaterThan(bar.rect.y);
      expect(cable.to.y).toBeLessThan(bar.rect.y + bar.rect.height);
    }
  });

  it("runs a straight cable from each plugged NIC's port, on its box's right edge, to the bar", () => {
    expect(scene.cables.map((cable) => cable.nic)).toEqual(["host1//eth0", "host2//eth0"]);
    for (const cable of scene.cables) {
      const port = scene.ports.get(cable.nic);
      expect(port?.side).toBe("right");
      expect(cable.from).toEqual(port?.anchor);
      expect(cable.to.y).toBe(cable.from.y);
      expect(cable.to.x).toBe(scene.switches[0]?.rect.x);
    }
  });

  it("moves a packet from one NIC to the other along both cables and the bar", () => {
    const path = wirePath(scene, "host1//eth0", "host2//eth0");
    const [one, two] = scene.cables;
    expect(path).toEqual([one?.from, one?.to, two?.to, two?.from]);
    expect(wirePath(scene, "host2//eth0", "host2/pod/eth0")).toBeNull();
  });

  it("gives a switch with no cables a short bar at the top of the lane", () => {
    const alone = layoutTopology(
      { ...twoNamespaces, switches: [{ name: "spare", ports: [] }] },
      canvas,
    );
    expect(alone.cables).toEqual([]);
    const [bar] = alone.switches;
    expect(bar && bar.rect.height > 0 && bar.rect.height < 100).toBe(true);
    expect(alone.hosts.map((host) => host.name)).toEqual(["host1"]);
  });

  it("draws no underlay for a lab without switches", () => {
    const plain = layoutTopology(twoNamespaces, canvas);
    expect(plain.switches).toEqual([]);
    expect(plain.cables).toEqual([]);
  });

  it("frames a second host that has nothing to show yet", () => {
    const withEmptyHost = layoutTopology(
      { ...twoNamespaces, hosts: [...twoNamespaces.hosts, { name: "node2", namespaces: [] }] },
      canvas,
    );
    expect(withEmptyHost.hosts.map((host) => host.name)).toEqual(["host1", "node2"]);
    const node2 = withEmptyHost.hosts[1];
    expect(node2 && node2.rect.height > 0 && node2.rect.width > 0).toBe(true);
  });
});
