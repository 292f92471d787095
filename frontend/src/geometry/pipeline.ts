/**
 * Owns the pure layout of a namespace's netfilter pipeline as drawn when the namespace is expanded:
 * the five hooks (PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING) with the table chains the kernel
 * registers at each, in priority order, the routing decision and the local process, the arrows
 * between them, and where a trace step sits in it (hook, table, chain, rule).
 */
import type { TraceStep } from "../model/trace";
import type { Point, Rect, Size } from "./path";

export type HookName = "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING";

export const HOOKS: readonly HookName[] = [
  "PREROUTING",
  "INPUT",
  "FORWARD",
  "OUTPUT",
  "POSTROUTING",
];

/**
 * The iptables tables registered at each hook, in the kernel's priority order
 * (include/uapi/linux/netfilter_ipv4.h: raw -300, mangle -150, nat's DNAT -100, filter 0,
 * security 50, nat's SNAT 100).
 */
export const HOOK_TABLES: Readonly<Record<HookName, readonly string[]>> = {
  PREROUTING: ["raw", "mangle", "nat"],
  INPUT: ["mangle", "filter", "security", "nat"],
  FORWARD: ["mangle", "filter", "security"],
  OUTPUT: ["raw", "mangle", "nat", "filter", "security"],
  POSTROUTING: ["mangle", "nat"],
};

/** The stages that are not hooks: the routing decisions and the local process. */
export type PlainStage = "routing" | "local" | "output-routing";
export type StageName = HookName | PlainStage;

export interface TableRow {
  readonly table: string;
  readonly rect: Rect;
}

export interface StageBox {
  readonly name: StageName;
  /** What the box says: the hook's name, or "routing decision" / "local process". */
  readonly label: string;
  readonly rect: Rect;
  /** The table chains inside a hook, top to bottom in priority order (none for a plain stage). */
  readonly rows: readonly TableRow[];
}

export interface Arrow {
  /** "wire" is the namespace's devices: where packets come in and leave. */
  readonly from: StageName | "wire";
  readonly to: StageName | "wire";
  readonly points: readonly Point[];
}

export interface PipelineLayout {
  /** The namespace box the pipeline belongs to. */
  readonly key: string;
  /** The panel the pipeline is drawn in, attached to the namespace box. */
  readonly panel: Rect;
  /** The area the expanded namespace takes: its box and the panel together. */
  readonly frame: Rect;
  /** The line that ties the panel to the namespace's box, from the box to the panel's edge. */
  readonly stem: readonly Point[];
  readonly stages: ReadonlyMap<StageName, StageBox>;
  readonly arrows: readonly Arrow[];
  /** The lines under the panel's title where the current place, rule or drop reason is written. */
  readonly caption: Rect;
}

const PAD = 12;
const TITLE = 20;
const COLUMN = 124;
/** The room left of the first column for the arrows from and to the devices. */
const WIRE_LANE = 26;
const GAP_X = 30;
const GAP_Y = 26;
const HEADER = 22;
const ROW = 17;
const PLAIN_HEIGHT = 38;
const CAPTION = 40;
const ROW_INSET = 6;

/**
 * Where each stage sits: the way in along the top row, forwarding and local output in the middle
 * row, the way out at the bottom.
 */
const GRID: Readonly<Record<StageName, { readonly column: number; readonly row: number }>> = {
  PREROUTING: { column: 0, row: 0 },
  routing: { column: 1, row: 0 },
  INPUT: { column: 2, row: 0 },
  local: { column: 3, row: 0 },
  FORWARD: { column: 1, row: 1 },
  OUTPUT: { column: 2, row: 1 },
  "output-routing": { column: 3, row: 1 },
  POSTROUTING: { column: 1, row: 2 },
};
const ROWS = 3;

