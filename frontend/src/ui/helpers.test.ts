/** Tests the console history, namespace choices and playback keys. */
import { describe, expect, it } from "vitest";
import { twoHostsOnASwitch, twoNamespaces, twoPodsOnABridge } from "../testing/labs";
import { emptyHistory, newer, older, remember } from "./history";
import { playbackKey, type KeyPress } from "./keyboard";
import { chooseNamespace, namespaceAfter, namespaceOptions, selectedNamespace } from "./namespaces";

describe("console history", () => {
  const history = ["ip -br addr", "ip route"].reduce(remember, emptyHistory);

  it("walks back through sent lines and stops at the oldest", () => {
    const first = older(history, "");
    expect(first.text).toBe("ip route");
    const second = older(first.history, first.text);
    expect(second.text).toBe("ip -br addr");
    expect(older(second.history, second.text).text).toBe("ip -br addr");
  });

  it("walks forward again to the line being typed", () => {
    const up = older(history, "ping 10.0");
    const down = newer(up.history, up.text);
    expect(down.text).toBe("ping 10.0");
    expect(newer(down.history, down.text).text).toBe("ping 10.0");
  });

  it("skips blank lines and repeats", () => {
    const more = remember(remember(history, "ip route"), "  ");
    expect(more.entries).toEqual(["ip -br addr", "ip route"]);
  });

  it("does nothing without history", () => {
    expect(older(emptyHistory, "x")).toEqual({ history: emptyHistory, text: "x" });
  });
});

describe("namespace choices", () => {
  it("lists every namespace, root included, labelled for people", () => {
    expect(namespaceOptions(twoNamespaces).map((option) => [option.key, option.label])).toEqual([
      ["host1/", "host1 (root)"],
      ["host1/ns1", "ns1"],
      ["host1/ns2", "ns2"],
    ]);
  });

  it("labels named namespaces with their host once there are several hosts", () => {
    const labels = namespaceOptions(twoHostsOnASwitch).map((option) => option.label);
    expect(labels).toContain("pod (host2)");
    expect(labels.every((label) => label.endsWith(")"))).toBe(true);
  });

  it("defaults to ns1 and keeps a choice that still exists", () => {
    const options = namespaceOptions(twoNamespaces);
    expect(chooseNamespace(options, null)).toBe("host1/ns1");
    expect(chooseNamespace(options, "host1/ns2")).toBe("host1/ns2");
    expect(chooseNamespace(options, "host1/gone")).toBe("host1/ns1");
  });

  it("falls back to the first named namespace without ns1", () => {
    expect(chooseNamespace(namespaceOptions(twoPodsOnABridge), null)).toBe("host1/pod1");
    expect(chooseNamespace([], null)).toBe("");
  });
});

describe("the namespace a canvas selection points at", () => {
  const options = namespaceOptions(twoNamespaces);

  it("is the first selected box, or the namespace of the first selected device", () => {
    expect(selectedNamespace(options, ["host1/ns2"])?.key).toBe("host1/ns2");
    expect(selectedNamespace(options, ["host1/ns1/veth1", "host1/ns2"])?.key).toBe("host1/ns1");
    expect(selectedNamespace(options, ["host1/"])?.key).toBe("host1/");
  });

  it("is none for wires, unknown namespaces and an empty selection", () => {
    expect(selectedNamespace(options, ['["veth","host1/ns1/veth1","host1/ns2/veth2"]'])).toBe(null);
    expect(selectedNamespace(options, ["host1/gone"])).toBe(null);
    expect(selectedNamespace(options, [])).toBe(null);
  });
});

describe("pw use in the console", () => {
  const options = namespaceOptions(twoHostsOnASwitch);

  it("moves the choice to the used host's root namespace", () => {
    expect(namespaceAfter(options, "host2/pod", "pw use host1")).toBe("host1/");
    expect(namespaceAfter(options, "host1/", "  pw use host3 ")).toBe("host3/");
  });

  it("keeps the choice for an unknown host and for any other line", () => {
    expect(namespaceAfter(options, "host2/pod", "pw use node9")).toBe("host2/pod");
    expect(namespaceAfter(options, "host2/pod", "pw hosts")).toBe("host2/pod");
    expect(namespaceAfter(options, "host2/pod", "echo pw use host1")).toBe("host2/pod");
  });
});

describe("playback keys", () => {
  const press = (key: string, targetTag = "BODY"): KeyPress => ({
    key,
    targetTag,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
  });

  it("steps with the arrows and toggles with Space", () => {
    expect(playbackKey(press("ArrowRight"))).toBe("forward");
    expect(playbackKey(press("ArrowLeft"))).toBe("back");
    expect(playbackKey(press(" "))).toBe("toggle");
  });

  it("jumps to the start and end with Home and End, and changes speed with [ and ]", () => {
    expect(["Home", "End", "[", "]"].map((key) => playbackKey(press(key)))).toEqual([
      "start",
      "end",
      "slower",
      "faster",
    ]);
    expect(playbackKey({ ...press("End"), shiftKey: true })).toBeNull();
    expect(playbackKey(press("]", "INPUT"))).toBeNull();
  });

  it("leaves keys alone while typing or with modifiers", () => {
    expect(playbackKey(press("ArrowLeft", "INPUT"))).toBeNull();
    expect(playbackKey(press(" ", "BUTTON"))).toBeNull();
    expect(playbackKey({ ...press("ArrowRight"), ctrlKey: true })).toBeNull();
    expect(playbackKey(press("a"))).toBeNull();
  });
});
