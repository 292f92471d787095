/** Owns the probe toolbar: ping, TCP or UDP (nc) from a namespace to an address and port (checked before sending), and the button that runs it. */
import { useEffect, useState } from "preact/hooks";
import { isIPv4, type NamespaceRef } from "../model/topology";
import { probeRequest, type ProbeKind } from "../playback/probes";
import { chooseNamespace, type NamespaceOption } from "./namespaces";

export interface PingToolbarProps {
  readonly options: readonly NamespaceOption[];
  readonly connected: boolean;
  readonly onPing: (from: NamespaceRef, to: string) => void;
  /** Runs a TCP or UDP probe: the nc line in the namespace. */
  readonly onProbe?: (from: NamespaceRef, line: string) => void;
}

export function PingToolbar({ options, connected, onPing, onProbe }: PingToolbarProps) {
  const [from, setFrom] = useState<string | null>(null);
  const [kind, setKind] = useState<ProbeKind>("ping");
  const [port, setPort] = useState("80");
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
    if (kind === "ping" || onProbe === undefined) {
      setError(null);
      onPing(source.ref, address);
      return;
    }
    const number = Number(port.trim());
    if (!/^\d+$/.test(port.trim()) || number < 1 || number > 65535) {
      setError(`Not a port: "${port.trim()}" (expected 1 to 65535).`);
      return;
    }
    setError(null);
    const request = probeRequest(kind, address, number);
    if (request.kind === "command") onProbe(source.ref, request.line);
  };

  return (
    <form class="toolbar" onSubmit={submit} noValidate>
      {onProbe !== undefined && (
        <select
          id="probe-kind"
          aria-label="Probe kind"
          value={kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setKind(value === "tcp" || value === "udp" ? value : "ping");
            setError(null);
          }}
        >
          <option value="ping">Ping</option>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
        </select>
      )}
      <label for="ping-from">{onProbe === undefined ? "Ping from" : "from"}</label>
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
      {kind !== "ping" && (
        <>
          <label for="probe-port">port</label>
          <input
            id="probe-port"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={5}
            value={port}
            onInput={(event) => {
              setPort(event.currentTarget.value);
              setError(null);
            }}
          />
        </>
      )}
      <button id="ping-button" type="submit" disabled={!connected}>
        {kind === "ping" ? "Ping" : `Probe ${kind.toUpperCase()}`}
      </button>
      <span id="ping-error" class="inline-error" role="alert" title={error ?? undefined}>
        {error ?? ""}
      </span>
    </form>
  );
}
