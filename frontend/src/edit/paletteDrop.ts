/**
 * Owns what dropping a palette item does: from the item, what is under the pointer (or, for a
 * click or a key, the selection) and the topology, the plan to run, or the sentence that says why
 * nothing can go there. A namespace, router or internet host dropped on a host's box (or on
 * anything inside it) is made in that host. Pure.
 */
import type { Hit } from "../geometry/hitTest";
import type { Topology } from "../model/topology";
import {
  newBridgePlan,
  newHostPlan,
  newNamespacePlan,
  namespaceRefOf,
  type EditPlan,
} from "./commands";
import { internetPlan, routerPlan, underlaySwitchPlan, vtepPlan } from "./palettePlans";

/** What can be dragged from the palette. */
export type PaletteItem =
  "namespace" | "router" | "internet" | "bridge" | "switch" | "vtep" | "host";

/** A plan to run (with the new namespace whose box goes where the item was dropped), or a refusal. */
export type DropResult =
  | { readonly kind: "plan"; readonly plan: EditPlan; readonly newNamespace: string | null }
  | { readonly kind: "refused"; readonly message: string };

/** The host a hit is in (or, without one, the selection's, else the first host). */
function hostOf(topology: Topology, hit: Hit | null, selection: readonly string[]): string {
  if (hit !== null && hit.kind === "host") return hit.name;
  if (hit !== null && hit.kind !== "link") return hit.key.split("/")[0] ?? "";
  const selected = selection[0]?.split(/[/:]/)[0];
  const known = topology.hosts.find((host) => host.name === selected);
  return known?.name ?? topology.hosts[0]?.name ?? "host1";
}

/** The namespace id ("host1/ns1") a hit is in (or, without one, the selection's), or null. */
function namespaceOf(hit: Hit | null, selection: readonly string[]): string | null {
  if (hit !== null) {
    if (hit.kind === "namespace") return hit.key;
    if (hit.kind === "device") return hit.namespaceKey;
    return null;
  }
  const selected = selection[0];
  if (selected === undefined || selected.includes(":")) return null;
  return selected.split("/").slice(0, 2).join("/");
}

const plan = (p: EditPlan, newNamespace: string | null = null): DropResult => ({
  kind: "plan",
  plan: p,
  newNamespace,
});

const refused = (message: string): DropResult => ({ kind: "refused", message });

/** What dropping `item` on `hit` (null: a click or a key, which use the selection) does. */
export function paletteDrop(
  topology: Topology,
  item: PaletteItem,
  hit: Hit | null,
  selection: readonly string[],
): DropResult {
  const host = hostOf(topology, hit, selection);
  switch (item) {
    case "namespace": {
      const made = newNamespacePlan(topology, host);
      return plan(made, made.name);
    }
    case "router": {
      const made = routerPlan(topology, host);
      return plan(made, made.name);
    }
    case "internet": {
      const gateway = namespaceOf(hit, selection) ?? `${host}/`;
      const made = internetPlan(topology, namespaceRefOf(gateway));
      return made === null
        ? refused(
            "Every documentation range (203.0.113.0/24, 198.51.100.0/24, 192.0.2.0/24) is in use already.",
          )
        : plan(made, made.name);
    }
    case "bridge": {
      const target = namespaceOf(hit, selection);
      return target === null
        ? refused(
            "A bridge lives in a namespace: drop it on a namespace box, or select one and click Bridge.",
          )
        : plan(newBridgePlan(topology, namespaceRefOf(target)));
    }
    case "switch":
      return plan(underlaySwitchPlan(topology, host));
    case "vtep": {
      const target = namespaceOf(hit, selection) ?? (hit?.kind === "host" ? `${hit.name}/` : null);
      return target === null
        ? refused(
            "A VXLAN VTEP lives in a namespace: drop it on a namespace or host box, or select one and click VTEP.",
          )
        : plan(vtepPlan(topology, namespaceRefOf(target)));
    }
    case "host":
      return plan(newHostPlan(topology));
  }
}
