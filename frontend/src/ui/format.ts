/** Owns the words and numbers the panels show: virtual time, step locations, netfilter places, step kinds and families, dispositions, state changes and header field tables. */
import type { NamespaceRef } from "../model/topology";
import {
  DELIVERED,
  isKnownHeader,
  type Header,
  type JsonValue,
  type NetfilterLocation,
  type OtherHeader,
  type StateChange,
  type StepLocation,
} from "../model/trace";

/** Virtual time for the event list: "0.002 ms" below a second, "1.002 s" from a second on. */
export function formatTime(timeNs: number): string {
  return timeNs < 1e9 ? `${(timeNs / 1e6).toFixed(3)} ms` : `${(timeNs / 1e9).toFixed(3)} s`;
}

/** Where a namespace is, for people: its name, or the host's name for the root namespace. */
export function placeLabel(ref: NamespaceRef): string {
  return ref.netns === "" ? ref.host : ref.netns;
}

/** Where a step happened: "ns2/veth2", "ns2", or "host1/eth0" in a root namespace. */
export function locationLabel(location: StepLocation): string {
  const place = placeLabel(location);
  return location.device === null ? place : `${place}/${location.device}`;
}

/** Where in netfilter a step happened: "PREROUTING › nat › KUBE-SERVICES #3". */
export function netfilterLabel(netfilter: NetfilterLocation): string {
  const parts = [netfilter.hook, netfilter.table, netfilter.chain].filter(
    (part): part is string => part !== undefined && part !== "",
  );
  const place = parts.join(" › ");
  return netfilter.rule === undefined ? place : `${place} #${netfilter.rule}`;
}

/** The part of the stack a step belongs to, for its colour and label. */
export type StepFamily = "netfilter" | "nat" | "conntrack" | "other";

/** NF_* steps are netfilter, NAT_* (and SNAT_/DNAT_/MASQUERADE_) are NAT, CT_* are conntrack. */
export function stepFamily(kind: string): StepFamily {
  const prefix = kind.split("_")[0]?.toUpperCase() ?? "";
  if (prefix === "NF") return "netfilter";
  if (prefix === "NAT" || prefix === "SNAT" || prefix === "DNAT" || prefix === "MASQUERADE") {
    return "nat";
  }
  if (prefix === "CT" || prefix === "CONNTRACK") return "conntrack";
  return "other";
}

/** The short label shown beside a step of a family, or null for ordinary steps. */
export function stepFamilyLabel(family: StepFamily): string | null {
  switch (family) {
    case "netfilter":
      return "netfilter";
    case "nat":
      return "NAT";
    case "conntrack":
      return "conntrack";
    case "other":
      return null;
  }
}

/** Words a kind's abbreviation stands for: "NF_HOOK" reads "Netfilter hook". */
const SPELLED_OUT = new Map([
  ["NF", "netfilter"],
  ["CT", "conntrack"],
]);

const ACRONYMS = new Map(
  [
    "ARP",
    "ICMP",
    "IP",
    "IPv4",
    "MAC",
    "TTL",
    "UDP",
    "TCP",
    "FDB",
    "NAT",
    "DNAT",
    "SNAT",
    "MTU",
    "VXLAN",
    "VTEP",
    "RX",
    "TX",
  ].map((word) => [word.toUpperCase(), word]),
);

/** "ARP_REPLY_SENT" → "ARP reply sent"; works for kinds this page has never seen. */
export function humaniseKind(kind: string): string {
  const words = kind
    .split("_")
    .filter((word) => word !== "")
    .map(
      (word) =>
        SPELLED_OUT.get(word.toUpperCase()) ??
        ACRONYMS.get(word.toUpperCase()) ??
        word.toLowerCase(),
    );
  const [first, ...rest] = words;
  if (first === undefined) return kind;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}

const DISPOSITION_LABELS = new Map([
  [DELIVERED, "delivered"],
  ["NF_DROP", "dropped by netfilter (DROP)"],
  ["NF_REJECT", "rejected by netfilter (REJECT)"],
]);

/** "DELIVERED" → "delivered", "NO_ROUTE" → "dropped: no route", "NF_DROP" → "dropped by netfilter (DROP)". */
export function dispositionLabel(disposition: string): string {
  return (
    DISPOSITION_LABELS.get(disposition) ?? `dropped: ${humaniseKind(disposition).toLowerCase()}`
  );
}

