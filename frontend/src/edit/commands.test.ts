/** Tests the edit plans: the shell lines each canvas edit becomes. */
import { describe, expect, it } from "vitest";
import { twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import {
  connectPlan,
  deletePlan,
  freeName,
  newBridgePlan,
  newNamespacePlan,
  renamePlan,
  shellWord,
} from "./commands";

const ROOT = { host: "host1", netns: "" };
const lines = (plan: { commands: readonly { line: string }[] } | null) =>
  plan?.commands.map((command) => command.line) ?? null;

describe("deletePlan", () => {
  it("deletes a namespace with ip netns del in the host's root namespace", () => {
    const plan = deletePlan(twoNamespaces, ["host1/ns2"]);
    expect(plan).toEqual({
      label: "deleted ns2",
      commands: [{ netns: ROOT, line: "ip netns del ns2" }],
      target: "host1/ns2",
    });
  });

  it("deletes a device once, leaving out its veth peer, loopback and devices of deleted namespaces", () => {
    expect(lines(deletePlan(twoNamespaces, ["host1/ns1/veth1", "host1/ns2/veth2"]))).toEqual([
      "ip netns exec ns1 ip link del dev veth1",
    ]);
    expect(deletePlan(twoNamespaces, ["host1/ns1/lo"])).toBeNull();
    expect(lines(deletePlan(twoNamespaces, ["host1/ns2", "host1/ns2/veth2"]))).toEqual([
      "ip netns del ns2",
    ]);
  });

  it("takes a bridge port off its bridge and a veth link with one end", () => {
    const link = twoPodsOnABridge.links.find((candidate) => candidate.kind === "bridge-port");
    if (link === undefined) throw new Error("no bridge port");
    const key = `bridge-port:${link.a.host}/${link.a.netns}/${link.a.device}:${link.b.host}/${link.b.netns}/${link.b.device}`;
    expect(lines(deletePlan(twoPodsOnABridge, [key]))?.[0]).toMatch(
      /ip link set dev \S+ nomaster$/,
    );
    expect(lines(deletePlan(twoNamespaces, ["veth:host1/ns1/veth1:host1/ns2/veth2"]))).toEqual([
      "ip netns exec ns1 ip link del dev veth1",
    ]);
  });

  it("cannot delete a root namespace", () => {
    expect(deletePlan(twoNamespaces, ["host1/"])).toBeNull();
  });
});

describe("renamePlan", () => {
  it("takes an up device down for the rename and up again, quoting the new name", () => {
    const plan = renamePlan(twoNamespaces, "host1/ns1/veth1", "<img src=x onerror=alert(1)>");
    expect(lines(plan)).toEqual([
      "ip link set dev veth1 down",
      "ip link set dev veth1 name '<img src=x onerror=alert(1)>'",
      "ip link set dev '<img src=x onerror=alert(1)>' up",
    ]);
    expect(plan?.commands[0]?.netns).toEqual({ host: "host1", netns: "ns1" });
  });

  it("does nothing for the same name or an unknown device", () => {
    expect(renamePlan(twoNamespaces, "host1/ns1/veth1", "veth1")).toBeNull();
    expect(renamePlan(twoNamespaces, "host1/ns1/nope", "x")).toBeNull();
  });
});

describe("new things", () => {
  it("names a new namespace with the first free number and brings its loopback up", () => {
    const plan = newNamespacePlan(twoNamespaces, "host1");
    expect(plan.name).toBe("ns3");
    expect(lines(plan)).toEqual(["ip netns add ns3", "ip netns exec ns3 ip link set lo up"]);
  });

  it("adds a bridge, up, inside the namespace", () => {
    const plan = newBridgePlan(twoNamespaces, { host: "host1", netns: "ns1" });
    expect(plan.commands).toEqual([
      { netns: { host: "host1", netns: "ns1" }, line: "ip link add br1 type bridge" },
      { netns: { host: "host1", netns: "ns1" }, line: "ip link set br1 up" },
    ]);
  });

  it("quotes only words that need it, and finds free names", () => {
    expect(shellWord("veth1")).toBe("veth1");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(freeName("ns", new Set(["ns1", "ns3"]))).toBe("ns2");
  });
});

describe("connectPlan", () => {
  it("makes a veth pair in the root namespace and moves each end into its namespace", () => {
    const plan = connectPlan(
      twoNamespaces,
      { kind: "namespace", key: "host1/ns1" },
      { kind: "namespace", key: "host1/ns2" },
    );
    expect(plan?.label).toBe("connected ns1 to ns2");
    expect(lines(plan)).toEqual([
      "ip link add veth3 type veth peer name veth4",
      "ip link set veth3 netns ns1",
      "ip link set veth4 netns ns2",
      "ip netns exec ns1 ip link set veth3 up",
      "ip netns exec ns2 ip link set veth4 up",
    ]);
  });

  it("makes the far end a port when dropped on a bridge", () => {
    const bridge = twoPodsOnABridge.hosts[0]?.namespaces
      .flatMap((ns) => ns.devices.map((device) => ({ ns: ns.name, device })))
      .find(({ device }) => device.kind === "bridge");
    if (bridge === undefined) throw new Error("no bridge");
    const bridgeKey = `host1/${bridge.ns}/${bridge.device.name}`;
    const plan = connectPlan(
      twoPodsOnABridge,
      { kind: "namespace", key: "host1/pod1" },
      { kind: "device", key: bridgeKey, namespaceKey: `host1/${bridge.ns}` },
    );
    expect(lines(plan)?.some((line) => line.includes(`master ${bridge.device.name}`))).toBe(true);
  });

  it("joins nothing when dropped on empty space or on the namespace it started from", () => {
    const from = { kind: "namespace", key: "host1/ns1" } as const;
    expect(connectPlan(twoNamespaces, from, null)).toBeNull();
    expect(connectPlan(twoNamespaces, from, from)).toBeNull();
  });
});
