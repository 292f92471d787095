/** Tests the session transitions that carry the server's notices and run limits to the panels. */
import { describe, expect, it } from "vitest";
import type { Topology } from "../model/topology";
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
