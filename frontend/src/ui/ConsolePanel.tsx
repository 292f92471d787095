/** Owns the shell console: the namespace to run in, the command line with history and here-document continuation lines, and the output. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { NamespaceRef } from "../model/topology";
import type { ConsoleLine } from "../store/session";
import { placeLabel } from "./format";
import { enterLine, enterText, pendingHeredocs } from "./heredoc";
import { emptyHistory, newer, older, remember } from "./history";
import { chooseNamespace, namespaceAfter, type NamespaceOption } from "./namespaces";

export interface ConsolePanelProps {
  readonly options: readonly NamespaceOption[];
  readonly lines: readonly ConsoleLine[];
  readonly onCommand: (netns: NamespaceRef, line: string) => void;
}

export function ConsolePanel({ options, lines, onCommand }: ConsolePanelProps) {
  const [netns, setNetns] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [history, setHistory] = useState(emptyHistory);
  // The lines of a command still waiting for its here-document's terminator; empty when idle.
  const [pending, setPending] = useState<readonly string[]>([]);
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

  const send = (commands: readonly string[]): void => {
    if (ref === null) return;
    let remembered = history;
    let next = chosen;
    for (const command of commands) {
      // A pasted `pw use HOST` moves the lines after it to HOST, as it moves the selection.
      onCommand(options.find((option) => option.key === next)?.ref ?? ref, command);
      next = namespaceAfter(options, next, command) ?? next;
      // History recalls into one input line, so a here-document is remembered by its first line.
      remembered = remember(remembered, command.split("\n")[0] ?? command);
    }
    setHistory(remembered);
    if (next !== chosen) setNetns(next);
  };

  const cancel = (): void => {
    setPending([]);
    setText("");
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const input = event.currentTarget instanceof HTMLInputElement ? event.currentTarget : null;
    const selected = input !== null && input.selectionStart !== input.selectionEnd;
    if (event.key === "Enter") {
      event.preventDefault();
      if (ref === null) return;
      const entered = enterLine(pending, text);
      setPending(entered.pending);
      if (entered.command !== null) send([entered.command]);
      if (entered.command !== null || entered.pending.length > 0) setText("");
    } else if (pending.length > 0 && (event.key === "Escape" || isCtrlC(event, selected))) {
      event.preventDefault();
      cancel();
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const recall = event.key === "ArrowUp" ? older(history, text) : newer(history, text);
      setHistory(recall.history);
      setText(recall.text);
    }
  };

  const onPaste = (event: ClipboardEvent): void => {
    const pasted = event.clipboardData?.getData("text") ?? "";
    const input = event.currentTarget;
    if (ref === null || !/[\r\n]/.test(pasted) || !(input instanceof HTMLInputElement)) return;
    // A text input drops line breaks, so a multi-line paste is entered here, line by line.
    event.preventDefault();
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? text.length;
    const entered = enterText(pending, text.slice(0, start) + pasted + text.slice(end));
    setPending(entered.pending);
    send(entered.commands);
    setText(entered.rest);
  };

  const prompt = ref === null ? "$" : `${placeLabel(ref)}$`;
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
      {pending.length > 0 && (
        <pre id="console-pending" aria-label="Command so far">
          {pending.map((line, index) => `${index === 0 ? `${prompt} ` : "> "}${line}\n`).join("")}
        </pre>
      )}
      <div class="console-line">
        <label for="console-input" class="prompt">
          {pending.length > 0 ? ">" : prompt}
        </label>
        <input
          id="console-input"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder={
            ref === null
              ? "Waiting for the lab…"
              : pending.length > 0
                ? `Type ${pendingHeredocs(pending)[0]?.word ?? "the terminator"} alone to end; Esc cancels`
                : "ip -br addr"
          }
          disabled={ref === null}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </div>
    </section>
  );
}

/** Ctrl+C with nothing selected (with a selection it copies, as everywhere). */
function isCtrlC(event: KeyboardEvent, selected: boolean): boolean {
  return (
    event.ctrlKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === "c" && !selected
  );
}