const LINKS: readonly (readonly [StageName, StageName])[] = [
  ["PREROUTING", "routing"],
  ["routing", "INPUT"],
  ["INPUT", "local"],
  ["routing", "FORWARD"],
  ["local", "output-routing"],
  ["output-routing", "OUTPUT"],
  ["FORWARD", "POSTROUTING"],
  ["OUTPUT", "POSTROUTING"],
];

const LABELS: Readonly<Record<PlainStage, string>> = {
  routing: "routing decision",
  local: "local process",
  "output-routing": "routing (output)",
};

function isHook(name: StageName): name is HookName {
  return (HOOKS as readonly string[]).includes(name);
}

function stageHeight(name: StageName): number {
  return isHook(name) ? HEADER + HOOK_TABLES[name].length * ROW + ROW_INSET : PLAIN_HEIGHT;
}

/** The tallest stage in each row of the grid. */
function rowHeights(): number[] {
  const heights = Array.from({ length: ROWS }, () => PLAIN_HEIGHT);
  for (const [name, place] of gridEntries()) {
    heights[place.row] = Math.max(heights[place.row] ?? 0, stageHeight(name));
  }
  return heights;
}

function gridEntries(): [StageName, { readonly column: number; readonly row: number }][] {
  return Object.entries(GRID) as [StageName, (typeof GRID)[StageName]][];
}

/** The panel's size at scale 1. */
export function pipelineSize(): Size {
  const rows = rowHeights().reduce((sum, height) => sum + height, 0);
  return {
    width: 2 * PAD + WIRE_LANE + 4 * COLUMN + 3 * GAP_X,
    height: TITLE + 2 * PAD + rows + (ROWS - 1) * GAP_Y + CAPTION,
  };
}

/**
 * Lays out the pipeline of the namespace whose box is `box`, in a panel hung below the box and
 * below any of the `others` boxes it would cover (above the box when the scene has room there and
 * not below), kept inside the scene's width where it can be.
 */
