/** Tests the netfilter pipeline's layout and where trace steps sit in it. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import {
  describeSpot,
  HOOK_TABLES,
  HOOKS,
  layoutPipeline,
  pipelineSize,
  pipelineSpot,
  pipelineStates,
  spotPoint,
} from "./pipeline";

function step(seq: number, kind: string, extra: Partial<TraceStep> = {}, netns = "ns2"): TraceStep {
  return {
    seq,
    causeSeq: null,
    timeNs: seq,
    location: { host: "host1", netns, device: null },
    kind,
    sentence: `step ${seq}`,
    headers: [],
    disposition: null,
    ...extra,
  };
}

const BOX = { x: 40, y: 30, width: 160, height: 80 };

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
) {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe("HOOK_TABLES", () => {
  it("lists each hook's tables in the kernel's priority order", () => {
    const priority: Record<string, Record<string, number>> = {
      raw: { PREROUTING: -300, OUTPUT: -300 },
      mangle: { PREROUTING: -150, INPUT: -150, FORWARD: -150, OUTPUT: -150, POSTROUTING: -150 },
      nat: { PREROUTING: -100, INPUT: 100, OUTPUT: -100, POSTROUTING: 100 },
      filter: { INPUT: 0, FORWARD: 0, OUTPUT: 0 },
      security: { INPUT: 50, FORWARD: 50, OUTPUT: 50 },
    };
    for (const hook of HOOKS) {
      const registered = Object.keys(priority).filter(
        (table) => priority[table]?.[hook] !== undefined,
      );
      expect([...HOOK_TABLES[hook]].sort()).toEqual(registered.sort());
      const order = HOOK_TABLES[hook].map((table) => priority[table]?.[hook] ?? NaN);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(HOOK_TABLES.FORWARD).not.toContain("nat");
    expect(HOOK_TABLES.PREROUTING).not.toContain("filter");
  });
});

describe("layoutPipeline", () => {
  it("puts the panel below the box, inside the expanded frame, with every stage and table inside the panel", () => {
    const layout = layoutPipeline("host1/ns2", BOX, { width: 1200, height: 900 });
    expect(layout.panel.y).toBeGreaterThan(BOX.y + BOX.height);
    expect(layout.panel.x).toBe(BOX.x);
    expect(inside(BOX, layout.frame)).toBe(true);
    expect(inside(layout.panel, layout.frame)).toBe(true);
    expect([...layout.stages.keys()].sort()).toEqual(
      [
        "FORWARD",
        "INPUT",
        "OUTPUT",
        "POSTROUTING",
        "PREROUTING",
        "local",
        "output-routing",
        "routing",
      ].sort(),
    );
    for (const stage of layout.stages.values()) {
      expect(inside(stage.rect, layout.panel)).toBe(true);
      for (const row of stage.rows) expect(inside(row.rect, stage.rect)).toBe(true);
    }
    expect(layout.stages.get("OUTPUT")?.rows.map((row) => row.table)).toEqual([
      "raw",
      "mangle",
      "nat",
      "filter",
      "security",
    ]);
  });

  it("keeps stages apart: no two overlap", () => {
    const stages = [...layoutPipeline("k", BOX, { width: 1200, height: 900 }).stages.values()];
    for (const a of stages)
      for (const b of stages) {
        if (a === b) continue;
        const apart =
          a.rect.x + a.rect.width <= b.rect.x ||
          b.rect.x + b.rect.width <= a.rect.x ||
          a.rect.y + a.rect.height <= b.rect.y ||
          b.rect.y + b.rect.height <= a.rect.y;
        expect(apart, `${a.name} and ${b.name}`).toBe(true);
      }
  });

  it("draws the packet's ways: in to PREROUTING, routing to INPUT and FORWARD, OUTPUT and FORWARD to POSTROUTING, out", () => {
    const arrows = layoutPipeline("k", BOX, { width: 1200, height: 900 }).arrows.map(
      (arrow) => `${arrow.from}>${arrow.to}`,
    );
    expect(arrows).toEqual(
      expect.arrayContaining([
        "wire>PREROUTING",
        "PREROUTING>routing",
        "routing>INPUT",
        "routing>FORWARD",
        "INPUT>local",
        "local>output-routing",
        "output-routing>OUTPUT",
        "OUTPUT>POSTROUTING",
        "FORWARD>POSTROUTING",
        "POSTROUTING>wire",
      ]),
    );
  });

  it("hangs below a neighbouring box it would cover, tied to its own box by a stem", () => {
    const neighbour = { x: BOX.x + BOX.width + 20, y: BOX.y, width: 160, height: 200 };
    const layout = layoutPipeline("k", BOX, { width: 1200, height: 900 }, [neighbour]);
    expect(layout.panel.y).toBe(neighbour.y + neighbour.height + 4);
    expect(layout.stem[0]?.y).toBe(BOX.y + BOX.height);
    expect(layout.stem[1]?.y).toBe(layout.panel.y);
  });

  it("goes above the box when the scene has no room below, and stays inside the scene's width", () => {
    const size = pipelineSize();
    const low = { x: 900, y: size.height + 100, width: 160, height: 80 };
    const layout = layoutPipeline("k", low, { width: 1000, height: low.y + low.height + 20 });
    expect(layout.panel.y + layout.panel.height).toBeLessThanOrEqual(low.y);
    expect(layout.panel.x + layout.panel.width).toBeLessThanOrEqual(1000);
  });
});

describe("pipelineSpot", () => {
  const rule = {
    hook: "INPUT",
    table: "filter",
    chain: "INPUT",
    rule: 1,
    ruleText: "-A INPUT -p icmp -j DROP",
  };
  const steps: TraceStep[] = [
    step(0, "PACKET_CREATED", {}, "ns1"),
    step(1, "DEVICE_RX"),
    step(2, "NF_HOOK", {
      location: { host: "host1", netns: "ns2", device: null, netfilter: { hook: "PREROUTING" } },
    }),
    step(3, "ROUTE_LOOKUP"),
    step(4, "NF_RULE_MATCH", {
      location: { host: "host1", netns: "ns2", device: null, netfilter: rule },
      disposition: "DROPPED",
      sentence: "Dropped by rule 1 of filter INPUT.",
    }),
    step(5, "ROUTE_LOOKUP", {}, "ns1"),
    step(6, "SOCKET_DELIVER"),
  ];

  it("is the hook, table, chain and rule of a netfilter step, and says a drop and its reason", () => {
    const spot = pipelineSpot(steps, 4, "host1/ns2");
    expect(spot).toEqual({
      stage: "INPUT",
      table: "filter",
      chain: "INPUT",
      rule: 1,
      ruleText: "-A INPUT -p icmp -j DROP",
      dropped: true,
      sentence: "Dropped by rule 1 of filter INPUT.",
    });
    expect(spot && describeSpot(spot)).toBe(
      "Dropped at INPUT › filter INPUT, rule 1: -A INPUT -p icmp -j DROP. Dropped by rule 1 of filter INPUT.",
    );
    expect(describeSpot({ stage: "PREROUTING", dropped: false, sentence: "" })).toBe(
      "At PREROUTING hook.",
    );
  });

  it("is nothing for a step in another namespace", () => {
    expect(pipelineSpot(steps, 0, "host1/ns2")).toBeNull();
    expect(pipelineSpot(steps, 4, "host1/ns1")).toBeNull();
  });

  it("tells the input routing decision from the output one, and lights the local process", () => {
    expect(pipelineSpot(steps, 3, "host1/ns2")?.stage).toBe("routing");
    expect(pipelineSpot(steps, 5, "host1/ns1")?.stage).toBe("output-routing");
    expect(pipelineSpot(steps, 6, "host1/ns2")?.stage).toBe("local");
    expect(pipelineSpot(steps, 0, "host1/ns1")?.stage).toBe("local");
    expect(pipelineSpot(steps, 1, "host1/ns2")).toBeNull();
  });

  it("rests the marker on the lit table's row, and gives each expanded namespace its spot", () => {
    const layout = layoutPipeline("host1/ns2", BOX, { width: 1200, height: 900 });
    const spot = pipelineSpot(steps, 4, "host1/ns2");
    const row = layout.stages.get("INPUT")?.rows.find((candidate) => candidate.table === "filter");
    const point = spot === null ? null : spotPoint(layout, spot);
    const input = layout.stages.get("INPUT")?.rect;
    expect(point?.x).toBe(input && input.x + input.width);
    expect(row && point && point.y > row.rect.y && point.y < row.rect.y + row.rect.height).toBe(
      true,
    );
    expect(
      pipelineStates(steps, 4, ["host1/ns1", "host1/ns2"]).map(
        (state) => state.spot?.stage ?? null,
      ),
    ).toEqual([null, "INPUT"]);
  });
});
