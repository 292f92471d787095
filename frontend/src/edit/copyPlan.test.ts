/** Tests pasting copies of namespaces: fresh names within 15 bytes, devices wired again, fresh addresses. */
import { describe, expect, it } from "vitest";
import { twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import { copyName, nextFreeAddress, pastePlan } from "./copyPlan";

const lines = (plan: { commands: readonly { line: string }[] } | null) =>
  plan?.commands.map((command) => command.line) ?? null;

describe("copyName", () => {
  it("numbers the name afresh and keeps it within 15 bytes", () => {
    expect(copyName("ns1", new Set(["ns1", "ns2"]))).toBe("ns3");
    expect(copyName("pod", new Set(["pod"]))).toBe("pod1");
    const long = copyName("averylongname15", new Set(["averylongname15"]));
    expect(long).toBe("averylongname1");
    expect(new TextEncoder().encode(copyName("ääääääää", new Set())).length).toBeLessThanOrEqual(
      15,
    );
  });
});

describe("nextFreeAddress", () => {
  it("takes the next address of the prefix that is free, skipping network and broadcast", () => {
    expect(nextFreeAddress("10.0.0.1/24", new Set(["10.0.0.1", "10.0.0.2"]))).toBe("10.0.0.3/24");
    expect(nextFreeAddress("10.0.0.254/24", new Set(["10.0.0.254"]))).toBe("10.0.0.1/24");
    expect(nextFreeAddress("10.0.0.1/30", new Set(["10.0.0.1", "10.0.0.2"]))).toBeNull();
    expect(nextFreeAddress("fd00::1/64", new Set())).toBeNull();
  });
});

describe("pastePlan", () => {
  it("copies a pod on a bridge: a new pair to the same bridge, a fresh address, all up", () => {
    const plan = pastePlan(twoPodsOnABridge, ["host1/pod1"]);
    expect(plan?.label).toBe("pasted pod3 (copies of pod1)");
    expect(plan?.target).toBe("host1/pod3");
    expect(lines(plan)).toEqual([
      "ip netns add pod3",
      "ip link add veth1 type veth peer name veth2",
      "ip link set veth1 netns pod3",
      "ip link set veth2 master br0",
      "ip netns exec pod3 ip addr add 10.0.0.3/24 dev veth1",
      "ip netns exec pod3 ip link set veth1 up",
      "ip link set veth2 up",
    ]);
  });

  it("copies two joined namespaces as two joined copies, and leaves out roots and unknown ids", () => {
    const plan = pastePlan(twoNamespaces, ["host1/ns1", "host1/ns2", "host1/", "host1/gone"]);
    expect(lines(plan)).toEqual([
      "ip netns add ns3",
      "ip netns add ns4",
      "ip link add veth3 type veth peer name veth4",
      "ip link set veth3 netns ns3",
      "ip link set veth4 netns ns4",
      "ip netns exec ns3 ip addr add 10.0.0.3/24 dev veth3",
      "ip netns exec ns4 ip addr add 10.0.0.4/24 dev veth4",
      "ip netns exec ns3 ip link set veth3 up",
      "ip netns exec ns4 ip link set veth4 up",
    ]);
    expect(pastePlan(twoNamespaces, ["host1/", "host1/gone"])).toBeNull();
  });

  it("gives a copy wired straight to an outside namespace no address, so that prefix keeps one link", () => {
    expect(lines(pastePlan(twoNamespaces, ["host1/ns2"]))).toEqual([
      "ip netns add ns3",
      "ip link add veth3 type veth peer name veth4",
      "ip link set veth3 netns ns3",
      "ip link set veth4 netns ns1",
      "ip netns exec ns3 ip link set veth3 up",
      "ip netns exec ns1 ip link set veth4 up",
    ]);
  });
});
