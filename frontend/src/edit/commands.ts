/**
 * Owns turning canvas edits into the shell lines that carry them out: deleting namespaces,
 * devices and links, renaming a device, a new namespace, bridge or host, and a veth pair between
 * two namespaces (or to a bridge). Pure: the topology and what the person did in, a plan out;
 * the server runs the plan as one batch.
 */
import type { Hit } from "../geometry/hitTest";
import {
  allNamespaces,
  namespaceKey,
  namespaceLabel,
  type Device,
  type NamespaceRef,
  type Topology,
  underlaySwitches,
} from "../model/topology";
import type { EditCommand } from "../protocol/protocol";

/** An edit ready to send: what it is called in the command log, its lines, and the id it is about. */
export interface EditPlan {
  readonly label: string;
  readonly commands: readonly EditCommand[];
  /** The selection id an error is shown next to. */
  readonly target: string;
}

/** Quotes a word for the shell when it needs it (the lines are shown and run as typed). */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._@%+=:,/-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The namespace a namespace id ("host1/ns1") names. */
export function namespaceRefOf(id: string): NamespaceRef {
  const [host = "", netns = ""] = id.split("/");
  return { host, netns };
}

interface FoundDevice {
  readonly ref: NamespaceRef;
  readonly device: Device;
}

/** The device a device id ("host1/ns1/veth1") names, if the topology has it. */
export function findDevice(topology: Topology, id: string): FoundDevice | null {
  const [host = "", netns = "", name = ""] = id.split("/");
  const found = allNamespaces(topology).find(
    (placed) => placed.ref.host === host && placed.ref.netns === netns,
  );
  const device = found?.namespace.devices.find((candidate) => candidate.name === name);
  return found === undefined || device === undefined ? null : { ref: found.ref, device };
}

/** A line run in a namespace's host's root namespace, reaching into `ns` with `ip netns exec`. */
export function inNamespace(ns: NamespaceRef, line: string): EditCommand {
  const root = { host: ns.host, netns: "" };
  return ns.netns === ""
    ? { netns: root, line }
    : { netns: root, line: `ip netns exec ${shellWord(ns.netns)} ${line}` };
}

/** The other end of a veth, as a device id, or null. */
function vethPeer(topology: Topology, id: string): string | null {
  for (const link of topology.links) {
    if (link.kind !== "veth") continue;
    const a = `${namespaceKey(link.a)}/${link.a.device}`;
    const b = `${namespaceKey(link.b)}/${link.b.device}`;
    if (a === id) return b;
    if (b === id) return a;
  }
  return null;
}

/**
 * Deletes the selected namespaces (`ip netns del`), devices (`ip link del`, which takes a veth's
 * peer too) and links (a veth pair goes with one end; a bridge port leaves its bridge). A root
 * namespace and a loopback device cannot be deleted and are left out. Null when nothing is left.
 */
export function deletePlan(topology: Topology, ids: readonly string[]): EditPlan | null {
  const commands: EditCommand[] = [];
  const names: string[] = [];
  const gone = new Set<string>();
  for (const id of ids.filter((candidate) => candidate.split("/").length === 2)) {
    const ref = namespaceRefOf(id);
    if (ref.netns === "") continue;
    commands.push({
      netns: { host: ref.host, netns: "" },
      line: `ip netns del ${shellWord(ref.netns)}`,
    });
    names.push(ref.netns);
    gone.add(id);
  }
  const removeDevice = (id: string): boolean => {
    const found = findDevice(topology, id);
    if (found === null || found.device.kind === "loopback") return false;
    if (gone.has(namespaceKey(found.ref)) || gone.has(id)) return false;
    commands.push(inNamespace(found.ref, `ip link del dev ${shellWord(found.device.name)}`));
    gone.add(id);
    const peer = vethPeer(topology, id);
    if (peer !== null) gone.add(peer);
    return true;
  };
  for (const id of ids) {
    if (id.includes(":")) {
      const [kind = "", a = "", b = ""] = id.split(":");
      if (kind === "veth" && removeDevice(a))
        names.push(`the link ${deviceName(a)}–${deviceName(b)}`);
      if (kind === "bridge-port") {
        const port = findDevice(topology, a);
        if (port !== null && !gone.has(a) && !gone.has(namespaceKey(port.ref))) {
          commands.push(
            inNamespace(port.ref, `ip link set dev ${shellWord(port.device.name)} nomaster`),
          );
          names.push(`${port.device.name} from ${deviceName(b)}`);
        }
      }
    } else if (id.split("/").length === 3 && removeDevice(id)) {
      names.push(deviceName(id));
    }
  }
  const first = ids[0];
  if (commands.length === 0 || first === undefined) return null;
  return { label: `deleted ${names.join(", ")}`, commands, target: first };
}

function deviceName(id: string): string {
  return id.split("/")[2] ?? id;
}

/** Renames a device; one that is up goes down for the rename and up again, as the kernel asks. */
export function renamePlan(topology: Topology, id: string, name: string): EditPlan | null {
  const found = findDevice(topology, id);
  if (found === null || name === found.device.name) return null;
  const old = shellWord(found.device.name);
  const wanted = shellWord(name);
  const lines = found.device.up
    ? [
        `ip link set dev ${old} down`,
        `ip link set dev ${old} name ${wanted}`,
        `ip link set dev ${wanted} up`,
      ]
    : [`ip link set dev ${old} name ${wanted}`];
  return {
    label: `renamed ${found.device.name} to ${name} in ${namespaceLabel(found.ref)}`,
    commands: lines.map((line) => ({ netns: found.ref, line })),
    target: id,
  };
}

