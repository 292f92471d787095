/** Owns the one rule for applying a server's topology change to the topology the page holds (docs/protocol.md, "topologyChange"). */
import type { Device, Link, Namespace, Topology } from "../model/topology";
import type { TopologyChangeMessage } from "../protocol/protocol";

/**
 * The topology after `change`: removals (links, devices, namespaces, hosts), then additions
 * (hosts and namespaces appended, devices replaced in place or inserted by ifindex, links
 * appended); the underlay switches, when the change has them, replace the old ones whole. Parts the change does not touch keep their identity, so their drawings stay put.
 */
export function applyTopologyChange(topology: Topology, change: TopologyChangeMessage): Topology {
  const removedLinks = change.linksRemoved.map(linkKey);
  let links: Link[] = topology.links.filter((link) => {
    const at = removedLinks.indexOf(linkKey(link));
    if (at < 0) return true;
    removedLinks.splice(at, 1);
    return false;
  });
  let hosts = topology.hosts
    .filter((host) => !change.hostsRemoved.includes(host.name))
    .map((host) => {
      const goneNamespaces = change.namespacesRemoved
        .filter((ref) => ref.host === host.name)
        .map((ref) => ref.netns);
      const goneDevices = change.devicesRemoved.filter((ref) => ref.host === host.name);
      if (goneNamespaces.length === 0 && goneDevices.length === 0) return host;
      return {
        ...host,
        namespaces: host.namespaces
          .filter((ns) => !goneNamespaces.includes(ns.name))
          .map((ns) =>
            withoutDevices(
              ns,
              goneDevices.filter((ref) => ref.netns === ns.name).map((ref) => ref.device),
            ),
          ),
      };
    });
  for (const name of change.hostsAdded) {
    if (!hosts.some((host) => host.name === name)) hosts = [...hosts, { name, namespaces: [] }];
  }
  for (const added of change.namespacesAdded) {
    hosts = hosts.map((host) =>
      host.name !== added.host
        ? host
        : {
            ...host,
            namespaces: [...host.namespaces, { name: added.netns, root: added.root, devices: [] }],
          },
    );
  }
  for (const upsert of change.devicesUpserted) {
    hosts = hosts.map((host) =>
      host.name !== upsert.host
        ? host
        : {
            ...host,
            namespaces: host.namespaces.map((ns) =>
              ns.name === upsert.netns ? withDevice(ns, upsert.device) : ns,
            ),
          },
    );
  }
  links = [...links, ...change.linksAdded];
  const switches = change.switches ?? topology.switches;
  return switches === undefined ? { hosts, links } : { hosts, links, switches };
}

function withoutDevices(ns: Namespace, names: readonly string[]): Namespace {
  return names.length === 0
    ? ns
    : { ...ns, devices: ns.devices.filter((device) => !names.includes(device.name)) };
}

function withDevice(ns: Namespace, device: Device): Namespace {
  const at = ns.devices.findIndex((existing) => existing.name === device.name);
  if (at >= 0) {
    return { ...ns, devices: ns.devices.map((existing, i) => (i === at ? device : existing)) };
  }
  const before = ns.devices.findIndex((existing) => existing.ifindex > device.ifindex);
  const devices = [...ns.devices];
  devices.splice(before < 0 ? devices.length : before, 0, device);
  return { ...ns, devices };
}

function linkKey(link: Link): string {
  return JSON.stringify([link.kind, link.a, link.b]);
}