export function layoutPipeline(
  key: string,
  box: Rect,
  scene: Size,
  others: readonly Rect[] = [],
): PipelineLayout {
  const size = pipelineSize();
  const x = Math.max(0, Math.min(box.x, scene.width - size.width));
  let below = box.y + box.height + 4;
  for (let moved = true; moved;) {
    const under = { x, y: below, ...size };
    const covered = others.filter((other) => overlaps(other, under));
    moved = covered.length > 0;
    if (moved) below = Math.max(...covered.map((other) => other.y + other.height)) + 4;
  }
  const above = box.y - 4 - size.height;
  const roomAbove =
    above >= 0 && !others.some((other) => overlaps(other, { x, y: above, ...size }));
  const y = below + size.height > scene.height && roomAbove ? above : below;
  const panel = { x, y, ...size };
  const top = Math.min(panel.y, box.y);
  const left = Math.min(panel.x, box.x);
  const right = Math.max(panel.x + panel.width, box.x + box.width);
  const bottom = Math.max(panel.y + panel.height, box.y + box.height);
  const frame = { x: left - 6, y: top - 6, width: right - left + 12, height: bottom - top + 12 };
  const stemX = Math.min(Math.max(box.x + box.width / 2, panel.x + 16), panel.x + panel.width - 16);
  const stem =
    panel.y >= box.y
      ? [
          { x: stemX, y: box.y + box.height },
          { x: stemX, y: panel.y },
        ]
      : [
          { x: stemX, y: box.y },
          { x: stemX, y: panel.y + panel.height },
        ];

  const heights = rowHeights();
  const rowTops: number[] = [];
  let next = panel.y + PAD + TITLE + CAPTION;
  for (const height of heights) {
    rowTops.push(next);
    next += height + GAP_Y;
  }
  const stages = new Map<StageName, StageBox>();
  for (const [name, place] of gridEntries()) {
    const height = stageHeight(name);
    const rect = {
      x: panel.x + PAD + WIRE_LANE + place.column * (COLUMN + GAP_X),
      y: (rowTops[place.row] ?? 0) + ((heights[place.row] ?? height) - height) / 2,
      width: COLUMN,
      height,
    };
    const rows = isHook(name)
      ? HOOK_TABLES[name].map((table, index) => ({
          table,
          rect: {
            x: rect.x + ROW_INSET,
            y: rect.y + HEADER + index * ROW,
            width: rect.width - 2 * ROW_INSET,
            height: ROW - 2,
          },
        }))
      : [];
    stages.set(name, { name, label: isHook(name) ? name : LABELS[name], rect, rows });
  }
  const lane = panel.x + PAD;
  const arrows = [
    wireArrow(stages, "PREROUTING", lane, true),
    ...LINKS.map(([from, to]) => arrow(stages, from, to)),
    wireArrow(stages, "POSTROUTING", lane, false),
  ];
  const caption = {
    x: panel.x + PAD,
    y: panel.y + PAD + TITLE - 4,
    width: panel.width - 2 * PAD,
    height: CAPTION - 6,
  };
  return { key, panel, frame, stem, stages, arrows, caption };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function rectOf(stages: ReadonlyMap<StageName, StageBox>, name: StageName): Rect {
  const rect = stages.get(name)?.rect;
  if (rect === undefined) throw new Error(`no stage ${name}`);
  return rect;
}

/** The arrow from the devices into PREROUTING, or out of POSTROUTING to them, along the left lane. */
function wireArrow(
  stages: ReadonlyMap<StageName, StageBox>,
  hook: HookName,
  lane: number,
  inwards: boolean,
): Arrow {
  const rect = rectOf(stages, hook);
  const y = rect.y + HEADER / 2;
  const outer = { x: lane, y };
  const edge = { x: rect.x, y };
  return inwards
    ? { from: "wire", to: hook, points: [outer, edge] }
    : { from: hook, to: "wire", points: [edge, outer] };
}

/**
 * An arrow from one stage to the next: straight across within a row, straight down within a
 * column, else down from the first and across into the side of the second.
 */
function arrow(stages: ReadonlyMap<StageName, StageBox>, from: StageName, to: StageName): Arrow {
  const a = rectOf(stages, from);
  const b = rectOf(stages, to);
  if (GRID[from].row === GRID[to].row) {
    const y = Math.max(a.y, b.y) + Math.min(a.height, b.height, 2 * HEADER) / 2;
    const points =
      b.x > a.x
        ? [
            { x: a.x + a.width, y },
            { x: b.x, y },
          ]
        : [
            { x: a.x, y },
            { x: b.x + b.width, y },
          ];
    return { from, to, points };
  }
  if (GRID[from].column === GRID[to].column) {
    const x = a.x + a.width / 2;
    return {
      from,
      to,
      points: [
        { x, y: a.y + a.height },
        { x, y: b.y },
      ],
    };
  }
  const x = a.x + a.width / 2;
  const y = b.y + b.height / 2;
  const side = b.x < a.x ? b.x + b.width : b.x;
  return {
    from,
    to,
    points: [
      { x, y: a.y + a.height },
      { x, y },
      { x: side, y },
    ],
  };
}

/** Where a step is in a namespace's pipeline: a stage, and in a hook the table, chain and rule. */
export interface PipelineSpot {
  readonly stage: StageName;
  readonly table?: string;
  readonly chain?: string;
  readonly rule?: number;
  readonly ruleText?: string;
  /** Whether the packet's life ends here (dropped, rejected, or not delivered). */
  readonly dropped: boolean;
  /** The step's sentence: the reason, for a drop. */
  readonly sentence: string;
}

const LOCAL_KINDS = new Set([
  "LOCAL_DELIVER",
  "SOCKET_DELIVER",
  "USERSPACE_READ",
  "USERSPACE_WRITE",
  "PACKET_CREATED",
  "ICMP_SENT",
  "TCP_SENT",
]);

/** Steps after which a route lookup is the input routing decision (the packet came in). */
const ARRIVALS = new Set(["DEVICE_RX", "STACKED_RX", "DECAPSULATE", "BRIDGE_LOCAL_IN"]);

/**
 * Where the step at `index` is in the pipeline of the namespace `key` ("host/netns"), or null
 * when it is elsewhere or at no drawn stage. A route lookup is the input decision when the packet
 * last arrived in this namespace or passed PREROUTING, else the output one.
 */
export function pipelineSpot(
  steps: readonly TraceStep[],
  index: number,
  key: string,
): PipelineSpot | null {
  const step = steps[index];
  if (step === undefined || inNamespace(step) !== key) return null;
  const dropped = step.disposition !== null && step.disposition !== "DELIVERED";
  const base = { dropped, sentence: step.sentence };
  const place = step.location.netfilter;
  if (place !== undefined) {
    const hook = HOOKS.find((candidate) => candidate === place.hook);
    if (hook === undefined) return null;
    return {
      ...base,
      stage: hook,
      ...(place.table !== undefined && { table: place.table }),
      ...(place.chain !== undefined && { chain: place.chain }),
      ...(place.rule !== undefined && { rule: place.rule }),
      ...(place.ruleText !== undefined && { ruleText: place.ruleText }),
    };
  }
  if (step.kind === "ROUTE_LOOKUP") {
    return { ...base, stage: cameIn(steps, index, key) ? "routing" : "output-routing" };
  }
  if (step.kind === "FORWARD") return { ...base, stage: "routing" };
  if (LOCAL_KINDS.has(step.kind)) return { ...base, stage: "local" };
  return null;
}

function inNamespace(step: TraceStep): string {
  return `${step.location.host}/${step.location.netns}`;
}

function cameIn(steps: readonly TraceStep[], index: number, key: string): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const earlier = steps[i];
    if (earlier === undefined || inNamespace(earlier) !== key) continue;
    const hook = earlier.location.netfilter?.hook;
    if (hook === "PREROUTING" || ARRIVALS.has(earlier.kind)) return true;
    if (hook !== undefined || LOCAL_KINDS.has(earlier.kind)) return false;
  }
  return false;
}

