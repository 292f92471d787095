/** Owns the grouping of trace step kinds for the event list's filters: L2, ARP, routing, netfilter, NAT, conntrack, encapsulation, and "other" for every kind not named here. */

export const KIND_GROUPS = [
  "l2",
  "arp",
  "routing",
  "netfilter",
  "nat",
  "conntrack",
  "encapsulation",
  "other",
] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

/** The step kinds of each group but "other" (io.packetwalk.trace.StepKind names). */
const MEMBERS: readonly (readonly [KindGroup, readonly string[]])[] = [
  [
    "l2",
    [
      "DEVICE_TX",
      "DEVICE_RX",
      "WIRE",
      "BRIDGE_LEARN",
      "BRIDGE_FORWARD",
      "BRIDGE_FLOOD",
      "BRIDGE_AGEING",
      "BRIDGE_LOCAL_IN",
      "STACKED_TX",
      "STACKED_RX",
    ],
  ],
  [
    "arp",
    [
      "NEIGH_LOOKUP",
      "NEIGH_QUEUED",
      "NEIGH_UPDATE",
      "ARP_REQUEST_SENT",
      "ARP_REPLY_SENT",
      "ARP_PROXY_REPLY",
    ],
  ],
  [
    "routing",
    ["ROUTE_LOOKUP", "LOCAL_DELIVER", "FORWARD", "TTL_DECREMENT", "RP_FILTER_CHECK", "FRAGMENT"],
  ],
  ["netfilter", ["NF_HOOK", "NF_CHAIN", "NF_RULES_SKIPPED", "NF_RULE_MATCH", "NF_VERDICT"]],
  ["nat", ["NAT_REWRITE"]],
  ["conntrack", ["CT_LOOKUP", "CT_NEW", "CT_CONFIRM"]],
  ["encapsulation", ["ENCAPSULATE", "DECAPSULATE", "VXLAN_FDB_LOOKUP"]],
];

const GROUP_OF = new Map<string, KindGroup>(
  MEMBERS.flatMap(([group, kinds]) => kinds.map((kind): [string, KindGroup] => [kind, group])),
);

/** The filter group of a step kind; a kind this page does not know is "other". */
export function kindGroup(kind: string): KindGroup {
  return GROUP_OF.get(kind) ?? "other";
}

/** The group's name on its filter checkbox. */
export function kindGroupLabel(group: KindGroup): string {
  switch (group) {
    case "l2":
      return "L2";
    case "arp":
      return "ARP";
    case "routing":
      return "Routing";
    case "netfilter":
      return "Netfilter";
    case "nat":
      return "NAT";
    case "conntrack":
      return "Conntrack";
    case "encapsulation":
      return "Encapsulation";
    case "other":
      return "Other";
  }
}
