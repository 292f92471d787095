/** Owns the comparison of a step's headers with its cause step's: which fields a NAT rewrite, a router hop or an encapsulation changed, before → after. */
import { headerDepth, type Header } from "../model/trace";
import { headerTable, type FieldRow } from "./format";

/** One field of a header table; `before` is set when the cause step's same field had another value. */
export interface ComparedRow extends FieldRow {
  readonly before?: string;
}

export interface ComparedTable {
  readonly title: string;
  readonly layer: string;
  readonly rows: readonly ComparedRow[];
  /** How many tunnels the layer lies inside: 0 on the wire, 1 inside a VXLAN or flannel UDP tunnel. */
  readonly depth: number;
  /** True when the cause step had headers but no such layer: the step added it (say, an encapsulation). */
  readonly added: boolean;
}

/**
 * Each header of `headers` as a table, its fields compared with the matching layer of `cause`
 * (the cause step's headers; null when there is nothing to compare with, e.g. the first step).
 * Layers are matched by name, counting from the innermost, so an outer header added or
 * removed by encapsulation leaves the inner layers paired with their own kind.
 */
export function compareHeaders(
  headers: readonly Header[],
  cause: readonly Header[] | null,
): ComparedTable[] {
  const comparable = cause !== null && cause.length > 0;
  return headers.map((header, index) => {
    const table = headerTable(header);
    const before = comparable ? matchingLayer(headers, index, cause) : null;
    const previous = before === null ? null : headerTable(before);
    const rows = table.rows.map((row): ComparedRow => {
      const old = previous?.rows.find((candidate) => candidate.label === row.label);
      return old !== undefined && old.value !== row.value ? { ...row, before: old.value } : row;
    });
    return {
      title: table.title,
      layer: header.layer,
      rows,
      depth: headerDepth(header),
      added: comparable && before === null,
    };
  });
}

/** The header of `cause` with the same layer name as `headers[index]` and as many of that layer inside it. */
function matchingLayer(
  headers: readonly Header[],
  index: number,
  cause: readonly Header[],
): Header | null {
  const layer = headers[index]?.layer;
  const inner = headers.slice(index + 1).filter((header) => header.layer === layer).length;
  const same = cause.filter((header) => header.layer === layer);
  return same[same.length - 1 - inner] ?? null;
}

/** A run of consecutive tables at one depth: the outer packet, or what a tunnel carries. */
export interface TableGroup {
  readonly depth: number;
  readonly tables: readonly ComparedTable[];
}

/** Splits the tables, outermost first, into runs of the same depth so inner headers can be grouped. */
export function groupByDepth(tables: readonly ComparedTable[]): TableGroup[] {
  const groups: { depth: number; tables: ComparedTable[] }[] = [];
  for (const table of tables) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.depth === table.depth) last.tables.push(table);
    else groups.push({ depth: table.depth, tables: [table] });
  }
  return groups;
}

/** How many fields changed across all tables. */
export function changedFieldCount(tables: readonly ComparedTable[]): number {
  return tables.reduce(
    (count, table) => count + table.rows.filter((row) => row.before !== undefined).length,
    0,
  );
}
