/** Owns the namespace inspector: a namespace's addresses, routes, changed sysctls, neighbours, FDB, conntrack entries and rules with their counters (iptables-save -c), as of the current trace step, with what the step changed marked in words as well as colour. */
import type { NamespaceRef } from "../../model/topology";
import { namespaceKey } from "../../model/topology";
import type { TraceStep } from "../../model/trace";
import {
  saveLinesAt,
  tablesAt,
  type RewoundTables,
  type RowMark,
  type SaveLine,
  type StateRow,
} from "../../playback/stateRewind";
import type { InspectedState, RuleEdit, TraceState } from "../../store/session";
import { RulesEditor } from "./RulesEditor";
import type { NamespaceOption } from "../namespaces";

export interface InspectorPanelProps {
  readonly options: readonly NamespaceOption[];
  /** The namespace inspected, or null before one is chosen. */
  readonly inspecting: NamespaceRef | null;
  readonly inspected: InspectedState | null;
  readonly trace: TraceState | null;
  readonly cursor: number;
  readonly onInspect: (ref: NamespaceRef) => void;
  /** The last rules edit, shown under the rules editor of its namespace. */
  readonly ruleEdit: RuleEdit | null;
  /** Null in a read-only lab: the rules cannot be edited. */
  readonly onApplyRules: ((ref: NamespaceRef, rules: string) => void) | null;
}

export function InspectorPanel(props: InspectorPanelProps) {
  const { options, inspecting, inspected, trace, cursor } = props;
  const chosen = inspecting === null ? "" : namespaceKey(inspecting);
  const tables =
    inspected !== null && inspecting !== null && namespaceKey(inspected.tables.netns) === chosen
      ? inspected
      : null;
  return (
    <section id="inspector-panel" class="panel" aria-labelledby="inspector-title">
      <div class="inspector-header">
        <h2 id="inspector-title" class="panel-title">
          Namespace state
        </h2>
        <label for="inspector-netns">of</label>
        <select
          id="inspector-netns"
          value={chosen}
          onChange={(event) => {
            const option = options.find((o) => o.key === event.currentTarget.value);
            if (option !== undefined) props.onInspect(option.ref);
          }}
        >
          {chosen === "" && <option value="">choose…</option>}
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div class="inspector-scroller">
        {tables === null ? (
          <p class="empty">
            {inspecting === null
              ? "Choose a namespace to see its tables."
              : "Reading the namespace's tables…"}
          </p>
        ) : (
          <Tables
            inspected={tables}
            trace={trace}
            cursor={cursor}
            ruleEdit={
              props.ruleEdit !== null && namespaceKey(props.ruleEdit.netns) === chosen
                ? props.ruleEdit
                : null
            }
            onApplyRules={props.onApplyRules}
          />
        )}
      </div>
    </section>
  );
}

