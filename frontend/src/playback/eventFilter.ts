/** Owns the event list's filter: which kind groups and which namespace are shown, the steps that pass, and moves between them. */
import type { TraceStep } from "../model/trace";
import { KIND_GROUPS, kindGroup, type KindGroup } from "./kindGroups";

export interface EventFilter {
  /** The kind groups shown; a step of a hidden group is left out. */
  readonly groups: ReadonlySet<KindGroup>;
  /** The namespace shown ("host/netns"), or null for every namespace. */
  readonly namespace: string | null;
}

/** Every step shown. */
export const SHOW_ALL: EventFilter = { groups: new Set(KIND_GROUPS), namespace: null };

/** The key of the namespace a step happened in: "host1/ns1", "host1/" for a root namespace. */
export function stepNamespace(step: TraceStep): string {
  return `${step.location.host}/${step.location.netns}`;
}

/** The indexes (into `steps`) of the steps the filter shows, in order. */
export function shownSteps(steps: readonly TraceStep[], filter: EventFilter): number[] {
  const shown: number[] = [];
  const everything = filter.namespace === null && filter.groups.size === KIND_GROUPS.length;
  steps.forEach((step, index) => {
    if (
      everything ||
      (filter.groups.has(kindGroup(step.kind)) &&
        (filter.namespace === null || stepNamespace(step) === filter.namespace))
    ) {
      shown.push(index);
    }
  });
  return shown;
}

/** The filter with `group` shown or hidden. */
export function toggleGroup(filter: EventFilter, group: KindGroup): EventFilter {
  const groups = new Set(filter.groups);
  if (!groups.delete(group)) groups.add(group);
  return { ...filter, groups };
}

/** How many steps of each group the trace has (for the filter's counts). */
export function groupCounts(steps: readonly TraceStep[]): ReadonlyMap<KindGroup, number> {
  const counts = new Map<KindGroup, number>(KIND_GROUPS.map((group) => [group, 0]));
  for (const step of steps) {
    const group = kindGroup(step.kind);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}

/** The namespaces the trace's steps happened in, in the order they first appear. */
export function traceNamespaces(steps: readonly TraceStep[]): string[] {
  return [...new Set(steps.map(stepNamespace))];
}

/** Where a list key moves the cursor among the shown steps; null when the key does not move it. */
export type ListMove = "next" | "previous" | "first" | "last" | "pageDown" | "pageUp";

/**
 * The step index a move lands on: the shown step after/before the cursor (from a hidden or no
 * step, the nearest one in that direction), the first or last shown, or `page` shown steps on.
 * Returns null when no shown step lies that way.
 */
export function moveAmong(
  shown: readonly number[],
  cursor: number,
  move: ListMove,
  page = 10,
): number | null {
  if (shown.length === 0) return null;
  switch (move) {
    case "first":
      return shown[0] ?? null;
    case "last":
      return shown[shown.length - 1] ?? null;
    case "next":
      return shown.find((index) => index > cursor) ?? null;
    case "previous":
      return [...shown].reverse().find((index) => index < cursor) ?? null;
    case "pageDown": {
      const after = shown.findIndex((index) => index > cursor);
      if (after < 0) return null;
      return shown[Math.min(after + page - 1, shown.length - 1)] ?? null;
    }
    case "pageUp": {
      let before = -1;
      for (let i = shown.length - 1; i >= 0; i--) {
        if ((shown[i] ?? 0) < cursor) {
          before = i;
          break;
        }
      }
      if (before < 0) return null;
      return shown[Math.max(before - page + 1, 0)] ?? null;
    }
  }
}

/** The list move a key press asks for, or null. */
export function listMoveOf(key: string): ListMove | null {
  switch (key) {
    case "ArrowDown":
      return "next";
    case "ArrowUp":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "PageDown":
      return "pageDown";
    case "PageUp":
      return "pageUp";
    default:
      return null;
  }
}
