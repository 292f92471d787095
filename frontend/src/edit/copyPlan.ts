/**
 * Owns pasting copies of namespaces: each copy gets a fresh name the kernel takes (15 bytes at
 * most), its loopback, its bridges, and its veth pairs made again (between two copies, or from the
 * copy to the same namespace and bridge the original's peer is in), each new end with the bridge
 * master and up state of the end it copies. Fresh IPv4 addresses from the same prefixes go where
 * the prefix stays one link: on bridges, between two copies, and on the copy's end of a pair
 * whose far end is a bridge port; a copy wired straight to an outside namespace gets none (a
 * second address in the same prefix there would make two routes to it, and replies would leave
 * by the first). Other devices (VXLAN, macvlan, NICs) are not copied. Pure: the topology and the copied ids in,
 * one plan out.
 */
import {
  allNamespaces,
  deviceKey,
  namespaceKey,
  type Device,
  type DeviceRef,
  type NamespaceRef,
  type PlacedNamespace,
  type Topology,
} from "../model/topology";
import type { EditCommand } from "../protocol/protocol";
import {
  hostDevices,
  inNamespace,
  namespaceRefOf,
  shellWord,
  vethBetween,
  vethNames,
  type EditPlan,
} from "./commands";

/** The most bytes a network device or namespace name the kernel takes (IFNAMSIZ − 1). */
export const NAME_MAX_BYTES = 15;

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A name like `name` that `taken` does not hold and fits 15 bytes: its trailing digits replaced
 * by the first free number, the rest shortened as much as the number needs.
 */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const stem = name.replace(/\d+$/, "") || name;
  for (let n = 1; ; n++) {
    const suffix = String(n);
    let base = stem;
    while (base.length > 0 && bytes(base) + suffix.length > NAME_MAX_BYTES)
      base = base.slice(0, -1);
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function toNumber(address: string): number {
  return address.split(".").reduce((sum, part) => sum * 256 + Number(part), 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/**
 * The first address after `cidr`'s own in its prefix that `used` (addresses without prefix) does
 * not hold, in CIDR form; null for IPv6, a /31 or /32, or a full prefix.
 */
export function nextFreeAddress(cidr: string, used: ReadonlySet<string>): string | null {
  const [address = "", lengthText = ""] = cidr.split("/");
  const length = Number(lengthText);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(address) || !(length >= 1 && length <= 30)) return null;
  const size = 2 ** (32 - length);
  const own = toNumber(address);
  const network = own - (own % size);
  for (let step = 1; step < size; step++) {
    const candidate = network + ((own - network + step) % size);
    if (candidate === network || candidate === network + size - 1) continue;
    const text = toAddress(candidate);
    if (!used.has(text)) return `${text}/${length}`;
  }
  return null;
}

/** The copies' plan, or null when none of `ids` is a named namespace the topology still has. */
export function pastePlan(topology: Topology, ids: readonly string[]): EditPlan | null {
  const wanted = new Set(ids);
  const originals = allNamespaces(topology).filter(
    (placed) => placed.ref.netns !== "" && wanted.has(namespaceKey(placed.ref)),
  );
  const first = originals[0];
  if (first === undefined) return null;
  return new Paste(topology, originals).plan(first.ref.host);
}

/** Writes one paste: the lines in the order the kernel needs them. */
class Paste {
  private readonly made: EditCommand[] = [];
  private readonly wiring: EditCommand[] = [];
  private readonly masters: EditCommand[] = [];
  private readonly addresses: EditCommand[] = [];
  private readonly ups: EditCommand[] = [];
  /** Original namespace key → its copy. */
  private readonly copies = new Map<string, NamespaceRef>();
  private readonly peers = new Map<string, DeviceRef>();
  private readonly used: Set<string>;

  constructor(
    private readonly topology: Topology,
    private readonly originals: readonly PlacedNamespace[],
  ) {
    for (const link of topology.links) {
      if (link.kind !== "veth") continue;
      this.peers.set(deviceKey(link.a), link.b);
      this.peers.set(deviceKey(link.b), link.a);
    }
    this.used = new Set(
      allNamespaces(topology).flatMap((placed) =>
        placed.namespace.devices.flatMap((device) =>
          device.addresses.map((address) => address.split("/")[0] ?? ""),
        ),
      ),
    );
  }

  plan(host: string): EditPlan {
    const names = new Set(allNamespaces(this.topology).map((placed) => placed.ref.netns));
    for (const { ref } of this.originals) {
      const name = copyName(ref.netns, names);
      names.add(name);
      this.copies.set(namespaceKey(ref), { host: ref.host, netns: name });
    }
    const taken = new Set(
      this.topology.hosts.flatMap((h) => [...hostDevices(this.topology, h.name)]),
    );
    const done = new Set<string>();
    for (const { ref, namespace } of this.originals) {
      const copy = this.copyOf(ref);
      const root = { host: ref.host, netns: "" };
      this.made.push({ netns: root, line: `ip netns add ${shellWord(copy.netns)}` });
      for (const device of namespace.devices) {
        const key = deviceKey({ ...ref, device: device.name });
        if (device.kind === "loopback") {
          if (device.up) this.made.push(inNamespace(copy, "ip link set lo up"));
        } else if (device.kind === "bridge") {
          this.made.push(inNamespace(copy, `ip link add ${shellWord(device.name)} type bridge`));
          this.end(copy, device.name, device, true);
        } else if (device.kind === "veth" && !done.has(key)) {
          done.add(key);
          const peer = this.peers.get(key);
          if (peer !== undefined) {
            done.add(deviceKey(peer));
            this.veth(copy, device, peer, taken);
          }
        }
      }
    }
    const pasted = [...this.copies.values()].map((ref) => ref.netns);
    const sources = this.originals.map((placed) => placed.ref.netns);
    return {
      label: `pasted ${pasted.join(", ")} (copies of ${sources.join(", ")})`,
      commands: [...this.made, ...this.wiring, ...this.masters, ...this.addresses, ...this.ups],
      target: `${host}/${pasted[0] ?? ""}`,
    };
  }

  private copyOf(ref: NamespaceRef): NamespaceRef {
    return this.copies.get(namespaceKey(ref)) ?? ref;
  }

  /** A pair again: between two copies, or from the copy to the original peer's namespace. */
  private veth(copy: NamespaceRef, device: Device, peer: DeviceRef, taken: Set<string>): void {
    const peerNs = namespaceRefOf(namespaceKey(peer));
    const far = this.copyOf(peerNs);
    const [nearName, farName] = vethNames(taken);
    this.wiring.push(...vethBetween(copy, far, nearName, farName));
    const peerDevice = allNamespaces(this.topology)
      .find((placed) => namespaceKey(placed.ref) === namespaceKey(peerNs))
      ?.namespace.devices.find((candidate) => candidate.name === peer.device);
    const inside = this.copies.has(namespaceKey(peerNs));
    this.end(copy, nearName, device, inside || (peerDevice?.master ?? null) !== null);
    if (peerDevice !== undefined) this.end(far, farName, peerDevice, inside);
  }

  /** Gives a new device the master and up state of the one it copies, and fresh addresses if `addressed`. */
  private end(ns: NamespaceRef, name: string, like: Device, addressed: boolean): void {
    if (like.master !== null)
      this.masters.push(
        inNamespace(ns, `ip link set ${shellWord(name)} master ${shellWord(like.master)}`),
      );
    for (const address of addressed ? like.addresses : []) {
      const fresh = nextFreeAddress(address, this.used);
      if (fresh === null) continue;
      this.used.add(fresh.split("/")[0] ?? "");
      this.addresses.push(inNamespace(ns, `ip addr add ${fresh} dev ${shellWord(name)}`));
    }
    if (like.up) this.ups.push(inNamespace(ns, `ip link set ${shellWord(name)} up`));
  }
}
