/** Owns the controls of the drawn netfilter pipelines: the button beside a selected namespace box that expands or collapses it, and a status line that says in words where the current step is in each expanded pipeline. */
import type { Rect } from "../geometry/path";
import { describeSpot, type PipelineState } from "../geometry/pipeline";

/** The keys with `key` added, or taken out when it is there. */
export function toggled(keys: readonly string[], key: string): readonly string[] {
  return keys.includes(key) ? keys.filter((other) => other !== key) : [...keys, key];
}

export interface PipelineToggleProps {
  /** The selected box on the canvas, in canvas pixels. */
  readonly at: Rect;
  /** The namespace's name as the canvas shows it. */
  readonly label: string;
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

export function PipelineToggle({ at, label, expanded, onToggle }: PipelineToggleProps) {
  const action = expanded ? "Hide" : "Show";
  return (
    <button
      id="pipeline-toggle"
      type="button"
      class="pipeline-toggle"
      style={{ left: `${at.x + at.width + 6}px`, top: `${at.y}px` }}
      aria-pressed={expanded}
      aria-keyshortcuts="E"
      aria-label={`${action} the netfilter pipeline of ${label}`}
      title={`${action} the netfilter pipeline of ${label} (E, or double-click the box)`}
      onClick={onToggle}
    >
      {expanded ? "▾ netfilter" : "▸ netfilter"}
    </button>
  );
}

/** One line per expanded namespace: its name and the current step's place in its pipeline, as text. */
export function PipelineStatus({ pipelines }: { readonly pipelines: readonly PipelineState[] }) {
  return (
    <div id="pipeline-status" class="sr-only" role="status">
      {pipelines.map(({ key, spot }) => (
        <p
          key={key}
          data-ns={key}
          data-stage={spot?.stage ?? ""}
          data-table={spot?.table ?? ""}
          data-chain={spot?.chain ?? ""}
          data-rule={spot?.rule ?? ""}
          data-dropped={spot?.dropped === true ? "true" : "false"}
        >
          {`${key}: ${spot === null ? "the current step is not in this namespace." : describeSpot(spot)}`}
        </p>
      ))}
    </div>
  );
}
