/** Tests the protocol validators against the shared example messages and against malformed input. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  encodeClientMessage,
  parseServerMessage,
  validateClientMessage,
  validateServerMessage,
  type ProtocolError,
  type Validated,
} from "./protocol";

const examplesDir = new URL("../../../backend/src/test/resources/protocol/", import.meta.url);
const exampleFiles = readdirSync(examplesDir).filter((name) => name.endsWith(".json"));

function example(name: string): string {
  return readFileSync(new URL(name, examplesDir), "utf8");
}

function failure<T>(result: Validated<T>): ProtocolError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function serverStep(overrides: Record<string, unknown>): unknown {
  const message: unknown = JSON.parse(example("server-trace-step.json"));
  if (typeof message !== "object" || message === null || !("step" in message)) {
    throw new Error("server-trace-step.json has no step");
  }
  const step: unknown = message.step;
  if (typeof step !== "object" || step === null) throw new Error("step is not an object");
  return { ...message, step: { ...step, ...overrides } };
}

describe("shared example messages", () => {
  it("include both client and server messages", () => {
    expect(exampleFiles.filter((name) => name.startsWith("client-")).length).toBeGreaterThan(0);
    expect(exampleFiles.filter((name) => name.startsWith("server-")).length).toBeGreaterThan(0);
    expect(
      exampleFiles.every((name) => name.startsWith("client-") || name.startsWith("server-")),
    ).toBe(true);
  });

  it.each(exampleFiles.filter((name) => name.startsWith("client-")))(
    "%s validates as a client message and round-trips",
    (name) => {
      const text = example(name);
      const result = validateClientMessage(JSON.parse(text));
      if (!result.ok) throw new Error(result.error.message);
      const original: unknown = JSON.parse(text);
      expect(JSON.parse(encodeClientMessage(result.value))).toEqual(original);
      expect(validateClientMessage(JSON.parse(JSON.stringify(result.value)))).toEqual(result);
    },
  );

  it.each(exampleFiles.filter((name) => name.startsWith("server-")))(
    "%s validates as a server message and round-trips",
    (name) => {
      const text = example(name);
      const result = parseServerMessage(text);
      if (!result.ok) throw new Error(result.error.message);
      const original: unknown = JSON.parse(text);
      expect(JSON.parse(JSON.stringify(result.value))).toEqual(original);
      expect(validateServerMessage(JSON.parse(JSON.stringify(result.value)))).toEqual(result);
    },
  );

  it("carry a netfilter rule match with its rule and counter change", () => {
    const result = parseServerMessage(example("server-trace-step-netfilter.json"));
    if (!result.ok || result.value.type !== "traceStep") throw new Error("refused");
    const { location, kind, changes } = result.value.step;
    expect(kind).toBe("NF_RULE_MATCH");
    expect(location.netfilter).toMatchObject({ hook: "INPUT", table: "filter", rule: 2 });
    expect(location.netfilter?.ruleText).toMatch(/^-A INPUT /);
    expect(changes?.map((change) => [change.kind, change.key])).toEqual([
      ["counter", "filter INPUT 2"],
    ]);
  });

  it("carry a NAT rewrite with its conntrack change", () => {
    const result = parseServerMessage(example("server-trace-step-nat.json"));
    if (!result.ok || result.value.type !== "traceStep") throw new Error("refused");
    expect(result.value.step.kind).toBe("NAT_REWRITE");
    expect(result.value.step.changes?.[0]?.kind).toBe("conntrack");
    expect(result.value.step.changes?.[0]?.after).toMatch(/dst=198\.51\.100\.1/);
  });

  it("are not accepted in the wrong direction", () => {
    expect(failure(parseServerMessage(example("client-hello.json"))).reason).toBe("UNKNOWN_TYPE");
    expect(failure(validateClientMessage(JSON.parse(example("server-welcome.json")))).reason).toBe(
      "UNKNOWN_TYPE",
    );
  });
});

describe("malformed messages", () => {
  it("reads a topology from a server that predates switches as one without any", () => {
    const welcome = JSON.parse(example("server-welcome.json")) as Record<string, unknown>;
    const topology = welcome["topology"] as Record<string, unknown>;
    delete topology["switches"];
    const result = parseServerMessage(JSON.stringify(welcome));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.type === "welcome" && result.value.topology.switches).toEqual([]);
  });

  it("keeps a link of a kind this page does not know, so a newer server cannot break it", () => {
    const welcome = JSON.parse(example("server-welcome.json")) as Record<string, unknown>;
    const topology = welcome["topology"] as { links: Record<string, unknown>[] };
    const first = topology.links[0];
    if (first === undefined) throw new Error("the example welcome has no link");
    topology.links.push({ ...first, kind: "geneve-tunnel" });
    const result = parseServerMessage(JSON.stringify(welcome));
    if (!result.ok) throw new Error(result.error.message);
    const links = result.value.type === "welcome" ? result.value.topology.links : [];
    expect(links.map((link) => link.kind)).toContain("geneve-tunnel");
  });

  it("refuses text that is not JSON", () => {
    const error = failure(parseServerMessage("{ nope"));
    expect(error.reason).toBe("MALFORMED_JSON");
    expect(error.message).toMatch(/not JSON/);
  });

  it("refuses JSON that is not an object", () => {
    expect(failure(parseServerMessage("[1, 2]")).message).toBe(
      "The message must be a JSON object, but it is an array.",
    );
  });

  it("names a missing type", () => {
    const error = failure(validateServerMessage({ v: 2 }));
    expect(error).toEqual({
      reason: "MISSING_FIELD",
      path: "type",
      message: 'Field "type" is missing.',
    });
  });

  it("names a missing version", () => {
    expect(failure(validateClientMessage({ type: "hello" })).reason).toBe("MISSING_FIELD");
  });

  it("refuses another protocol version", () => {
    const error = failure(validateClientMessage({ v: 1, type: "hello" }));
    expect(error.reason).toBe("VERSION_MISMATCH");
    expect(error.message).toBe(
      "This page speaks protocol version 2, but the message says version 1.",
    );
  });

  it("refuses a version that is not a number", () => {
    expect(failure(validateClientMessage({ v: "1", type: "hello" })).reason).toBe("INVALID_FIELD");
  });

  it("refuses an unknown type and lists the known ones", () => {
    const error = failure(validateClientMessage({ v: 2, type: "teleport" }));
    expect(error.reason).toBe("UNKNOWN_TYPE");
    expect(error.message).toBe(
      'Unknown message type "teleport"; expected one of: hello, ping, command, exportLab, edit, place, inspect, present, follow.',
    );
  });

  it("names a missing field with its message type", () => {
    const error = failure(validateServerMessage({ v: 2, type: "traceStart", requestId: "r1" }));
    expect(error).toEqual({
      reason: "MISSING_FIELD",
      path: "title",
      message: 'Field "title" is missing in a "traceStart" message.',
    });
  });

  it("names a field of the wrong type with its full path", () => {
    const error = failure(validateServerMessage(serverStep({ timeNs: "2000" })));
    expect(error).toEqual({
      reason: "INVALID_FIELD",
      path: "step.timeNs",
      message:
        'Field "step.timeNs" must be an integer of at least 0, but it is the string "2000" in a "traceStep" message.',
    });
  });

  it("names a wrong field deep inside the topology", () => {
    const welcome: unknown = JSON.parse(example("server-welcome.json"));
    const text = JSON.stringify(welcome).replace('"up":true', '"up":"yes"');
    const error = failure(parseServerMessage(text));
    expect(error.reason).toBe("INVALID_FIELD");
    expect(error.path).toBe("topology.hosts[0].namespaces[1].devices[1].up");
  });

  it("refuses an exit code that is not an integer", () => {
    const error = failure(
      validateServerMessage({
        v: 2,
        type: "commandResult",
        requestId: "r2",
        exit: 0.5,
        stdout: "",
        stderr: "",
        stopped: null,
      }),
    );
    expect(error.path).toBe("exit");
    expect(error.reason).toBe("INVALID_FIELD");
  });

  it("refuses an error reason outside the closed list", () => {
    const error = failure(
      validateServerMessage({
        v: 2,
        type: "error",
        requestId: null,
        reason: "OOPS",
        message: "x",
      }),
    );
    expect(error.path).toBe("reason");
    expect(error.message).toMatch(/must be one of MALFORMED_JSON, MISSING_FIELD/);
  });

  it("refuses a header whose layer is not a string", () => {
    const error = failure(validateServerMessage(serverStep({ headers: [{ layer: 7 }] })));
    expect(error.path).toBe("step.headers[0].layer");
    expect(error.reason).toBe("INVALID_FIELD");
  });

  it("still checks a known header layer field by field", () => {
    const error = failure(
      validateServerMessage(
        serverStep({ headers: [{ layer: "ipv4", src: "10.0.0.1", dst: "10.0.0.2", ttl: "64" }] }),
      ),
    );
    expect(error.path).toBe("step.headers[0].ttl");
  });

  it("refuses a netfilter location without a hook", () => {
    const location = { host: "host1", netns: "ns1", device: null, netfilter: { table: "nat" } };
    const error = failure(validateServerMessage(serverStep({ location })));
    expect(error).toMatchObject({ reason: "MISSING_FIELD", path: "step.location.netfilter.hook" });
  });

  it("refuses a rule number that is not a positive integer", () => {
    const netfilter = { hook: "FORWARD", table: "filter", chain: "FORWARD", rule: 0 };
    const location = { host: "host1", netns: "ns1", device: null, netfilter };
    const error = failure(validateServerMessage(serverStep({ location })));
    expect(error.path).toBe("step.location.netfilter.rule");
  });

  it("refuses changes that are not a list of changes", () => {
    expect(failure(validateServerMessage(serverStep({ changes: {} }))).path).toBe("step.changes");
    const change = { kind: "counter", where: { host: "host1", netns: "ns1", device: null } };
    const error = failure(validateServerMessage(serverStep({ changes: [{ ...change, key: 3 }] })));
    expect(error.path).toBe("step.changes[0].key");
  });

  it("refuses a change whose before is neither a string nor null", () => {
    const change = {
      kind: "conntrack",
      where: { host: "host1", netns: "ns1", device: null },
      key: "k",
      before: 1,
      after: null,
    };
    const error = failure(validateServerMessage(serverStep({ changes: [change] })));
    expect(error.path).toBe("step.changes[0].before");
  });

  it("refuses details that are not strings", () => {
    const error = failure(validateServerMessage(serverStep({ details: ["-A X -j ACCEPT", 2] })));
    expect(error.path).toBe("step.details[1]");
  });

  it("refuses a device kind that is not a string", () => {
    const welcome: unknown = JSON.parse(example("server-welcome.json"));
    const text = JSON.stringify(welcome).replace('"kind":"veth"', '"kind":3');
    const error = failure(parseServerMessage(text));
    expect(error.reason).toBe("INVALID_FIELD");
    expect(error.path).toMatch(/devices\[\d+\]\.kind$/);
  });

  it("refuses a ping to something that is not an IPv4 address", () => {
    const ping = JSON.parse(example("client-ping.json")) as Record<string, unknown>;
    const error = failure(validateClientMessage({ ...ping, to: "10.0.0" }));
    expect(error.path).toBe("to");
    expect(error.reason).toBe("INVALID_FIELD");
  });

  it("refuses a ping count outside 1..10", () => {
    const ping = JSON.parse(example("client-ping.json")) as Record<string, unknown>;
    expect(failure(validateClientMessage({ ...ping, count: 11 })).message).toBe(
      'Field "count" must be an integer from 1 to 10, but it is the number 11 in a "ping" message.',
    );
  });
});

describe("tolerance", () => {
  it("accepts step kinds it does not know as plain strings", () => {
    const result = validateServerMessage(serverStep({ kind: "WORMHOLE_ENTERED" }));
    expect(result.ok && result.value.type === "traceStep" && result.value.step.kind).toBe(
      "WORMHOLE_ENTERED",
    );
  });

  it("accepts dispositions it does not know", () => {
    const result = validateServerMessage(serverStep({ disposition: "EATEN_BY_GRUE" }));
    expect(result.ok && result.value.type === "traceStep" && result.value.step.disposition).toBe(
      "EATEN_BY_GRUE",
    );
  });

  it("accepts header layers it does not know and keeps their fields as they came", () => {
    const geneve = { layer: "geneve", vni: 42, flags: "I", extra: { nested: [1, null] } };
    const result = validateServerMessage(serverStep({ headers: [geneve] }));
    expect(result.ok && result.value.type === "traceStep" && result.value.step.headers).toEqual([
      geneve,
    ]);
  });

  it("accepts an EtherType and an IP protocol it does not know", () => {
    const headers = [
      { layer: "ethernet", src: "a", dst: "b", etherType: "802.1Q" },
      {
        layer: "ipv4",
        src: "10.0.0.1",
        dst: "10.0.0.2",
        ttl: 64,
        protocol: "GRE",
        id: 1,
        totalLength: 60,
      },
    ];
    expect(validateServerMessage(serverStep({ headers })).ok).toBe(true);
  });

  it("accepts device kinds it does not know", () => {
    const welcome: unknown = JSON.parse(example("server-welcome.json"));
    const text = JSON.stringify(welcome).replace('"kind":"veth"', '"kind":"vxlan"');
    const result = parseServerMessage(text);
    if (!result.ok || result.value.type !== "welcome") throw new Error("refused");
    const kinds = result.value.topology.hosts.flatMap((host) =>
      host.namespaces.flatMap((namespace) => namespace.devices.map((device) => device.kind)),
    );
    expect(kinds).toContain("vxlan");
  });

  it("accepts netfilter locations, state changes and details of kinds it does not know", () => {
    const where = { host: "host1", netns: "ns1", device: null };
    const step = {
      kind: "NF_FLOWTABLE_OFFLOAD",
      disposition: "NF_QUEUED",
      location: { ...where, netfilter: { hook: "INGRESS" } },
      changes: [{ kind: "flowtable", where, key: "ft0", before: null, after: "offloaded" }],
      details: ["line one"],
    };
    const result = validateServerMessage(serverStep(step));
    if (!result.ok || result.value.type !== "traceStep") throw new Error("refused");
    expect(result.value.step).toMatchObject(step);
  });

  it("leaves out optional step fields the message leaves out", () => {
    const result = parseServerMessage(example("server-trace-step.json"));
    if (!result.ok || result.value.type !== "traceStep") throw new Error("refused");
    expect(Object.keys(result.value.step)).not.toContain("changes");
    expect(Object.keys(result.value.step)).not.toContain("details");
    expect(Object.keys(result.value.step.location)).not.toContain("netfilter");
  });

  it("reads a ping without count as count 1", () => {
    const result = validateClientMessage({
      v: 2,
      type: "ping",
      requestId: "r9",
      from: { host: "host1", netns: "ns1" },
      to: "10.0.0.2",
    });
    expect(result.ok && result.value.type === "ping" && result.value.count).toBe(1);
  });

  it("ignores fields it does not know", () => {
    const result = validateClientMessage({ v: 2, type: "hello", extra: true });
    expect(result).toEqual({ ok: true, value: { v: 2, type: "hello" } });
  });
});
