/** Owns the page's one WebSocket: connects to /ws, says hello first (resuming the tab's lab), validates every incoming message, and reconnects with backoff as the server's close code allows. */
import {
  PROTOCOL_VERSION,
  encodeClientMessage,
  parseServerMessage,
  type ClientMessage,
  type ProtocolError,
  type ServerMessage,
  type SessionToken,
  type SharedRef,
} from "../protocol/protocol";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

/** What a socket tells its owner. A failed attempt ends in `close` too, so close alone drives reconnecting. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  /** The socket closed; `code` and `reason` are the close frame's (1006 and "" when none came). */
  close(code: number, reason: string): void;
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
  /** The server closed the connection for a reason of its own (close codes 4001–4005). */
  refused(reason: string): void;
}

/** Where the tab keeps its lab's session between reconnects (sessionStorage in the browser). */
export interface SessionKeeper {
  load(): SessionToken | null;
  save(session: SessionToken): void;
  /** Forgets the session, so that the next hello starts a fresh lab. */
  clear(): void;
}

export interface ConnectionOptions {
  readonly createSocket: SocketFactory;
  readonly timer: Timer;
  /** Delay before the n-th reconnect attempt (n = 0, 1, …). */
  readonly backoff: (attempt: number) => number;
  readonly sessions: SessionKeeper;
  /** The built-in lab a new session starts from (the page's `?lab=`), or null for the default. */
  readonly lab?: string | null;
  /** The saved lab a new session starts from (the page's `/shared/ID/SECRET` link), or null. */
  readonly shared?: SharedRef | null;
}

/** Close codes the server uses (docs/protocol.md). */
export const CLOSE_SERVER_FULL = 4001;
export const CLOSE_ADDRESS_FULL = 4002;
export const CLOSE_REPLACED = 4005;

/** How long to wait before trying again after the server said it is full. */
export const FULL_SERVER_WAIT_MS = 30_000;

/** The delay before reconnecting after `code`, or null when the page must not reconnect. */
export function reconnectDelay(
  code: number,
  attempt: number,
  backoff: (attempt: number) => number,
): number | null {
  if (code === CLOSE_REPLACED) return null;
  if (code === CLOSE_SERVER_FULL || code === CLOSE_ADDRESS_FULL) {
    return Math.max(FULL_SERVER_WAIT_MS, backoff(attempt));
  }
  return backoff(attempt);
}

const SESSION_KEY = "packetwalk.session";

/** The tab's session in sessionStorage: kept across reloads and reconnects of this tab only. */
export const sessionStorageKeeper: SessionKeeper = {
  load: () => {
    try {
      const text = window.sessionStorage.getItem(SESSION_KEY);
      if (text === null) return null;
      const value: unknown = JSON.parse(text);
      if (typeof value !== "object" || value === null) return null;
      const id: unknown = Reflect.get(value, "id");
      const secret: unknown = Reflect.get(value, "secret");
      return typeof id === "string" && typeof secret === "string" ? { id, secret } : null;
    } catch {
      return null;
    }
  },
  save: (session) => {
    try {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch {
      // storage unavailable: the lab cannot be resumed after a reconnect, nothing else breaks
    }
  },
  clear: () => {
    try {
      window.sessionStorage.removeItem(SESSION_KEY);
    } catch {
      // storage unavailable: there is nothing kept to forget
    }
  },
};

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
    socket.onclose = (event) => handlers.close(event.code, event.reason);
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
  sessions: sessionStorageKeeper,
};

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

  /** Drops the socket as a network failure would; the connection reconnects and resumes. */
  drop(): void {
    const socket = this.socket;
    if (socket === null) return;
    this.socket = null;
    socket.close();
    this.closed(1006, "");
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
        if (this.socket === socket) socket.send(encodeClientMessage(this.hello()));
      },
      message: (data) => {
        if (this.socket === socket) this.receive(data);
      },
      close: (code, reason) => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.closed(code, reason);
      },
    };
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.url, handlers);
    } catch {
      this.closed(1006, "");
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
      this.options.sessions.save(result.value.session);
      this.events.status("connected");
    }
    this.events.message(result.value);
  }

  private hello(): ClientMessage {
    const resume = this.options.sessions.load();
    const lab = this.options.lab ?? null;
    const shared = this.options.shared ?? null;
    const wanted = { ...(lab === null ? {} : { lab }), ...(shared === null ? {} : { shared }) };
    return resume === null
      ? { v: PROTOCOL_VERSION, type: "hello", ...wanted }
      : { v: PROTOCOL_VERSION, type: "hello", resume, ...wanted };
  }

  private closed(code: number, reason: string): void {
    this.events.status("disconnected");
    if (code >= 4000 && code < 5000 && reason !== "") this.events.refused(reason);
    if (this.stopped) return;
    const delay = reconnectDelay(code, this.attempt, this.options.backoff);
    if (delay === null) {
      this.stopped = true;
      return;
    }
    this.attempt += 1;
    this.cancelRetry = this.options.timer(delay, () => this.open());
  }
}

/** The built-in lab the page's address names (`?lab=ID`), or null. */
export function labFromAddress(search: string): string | null {
  const lab = new URLSearchParams(search).get("lab");
  return lab !== null && /^[a-z0-9][a-z0-9-]{0,63}$/.test(lab) ? lab : null;
}
