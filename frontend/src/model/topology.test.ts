/** Tests the topology naming and visibility rules. */
import { describe, expect, it } from "vitest";
import { device, downLoopback, namespace, twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import {
  firstIPv4,
  isIPv4,
  namespaceKey,
  namespaceLabel,
  visibleDevices,
  visibleNamespaces,
} from "./topology";

describe("topology rules", () => {
  it("skips a root namespace that holds only lo", () => {
    expect(visibleNamespaces(twoNamespaces).map(({ ref }) => namespaceKey(ref))).toEqual([
      "host1/ns1",
      "host1/ns2",
    ]);
  });

  it("shows a root namespace with other devices, labelled by its host", () => {
    const [root] = visibleNamespaces(twoPodsOnABridge);
    expect(root && namespaceLabel(root.ref)).toBe("host1 (root)");
  });

  it("hides lo while it is down and shows it when up", () => {
    const upLoopback = { ...downLoopback, up: true };
    expect(visibleDevices(namespace("ns1", [])).map((d) => d.name)).toEqual([]);
    expect(visibleDevices({ name: "ns1", root: false, devices: [upLoopback] })).toEqual([
      upLoopback,
    ]);
  });

  it("finds the first IPv4 address", () => {
    expect(firstIPv4(device("eth0", { addresses: ["fe80::1/64", "10.0.0.1/24"] }))).toBe(
      "10.0.0.1/24",
    );
    expect(firstIPv4(device("eth0"))).toBeNull();
  });

  it("accepts dotted quads only", () => {
    expect(["10.0.0.2", "0.0.0.0", "255.255.255.255"].every(isIPv4)).toBe(true);
    expect(["10.0.0", "10.0.0.256", "010.0.0.1", "a.b.c.d", "10.0.0.1/24", ""].some(isIPv4)).toBe(
      false,
    );
  });
});
