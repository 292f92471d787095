/** Owns the trace types: one step of a packet's walk, where it happened and the headers it carried. */

/** Where in netfilter a step happened: a hook, and inside it a table's chain and one of its rules. */
export interface NetfilterLocation {
  /** PREROUTING, INPUT, FORWARD, OUTPUT or POSTROUTING; hooks this page does not know are kept as they are. */
  readonly hook: string;
  /** raw, mangle, nat, filter or security. */
  readonly table?: string;
  readonly chain?: string;
  /** The 1-based number of the rule in its chain. */
  readonly rule?: number;
  /** The rule in iptables-save form, e.g. "-A FORWARD -o docker0 -j ACCEPT". */
  readonly ruleText?: string;
}

/** Where a step happened; `device` is null for a namespace-level step such as a route lookup. */
export interface StepLocation {
  readonly host: string;
  readonly netns: string;
  readonly device: string | null;
  /** Present on netfilter steps. */
  readonly netfilter?: NetfilterLocation;
}

/**
 * One state delta a step made. `kind` is "neighbour", "fdb", "conntrack" or "counter" today;
 * kinds this page does not know are kept as they are. A null `before` means the entry was
 * created, a null `after` that it was removed.
 */
export interface StateChange {
  readonly kind: string;
  readonly where: StepLocation;
  /** Which entry changed, e.g. "filter FORWARD 3" for a rule counter. */
  readonly key: string;
  readonly before: string | null;
  readonly after: string | null;
}

/**
 * How many tunnels a layer lies inside: absent (0) on the packet on the wire, 1 for the frame a
 * VXLAN header wraps or the packet a flannel UDP datagram carries.
 */
export interface LayerDepth {
  readonly depth?: number;
}

export interface EthernetHeader extends LayerDepth {
  readonly layer: "ethernet";
  readonly src: string;
  readonly dst: string;
  /** "ARP", "IPv4", or "802.1Q" when a vlan layer follows; other values are kept as they are. */
  readonly etherType: string;
}

/** An 802.1Q tag; `etherType` is what follows the tag. */
export interface VlanHeader extends LayerDepth {
  readonly layer: "vlan";
  readonly vid: number;
  readonly pcp: number;
  readonly dei: boolean;
  readonly etherType: string;
}

export interface ArpHeader extends LayerDepth {
  readonly layer: "arp";
  readonly op: "request" | "reply";
  readonly senderMac: string;
  readonly senderIp: string;
  readonly targetMac: string;
  readonly targetIp: string;
}

export interface Ipv4Header extends LayerDepth {
  readonly layer: "ipv4";
  readonly src: string;
  readonly dst: string;
  readonly ttl: number;
  /** "ICMP", "UDP" or "TCP" today; other values are kept as they are. */
  readonly protocol: string;
  readonly id: number;
  readonly totalLength: number;
}

export interface IcmpHeader extends LayerDepth {
  readonly layer: "icmp";
  readonly icmpType: number;
  readonly code: number;
  readonly description: string;
  readonly id: number;
  readonly sequence: number;
}

export interface UdpHeader extends LayerDepth {
  readonly layer: "udp";
  readonly srcPort: number;
  readonly dstPort: number;
  readonly length: number;
}

export interface TcpHeader extends LayerDepth {
  readonly layer: "tcp";
  readonly srcPort: number;
  readonly dstPort: number;
  /** tcpdump letters, e.g. "S", "S.", "R.". */
  readonly flags: string;
}

/** A VXLAN header; the frame it wraps follows with `depth` one more. */
export interface VxlanHeader extends LayerDepth {
  readonly layer: "vxlan";
  readonly flags: number;
  readonly vni: number;
}

/** A JSON value as it came from the wire. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A layer this page does not know yet (say "geneve"), kept with its fields as they
 * came so it can be shown as plain key/value rows.
 */
export interface OtherHeader {
  readonly layer: string;
  readonly [field: string]: JsonValue;
}

export type KnownHeader =
  | EthernetHeader
  | VlanHeader
  | ArpHeader
  | Ipv4Header
  | IcmpHeader
  | UdpHeader
  | TcpHeader
  | VxlanHeader;

export type Header = KnownHeader | OtherHeader;

export type HeaderLayer = KnownHeader["layer"];

/** The layers this page knows field by field. */
export const HEADER_LAYERS: readonly HeaderLayer[] = [
  "ethernet",
  "vlan",
  "arp",
  "ipv4",
  "icmp",
  "udp",
  "tcp",
  "vxlan",
];

/** How many tunnels `header` lies inside (0 on the wire); a malformed depth counts as 0. */
export function headerDepth(header: Header): number {
  const depth = header.depth;
  return typeof depth === "number" && Number.isInteger(depth) && depth > 0 ? depth : 0;
}

/** True for a layer this page knows field by field; false for an `OtherHeader`. */
export function isKnownHeader(header: Header): header is KnownHeader {
  return HEADER_LAYERS.some((layer) => layer === header.layer);
}

/** One immutable record of the packet walk. */
export interface TraceStep {
  readonly seq: number;
  /** The seq of the step that caused this one; null for the first. */
  readonly causeSeq: number | null;
  /** Virtual time in nanoseconds since the start of the run. */
  readonly timeNs: number;
  readonly location: StepLocation;
  /** A StepKind name such as "ARP_REPLY_SENT"; kinds this page does not know are kept as they are. */
  readonly kind: string;
  readonly sentence: string;
  /** The packet's headers after the step, outermost first. */
  readonly headers: readonly Header[];
  /** Null except on the step that ends a packet's life: "DELIVERED" or a named drop. */
  readonly disposition: string | null;
  /** The state deltas the step made (neighbour, FDB, conntrack entries, rule counters). */
  readonly changes?: readonly StateChange[];
  /** Extra lines the step can expand to show, e.g. the rules a folded step skipped. */
  readonly details?: readonly string[];
}

/** The disposition of a packet that reached its destination. */
export const DELIVERED = "DELIVERED";

/** True when the step ends the packet's life without delivering it. */
export function isDrop(step: TraceStep): boolean {
  return step.disposition !== null && step.disposition !== DELIVERED;
}

/** What travels in the packet, for choosing a colour: ARP, ICMP, or anything else. */
export type PacketFamily = "arp" | "icmp" | "other";

export function packetFamily(headers: readonly Header[]): PacketFamily {
  if (headers.some((header) => header.layer === "arp")) return "arp";
  if (headers.some((header) => header.layer === "icmp")) return "icmp";
  return "other";
}

/** The step that caused `step` (its `causeSeq`), or null when it has none or it is not in `steps`. */
export function causeOf(steps: readonly TraceStep[], step: TraceStep): TraceStep | null {
  if (step.causeSeq === null) return null;
  const cause = step.causeSeq;
  return steps.find((candidate) => candidate.seq === cause) ?? null;
}
