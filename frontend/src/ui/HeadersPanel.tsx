/** Owns the step panel: the current step's netfilter place, verdict and state changes, and its packet headers layer by layer (a tunnel's inner headers grouped and indented), with the fields it changed since its cause step shown before → after. */
import { isDrop, type StateChange, type TraceStep } from "../model/trace";
import {
  changeEffect,
  changeKindLabel,
  dispositionLabel,
  humaniseKind,
  netfilterLabel,
} from "./format";
import {
  changedFieldCount,
  compareHeaders,
  groupByDepth,
  type ComparedRow,
  type ComparedTable,
  type TableGroup,
} from "./headerDiff";

export interface HeadersPanelProps {
  readonly step: TraceStep | null;
  /** The step that caused `step`, whose headers `step`'s are compared with; null when unknown. */
  readonly cause?: TraceStep | null;
}

export function HeadersPanel({ step, cause = null }: HeadersPanelProps) {
  return (
    <section id="headers-panel" class="panel" aria-labelledby="headers-title">
      <h2 id="headers-title" class="panel-title">
        Step and headers
        {step !== null && <span class="panel-subtitle">after {humaniseKind(step.kind)}</span>}
      </h2>
      <div class="headers-scroller">
        {step === null ? (
          <p class="empty">Select a step to see the packet's headers.</p>
        ) : (
          <>
            <StepDetails step={step} />
            <Headers step={step} cause={cause} />
          </>
        )}
      </div>
    </section>
  );
}

/** Where in netfilter the step happened, how the packet's life ended, and what state it changed. */
function StepDetails({ step }: { step: TraceStep }) {
  const netfilter = step.location.netfilter;
  const changes = step.changes ?? [];
  const drop = isDrop(step);
  if (netfilter === undefined && changes.length === 0 && !drop) return null;
  return (
    <div id="step-details">
      {drop && step.disposition !== null && (
        <p class="step-verdict">{dispositionLabel(step.disposition)}</p>
      )}
      {netfilter !== undefined && <p class="step-netfilter">{netfilterLabel(netfilter)}</p>}
      {netfilter?.ruleText !== undefined && <code class="step-rule">{netfilter.ruleText}</code>}
      {changes.length > 0 && (
        <>
          <h3 class="step-section-title">State changes</h3>
          <ul class="changes">
            {changes.map((change, index) => (
              <ChangeItem key={`${index}-${change.key}`} change={change} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ChangeItem({ change }: { change: StateChange }) {
  const effect = changeEffect(change);
  return (
    <li class={`change change-${effect.effect}`} data-kind={change.kind}>
      <span class="change-kind">{changeKindLabel(change.kind)}</span>{" "}
      <code class="change-key">{change.key}</code>{" "}
      {effect.effect === "created" ? (
        <span class="change-effect">
          created <ins class="value-after">{effect.after}</ins>
        </span>
      ) : effect.effect === "removed" ? (
        <span class="change-effect">
          removed <del class="value-before">{effect.before}</del>
        </span>
      ) : effect.effect === "changed" ? (
        <span class="change-effect">
          <BeforeAfter before={effect.before} after={effect.after} />
        </span>
      ) : (
        <span class="change-effect">touched</span>
      )}
    </li>
  );
}

/** An old value struck through, then the new one; a screen reader hears "changed from … to …". */
function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <>
      <span class="sr-only">changed from </span>
      <del class="value-before">{before}</del>
      <span aria-hidden="true"> → </span>
      <span class="sr-only"> to </span>
      <ins class="value-after">{after}</ins>
    </>
  );
}

function Headers({ step, cause }: { step: TraceStep; cause: TraceStep | null }) {
  if (step.headers.length === 0) {
    return <p class="empty">This step carries no packet headers.</p>;
  }
  const tables = compareHeaders(step.headers, cause?.headers ?? null);
  const changed = changedFieldCount(tables);
  return (
    <>
      {cause !== null && changed > 0 && (
        <p class="headers-legend">
          {changed === 1 ? "1 field" : `${changed} fields`} changed since step {cause.seq} (
          {humaniseKind(cause.kind)}).
        </p>
      )}
      {groupByDepth(tables).map((group, index) => (
        <HeaderGroup key={`${index}-${group.depth}`} group={group} />
      ))}
    </>
  );
}

/**
 * The outer packet's tables as they are; a tunnel's inner headers (depth 1, 2…) indented in a
 * group of their own, so outer and inner headers read side by side.
 */
function HeaderGroup({ group }: { group: TableGroup }) {
  const tables = group.tables.map((table, index) => (
    <HeaderTable key={`${index}-${table.layer}`} table={table} />
  ));
  if (group.depth === 0) return <>{tables}</>;
  return (
    <section
      class={`inner-headers depth-${group.depth}`}
      style={{ marginLeft: `${group.depth * 12}px` }}
      aria-label={innerTitle(group.depth)}
    >
      <h3 class="inner-headers-title">{innerTitle(group.depth)}</h3>
      {tables}
    </section>
  );
}

function innerTitle(depth: number): string {
  return depth === 1
    ? "Inner packet (inside the tunnel)"
    : `Inner packet (inside ${depth} tunnels)`;
}

function HeaderTable({ table }: { table: ComparedTable }) {
  return (
    <table class={`header-table layer-${table.layer}${table.added ? " added" : ""}`}>
      <caption>
        {table.title}
        {table.added && <span class="layer-added"> (added)</span>}
      </caption>
      <tbody>
        {table.rows.map((row) => (
          <FieldRow key={row.label} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function FieldRow({ row }: { row: ComparedRow }) {
  return (
    <tr class={row.before === undefined ? undefined : "changed"}>
      <th scope="row">{row.label}</th>
      <td>
        {row.before === undefined ? (
          row.value
        ) : (
          <BeforeAfter before={row.before} after={row.value} />
        )}
      </td>
    </tr>
  );
}
