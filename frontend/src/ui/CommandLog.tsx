/** Owns the command log: each canvas edit as what the person did and the lines that carried it out, or the error that refused it and left the lab as it was. */
import { useEffect, useRef } from "preact/hooks";
import type { LogEntry } from "../edit/editState";
import { placeLabel } from "./format";

export function CommandLog({ entries }: { readonly entries: readonly LogEntry[] }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [entries]);
  return (
    <section class="command-log" aria-label="Command log">
      <h2>Command log</h2>
      {entries.length === 0 ? (
        <p class="command-log-empty">
          Edits made on the canvas show here with the commands that made them.
        </p>
      ) : (
        <ol id="command-log" ref={list}>
          {entries.map((entry) => (
            <li key={entry.requestId} class={entry.applied ? "edit-applied" : "edit-refused"}>
              <p class="edit-label">
                {entry.remote === true ? "Someone else " : entry.applied ? "You " : "Refused: you "}
                {entry.label}
              </p>
              <pre>
                {entry.commands
                  .map((command) => `${placeLabel(command.netns)}$ ${command.line}`)
                  .join("\n")}
              </pre>
              {entry.error !== null && (
                <p class="edit-error">{entry.error} — nothing was changed.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
