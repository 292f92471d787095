/** Tests the layout of several hosts and their underlay: host frames, switch bars and cables. */
import { describe, expect, it } from "vitest";
import { contains, overlaps } from "../testing/geometry";
import { device, twoHostsOnASwitch, twoNamespaces } from "../testing/labs";
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
      const end = cable.points.at(-1);
      expect(end?.x).toBe(bar.rect.x);
      expect(end && end.y > bar.rect.y && end.y < bar.rect.y + bar.rect.height).toBe(true);
    }
  });

  it("runs a cable from each plugged NIC's port, on its box's right edge, to the bar", () => {
    expect(scene.cables.map((cable) => cable.nic)).toEqual(["host1//eth0", "host2//eth0"]);
    for (const cable of scene.cables) {
      const port = scene.ports.get(cable.nic);
      expect(port?.side).toBe("right");
      expect(cable.points[0]).toEqual(port?.anchor);
    }
    // host1's NIC has nothing to its right: straight across.
    expect(scene.cables[0]?.points).toHaveLength(2);
  });

  it("leads a cable around the host's other boxes, never through them", () => {
    for (const cable of scene.cables) {
      for (const box of scene.boxes.values()) {
        if (cable.nic.startsWith(box.key)) continue;
        cable.points.slice(1).forEach((end, index) => {
          const begin = cable.points[index] ?? end;
          const segment = {
            x: Math.min(begin.x, end.x),
            y: Math.min(begin.y, end.y),
            width: Math.abs(end.x - begin.x) || 1e-9,
            height: Math.abs(end.y - begin.y) || 1e-9,
          };
          expect(overlaps(segment, box.rect), `${cable.nic} through ${box.key}`).toBe(false);
        });
      }
      const frame = scene.hosts.find((host) => cable.nic.startsWith(`${host.name}/`));
      for (const point of cable.points.slice(0, -1)) {
        expect(frame && contains(frame.rect, { ...point, width: 0, height: 0 })).toBe(true);
      }
    }
  });

  it("moves a packet from one NIC to the other along both cables and the bar", () => {
    const path = wirePath(scene, "host1//eth0", "host2//eth0");
    const [one, two] = scene.cables;
    expect(path).toEqual([...(one?.points ?? []), ...[...(two?.points ?? [])].reverse()]);
    expect(wirePath(scene, "host2//eth0", "host2/pod/eth0")).toBeNull();
  });

  it("turns a cable down to the host's gutter when the host's other boxes stand in its way", () => {
    const [host] = twoNamespaces.hosts;
    if (host === undefined) return;
    const nic = device("eth0", { kind: "physical", addresses: ["192.168.50.1/24"] });
    const lab = layoutTopology(
      {
        ...twoNamespaces,
        hosts: [
          {
            ...host,
            namespaces: host.namespaces.map((ns) =>
              ns.root ? { ...ns, devices: [...ns.devices, nic] } : ns,
            ),
          },
        ],
        switches: [{ name: "sw0", ports: [{ host: "host1", netns: "", device: "eth0" }] }],
      },
      canvas,
    );
    const root = lab.boxes.get("host1/");
    const ns1 = lab.boxes.get("host1/ns1");
    expect(root && ns1 && root.rect.x < ns1.rect.x).toBe(true);
    const [cable] = lab.cables;
    expect(cable?.points).toHaveLength(4);
    const gutter = cable?.points[2]?.y ?? 0;
    for (const box of lab.boxes.values()) {
      expect(gutter).toBeGreaterThan(box.rect.y + box.rect.height);
    }
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
