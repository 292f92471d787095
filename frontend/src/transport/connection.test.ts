/** Tests the WebSocket connection with fake sockets and a fake timer. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ProtocolError, ServerMessage } from "../protocol/protocol";
import {
  Connection,
  exponentialBackoff,
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
  drop(): void {
    this.open = false;
    this.handlers.close();
  }
}

function setUp() {
  const sockets: FakeSocket[] = [];
  const timers: { delay: number; task: () => void }[] = [];
  const statuses: ConnectionStatus[] = [];
  const messages: ServerMessage[] = [];
  const invalid: ProtocolError[] = [];
  const connection = new Connection(
    "ws://example.test/ws",
    {
      status: (status) => statuses.push(status),
      message: (message) => messages.push(message),
      invalid: (error) => invalid.push(error),
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
  return { connection, sockets, socket, timers, fireTimer, statuses, messages, invalid };
}

describe("connection", () => {
  it("builds the socket address from the page's location", () => {
    expect(socketUrl({ protocol: "http:", host: "localhost:8080" })).toBe("ws://localhost:8080/ws");
    expect(socketUrl({ protocol: "https:", host: "lab.example" })).toBe("wss://lab.example/ws");
  });

  it("sends hello first and is connected once welcomed", () => {
    const { connection, socket, statuses, messages } = setUp();
    connection.start();
    expect(statuses).toEqual(["connecting"]);
    socket(0).accept();
    expect(socket(0).sent).toEqual(['{"v":1,"type":"hello"}']);
    socket(0).handlers.message(welcomeText);
    expect(statuses).toEqual(["connecting", "connected"]);
    expect(messages.map((message) => message.type)).toEqual(["welcome"]);
  });

  it("refuses to send while the socket is not open", () => {
    const { connection, socket } = setUp();
    connection.start();
    expect(connection.send({ v: 1, type: "hello" })).toBe(false);
    socket(0).accept();
    expect(connection.send({ v: 1, type: "hello" })).toBe(true);
  });

  it("reports frames that are not valid messages instead of passing them on", () => {
    const { connection, socket, messages, invalid } = setUp();
    connection.start();
    socket(0).accept();
    socket(0).handlers.message('{"v":1,"type":"traceStart","requestId":"r1"}');
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
});
