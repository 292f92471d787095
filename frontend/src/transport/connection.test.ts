/** Tests the WebSocket connection with fake sockets and a fake timer. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProtocolError, ServerMessage, SessionToken } from "../protocol/protocol";
import {
  Connection,
  FULL_SERVER_WAIT_MS,
  exponentialBackoff,
  labFromAddress,
  reconnectDelay,
  socketUrl,
  type ConnectionStatus,
  type SocketHandlers,
  type SocketLike,
} from "./connection";

const welcomeText = readFileSync(
  new URL("../../../backend/src/test/resources/protocol/server-welcome.json", import.meta.url),
  "utf8",
);

class FakeSocket implements SocketLike {
  open = false;
  sent: string[] = [];
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  isOpen(): boolean {
    return this.open;
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.open = false;
  }
  accept(): void {
    this.open = true;
    this.handlers.open();
  }
  drop(code = 1006, reason = ""): void {
    this.open = false;
    this.handlers.close(code, reason);
  }
}

function setUp(lab: string | null = null) {
  const sockets: FakeSocket[] = [];
  const timers: { delay: number; task: () => void }[] = [];
  const statuses: ConnectionStatus[] = [];
  const messages: ServerMessage[] = [];
  const invalid: ProtocolError[] = [];
  const refusals: string[] = [];
  let kept: SessionToken | null = null;
  const connection = new Connection(
    "ws://example.test/ws",
    {
      status: (status) => statuses.push(status),
      message: (message) => messages.push(message),
      invalid: (error) => invalid.push(error),
      refused: (reason) => refusals.push(reason),
    },
    {
      createSocket: (url, handlers) => {
        const socket = new FakeSocket(url, handlers);
        sockets.push(socket);
        return socket;
      },
      timer: (delay, task) => {
        const entry = { delay, task };
        timers.push(entry);
        return () => timers.splice(timers.indexOf(entry), 1);
      },
      backoff: exponentialBackoff,
      sessions: {
        load: () => kept,
        save: (session) => {
          kept = session;
        },
        clear: () => {
          kept = null;
        },
      },
      lab,
    },
  );
  const socket = (index: number): FakeSocket => {
    const found = sockets[index];
    if (found === undefined) throw new Error(`no socket ${index}`);
    return found;
  };
  const fireTimer = (): void => {
    const entry = timers.shift();
    if (entry === undefined) throw new Error("no timer pending");
    entry.task();
  };
  return { connection, sockets, socket, timers, fireTimer, statuses, messages, invalid, refusals };
}

describe("connection", () => {
  it("builds the socket address from the page's location", () => {
    expect(socketUrl({ protocol: "http:", host: "localhost:8080" })).toBe("ws://localhost:8080/ws");
    expect(socketUrl({ protocol: "https:", host: "lab.example" })).toBe("wss://lab.example/ws");
  });

  it("names the lab of the page's address in its hello, and reads only a valid id from it", () => {
    const { connection, socket } = setUp("flannel-vxlan");
    connection.start();
    socket(0).accept();
    expect(socket(0).sent).toEqual(['{"v":2,"type":"hello","lab":"flannel-vxlan"}']);
    expect(labFromAddress("?lab=flannel-vxlan")).toBe("flannel-vxlan");
    expect(labFromAddress("?lab=../etc")).toBeNull();
    expect(labFromAddress("")).toBeNull();
  });

  it("sends hello first and is connected once welcomed", () => {
    const { connection, socket, statuses, messages } = setUp();
    connection.start();
    expect(statuses).toEqual(["connecting"]);
    socket(0).accept();
    expect(socket(0).sent).toEqual(['{"v":2,"type":"hello"}']);
    socket(0).handlers.message(welcomeText);
    expect(statuses).toEqual(["connecting", "connected"]);
    expect(messages.map((message) => message.type)).toEqual(["welcome"]);
  });

  it("refuses to send while the socket is not open", () => {
    const { connection, socket } = setUp();
    connection.start();
    expect(connection.send({ v: 2, type: "hello" })).toBe(false);
    socket(0).accept();
    expect(connection.send({ v: 2, type: "hello" })).toBe(true);
  });

  it("reports frames that are not valid messages instead of passing them on", () => {
    const { connection, socket, messages, invalid } = setUp();
    connection.start();
    socket(0).accept();
    socket(0).handlers.message('{"v":2,"type":"traceStart","requestId":"r1"}');
    socket(0).handlers.message(new ArrayBuffer(4));
    expect(messages).toEqual([]);
    expect(invalid.map((error) => error.reason)).toEqual(["MISSING_FIELD", "MALFORMED_JSON"]);
  });

  it("reconnects with growing delays and starts over after a welcome", () => {
    const { connection, socket, sockets, timers, fireTimer, statuses } = setUp();
    connection.start();
    socket(0).drop();
    expect(statuses.at(-1)).toBe("disconnected");
    expect(timers.map((timer) => timer.delay)).toEqual([500]);
    fireTimer();
    socket(1).drop();
    expect(timers.map((timer) => timer.delay)).toEqual([1000]);
    fireTimer();
    socket(2).accept();
    socket(2).handlers.message(welcomeText);
    socket(2).drop();
    expect(timers.map((timer) => timer.delay)).toEqual([500]);
    expect(sockets.map((each) => each.url)).toEqual(Array(3).fill("ws://example.test/ws"));
  });

  it("caps the delay between attempts", () => {
    expect([0, 1, 4, 5, 20].map(exponentialBackoff)).toEqual([500, 1000, 8000, 10_000, 10_000]);
  });

  it("stops reconnecting when stopped", () => {
    const { connection, socket, timers, statuses } = setUp();
    connection.start();
    socket(0).drop();
    connection.stop();
    expect(timers).toEqual([]);
    expect(statuses.at(-1)).toBe("disconnected");
  });

  it("keeps the session from the welcome and resumes it in the next hello", () => {
    const { connection, socket, fireTimer } = setUp();
    connection.start();
    socket(0).accept();
    socket(0).handlers.message(welcomeText);
    socket(0).drop();
    fireTimer();
    socket(1).accept();
    expect(JSON.parse(socket(1).sent[0] ?? "")).toEqual({
      v: 2,
      type: "hello",
      resume: { id: "WjJvbGZzZWNyZXQx", secret: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0" },
    });
  });

  it("drops the socket on request and reconnects as after a network failure", () => {
    const { connection, socket, timers } = setUp();
    connection.start();
    socket(0).accept();
    connection.drop();
    expect(timers.map((timer) => timer.delay)).toEqual([500]);
  });

  it("shows the server's reason and waits longer when the server is full", () => {
    const { connection, socket, timers, refusals } = setUp();
    connection.start();
    socket(0).drop(4001, "The server has its maximum number of lab sessions; try again later.");
    expect(refusals).toEqual([
      "The server has its maximum number of lab sessions; try again later.",
    ]);
    expect(timers.map((timer) => timer.delay)).toEqual([FULL_SERVER_WAIT_MS]);
  });

  it("never reconnects after another tab took the lab over", () => {
    const { connection, socket, timers, refusals, statuses } = setUp();
    connection.start();
    socket(0).accept();
    socket(0).drop(4005, "This lab was opened in another tab.");
    expect(refusals).toEqual(["This lab was opened in another tab."]);
    expect(timers).toEqual([]);
    expect(statuses.at(-1)).toBe("disconnected");
  });

  it("reconnects at once, resuming, after an idle or slow close", () => {
    expect(reconnectDelay(4003, 0, exponentialBackoff)).toBe(500);
    expect(reconnectDelay(4004, 1, exponentialBackoff)).toBe(1000);
    expect(reconnectDelay(4002, 0, exponentialBackoff)).toBe(FULL_SERVER_WAIT_MS);
    expect(reconnectDelay(4005, 0, exponentialBackoff)).toBeNull();
  });
});
