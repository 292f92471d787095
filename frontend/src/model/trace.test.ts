import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseServerMessage } from "../protocol/protocol";
import { isWrapped, packetFamily, type TraceStep } from "./trace";

const examples = new URL("../../../backend/src/test/resources/protocol/", import.meta.url);

function step(name: string): TraceStep {
  const result = parseServerMessage(readFileSync(new URL(name, examples), "utf8"));
  if (!result.ok || result.value.type !== "traceStep") throw new Error(`${name} is no trace step`);
  return result.value.step;
}

describe("a packet inside a tunnel", () => {
  it("is wrapped and keeps the family of the packet it carries", () => {
    const wrapped = step("server-trace-step-vxlan.json");
    expect(isWrapped(wrapped.headers)).toBe(true);
    expect(packetFamily(wrapped.headers)).toBe("icmp");
  });

  it("is not wrapped on an ordinary wire", () => {
    const plain = step("server-trace-step.json");
    expect(isWrapped(plain.headers)).toBe(false);
  });
});