const CHANGE_KIND_LABELS = new Map([
  ["neighbour", "Neighbour"],
  ["fdb", "FDB"],
  ["conntrack", "Conntrack"],
  ["counter", "Counter"],
]);

/** A state change's kind for people: "fdb" → "FDB"; kinds this page does not know are capitalised. */
export function changeKindLabel(kind: string): string {
  return CHANGE_KIND_LABELS.get(kind) ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** What a state change did: an entry created, removed, or changed from one value to another. */
export type ChangeEffect =
  | { readonly effect: "created"; readonly after: string }
  | { readonly effect: "removed"; readonly before: string }
  | { readonly effect: "changed"; readonly before: string; readonly after: string }
  | { readonly effect: "unchanged" };

export function changeEffect(change: StateChange): ChangeEffect {
  if (change.before === null && change.after === null) return { effect: "unchanged" };
  if (change.before === null) return { effect: "created", after: change.after ?? "" };
  if (change.after === null) return { effect: "removed", before: change.before };
  return { effect: "changed", before: change.before, after: change.after };
}

export interface FieldRow {
  readonly label: string;
  readonly value: string;
}

export interface FieldTable {
  readonly title: string;
  readonly rows: readonly FieldRow[];
}

const TCP_FLAGS = new Map([
  ["S", "SYN"],
  ["F", "FIN"],
  ["R", "RST"],
  ["P", "PSH"],
  [".", "ACK"],
  ["U", "URG"],
  ["E", "ECE"],
  ["W", "CWR"],
]);

/** tcpdump flag letters spelled out: "S." → "S. (SYN, ACK)". */
export function tcpFlagsLabel(flags: string): string {
  const names = [...flags].map((letter) => TCP_FLAGS.get(letter) ?? letter);
  return names.length === 0 ? "none" : `${flags} (${names.join(", ")})`;
}

function row(label: string, value: string | number): FieldRow {
  return { label, value: String(value) };
}

/** A layer this page does not know: its name as the title, its other fields as rows in wire order. */
export function otherHeaderTable(header: OtherHeader): FieldTable {
  return {
    title: header.layer,
    rows: Object.entries(header)
      .filter(([label]) => label !== "layer" && label !== "depth")
      .map(([label, value]) => row(label, jsonText(value))),
  };
}

function jsonText(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One header layer as a titled table of readable fields. */
export function headerTable(header: Header): FieldTable {
  if (!isKnownHeader(header)) return otherHeaderTable(header);
  switch (header.layer) {
    case "ethernet":
      return {
        title: "Ethernet",
        rows: [
          row("Source MAC", header.src),
          row("Destination MAC", header.dst),
          row("EtherType", header.etherType),
        ],
      };
    case "vlan":
      return {
        title: "802.1Q VLAN tag",
        rows: [
          row("VLAN id", header.vid),
          row("Priority (PCP)", header.pcp),
          row("Drop eligible (DEI)", header.dei ? "yes" : "no"),
          row("EtherType", header.etherType),
        ],
      };
    case "arp":
      return {
        title: "ARP",
        rows: [
          row("Operation", header.op),
          row("Sender MAC", header.senderMac),
          row("Sender IP", header.senderIp),
          row("Target MAC", header.targetMac),
          row("Target IP", header.targetIp),
        ],
      };
    case "ipv4":
      return {
        title: "IPv4",
        rows: [
          row("Source", header.src),
          row("Destination", header.dst),
          row("TTL", header.ttl),
          row("Protocol", header.protocol),
          row("Identification", header.id),
          row("Total length", `${header.totalLength} bytes`),
        ],
      };
    case "icmp":
      return {
        title: "ICMP",
        rows: [
          row("Type", `${header.icmpType} (${header.description})`),
          row("Code", header.code),
          row("Identifier", header.id),
          row("Sequence", header.sequence),
        ],
      };
    case "udp":
      return {
        title: "UDP",
        rows: [
          row("Source port", header.srcPort),
          row("Destination port", header.dstPort),
          row("Length", `${header.length} bytes`),
        ],
      };
    case "tcp":
      return {
        title: "TCP",
        rows: [
          row("Source port", header.srcPort),
          row("Destination port", header.dstPort),
          row("Flags", tcpFlagsLabel(header.flags)),
        ],
      };
    case "vxlan":
      return {
        title: "VXLAN",
        rows: [
          row("VNI", header.vni),
          row("Flags", `0x${header.flags.toString(16).padStart(2, "0")}`),
        ],
      };
  }
}
