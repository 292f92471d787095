/** Owns WebSocket protocol version 2 on the client side: message types, the closed list of error reasons, and runtime validation (docs/protocol.md). */
import {
  isIPv4,
  type Device,
  type DeviceRef,
  type Host,
  type Link,
  type Namespace,
  type NamespaceRef,
  type Topology,
  type UnderlaySwitch,
} from "../model/topology";
import {
  HEADER_LAYERS,
  type Header,
  type JsonValue,
  type KnownHeader,
  type NetfilterLocation,
  type StateChange,
  type StepLocation,
  type TraceStep,
} from "../model/trace";

export const PROTOCOL_VERSION = 2;

/**
 * Why a message was refused. The server names its `error` messages with these reasons; the
 * client's validators use the first five for messages it cannot accept.
 */
export const ERROR_REASONS = [
  /** The text is not a JSON object. */
  "MALFORMED_JSON",
  /** A required field is absent. */
  "MISSING_FIELD",
  /** A field has the wrong type or a value outside its range. */
  "INVALID_FIELD",
  /** The `type` tag names no message of this protocol. */
  "UNKNOWN_TYPE",
  /** The `v` field is not this protocol's version. */
  "VERSION_MISMATCH",
  /** The message is larger than the server accepts. */
  "MESSAGE_TOO_LARGE",
  /** The message names a namespace the world does not have. */
  "UNKNOWN_NAMESPACE",
  /** The simulator could not run the request. */
  "SIMULATION_FAILED",
  /** Every simulation slot of the server is taken; try again in a few seconds. */
  "SERVER_BUSY",
  /** The lab reached its size limit, or the server its memory budget for labs. */
  "LAB_TOO_LARGE",
  /** The lab was opened by a saved lab's view link: it can be probed, not changed. */
  "READ_ONLY",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** The reasons a client-side validator gives. */
export type ValidationReason = Extract<
  ErrorReason,
  "MALFORMED_JSON" | "MISSING_FIELD" | "INVALID_FIELD" | "UNKNOWN_TYPE" | "VERSION_MISMATCH"
>;

// ---- Client → server ----

/** A lab's session: its id and the secret that proves this tab owns it. */
export interface SessionToken {
  readonly id: string;
  readonly secret: string;
}

export interface HelloMessage {
  readonly v: 2;
  readonly type: "hello";
  /** The tab's session to resume after a reconnect; absent on a first visit. */
  readonly resume?: SessionToken;
  /** The built-in lab a new session starts from (an id of GET /api/templates); absent: the default. */
  readonly lab?: string;
  /** A saved lab a new session starts from (docs/sharing.md); a view link's secret opens it read-only. */
  readonly shared?: SharedRef;
}

/** A saved lab: its id, a link's secret, and a version (absent: the newest). */
export interface SharedRef {
  readonly id: string;
  readonly secret: string;
  readonly version?: number;
}

/** Asks for the tab's lab as a lab document; answered by `labDocument`. */
export interface ExportLabMessage {
  readonly v: 2;
  readonly type: "exportLab";
  readonly requestId: string;
  /** The tab's probes, saved with the lab (absent: the lab keeps the ones it has). */
  readonly probes?: readonly SavedProbe[];
}

/** A probe saved with the lab: from a namespace, a ping to an address or one command line. */
export type SavedProbe =
  | { readonly from: NamespaceRef; readonly ping: string }
  | { readonly from: NamespaceRef; readonly run: string };

export interface PingMessage {
  readonly v: 2;
  readonly type: "ping";
  readonly requestId: string;
  readonly from: NamespaceRef;
  /** A dotted-quad IPv4 address. */
  readonly to: string;
  /** 1..10; the wire may leave it out, meaning 1. */
  readonly count: number;
}

export interface CommandMessage {
  readonly v: 2;
  readonly type: "command";
  readonly requestId: string;
  readonly netns: NamespaceRef;
  /** One shell line, or several joined with "\n" when the first opens a here-document. */
  readonly line: string;
}

/** One line of an edit, and the namespace it runs in. */
export interface EditCommand {
  readonly netns: NamespaceRef;
  readonly line: string;
}

/** A canvas edit as the shell lines that carry it out, run as one batch: all or none. */
export interface EditMessage {
  readonly v: 2;
  readonly type: "edit";
  readonly requestId: string;
  /** What the person did, e.g. "deleted ns2". */
  readonly label: string;
  /** 1 to 64 lines. */
  readonly commands: readonly EditCommand[];
}

/** A namespace box's centre on the canvas, in scene coordinates. */
export interface Position {
  readonly host: string;
  readonly netns: string;
  readonly x: number;
  readonly y: number;
}

/** Where the person put namespace boxes; the lab keeps them. No answer. */
export interface PlaceMessage {
  readonly v: 2;
  readonly type: "place";
  readonly positions: readonly Position[];
}

/** Asks for a namespace's state tables as they are now; answered with `namespaceState`. */
export interface InspectMessage {
  readonly v: 2;
  readonly type: "inspect";
  readonly requestId: string;
  readonly netns: NamespaceRef;
}

/** In a live lab opened by an edit link: the presenter is on step `step` of trace `trace` (null: stop presenting). */
export interface PresentMessage {
  readonly v: 2;
  readonly type: "present";
  readonly trace: string | null;
  readonly step: number;
}

/** In a live lab: whether this tab's player follows the presenter. */
export interface FollowMessage {
  readonly v: 2;
  readonly type: "follow";
  readonly following: boolean;
}

export type ClientMessage =
  | PresentMessage
  | FollowMessage
  | HelloMessage
  | PingMessage
  | CommandMessage
  | ExportLabMessage
  | EditMessage
  | PlaceMessage
  | InspectMessage;

// ---- Server → client ----

export interface WelcomeMessage {
  readonly v: 2;
  readonly type: "welcome";
  readonly protocolVersion: number;
  readonly labName: string;
  readonly topology: Topology;
  /** The session the tab keeps, to resume this lab after a reconnect. */
  readonly session: SessionToken;
  /** Whether the lab of `hello.resume` was resumed. */
  readonly resumed: boolean;
  /** Why a resume did not happen, or null. */
  readonly notice: string | null;
  /** Where the person put namespace boxes; absent from a server that predates it (read as none). */
  readonly layout?: readonly Position[];
  /** The probes saved with the lab; absent from a server that predates them (read as none). */
  readonly probes?: readonly SavedProbe[];
  /** A live lab shared by every tab on the saved lab's links, or null (absent: null). */
  readonly live?: LiveInfo | null;
}

/** A live lab: its saved lab id, and whether this tab's link may change it and present. */
export interface LiveInfo {
  readonly labId: string;
  readonly canEdit: boolean;
}

/** Someone else changed the live lab: a command log entry (a topologyChange follows if the topology changed). */
export interface LiveEditMessage {
  readonly v: 2;
  readonly type: "liveEdit";
  readonly seq: number;
  readonly label: string;
  readonly commands: readonly EditOutcome[];
}

/** The presenter is on step `step` of trace `trace` (sent to this follower before, under that request id). */
export interface PresenterStepMessage {
  readonly v: 2;
  readonly type: "presenterStep";
  readonly trace: string;
  readonly step: number;
}

/** A namespace added to a host (its devices come as upserts). */
export interface NamespaceAdded {
  readonly host: string;
  readonly netns: string;
  readonly root: boolean;
}

/** A device added to a namespace or changed in place. */
export interface DeviceUpsert {
  readonly host: string;
  readonly netns: string;
  readonly device: Device;
}

/** What a command changed in the topology (applied by `applyTopologyChange`). */
export interface TopologyChangeMessage {
  readonly v: 2;
  readonly type: "topologyChange";
  readonly hostsRemoved: readonly string[];
  readonly hostsAdded: readonly string[];
  readonly namespacesRemoved: readonly NamespaceRef[];
  readonly namespacesAdded: readonly NamespaceAdded[];
  readonly devicesRemoved: readonly DeviceRef[];
  readonly devicesUpserted: readonly DeviceUpsert[];
  readonly linksRemoved: readonly Link[];
  readonly linksAdded: readonly Link[];
  /** The whole underlay when it changed; absent when it did not. */
  readonly switches?: readonly UnderlaySwitch[];
}

export interface TraceStartMessage {
  readonly v: 2;
  readonly type: "traceStart";
  readonly requestId: string;
  readonly title: string;
}

export interface TraceStepMessage {
  readonly v: 2;
  readonly type: "traceStep";
  readonly requestId: string;
  readonly step: TraceStep;
}

export interface TraceEndMessage {
  readonly v: 2;
  readonly type: "traceEnd";
  readonly requestId: string;
  readonly stepCount: number;
  /** Steps that happened after the kept-step limit and were not sent. */
  readonly omittedSteps: number;
  readonly outcome: string;
  readonly exit: number;
  /** The run limit that stopped the ping, or null. */
  readonly stopped: string | null;
}

export interface CommandResultMessage {
  readonly v: 2;
  readonly type: "commandResult";
  readonly requestId: string;
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The run limit that stopped the command, or null. */
  readonly stopped: string | null;
}

/** One line of an edit and what it printed and returned. */
export interface EditOutcome {
  readonly netns: NamespaceRef;
  readonly line: string;
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What became of an edit: applied whole (a topologyChange follows), or refused and nothing changed. */
export interface EditResultMessage {
  readonly v: 2;
  readonly type: "editResult";
  readonly requestId: string;
  readonly label: string;
  readonly applied: boolean;
  /** The lines run, up to the refused one. */
  readonly commands: readonly EditOutcome[];
  /** The lines that reverse an applied edit; empty for a refused one. */
  readonly undo: readonly EditCommand[];
  /** The refusing line's error, or null. */
  readonly error: string | null;
}

/**
 * One entry of a state table: `key` and `text` are what a state change of its kind names as key
 * and before/after; `device` is the bridge of an FDB entry, else null.
 */
export interface StateEntry {
  readonly device: string | null;
  readonly key: string;
  readonly text: string;
}

/** A namespace's state tables as they are now (the answer to `inspect`). */
export interface NamespaceStateMessage {
  readonly v: 2;
  readonly type: "namespaceState";
  readonly requestId: string;
  readonly netns: NamespaceRef;
  /** `ip route` lines of every table but local. */
  readonly routes: readonly string[];
  readonly neighbours: readonly StateEntry[];
  readonly fdb: readonly StateEntry[];
  readonly conntrack: readonly StateEntry[];
  /** Rule and policy counters, keyed "filter INPUT 1" / "filter INPUT policy". */
  readonly counters: readonly StateEntry[];
  /** The namespace's rules in iptables-save form (without counters). */
  readonly iptablesSave: string;
  /** Each device's addresses, `ip -br addr` style ("veth1 10.0.0.1/24"); absent from older servers. */
  readonly addresses?: readonly string[];
  /** Sysctls set away from a fresh namespace's values ("net.ipv4.ip_forward = 1"); absent from older servers. */
  readonly sysctls?: readonly string[];
}

export interface ErrorMessage {
  readonly v: 2;
  readonly type: "error";
  readonly requestId: string | null;
  readonly reason: ErrorReason;
  readonly message: string;
}

/** The tab's lab as lab document JSON text, answering `exportLab`. */
export interface LabDocumentMessage {
  readonly v: 2;
  readonly type: "labDocument";
  readonly requestId: string;
  readonly document: string;
}

export type ServerMessage =
  | LiveEditMessage
  | PresenterStepMessage
  | LabDocumentMessage
  | WelcomeMessage
  | TopologyChangeMessage
  | TraceStartMessage
  | TraceStepMessage
  | TraceEndMessage
  | CommandResultMessage
  | EditResultMessage
  | NamespaceStateMessage
  | ErrorMessage;

// ---- Results ----

/** Why a message was refused, in words a person can act on. */
export interface ProtocolError {
  readonly reason: ValidationReason;
  /** The dotted path of the offending field, "" for the message itself. */
  readonly path: string;
  readonly message: string;
}

export type Validated<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProtocolError };

/** Parses and validates one text frame from the server. */
export function parseServerMessage(text: string): Validated<ServerMessage> {
  return parseWith(text, validateServerMessage);
}

/** Validates an already-parsed value as a server → client message. */
export function validateServerMessage(value: unknown): Validated<ServerMessage> {
  return run<ServerMessage>(() => {
    const message = envelope(value, SERVER_TYPES);
    switch (message.type) {
      case "welcome":
        return {
          v: 2,
          type: "welcome",
          protocolVersion: message.int("protocolVersion"),
          labName: message.str("labName"),
          topology: topology(message.obj("topology")),
          session: sessionToken(message.obj("session")),
          resumed: message.bool("resumed"),
          notice: message.nullableStr("notice"),
          ...(message.has("layout") && { layout: message.list("layout", position) }),
          ...(message.has("probes") && { probes: message.list("probes", savedProbe) }),
          ...(message.has("live") && { live: liveInfo(message, "live") }),
        };
      case "topologyChange":
        return {
          v: 2,
          type: "topologyChange",
          hostsRemoved: message.strList("hostsRemoved"),
          hostsAdded: message.strList("hostsAdded"),
          namespacesRemoved: message.list("namespacesRemoved", namespaceRef),
          namespacesAdded: message.list("namespacesAdded", namespaceAdded),
          devicesRemoved: message.list("devicesRemoved", deviceRef),
          devicesUpserted: message.list("devicesUpserted", deviceUpsert),
          linksRemoved: message.list("linksRemoved", link),
          linksAdded: message.list("linksAdded", link),
          ...(message.has("switches") && { switches: message.list("switches", underlaySwitch) }),
        };
      case "traceStart":
        return {
          v: 2,
          type: "traceStart",
          requestId: message.str("requestId"),
          title: message.str("title"),
        };
      case "traceStep":
        return {
          v: 2,
          type: "traceStep",
          requestId: message.str("requestId"),
          step: traceStep(message.obj("step")),
        };
      case "traceEnd":
        return {
          v: 2,
          type: "traceEnd",
          requestId: message.str("requestId"),
          stepCount: message.int("stepCount", 0),
          omittedSteps: message.int("omittedSteps", 0),
          outcome: message.str("outcome"),
          exit: message.int("exit"),
          stopped: message.nullableStr("stopped"),
        };
      case "commandResult":
        return {
          v: 2,
          type: "commandResult",
          requestId: message.str("requestId"),
          exit: message.int("exit"),
          stdout: message.str("stdout"),
          stderr: message.str("stderr"),
          stopped: message.nullableStr("stopped"),
        };
      case "editResult":
        return {
          v: 2,
          type: "editResult",
          requestId: message.str("requestId"),
          label: message.str("label"),
          applied: message.bool("applied"),
          commands: message.list("commands", editOutcome),
          undo: message.list("undo", editCommand),
          error: message.nullableStr("error"),
        };
      case "namespaceState":
        return {
          v: 2,
          type: "namespaceState",
          requestId: message.str("requestId"),
          netns: namespaceRef(message.obj("netns")),
          routes: message.strList("routes"),
          neighbours: message.list("neighbours", stateEntry),
          fdb: message.list("fdb", stateEntry),
          conntrack: message.list("conntrack", stateEntry),
          counters: message.list("counters", stateEntry),
          iptablesSave: message.str("iptablesSave"),
          ...(message.has("addresses") && { addresses: message.strList("addresses") }),
          ...(message.has("sysctls") && { sysctls: message.strList("sysctls") }),
        };
      case "error":
        return {
          v: 2,
          type: "error",
          requestId: message.nullableStr("requestId"),
          reason: message.oneOf("reason", ERROR_REASONS),
          message: message.str("message"),
        };
      case "labDocument":
        return {
          v: 2,
          type: "labDocument",
          requestId: message.str("requestId"),
          document: message.str("document"),
        };
      case "liveEdit":
        return {
          v: 2,
          type: "liveEdit",
          seq: message.int("seq", 1),
          label: message.str("label"),
          commands: message.list("commands", editOutcome),
        };
      case "presenterStep":
        return {
          v: 2,
          type: "presenterStep",
          trace: message.str("trace"),
          step: message.int("step", -1),
        };
    }
  });
}

/** Validates an already-parsed value as a client → server message. */
export function validateClientMessage(value: unknown): Validated<ClientMessage> {
  return run<ClientMessage>(() => {
    const message = envelope(value, CLIENT_TYPES);
    switch (message.type) {
      case "hello": {
        const lab = message.has("lab") ? { lab: message.str("lab") } : {};
        const shared = message.has("shared") ? { shared: sharedRef(message.obj("shared")) } : {};
        return message.has("resume")
          ? { v: 2, type: "hello", resume: sessionToken(message.obj("resume")), ...lab, ...shared }
          : { v: 2, type: "hello", ...lab, ...shared };
      }
      case "exportLab":
        return {
          v: 2,
          type: "exportLab",
          requestId: message.str("requestId"),
          ...(message.has("probes") && { probes: message.list("probes", savedProbe) }),
        };
      case "ping":
        return {
          v: 2,
          type: "ping",
          requestId: message.str("requestId"),
          from: namespaceRef(message.obj("from")),
          to: message.ipv4("to"),
          count: message.has("count") ? message.int("count", 1, 10) : 1,
        };
      case "command":
        return {
          v: 2,
          type: "command",
          requestId: message.str("requestId"),
          netns: namespaceRef(message.obj("netns")),
          line: message.str("line"),
        };
      case "edit":
        return {
          v: 2,
          type: "edit",
          requestId: message.str("requestId"),
          label: message.str("label"),
          commands: message.list("commands", editCommand),
        };
      case "place":
        return { v: 2, type: "place", positions: message.list("positions", position) };
      case "inspect":
        return {
          v: 2,
          type: "inspect",
          requestId: message.str("requestId"),
          netns: namespaceRef(message.obj("netns")),
        };
      case "present":
        return {
          v: 2,
          type: "present",
          trace: message.nullableStr("trace"),
          step: message.int("step", -1, 1_000_000),
        };
      case "follow":
        return { v: 2, type: "follow", following: message.bool("following") };
    }
  });
}

/** The text frame for a client message. */
export function encodeClientMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}

