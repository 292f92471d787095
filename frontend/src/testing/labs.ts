/** Builds small topologies for tests: "n namespaces in a chain of veth pairs", "two pods on one bridge". */
import type { Device, Link, Namespace, Topology } from "../model/topology";

export function device(name: string, overrides: Partial<Device> = {}): Device {
  return {
    name,
    ifindex: 2,
    kind: "veth",
    mac: "02:00:00:00:00:01",
    mtu: 1500,
    up: true,
    carrier: true,
    master: null,
    addresses: [],
    ...overrides,
  };
}

export const downLoopback: Device = device("lo", {
  ifindex: 1,
  kind: "loopback",
  mac: "00:00:00:00:00:00",
  mtu: 65536,
  up: false,
  carrier: false,
});

export function namespace(name: string, devices: Device[]): Namespace {
  return { name, root: name === "", devices: [downLoopback, ...devices] };
}

function veth(netnsA: string, deviceA: string, netnsB: string, deviceB: string): Link {
  return {
    kind: "veth",
    a: { host: "host1", netns: netnsA, device: deviceA },
    b: { host: "host1", netns: netnsB, device: deviceB },
  };
}

/** ns1..nsN on host1, each joined to the next by a veth pair; the root namespace holds only lo. */
export function chainLab(count: number): Topology {
  const namespaces: Namespace[] = [namespace("", [])];
  const links: Link[] = [];
  for (let i = 1; i <= count; i++) {
    const devices: Device[] = [];
    if (i > 1) devices.push(device(`veth${i}l`, { addresses: [`10.0.${i - 1}.2/24`] }));
    if (i < count) {
      devices.push(device(`veth${i}r`, { addresses: [`10.0.${i}.1/24`] }));
      links.push(veth(`ns${i}`, `veth${i}r`, `ns${i + 1}`, `veth${i + 1}l`));
    }
    namespaces.push(namespace(`ns${i}`, devices));
  }
  return { hosts: [{ name: "host1", namespaces }], links };
}

/** The built-in lab: ns1 (veth1 10.0.0.1/24) and ns2 (veth2 10.0.0.2/24) joined by a veth pair. */
export const twoNamespaces: Topology = {
  hosts: [
    {
      name: "host1",
      namespaces: [
        namespace("", []),
        namespace("ns1", [device("veth1", { addresses: ["10.0.0.1/24"] })]),
        namespace("ns2", [
          device("veth2", { mac: "02:00:00:00:00:02", addresses: ["10.0.0.2/24"] }),
        ]),
      ],
    },
  ],
  links: [veth("ns1", "veth1", "ns2", "veth2")],
};

/** `count` pods on one bridge: br0 in the root namespace holds the host ends of their veth pairs. */
export function podsOnABridge(count: number): Topology {
  const pods = Array.from({ length: count }, (_, i) => `pod${i + 1}`);
  const hostEnds = pods.map((_, i) => device(`veth${i + 1}`, { master: "br0" }));
  return {
    hosts: [
      {
        name: "host1",
        namespaces: [
          namespace("", [
            device("br0", { kind: "bridge", addresses: ["10.0.0.254/24"] }),
            ...hostEnds,
          ]),
          ...pods.map((pod, i) =>
            namespace(pod, [device("eth0", { addresses: [`10.0.0.${i + 1}/24`] })]),
          ),
        ],
      },
    ],
    links: pods.flatMap((pod, i): Link[] => [
      veth("", `veth${i + 1}`, pod, "eth0"),
      {
        kind: "bridge-port",
        a: { host: "host1", netns: "", device: `veth${i + 1}` },
        b: { host: "host1", netns: "", device: "br0" },
      },
    ]),
  };
}

/** Two pods on one bridge: br0 in the root namespace with the host ends of two veth pairs. */
export const twoPodsOnABridge: Topology = {
  hosts: [
    {
      name: "host1",
      namespaces: [
        namespace("", [
          device("br0", { kind: "bridge", addresses: ["10.0.0.254/24"] }),
          device("vethA", { master: "br0" }),
          device("vethB", { master: "br0" }),
        ]),
        namespace("pod1", [device("eth0", { addresses: ["10.0.0.1/24"] })]),
        namespace("pod2", [device("eth0", { addresses: ["10.0.0.2/24"] })]),
      ],
    },
  ],
  links: [
    veth("", "vethA", "pod1", "eth0"),
    veth("", "vethB", "pod2", "eth0"),
    {
      kind: "bridge-port",
      a: { host: "host1", netns: "", device: "vethA" },
      b: { host: "host1", netns: "", device: "br0" },
    },
    {
      kind: "bridge-port",
      a: { host: "host1", netns: "", device: "vethB" },
      b: { host: "host1", netns: "", device: "br0" },
    },
  ],
};

/**
 * Two hosts whose eth0 NICs are plugged into switch sw0, host2 with a pod namespace behind a
 * veth pair, and an empty third host (only lo) that shows nothing yet.
 */
export const twoHostsOnASwitch: Topology = {
  hosts: [
    {
      name: "host1",
      namespaces: [
        namespace("", [device("eth0", { kind: "physical", addresses: ["10.0.0.1/24"] })]),
      ],
    },
    {
      name: "host2",
      namespaces: [
        namespace("", [
          device("eth0", { kind: "physical", addresses: ["10.0.0.2/24"] }),
          device("veth-pod", { ifindex: 3, addresses: ["10.244.2.1/24"] }),
        ]),
        namespace("pod", [device("eth0", { addresses: ["10.244.2.2/24"] })]),
      ],
    },
    { name: "host3", namespaces: [namespace("", [])] },
  ],
  links: [
    {
      kind: "veth",
      a: { host: "host2", netns: "", device: "veth-pod" },
      b: { host: "host2", netns: "pod", device: "eth0" },
    },
  ],
  switches: [
    {
      name: "sw0",
      ports: [
        { host: "host1", netns: "", device: "eth0" },
        { host: "host2", netns: "", device: "eth0" },
      ],
    },
  ],
};
