/** Tests the controller: server messages into the session, panel actions into protocol messages and cursor moves. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import type { Scheduler } from "../playback/player";
import type { ClientMessage, ServerMessage } from "../protocol/protocol";
import { currentStep, initialSession } from "../store/session";
import { Store } from "../store/store";
import { twoNamespaces } from "../testing/labs";
import { Controller } from "./controller";

function step(seq: number, overrides: Partial<TraceStep> = {}): TraceStep {
  return {
    seq,
    causeSeq: seq === 0 ? null : seq - 1,
    timeNs: seq * 1000,
    location: { host: "host1", netns: "ns1", device: "veth1" },
    kind: "PACKET_SENT",
    sentence: `step ${seq}`,
    headers: [],
    disposition: null,
    ...overrides,
  };
}

function setUp(connected = true) {
  const sent: ClientMessage[] = [];
  const tasks: (() => void)[] = [];
  const schedule: Scheduler = (_delay, task) => {
    tasks.push(task);
    return () => tasks.splice(tasks.indexOf(task), 1);
  };
  const store = new Store(initialSession(2));
  const controller = new Controller(
    store,
    (message) => {
      if (connected) sent.push(message);
      return connected;
    },
    schedule,
  );
  const tick = (): void => tasks.shift()?.();
  const receive = (...messages: ServerMessage[]): void =>
    messages.forEach((m) => controller.receive(m));
  const start: ServerMessage = { v: 2, type: "traceStart", requestId: "r1", title: "ping" };
  const stepMessage = (seq: number): ServerMessage => ({
    v: 2,
    type: "traceStep",
    requestId: "r1",
    step: step(seq),
  });
  const end: ServerMessage = {
    v: 2,
    type: "traceEnd",
    requestId: "r1",
    stepCount: 3,
    omittedSteps: 0,
    outcome: "1 packets transmitted, 1 received, 0% packet loss",
    exit: 0,
    stopped: null,
  };
  return { store, controller, sent, tick, receive, start, stepMessage, end };
}

describe("controller", () => {
  it("takes the lab and topology from the welcome", () => {
    const { store, receive } = setUp();
    receive({
      v: 2,
      type: "welcome",
      protocolVersion: 2,
      labName: "Lab",
      topology: twoNamespaces,
      session: { id: "a", secret: "b" },
      resumed: false,
      notice: null,
    });
    expect(store.get().labName).toBe("Lab");
    expect(store.get().topology).toBe(twoNamespaces);
  });

  it("streams a trace: start clears, steps append, end gives the outcome", () => {
    const { store, controller, receive, start, stepMessage, end } = setUp();
    receive(start, stepMessage(0), stepMessage(1));
    controller.seek(1);
    receive(start);
    expect(store.get().trace?.steps).toEqual([]);
    expect(store.get().cursor).toBe(-1);
    receive(stepMessage(0), stepMessage(1), stepMessage(2), end);
    expect(store.get().trace?.steps.map((s) => s.seq)).toEqual([0, 1, 2]);
    expect(store.get().trace?.outcome).toBe("1 packets transmitted, 1 received, 0% packet loss");
    expect(store.get().trace?.complete).toBe(true);
  });

  it("ignores steps of another request", () => {
    const { store, receive, start } = setUp();
    receive(start, { v: 2, type: "traceStep", requestId: "r9", step: step(0) });
    expect(store.get().trace?.steps).toEqual([]);
  });

  it("steps forward from before the first step, and back to it", () => {
    const { store, controller, receive, start, stepMessage } = setUp();
    receive(start, stepMessage(0), stepMessage(1));
    controller.stepForward();
    expect(currentStep(store.get())?.seq).toBe(0);
    controller.stepBack();
    controller.stepBack();
    expect(store.get().cursor).toBe(-1);
    expect(currentStep(store.get())).toBeNull();
  });

  it("plays steps that arrive while playing, and stops at the end", () => {
    const { store, controller, tick, receive, start, stepMessage, end } = setUp();
    receive(start, stepMessage(0));
    controller.togglePlay();
    expect(store.get()).toMatchObject({ cursor: 0, playing: true });
    tick();
    expect(store.get().playing).toBe(true);
    receive(stepMessage(1));
    expect(store.get().cursor).toBe(1);
    receive(stepMessage(2), end);
    tick();
    expect(store.get().cursor).toBe(2);
    tick();
    expect(store.get().playing).toBe(false);
  });

  it("sends a ping with a fresh request id each time", () => {
    const { controller, sent } = setUp();
    const from = { host: "host1", netns: "ns1" };
    controller.ping(from, "10.0.0.2");
    controller.ping(from, "10.0.0.2");
    expect(sent).toEqual([
      { v: 2, type: "ping", requestId: "r1", from, to: "10.0.0.2", count: 1 },
      { v: 2, type: "ping", requestId: "r2", from, to: "10.0.0.2", count: 1 },
    ]);
  });

  it("echoes a command and its result to the console", () => {
    const { store, controller, sent, receive } = setUp();
    controller.command({ host: "host1", netns: "" }, "ip -br link");
    expect(sent[0]).toMatchObject({ type: "command", netns: { host: "host1", netns: "" } });
    receive({
      v: 2,
      type: "commandResult",
      requestId: "r1",
      exit: 1,
      stdout: "",
      stderr: "no\n",
      stopped: null,
    });
    expect(store.get().consoleLines).toEqual([
      { kind: "command", text: "host1$ ip -br link" },
      { kind: "stderr", text: "no\n" },
      { kind: "exit", text: "exit 1" },
    ]);
  });

  it("sends a here-document as one command and echoes its lines after > prompts", () => {
    const { store, controller, sent } = setUp();
    controller.command({ host: "host1", netns: "ns1" }, "cat <<EOF\nhello\nEOF");
    expect(sent[0]).toMatchObject({ type: "command", line: "cat <<EOF\nhello\nEOF" });
    expect(store.get().consoleLines).toEqual([
      { kind: "command", text: "ns1$ cat <<EOF\n> hello\n> EOF" },
    ]);
  });

  it("shows server errors and dismisses them", () => {
    const { store, controller, receive } = setUp();
    receive({
      v: 2,
      type: "error",
      requestId: null,
      reason: "UNKNOWN_NAMESPACE",
      message: "No ns9.",
    });
    expect(store.get().error).toBe("No ns9.");
    controller.dismissError();
    expect(store.get().error).toBeNull();
  });

  it("says so when a message cannot be sent", () => {
    const { store, controller } = setUp(false);
    controller.ping({ host: "host1", netns: "ns1" }, "10.0.0.2");
    expect(store.get().error).toMatch(/Not connected/);
    controller.command({ host: "host1", netns: "ns1" }, "ip route");
    expect(store.get().consoleLines).toEqual([]);
  });

  it("tracks the connection status", () => {
    const { store, controller } = setUp();
    controller.connection("connected");
    expect(store.get().connection).toBe("connected");
    controller.connection("disconnected");
    expect(store.get().connection).toBe("disconnected");
  });

  it("ends a streaming trace when the connection drops", () => {
    const { store, controller, tick, receive, start, stepMessage } = setUp();
    receive(start, stepMessage(0));
    controller.togglePlay();
    tick();
    controller.connection("disconnected");
    expect(store.get().trace).toMatchObject({
      complete: true,
      outcome: "The connection closed before the trace ended.",
    });
    expect(store.get().playing).toBe(false);
  });

  it("keeps the speed within range", () => {
    const { store, controller } = setUp();
    controller.setSpeed(50);
    expect(store.get().speed).toBe(20);
  });
});

describe("controller playback jumps and speed", () => {
  it("jumps to before the first step and to the last one, and steps the speed", () => {
    const { store, controller, receive, start, stepMessage, end } = setUp();
    receive(start, stepMessage(0), stepMessage(1), stepMessage(2), end);
    controller.jumpToEnd();
    expect(store.get().cursor).toBe(2);
    controller.jumpToStart();
    expect(store.get().cursor).toBe(-1);
    controller.faster();
    expect(store.get().speed).toBe(3);
    controller.slower();
    controller.slower();
    expect(store.get().speed).toBe(1);
  });
});

describe("controller inspector", () => {
  it("asks for the inspected namespace's tables when chosen, after a trace and after a command", () => {
    const { store, controller, sent, receive, start, stepMessage, end } = setUp();
    controller.inspect({ host: "host1", netns: "ns2" });
    expect(store.get().inspecting).toEqual({ host: "host1", netns: "ns2" });
    receive(start, stepMessage(0), end);
    receive({
      v: 2,
      type: "commandResult",
      requestId: "r9",
      exit: 0,
      stdout: "",
      stderr: "",
      stopped: null,
    });
    const inspects = sent.filter((message) => message.type === "inspect");
    expect(inspects).toHaveLength(3);
    expect(inspects.every((m) => m.type === "inspect" && m.netns.netns === "ns2")).toBe(true);
  });

  it("keeps the tables the server sends, noting a command ran after the trace", () => {
    const { store, receive, start, end } = setUp();
    const tables = {
      v: 2 as const,
      type: "namespaceState" as const,
      requestId: "r2",
      netns: { host: "host1", netns: "ns2" },
      routes: [],
      neighbours: [],
      fdb: [],
      conntrack: [],
      counters: [],
      iptablesSave: "",
    };
    receive(start, end, tables);
    expect(store.get().inspected).toEqual({ tables, afterCommand: false });
    receive(
      {
        v: 2,
        type: "commandResult",
        requestId: "r3",
        exit: 0,
        stdout: "",
        stderr: "",
        stopped: null,
      },
      tables,
    );
    expect(store.get().inspected?.afterCommand).toBe(true);
    receive(start);
    expect(store.get().inspected).toBeNull();
  });
});

describe("controller probes", () => {
  it("keeps a ping as a probe, its trace as a run, and a re-run as another run", () => {
    const { store, controller, sent, receive, stepMessage } = setUp();
    controller.ping({ host: "host1", netns: "ns1" }, "10.0.0.2");
    const first = sent[sent.length - 1];
    if (first?.type !== "ping") throw new Error("no ping sent");
    const run = (requestId: string): void =>
      receive(
        { v: 2, type: "traceStart", requestId, title: "ping" },
        { ...stepMessage(0), requestId } as ServerMessage,
        {
          v: 2,
          type: "traceEnd",
          requestId,
          stepCount: 1,
          omittedSteps: 0,
          outcome: "done",
          exit: 0,
          stopped: null,
        },
      );
    run(first.requestId);
    const probe = store.get().probes[0];
    expect(store.get().probes).toHaveLength(1);
    expect(probe?.label).toBe("ping 10.0.0.2 from ns1");
    expect(probe?.runs.map((r) => r.requestId)).toEqual([first.requestId]);
    if (probe === undefined) throw new Error("no probe");
    controller.runProbe(probe);
    const second = sent[sent.length - 1];
    if (second?.type !== "ping") throw new Error("no second ping");
    run(second.requestId);
    expect(store.get().probes).toHaveLength(1);
    expect(store.get().probes[0]?.runs).toHaveLength(2);
  });

  it("makes a probe of a typed nc line and of a TCP probe from the toolbar, once each", () => {
    const { store, controller } = setUp();
    controller.command({ host: "host1", netns: "ns1" }, "nc -z -v -w 1 10.0.0.2 80");
    controller.probe({ host: "host1", netns: "ns1" }, "nc -z -v -w 1 10.0.0.2 80");
    controller.command({ host: "host1", netns: "ns1" }, "ip route");
    expect(store.get().probes.map((p) => p.label)).toEqual(["nc -z -v -w 1 10.0.0.2 80 in ns1"]);
  });
});

describe("presenting a live lab", () => {
  it("sends the trace and each step while presenting, and stops when asked", () => {
    const { controller, sent, receive, start, stepMessage, end } = setUp();
    receive(start, stepMessage(0), stepMessage(1), stepMessage(2), end);
    controller.setPresenting(true);
    controller.stepForward();
    controller.stepForward();
    controller.setPresenting(false);
    controller.stepForward();
    expect(sent.filter((m) => m.type === "present")).toEqual([
      { v: 2, type: "present", trace: "r1", step: -1 },
      { v: 2, type: "present", trace: "r1", step: 0 },
      { v: 2, type: "present", trace: "r1", step: 1 },
      { v: 2, type: "present", trace: null, step: -1 },
    ]);
  });

  it("stops following when it starts presenting", () => {
    const { controller, sent } = setUp();
    controller.setFollowing(true);
    controller.setPresenting(true);
    expect(controller.store.get().following).toBe(false);
    expect(sent.filter((m) => m.type === "follow")).toEqual([
      { v: 2, type: "follow", following: true },
      { v: 2, type: "follow", following: false },
    ]);
  });
});
