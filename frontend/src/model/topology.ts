/** Owns the topology types the server sends (hosts, namespaces, devices, links, underlay switches) and the rules for naming and showing them. */

/** The kinds of device this page knows; others (say "vxlan") are kept and drawn as plain devices. */
export const DEVICE_KINDS = [
  "loopback",
  "veth",
  "bridge",
  "dummy",
  "physical",
  "vxlan",
  "macvlan",
  "vlan",
  "ipvlan",
] as const;
export type KnownDeviceKind = (typeof DEVICE_KINDS)[number];
/** A known kind, or any other kind a newer server sends. */
export type DeviceKind = KnownDeviceKind | (string & {});

/**
 * The kinds of link this page draws in their own way: `lower` joins a stacked device (macvlan,
 * vlan, ipvlan) to the device it sits on; `vxlan-tunnel` joins two VTEPs whose forwarding entries
 * send to each other. Others a newer server sends are drawn as plain lines.
 */
export const LINK_KINDS = ["veth", "bridge-port", "lower", "vxlan-tunnel"] as const;
export type KnownLinkKind = (typeof LINK_KINDS)[number];
/** A known kind, or any other kind a newer server sends. */
export type LinkKind = KnownLinkKind | (string & {});

/** Names one network namespace; `netns` is "" for the host's root namespace. */
export interface NamespaceRef {
  readonly host: string;
  readonly netns: string;
}

/** Names one device inside one namespace. */
export interface DeviceRef extends NamespaceRef {
  readonly device: string;
}

export interface Device {
  readonly name: string;
  readonly ifindex: number;
  readonly kind: DeviceKind;
  readonly mac: string;
  readonly mtu: number;
  readonly up: boolean;
  readonly carrier: boolean;
  /** The bridge this device is a port of, or null. */
  readonly master: string | null;
  /** Addresses in CIDR form, e.g. "10.0.0.1/24". */
  readonly addresses: readonly string[];
}

export interface Namespace {
  /** "" for the root namespace. */
  readonly name: string;
  readonly root: boolean;
  readonly devices: readonly Device[];
}

export interface Host {
  readonly name: string;
  readonly namespaces: readonly Namespace[];
}

/** A veth pair (a and b are the two ends) or a bridge port (a = the port, b = the bridge). */
export interface Link {
  readonly kind: LinkKind;
  readonly a: DeviceRef;
  readonly b: DeviceRef;
}

/** An underlay switch and the physical NICs plugged into it (one cable each), in plug order. */
export interface UnderlaySwitch {
  readonly name: string;
  readonly ports: readonly DeviceRef[];
}

export interface Topology {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  /** The underlay switches; absent from a server that predates them (read as none). */
  readonly switches?: readonly UnderlaySwitch[];
}

/** The topology's underlay switches, none when the server sent none. */
export function underlaySwitches(topology: Topology): readonly UnderlaySwitch[] {
  return topology.switches ?? [];
}

/** A namespace together with the host it lives on. */
export interface PlacedNamespace {
  readonly ref: NamespaceRef;
  readonly namespace: Namespace;
}

/** A stable string key for a namespace, e.g. "host1/ns1" or "host1/" for the root. */
export function namespaceKey(ref: NamespaceRef): string {
  return `${ref.host}/${ref.netns}`;
}

/** A stable string key for a device, e.g. "host1/ns1/veth1". */
export function deviceKey(ref: DeviceRef): string {
  return `${ref.host}/${ref.netns}/${ref.device}`;
}

/** What people call a namespace: its name, or "host1 (root)" for a host's root namespace. */
export function namespaceLabel(ref: NamespaceRef): string {
  return ref.netns === "" ? `${ref.host} (root)` : ref.netns;
}

/** Every namespace of every host, in the server's order. */
export function allNamespaces(topology: Topology): PlacedNamespace[] {
  return topology.hosts.flatMap((host) =>
    host.namespaces.map((namespace) => ({
      ref: { host: host.name, netns: namespace.name },
      namespace,
    })),
  );
}

/** Devices worth drawing: a loopback that is down is clutter, so it is left out. */
export function visibleDevices(namespace: Namespace): Device[] {
  return namespace.devices.filter((device) => device.kind !== "loopback" || device.up);
}

/** Namespaces worth drawing: a root namespace is shown only when it has devices other than lo. */
export function visibleNamespaces(topology: Topology): PlacedNamespace[] {
  return allNamespaces(topology).filter(
    ({ namespace }) =>
      !namespace.root || namespace.devices.some((device) => device.kind !== "loopback"),
  );
}

/** The first IPv4 address of a device in CIDR form, or null when it has none. */
export function firstIPv4(device: Device): string | null {
  return device.addresses.find((address) => isIPv4(address.split("/")[0] ?? "")) ?? null;
}

/** True for a dotted-quad IPv4 address such as "10.0.0.2" (no prefix, no leading zeros). */
export function isIPv4(text: string): boolean {
  const parts = text.split(".");
  return (
    parts.length === 4 &&
    parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255)
  );
}
