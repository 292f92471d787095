/** Tests applying the server's topology changes, with the shared example and hand-made changes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Device, Topology } from "../model/topology";
import { parseServerMessage, type TopologyChangeMessage } from "../protocol/protocol";
import { applyTopologyChange } from "./topologyChange";

function example(name: string): unknown {
  const text = readFileSync(
    new URL(`../../../backend/src/test/resources/protocol/${name}`, import.meta.url),
    "utf8",
  );
  const result = parseServerMessage(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const welcome = example("server-welcome.json");
const before: Topology =
  typeof welcome === "object" && welcome !== null && "topology" in welcome
    ? (welcome.topology as Topology)
    : { hosts: [], links: [] };

function change(overrides: Partial<TopologyChangeMessage>): TopologyChangeMessage {
  return {
    v: 2,
    type: "topologyChange",
    hostsRemoved: [],
    hostsAdded: [],
    namespacesRemoved: [],
    namespacesAdded: [],
    devicesRemoved: [],
    devicesUpserted: [],
    linksRemoved: [],
    linksAdded: [],
    ...overrides,
  };
}

function device(name: string, ifindex: number): Device {
  return {
    name,
    ifindex,
    kind: "veth",
    mac: "02:00:00:00:00:09",
    mtu: 1500,
    up: false,
    carrier: false,
    master: null,
    addresses: [],
  };
}

describe("applying a topology change", () => {
  it("moves veth2 into a new namespace as the shared example says", () => {
    const moved = example("server-topology-change.json") as TopologyChangeMessage;
    const after = applyTopologyChange(before, moved);
    const host = after.hosts[0];
    expect(host?.namespaces.map((ns) => ns.name)).toEqual(["", "ns1", "ns2", "ns3"]);
    expect(host?.namespaces[2]?.devices.map((d) => d.name)).toEqual(["lo"]);
    expect(host?.namespaces[3]?.devices.map((d) => d.name)).toEqual(["lo", "veth2"]);
    expect(host?.namespaces[1]?.devices[1]?.carrier).toBe(false);
    expect(after.links).toEqual(moved.linksAdded);
  });

  it("replaces a changed device in place and inserts a new one by ifindex", () => {
    const inserted = applyTopologyChange(
      before,
      change({
        devicesUpserted: [
          { host: "host1", netns: "ns1", device: device("a0", 3) },
          { host: "host1", netns: "ns1", device: { ...device("veth1", 2), up: false } },
        ],
      }),
    );
    const ns1 = inserted.hosts[0]?.namespaces[1];
    expect(ns1?.devices.map((d) => d.name)).toEqual(["lo", "veth1", "a0"]);
    expect(ns1?.devices[1]?.up).toBe(false);
  });

  it("keeps the identity of what the change does not touch", () => {
    const after = applyTopologyChange(
      before,
      change({ namespacesAdded: [{ host: "host1", netns: "ns9", root: false }] }),
    );
    expect(after.hosts[0]?.namespaces[1]).toBe(before.hosts[0]?.namespaces[1]);
    expect(after.hosts[0]?.namespaces.at(-1)?.name).toBe("ns9");
  });

  it("removes a namespace, a host and their links", () => {
    const link = before.links[0];
    const after = applyTopologyChange(
      before,
      change({
        namespacesRemoved: [{ host: "host1", netns: "ns2" }],
        linksRemoved: link === undefined ? [] : [link],
      }),
    );
    expect(after.hosts[0]?.namespaces.map((ns) => ns.name)).toEqual(["", "ns1"]);
    expect(after.links).toEqual([]);
    expect(applyTopologyChange(after, change({ hostsRemoved: ["host1"] })).hosts).toEqual([]);
  });

  it("adds a host and the underlay switch its NIC and host1's are plugged into", () => {
    const underlay = example("server-topology-change-underlay.json") as TopologyChangeMessage;
    const after = applyTopologyChange(before, underlay);
    expect(after.hosts.map((host) => host.name)).toEqual(["host1", "node2"]);
    expect(after.switches).toEqual([
      {
        name: "sw0",
        ports: [
          { host: "host1", netns: "", device: "eth0" },
          { host: "node2", netns: "", device: "eth0" },
        ],
      },
    ]);
    const untouched = applyTopologyChange(after, change({ hostsAdded: ["node3"] }));
    expect(untouched.switches).toBe(after.switches);
    expect(applyTopologyChange(after, change({ switches: [] })).switches).toEqual([]);
  });
});
