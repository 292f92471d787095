/** Owns the trace panel: the trace title, the event list (one row per step; click to seek; netfilter place, rule and foldable details) and the outcome sentence. */
import { useEffect, useRef, useState } from "preact/hooks";
import { isDrop, type TraceStep } from "../model/trace";
import type { TraceState } from "../store/session";
import {
  dispositionLabel,
  formatTime,
  humaniseKind,
  locationLabel,
  netfilterLabel,
  stepFamily,
  stepFamilyLabel,
} from "./format";

export interface EventListProps {
  readonly trace: TraceState | null;
  readonly cursor: number;
  readonly onSeek: (index: number) => void;
}

export function TracePanel({ trace, cursor, onSeek }: EventListProps) {
  return (
    <section class="panel trace-panel" aria-labelledby="trace-title">
      <h2 id="trace-title" class="panel-title">
        {trace?.title ?? "Trace"}
      </h2>
      <EventList trace={trace} cursor={cursor} onSeek={onSeek} />
      <p id="trace-outcome" class={outcomeClass(trace)} aria-live="polite">
        {trace?.outcome ?? ""}
      </p>
    </section>
  );
}

export function EventList({ trace, cursor, onSeek }: EventListProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector(".event.current")?.scrollIntoView({ block: "nearest" });
  }, [cursor, trace]);
  const steps = trace?.steps ?? [];
  const [open, setOpen] = useState<{
    readonly trace: string | null;
    readonly seqs: ReadonlySet<number>;
  }>({ trace: null, seqs: new Set() });
  // Expanded details belong to one trace: a new trace starts with every step folded.
  const traceId = trace?.requestId ?? null;
  const expanded = open.trace === traceId ? open.seqs : new Set<number>();
  const toggle = (seq: number): void => {
    const seqs = new Set(expanded);
    if (!seqs.delete(seq)) seqs.add(seq);
    setOpen({ trace: traceId, seqs });
  };
  return (
    <div class="event-scroller">
      {steps.length === 0 && (
        <p class="empty">
          {trace === null
            ? "Choose a namespace and an address, then press Ping (or type ping or nc in the console) to watch the packet walk."
            : "Waiting for the first step…"}
        </p>
      )}
      <ol id="event-list" ref={list}>
        {steps.map((step, index) => (
          <EventRow
            key={step.seq}
            step={step}
            current={index === cursor}
            expanded={expanded.has(step.seq)}
            onClick={() => onSeek(index)}
            onToggle={() => toggle(step.seq)}
          />
        ))}
      </ol>
    </div>
  );
}

function outcomeClass(trace: TraceState | null): string {
  if (trace === null || trace.exit === null) return "outcome";
  return trace.exit === 0 ? "outcome ok" : "outcome failed";
}

interface EventRowProps {
  readonly step: TraceStep;
  readonly current: boolean;
  readonly expanded: boolean;
  readonly onClick: () => void;
  readonly onToggle: () => void;
}

function EventRow({ step, current, expanded, onClick, onToggle }: EventRowProps) {
  const family = stepFamily(step.kind);
  const familyLabel = stepFamilyLabel(family);
  const drop = isDrop(step);
  const netfilter = step.location.netfilter;
  const details = step.details ?? [];
  const detailsId = `event-details-${step.seq}`;
  const classes = ["event", `family-${family}`];
  if (current) classes.push("current");
  if (drop) classes.push("drop");
  return (
    <li
      class={classes.join(" ")}
      data-seq={step.seq}
      data-kind={step.kind}
      aria-current={current ? "step" : undefined}
      onClick={onClick}
    >
      <span class="event-time">{formatTime(step.timeNs)}</span>
      <span class="event-where">{locationLabel(step.location)}</span>
      <span class="event-kind">
        {humaniseKind(step.kind)}
        {familyLabel !== null && (
          <span class={`badge badge-family badge-${family}`}>{familyLabel}</span>
        )}
        {step.disposition !== null && (
          <span class={drop ? "badge badge-drop" : "badge badge-delivered"}>
            {dispositionLabel(step.disposition)}
          </span>
        )}
      </span>
      {netfilter !== undefined && <span class="event-netfilter">{netfilterLabel(netfilter)}</span>}
      {netfilter?.ruleText !== undefined && <code class="event-rule">{netfilter.ruleText}</code>}
      <span class="event-sentence">{step.sentence}</span>
      {details.length > 0 && (
        <div class="event-more">
          <button
            type="button"
            class="disclosure"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={(event) => {
              event.stopPropagation();
              onToggle();
            }}
          >
            {expanded ? "Hide" : "Show"} {detailsLabel(step.kind, details.length)}
          </button>
          <ol id={detailsId} class="event-details" hidden={!expanded}>
            {details.map((line, index) => (
              <li key={index}>
                <code>{line}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}

/** "12 rules" for a folded run of rules, "3 lines" for other details. */
function detailsLabel(kind: string, count: number): string {
  const noun = kind === "NF_RULES_SKIPPED" ? "rule" : "line";
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
