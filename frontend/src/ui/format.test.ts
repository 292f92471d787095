/** Tests the panels' formatting helpers. */
import { describe, expect, it } from "vitest";
import type { Header } from "../model/trace";
import {
  changeEffect,
  changeKindLabel,
  dispositionLabel,
  formatTime,
  headerTable,
  humaniseKind,
  locationLabel,
  netfilterLabel,
  stepFamily,
  stepFamilyLabel,
  tcpFlagsLabel,
} from "./format";

describe("time formatting", () => {
  it("shows milliseconds below a second", () => {
    expect(formatTime(0)).toBe("0.000 ms");
    expect(formatTime(2000)).toBe("0.002 ms");
    expect(formatTime(1_500_000)).toBe("1.500 ms");
    expect(formatTime(999_999_000)).toBe("999.999 ms");
  });

  it("shows seconds from a second on", () => {
    expect(formatTime(1_002_000_000)).toBe("1.002 s");
    expect(formatTime(61e9)).toBe("61.000 s");
  });
});

describe("location labels", () => {
  it("names namespace and device", () => {
    expect(locationLabel({ host: "host1", netns: "ns2", device: "veth2" })).toBe("ns2/veth2");
  });

  it("names only the namespace for a namespace-level step", () => {
    expect(locationLabel({ host: "host1", netns: "ns2", device: null })).toBe("ns2");
  });

  it("shows a root namespace as its host", () => {
    expect(locationLabel({ host: "host1", netns: "", device: "eth0" })).toBe("host1/eth0");
    expect(locationLabel({ host: "host1", netns: "", device: null })).toBe("host1");
  });
});

describe("step kinds and dispositions", () => {
  it("humanises kinds, keeping acronyms", () => {
    expect(humaniseKind("ARP_REPLY_SENT")).toBe("ARP reply sent");
    expect(humaniseKind("LOCAL_DELIVER")).toBe("Local deliver");
    expect(humaniseKind("IPV4_TTL_DECREMENTED")).toBe("IPv4 TTL decremented");
    expect(humaniseKind("WORMHOLE")).toBe("Wormhole");
    expect(humaniseKind("")).toBe("");
  });

  it("labels deliveries and drops", () => {
    expect(dispositionLabel("DELIVERED")).toBe("delivered");
    expect(dispositionLabel("NO_ROUTE")).toBe("dropped: no route");
    expect(dispositionLabel("TTL_EXCEEDED")).toBe("dropped: ttl exceeded");
  });

  it("says netfilter dropped or rejected the packet", () => {
    expect(dispositionLabel("NF_DROP")).toBe("dropped by netfilter (DROP)");
    expect(dispositionLabel("NF_REJECT")).toBe("rejected by netfilter (REJECT)");
  });

  it("spells out netfilter and conntrack kinds", () => {
    expect(humaniseKind("NF_RULE_MATCH")).toBe("Netfilter rule match");
    expect(humaniseKind("NF_RULES_SKIPPED")).toBe("Netfilter rules skipped");
    expect(humaniseKind("CT_NEW")).toBe("Conntrack new");
    expect(humaniseKind("NAT_REWRITE")).toBe("NAT rewrite");
  });

  it("sorts steps into netfilter, NAT, conntrack and the rest, also for kinds not yet known", () => {
    expect(["NF_HOOK", "NF_VERDICT", "NF_FLOWTABLE"].map(stepFamily)).toEqual([
      "netfilter",
      "netfilter",
      "netfilter",
    ]);
    expect(["NAT_REWRITE", "CT_LOOKUP", "CT_CONFIRM"].map(stepFamily)).toEqual([
      "nat",
      "conntrack",
      "conntrack",
    ]);
    expect(["ARP_REPLY_SENT", "NFS", "", "ROUTE_LOOKUP"].map(stepFamily)).toEqual([
      "other",
      "other",
      "other",
      "other",
    ]);
    expect(stepFamilyLabel("nat")).toBe("NAT");
    expect(stepFamilyLabel("other")).toBeNull();
  });
});