function Tables({
  inspected,
  trace,
  cursor,
  ruleEdit,
  onApplyRules,
}: {
  inspected: InspectedState;
  trace: TraceState | null;
  cursor: number;
  ruleEdit: RuleEdit | null;
  onApplyRules: ((ref: NamespaceRef, rules: string) => void) | null;
}) {
  const steps: readonly TraceStep[] = trace?.complete ? trace.steps : [];
  const rewound: RewoundTables = tablesAt(inspected.tables, steps, steps.length > 0 ? cursor : -1);
  const lines = saveLinesAt(inspected.tables.iptablesSave, rewound.counter);
  return (
    <>
      <p id="inspector-when" class="inspector-when">
        {asOf(trace, cursor)}
        {inspected.afterCommand &&
          trace !== null &&
          " A command ran after this trace, so the tables start from the lab as it is now."}
      </p>
      <LineList
        id="state-addresses"
        title="Addresses (ip -br addr)"
        lines={inspected.tables.addresses ?? []}
        empty="No addresses."
      />
      <section class="state-section" aria-labelledby="routes-title">
        <h3 id="routes-title" class="step-section-title">
          Routes
        </h3>
        {inspected.tables.routes.length === 0 ? (
          <p class="empty-table">No routes.</p>
        ) : (
          <ul id="state-routes" class="state-lines">
            {inspected.tables.routes.map((route, index) => (
              <li key={index}>
                <code>{route}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <LineList
        id="state-sysctls"
        title="Sysctls changed from a fresh namespace's"
        lines={inspected.tables.sysctls ?? []}
        empty="None: every sysctl has a fresh namespace's value."
      />
      <StateTable id="state-neighbours" title="Neighbours (ip neigh)" rows={rewound.neighbour} />
      <StateTable id="state-fdb" title="Bridge FDB (bridge fdb)" rows={rewound.fdb} />
      <StateTable id="state-conntrack" title="Conntrack (conntrack -L)" rows={rewound.conntrack} />
      <section class="state-section" aria-labelledby="state-rules-title">
        <h3 id="state-rules-title" class="step-section-title">
          Rules and counters (iptables-save -c)
        </h3>
        {lines.length === 0 ? (
          <p class="empty-table">No iptables tables in this namespace.</p>
        ) : (
          <ol id="state-rules" class="state-lines save-lines">
            {lines.map((line, index) => (
              <SaveLineItem key={index} line={line} />
            ))}
          </ol>
        )}
        {onApplyRules !== null && (
          <RulesEditor
            key={namespaceKey(inspected.tables.netns)}
            rules={inspected.tables.iptablesSave}
            edit={ruleEdit}
            onApply={(rules) => onApplyRules(inspected.tables.netns, rules)}
          />
        )}
      </section>
    </>
  );
}

/** A titled list of lines as the server worded them (addresses, sysctls: not rewound by steps). */
function LineList(props: { id: string; title: string; lines: readonly string[]; empty: string }) {
  return (
    <section class="state-section" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`} class="step-section-title">
        {props.title}
      </h3>
      {props.lines.length === 0 ? (
        <p class="empty-table">{props.empty}</p>
      ) : (
        <ul id={props.id} class="state-lines">
          {props.lines.map((line, index) => (
            <li key={index}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "As of step 4 of 12 (ARP reply sent)." — which moment the tables show. */
function asOf(trace: TraceState | null, cursor: number): string {
  if (trace === null) return "The tables as they are now.";
  if (!trace.complete) return "The tables as they are now; the trace is still arriving.";
  const length = trace.steps.length;
  if (length === 0) return "The tables as they are now.";
  if (cursor < 0) return `As of before step 1 of ${length}: the trace's changes are undone.`;
  return `As of step ${cursor + 1} of ${length}.`;
}

function StateTable({ id, title, rows }: { id: string; title: string; rows: readonly StateRow[] }) {
  const changed = rows.filter((row) => row.mark !== null).length;
  return (
    <section class="state-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="step-section-title">
        {title}
        {changed > 0 && (
          <span class="state-changed-count">
            {" "}
            — {changed === 1 ? "1 entry" : `${changed} entries`} changed at this step
          </span>
        )}
      </h3>
      {rows.length === 0 ? (
        <p id={id} class="empty-table">
          Empty.
        </p>
      ) : (
        <ul id={id} class="state-lines">
          {rows.map((row) => (
            <li
              key={`${row.device ?? ""} ${row.key}`}
              class={row.mark === null ? undefined : `state-row mark-${row.mark}`}
              data-key={row.key}
              data-mark={row.mark ?? undefined}
            >
              {row.mark !== null && <MarkBadge mark={row.mark} />}
              {row.mark === "removed" ? (
                <del class="value-before">{row.text}</del>
              ) : (
                <code class="state-text">{row.text}</code>
              )}
              {row.mark === "changed" && row.before !== null && (
                <span class="state-before">
                  {" "}
                  was <del class="value-before">{row.before}</del>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MarkBadge({ mark }: { mark: RowMark }) {
  const word = mark === "created" ? "new" : mark === "changed" ? "changed" : "removed";
  return <span class={`badge badge-mark badge-${mark}`}>{word} at this step</span>;
}

function SaveLineItem({ line }: { line: SaveLine }) {
  return (
    <li class={line.mark === null ? undefined : `state-row mark-${line.mark}`}>
      {line.mark !== null && <MarkBadge mark={line.mark} />}
      <code>
        {line.counters !== null && <span class="save-counters">{line.counters} </span>}
        {line.text}
      </code>
      {line.mark === "changed" && line.before !== null && (
        <span class="state-before">
          {" "}
          was <del class="value-before">{line.before}</del>
        </span>
      )}
    </li>
  );
}