// ---- Validation internals ----

const CLIENT_TYPES = [
  "hello",
  "ping",
  "command",
  "exportLab",
  "edit",
  "place",
  "inspect",
  "present",
  "follow",
] as const;
const SERVER_TYPES = [
  "welcome",
  "topologyChange",
  "traceStart",
  "traceStep",
  "traceEnd",
  "editResult",
  "commandResult",
  "namespaceState",
  "error",
  "labDocument",
  "liveEdit",
  "presenterStep",
] as const;

/** Thrown inside a validator and turned into a `Validated` failure at its edge. */
class Refusal extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message);
  }
}

function refuse(reason: ValidationReason, path: string, message: string): never {
  throw new Refusal({ reason, path, message });
}

function run<T>(validate: () => T): Validated<T> {
  try {
    return { ok: true, value: validate() };
  } catch (thrown) {
    if (thrown instanceof Refusal) return { ok: false, error: thrown.error };
    throw thrown;
  }
}

function parseWith<T>(text: string, validate: (value: unknown) => Validated<T>): Validated<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      ok: false,
      error: { reason: "MALFORMED_JSON", path: "", message: `The message is not JSON: ${detail}` },
    };
  }
  return validate(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : `a value of type ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** Reads typed fields from one JSON object, naming the field's full path when one is wrong. */
class Fields {
  constructor(
    private readonly record: Record<string, unknown>,
    readonly path: string,
    private readonly context: string,
  ) {}

  static of(value: unknown, path: string, context: string): Fields {
    if (!isRecord(value)) {
      const what = path === "" ? "The message" : `Field "${path}"`;
      refuse(
        path === "" ? "MALFORMED_JSON" : "INVALID_FIELD",
        path,
        `${what} must be a JSON object, but it is ${describe(value)}.`,
      );
    }
    return new Fields(value, path, context);
  }

  /** The field's raw value, undefined when absent. */
  raw(key: string): unknown {
    return this.record[key];
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  private get(key: string): unknown {
    const value = this.record[key];
    if (value === undefined) {
      refuse(
        "MISSING_FIELD",
        join(this.path, key),
        `Field "${join(this.path, key)}" is missing ${this.context}.`,
      );
    }
    return value;
  }

  private wrong(key: string, expected: string, value: unknown): never {
    const path = join(this.path, key);
    return refuse(
      "INVALID_FIELD",
      path,
      `Field "${path}" must be ${expected}, but it is ${describe(value)} ${this.context}.`,
    );
  }

  str(key: string): string {
    const value = this.get(key);
    return typeof value === "string" ? value : this.wrong(key, "a string", value);
  }

  nullableStr(key: string): string | null {
    const value = this.get(key);
    return value === null || typeof value === "string"
      ? value
      : this.wrong(key, "a string or null", value);
  }

  bool(key: string): boolean {
    const value = this.get(key);
    return typeof value === "boolean" ? value : this.wrong(key, "true or false", value);
  }

  int(key: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.get(key);
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
      return value;
    }
    const range =
      min === Number.MIN_SAFE_INTEGER
        ? "an integer"
        : max === Number.MAX_SAFE_INTEGER
          ? `an integer of at least ${min}`
          : `an integer from ${min} to ${max}`;
    return this.wrong(key, range, value);
  }

  /** A finite number. */
  num(key: string): number {
    const value = this.get(key);
    return typeof value === "number" && Number.isFinite(value)
      ? value
      : this.wrong(key, "a finite number", value);
  }

  nullableInt(key: string): number | null {
    return this.get(key) === null ? null : this.int(key);
  }

  ipv4(key: string): string {
    const value = this.str(key);
    return isIPv4(value) ? value : this.wrong(key, "a dotted-quad IPv4 address", value);
  }

  oneOf<const T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.get(key);
    const found = allowed.find((candidate) => candidate === value);
    return found ?? this.wrong(key, `one of ${allowed.join(", ")}`, value);
  }

  obj(key: string): Fields {
    return Fields.of(this.get(key), join(this.path, key), this.context);
  }

  /** The whole object as JSON values, for a record this page keeps without knowing its fields. */
  json(): Record<string, JsonValue> {
    const copy: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(this.record)) {
      copy[key] = jsonValue(value, join(this.path, key), this.context);
    }
    return copy;
  }

  list<T>(key: string, item: (fields: Fields) => T): T[] {
    const value = this.get(key);
    if (!Array.isArray(value)) return this.wrong(key, "an array", value);
    const path = join(this.path, key);
    return value.map((element: unknown, index) =>
      item(Fields.of(element, join(path, index), this.context)),
    );
  }

  strList(key: string): string[] {
    const value = this.get(key);
    if (!Array.isArray(value)) return this.wrong(key, "an array of strings", value);
    return value.map((element: unknown, index) =>
      typeof element === "string" ? element : this.wrong(`${key}[${index}]`, "a string", element),
    );
  }
}

/** Checks that a value is plain JSON (what `JSON.parse` makes) and copies it. */
function jsonValue(value: unknown, path: string, context: string): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) {
    return value.map((element: unknown, index) => jsonValue(element, join(path, index), context));
  }
  if (isRecord(value)) return Fields.of(value, path, context).json();
  return refuse(
    "INVALID_FIELD",
    path,
    `Field "${path}" must be a JSON value, but it is ${describe(value)} ${context}.`,
  );
}

/** Checks `v` and `type`, and returns the fields tagged with the known type. */
function envelope<const T extends string>(
  value: unknown,
  types: readonly T[],
): Fields & { readonly type: T } {
  const root = Fields.of(value, "", "in the message");
  const v = root.raw("v");
  if (v === undefined) refuse("MISSING_FIELD", "v", `Field "v" (the protocol version) is missing.`);
  if (v !== PROTOCOL_VERSION) {
    refuse(
      typeof v === "number" ? "VERSION_MISMATCH" : "INVALID_FIELD",
      "v",
      `This page speaks protocol version ${PROTOCOL_VERSION}, but the message says version ${JSON.stringify(v)}.`,
    );
  }
  if (!root.has("type")) refuse("MISSING_FIELD", "type", `Field "type" is missing.`);
  const type = root.str("type");
  const known = types.find((candidate) => candidate === type);
  if (known === undefined) {
    refuse(
      "UNKNOWN_TYPE",
      "type",
      `Unknown message type ${JSON.stringify(type)}; expected one of: ${types.join(", ")}.`,
    );
  }
  const context = `in a "${known}" message`;
  return Object.assign(Fields.of(value, "", context), { type: known });
}

function namespaceRef(fields: Fields): NamespaceRef {
  return { host: fields.str("host"), netns: fields.str("netns") };
}

function editCommand(fields: Fields): EditCommand {
  return { netns: namespaceRef(fields.obj("netns")), line: fields.str("line") };
}

function editOutcome(fields: Fields): EditOutcome {
  return {
    netns: namespaceRef(fields.obj("netns")),
    line: fields.str("line"),
    exit: fields.int("exit"),
    stdout: fields.str("stdout"),
    stderr: fields.str("stderr"),
  };
}

function position(fields: Fields): Position {
  return {
    host: fields.str("host"),
    netns: fields.str("netns"),
    x: fields.num("x"),
    y: fields.num("y"),
  };
}

function savedProbe(fields: Fields): SavedProbe {
  const from = namespaceRef(fields.obj("from"));
  return fields.has("ping") ? { from, ping: fields.str("ping") } : { from, run: fields.str("run") };
}

function deviceRef(fields: Fields): DeviceRef {
  return { host: fields.str("host"), netns: fields.str("netns"), device: fields.str("device") };
}

function stateEntry(fields: Fields): StateEntry {
  return { device: fields.nullableStr("device"), key: fields.str("key"), text: fields.str("text") };
}

function liveInfo(message: Fields, key: string): LiveInfo | null {
  if (message.raw(key) === null) return null;
  const fields = message.obj(key);
  return { labId: fields.str("labId"), canEdit: fields.bool("canEdit") };
}

function sessionToken(fields: Fields): SessionToken {
  return { id: fields.str("id"), secret: fields.str("secret") };
}

function sharedRef(fields: Fields): SharedRef {
  const version = fields.has("version") ? { version: fields.int("version", 1) } : {};
  return { id: fields.str("id"), secret: fields.str("secret"), ...version };
}

function namespaceAdded(fields: Fields): NamespaceAdded {
  return { host: fields.str("host"), netns: fields.str("netns"), root: fields.bool("root") };
}

function deviceUpsert(fields: Fields): DeviceUpsert {
  return {
    host: fields.str("host"),
    netns: fields.str("netns"),
    device: device(fields.obj("device")),
  };
}

function topology(fields: Fields): Topology {
  return {
    hosts: fields.list("hosts", host),
    links: fields.list("links", link),
    switches: fields.has("switches") ? fields.list("switches", underlaySwitch) : [],
  };
}

function underlaySwitch(fields: Fields): UnderlaySwitch {
  return { name: fields.str("name"), ports: fields.list("ports", deviceRef) };
}

function host(fields: Fields): Host {
  return { name: fields.str("name"), namespaces: fields.list("namespaces", namespace) };
}

function namespace(fields: Fields): Namespace {
  return {
    name: fields.str("name"),
    root: fields.bool("root"),
    devices: fields.list("devices", device),
  };
}

function device(fields: Fields): Device {
  return {
    name: fields.str("name"),
    ifindex: fields.int("ifindex", 0),
    kind: fields.str("kind"),
    mac: fields.str("mac"),
    mtu: fields.int("mtu", 0),
    up: fields.bool("up"),
    carrier: fields.bool("carrier"),
    master: fields.nullableStr("master"),
    addresses: fields.strList("addresses"),
  };
}

function link(fields: Fields): Link {
  return {
    kind: fields.str("kind"),
    a: deviceRef(fields.obj("a")),
    b: deviceRef(fields.obj("b")),
  };
}

/**
 * The optional fields of a step are read only when present, and left out when absent, so a
 * step round-trips to the JSON it came from; their kinds (step, disposition, hook, change) are
 * open strings, so a newer server's additions pass.
 */
function traceStep(fields: Fields): TraceStep {
  return {
    seq: fields.int("seq", 0),
    causeSeq: fields.nullableInt("causeSeq"),
    timeNs: fields.int("timeNs", 0),
    location: stepLocation(fields.obj("location")),
    kind: fields.str("kind"),
    sentence: fields.str("sentence"),
    headers: fields.list("headers", header),
    disposition: fields.nullableStr("disposition"),
    ...(fields.has("changes") && { changes: fields.list("changes", stateChange) }),
    ...(fields.has("details") && { details: fields.strList("details") }),
  };
}

function stepLocation(fields: Fields): StepLocation {
  return {
    host: fields.str("host"),
    netns: fields.str("netns"),
    device: fields.nullableStr("device"),
    ...(fields.has("netfilter") && { netfilter: netfilterLocation(fields.obj("netfilter")) }),
  };
}

function netfilterLocation(fields: Fields): NetfilterLocation {
  return {
    hook: fields.str("hook"),
    ...(fields.has("table") && { table: fields.str("table") }),
    ...(fields.has("chain") && { chain: fields.str("chain") }),
    ...(fields.has("rule") && { rule: fields.int("rule", 1) }),
    ...(fields.has("ruleText") && { ruleText: fields.str("ruleText") }),
  };
}

function stateChange(fields: Fields): StateChange {
  return {
    kind: fields.str("kind"),
    where: stepLocation(fields.obj("where")),
    key: fields.str("key"),
    before: fields.nullableStr("before"),
    after: fields.nullableStr("after"),
  };
}

/**
 * A known layer is checked field by field; any other layer is kept as it came. Any layer may
 * carry `depth`, the number of tunnels it lies inside (absent on the packet on the wire).
 */
function header(fields: Fields): Header {
  const layer = fields.str("layer");
  const known = HEADER_LAYERS.find((candidate) => candidate === layer);
  const depth = fields.has("depth") ? fields.int("depth", 0, MAX_DEPTH) : undefined;
  if (known === undefined) {
    const other = { ...fields.json(), layer };
    return depth === undefined ? other : { ...other, depth };
  }
  const parsed = knownHeader(fields, known);
  return depth === undefined ? parsed : { ...parsed, depth };
}

/** Tunnels inside tunnels deeper than this are refused as malformed. */
const MAX_DEPTH = 8;

function knownHeader(fields: Fields, layer: KnownHeader["layer"]): KnownHeader {
  switch (layer) {
    case "ethernet":
      return {
        layer,
        src: fields.str("src"),
        dst: fields.str("dst"),
        etherType: fields.str("etherType"),
      };
    case "vlan":
      return {
        layer,
        vid: fields.int("vid", 0, 4094),
        pcp: fields.int("pcp", 0, 7),
        dei: fields.bool("dei"),
        etherType: fields.str("etherType"),
      };
    case "arp":
      return {
        layer,
        op: fields.oneOf("op", ["request", "reply"]),
        senderMac: fields.str("senderMac"),
        senderIp: fields.str("senderIp"),
        targetMac: fields.str("targetMac"),
        targetIp: fields.str("targetIp"),
      };
    case "ipv4":
      return {
        layer,
        src: fields.str("src"),
        dst: fields.str("dst"),
        ttl: fields.int("ttl", 0, 255),
        protocol: fields.str("protocol"),
        id: fields.int("id", 0, 65535),
        totalLength: fields.int("totalLength", 0, 65535),
      };
    case "icmp":
      return {
        layer,
        icmpType: fields.int("icmpType", 0, 255),
        code: fields.int("code", 0, 255),
        description: fields.str("description"),
        id: fields.int("id", 0, 65535),
        sequence: fields.int("sequence", 0, 65535),
      };
    case "udp":
      return {
        layer,
        srcPort: fields.int("srcPort", 0, 65535),
        dstPort: fields.int("dstPort", 0, 65535),
        length: fields.int("length", 0, 65535),
      };
    case "tcp":
      return {
        layer,
        srcPort: fields.int("srcPort", 0, 65535),
        dstPort: fields.int("dstPort", 0, 65535),
        flags: fields.str("flags"),
      };
    case "vxlan":
      return {
        layer,
        flags: fields.int("flags", 0, 255),
        vni: fields.int("vni", 0, 16777215),
      };
  }
}
