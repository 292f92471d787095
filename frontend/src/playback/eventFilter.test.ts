/** Tests the event list's kind groups, filter and moves among shown steps. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import {
  groupCounts,
  listMoveOf,
  moveAmong,
  SHOW_ALL,
  shownSteps,
  toggleGroup,
  traceNamespaces,
} from "./eventFilter";
import { kindGroup } from "./kindGroups";

function step(seq: number, kind: string, netns = "ns1"): TraceStep {
  return {
    seq,
    causeSeq: null,
    timeNs: seq,
    location: { host: "host1", netns, device: null },
    kind,
    sentence: `${kind}.`,
    headers: [],
    disposition: null,
  };
}

const steps = [
  step(0, "PACKET_CREATED"),
  step(1, "ROUTE_LOOKUP"),
  step(2, "ARP_REQUEST_SENT"),
  step(3, "WIRE"),
  step(4, "NF_HOOK", "ns2"),
  step(5, "NAT_REWRITE", "ns2"),
  step(6, "CT_CONFIRM", "ns2"),
  step(7, "ENCAPSULATE", "ns2"),
  step(8, "SOMETHING_NEW", "ns2"),
];

describe("kind groups", () => {
  it("puts each kind of the trace into its group and unknown kinds into other", () => {
    expect(steps.map((s) => kindGroup(s.kind))).toEqual([
      "other",
      "routing",
      "arp",
      "l2",
      "netfilter",
      "nat",
      "conntrack",
      "encapsulation",
      "other",
    ]);
    expect(kindGroup("BRIDGE_FLOOD")).toBe("l2");
    expect(kindGroup("NEIGH_UPDATE")).toBe("arp");
    expect(kindGroup("VXLAN_FDB_LOOKUP")).toBe("encapsulation");
  });

  it("counts the steps of each group", () => {
    const counts = groupCounts(steps);
    expect(counts.get("other")).toBe(2);
    expect(counts.get("nat")).toBe(1);
  });
});

describe("event filter", () => {
  it("shows every step by default", () => {
    expect(shownSteps(steps, SHOW_ALL)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("hides a group's steps and brings them back", () => {
    const noL2 = toggleGroup(SHOW_ALL, "l2");
    expect(shownSteps(steps, noL2)).toEqual([0, 1, 2, 4, 5, 6, 7, 8]);
    expect(shownSteps(steps, toggleGroup(noL2, "l2"))).toHaveLength(9);
  });

  it("keeps one namespace's steps", () => {
    expect(shownSteps(steps, { ...SHOW_ALL, namespace: "host1/ns2" })).toEqual([4, 5, 6, 7, 8]);
    expect(traceNamespaces(steps)).toEqual(["host1/ns1", "host1/ns2"]);
  });
});

describe("moves among shown steps", () => {
  const shown = [1, 4, 6, 9];

  it("goes to the next and previous shown step, also from a hidden one", () => {
    expect(moveAmong(shown, 4, "next")).toBe(6);
    expect(moveAmong(shown, 5, "next")).toBe(6);
    expect(moveAmong(shown, 5, "previous")).toBe(4);
    expect(moveAmong(shown, -1, "next")).toBe(1);
    expect(moveAmong(shown, 9, "next")).toBeNull();
    expect(moveAmong(shown, 1, "previous")).toBeNull();
  });

  it("jumps to the first and last shown step, and a page on", () => {
    expect(moveAmong(shown, 6, "first")).toBe(1);
    expect(moveAmong(shown, 1, "last")).toBe(9);
    expect(moveAmong(shown, 1, "pageDown", 2)).toBe(6);
    expect(moveAmong(shown, 9, "pageUp", 2)).toBe(4);
    expect(moveAmong([], 0, "first")).toBeNull();
  });

  it("maps list keys to moves", () => {
    expect(["ArrowDown", "ArrowUp", "Home", "End", "x"].map(listMoveOf)).toEqual([
      "next",
      "previous",
      "first",
      "last",
      null,
    ]);
  });
});
