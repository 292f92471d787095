/** Tests the session transitions that carry the server's notices and run limits to the panels. */
import { describe, expect, it } from "vitest";
import type { Topology } from "../model/topology";
import type { TraceStep } from "../model/trace";
import { initialSession, receive, traceOutcome } from "./session";

const empty: Topology = { hosts: [], links: [] };

describe("session", () => {
  it("shows the welcome's notice when a resume came too late", () => {
    const state = receive(initialSession(4), {
      v: 2,
      type: "welcome",
      protocolVersion: 2,
      labName: "Lab",
      topology: empty,
      session: { id: "a", secret: "b" },
      resumed: false,
      notice: "The lab this tab had is no longer kept.",
    });
    expect(state.notice).toBe("The lab this tab had is no longer kept.");
  });

  it("keeps the console of a resumed lab", () => {
    const before = { ...initialSession(4), consoleLines: [{ kind: "stdout" as const, text: "x" }] };
    const state = receive(before, {
      v: 2,
      type: "welcome",
      protocolVersion: 2,
      labName: "Lab",
      topology: empty,
      session: { id: "a", secret: "b" },
      resumed: true,
      notice: null,
    });
    expect(state.consoleLines).toEqual(before.consoleLines);
    expect(state.notice).toBeNull();
  });

  it("lists the probes a lab was saved with, and keeps the tab's on a resume", () => {
    const welcome = {
      v: 2 as const,
      type: "welcome" as const,
      protocolVersion: 2,
      labName: "Lab",
      topology: empty,
      session: { id: "a", secret: "b" },
      notice: null,
      probes: [
        { from: { host: "host1", netns: "ns1" }, ping: "10.0.0.2" },
        { from: { host: "host1", netns: "" }, run: "nc -z -v -w 1 10.0.0.2 80" },
      ],
    };
    const opened = receive(initialSession(4), { ...welcome, resumed: false });
    expect(opened.probes.map((probe) => probe.label)).toEqual([
      "ping 10.0.0.2 from ns1",
      "nc -z -v -w 1 10.0.0.2 80 in host1 (root)",
    ]);
    const resumed = receive({ ...opened, probes: [] }, { ...welcome, resumed: true });
    expect(resumed.probes).toEqual([]);
  });

  it("says which limit stopped a trace and how many steps were not kept", () => {
    expect(traceOutcome("1 packets transmitted, 1 received", 0, null)).toBe(
      "1 packets transmitted, 1 received",
    );
    expect(
      traceOutcome(
        "5000 packets transmitted, 5000 received",
        12004,
        "stopped after 5,000 packets: the per-run packet limit",
      ),
    ).toBe(
      "5000 packets transmitted, 5000 received Packetwalk stopped after 5,000 packets: the" +
        " per-run packet limit. 12,004 later steps happened but are not shown (the per-run trace" +
        " step limit).",
    );
  });
});

describe("live labs", () => {
  const live = { labId: "L1", canEdit: false };
  const welcomed = receive(initialSession(4), {
    v: 2,
    type: "welcome",
    protocolVersion: 2,
    labName: "lab",
    topology: { hosts: [], links: [], switches: [] },
    session: { id: "s", secret: "t" },
    resumed: false,
    notice: null,
    live,
  });

  it("follows the presenter from the start on a view link", () => {
    expect(welcomed.live).toEqual(live);
    expect(welcomed.following).toBe(true);
    expect(welcomed.presenting).toBe(false);
  });

  it("logs someone else's change without touching this tab's undo", () => {
    const state = receive(welcomed, {
      v: 2,
      type: "liveEdit",
      seq: 7,
      label: "deleted ns2",
      commands: [
        {
          netns: { host: "host1", netns: "" },
          line: "ip netns del ns2",
          exit: 0,
          stdout: "",
          stderr: "",
        },
      ],
    });
    expect(state.edits.log).toHaveLength(1);
    expect(state.edits.log[0]).toMatchObject({ requestId: "live:7", remote: true, applied: true });
    expect(state.edits.undo).toHaveLength(0);
  });

  it("moves to the presenter's step of the trace it was sent, and only when following", () => {
    let state = receive(welcomed, { v: 2, type: "traceStart", requestId: "live:3", title: "t" });
    for (let seq = 0; seq < 5; seq++) {
      state = receive(state, {
        v: 2,
        type: "traceStep",
        requestId: "live:3",
        step: stepFixture(seq),
      });
    }
    const moved = receive(state, { v: 2, type: "presenterStep", trace: "live:3", step: 2 });
    expect(moved.cursor).toBe(2);
    const otherTrace = receive(state, { v: 2, type: "presenterStep", trace: "live:9", step: 2 });
    expect(otherTrace.cursor).toBe(-1);
    const notFollowing = receive(
      { ...state, following: false },
      { v: 2, type: "presenterStep", trace: "live:3", step: 2 },
    );
    expect(notFollowing.cursor).toBe(-1);
  });
});

function stepFixture(seq: number): TraceStep {
  return {
    seq,
    causeSeq: seq === 0 ? null : seq - 1,
    timeNs: seq * 1000,
    location: { host: "host1", netns: "ns1", device: "veth1" },
    kind: "PACKET_SENT",
    sentence: `step ${seq}`,
    headers: [],
    disposition: null,
  };
}
