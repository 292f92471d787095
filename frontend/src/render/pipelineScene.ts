/**
 * Owns the painting of expanded namespaces' netfilter pipelines on the overlay layer: a panel
 * attached to each expanded box with its hooks, table chains, routing decisions and arrows; the
 * current step's hook, table and chain drawn lit (outline, weight and a ▶ as well as colour), a
 * drop marked ✕ with its reason written out. Returns where the packet marker rests in a pipeline.
 */
import type { Layer } from "konva/lib/Layer";
import { Group } from "konva/lib/Group";
import { Arrow } from "konva/lib/shapes/Arrow";
import { Line } from "konva/lib/shapes/Line";
import { Rect } from "konva/lib/shapes/Rect";
import { Text } from "konva/lib/shapes/Text";
import type { NamespaceBox, Scene } from "../geometry/layout";
import type { Point, Rect as Box, Size } from "../geometry/path";
import {
  describeSpot,
  layoutPipeline,
  spotPoint,
  type PipelineLayout,
  type PipelineSpot,
  type PipelineState,
  type StageBox,
} from "../geometry/pipeline";
import { COLOURS, FONT_FAMILY } from "./theme";

const IDLE_CAPTION = "Step through a trace: the packet's place in this namespace lights up here.";

/**
 * Paints the pipeline of each expanded namespace that is drawn, beneath the layer's other shapes
 * (the highlights and the marker stay on top); returns where the marker rests when the current
 * step is in one of them, else null.
 */
export function paintPipelines(
  layer: Layer,
  scene: Scene,
  pipelines: readonly PipelineState[],
): Point | null {
  if (pipelines.length === 0) return null;
  let resting: Point | null = null;
  const group = new Group({ listening: false, name: "pipelines" });
  for (const { key, spot } of pipelines) {
    const layout = pipelineLayoutIn(scene, key);
    if (layout === null) continue;
    const label = scene.boxes.get(key)?.label ?? key;
    group.add(paintPipeline(layout, label, spot));
    if (spot !== null) resting = spotPoint(layout, spot) ?? resting;
  }
  layer.add(group);
  group.moveToBottom();
  return resting;
}

/** Where the marker rests for the current step if it is in an expanded pipeline, else null. */
export function pipelineRest(scene: Scene, pipelines: readonly PipelineState[]): Point | null {
  for (const { key, spot } of pipelines) {
    const layout = spot === null ? null : pipelineLayoutIn(scene, key);
    if (layout !== null && spot !== null) return spotPoint(layout, spot);
  }
  return null;
}

/** The scene's size grown to take in every expanded namespace's panel. */
export function withPipelines(scene: Scene, pipelines: readonly PipelineState[]): Size {
  let { width, height } = scene.size;
  for (const { key } of pipelines) {
    const layout = pipelineLayoutIn(scene, key);
    if (layout === null) continue;
    width = Math.max(width, layout.frame.x + layout.frame.width);
    height = Math.max(height, layout.frame.y + layout.frame.height);
  }
  return { width, height };
}

/** The panel of a namespace's pipeline, were it expanded; null when its box is not drawn. */
export function pipelinePanel(scene: Scene, key: string): Box | null {
  return pipelineLayoutIn(scene, key)?.panel ?? null;
}

function pipelineLayoutIn(scene: Scene, key: string): PipelineLayout | null {
  const box = scene.boxes.get(key);
  if (box === undefined) return null;
  const others = [...scene.boxes.values()]
    .filter((other) => other.key !== key)
    .map((other) => withTab(other));
  return layoutPipeline(key, withTab(box), scene.size, others);
}

function withTab(box: NamespaceBox): Box {
  return { ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height };
}

function paintPipeline(layout: PipelineLayout, label: string, spot: PipelineSpot | null): Group {
  const group = new Group({
    name: "pipeline",
    nsKey: layout.key,
    litStage: spot?.stage ?? "",
    litTable: spot?.table ?? "",
    litChain: spot?.chain ?? "",
    litRule: spot?.rule ?? 0,
    dropped: spot?.dropped ?? false,
    listening: false,
  });
  const { panel, stem } = layout;
  group.add(
    new Line({
      points: stem.flatMap((point) => [point.x, point.y]),
      stroke: COLOURS.boxStroke,
      strokeWidth: 2,
      dash: [6, 4],
    }),
    new Rect({
      ...panel,
      fill: COLOURS.portFill,
      stroke: COLOURS.boxStroke,
      strokeWidth: 1.5,
      cornerRadius: 8,
      shadowColor: "rgba(15, 23, 42, 0.18)",
      shadowBlur: 8,
      shadowOffsetY: 2,
    }),
    text(panel.x + 12, panel.y + 9, panel.width - 24, `${label} — netfilter pipeline`, {
      fontStyle: "bold",
      fill: COLOURS.tabText,
    }),
  );
  for (const arrow of layout.arrows) {
    group.add(
      new Arrow({
        points: arrow.points.flatMap((point) => [point.x, point.y]),
        stroke: COLOURS.portMuted,
        fill: COLOURS.portMuted,
        strokeWidth: 1.5,
        pointerLength: 6,
        pointerWidth: 6,
      }),
    );
  }
  for (const stage of layout.stages.values()) {
    group.add(paintStage(stage, spot !== null && spot.stage === stage.name ? spot : null));
  }
  group.add(caption(layout, spot));
  return group;
}

