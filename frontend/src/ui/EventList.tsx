/** Owns the trace panel: the trace title, the event list (one row per step; click to seek) and the outcome sentence. */
import { useEffect, useRef } from "preact/hooks";
import { isDrop, type TraceStep } from "../model/trace";
import type { TraceState } from "../store/session";
import { dispositionLabel, formatTime, humaniseKind, locationLabel } from "./format";

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
  return (
    <div class="event-scroller">
      {steps.length === 0 && (
        <p class="empty">
          {trace === null
            ? "Choose a namespace and an address, then press Ping to watch the packet walk."
            : "Waiting for the first step…"}
        </p>
      )}
      <ol id="event-list" ref={list}>
        {steps.map((step, index) => (
          <EventRow
            key={step.seq}
            step={step}
            current={index === cursor}
            onClick={() => onSeek(index)}
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

function EventRow(props: { step: TraceStep; current: boolean; onClick: () => void }) {
  const { step, current } = props;
  return (
    <li
      class={current ? "event current" : "event"}
      data-seq={step.seq}
      aria-current={current ? "step" : undefined}
      onClick={props.onClick}
    >
      <span class="event-time">{formatTime(step.timeNs)}</span>
      <span class="event-where">{locationLabel(step.location)}</span>
      <span class="event-kind">
        {humaniseKind(step.kind)}
        {step.disposition !== null && (
          <span class={isDrop(step) ? "badge badge-drop" : "badge badge-delivered"}>
            {dispositionLabel(step.disposition)}
          </span>
        )}
      </span>
      <span class="event-sentence">{step.sentence}</span>
    </li>
  );
}
