/** Owns links to a moment of a saved lab: a probe and one step of its walk (`…?version=N&from=host1/ns1&ping=10.0.0.2&step=17`), read from the address and played on opening. */
import type { NamespaceRef } from "../model/topology";
import type { Probe, ProbeRequest } from "../playback/probes";
import type { SessionState } from "../store/session";
import type { Store } from "../store/store";

/** A probe run from a namespace and the step of its trace to stop at (1-based). */
export interface Moment {
  readonly from: NamespaceRef;
  readonly request: ProbeRequest;
  readonly step: number;
}

/** The longest probe line a link may carry. */
const MAX_LINE = 300;
const MAX_STEP = 100_000;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The moment `search` names, or null when it names none or names it badly. */
export function momentFromSearch(search: string): Moment | null {
  const params = new URLSearchParams(search);
  const from = params.get("from");
  const step = Number(params.get("step"));
  if (from === null || !Number.isInteger(step) || step < 1 || step > MAX_STEP) return null;
  const [host, netns, ...rest] = from.split("/");
  if (host === undefined || !NAME.test(host) || rest.length > 0) return null;
  if (netns === undefined || (netns !== "" && !NAME.test(netns))) return null;
  const ping = params.get("ping");
  const run = params.get("run");
  if (ping !== null && run === null && /^[0-9.]{7,15}$/.test(ping)) {
    return { from: { host, netns }, request: { kind: "ping", to: ping }, step };
  }
  if (run !== null && ping === null && run.length <= MAX_LINE && !/[\r\n]/.test(run)) {
    return { from: { host, netns }, request: { kind: "command", line: run }, step };
  }
  return null;
}

/** The query parameters that name `moment` (to follow a link's `?version=N`). */
export function momentQuery(moment: Moment): string {
  const params = new URLSearchParams();
  params.set("from", `${moment.from.host}/${moment.from.netns}`);
  if (moment.request.kind === "ping") params.set("ping", moment.request.to);
  else params.set("run", moment.request.line);
  params.set("step", String(moment.step));
  return params.toString();
}

/** The moment the page shows now: the probe whose run is the current trace, at the current step. */
export function currentMoment(state: SessionState): Moment | null {
  const trace = state.trace;
  if (trace === null || !trace.complete || state.cursor < 0) return null;
  const probe: Probe | undefined = state.probes.find((candidate) =>
    candidate.runs.some((run) => run.requestId === trace.requestId),
  );
  if (probe === undefined) return null;
  return { from: probe.from, request: probe.request, step: state.cursor + 1 };
}

/** What playing a moment needs of the page's controller. */
export interface MomentRunner {
  ping(from: NamespaceRef, to: string): void;
  probe(from: NamespaceRef, line: string): void;
  seek(index: number): void;
}

/**
 * Plays `moment` once the lab is there: runs its probe, and when that trace has ended, pauses it at
 * the moment's step (its last step when the trace is shorter). Returns a function that stops
 * waiting.
 */
export function playMoment(
  store: Store<SessionState>,
  runner: MomentRunner,
  moment: Moment,
): () => void {
  let sentAfter: string | null | undefined;
  let unsubscribe: (() => void) | null = null;
  const look = (state: SessionState): void => {
    if (sentAfter === undefined) {
      if (state.connection !== "connected" || state.topology === null) return;
      sentAfter = state.trace?.requestId ?? null;
      if (moment.request.kind === "ping") runner.ping(moment.from, moment.request.to);
      else runner.probe(moment.from, moment.request.line);
      return;
    }
    const trace = state.trace;
    if (trace === null || trace.requestId === sentAfter || !trace.complete) return;
    unsubscribe?.();
    unsubscribe = null;
    runner.seek(Math.min(moment.step, trace.steps.length) - 1);
  };
  unsubscribe = store.subscribe((state) => look(state));
  look(store.get());
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
