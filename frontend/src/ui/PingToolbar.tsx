/** Owns the ping toolbar: the source namespace, the destination address (checked before sending) and the Ping button. */
import { useEffect, useState } from "preact/hooks";
import { isIPv4, type NamespaceRef } from "../model/topology";
import { chooseNamespace, type NamespaceOption } from "./namespaces";

export interface PingToolbarProps {
  readonly options: readonly NamespaceOption[];
  readonly connected: boolean;
  readonly onPing: (from: NamespaceRef, to: string) => void;
}

export function PingToolbar({ options, connected, onPing }: PingToolbarProps) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState("10.0.0.2");
  const [error, setError] = useState<string | null>(null);
  const chosen = chooseNamespace(options, from);
  useEffect(() => {
    if (chosen !== from) setFrom(chosen);
  }, [chosen, from]);

  const submit = (event: Event): void => {
    event.preventDefault();
    const address = to.trim();
    if (!isIPv4(address)) {
      setError(`Not an IPv4 address: "${address}" (expected e.g. 10.0.0.2).`);
      return;
    }
    const source = options.find((option) => option.key === chosen);
    if (source === undefined) {
      setError("Choose a namespace to ping from.");
      return;
    }
    setError(null);
    onPing(source.ref, address);
  };

  return (
    <form class="toolbar" onSubmit={submit} noValidate>
      <label for="ping-from">Ping from</label>
      <select
        id="ping-from"
        value={chosen}
        onChange={(event) => setFrom(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </select>
      <label for="ping-to">to</label>
      <input
        id="ping-to"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={to}
        aria-invalid={error !== null}
        aria-describedby="ping-error"
        onInput={(event) => {
          setTo(event.currentTarget.value);
          setError(null);
        }}
      />
      <button id="ping-button" type="submit" disabled={!connected}>
        Ping
      </button>
      <span id="ping-error" class="inline-error" role="alert" title={error ?? undefined}>
        {error ?? ""}
      </span>
    </form>
  );
}
