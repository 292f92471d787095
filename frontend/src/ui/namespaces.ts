/** Owns the namespace choices of the ping and console selects: their keys, labels and the default choice. */
import {
  allNamespaces,
  namespaceKey,
  namespaceLabel,
  type NamespaceRef,
  type Topology,
} from "../model/topology";

export interface NamespaceOption {
  /** The option's value, "host/netns" (e.g. "host1/ns1", "host1/" for the root namespace). */
  readonly key: string;
  readonly label: string;
  readonly ref: NamespaceRef;
}

/**
 * Every namespace of the topology, root namespaces included, in the server's order. With several
 * hosts a named namespace is labelled with its host ("pod1 (host2)"), as names repeat across hosts.
 */
export function namespaceOptions(topology: Topology | null): NamespaceOption[] {
  if (topology === null) return [];
  const severalHosts = topology.hosts.length > 1;
  return allNamespaces(topology).map(({ ref }) => ({
    key: namespaceKey(ref),
    label: severalHosts && ref.netns !== "" ? `${ref.netns} (${ref.host})` : namespaceLabel(ref),
    ref,
  }));
}

/** Keeps the current choice while it exists; otherwise ns1, then the first named namespace, then the first. */
export function chooseNamespace(
  options: readonly NamespaceOption[],
  current: string | null,
): string {
  const keep = options.find((option) => option.key === current);
  const preferred =
    keep ??
    options.find((option) => option.ref.netns === "ns1") ??
    options.find((option) => option.ref.netns !== "") ??
    options[0];
  return preferred?.key ?? "";
}

/**
 * The console's choice after `line`: `pw use HOST` moves it to HOST's root namespace (the
 * session's new current host), when the lab has that host; any other line keeps `current`.
 */
export function namespaceAfter(
  options: readonly NamespaceOption[],
  current: string | null,
  line: string,
): string | null {
  const used = /^\s*pw\s+use\s+(\S+)\s*$/.exec(line)?.[1];
  if (used === undefined) return current;
  const root = options.find((option) => option.ref.host === used && option.ref.netns === "");
  return root?.key ?? current;
}

/**
 * The namespace the canvas selection points at: the first selected namespace box, or the namespace
 * of the first selected device ("host1/ns1/veth1"); null when the selection holds neither.
 */
export function selectedNamespace(
  options: readonly NamespaceOption[],
  selection: readonly string[],
): NamespaceOption | null {
  for (const id of selection) {
    const parts = id.split("/");
    if (parts.length < 2 || parts.length > 3) continue;
    const found = options.find((option) => option.key === `${parts[0]}/${parts[1]}`);
    if (found !== undefined) return found;
  }
  return null;
}