/** The first name `prefix`N (N from 1) that `taken` does not hold. */
export function freeName(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A new namespace nsN on the host, with its loopback up; its name, for placing its box. */
export function newNamespacePlan(
  topology: Topology,
  host: string,
): EditPlan & { readonly name: string } {
  const taken = new Set(
    allNamespaces(topology)
      .filter((placed) => placed.ref.host === host)
      .map((placed) => placed.ref.netns),
  );
  const name = freeName("ns", taken);
  const root = { host, netns: "" };
  return {
    name,
    label: `added namespace ${name}`,
    commands: [
      { netns: root, line: `ip netns add ${name}` },
      { netns: root, line: `ip netns exec ${name} ip link set lo up` },
    ],
    target: `${host}/${name}`,
  };
}

/** A new bridge brN, up, in a namespace. */
export function newBridgePlan(topology: Topology, ns: NamespaceRef): EditPlan {
  const name = freeName("br", devicesOf(topology, ns));
  return {
    label: `added bridge ${name} to ${namespaceLabel(ns)}`,
    commands: [
      { netns: ns, line: `ip link add ${name} type bridge` },
      { netns: ns, line: `ip link set ${name} up` },
    ],
    target: namespaceKey(ns),
  };
}

/** A new host hostN (a kernel of its own), made with `pw host add`. */
export function newHostPlan(topology: Topology): EditPlan {
  const name = freeName("host", new Set(topology.hosts.map((host) => host.name)));
  const first = topology.hosts[0]?.name ?? "host1";
  const sw = underlaySwitches(topology).at(-1);
  const root = { host: name, netns: "" };
  return {
    label: sw === undefined ? `added host ${name}` : `added host ${name} on switch ${sw.name}`,
    commands: [
      { netns: { host: first, netns: "" }, line: `pw host add ${name}` },
      ...(sw === undefined
        ? []
        : [
            { netns: root, line: `pw nic add ${name} eth0 switch ${shellWord(sw.name)}` },
            { netns: root, line: "ip link set eth0 up" },
          ]),
    ],
    target: `${first}/`,
  };
}

/** The names of a namespace's devices. */
export function devicesOf(topology: Topology, ns: NamespaceRef): Set<string> {
  const placed = allNamespaces(topology).find(
    (candidate) => candidate.ref.host === ns.host && candidate.ref.netns === ns.netns,
  );
  return new Set(placed?.namespace.devices.map((device) => device.name) ?? []);
}

/** Every device name on a host (veth pairs are made in its root namespace, so names must be free there). */
export function hostDevices(topology: Topology, host: string): Set<string> {
  return new Set(
    allNamespaces(topology)
      .filter((placed) => placed.ref.host === host)
      .flatMap((placed) => placed.namespace.devices.map((device) => device.name)),
  );
}

/** Two free veth names, both noted in `taken`. */
export function vethNames(taken: Set<string>): [string, string] {
  const near = freeName("veth", taken);
  taken.add(near);
  const far = freeName("veth", taken);
  taken.add(far);
  return [near, far];
}

/** A veth pair made in the host's root namespace, its ends moved to `a` and `b` (still down). */
export function vethBetween(
  a: NamespaceRef,
  b: NamespaceRef,
  near: string,
  far: string,
): EditCommand[] {
  const root = { host: a.host, netns: "" };
  const commands: EditCommand[] = [
    { netns: root, line: `ip link add ${near} type veth peer name ${far}` },
  ];
  if (a.netns !== "")
    commands.push({ netns: root, line: `ip link set ${near} netns ${shellWord(a.netns)}` });
  if (b.netns !== "")
    commands.push({ netns: root, line: `ip link set ${far} netns ${shellWord(b.netns)}` });
  return commands;
}

/**
 * A veth pair from the namespace of `from` to the namespace of `to`, made in the host's root
 * namespace and moved into place, both ends up; dropped on a bridge, the far end becomes its
 * port. Null when it joins nothing (empty space, the same namespace, another host).
 */
export function connectPlan(topology: Topology, from: Hit, to: Hit | null): EditPlan | null {
  if (
    to === null ||
    to.kind === "host" ||
    to.kind === "link" ||
    from.kind === "host" ||
    from.kind === "link"
  )
    return null;
  const fromKey = from.kind === "namespace" ? from.key : from.namespaceKey;
  const toKey = to.kind === "namespace" ? to.key : to.namespaceKey;
  const bridge = to.kind === "device" ? findDevice(topology, to.key) : null;
  const master = bridge !== null && bridge.device.kind === "bridge" ? bridge.device.name : null;
  const a = namespaceRefOf(fromKey);
  const b = namespaceRefOf(toKey);
  if (a.host !== b.host || (fromKey === toKey && master === null)) return null;
  const taken = hostDevices(topology, a.host);
  const [near, far] = vethNames(taken);
  const commands: EditCommand[] = vethBetween(a, b, near, far);
  if (master !== null)
    commands.push(inNamespace(b, `ip link set ${far} master ${shellWord(master)}`));
  commands.push(inNamespace(a, `ip link set ${near} up`), inNamespace(b, `ip link set ${far} up`));
  const towards = master === null ? namespaceLabel(b) : `${master} in ${namespaceLabel(b)}`;
  return { label: `connected ${namespaceLabel(a)} to ${towards}`, commands, target: fromKey };
}
