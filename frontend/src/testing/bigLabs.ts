/** Builds larger topologies for layout tests: Docker's layout of namespaces on one bridge, beside the built-in two-namespace lab. */
import type { Device, Link, Namespace, Topology } from "../model/topology";
import { device } from "./labs";

const upLoopback: Device = device("lo", {
  ifindex: 1,
  kind: "loopback",
  mac: "00:00:00:00:00:00",
  mtu: 65536,
  addresses: ["127.0.0.1/8"],
});

function namespaceWithLo(name: string, devices: Device[]): Namespace {
  return { name, root: false, devices: [upLoopback, ...devices] };
}

function ref(netns: string, name: string) {
  return { host: "host1", netns, device: name };
}

/**
 * What the browser frame-time benchmark builds: `count` namespaces c1…cN, each with a veth whose
 * host end vethI is a port of bridge br0 in the root namespace and whose other end ceI holds
 * 10.0.H.L/16; with `pair`, also the built-in lab's ns1 and ns2 joined by veth1/veth2.
 */
export function namespacesOnABridge(count: number, pair = true): Topology {
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  const root: Namespace = {
    name: "",
    root: true,
    devices: [
      device("lo", { ifindex: 1, kind: "loopback", up: false, carrier: false }),
      device("br0", { kind: "bridge" }),
      ...indexes.map((i) => device(`veth${i}`, { master: "br0" })),
    ],
  };
  const containers = indexes.map((i) =>
    namespaceWithLo(`c${i}`, [
      device(`ce${i}`, { addresses: [`10.0.${Math.floor(i / 256)}.${i % 256}/16`] }),
    ]),
  );
  const links: Link[] = indexes.flatMap((i): Link[] => [
    { kind: "veth", a: ref("", `veth${i}`), b: ref(`c${i}`, `ce${i}`) },
    { kind: "bridge-port", a: ref("", `veth${i}`), b: ref("", "br0") },
  ]);
  const pairNamespaces = pair
    ? [
        namespaceWithLo("ns1", [device("veth1", { addresses: ["10.0.0.1/24"] })]),
        namespaceWithLo("ns2", [device("veth2", { addresses: ["10.0.0.2/24"] })]),
      ]
    : [];
  if (pair) links.push({ kind: "veth", a: ref("ns1", "veth1"), b: ref("ns2", "veth2") });
  return {
    hosts: [{ name: "host1", namespaces: [root, ...pairNamespaces, ...containers] }],
    links,
  };
}