/** An expanded namespace, and where the current step is in its pipeline (null: elsewhere). */
export interface PipelineState {
  readonly key: string;
  readonly spot: PipelineSpot | null;
}

/** The pipelines of the expanded namespaces `keys` at the step `cursor` of `steps`. */
export function pipelineStates(
  steps: readonly TraceStep[],
  cursor: number,
  keys: readonly string[],
): PipelineState[] {
  return keys.map((key) => ({ key, spot: pipelineSpot(steps, cursor, key) }));
}

/** Where the packet marker rests for a spot: on its table's row, else on its stage's header. */
export function spotPoint(layout: PipelineLayout, spot: PipelineSpot): Point | null {
  const stage = layout.stages.get(spot.stage);
  if (stage === undefined) return null;
  const row = stage.rows.find((candidate) => candidate.table === spot.table);
  // On the stage's right edge, beside the lit row or header, so the marker hides none of its words.
  const right = stage.rect.x + stage.rect.width;
  if (row !== undefined) return { x: right, y: row.rect.y + row.rect.height / 2 };
  return { x: right, y: stage.rect.y + Math.min(stage.rect.height / 2, 11) };
}

/** The words for a spot, so the lit place is said as well as shown: "INPUT › filter INPUT, rule 1: …". */
export function describeSpot(spot: PipelineSpot): string {
  const where =
    spot.table === undefined
      ? isHook(spot.stage)
        ? `${spot.stage} hook`
        : LABELS[spot.stage]
      : `${spot.stage} › ${spot.table} ${spot.chain ?? spot.stage}`;
  const rule =
    spot.rule === undefined
      ? ""
      : `, rule ${spot.rule}${spot.ruleText === undefined ? "" : `: ${spot.ruleText}`}`;
  return spot.dropped ? `Dropped at ${where}${rule}. ${spot.sentence}` : `At ${where}${rule}.`;
}
