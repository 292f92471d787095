/** Tests rewinding a namespace's tables step by step from the tables read after the trace. */
import { describe, expect, it } from "vitest";
import type { StateChange, TraceStep } from "../model/trace";
import type { NamespaceStateMessage } from "../protocol/protocol";
import { bracketed, saveLinesAt, tablesAt } from "./stateRewind";

const ns2 = { host: "host1", netns: "ns2", device: null };

function change(
  kind: string,
  key: string,
  before: string | null,
  after: string | null,
): StateChange {
  return { kind, where: ns2, key, before, after };
}

function step(seq: number, changes: StateChange[]): TraceStep {
  return {
    seq,
    causeSeq: null,
    timeNs: seq,
    location: ns2,
    kind: "NEIGH_UPDATE",
    sentence: ".",
    headers: [],
    disposition: null,
    changes,
  };
}

const after: NamespaceStateMessage = {
  v: 2,
  type: "namespaceState",
  requestId: "i1",
  netns: { host: "host1", netns: "ns2" },
  routes: ["10.0.0.0/24 dev veth2 proto kernel scope link src 10.0.0.2"],
  neighbours: [
    { device: null, key: "10.0.0.1", text: "10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 STALE" },
  ],
  fdb: [
    { device: "br0", key: "02:00:00:00:00:01", text: "02:00:00:00:00:01 dev veth1 master br0" },
  ],
  conntrack: [],
  counters: [
    { device: null, key: "filter INPUT 1", text: "2 packets, 168 bytes" },
    { device: null, key: "filter INPUT policy", text: "0 packets, 0 bytes" },
  ],
  iptablesSave: "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p icmp -j ACCEPT\nCOMMIT\n",
};

const steps = [
  step(0, [
    change("neighbour", "10.0.0.1", null, "10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 REACHABLE"),
  ]),
  step(1, [change("counter", "filter INPUT 1", "0 packets, 0 bytes", "1 packets, 84 bytes")]),
  step(2, [
    {
      ...change("fdb", "02:00:00:00:00:01", null, "02:00:00:00:00:01 dev veth1 master br0"),
      where: { ...ns2, device: "br0" },
    },
  ]),
  step(3, [change("counter", "filter INPUT 1", "1 packets, 84 bytes", "2 packets, 168 bytes")]),
  step(4, [
    change(
      "neighbour",
      "10.0.0.1",
      "10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 REACHABLE",
      "10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 STALE",
    ),
    change("conntrack", "7", "icmp 1 30 src=10.0.0.1", null),
  ]),
  // A change in another namespace is not this namespace's.
  step(5, [{ ...change("neighbour", "10.0.0.2", null, "x"), where: { ...ns2, netns: "ns1" } }]),
];

describe("tables as of a step", () => {
  it("after the last step they are the tables read, nothing marked", () => {
    const tables = tablesAt(after, steps, 5);
    expect(tables.neighbour.map((row) => [row.text, row.mark])).toEqual([
      ["10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 STALE", null],
    ]);
    expect(tables.conntrack).toEqual([]);
  });

  it("before the first step every change of the trace is undone", () => {
    const tables = tablesAt(after, steps, -1);
    expect(tables.neighbour).toEqual([]);
    expect(tables.fdb).toEqual([]);
    expect(tables.counter.find((row) => row.key === "filter INPUT 1")?.text).toBe(
      "0 packets, 0 bytes",
    );
    expect(tables.conntrack.map((row) => row.text)).toEqual(["icmp 1 30 src=10.0.0.1"]);
  });

  it("marks what the current step created, changed and removed, with the value before", () => {
    const created = tablesAt(after, steps, 0);
    expect(created.neighbour).toEqual([
      {
        device: null,
        key: "10.0.0.1",
        text: "10.0.0.1 dev veth2 lladdr 02:00:00:00:00:01 REACHABLE",
        mark: "created",
        before: null,
      },
    ]);
    const counted = tablesAt(after, steps, 3).counter.find((row) => row.key === "filter INPUT 1");
    expect(counted).toMatchObject({
      text: "2 packets, 168 bytes",
      mark: "changed",
      before: "1 packets, 84 bytes",
    });
    const removedAt4 = tablesAt(after, steps, 4);
    expect(removedAt4.conntrack).toEqual([
      { device: null, key: "7", text: "icmp 1 30 src=10.0.0.1", mark: "removed", before: null },
    ]);
    expect(removedAt4.neighbour[0]?.mark).toBe("changed");
  });

  it("tells FDB entries apart by bridge", () => {
    expect(tablesAt(after, steps, 1).fdb).toEqual([]);
    expect(tablesAt(after, steps, 2).fdb[0]).toMatchObject({ device: "br0", mark: "created" });
  });
});

describe("iptables-save -c as of a step", () => {
  it("puts each rule's and policy's counters in brackets and marks the rule the step counted", () => {
    const lines = saveLinesAt(after.iptablesSave, tablesAt(after, steps, 1).counter);
    expect(lines.map((line) => line.text)).toEqual([
      "*filter",
      ":INPUT ACCEPT [0:0]",
      "-A INPUT -p icmp -j ACCEPT",
      "COMMIT",
    ]);
    expect(lines[2]).toMatchObject({ counters: "[1:84]", mark: "changed", before: "[0:0]" });
    expect(saveLinesAt(after.iptablesSave, tablesAt(after, steps, 5).counter)[2]).toMatchObject({
      counters: "[2:168]",
      mark: null,
    });
  });

  it("reads counters in brackets", () => {
    expect(bracketed("12 packets, 1008 bytes")).toBe("[12:1008]");
    expect(bracketed("odd")).toBe("odd");
  });
});