describe("netfilter places", () => {
  it("joins hook, table and chain and numbers the rule", () => {
    const place = { hook: "PREROUTING", table: "nat", chain: "KUBE-SERVICES", rule: 3 };
    expect(netfilterLabel(place)).toBe("PREROUTING › nat › KUBE-SERVICES #3");
  });

  it("shows only what it knows", () => {
    expect(netfilterLabel({ hook: "FORWARD" })).toBe("FORWARD");
    expect(netfilterLabel({ hook: "FORWARD", table: "filter", chain: "FORWARD" })).toBe(
      "FORWARD › filter › FORWARD",
    );
  });
});

describe("state changes", () => {
  const where = { host: "host1", netns: "", device: null };

  it("says whether an entry was created, removed or changed", () => {
    const change = (before: string | null, after: string | null) =>
      changeEffect({ kind: "conntrack", where, key: "k", before, after });
    expect(change(null, "new")).toEqual({ effect: "created", after: "new" });
    expect(change("old", null)).toEqual({ effect: "removed", before: "old" });
    expect(change("0 packets, 0 bytes", "1 packets, 84 bytes")).toEqual({
      effect: "changed",
      before: "0 packets, 0 bytes",
      after: "1 packets, 84 bytes",
    });
  });

  it("names the kinds of state, also ones not yet known", () => {
    expect(["fdb", "neighbour", "conntrack", "counter", "route"].map(changeKindLabel)).toEqual([
      "FDB",
      "Neighbour",
      "Conntrack",
      "Counter",
      "Route",
    ]);
  });
});

describe("header field tables", () => {
  const tables = (headers: Header[]) => headers.map(headerTable);

  it("spells out an ARP reply", () => {
    const [ethernet, arp] = tables([
      { layer: "ethernet", src: "02:00:00:00:00:02", dst: "02:00:00:00:00:01", etherType: "ARP" },
      {
        layer: "arp",
        op: "reply",
        senderMac: "02:00:00:00:00:02",
        senderIp: "10.0.0.2",
        targetMac: "02:00:00:00:00:01",
        targetIp: "10.0.0.1",
      },
    ]);
    expect(ethernet).toEqual({
      title: "Ethernet",
      rows: [
        { label: "Source MAC", value: "02:00:00:00:00:02" },
        { label: "Destination MAC", value: "02:00:00:00:00:01" },
        { label: "EtherType", value: "ARP" },
      ],
    });
    expect(arp?.title).toBe("ARP");
    expect(arp?.rows.map((row) => row.label)).toEqual([
      "Operation",
      "Sender MAC",
      "Sender IP",
      "Target MAC",
      "Target IP",
    ]);
  });

  it("spells out IPv4 and ICMP", () => {
    const [ipv4, icmp] = tables([
      {
        layer: "ipv4",
        src: "10.0.0.1",
        dst: "10.0.0.2",
        ttl: 64,
        protocol: "ICMP",
        id: 1,
        totalLength: 84,
      },
      { layer: "icmp", icmpType: 8, code: 0, description: "echo request", id: 1, sequence: 1 },
    ]);
    expect(ipv4?.rows).toContainEqual({ label: "TTL", value: "64" });
    expect(ipv4?.rows).toContainEqual({ label: "Total length", value: "84 bytes" });
    expect(icmp?.rows[0]).toEqual({ label: "Type", value: "8 (echo request)" });
  });

  it("spells out UDP and TCP", () => {
    const [udp, tcp] = tables([
      { layer: "udp", srcPort: 5353, dstPort: 53, length: 40 },
      { layer: "tcp", srcPort: 40000, dstPort: 80, flags: "S." },
    ]);
    expect(udp?.title).toBe("UDP");
    expect(udp?.rows).toContainEqual({ label: "Destination port", value: "53" });
    expect(tcp?.rows).toContainEqual({ label: "Flags", value: "S. (SYN, ACK)" });
  });

  it("shows a layer it does not know as its fields in wire order", () => {
    const [geneve] = tables([
      { layer: "geneve", depth: 1, vni: 42, flags: "I", options: { gbp: 7 } },
    ]);
    expect(geneve).toEqual({
      title: "geneve",
      rows: [
        { label: "vni", value: "42" },
        { label: "flags", value: "I" },
        { label: "options", value: '{"gbp":7}' },
      ],
    });
  });

  it("spells out TCP flag letters", () => {
    expect(tcpFlagsLabel("R.")).toBe("R. (RST, ACK)");
    expect(tcpFlagsLabel("")).toBe("none");
  });
});
