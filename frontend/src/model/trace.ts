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

export interface EthernetHeader {
  readonly layer: "ethernet";
  readonly src: string;
  readonly dst: string;
  /** "ARP" or "IPv4" today; other values are kept as they are. */
  readonly etherType: string;
}

export interface ArpHeader {
  readonly layer: "arp";
  readonly op: "request" | "reply";
  readonly senderMac: string;
  readonly senderIp: string;
  readonly targetMac: string;
  readonly targetIp: string;
}

export interface Ipv4Header {
  readonly layer: "ipv4";
  readonly src: string;
  readonly dst: string;
  readonly ttl: number;
  /** "ICMP", "UDP" or "TCP" today; other values are kept as they are. */
  readonly protocol: string;
  readonly id: number;
  readonly totalLength: number;
}

export interface IcmpHeader {
  readonly layer: "icmp";
  readonly icmpType: number;
  readonly code: number;
  readonly description: string;
  readonly id: number;
  readonly sequence: number;
}

export interface UdpHeader {
  readonly layer: "udp";
  readonly srcPort: number;
  readonly dstPort: number;
  readonly length: number;
}

export interface TcpHeader {
  readonly layer: "tcp";
  readonly srcPort: number;
  readonly dstPort: number;
  /** tcpdump letters, e.g. "S", "S.", "R.". */
  readonly flags: string;
}

/** A JSON value as it came from the wire. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A layer this page does not know yet (say "vxlan" or "vlan"), kept with its fields as they
 * came so it can be shown as plain key/value rows.
 */
export interface OtherHeader {
  readonly layer: string;
  readonly [field: string]: JsonValue;
}

export type KnownHeader =
  EthernetHeader | ArpHeader | Ipv4Header | IcmpHeader | UdpHeader | TcpHeader;

export type Header = KnownHeader | OtherHeader;

export type HeaderLayer = KnownHeader["layer"];

/** The layers this page knows field by field. */
export const HEADER_LAYERS: readonly HeaderLayer[] = [
  "ethernet",
  "arp",
  "ipv4",
  "icmp",
  "udp",
  "tcp",
];

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
