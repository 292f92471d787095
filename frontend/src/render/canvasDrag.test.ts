// @vitest-environment jsdom
/** Tests dragging boxes on the interaction layer (the static layer is not repainted per frame) and that boxes keep their places. */
import Konva from "konva/lib/Core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { center } from "../geometry/path";
import { fakeAnimationFrames, fakeLayerDraws } from "../testing/konva";
import { chainLab, twoNamespaces } from "../testing/labs";
import { createFrameStats, TopologyCanvas, type ViewState } from "./canvas";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function setUp() {
  fakeLayerDraws();
  const frames = fakeAnimationFrames();
  const stats = createFrameStats();
  const canvas = new TopologyCanvas(
    document.createElement("div"),
    { width: 900, height: 500 },
    stats,
  );
  return { canvas, frames, stats };
}

function centreOf(canvas: TopologyCanvas, key: string) {
  const box = canvas.currentScene()?.boxes.get(key);
  if (box === undefined) throw new Error(`no box ${key}`);
  return center(box.rect);
}

describe("dragging boxes", () => {
  it("repaints the static layer once to lift the box, then only the interaction layer per frame", () => {
    const { canvas, frames, stats } = setUp();
    canvas.setTopology(twoNamespaces);
    frames.run();
    const staticBefore = stats.staticDraws;
    const interactionBefore = stats.interactionDraws;
    for (let i = 1; i <= 20; i++) {
      canvas.dragBoxes(["host1/ns1"], i * 3, i);
      frames.run();
    }
    expect(stats.staticDraws - staticBefore).toBe(1);
    expect(stats.interactionDraws - interactionBefore).toBe(20);
    const lifted = Konva.stages.at(-1)?.findOne(".drag-layer");
    expect(lifted?.position()).toEqual({ x: 60, y: 20 });
    canvas.endDrag();
    expect(Konva.stages.at(-1)?.findOne(".drag-layer")).toBeUndefined();
    canvas.destroy();
  });

  it("draws a box at the place it is given and keeps it there when a namespace is added", () => {
    const { canvas } = setUp();
    canvas.setTopology(chainLab(2));
    canvas.setPositions(new Map([["host1/ns1", { x: 700, y: 300 }]]));
    expect(centreOf(canvas, "host1/ns1")).toEqual({ x: 700, y: 300 });
    const ns2 = centreOf(canvas, "host1/ns2");
    canvas.setTopology(chainLab(3));
    expect(centreOf(canvas, "host1/ns1")).toEqual({ x: 700, y: 300 });
    expect(centreOf(canvas, "host1/ns2")).toEqual(ns2);
    expect(canvas.currentScene()?.boxes.has("host1/ns3")).toBe(true);
    canvas.destroy();
  });

  it("tells which new boxes landed out of sight while the view was kept, until the view moves", () => {
    fakeLayerDraws();
    fakeAnimationFrames();
    const views: ViewState[] = [];
    const canvas = new TopologyCanvas(
      document.createElement("div"),
      { width: 900, height: 500 },
      createFrameStats(),
      (view) => views.push(view),
    );
    canvas.setTopology(chainLab(2));
    canvas.setPositions(new Map([["host1/ns1", { x: 200, y: 200 }]]));
    canvas.zoomBy(3, { x: 0, y: 0 });
    canvas.setTopology(chainLab(3));
    expect(views.at(-1)?.outOfView).toEqual(["ns3"]);
    canvas.panBy(10, 0);
    expect(views.at(-1)?.outOfView).toEqual([]);
    canvas.destroy();
  });

  it("arranges afresh on Tidy and tells the new centres", () => {
    const { canvas } = setUp();
    canvas.setTopology(twoNamespaces);
    canvas.setPositions(new Map([["host1/ns1", { x: 700, y: 300 }]]));
    const tidied = canvas.tidy();
    expect([...tidied.keys()]).toEqual(["host1/ns1", "host1/ns2"]);
    expect(tidied.get("host1/ns1")).not.toEqual({ x: 700, y: 300 });
    canvas.destroy();
  });

  it("finds what is under a canvas point through the view", () => {
    const { canvas } = setUp();
    canvas.setTopology(twoNamespaces);
    const rect = canvas.screenRectOf("host1/ns1");
    if (rect === null) throw new Error("ns1 not drawn");
    expect(canvas.hitAt({ x: rect.x + 4, y: rect.y + rect.height - 4 })).toEqual({
      kind: "namespace",
      key: "host1/ns1",
    });
    canvas.destroy();
  });
});
