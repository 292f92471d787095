// @vitest-environment jsdom
/** Tests the Preact panels in a DOM: event list, ping toolbar, playback controls, headers, console and the view controls' follow toggle. */
import { render, type ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NamespaceRef } from "../model/topology";
import type { TraceStep } from "../model/trace";
import type { TraceState } from "../store/session";
import { twoNamespaces } from "../testing/labs";
import { ConsolePanel } from "./ConsolePanel";
import { TracePanel } from "./EventList";
import { HeadersPanel } from "./HeadersPanel";
import { namespaceOptions } from "./namespaces";
import { PingToolbar } from "./PingToolbar";
import { PlaybackControls } from "./PlaybackControls";
import { ProbesPanel } from "./probes/ProbesPanel";
import { ZoomControls } from "./ZoomControls";

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
  Element.prototype.scrollIntoView = () => undefined;
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: ComponentChild): void {
  act(() => render(node, root));
}

function element<T extends Element>(selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`no ${type.name} ${selector}`);
  return found;
}

function type(input: HTMLInputElement, text: string): void {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function key(target: Element, name: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
  });
}

const steps: TraceStep[] = [0, 1, 2].map((seq) => ({
  seq,
  causeSeq: seq === 0 ? null : seq - 1,
  timeNs: seq * 1000,
  location: { host: "host1", netns: seq === 2 ? "ns2" : "ns1", device: seq === 2 ? null : "veth1" },
  kind: seq === 2 ? "LOCAL_DELIVER" : "ARP_REQUEST_SENT",
  sentence: `Sentence ${seq}.`,
  headers: [{ layer: "ethernet", src: "a", dst: "b", etherType: "ARP" }],
  disposition: seq === 2 ? "DELIVERED" : null,
}));

const trace: TraceState = {
  requestId: "r1",
  title: "ping -c 1 10.0.0.2 from ns1",
  steps,
  outcome: "1 packets transmitted, 1 received, 0% packet loss",
  exit: 0,
  complete: true,
};

describe("event list", () => {
  it("shows one row per step with time, place, kind, sentence and disposition", () => {
    mount(<TracePanel trace={trace} cursor={-1} onSeek={() => undefined} />);
    const rows = root.querySelectorAll("#event-list > li.event");
    expect([...rows].map((row) => row.getAttribute("data-seq"))).toEqual(["0", "1", "2"]);
    const last = rows[2];
    expect(last?.querySelector(".event-time")?.textContent).toBe("0.002 ms");
    expect(last?.querySelector(".event-where")?.textContent).toBe("ns2");
    expect(last?.querySelector(".event-kind")?.textContent).toBe("Local deliverdelivered");
    expect(last?.querySelector(".badge")?.textContent).toBe("delivered");
    expect(last?.querySelector(".event-sentence")?.textContent).toBe("Sentence 2.");
    expect(root.querySelector("#trace-outcome")?.textContent).toBe(trace.outcome);
    expect(root.querySelector(".current")).toBeNull();
  });

  it("marks the current step and seeks on click", () => {
    const seeks: number[] = [];
    mount(<TracePanel trace={trace} cursor={1} onSeek={(index) => seeks.push(index)} />);
    const current = element("li.current", HTMLLIElement);
    expect(current.getAttribute("data-seq")).toBe("1");
    expect(current.getAttribute("aria-current")).toBe("step");
    act(() => element('li[data-seq="2"]', HTMLLIElement).click());
    expect(seeks).toEqual([2]);
  });
});

