/**
 * Owns the shell lines of the palette's ready-made things: a router namespace (forwarding on), an
 * "internet" host (a namespace in a documentation range, wired to the namespace it hangs off), an
 * underlay switch (`pw switch add`, with the host's new NIC plugged in) and a VXLAN VTEP. Pure: the topology in,
 * a plan out.
 */
import {
  allNamespaces,
  namespaceKey,
  namespaceLabel,
  type NamespaceRef,
  type Topology,
  underlaySwitches,
} from "../model/topology";
import type { EditCommand } from "../protocol/protocol";
import {
  devicesOf,
  freeName,
  hostDevices,
  inNamespace,
  shellWord,
  vethBetween,
  vethNames,
  type EditPlan,
} from "./commands";

/** A plan that makes a namespace, with the name it gets (for placing its box). */
export type NamespacePlan = EditPlan & { readonly name: string };

/** The VXLAN UDP port IANA assigned (the kernel's own default is 8472). */
export const VXLAN_PORT = 4789;

/** The address ranges set aside for documentation (RFC 5737), tried in this order. */
export const INTERNET_RANGES = ["203.0.113", "198.51.100", "192.0.2"] as const;

function namespacesOn(topology: Topology, host: string): Set<string> {
  return new Set(
    allNamespaces(topology)
      .filter((placed) => placed.ref.host === host)
      .map((placed) => placed.ref.netns),
  );
}

/** A new namespace `prefix`N on the host with its loopback up, then `more` lines in it. */
function namespaceWith(
  topology: Topology,
  host: string,
  prefix: string,
  what: string,
  more: (ns: NamespaceRef) => readonly EditCommand[],
): NamespacePlan {
  const name = freeName(prefix, namespacesOn(topology, host));
  const root = { host, netns: "" };
  const ns = { host, netns: name };
  return {
    name,
    label: `added ${what} ${name}`,
    commands: [
      { netns: root, line: `ip netns add ${name}` },
      { netns: root, line: `ip netns exec ${name} ip link set lo up` },
      ...more(ns),
    ],
    target: namespaceKey(ns),
  };
}

/** A router: a namespace routerN whose kernel forwards IPv4 between its interfaces. */
export function routerPlan(topology: Topology, host: string): NamespacePlan {
  return namespaceWith(topology, host, "router", "router", (ns) => [
    inNamespace(ns, "sysctl -w net.ipv4.ip_forward=1"),
  ]);
}

/** The first documentation /24 no address of the topology is in, or null when all are used. */
export function freeInternetRange(topology: Topology): string | null {
  const used = allNamespaces(topology).flatMap((placed) =>
    placed.namespace.devices.flatMap((device) => device.addresses),
  );
  return INTERNET_RANGES.find((range) => !used.some((a) => a.startsWith(`${range}.`))) ?? null;
}

/**
 * An "internet" host internetN: a namespace wired by a veth pair to `gateway` (a namespace on the
 * same host, or its root namespace), the far end addressed .10 and the near end .1 in a free
 * documentation /24. Its own route stays on-link only, as a host out on the internet knows
 * nothing of the lab's private addresses. Null when every documentation range is taken.
 */
export function internetPlan(topology: Topology, gateway: NamespaceRef): NamespacePlan | null {
  const range = freeInternetRange(topology);
  if (range === null) return null;
  const taken = hostDevices(topology, gateway.host);
  const [near, far] = vethNames(taken);
  const plan = namespaceWith(topology, gateway.host, "internet", "internet host", (ns) => [
    ...vethBetween(gateway, ns, near, far),
    inNamespace(gateway, `ip addr add ${range}.1/24 dev ${near}`),
    inNamespace(ns, `ip addr add ${range}.10/24 dev ${far}`),
    inNamespace(gateway, `ip link set ${near} up`),
    inNamespace(ns, `ip link set ${far} up`),
  ]);
  return { ...plan, label: `${plan.label} (${range}.10) behind ${namespaceLabel(gateway)}` };
}

/**
 * A new underlay switch swN (`pw switch add`): the wire between machines. A host added after it
 * comes with its eth0 plugged into the newest switch; others plug in with `pw nic add` in the
 * console.
 */
export function underlaySwitchPlan(topology: Topology, host: string): EditPlan {
  const root = { host, netns: "" };
  const name = freeName("sw", new Set(underlaySwitches(topology).map((sw) => sw.name)));
  return {
    label: `added underlay switch ${name}`,
    commands: [{ netns: root, line: `pw switch add ${name}` }],
    target: namespaceKey(root),
  };
}

/**
 * A VXLAN VTEP vxlanN in a namespace: VNI 100+N (so the first VTEP of every host shares VNI 101),
 * UDP port 4789, bound to the namespace's first physical NIC when it has one; up. Its remote
 * VTEPs come from FDB entries (`bridge fdb append 00:00:00:00:00:00 dev vxlanN dst …`).
 */
export function vtepPlan(topology: Topology, ns: NamespaceRef): EditPlan {
  const name = freeName("vxlan", devicesOf(topology, ns));
  const vni = 100 + Number(name.slice("vxlan".length));
  const placed = allNamespaces(topology).find(
    (candidate) => candidate.ref.host === ns.host && candidate.ref.netns === ns.netns,
  );
  const nic = placed?.namespace.devices.find((device) => device.kind === "physical");
  const dev = nic === undefined ? "" : ` dev ${shellWord(nic.name)}`;
  return {
    label: `added VTEP ${name} (VNI ${vni}) to ${namespaceLabel(ns)}`,
    commands: [
      { netns: ns, line: `ip link add ${name} type vxlan id ${vni} dstport ${VXLAN_PORT}${dev}` },
      { netns: ns, line: `ip link set ${name} up` },
    ],
    target: namespaceKey(ns),
  };
}
