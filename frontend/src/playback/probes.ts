/** Owns probes: a saved ping, TCP or UDP test from a namespace (made in the toolbar or typed in the console), its runs, and where two runs' traces first differ. */
import { namespaceKey, type NamespaceRef } from "../model/topology";
import type { TraceStep } from "../model/trace";
import type { SavedProbe } from "../protocol/protocol";

/** How a probe is sent: the Ping button's message, or a shell line run in the namespace. */
export type ProbeRequest =
  | { readonly kind: "ping"; readonly to: string }
  | { readonly kind: "command"; readonly line: string };

/** One run of a probe: its trace as it ended. */
export interface ProbeRun {
  readonly requestId: string;
  readonly steps: readonly TraceStep[];
  readonly outcome: string | null;
  readonly exit: number | null;
}

export interface Probe {
  readonly id: string;
  readonly from: NamespaceRef;
  readonly request: ProbeRequest;
  /** The probe as people read it: "ping 10.0.0.2 from ns1". */
  readonly label: string;
  /** Its runs, oldest first (the last few are kept). */
  readonly runs: readonly ProbeRun[];
}

/** How many runs of a probe are kept. */
export const KEPT_RUNS = 5;

export type ProbeKind = "ping" | "tcp" | "udp";

/** The request a probe of the toolbar sends: ping, or nc for TCP and UDP (zero-I/O, verbose, 1 s timeout). */
export function probeRequest(kind: ProbeKind, to: string, port: number | null): ProbeRequest {
  switch (kind) {
    case "ping":
      return { kind: "ping", to };
    case "tcp":
      return { kind: "command", line: `nc -z -v -w 1 ${to} ${port ?? 0}` };
    case "udp":
      return { kind: "command", line: `nc -u -z -v -w 1 ${to} ${port ?? 0}` };
  }
}

/** A line typed in the console that sends packets a probe can repeat: ping or nc, also under ip netns exec. */
export function isProbeLine(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const command =
    words[0] === "ip" && words[1] === "netns" && words[2] === "exec" ? words[4] : words[0];
  if (line.includes("\n") || /[;&|<>`$]/.test(line)) return false;
  return command === "ping" || (command === "nc" && !words.includes("-l"));
}

/** "ping 10.0.0.2 from ns1", "nc -z -v -w 1 10.0.0.2 80 in ns1". */
export function probeLabel(from: NamespaceRef, request: ProbeRequest): string {
  const where = from.netns === "" ? `${from.host} (root)` : from.netns;
  return request.kind === "ping"
    ? `ping ${request.to} from ${where}`
    : `${request.line} in ${where}`;
}

/** The probe with the same namespace and request, if one is saved. */
export function findProbe(
  probes: readonly Probe[],
  from: NamespaceRef,
  request: ProbeRequest,
): Probe | undefined {
  const key = namespaceKey(from);
  return probes.find(
    (probe) =>
      namespaceKey(probe.from) === key &&
      probe.request.kind === request.kind &&
      (probe.request.kind === "ping"
        ? request.kind === "ping" && probe.request.to === request.to
        : request.kind === "command" && probe.request.line === request.line.trim()),
  );
}

/** The probes with a run added to one of them (older runs beyond KEPT_RUNS are let go). */
export function withRun(probes: readonly Probe[], probeId: string, run: ProbeRun): Probe[] {
  return probes.map((probe) =>
    probe.id === probeId ? { ...probe, runs: [...probe.runs, run].slice(-KEPT_RUNS) } : probe,
  );
}

/** What makes two steps the same step of a walk: kind, place, netfilter place and disposition. */
function stepSignature(step: TraceStep): string {
  const { host, netns, device, netfilter } = step.location;
  const place =
    netfilter === undefined
      ? ""
      : `${netfilter.hook} ${netfilter.table ?? ""} ${netfilter.chain ?? ""} ${netfilter.rule ?? ""}`;
  return [step.kind, host, netns, device ?? "", place, step.disposition ?? ""].join("|");
}

/**
 * The index of the first step where two runs' traces differ (a step of another kind, place or
 * outcome, or one trace ending before the other), or null when they walk the same way.
 */
export function firstDifference(a: readonly TraceStep[], b: readonly TraceStep[]): number | null {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a[index];
    const right = b[index];
    if (left === undefined || right === undefined) return index;
    if (stepSignature(left) !== stepSignature(right)) return index;
  }
  return null;
}

/** The probes a lab was saved with, ready to run again (ids `saved1`, `saved2`, …; no runs yet). */
export function fromSaved(saved: readonly SavedProbe[]): Probe[] {
  return saved.map((probe, index) => {
    const request: ProbeRequest =
      "ping" in probe ? { kind: "ping", to: probe.ping } : { kind: "command", line: probe.run };
    return {
      id: `saved${index + 1}`,
      from: probe.from,
      request,
      label: probeLabel(probe.from, request),
      runs: [],
    };
  });
}

/** The probes as the lab saves them (their runs stay in the tab). */
export function toSaved(probes: readonly Probe[]): SavedProbe[] {
  return probes.map((probe) =>
    probe.request.kind === "ping"
      ? { from: probe.from, ping: probe.request.to }
      : { from: probe.from, run: probe.request.line },
  );
}
