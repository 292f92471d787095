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

/** How many fields changed across all tables. */
export function changedFieldCount(tables: readonly ComparedTable[]): number {
  return tables.reduce(
    (count, table) => count + table.rows.filter((row) => row.before !== undefined).length,
    0,
  );
}

/**
 * The layers of `cause` that no layer of `headers` pairs with: what the step took off (say, the
 * outer headers a decapsulation removed), as tables in the cause's order.
 */
export function removedLayers(
  headers: readonly Header[],
  cause: readonly Header[] | null,
): ComparedTable[] {
  if (cause === null || cause.length === 0 || headers.length === 0) return [];
  const paired = new Set(headers.map((_, index) => matchingLayer(headers, index, cause)));
  return cause
    .filter((header) => !paired.has(header))
    .map((header) => {
      const table = headerTable(header);
      return {
        title: table.title,
        layer: header.layer,
        rows: table.rows,
        depth: headerDepth(header),
        added: false,
      };
    });
}

/** One layer in the header tree: its table, and the layer it carries (null for the innermost). */
export interface LayerNode {
  readonly table: ComparedTable;
  /** True when this layer is the first one inside a tunnel (its depth is one more than its parent's). */
  readonly inner: boolean;
  readonly child: LayerNode | null;
}

/**
 * The tables, outermost first, as a tree: each layer carries the next one (Ethernet carries
 * IPv4, which carries UDP, which carries VXLAN, which carries the inner frame).
 */
export function layerTree(tables: readonly ComparedTable[]): LayerNode | null {
  let node: LayerNode | null = null;
  for (let index = tables.length - 1; index >= 0; index--) {
    const table = tables[index];
    if (table === undefined) continue;
    const parent = tables[index - 1];
    node = { table, inner: parent !== undefined && table.depth > parent.depth, child: node };
  }
  return node;
}
