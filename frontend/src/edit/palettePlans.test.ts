/** Tests the palette's ready-made things: router, internet host, underlay switch, VTEP, and where a drop puts them. */
import { newHostPlan } from "./commands";
import { describe, expect, it } from "vitest";
import { twoHostsOnASwitch, twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import type { Topology } from "../model/topology";
import { paletteDrop } from "./paletteDrop";
import {
  freeInternetRange,
  internetPlan,
  routerPlan,
  underlaySwitchPlan,
  vtepPlan,
} from "./palettePlans";

const lines = (plan: { commands: readonly { line: string }[] }) =>
  plan.commands.map((command) => command.line);

describe("palette plans", () => {
  it("makes a router namespace that forwards", () => {
    const plan = routerPlan(twoNamespaces, "host1");
    expect(plan.name).toBe("router1");
    expect(plan.target).toBe("host1/router1");
    expect(lines(plan)).toEqual([
      "ip netns add router1",
      "ip netns exec router1 ip link set lo up",
      "ip netns exec router1 sysctl -w net.ipv4.ip_forward=1",
    ]);
  });

  it("hangs an internet host off a namespace in the first free documentation range", () => {
    const plan = internetPlan(twoNamespaces, { host: "host1", netns: "ns1" });
    expect(plan?.name).toBe("internet1");
    expect(plan === null ? null : lines(plan)).toEqual([
      "ip netns add internet1",
      "ip netns exec internet1 ip link set lo up",
      "ip link add veth3 type veth peer name veth4",
      "ip link set veth3 netns ns1",
      "ip link set veth4 netns internet1",
      "ip netns exec ns1 ip addr add 203.0.113.1/24 dev veth3",
      "ip netns exec internet1 ip addr add 203.0.113.10/24 dev veth4",
      "ip netns exec ns1 ip link set veth3 up",
      "ip netns exec internet1 ip link set veth4 up",
    ]);
    expect(plan?.label).toBe("added internet host internet1 (203.0.113.10) behind ns1");
  });

  it("moves to the next documentation range when one is in use, and gives up after the last", () => {
    const using = (addresses: string[]): Topology => ({
      ...twoNamespaces,
      hosts: twoNamespaces.hosts.map((host) => ({
        ...host,
        namespaces: host.namespaces.map((ns) =>
          ns.name === "ns1"
            ? {
                ...ns,
                devices: ns.devices.map((d) => (d.name === "veth1" ? { ...d, addresses } : d)),
              }
            : ns,
        ),
      })),
    });
    expect(freeInternetRange(using(["203.0.113.1/24"]))).toBe("198.51.100");
    const full = using(["203.0.113.1/24", "198.51.100.1/24", "192.0.2.1/24"]);
    expect(freeInternetRange(full)).toBeNull();
    expect(internetPlan(full, { host: "host1", netns: "" })).toBeNull();
    expect(paletteDrop(full, "internet", null, []).kind).toBe("refused");
  });

  it("adds an underlay switch, and a host added after it comes plugged into it", () => {
    const plan = underlaySwitchPlan(twoNamespaces, "host1");
    expect(plan.target).toBe("host1/");
    expect(lines(plan)).toEqual(["pw switch add sw1"]);
    const taken = twoHostsOnASwitch.switches?.[0]?.name ?? "";
    expect(lines(underlaySwitchPlan(twoHostsOnASwitch, "host1"))).not.toEqual([
      `pw switch add ${taken}`,
    ]);
    const host = newHostPlan(twoHostsOnASwitch);
    expect(host.commands.map((c) => `${c.netns.host}: ${c.line}`)).toEqual([
      "host1: pw host add host4",
      `host4: pw nic add host4 eth0 switch ${taken}`,
      "host4: ip link set eth0 up",
    ]);
  });

  it("binds a VTEP to the namespace's physical NIC when it has one", () => {
    const onNic = vtepPlan(twoHostsOnASwitch, { host: "host1", netns: "" });
    expect(lines(onNic)).toEqual([
      "ip link add vxlan1 type vxlan id 101 dstport 4789 dev eth0",
      "ip link set vxlan1 up",
    ]);
    expect(onNic.commands[0]?.netns).toEqual({ host: "host1", netns: "" });
    expect(lines(vtepPlan(twoNamespaces, { host: "host1", netns: "ns1" }))[0]).toBe(
      "ip link add vxlan1 type vxlan id 101 dstport 4789",
    );
  });
});

describe("paletteDrop", () => {
  it("makes a namespace or router in the host box it is dropped on", () => {
    const drop = paletteDrop(twoHostsOnASwitch, "namespace", { kind: "host", name: "host2" }, []);
    expect(drop.kind === "plan" && drop.plan.target).toBe("host2/ns1");
    expect(drop.kind === "plan" && drop.newNamespace).toBe("ns1");
    const router = paletteDrop(
      twoHostsOnASwitch,
      "router",
      { kind: "namespace", key: "host2/pod1" },
      [],
    );
    expect(router.kind === "plan" && router.plan.commands[0]?.netns.host).toBe("host2");
  });

  it("puts a bridge or VTEP in the namespace under it or selected, and refuses empty space", () => {
    const bridge = paletteDrop(twoPodsOnABridge, "bridge", null, ["host1/pod1/eth0"]);
    expect(bridge.kind === "plan" && bridge.plan.target).toBe("host1/pod1");
    expect(paletteDrop(twoPodsOnABridge, "vtep", null, []).kind).toBe("refused");
    const onHost = paletteDrop(twoHostsOnASwitch, "vtep", { kind: "host", name: "host1" }, []);
    expect(onHost.kind === "plan" && onHost.plan.target).toBe("host1/");
  });

  it("adds a host with pw host add", () => {
    const drop = paletteDrop(twoNamespaces, "host", null, []);
    expect(drop.kind === "plan" && lines(drop.plan)).toEqual(["pw host add host2"]);
  });
});
