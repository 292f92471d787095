/** Owns the trace types: one step of a packet's walk, where it happened and the headers it carried. */

/** Where a step happened; `device` is null for a namespace-level step such as a route lookup. */
export interface StepLocation {
  readonly host: string;
  readonly netns: string;
  readonly device: string | null;
}

export interface EthernetHeader {
  readonly layer: "ethernet";
  readonly src: string;
  readonly dst: string;
  readonly etherType: "ARP" | "IPv4";
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
  readonly protocol: "ICMP" | "UDP" | "TCP";
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

export type Header = EthernetHeader | ArpHeader | Ipv4Header | IcmpHeader | UdpHeader | TcpHeader;

export type HeaderLayer = Header["layer"];

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
