/** Owns the step panel: the current step's netfilter place, verdict and state changes, and its packet headers as a tree of layers (each layer carrying the next; a tunnel's inner packet titled), after or before the step, the fields it changed marked before → after and the layers it removed listed. */
import { useState } from "preact/hooks";
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
  layerTree,
  removedLayers,
  type ComparedRow,
  type ComparedTable,
  type LayerNode,
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

type HeaderView = "after" | "before";

function Headers({ step, cause }: { step: TraceStep; cause: TraceStep | null }) {
  const [view, setView] = useState<HeaderView>("after");
  const canCompare = cause !== null && cause.headers.length > 0;
  const shown: HeaderView = canCompare ? view : "after";
  if (step.headers.length === 0 && shown === "after") {
    return <p class="empty">This step carries no packet headers.</p>;
  }
  const tables =
    shown === "after" || cause === null
      ? compareHeaders(step.headers, cause?.headers ?? null)
      : compareHeaders(cause.headers, step.headers);
  // Only a decapsulation takes layers off the same packet; other steps whose cause carried
  // other layers (an ARP request caused by a queued ICMP packet) made a new packet instead.
  const removed =
    shown === "after" && step.kind === "DECAPSULATE"
      ? removedLayers(step.headers, cause?.headers ?? null)
      : [];
  const changed = changedFieldCount(tables);
  const tree = layerTree(tables);
  return (
    <>
      {canCompare && (
        <fieldset class="header-view" aria-label="Which headers to show">
          <label>
            <input
              type="radio"
              name="header-view"
              value="after"
              checked={shown === "after"}
              onChange={() => setView("after")}
            />
            After this step
          </label>
          <label>
            <input
              type="radio"
              name="header-view"
              value="before"
              checked={shown === "before"}
              onChange={() => setView("before")}
            />
            Before it (step {cause.seq})
          </label>
        </fieldset>
      )}
      {cause !== null && changed > 0 && (
        <p class="headers-legend">
          {shown === "after"
            ? `${changed === 1 ? "1 field" : `${changed} fields`} changed since step ${cause.seq} (${humaniseKind(cause.kind)}).`
            : `${changed === 1 ? "1 field changes" : `${changed} fields change`} at this step.`}
        </p>
      )}
      {tree !== null && (
        <ul class="layer-tree" role="tree" aria-label="Packet layers, outermost first">
          <LayerItem node={tree} view={shown} />
        </ul>
      )}
      {removed.length > 0 && (
        <section class="removed-layers" aria-label="Layers this step removed">
          <h3 class="step-section-title">Removed at this step</h3>
          {removed.map((table, index) => (
            <HeaderTable key={`${index}-${table.layer}`} table={table} view={shown} removed />
          ))}
        </section>
      )}
    </>
  );
}

/** A layer of the tree with the layer it carries nested inside it; a tunnel's inner packet is titled. */
function LayerItem({ node, view }: { node: LayerNode; view: HeaderView }) {
  const child = node.child;
  return (
    <li
      role="treeitem"
      aria-expanded={child !== null ? true : undefined}
      class={`layer-node depth-${node.table.depth}`}
      data-layer={node.table.layer}
    >
      <HeaderTable table={node.table} view={view} />
      {child !== null && (
        <ul role="group" class="layer-children">
          {child.inner ? (
            <li class="inner-headers-item" role="none">
              <section
                class={`inner-headers depth-${child.table.depth}`}
                aria-label={innerTitle(child.table.depth)}
              >
                <h3 class="inner-headers-title">{innerTitle(child.table.depth)}</h3>
                <ul role="group" class="layer-children">
                  <LayerItem node={child} view={view} />
                </ul>
              </section>
            </li>
          ) : (
            <LayerItem node={child} view={view} />
          )}
        </ul>
      )}
    </li>
  );
}

function innerTitle(depth: number): string {
  return depth === 1
    ? "Inner packet (inside the tunnel)"
    : `Inner packet (inside ${depth} tunnels)`;
}

function HeaderTable({
  table,
  view,
  removed = false,
}: {
  table: ComparedTable;
  view: HeaderView;
  removed?: boolean;
}) {
  const classes = ["header-table", `layer-${table.layer}`];
  if (table.added) classes.push("added");
  if (removed) classes.push("removed");
  return (
    <table class={classes.join(" ")}>
      <caption>
        {table.title}
        {table.added && (
          <span class="layer-added"> ({view === "after" ? "added" : "removed at this step"})</span>
        )}
      </caption>
      <tbody>
        {table.rows.map((row) => (
          <FieldRow key={row.label} row={row} view={view} />
        ))}
      </tbody>
    </table>
  );
}

function FieldRow({ row, view }: { row: ComparedRow; view: HeaderView }) {
  if (row.before === undefined) {
    return (
      <tr>
        <th scope="row">{row.label}</th>
        <td>{row.value}</td>
      </tr>
    );
  }
  return (
    <tr class="changed">
      <th scope="row">{row.label}</th>
      <td>
        {view === "after" ? (
          <BeforeAfter before={row.before} after={row.value} />
        ) : (
          <>
            <span class="value-before-step">{row.value}</span>
            <span class="field-becomes"> — becomes {row.before} at this step</span>
          </>
        )}
        <span class="field-mark" aria-hidden="true">
          {" "}
          ✎ changed
        </span>
      </td>
    </tr>
  );
}
