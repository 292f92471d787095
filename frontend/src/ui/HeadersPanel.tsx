/** Owns the headers panel: the current step's packet headers, layer by layer, as field tables. */
import type { TraceStep } from "../model/trace";
import { headerTable, humaniseKind } from "./format";

export function HeadersPanel({ step }: { step: TraceStep | null }) {
  return (
    <section id="headers-panel" class="panel" aria-labelledby="headers-title">
      <h2 id="headers-title" class="panel-title">
        Packet headers
        {step !== null && <span class="panel-subtitle">after {humaniseKind(step.kind)}</span>}
      </h2>
      <div class="headers-scroller">
        {step === null ? (
          <p class="empty">Select a step to see the packet's headers.</p>
        ) : step.headers.length === 0 ? (
          <p class="empty">This step carries no packet headers.</p>
        ) : (
          step.headers.map((header, index) => {
            const table = headerTable(header);
            return (
              <table key={`${index}-${header.layer}`} class={`header-table layer-${header.layer}`}>
                <caption>{table.title}</caption>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row">{row.label}</th>
                      <td>{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })
        )}
      </div>
    </section>
  );
}
