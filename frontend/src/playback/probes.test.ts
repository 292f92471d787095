/** Tests probes: the lines the toolbar sends, which typed lines become probes, runs kept, and the first difference of two runs. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import {
  findProbe,
  firstDifference,
  fromSaved,
  isProbeLine,
  KEPT_RUNS,
  probeLabel,
  probeRequest,
  toSaved,
  withRun,
  type Probe,
} from "./probes";

const ns1 = { host: "host1", netns: "ns1" };

function step(
  seq: number,
  kind: string,
  netns = "ns1",
  disposition: string | null = null,
): TraceStep {
  return {
    seq,
    causeSeq: null,
    timeNs: seq,
    location: { host: "host1", netns, device: null },
    kind,
    sentence: `${kind}.`,
    headers: [],
    disposition,
  };
}

describe("probe requests", () => {
  it("pings, or runs nc for TCP and UDP", () => {
    expect(probeRequest("ping", "10.0.0.2", null)).toEqual({ kind: "ping", to: "10.0.0.2" });
    expect(probeRequest("tcp", "10.0.0.2", 80)).toEqual({
      kind: "command",
      line: "nc -z -v -w 1 10.0.0.2 80",
    });
    expect(probeRequest("udp", "10.0.0.2", 53)).toEqual({
      kind: "command",
      line: "nc -u -z -v -w 1 10.0.0.2 53",
    });
  });

  it("makes probes of typed ping and nc lines, not of listeners or other commands", () => {
    expect(isProbeLine("ping -c 1 10.0.0.2")).toBe(true);
    expect(isProbeLine("ip netns exec ns1 nc -z 10.0.0.2 80")).toBe(true);
    expect(isProbeLine("nc -l 5000")).toBe(false);
    expect(isProbeLine("ip route")).toBe(false);
    expect(isProbeLine("ping -c 1 10.0.0.2; ip route")).toBe(false);
  });

  it("labels a probe with where it runs", () => {
    expect(probeLabel(ns1, { kind: "ping", to: "10.0.0.2" })).toBe("ping 10.0.0.2 from ns1");
    expect(
      probeLabel({ host: "host1", netns: "" }, { kind: "command", line: "nc -z 1.2.3.4 80" }),
    ).toBe("nc -z 1.2.3.4 80 in host1 (root)");
  });
});

describe("saved probes and runs", () => {
  const probe: Probe = {
    id: "p1",
    from: ns1,
    request: { kind: "ping", to: "10.0.0.2" },
    label: "",
    runs: [],
  };

  it("finds the probe with the same namespace and request", () => {
    expect(findProbe([probe], ns1, { kind: "ping", to: "10.0.0.2" })).toBe(probe);
    expect(findProbe([probe], ns1, { kind: "ping", to: "10.0.0.3" })).toBeUndefined();
    expect(findProbe([probe], { host: "host1", netns: "ns2" }, probe.request)).toBeUndefined();
  });

  it("keeps the newest runs", () => {
    let probes: Probe[] = [probe];
    for (let run = 0; run < KEPT_RUNS + 2; run++) {
      probes = withRun(probes, "p1", { requestId: `r${run}`, steps: [], outcome: null, exit: 0 });
    }
    expect(probes[0]?.runs.map((run) => run.requestId)).toEqual(["r2", "r3", "r4", "r5", "r6"]);
  });
});

describe("first difference of two runs", () => {
  const delivered = [
    step(0, "PACKET_CREATED"),
    step(1, "NF_HOOK", "ns2"),
    step(2, "SOCKET_DELIVER", "ns2", "DELIVERED"),
  ];

  it("is null when both runs walk the same way", () => {
    expect(
      firstDifference(
        delivered,
        delivered.map((s) => ({ ...s, sentence: "other words" })),
      ),
    ).toBeNull();
  });

  it("is the first step of another kind, place or outcome, or where one run ends", () => {
    const dropped = [delivered[0], delivered[1], step(2, "DROP", "ns2", "NF_DROP")].filter(
      (s): s is TraceStep => s !== undefined,
    );
    expect(firstDifference(delivered, dropped)).toBe(2);
    expect(firstDifference(delivered, delivered.slice(0, 2))).toBe(2);
    expect(firstDifference([], delivered)).toBe(0);
  });
});

describe("probes saved with the lab", () => {
  it("become probes with no runs and back the same", () => {
    const saved = [
      { from: { host: "host1", netns: "ns1" }, ping: "10.0.0.2" },
      { from: { host: "host1", netns: "ns2" }, run: "nc -u -z -v -w 1 10.0.0.1 53" },
    ];
    const probes = fromSaved(saved);
    expect(probes.map((probe) => [probe.id, probe.request.kind, probe.runs.length])).toEqual([
      ["saved1", "ping", 0],
      ["saved2", "command", 0],
    ]);
    expect(toSaved(probes)).toEqual(saved);
  });
});
