/** Owns the page's one WebSocket: connects to /ws, says hello first, validates every incoming message, and reconnects with backoff. */
import {
  PROTOCOL_VERSION,
  encodeClientMessage,
  parseServerMessage,
  type ClientMessage,
  type ProtocolError,
  type ServerMessage,
} from "../protocol/protocol";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

/** What a socket tells its owner. A failed attempt ends in `close` too, so close alone drives reconnecting. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(): void;
}

/** The part of a WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  isOpen(): boolean;
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

/** Runs a task later; returns a function that cancels it. */
export type Timer = (delayMs: number, task: () => void) => () => void;

export interface ConnectionEvents {
  status(status: ConnectionStatus): void;
  message(message: ServerMessage): void;
  /** A frame from the server that is not a valid protocol message. */
  invalid(error: ProtocolError): void;
}

export interface ConnectionOptions {
  readonly createSocket: SocketFactory;
  readonly timer: Timer;
  /** Delay before the n-th reconnect attempt (n = 0, 1, …). */
  readonly backoff: (attempt: number) => number;
}

/** 0.5 s, 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function exponentialBackoff(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 10_000);
}

/** The WebSocket address of the server that served the page. */
export function socketUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
}

export const browserOptions: ConnectionOptions = {
  createSocket: (url, handlers) => {
    const socket = new WebSocket(url);
    socket.onopen = () => handlers.open();
    socket.onmessage = (event) => handlers.message(event.data);
    socket.onclose = () => handlers.close();
    return {
      isOpen: () => socket.readyState === WebSocket.OPEN,
      send: (data) => socket.send(data),
      close: () => socket.close(),
    };
  },
  timer: (delayMs, task) => {
    const handle = setTimeout(task, delayMs);
    return () => clearTimeout(handle);
  },
  backoff: exponentialBackoff,
};

const HELLO: ClientMessage = { v: PROTOCOL_VERSION, type: "hello" };

export class Connection {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = true;

  constructor(
    private readonly url: string,
    private readonly events: ConnectionEvents,
    private readonly options: ConnectionOptions = browserOptions,
  ) {}

  /** Opens the socket; after every close it tries again, waiting longer each time. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes the socket and stops reconnecting. */
  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.events.status("disconnected");
  }

  /** Sends a message; false when the socket is not open, so nothing was sent. */
  send(message: ClientMessage): boolean {
    const socket = this.socket;
    if (socket === null || !socket.isOpen()) return false;
    socket.send(encodeClientMessage(message));
    return true;
  }

  private open(): void {
    this.cancelRetry = null;
    this.events.status("connecting");
    const handlers: SocketHandlers = {
      open: () => {
        if (this.socket === socket) socket.send(encodeClientMessage(HELLO));
      },
      message: (data) => {
        if (this.socket === socket) this.receive(data);
      },
      close: () => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.closed();
      },
    };
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.url, handlers);
    } catch {
      this.closed();
      return;
    }
    this.socket = socket;
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") {
      this.events.invalid({
        reason: "MALFORMED_JSON",
        path: "",
        message: "The server sent a binary frame; protocol messages are JSON text.",
      });
      return;
    }
    const result = parseServerMessage(data);
    if (!result.ok) {
      this.events.invalid(result.error);
      return;
    }
    if (result.value.type === "welcome") {
      this.attempt = 0;
      this.events.status("connected");
    }
    this.events.message(result.value);
  }

  private closed(): void {
    this.events.status("disconnected");
    if (this.stopped) return;
    const delay = this.options.backoff(this.attempt);
    this.attempt += 1;
    this.cancelRetry = this.options.timer(delay, () => this.open());
  }
}
