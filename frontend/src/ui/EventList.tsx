/** Owns the trace panel: the trace title, the event filters (kind groups, namespace), the virtualised, keyboard-navigable event list (click or arrow keys to seek) and the outcome sentence. */
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { isDrop, type TraceStep } from "../model/trace";
import {
  groupCounts,
  listMoveOf,
  moveAmong,
  SHOW_ALL,
  shownSteps,
  toggleGroup,
  traceNamespaces,
  type EventFilter,
} from "../playback/eventFilter";
import { KIND_GROUPS, kindGroup, kindGroupLabel } from "../playback/kindGroups";
import { rowWindow, scrollToShow, type RowWindow } from "../playback/virtualWindow";
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
  const [filter, setFilter] = useState<EventFilter>(SHOW_ALL);
  const steps = trace?.steps ?? [];
  return (
    <section class="panel trace-panel" aria-labelledby="trace-title">
      <h2 id="trace-title" class="panel-title">
        {trace?.title ?? "Trace"}
      </h2>
      {steps.length > 0 && <EventFilters steps={steps} filter={filter} onChange={setFilter} />}
      <EventList trace={trace} cursor={cursor} onSeek={onSeek} filter={filter} />
      <p id="trace-outcome" class={outcomeClass(trace)} aria-live="polite">
        {trace?.outcome ?? ""}
      </p>
    </section>
  );
}

interface EventFiltersProps {
  readonly steps: readonly TraceStep[];
  readonly filter: EventFilter;
  readonly onChange: (change: (filter: EventFilter) => EventFilter) => void;
}