describe("event list with netfilter steps", () => {
  const where = { host: "host1", netns: "", device: null };
  const nfSteps: TraceStep[] = [
    {
      seq: 10,
      causeSeq: null,
      timeNs: 0,
      location: {
        ...where,
        netfilter: { hook: "PREROUTING", table: "nat", chain: "KUBE-SERVICES" },
      },
      kind: "NF_RULES_SKIPPED",
      sentence: "2 rules in KUBE-SERVICES did not match.",
      headers: [],
      disposition: null,
      details: [
        "-A KUBE-SERVICES -d 10.96.0.1/32 -j KUBE-SVC-1",
        "-A KUBE-SERVICES -d 10.96.0.10/32 -j KUBE-SVC-2",
      ],
    },
    {
      seq: 11,
      causeSeq: 10,
      timeNs: 1000,
      location: {
        ...where,
        netfilter: {
          hook: "FORWARD",
          table: "filter",
          chain: "FORWARD",
          rule: 3,
          ruleText: "-A FORWARD -d 10.0.1.2/32 -j DROP",
        },
      },
      kind: "NF_VERDICT",
      sentence: "Rule 3 drops the packet.",
      headers: [],
      disposition: "NF_DROP",
    },
    {
      seq: 12,
      causeSeq: 11,
      timeNs: 2000,
      location: where,
      kind: "WORMHOLE_OPENED",
      sentence: "A kind this page does not know.",
      headers: [{ layer: "geneve", vni: 42 }],
      disposition: "EATEN_BY_GRUE",
    },
  ];
  const nfTrace: TraceState = { ...trace, requestId: "r2", steps: nfSteps };

  it("shows the netfilter place, a family badge and the rule in its own monospace line", () => {
    mount(<TracePanel trace={nfTrace} cursor={-1} onSeek={() => undefined} />);
    const verdict = element('li[data-seq="11"]', HTMLLIElement);
    expect(verdict.querySelector(".event-netfilter")?.textContent).toBe(
      "FORWARD › filter › FORWARD #3",
    );
    expect(verdict.querySelector("code.event-rule")?.textContent).toBe(
      "-A FORWARD -d 10.0.1.2/32 -j DROP",
    );
    expect(verdict.querySelector(".badge-netfilter")?.textContent).toBe("netfilter");
  });

  it("marks the dropping step and names netfilter's verdict", () => {
    mount(<TracePanel trace={nfTrace} cursor={-1} onSeek={() => undefined} />);
    const verdict = element('li[data-seq="11"]', HTMLLIElement);
    expect(verdict.classList.contains("drop")).toBe(true);
    expect(verdict.querySelector(".badge-drop")?.textContent).toBe("dropped by netfilter (DROP)");
  });

  it("folds skipped rules behind a disclosure button that does not seek", () => {
    const seeks: number[] = [];
    mount(<TracePanel trace={nfTrace} cursor={-1} onSeek={(index) => seeks.push(index)} />);
    const button = element('li[data-seq="10"] button.disclosure', HTMLButtonElement);
    const details = element("#event-details-10", HTMLOListElement);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-controls")).toBe("event-details-10");
    expect(button.textContent).toBe("Show 2 rules");
    expect(details.hidden).toBe(true);
    act(() => button.click());
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(button.textContent).toBe("Hide 2 rules");
    expect(element("#event-details-10", HTMLOListElement).hidden).toBe(false);
    expect([...details.querySelectorAll("code")].map((code) => code.textContent)).toEqual(
      nfSteps[0]?.details,
    );
    expect(seeks).toEqual([]);
    act(() => button.click());
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("shows a step of an unknown kind and disposition as a plain step", () => {
    mount(<TracePanel trace={nfTrace} cursor={2} onSeek={() => undefined} />);
    const row = element('li[data-seq="12"]', HTMLLIElement);
    expect(row.querySelector(".event-kind")?.textContent).toBe(
      "Wormhole openeddropped: eaten by grue",
    );
    expect(row.querySelector(".badge-family")).toBeNull();
    expect(row.querySelector("button")).toBeNull();
  });
});

describe("ping toolbar", () => {
  const options = namespaceOptions(twoNamespaces);

  it("defaults to ns1 and 10.0.0.2 and sends the ping", () => {
    const pings: [NamespaceRef, string][] = [];
    mount(
      <PingToolbar options={options} connected onPing={(from, to) => pings.push([from, to])} />,
    );
    expect(element("#ping-from", HTMLSelectElement).value).toBe("host1/ns1");
    expect(element("#ping-to", HTMLInputElement).value).toBe("10.0.0.2");
    act(() => element("#ping-button", HTMLButtonElement).click());
    expect(pings).toEqual([[{ host: "host1", netns: "ns1" }, "10.0.0.2"]]);
  });

  it("shows an inline error instead of sending an invalid address", () => {
    const pings: string[] = [];
    mount(<PingToolbar options={options} connected onPing={(_, to) => pings.push(to)} />);
    type(element("#ping-to", HTMLInputElement), "10.0.0.256");
    act(() => element("#ping-button", HTMLButtonElement).click());
    expect(pings).toEqual([]);
    expect(element("#ping-error", HTMLElement).textContent).toMatch(/Not an IPv4 address/);
  });

  it("cannot ping while disconnected", () => {
    mount(<PingToolbar options={options} connected={false} onPing={() => undefined} />);
    expect(element("#ping-button", HTMLButtonElement).disabled).toBe(true);
  });
});

describe("playback controls", () => {
  const controls = (cursor: number, length: number, playing = false) => (
    <PlaybackControls
      cursor={cursor}
      length={length}
      complete
      playing={playing}
      speed={2}
      onBack={() => undefined}
      onForward={() => undefined}
      onTogglePlay={() => undefined}
      onSpeed={() => undefined}
    />
  );
  const disabled = (id: string) => element(`#${id}`, HTMLButtonElement).disabled;

  it("disables Back before the first step and Step at the last", () => {
    mount(controls(-1, 3));
    expect([disabled("step-back"), disabled("step-forward")]).toEqual([true, false]);
    mount(controls(2, 3));
    expect([disabled("step-back"), disabled("step-forward")]).toEqual([false, true]);
  });

  it("labels the play button by what it will do", () => {
    mount(controls(0, 3));
    expect(element("#play-pause", HTMLButtonElement).textContent).toBe("Play");
    mount(controls(0, 3, true));
    expect(element("#play-pause", HTMLButtonElement).textContent).toBe("Pause");
    mount(controls(-1, 0));
    expect(disabled("play-pause")).toBe(true);
  });

  it("shows the speed", () => {
    mount(controls(0, 3));
    expect(element("#speed", HTMLInputElement).value).toBe("2");
    expect(element("#speed-value", HTMLOutputElement).textContent).toBe("2 steps/s");
  });
});

describe("headers panel", () => {
  it("says what to do before a step is selected", () => {
    mount(<HeadersPanel step={null} />);
    expect(element("#headers-panel", HTMLElement).textContent).toMatch(/Select a step/);
  });

  it("shows a table per header layer", () => {
    mount(<HeadersPanel step={steps[0] ?? null} />);
    expect(element("#headers-panel caption", HTMLElement).textContent).toBe("Ethernet");
    expect(root.querySelectorAll("#headers-panel tr")).toHaveLength(3);
  });
});

describe("step panel", () => {
  const where = { host: "host1", netns: "", device: "eth0" };
  const ip = (src: string, ttl: number) => ({
    layer: "ipv4" as const,
    src,
    dst: "192.0.2.9",
    ttl,
    protocol: "ICMP",
    id: 7,
    totalLength: 84,
  });
  const before: TraceStep = {
    seq: 11,
    causeSeq: null,
    timeNs: 0,
    location: where,
    kind: "NF_CHAIN",
    sentence: "Enters nat POSTROUTING.",
    headers: [ip("10.0.1.2", 64)],
    disposition: null,
  };
  const rewrite: TraceStep = {
    seq: 12,
    causeSeq: 11,
    timeNs: 1000,
    location: {
      ...where,
      netfilter: {
        hook: "POSTROUTING",
        table: "nat",
        chain: "POSTROUTING",
        rule: 1,
        ruleText: "-A POSTROUTING -o eth0 -j MASQUERADE",
      },
    },
    kind: "NAT_REWRITE",
    sentence: "MASQUERADE rewrites the source.",
    headers: [ip("198.51.100.1", 64), { layer: "geneve", vni: 42 }],
    disposition: null,
    changes: [
      {
        kind: "conntrack",
        where,
        key: "icmp id=1000",
        before: "dst=10.0.1.2",
        after: "dst=198.51.100.1",
      },
      {
        kind: "neighbour",
        where,
        key: "192.0.2.9 dev eth0",
        before: null,
        after: "02:00:00:00:00:09 REACHABLE",
      },
      { kind: "fdb", where, key: "02:00:00:00:00:05 dev veth1", before: "veth1", after: null },
    ],
  };

  it("shows the fields the step changed since its cause step, before → after", () => {
    mount(<HeadersPanel step={rewrite} cause={before} />);
    const changed = [...root.querySelectorAll("#headers-panel tr.changed")];
    expect(changed.map((row) => row.querySelector("th")?.textContent)).toEqual(["Source"]);
    const cell = changed[0]?.querySelector("td");
    expect(cell?.querySelector("del")?.textContent).toBe("10.0.1.2");
    expect(cell?.querySelector("ins")?.textContent).toBe("198.51.100.1");
    expect(cell?.textContent).toBe("changed from 10.0.1.2 →  to 198.51.100.1 ✎ changed");
    expect(element(".headers-legend", HTMLElement).textContent).toBe(
      "1 field changed since step 11 (Netfilter chain).",
    );
  });

  it("shows the headers before the step on request, with what the step will change", () => {
    mount(<HeadersPanel step={rewrite} cause={before} />);
    const radio = element("input[name='header-view'][value='before']", HTMLInputElement);
    act(() => radio.click());
    const changed = [...root.querySelectorAll("#headers-panel tr.changed")];
    expect(changed.map((row) => row.querySelector("td")?.textContent)).toEqual([
      "10.0.1.2 — becomes 198.51.100.1 at this step ✎ changed",
    ]);
    expect(element(".headers-legend", HTMLElement).textContent).toBe(
      "1 field changes at this step.",
    );
    expect(root.querySelector("table.layer-geneve")).toBeNull();
  });

  it("shows a layer it does not know as key/value rows", () => {
    mount(<HeadersPanel step={rewrite} cause={before} />);
    const geneve = element("table.layer-geneve", HTMLTableElement);
    expect(geneve.querySelector("caption")?.textContent).toBe("geneve (added)");
    expect([...geneve.querySelectorAll("tr")].map((row) => row.textContent)).toEqual(["vni42"]);
  });

  it("marks nothing without a cause step", () => {
    mount(<HeadersPanel step={rewrite} />);
    expect(root.querySelectorAll("tr.changed")).toHaveLength(0);
    expect(root.querySelector(".headers-legend")).toBeNull();
  });

  it("shows the netfilter place, the rule and the state changes with their effect", () => {
    mount(<HeadersPanel step={rewrite} cause={before} />);
    expect(element(".step-netfilter", HTMLElement).textContent).toBe(
      "POSTROUTING › nat › POSTROUTING #1",
    );
    expect(element("code.step-rule", HTMLElement).textContent).toBe(
      "-A POSTROUTING -o eth0 -j MASQUERADE",
    );
    const changes = [...root.querySelectorAll(".changes > li")];
    expect(changes.map((change) => change.className)).toEqual([
      "change change-changed",
      "change change-created",
      "change change-removed",
    ]);
    expect(changes.map((change) => change.querySelector(".change-kind")?.textContent)).toEqual([
      "Conntrack",
      "Neighbour",
      "FDB",
    ]);
    expect(changes[1]?.querySelector(".change-effect")?.textContent).toBe(
      "created 02:00:00:00:00:09 REACHABLE",
    );
    expect(changes[2]?.querySelector(".change-effect")?.textContent).toBe("removed veth1");
  });

  it("names the verdict of a step that dropped the packet", () => {
    mount(<HeadersPanel step={{ ...rewrite, disposition: "NF_REJECT" }} cause={before} />);
    expect(element(".step-verdict", HTMLElement).textContent).toBe(
      "rejected by netfilter (REJECT)",
    );
  });

  it("shows no step details for an ordinary step", () => {
    mount(<HeadersPanel step={before} />);
    expect(root.querySelector("#step-details")).toBeNull();
  });
});

describe("console", () => {
  const options = namespaceOptions(twoNamespaces);

  it("sends a line on Enter and walks history with the arrows", () => {
    const commands: [NamespaceRef, string][] = [];
    mount(
      <ConsolePanel
        options={options}
        lines={[]}
        onCommand={(netns, line) => commands.push([netns, line])}
      />,
    );
    const input = element("#console-input", HTMLInputElement);
    type(input, "ip -br addr");
    key(input, "Enter");
    expect(commands).toEqual([[{ host: "host1", netns: "ns1" }, "ip -br addr"]]);
    expect(input.value).toBe("");
    key(input, "ArrowUp");
    expect(input.value).toBe("ip -br addr");
    key(input, "ArrowDown");
    expect(input.value).toBe("");
  });

  function consoleWith(commands: string[]) {
    mount(
      <ConsolePanel options={options} lines={[]} onCommand={(_, line) => commands.push(line)} />,
    );
    return element("#console-input", HTMLInputElement);
  }

  function enter(input: HTMLInputElement, line: string): void {
    type(input, line);
    key(input, "Enter");
  }

  it("collects a here-document behind a > prompt and sends it as one command", () => {
    const commands: string[] = [];
    const input = consoleWith(commands);
    enter(input, "iptables-restore <<'EOF'");
    expect(commands).toEqual([]);
    expect(element(".prompt", HTMLLabelElement).textContent).toBe(">");
    expect(input.placeholder).toMatch(/Type EOF alone to end/);
    enter(input, "*filter");
    enter(input, "COMMIT");
    expect(element("#console-pending", HTMLPreElement).textContent).toBe(
      "ns1$ iptables-restore <<'EOF'\n> *filter\n> COMMIT\n",
    );
    enter(input, "EOF");
    expect(commands).toEqual(["iptables-restore <<'EOF'\n*filter\nCOMMIT\nEOF"]);
    expect(root.querySelector("#console-pending")).toBeNull();
    expect(element(".prompt", HTMLLabelElement).textContent).toBe("ns1$");
    key(input, "ArrowUp");
    expect(input.value).toBe("iptables-restore <<'EOF'");
  });

  it("cancels a here-document on Escape and on Ctrl+C", () => {
    const commands: string[] = [];
    const input = consoleWith(commands);
    enter(input, "cat <<EOF");
    type(input, "half a line");
    key(input, "Escape");
    expect(root.querySelector("#console-pending")).toBeNull();
    expect(input.value).toBe("");
    enter(input, "cat <<EOF");
    act(() => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "c", ctrlKey: true, bubbles: true }));
    });
    expect(root.querySelector("#console-pending")).toBeNull();
    enter(input, "EOF");
    expect(commands).toEqual(["EOF"]);
  });

  it("enters a pasted here-document as one command and the other lines one by one", () => {
    const commands: string[] = [];
    const input = consoleWith(commands);
    const paste = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(paste, "clipboardData", {
      value: { getData: () => "iptables-restore <<EOF\n*nat\nCOMMIT\nEOF\nip -br addr\nip ro" },
    });
    act(() => {
      input.dispatchEvent(paste);
    });
    expect(paste.defaultPrevented).toBe(true);
    expect(commands).toEqual(["iptables-restore <<EOF\n*nat\nCOMMIT\nEOF", "ip -br addr"]);
    expect(input.value).toBe("ip ro");
  });

  it("shows commands, output, red stderr and a non-zero exit", () => {
    mount(
      <ConsolePanel
        options={options}
        lines={[
          { kind: "command", text: "ns1$ nope" },
          { kind: "stderr", text: "nope: command not found\n" },
          { kind: "exit", text: "exit 127" },
        ]}
        onCommand={() => undefined}
      />,
    );
    expect(element("#console-output", HTMLPreElement).textContent).toBe(
      "ns1$ nope\nnope: command not found\nexit 127\n",
    );
    expect(element(".console-stderr", HTMLSpanElement).textContent).toBe(
      "nope: command not found\n",
    );
  });
});

