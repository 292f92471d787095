/** Owns rewinding state: a namespace's tables as of a trace step, from the tables read after the trace and the state changes its steps made, with what the step itself changed marked. */
import type { NamespaceRef } from "../model/topology";
import type { StateChange, TraceStep } from "../model/trace";
import type { NamespaceStateMessage, StateEntry } from "../protocol/protocol";

export type TableName = "neighbour" | "fdb" | "conntrack" | "counter";

/** What the current step did to a row. */
export type RowMark = "created" | "changed" | "removed";

export interface StateRow {
  /** The bridge of an FDB entry, else null. */
  readonly device: string | null;
  readonly key: string;
  /** The entry as of the step; for a removed row, what it was before the step. */
  readonly text: string;
  /** Set when the current step changed this row. */
  readonly mark: RowMark | null;
  /** The entry before the current step changed it (changed rows only). */
  readonly before: string | null;
}

export interface RewoundTables {
  readonly neighbour: readonly StateRow[];
  readonly fdb: readonly StateRow[];
  readonly conntrack: readonly StateRow[];
  readonly counter: readonly StateRow[];
}

const TABLES: readonly TableName[] = ["neighbour", "fdb", "conntrack", "counter"];

function isTable(kind: string): kind is TableName {
  return TABLES.some((table) => table === kind);
}

/** How rows of a table are told apart: FDB entries by bridge and MAC, the others by key. */
function rowKey(device: string | null, key: string, table: TableName): string {
  return table === "fdb" ? `${device ?? ""} ${key}` : key;
}

function inNamespace(change: StateChange, ns: NamespaceRef): boolean {
  return change.where.host === ns.host && change.where.netns === ns.netns;
}

interface Entry {
  readonly device: string | null;
  readonly key: string;
  readonly text: string;
}

/**
 * The namespace's tables as they were right after step `cursor` (-1: before the first step).
 * `tables` were read after the whole trace, so every change of the steps after the cursor is
 * undone, newest first. The changes step `cursor` made are marked on their rows; a removed
 * entry stays as a row marked "removed".
 */
export function tablesAt(
  tables: NamespaceStateMessage,
  steps: readonly TraceStep[],
  cursor: number,
): RewoundTables {
  const ns = tables.netns;
  const maps = new Map<TableName, Map<string, Entry>>([
    ["neighbour", entryMap(tables.neighbours, "neighbour")],
    ["fdb", entryMap(tables.fdb, "fdb")],
    ["conntrack", entryMap(tables.conntrack, "conntrack")],
    ["counter", entryMap(tables.counters, "counter")],
  ]);
  for (let index = steps.length - 1; index > cursor; index--) {
    const changes = steps[index]?.changes ?? [];
    for (let c = changes.length - 1; c >= 0; c--) {
      const change = changes[c];
      if (change === undefined || !isTable(change.kind) || !inNamespace(change, ns)) continue;
      const device = change.kind === "fdb" ? change.where.device : null;
      const map = maps.get(change.kind);
      const key = rowKey(device, change.key, change.kind);
      if (change.before === null) map?.delete(key);
      else map?.set(key, { device, key: change.key, text: change.before });
    }
  }
  const marks = new Map<string, StateChange>();
  for (const change of steps[cursor]?.changes ?? []) {
    if (!isTable(change.kind) || !inNamespace(change, ns)) continue;
    const device = change.kind === "fdb" ? change.where.device : null;
    marks.set(`${change.kind}\u0000${rowKey(device, change.key, change.kind)}`, change);
  }
  const rows = (table: TableName): StateRow[] => {
    const map = maps.get(table) ?? new Map<string, Entry>();
    const shown: StateRow[] = [...map.entries()].map(([id, entry]) => {
      const change = marks.get(`${table}\u0000${id}`);
      if (change === undefined) return { ...entry, mark: null, before: null };
      return change.before === null
        ? { ...entry, mark: "created", before: null }
        : { ...entry, mark: "changed", before: change.before };
    });
    for (const [id, change] of marks) {
      const [kind, key] = id.split("\u0000");
      if (kind !== table || change.after !== null || change.before === null) continue;
      if (key !== undefined && map.has(key)) continue;
      shown.push({
        device: table === "fdb" ? change.where.device : null,
        key: change.key,
        text: change.before,
        mark: "removed",
        before: null,
      });
    }
    return shown;
  };
  return {
    neighbour: rows("neighbour"),
    fdb: rows("fdb"),
    conntrack: rows("conntrack"),
    counter: rows("counter"),
  };
}

function entryMap(entries: readonly StateEntry[], table: TableName): Map<string, Entry> {
  return new Map(entries.map((entry) => [rowKey(entry.device, entry.key, table), entry]));
}

/** One line of `iptables-save -c` output as of a step: the counters, and whether the step counted it. */
export interface SaveLine {
  readonly text: string;
  /** The line's counters in iptables-save's "[packets:bytes]" form, when it has any. */
  readonly counters: string | null;
  /** Set when the current step changed this line's counters. */
  readonly mark: RowMark | null;
  /** The counters before the step, on a marked line. */
  readonly before: string | null;
}

/**
 * The rules in `iptables-save -c` form as of the step: each rule's and built-in chain policy's
 * counters taken from the rewound counter table ("1 packets, 84 bytes" becomes "[1:84]").
 */
export function saveLinesAt(iptablesSave: string, counters: readonly StateRow[]): SaveLine[] {
  const byKey = new Map(counters.map((row) => [row.key, row]));
  const ruleNumbers = new Map<string, number>();
  let table = "";
  return iptablesSave
    .split("\n")
    .filter((line) => line !== "")
    .map((text): SaveLine => {
      if (text.startsWith("*")) {
        table = text.slice(1);
        return { text, counters: null, mark: null, before: null };
      }
      const policy = /^:(\S+) (\S+) \[\d+:\d+\]$/.exec(text);
      if (policy !== null) {
        const row = byKey.get(`${table} ${policy[1] ?? ""} policy`);
        const shown = row === undefined ? null : bracketed(row.text);
        return {
          text: shown === null ? text : `:${policy[1] ?? ""} ${policy[2] ?? ""} ${shown}`,
          counters: null,
          mark: row?.mark ?? null,
          before: row?.before === null || row === undefined ? null : bracketed(row.before),
        };
      }
      const rule = /^-A (\S+) /.exec(text);
      if (rule === null) return { text, counters: null, mark: null, before: null };
      const chain = rule[1] ?? "";
      const number = (ruleNumbers.get(`${table} ${chain}`) ?? 0) + 1;
      ruleNumbers.set(`${table} ${chain}`, number);
      const row = byKey.get(`${table} ${chain} ${number}`);
      return {
        text,
        counters: row === undefined ? null : bracketed(row.text),
        mark: row?.mark ?? null,
        before: row?.before === null || row === undefined ? null : bracketed(row.before),
      };
    });
}

/** "1 packets, 84 bytes" as iptables-save -c prints it: "[1:84]"; other text as it is. */
export function bracketed(counter: string): string {
  const match = /^(\d+) packets, (\d+) bytes$/.exec(counter);
  return match === null ? counter : `[${match[1] ?? "0"}:${match[2] ?? "0"}]`;
}