/** One checkbox per kind group (with how many steps it has) and a namespace choice. */
function EventFilters({ steps, filter, onChange }: EventFiltersProps) {
  const counts = groupCounts(steps);
  const namespaces = traceNamespaces(steps);
  const severalHosts = new Set(steps.map((step) => step.location.host)).size > 1;
  const shown = shownSteps(steps, filter).length;
  const summary =
    shown === steps.length
      ? `all ${steps.length} steps`
      : `${shown} of ${steps.length} steps shown`;
  return (
    <details class="event-filters-box">
      <summary>
        Filter steps <span id="event-filter-summary">({summary})</span>
      </summary>
      <fieldset class="event-filters">
        <legend class="sr-only">Show steps of these kinds</legend>
        {KIND_GROUPS.map((group) => (
          <label key={group} class={`event-filter group-${group}`}>
            <input
              type="checkbox"
              name="event-group"
              value={group}
              checked={filter.groups.has(group)}
              onChange={() => onChange((now) => toggleGroup(now, group))}
            />
            {kindGroupLabel(group)}{" "}
            <span class="event-filter-count">({counts.get(group) ?? 0})</span>
          </label>
        ))}
        <label class="event-filter-namespace" for="event-namespace">
          in
          <select
            id="event-namespace"
            value={filter.namespace ?? ""}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange((now) => ({ ...now, namespace: value === "" ? null : value }));
            }}
          >
            <option value="">every namespace</option>
            {namespaces.map((key) => (
              <option key={key} value={key}>
                {namespaceName(key, severalHosts)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </details>
  );
}

/** "ns1", "host1 (root)"; with several hosts a named namespace also names its host. */
function namespaceName(key: string, severalHosts: boolean): string {
  const slash = key.indexOf("/");
  const host = key.slice(0, slash);
  const netns = key.slice(slash + 1);
  if (netns === "") return `${host} (root)`;
  return severalHosts ? `${netns} (${host})` : netns;
}

/** Up to this many shown steps every row is rendered; beyond it, only the rows in view and a margin. */
export const FULL_RENDER_LIMIT = 400;
/** Rows rendered beyond each edge of the visible ones in a long list. */
const OVERSCAN = 12;
/** The height assumed for a row not yet measured. */
const ESTIMATED_ROW_HEIGHT = 52;
/** The scroller's height assumed before layout (and in a DOM without layout). */
const FALLBACK_VIEWPORT = 600;

export function EventList({
  trace,
  cursor,
  onSeek,
  filter = SHOW_ALL,
}: EventListProps & { readonly filter?: EventFilter }) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<number, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const [, setMeasured] = useState(0);
  const steps = trace?.steps ?? [];
  const shown = shownSteps(steps, filter);
  const traceId = trace?.requestId ?? null;
  const [open, setOpen] = useState<{
    readonly trace: string | null;
    readonly seqs: ReadonlySet<number>;
  }>({ trace: null, seqs: new Set() });
  // Expanded details belong to one trace: a new trace starts with every step folded.
  const expanded = open.trace === traceId ? open.seqs : new Set<number>();
  const toggle = (seq: number): void => {
    const seqs = new Set(expanded);
    if (!seqs.delete(seq)) seqs.add(seq);
    setOpen({ trace: traceId, seqs });
  };

  const heightOf = (row: number): number => {
    const step = steps[shown[row] ?? -1];
    return (step === undefined ? undefined : heights.current.get(step.seq)) ?? ESTIMATED_ROW_HEIGHT;
  };
  const viewport = (): number => scroller.current?.clientHeight || FALLBACK_VIEWPORT;
  const windowed = shown.length > FULL_RENDER_LIMIT;
  const range: RowWindow = windowed
    ? rowWindow({
        count: shown.length,
        heightOf,
        scrollTop,
        viewport: viewport(),
        overscan: OVERSCAN,
      })
    : { start: 0, end: shown.length, before: 0, after: 0 };

  // Measure the rows drawn (their height depends on wrapping and open details), then keep the
  // current step in view.
  useLayoutEffect(() => {
    let changed = false;
    list.current?.querySelectorAll<HTMLLIElement>("li.event").forEach((row) => {
      const seq = Number(row.dataset["seq"]);
      const height = row.offsetHeight;
      if (height > 0 && heights.current.get(seq) !== height) {
        heights.current.set(seq, height);
        changed = true;
      }
    });
    if (changed && windowed) setMeasured((count) => count + 1);
  });
  useLayoutEffect(() => {
    const at = shown.indexOf(cursor);
    const box = scroller.current;
    if (at < 0 || box === null) return;
    if (!windowed) {
      list.current?.querySelector(".event.current")?.scrollIntoView({ block: "nearest" });
      return;
    }
    const top = scrollToShow(at, heightOf, box.scrollTop, viewport());
    if (top !== box.scrollTop) {
      box.scrollTop = top;
      setScrollTop(top);
    }
    // Only a move of the cursor (or a new trace) scrolls; the reader's own scrolling stays.
  }, [cursor, traceId, windowed]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter" && steps[cursor]?.details?.length) {
      event.preventDefault();
      toggle(steps[cursor]?.seq ?? -1);
      return;
    }
    const move = listMoveOf(event.key);
    if (move === null) return;
    event.preventDefault();
    event.stopPropagation();
    const page = Math.max(1, Math.floor(viewport() / ESTIMATED_ROW_HEIGHT));
    const target = moveAmong(shown, cursor, move, page);
    if (target !== null) onSeek(target);
  };

  const current = steps[cursor];
  const activeShown = current !== undefined && shown.includes(cursor);
  return (
    <div
      class="event-scroller"
      ref={scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      {steps.length === 0 && (
        <p class="empty">
          {trace === null
            ? "Choose a namespace and an address, then press Ping (or type ping or nc in the console) to watch the packet walk."
            : "Waiting for the first step…"}
        </p>
      )}
      {steps.length > 0 && shown.length === 0 && <p class="empty">No step matches the filters.</p>}
      <ol
        id="event-list"
        ref={list}
        data-steps={steps.length}
        role="listbox"
        tabIndex={0}
        aria-label="Trace steps: Up and Down arrows move between steps, Home and End go to the first and last, Enter shows a step's details"
        aria-activedescendant={activeShown ? `event-${current.seq}` : undefined}
        onKeyDown={onKeyDown}
      >
        {range.before > 0 && (
          <li class="event-spacer" aria-hidden="true" style={{ height: `${range.before}px` }} />
        )}
        {shown.slice(range.start, range.end).map((index) => {
          const step = steps[index];
          if (step === undefined) return null;
          return (
            <EventRow
              key={step.seq}
              step={step}
              current={index === cursor}
              expanded={expanded.has(step.seq)}
              onClick={() => onSeek(index)}
              onToggle={() => toggle(step.seq)}
            />
          );
        })}
        {range.after > 0 && (
          <li class="event-spacer" aria-hidden="true" style={{ height: `${range.after}px` }} />
        )}
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
  const classes = ["event", `family-${family}`, `group-${kindGroup(step.kind)}`];
  if (current) classes.push("current");
  if (drop) classes.push("drop");
  return (
    <li
      id={`event-${step.seq}`}
      class={classes.join(" ")}
      role="option"
      aria-selected={current}
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
            tabIndex={-1}
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