describe("view controls", () => {
  const view = {
    scale: 1,
    x: 0,
    y: 0,
    fitted: true,
    canZoomIn: true,
    canZoomOut: false,
    following: true,
    marker: null,
  };

  it("shows Follow pressed while following, and asks for the toggle on click", () => {
    let toggles = 0;
    const controls = (following: boolean) => (
      <ZoomControls
        view={{ ...view, following }}
        onAction={() => undefined}
        onToggleFollowing={() => (toggles += 1)}
      />
    );
    mount(controls(true));
    const follow = element("#follow-packet", HTMLButtonElement);
    expect(follow.getAttribute("aria-pressed")).toBe("true");
    act(() => follow.click());
    expect(toggles).toBe(1);
    mount(controls(false));
    expect(element("#follow-packet", HTMLButtonElement).getAttribute("aria-pressed")).toBe("false");
  });

  it("shows Follow pressed before the canvas reports a view: following is on by default", () => {
    mount(
      <ZoomControls view={null} onAction={() => undefined} onToggleFollowing={() => undefined} />,
    );
    expect(element("#follow-packet", HTMLButtonElement).getAttribute("aria-pressed")).toBe("true");
  });
});

describe("probes panel", () => {
  const from = { host: "host1", netns: "ns1" };
  const run = (requestId: string, last: TraceStep) => ({
    requestId,
    steps: [steps[0], steps[1], last].filter((s): s is TraceStep => s !== undefined),
    outcome: requestId,
    exit: 0,
  });
  const delivered = steps[2];
  if (delivered === undefined) throw new Error("no step");
  const dropped: TraceStep = { ...delivered, kind: "DROP", disposition: "NF_DROP" };
  const probe = {
    id: "p1",
    from,
    request: { kind: "ping" as const, to: "10.0.0.2" },
    label: "ping 10.0.0.2 from ns1",
    runs: [run("first", delivered), run("second", dropped)],
  };

  it("runs a probe again and compares its last two runs, marking the first difference", () => {
    const runs: string[] = [];
    mount(
      <ProbesPanel probes={[probe]} connected readOnly={false} onRun={(p) => runs.push(p.id)} />,
    );
    act(() => element(".probe-run", HTMLButtonElement).click());
    expect(runs).toEqual(["p1"]);
    act(() => element(".probe-compare", HTMLButtonElement).click());
    expect(element("#probe-difference", HTMLElement).textContent).toBe("The runs part at step 3.");
    const marked = element("tr.first-difference", HTMLTableRowElement);
    expect(marked.getAttribute("data-index")).toBe("2");
    expect(marked.textContent).toContain("first difference");
  });

  it("cannot compare a probe run once", () => {
    mount(
      <ProbesPanel
        probes={[{ ...probe, runs: probe.runs.slice(0, 1) }]}
        connected
        readOnly={false}
        onRun={() => undefined}
      />,
    );
    expect(element(".probe-compare", HTMLButtonElement).disabled).toBe(true);
  });

  it("cannot run a command probe in a read-only lab, but can ping", () => {
    const typed = {
      ...probe,
      id: "p2",
      request: { kind: "command" as const, line: "nc -z -v -w 1 10.0.0.2 80" },
      label: "nc -z -v -w 1 10.0.0.2 80 in ns1",
    };
    mount(<ProbesPanel probes={[probe, typed]} connected readOnly onRun={() => undefined} />);
    const buttons = [...document.querySelectorAll<HTMLButtonElement>(".probe-run")];
    expect(buttons.map((button) => button.disabled)).toEqual([false, true]);
    expect(buttons[1]?.title).toContain("fork it");
  });
});