function paintStage(stage: StageBox, spot: PipelineSpot | null): Group {
  const lit = spot !== null;
  const dropHere = lit && spot.dropped && spot.table === undefined;
  const group = new Group({ name: "pipeline-stage", stage: stage.name, lit });
  const { rect } = stage;
  const hook = stage.rows.length > 0;
  group.add(
    new Rect({
      ...rect,
      fill: hook ? COLOURS.tabFill : COLOURS.boxFill,
      stroke: dropHere ? COLOURS.drop : lit ? COLOURS.highlight : COLOURS.portStroke,
      strokeWidth: lit ? 3 : 1,
      dash: hook ? undefined : [4, 3],
      cornerRadius: hook ? 6 : 12,
    }),
    text(
      rect.x + 6,
      hook ? rect.y + 5 : rect.y + rect.height / 2 - 7,
      rect.width - 12,
      `${dropHere ? "✕ " : lit ? "▶ " : ""}${stage.label}`,
      {
        fontStyle: lit || hook ? "bold" : "normal",
        fill: dropHere ? COLOURS.drop : lit ? COLOURS.highlight : COLOURS.tabText,
        align: hook ? "left" : "center",
      },
    ),
  );
  for (const row of stage.rows) {
    const here = lit && spot.table === row.table;
    const dropped = here && spot.dropped;
    const colour = dropped ? COLOURS.drop : COLOURS.highlight;
    // The hook's own chain goes without saying inside its box; a chain jumped to is named.
    const chain = !here
      ? ""
      : `${spot.chain === undefined || spot.chain === stage.name ? "" : ` ${spot.chain}`}${
          spot.rule !== undefined ? ` #${spot.rule}` : dropped ? " policy" : ""
        }`;
    group.add(
      new Rect({
        ...row.rect,
        name: "pipeline-table",
        table: row.table,
        lit: here,
        fill: here ? (dropped ? "#fee2e2" : "#dbeafe") : COLOURS.portFill,
        stroke: here ? colour : COLOURS.portDownStroke,
        strokeWidth: here ? 2 : 1,
        cornerRadius: 3,
      }),
      text(
        row.rect.x + 5,
        row.rect.y + 2,
        row.rect.width - 8,
        `${here ? (dropped ? "✕ " : "▶ ") : ""}${row.table}${chain}`,
        {
          fontSize: 11,
          fontStyle: here ? "bold" : "normal",
          fill: here ? colour : COLOURS.portText,
        },
      ),
    );
  }
  return group;
}

function caption(layout: PipelineLayout, spot: PipelineSpot | null): Text {
  const { caption: box } = layout;
  return new Text({
    ...box,
    name: "pipeline-caption",
    text: spot === null ? IDLE_CAPTION : describeSpot(spot),
    fontFamily: FONT_FAMILY,
    fontSize: 11,
    fontStyle: spot?.dropped === true ? "bold" : "normal",
    fill:
      spot?.dropped === true ? COLOURS.drop : spot === null ? COLOURS.portMuted : COLOURS.tabText,
    wrap: "word",
    ellipsis: true,
    lineHeight: 1.25,
  });
}

interface TextStyle {
  readonly fontSize?: number;
  readonly fontStyle?: string;
  readonly fill?: string;
  readonly align?: string;
}

function text(x: number, y: number, width: number, content: string, style: TextStyle): Text {
  return new Text({
    x,
    y,
    width,
    text: content,
    fontFamily: FONT_FAMILY,
    fontSize: style.fontSize ?? 12,
    fontStyle: style.fontStyle ?? "normal",
    fill: style.fill ?? COLOURS.tabText,
    align: style.align ?? "left",
    wrap: "none",
    ellipsis: true,
  });
}
