/** Owns the saved probes strip: each probe with its last outcome, a Run again button and a side-by-side comparison of its last two runs with the first step where they differ marked. */
import { useState } from "preact/hooks";
import type { TraceStep } from "../../model/trace";
import { firstDifference, type Probe, type ProbeRun } from "../../playback/probes";
import { humaniseKind, locationLabel } from "../format";

export interface ProbesPanelProps {
  readonly probes: readonly Probe[];
  readonly connected: boolean;
  /** A view link's lab: the server refuses commands there, so command probes cannot run. */
  readonly readOnly: boolean;
  readonly onRun: (probe: Probe) => void;
}

export function ProbesPanel({ probes, connected, readOnly, onRun }: ProbesPanelProps) {
  const [comparing, setComparing] = useState<string | null>(null);
  if (probes.length === 0) return null;
  const compared = probes.find((probe) => probe.id === comparing) ?? null;
  return (
    <details class="probes" id="probes">
      <summary>
        Saved probes <span class="probe-count">({probes.length})</span>
      </summary>
      <ul class="probe-list">
        {probes.map((probe) => {
          const last = probe.runs[probe.runs.length - 1];
          const refused = readOnly && probe.request.kind === "command";
          return (
            <li key={probe.id} class="probe" data-probe={probe.id}>
              <code class="probe-label">{probe.label}</code>
              <span class="probe-runs">
                {probe.runs.length === 1 ? "1 run" : `${probe.runs.length} runs`}
                {last !== undefined && `: ${runVerdict(last)}`}
              </span>
              <button
                type="button"
                class="probe-run"
                disabled={!connected || refused}
                onClick={() => onRun(probe)}
                title={
                  refused
                    ? "Commands cannot run in a read-only lab: fork it to run this probe"
                    : `Run ${probe.label} again`
                }
              >
                Run again
              </button>
              <button
                type="button"
                class="probe-compare"
                disabled={probe.runs.length < 2}
                aria-pressed={comparing === probe.id}
                onClick={() => setComparing(comparing === probe.id ? null : probe.id)}
                title="Show the last two runs side by side"
              >
                Compare runs
              </button>
            </li>
          );
        })}
      </ul>
      {compared !== null && compared.runs.length >= 2 && (
        <RunComparison probe={compared} onClose={() => setComparing(null)} />
      )}
    </details>
  );
}

function runVerdict(run: ProbeRun): string {
  if (run.exit === null) return "no outcome";
  return run.exit === 0 ? "succeeded" : `failed (exit ${run.exit})`;
}

/** The last two runs side by side, step by step, the first step where they differ marked. */
function RunComparison({ probe, onClose }: { probe: Probe; onClose: () => void }) {
  const earlier = probe.runs[probe.runs.length - 2];
  const later = probe.runs[probe.runs.length - 1];
  if (earlier === undefined || later === undefined) return null;
  const differs = firstDifference(earlier.steps, later.steps);
  const rows = Math.max(earlier.steps.length, later.steps.length);
  return (
    <section
      id="probe-comparison"
      class="probe-comparison"
      aria-labelledby="probe-comparison-title"
    >
      <header class="probe-comparison-header">
        <h3 id="probe-comparison-title">{probe.label}: the last two runs</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p id="probe-difference" class="probe-difference">
        {differs === null
          ? `Both runs walk the same way (${rows} steps).`
          : `The runs part at step ${differs + 1}.`}
      </p>
      <table class="probe-runs-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Earlier run ({earlier.outcome ?? "no outcome"})</th>
            <th scope="col">Latest run ({later.outcome ?? "no outcome"})</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, index) => (
            <tr
              key={index}
              class={index === differs ? "first-difference" : undefined}
              data-index={index}
            >
              <th scope="row">
                {index + 1}
                {index === differs && <span class="badge badge-mark"> first difference</span>}
              </th>
              <StepCell step={earlier.steps[index]} />
              <StepCell step={later.steps[index]} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StepCell({ step }: { step: TraceStep | undefined }) {
  if (step === undefined) return <td class="no-step">(no step)</td>;
  return (
    <td>
      <strong>{humaniseKind(step.kind)}</strong> <code>{locationLabel(step.location)}</code>
      <div class="probe-step-sentence">{step.sentence}</div>
    </td>
  );
}
