/** Owns the shell console: the namespace to run in, the command line with history, and the output. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { NamespaceRef } from "../model/topology";
import type { ConsoleLine } from "../store/session";
import { placeLabel } from "./format";
import { emptyHistory, newer, older, remember } from "./history";
import { chooseNamespace, type NamespaceOption } from "./namespaces";

export interface ConsolePanelProps {
  readonly options: readonly NamespaceOption[];
  readonly lines: readonly ConsoleLine[];
  readonly onCommand: (netns: NamespaceRef, line: string) => void;
}

export function ConsolePanel({ options, lines, onCommand }: ConsolePanelProps) {
  const [netns, setNetns] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [history, setHistory] = useState(emptyHistory);
  const output = useRef<HTMLPreElement>(null);
  const chosen = chooseNamespace(options, netns);
  const ref = options.find((option) => option.key === chosen)?.ref ?? null;
  useEffect(() => {
    if (chosen !== netns) setNetns(chosen);
  }, [chosen, netns]);
  useEffect(() => {
    const element = output.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [lines]);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (ref === null || text.trim() === "") return;
      onCommand(ref, text);
      setHistory(remember(history, text));
      setText("");
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const recall = event.key === "ArrowUp" ? older(history, text) : newer(history, text);
      setHistory(recall.history);
      setText(recall.text);
    }
  };

  return (
    <section id="console" class="panel" aria-labelledby="console-title">
      <div class="console-header">
        <h2 id="console-title" class="panel-title">
          Console
        </h2>
        <label for="console-netns">Run in</label>
        <select
          id="console-netns"
          value={chosen}
          onChange={(event) => setNetns(event.currentTarget.value)}
        >
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <pre id="console-output" ref={output} aria-live="polite">
        {lines.map((line, index) => (
          <span key={index} class={`console-${line.kind}`}>
            {line.text.endsWith("\n") ? line.text : `${line.text}\n`}
          </span>
        ))}
      </pre>
      <div class="console-line">
        <label for="console-input" class="prompt">
          {ref === null ? "$" : `${placeLabel(ref)}$`}
        </label>
        <input
          id="console-input"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder={ref === null ? "Waiting for the lab…" : "ip -br addr"}
          disabled={ref === null}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
    </section>
  );
}
