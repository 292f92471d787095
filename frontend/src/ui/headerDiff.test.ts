/** Tests the comparison of a step's headers with its cause step's. */
import { describe, expect, it } from "vitest";
import type { Header } from "../model/trace";
import { changedFieldCount, compareHeaders, layerTree, removedLayers } from "./headerDiff";

const ipv4 = (src: string, dst: string, ttl: number): Header => ({
  layer: "ipv4",
  src,
  dst,
  ttl,
  protocol: "ICMP",
  id: 7,
  totalLength: 84,
});
const icmp: Header = {
  layer: "icmp",
  icmpType: 8,
  code: 0,
  description: "echo request",
  id: 1000,
  sequence: 1,
};

describe("comparing headers with the cause step's", () => {
  it("shows what a source NAT rewrote, before → after, and nothing else", () => {
    const tables = compareHeaders(
      [ipv4("198.51.100.1", "192.0.2.9", 63), icmp],
      [ipv4("10.0.1.2", "192.0.2.9", 63), icmp],
    );
    expect(tables[0]?.rows.filter((row) => row.before !== undefined)).toEqual([
      { label: "Source", value: "198.51.100.1", before: "10.0.1.2" },
    ]);
    expect(changedFieldCount(tables)).toBe(1);
    expect(tables.map((table) => table.added)).toEqual([false, false]);
  });

  it("shows a router's TTL and MAC changes", () => {
    const ethernet = (src: string, dst: string): Header => ({
      layer: "ethernet",
      src,
      dst,
      etherType: "IPv4",
    });
    const tables = compareHeaders(
      [ethernet("02:00:00:00:00:03", "02:00:00:00:00:04"), ipv4("10.0.0.1", "10.0.1.2", 63)],
      [ethernet("02:00:00:00:00:01", "02:00:00:00:00:02"), ipv4("10.0.0.1", "10.0.1.2", 64)],
    );
    expect(changedFieldCount(tables)).toBe(3);
    expect(tables[1]?.rows.find((row) => row.label === "TTL")).toEqual({
      label: "TTL",
      value: "63",
      before: "64",
    });
  });

  it("pairs inner layers from the inside, and marks an added outer layer", () => {
    const tables = compareHeaders(
      [
        ipv4("192.168.0.1", "192.168.0.2", 64),
        { layer: "vxlan", flags: 8, vni: 42 },
        { ...ipv4("10.0.0.1", "10.0.1.2", 64), depth: 1 },
      ],
      [ipv4("10.0.0.1", "10.0.1.2", 64)],
    );
    expect(tables.map((table) => table.added)).toEqual([true, true, false]);
    expect(changedFieldCount(tables)).toBe(0);
  });

  it("marks nothing without a cause step, or when the cause carried no headers", () => {
    for (const cause of [null, []]) {
      const tables = compareHeaders([ipv4("10.0.0.1", "10.0.0.2", 64)], cause);
      expect(tables[0]?.added).toBe(false);
      expect(changedFieldCount(tables)).toBe(0);
    }
  });
});

describe("layer tree and removed layers", () => {
  const eth: Header = { layer: "ethernet", src: "a", dst: "b", etherType: "IPv4" };
  const ip: Header = {
    layer: "ipv4",
    src: "10.0.0.1",
    dst: "10.0.0.2",
    ttl: 64,
    protocol: "UDP",
    id: 1,
    totalLength: 84,
  };
  const udp: Header = { layer: "udp", srcPort: 1, dstPort: 4789, length: 50 };
  const vxlan: Header = { layer: "vxlan", flags: 8, vni: 1 };

  it("nests each layer under the one carrying it and flags the first layer inside a tunnel", () => {
    const tables = compareHeaders([eth, ip, udp, vxlan, { ...eth, depth: 1 }], null);
    const tree = layerTree(tables);
    const chain: string[] = [];
    for (let node = tree; node !== null; node = node.child) {
      chain.push(`${node.table.layer}${node.inner ? " (inner)" : ""}`);
    }
    expect(chain).toEqual(["ethernet", "ipv4", "udp", "vxlan", "ethernet (inner)"]);
    expect(layerTree([])).toBeNull();
  });

  it("lists the cause's layers the step no longer has", () => {
    const wrapped = [eth, ip, udp, vxlan, { ...eth, depth: 1 }, { ...ip, depth: 1 }];
    const removed = removedLayers([eth, ip], wrapped);
    expect(removed.map((table) => table.layer)).toEqual(["ethernet", "ipv4", "udp", "vxlan"]);
    expect(removedLayers([eth, ip], [eth, ip])).toEqual([]);
    expect(removedLayers([eth], null)).toEqual([]);
  });
});
