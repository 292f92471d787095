// @vitest-environment jsdom
/** Tests the frame statistics (each layer's draws and draw time counted apart, and together) and the view: pan and zoom move both layers as one and redraw them without repainting the scene. */
import Konva from "konva/lib/Core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_SCALE, MIN_FIT_SCALE, ZOOM_STEP } from "../geometry/viewport";
import { namespacesOnABridge } from "../testing/bigLabs";
import { fakeAnimationFrames, fakeLayerDraws } from "../testing/konva";
import { podsOnABridge, twoNamespaces } from "../testing/labs";
import type { TraceStep } from "../model/trace";
import { createFrameStats, recordDraw, TopologyCanvas, type ViewState } from "./canvas";

const NO_STEP = { step: null, previous: null, tweenMs: 0 };

/** A step at `device` of namespace `netns` (no device: the namespace itself), shown without a tween. */
function at(netns: string, device: string | null) {
  const step: TraceStep = {
    seq: 1,
    causeSeq: null,
    timeNs: 0,
    location: { host: "host1", netns, device },
    kind: "ARP_REQUEST_SENT",
    sentence: "A step.",
    headers: [],
    disposition: null,
  };
  return { step, previous: null, tweenMs: 0 };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("recordDraw", () => {
  it("adds each draw to its own layer's total and max, and to the combined ones", () => {
    const stats = createFrameStats();
    recordDraw(stats, "static", 5);
    recordDraw(stats, "overlay", 1);
    recordDraw(stats, "overlay", 2);
    recordDraw(stats, "static", 3);
    recordDraw(stats, "interaction", 4);

    expect(stats).toEqual({
      staticDraws: 2,
      viewportDraws: 0,
      followPans: 0,
      overlayDraws: 2,
      tweenFrames: 0,
      totalDrawMs: 15,
      maxDrawMs: 5,
      staticTotalDrawMs: 8,
      staticMaxDrawMs: 5,
      overlayTotalDrawMs: 3,
      overlayMaxDrawMs: 2,
      interactionDraws: 1,
      interactionTotalDrawMs: 4,
      interactionMaxDrawMs: 4,
    });
  });
});

describe("TopologyCanvas frame statistics", () => {
  it("counts a topology change's time to the static layer and a step's to the overlay", () => {
    const draws = fakeLayerDraws();
    const stats = createFrameStats();
    const canvas = new TopologyCanvas(
      document.createElement("div"),
      { width: 800, height: 600 },
      stats,
    );
    draws.push(7, 2, 3); // after the stage's own draw of each layer as it is added

    canvas.setTopology(podsOnABridge(3)); // static (7 ms), then the overlay over it (2 ms)
    canvas.showStep(NO_STEP); // the overlay alone (3 ms)
    canvas.destroy();

    expect(draws).toEqual([]);
    expect(stats).toMatchObject({
      staticDraws: 1,
      staticTotalDrawMs: 7,
      staticMaxDrawMs: 7,
      overlayDraws: 2,
      overlayTotalDrawMs: 5,
      overlayMaxDrawMs: 3,
      totalDrawMs: 12,
      maxDrawMs: 7,
    });
  });
});

describe("TopologyCanvas view", () => {
  function setUp(topology = namespacesOnABridge(30)) {
    fakeLayerDraws();
    const frames = fakeAnimationFrames();
    const stats = createFrameStats();
    const views: ViewState[] = [];
    const canvas = new TopologyCanvas(
      document.createElement("div"),
      { width: 816, height: 365 },
      stats,
      (view) => views.push(view),
    );
    canvas.setTopology(topology);
    const stage = Konva.stages[Konva.stages.length - 1];
    const layers = stage?.getLayers() ?? [];
    return { canvas, stats, views, frames, layers, last: () => views[views.length - 1] };
  }

  it("fits the small lab at scale 1 and the 32-namespace lab at the readable minimum", () => {
    const small = setUp(twoNamespaces);
    expect(small.last()).toMatchObject({ scale: 1, fitted: true, canZoomIn: true });
    small.canvas.destroy();
    const big = setUp();
    expect(big.last()).toMatchObject({ scale: MIN_FIT_SCALE, fitted: true, canZoomOut: true });
    big.canvas.destroy();
  });

  it("moves both layers as one and redraws them once on the next frame, keeping the painted shapes", () => {
    const { canvas, stats, frames, layers } = setUp();
    const shapes = layers.map((layer) => layer.getChildren());
    const before = { ...stats };

    canvas.zoomBy(ZOOM_STEP, { x: 100, y: 100 });
    canvas.panBy(20, -10);
    expect(stats.staticDraws).toBe(before.staticDraws);
    frames.run();

    expect(stats.staticDraws).toBe(before.staticDraws + 1);
    expect(stats.overlayDraws).toBe(before.overlayDraws + 1);
    const [staticLayer, overlayLayer] = layers;
    expect(staticLayer?.scaleX()).toBeCloseTo(MIN_FIT_SCALE * ZOOM_STEP);
    expect(overlayLayer?.getAbsoluteTransform().getMatrix()).toEqual(
      staticLayer?.getAbsoluteTransform().getMatrix(),
    );
    layers.forEach((layer, index) => expect(layer.getChildren()).toEqual(shapes[index]));
    canvas.destroy();
  });

  it("tells the controls the zoom, its limits and whether the view is fitted", () => {
    const { canvas, frames, last } = setUp(twoNamespaces);
    canvas.zoomBy(100);
    expect(last()).toMatchObject({ scale: MAX_SCALE, fitted: false, canZoomIn: false });
    canvas.fit();
    frames.run();
    expect(last()).toMatchObject({ scale: 1, fitted: true, canZoomIn: true });
    canvas.destroy();
  });

  it("keeps a fitted view fitted when the topology changes, and a zoomed one where it is", () => {
    const { canvas, last } = setUp(twoNamespaces);
    canvas.setTopology(namespacesOnABridge(30));
    expect(last()).toMatchObject({ scale: MIN_FIT_SCALE, fitted: true });
    canvas.zoomBy(ZOOM_STEP);
    const zoomed = last();
    canvas.setTopology(namespacesOnABridge(31));
    expect(last()).toMatchObject({ scale: zoomed?.scale, fitted: false });
    canvas.destroy();
  });

  it("does not draw the static layer when steps are shown", () => {
    const { canvas, stats, frames } = setUp();
    const before = stats.staticDraws;
    canvas.showStep(NO_STEP);
    frames.run();
    expect(stats.staticDraws).toBe(before);
    canvas.destroy();
  });
});

describe("TopologyCanvas following the packet", () => {
  const size = { width: 816, height: 365 };

  function fitted() {
    fakeLayerDraws();
    const frames = fakeAnimationFrames();
    const stats = createFrameStats();
    const views: ViewState[] = [];
    const canvas = new TopologyCanvas(document.createElement("div"), size, stats, (view) =>
      views.push(view),
    );
    canvas.setTopology(namespacesOnABridge(30));
    return { canvas, stats, frames, views };
  }

  /** The 30-namespace lab zoomed in twice about the middle, so c1 and c30 are out of sight. */
  function zoomedIn() {
    const { canvas, stats, frames, views } = fitted();
    canvas.zoomBy(ZOOM_STEP * ZOOM_STEP);
    frames.run();
    const last = (): ViewState => {
      const view = views[views.length - 1];
      if (view === undefined) throw new Error("no view reported");
      return view;
    };
    const inSight = (): boolean => {
      const marker = last().marker;
      return (
        marker !== null &&
        marker.x >= 0 &&
        marker.y >= 0 &&
        marker.x <= size.width &&
        marker.y <= size.height
      );
    };
    return { canvas, stats, frames, last, inSight };
  }

  it("is on by default and pans once, with one viewport redraw, to a marker out of sight", () => {
    const { canvas, stats, frames, last, inSight } = zoomedIn();
    expect(last().following).toBe(true);
    canvas.showStep(at("c1", "ce1"));
    frames.run();
    expect(inSight()).toBe(true);
    const before = { ...stats };

    canvas.showStep(at("c30", "ce30"));
    expect(inSight()).toBe(true);
    expect(last().fitted).toBe(false);
    frames.run();

    expect(stats.followPans).toBe(before.followPans + 1);
    expect(stats.viewportDraws).toBe(before.viewportDraws + 1);
    expect(stats.staticDraws).toBe(before.staticDraws + 1);
    canvas.destroy();
  });

  it("never pans for a marker in sight or a step with no place on the canvas", () => {
    const { canvas, stats, frames, views } = fitted();
    const last = () => views[views.length - 1];
    const view = last();
    canvas.showStep(at("c1", "ce1"));
    canvas.showStep(at("c1", null));
    canvas.showStep(at("elsewhere", "eth0"));
    expect(last()?.marker).toBeNull();
    canvas.showStep(NO_STEP);
    frames.run();
    expect(stats.followPans).toBe(0);
    expect(last()).toMatchObject({ x: view?.x, y: view?.y, scale: view?.scale, fitted: true });
    canvas.destroy();
  });

  it("does not pan while turned off, and brings the marker into view when turned back on", () => {
    const { canvas, stats, frames, last, inSight } = zoomedIn();
    canvas.setFollowing(false);
    expect(last().following).toBe(false);
    canvas.showStep(at("c30", "ce30"));
    frames.run();
    expect(inSight()).toBe(false);
    expect(stats.followPans).toBe(0);

    canvas.setFollowing(true);
    expect(last().following).toBe(true);
    expect(inSight()).toBe(true);
    expect(stats.followPans).toBe(1);
    canvas.destroy();
  });
});
