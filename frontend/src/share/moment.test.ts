/** Tests links to a moment: reading and writing them, the moment the page shows, and playing one on opening. */
import { describe, expect, it } from "vitest";
import type { TraceStep } from "../model/trace";
import type { ClientMessage, ServerMessage } from "../protocol/protocol";
import { initialSession } from "../store/session";
import { Store } from "../store/store";
import { twoNamespaces } from "../testing/labs";
import { Controller } from "../ui/controller";
import { currentMoment, momentFromSearch, momentQuery, playMoment, type Moment } from "./moment";

function step(seq: number): TraceStep {
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

function trace(requestId: string, count: number): ServerMessage[] {
  return [
    { v: 2, type: "traceStart", requestId, title: "ping" },
    ...Array.from({ length: count }, (_, seq): ServerMessage => ({
      v: 2,
      type: "traceStep",
      requestId,
      step: step(seq),
    })),
    {
      v: 2,
      type: "traceEnd",
      requestId,
      stepCount: count,
      omittedSteps: 0,
      outcome: "1 packets transmitted, 1 received, 0% packet loss",
      exit: 0,
      stopped: null,
    },
  ];
}

function setUp() {
  const sent: ClientMessage[] = [];
  const store = new Store(initialSession(2));
  const controller = new Controller(
    store,
    (message) => {
      sent.push(message);
      return true;
    },
    () => () => undefined,
  );
  return { sent, store, controller };
}

const ping: Moment = {
  from: { host: "host1", netns: "ns1" },
  request: { kind: "ping", to: "10.0.0.2" },
  step: 3,
};

describe("links to a moment", () => {
  it("round-trip a ping and a typed probe through the address", () => {
    expect(momentFromSearch(`?version=2&${momentQuery(ping)}`)).toEqual(ping);
    const nc: Moment = {
      from: { host: "host1", netns: "" },
      request: { kind: "command", line: "nc -z -v -w 1 10.0.0.2 80" },
      step: 17,
    };
    expect(momentFromSearch(`?${momentQuery(nc)}`)).toEqual(nc);
  });

  it("name no moment when a part is missing or malformed", () => {
    for (const search of [
      "?version=2",
      "?from=host1/ns1&ping=10.0.0.2",
      "?from=host1/ns1&ping=10.0.0.2&step=0",
      "?from=host1/ns1&ping=10.0.0.2&step=2.5",
      "?from=host1/ns1/veth1&ping=10.0.0.2&step=2",
      "?from=host1/ns1&ping=not-an-address&step=2",
      "?from=host1/ns1&ping=10.0.0.2&run=ping&step=2",
      "?from=host1/ns1&run=ping%0Areboot&step=2",
      `?from=host1/ns1&run=${"x".repeat(301)}&step=2`,
    ]) {
      expect(momentFromSearch(search), search).toBe(null);
    }
  });

  it("plays the probe once the lab is there and pauses at the step", () => {
    const { sent, store, controller } = setUp();
    playMoment(store, controller, ping);
    expect(sent).toEqual([]);

    store.update((state) => ({ ...state, connection: "connected", topology: twoNamespaces }));
    const message = sent.at(-1);
    expect(message?.type).toBe("ping");
    const requestId = message?.type === "ping" ? message.requestId : "";
    trace(requestId, 5).forEach((m) => controller.receive(m));

    expect(store.get().cursor).toBe(2);
    expect(store.get().playing).toBe(false);
    expect(currentMoment(store.get())).toEqual(ping);
    expect(sent.filter((m) => m.type === "ping")).toHaveLength(1);
  });

  it("stops at the last step of a shorter walk", () => {
    const { sent, store, controller } = setUp();
    store.update((state) => ({ ...state, connection: "connected", topology: twoNamespaces }));
    playMoment(store, controller, { ...ping, step: 40 });
    const message = sent.at(-1);
    const requestId = message?.type === "ping" ? message.requestId : "";
    trace(requestId, 4).forEach((m) => controller.receive(m));
    expect(store.get().cursor).toBe(3);
  });
});
