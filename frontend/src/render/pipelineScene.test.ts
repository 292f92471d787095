// @vitest-environment jsdom
/** Tests the painting of expanded namespaces' pipelines: hooks and tables drawn, the lit place marked in words and outline, a drop's reason written. */
import { Layer } from "konva/lib/Layer";
import type { Group } from "konva/lib/Group";
import type { Rect } from "konva/lib/shapes/Rect";
import type { Text } from "konva/lib/shapes/Text";
import { afterEach, describe, expect, it, vi } from "vitest";
import { layoutTopology } from "../geometry/layout";
import { fakeLayerDraws } from "../testing/konva";
import { twoNamespaces } from "../testing/labs";
import { paintPipelines, pipelineRest } from "./pipelineScene";
import { COLOURS } from "./theme";

afterEach(() => {
  vi.restoreAllMocks();
});

const scene = layoutTopology(twoNamespaces, { width: 900, height: 600 });
const key = [...scene.boxes.keys()][1] ?? "";

function texts(group: Group | Layer): string[] {
  return group.find<Text>("Text").map((text) => text.text());
}

describe("paintPipelines", () => {
  it("paints nothing, and rests no marker, with no namespace expanded", () => {
    fakeLayerDraws();
    const layer = new Layer();
    expect(paintPipelines(layer, scene, [])).toBeNull();
    expect(layer.getChildren()).toHaveLength(0);
  });

  it("draws every hook with its tables beneath the layer's other shapes, and an idle caption", () => {
    fakeLayerDraws();
    const layer = new Layer();
    paintPipelines(layer, scene, [{ key, spot: null }]);
    const pipeline = layer.findOne<Group>(".pipeline");
    expect(pipeline?.getAttr("nsKey")).toBe(key);
    expect(pipeline?.getAttr("litStage")).toBe("");
    const words = pipeline === undefined ? [] : texts(pipeline);
    for (const hook of [
      "PREROUTING",
      "INPUT",
      "FORWARD",
      "OUTPUT",
      "POSTROUTING",
      "routing decision",
    ])
      expect(words).toContain(hook);
    expect(layer.find(".pipeline-table")).toHaveLength(3 + 4 + 3 + 5 + 2);
    expect(layer.findOne<Text>(".pipeline-caption")?.text()).toMatch(/^Step through a trace/);
  });

  it("lights the hook, table and chain with an outline and a ▶, and rests the marker on the row", () => {
    fakeLayerDraws();
    const layer = new Layer();
    const spot = {
      stage: "INPUT" as const,
      table: "filter",
      chain: "INPUT",
      rule: 2,
      ruleText: "-A INPUT -p icmp -j ACCEPT",
      dropped: false,
      sentence: "",
    };
    const rest = paintPipelines(layer, scene, [{ key, spot }]);
    const lit = layer.find<Rect>(".pipeline-table").filter((row) => row.getAttr("lit") === true);
    expect(lit.map((row) => row.getAttr("table"))).toEqual(["filter"]);
    expect(lit[0]?.stroke()).toBe(COLOURS.highlight);
    expect(lit[0]?.strokeWidth()).toBeGreaterThan(1);
    const words = texts(layer.findOne<Group>(".pipeline") ?? new Layer());
    expect(words).toContain("▶ INPUT");
    expect(words).toContain("▶ filter #2");
    expect(layer.findOne<Text>(".pipeline-caption")?.text()).toBe(
      "At INPUT › filter INPUT, rule 2: -A INPUT -p icmp -j ACCEPT.",
    );
    expect(rest).not.toBeNull();
    expect(pipelineRest(scene, [{ key, spot }])).toEqual(rest);
  });

  it("names a chain jumped to from the hook's own", () => {
    fakeLayerDraws();
    const layer = new Layer();
    const spot = {
      stage: "PREROUTING" as const,
      table: "nat",
      chain: "DOCKER",
      rule: 3,
      dropped: false,
      sentence: "",
    };
    paintPipelines(layer, scene, [{ key, spot }]);
    expect(texts(layer)).toContain("▶ nat DOCKER #3");
  });

  it("marks a drop with ✕ and writes its reason", () => {
    fakeLayerDraws();
    const layer = new Layer();
    const spot = {
      stage: "FORWARD" as const,
      table: "filter",
      chain: "FORWARD",
      dropped: true,
      sentence: "Dropped by the policy of filter FORWARD.",
    };
    paintPipelines(layer, scene, [{ key, spot }]);
    expect(layer.findOne<Group>(".pipeline")?.getAttr("dropped")).toBe(true);
    const words = texts(layer.findOne<Group>(".pipeline") ?? new Layer());
    expect(words).toContain("✕ filter policy");
    const caption = layer.findOne<Text>(".pipeline-caption");
    expect(caption?.text()).toBe(
      "Dropped at FORWARD › filter FORWARD. Dropped by the policy of filter FORWARD.",
    );
    expect(caption?.fill()).toBe(COLOURS.drop);
  });
});
