/**
 * Owns the Konva stage: a static layer painted only when the topology or size changes, an
 * overlay layer repainted per step, the marker's tween along a wire, the view (pan and zoom,
 * applied to both layers as one transform, so a view change redraws them without repainting
 * their shapes), following the packet marker (panning just enough to bring it back into view
 * when a step puts it out of sight), and frame statistics. A third layer shows interaction: the
 * selection, the selection band, a link being drawn, and boxes being dragged (lifted off the
 * static layer, so a drag repaints only this layer each frame). Boxes keep their places: a
 * topology change never moves a box already drawn, and places the person chose win.
 */
import Konva from "konva/lib/Core";
import type { Group } from "konva/lib/Group";
import { Layer } from "konva/lib/Layer";
import { Stage } from "konva/lib/Stage";
import { Group as KonvaGroup } from "konva/lib/Group";
import { hitTest, type Hit } from "../geometry/hitTest";
import { layoutTopology, wirePath, type Scene, type Size, type Stretch } from "../geometry/layout";
import { center, pointAlong, type Point, type Rect } from "../geometry/path";
import {
  fitView,
  followView,
  IDENTITY_VIEW,
  MAX_SCALE,
  minScale,
  panView,
  resizeView,
  toScene,
  toScreen,
  zoomAround,
  type View,
} from "../geometry/viewport";
import { deviceKey, type Topology } from "../model/topology";
import type { TraceStep } from "../model/trace";
import { paintOverlay, stepPosition } from "./overlayScene";
import type { PipelineState } from "../geometry/pipeline";
import { paintPipelines, pipelinePanel, pipelineRest, withPipelines } from "./pipelineScene";
import {
  lift,
  linkStart,
  moveLifted,
  NO_MARKS,
  paintMarks,
  type Lifted,
  type Marks,
} from "./interactionScene";
import { cullStatic, paintStatic, type StaticIndex } from "./staticScene";
import { MARKER_RADIUS } from "./theme";

/** Draw counts and times, read by the browser frame-time benchmark. */
export interface FrameStats {
  /** Every static layer draw: for a topology or size change, or for a view change. */
  staticDraws: number;
  /** The static layer draws made only because the view moved (pan, zoom, Fit, following). */
  viewportDraws: number;
  /** View moves made by following the packet marker. */
  followPans: number;
  overlayDraws: number;
  /** Overlay frames drawn by marker tweens. */
  tweenFrames: number;
  /** Draw time of both layers together, and the longest single layer draw. */
  totalDrawMs: number;
  maxDrawMs: number;
  /** Draw time of the static layer, and its longest draw. */
  staticTotalDrawMs: number;
  staticMaxDrawMs: number;
  /** Draw time of the overlay layer, and its longest draw. */
  overlayTotalDrawMs: number;
  overlayMaxDrawMs: number;
  /** Draws of the interaction layer (selection, band, link, dragged boxes). */
  interactionDraws: number;
  /** Draw time of the interaction layer, and its longest draw. */
  interactionTotalDrawMs: number;
  interactionMaxDrawMs: number;
}

/** Which of the canvas layers a draw was of. */
export type CanvasLayer = "static" | "overlay" | "interaction";

/** What the overlay shows: the current step, and the step it came from when the walk advanced by one. */
export interface StepView {
  readonly step: TraceStep | null;
  readonly previous: TraceStep | null;
  /** How long the marker may take to travel a wire; 0 places it at once. */
  readonly tweenMs: number;
  /** The expanded namespaces, whose netfilter pipelines are drawn, and the step's place in them. */
  readonly pipelines?: readonly PipelineState[];
}

/** What the zoom controls show. */
export interface ViewState extends View {
  /** True while the view is the fitted one (on load, after "Fit", and kept fitted on relayout). */
  readonly fitted: boolean;
  readonly canZoomIn: boolean;
  readonly canZoomOut: boolean;
  /** True while the view follows the packet marker. */
  readonly following: boolean;
  /** Where the current step's marker rests, in canvas pixels; null with no marker. */
  readonly marker: Point | null;
  /** Namespaces the last change of the lab added out of sight (the view was kept), by label. */
  readonly outOfView?: readonly string[];
}

const EMPTY_VIEW: StepView = { step: null, previous: null, tweenMs: 0 };

// Layers are drawn explicitly so every draw is counted and timed.
Konva.autoDrawEnabled = false;

export function createFrameStats(): FrameStats {
  return {
    staticDraws: 0,
    viewportDraws: 0,
    followPans: 0,
    overlayDraws: 0,
    tweenFrames: 0,
    totalDrawMs: 0,
    maxDrawMs: 0,
    staticTotalDrawMs: 0,
    staticMaxDrawMs: 0,
    overlayTotalDrawMs: 0,
    overlayMaxDrawMs: 0,
    interactionDraws: 0,
    interactionTotalDrawMs: 0,
    interactionMaxDrawMs: 0,
  };
}

/** Counts one draw of `layer` that took `elapsedMs`, in that layer's figures and in the combined ones. */
export function recordDraw(stats: FrameStats, layer: CanvasLayer, elapsedMs: number): void {
  stats.totalDrawMs += elapsedMs;
  stats.maxDrawMs = Math.max(stats.maxDrawMs, elapsedMs);
  if (layer === "static") {
    stats.staticDraws += 1;
    stats.staticTotalDrawMs += elapsedMs;
    stats.staticMaxDrawMs = Math.max(stats.staticMaxDrawMs, elapsedMs);
  } else if (layer === "overlay") {
    stats.overlayDraws += 1;
    stats.overlayTotalDrawMs += elapsedMs;
    stats.overlayMaxDrawMs = Math.max(stats.overlayMaxDrawMs, elapsedMs);
  } else {
    stats.interactionDraws += 1;
    stats.interactionTotalDrawMs += elapsedMs;
    stats.interactionMaxDrawMs = Math.max(stats.interactionMaxDrawMs, elapsedMs);
  }
}

export class TopologyCanvas {
  private readonly stage: Stage;
  private readonly staticLayer = new Layer({ listening: false });
  private readonly overlayLayer = new Layer({ listening: false });
  private readonly interactionLayer = new Layer({ listening: false });
  private readonly marksGroup = new KonvaGroup({ listening: false });
  private topology: Topology | null = null;
  private scene: Scene | null = null;
  private index: StaticIndex | null = null;
  /** The places the person chose (box centres by namespace key). */
  private positions: ReadonlyMap<string, Point> = new Map();
  /** Where boxes already drawn are, so a topology change does not move them. */
  private pinned = new Map<string, Point>();
  /** The stretch boxes were first drawn with, kept while boxes have places so they keep their sizes. */
  private stretch: Stretch | null = null;
  /** Whether this lab has been drawn since it was opened (places then keep the view where it is). */
  private arranged = false;
  private marks: Marks = NO_MARKS;
  private lifted: Lifted | null = null;
  private interactionFrame = 0;
  private outOfView: readonly string[] = [];
  private step: StepView = EMPTY_VIEW;
  private tween = 0;
  private view: View = IDENTITY_VIEW;
  private fitted = true;
  /** Following the packet marker is on by default. */
  private following = true;
  /** How much of the canvas's top the view controls cover, in canvas pixels. */
  private coveredTop = 0;
  private viewFrame = 0;

  constructor(
    container: HTMLDivElement,
    size: Size,
    private readonly stats: FrameStats,
    private readonly onView: (state: ViewState) => void = () => undefined,
  ) {
    this.stage = new Stage({ container, width: size.width, height: size.height });
    this.stage.add(this.staticLayer, this.overlayLayer, this.interactionLayer);
    this.interactionLayer.add(this.marksGroup);
  }

  setTopology(topology: Topology | null): void {
    if (topology === this.topology) return;
    this.topology = topology;
    this.relayoutKeepingView();
  }

  /** Forgets where boxes were drawn (a new lab): the next layout arranges afresh. */
  forgetPlaces(): void {
    this.pinned.clear();
    this.stretch = null;
    this.arranged = false;
    this.fitted = true;
  }

  /** Takes the places the person chose; boxes move there at once. */
  setPositions(positions: ReadonlyMap<string, Point>): void {
    if (positions === this.positions) return;
    this.positions = positions;
    if (this.topology !== null) this.relayoutKeepingView();
  }

  /**
   * Lays out again for a change of the lab or of places. Once the person has placed boxes, the
   * view stays where it is (it is no longer kept fitted), so that nothing moves on screen.
   */
  private relayoutKeepingView(): void {
    // Boxes drawn so far keep their places.
    if (this.arranged && this.scene !== null && this.topology !== null) {
      for (const box of this.scene.boxes.values()) this.pinned.set(box.key, center(box.rect));
    }
    if (this.arranged && this.positions.size > 0) this.fitted = false;
    const drawn = new Set(this.scene?.boxes.keys() ?? []);
    this.relayout();
    this.arranged = this.topology !== null;
    const visible = this.fitted ? null : this.visibleScene();
    this.outOfView =
      visible === null || this.scene === null
        ? []
        : [...this.scene.boxes.values()]
            .filter((box) => !drawn.has(box.key) && !within(box.rect, visible))
            .map((box) => box.label);
    if (this.outOfView.length > 0) this.notifyView();
  }

  /**
   * Arranges every box afresh, ignoring places ("Tidy"); returns the new centres by namespace key
   * (for the lab to keep as the person's places).
   */
  tidy(): Map<string, Point> {
    this.pinned.clear();
    this.stretch = null;
    this.positions = new Map();
    this.fitted = true;
    this.relayout();
    return new Map(
      [...(this.scene?.boxes.values() ?? [])].map((box) => [box.key, center(box.rect)]),
    );
  }

  /** A canvas point in scene coordinates. */
  sceneAt(point: Point): Point {
    return toScene(this.view, point);
  }

  /** What is under a canvas point. */
  hitAt(point: Point): Hit | null {
    return this.scene === null ? null : hitTest(this.scene, this.sceneAt(point));
  }

  /** The scene as laid out now, or null before there is a topology. */
  currentScene(): Scene | null {
    return this.scene;
  }

  /** Where a box, device or link is on the canvas, in canvas pixels, or null when it is not drawn. */
  screenRectOf(id: string): Rect | null {
    const scene = this.scene;
    if (scene === null) return null;
    const box = scene.boxes.get(id);
    const port = scene.ports.get(id);
    const wire = scene.wires.find((candidate) => candidate.key === id);
    const rect: Rect | null =
      box !== undefined
        ? { ...box.rect, y: box.tab.y, height: box.rect.height + box.tab.height }
        : port !== undefined
          ? port.rect
          : wire !== undefined
            ? {
                x: Math.min(wire.from.x, wire.to.x),
                y: Math.min(wire.from.y, wire.to.y),
                width: Math.abs(wire.to.x - wire.from.x),
                height: Math.abs(wire.to.y - wire.from.y),
              }
            : null;
    if (rect === null) return null;
    const topLeft = toScreen(this.view, rect);
    return {
      ...topLeft,
      width: rect.width * this.view.scale,
      height: rect.height * this.view.scale,
    };
  }

  /** Shows the selection outlines. */
  setSelection(selection: readonly string[]): void {
    if (selection === this.marks.selection) return;
    this.marks = { ...this.marks, selection };
    this.repaintMarks();
  }

  /** Shows (or, with null, hides) the selection band, in scene coordinates. */
  showBand(band: Rect | null): void {
    this.marks = { ...this.marks, band };
    this.repaintMarks();
  }

  /** Shows a link being drawn from a device or box to a scene point (null hides it). */
  showLink(fromKey: string | null, to: Point | null): void {
    const from = this.scene === null || fromKey === null ? null : linkStart(this.scene, fromKey);
    this.marks = { ...this.marks, link: from === null || to === null ? null : { from, to } };
    this.repaintMarks();
  }

  /**
   * Drags boxes by (dx, dy) scene units from where they are drawn: the first call lifts them onto
   * the interaction layer (one static repaint to hide them); later calls move only the lifted copies.
   */
  dragBoxes(keys: readonly string[], dx: number, dy: number): void {
    if (this.scene === null || this.index === null) return;
    if (this.lifted === null) {
      this.lifted = lift(this.interactionLayer, this.scene, this.index, keys);
      this.drawStatic();
    }
    moveLifted(this.lifted, dx, dy);
    this.drawInteraction();
  }

  /** Ends a drag: the lifted copies go; the next layout draws the boxes where they were dropped. */
  endDrag(): void {
    const lifted = this.lifted;
    if (lifted === null) return;
    this.lifted = null;
    lifted.group.destroy();
    for (const { line } of lifted.wires) line.destroy();
    for (const shape of lifted.hidden) shape.visible(true);
    this.fitted = false;
    this.drawInteraction();
  }

  /** Where a box's centre would be after moving it by (dx, dy), or null when it is not drawn. */
  movedCentre(key: string, dx: number, dy: number): Point | null {
    const box = this.scene?.boxes.get(key);
    if (box === undefined) return null;
    const middle = center(box.rect);
    return { x: middle.x + dx, y: middle.y + dy };
  }

  resize(size: Size): void {
    const before = this.size();
    if (size.width === before.width && size.height === before.height) return;
    this.stage.size(size);
    this.relayout(before);
  }

  showStep(step: StepView): void {
    this.step = step;
    if (this.following) this.followMarker();
    this.paintStep(true);
    this.notifyView();
  }

  /** Tells the canvas how far down from its top the controls over it reach: following keeps the marker below. */
  setCoveredTop(pixels: number): void {
    this.coveredTop = pixels;
  }

  isFollowing(): boolean {
    return this.following;
  }

  /** Turns following on or off; turned on, it brings the marker into view at once. */
  setFollowing(on: boolean): void {
    if (on === this.following) return;
    this.following = on;
    if (on) this.followMarker();
    this.notifyView();
  }

  /** Zooms by `factor` about a canvas point (the canvas's middle when null). */
  zoomBy(factor: number, anchor: Point | null = null): void {
    const size = this.size();
    const about = anchor ?? { x: size.width / 2, y: size.height / 2 };
    this.changeView(zoomAround(this.view, factor, about, this.sceneSize(), size), false);
  }

  /** Moves the scene by (dx, dy) canvas pixels. */
  panBy(dx: number, dy: number): void {
    this.changeView(panView(this.view, dx, dy, this.sceneSize(), this.size()), false);
  }

  /** Fits the scene to the canvas (never below the readable scale), and keeps it fitted. */
  fit(): void {
    this.changeView(fitView(this.sceneSize(), this.size()), true);
  }

  destroy(): void {
    cancelAnimationFrame(this.tween);
    cancelAnimationFrame(this.viewFrame);
    cancelAnimationFrame(this.interactionFrame);
    this.stage.destroy();
  }

  /** Pans just enough to bring the current step's marker into view, if it is out of sight. */
  private followMarker(): void {
    const target = this.markerInScene();
    if (target === null) return;
    const size = this.size();
    const top = Math.min(this.coveredTop, size.height / 2);
    const visible = { x: 0, y: top, width: size.width, height: size.height - top };
    const inset = MARKER_RADIUS * this.view.scale;
    const next = followView(this.view, target, this.sceneSize(), size, visible, inset);
    if (next === null) return;
    this.stats.followPans += 1;
    this.changeView(next, false);
  }

  /** Where the current step's marker rests in the scene, or null when the step has no place on the canvas. */
  private markerInScene(): Point | null {
    const step = this.step.step;
    if (this.scene === null || step === null) return null;
    return pipelineRest(this.scene, this.step.pipelines ?? []) ?? stepPosition(this.scene, step);
  }

  private size(): Size {
    return { width: this.stage.width(), height: this.stage.height() };
  }

  /** The scene's size, grown to take in the panels of expanded namespaces. */
  private sceneSize(): Size {
    if (this.scene === null) return this.size();
    return withPipelines(this.scene, this.step.pipelines ?? []);
  }

  /** Pans just enough to bring the panel of an expanded namespace into view. */
  revealPipeline(key: string): void {
    const panel = this.scene === null ? null : pipelinePanel(this.scene, key);
    if (panel === null) return;
    const size = this.size();
    const top = Math.min(this.coveredTop, size.height / 2);
    const visible = { x: 0, y: top, width: size.width, height: size.height - top };
    const target = { x: panel.x + panel.width / 2, y: panel.y + Math.min(panel.height / 2, 120) };
    const next = followView(this.view, target, this.sceneSize(), size, visible, 0);
    if (next !== null) this.changeView(next, false);
  }

  /** Lays the topology out again for a canvas that was `before` (the same size unless it was resized). */
  private relayout(before: Size = this.size()): void {
    const size = this.size();
    const places = new Map([...this.pinned, ...this.positions]);
    if (places.size === 0) this.stretch = null;
    this.scene =
      this.topology === null
        ? null
        : layoutTopology(this.topology, size, places, this.stretch, this.visibleScene());
    if (this.scene !== null && places.size > 0) this.stretch ??= this.scene.stretch;
    this.lifted = null;
    this.interactionLayer.destroyChildren();
    this.interactionLayer.add(this.marksGroup);
    if (this.scene === null) {
      this.staticLayer.destroyChildren();
      this.index = null;
    } else {
      this.index = paintStatic(this.staticLayer, this.scene);
    }
    if (this.scene !== null) paintMarks(this.marksGroup, this.scene, this.marks);
    this.drawInteraction();
    this.view = this.fitted
      ? fitView(this.sceneSize(), size)
      : resizeView(this.view, before, size, this.sceneSize());
    this.applyView();
    this.drawStatic();
    this.paintStep(false);
  }

  /** The part of the scene on screen below the controls, once the lab has been drawn; else null. */
  private visibleScene(): Rect | null {
    if (!this.arranged || this.fitted) return null;
    const size = this.size();
    const top = toScene(this.view, { x: 0, y: Math.min(this.coveredTop, size.height / 2) });
    const bottom = toScene(this.view, { x: size.width, y: size.height });
    return { x: top.x, y: top.y, width: bottom.x - top.x, height: bottom.y - top.y };
  }

  /** Takes a new view: both layers get its transform and are redrawn on the next frame. */
  private changeView(view: View, fitted: boolean): void {
    const same = view.scale === this.view.scale && view.x === this.view.x && view.y === this.view.y;
    if (!same) this.outOfView = [];
    const refit = fitted !== this.fitted;
    this.view = view;
    this.fitted = fitted;
    if (same) {
      if (refit) this.notifyView();
      return;
    }
    this.applyView();
    if (this.viewFrame !== 0) return;
    this.viewFrame = requestAnimationFrame(() => {
      this.viewFrame = 0;
      this.drawStatic();
      this.stats.viewportDraws += 1;
      this.timed(this.interactionLayer, "interaction");
      // A running tween draws the overlay on this frame anyway.
      if (this.tween === 0) this.drawOverlay();
    });
  }

  private applyView(): void {
    const { scale, x, y } = this.view;
    for (const layer of [this.staticLayer, this.overlayLayer, this.interactionLayer]) {
      layer.scale({ x: scale, y: scale });
      layer.position({ x, y });
    }
    this.notifyView();
  }

  private notifyView(): void {
    const least = minScale(this.sceneSize(), this.size());
    const marker = this.markerInScene();
    this.onView({
      ...this.view,
      fitted: this.fitted,
      canZoomIn: this.view.scale < MAX_SCALE - 1e-9,
      canZoomOut: this.view.scale > least + 1e-9,
      following: this.following,
      marker: marker === null ? null : toScreen(this.view, marker),
      outOfView: this.outOfView,
    });
  }

  private paintStep(animate: boolean): void {
    cancelAnimationFrame(this.tween);
    this.tween = 0;
    const scene = this.scene;
    if (scene === null) {
      this.overlayLayer.destroyChildren();
      this.drawOverlay();
      return;
    }
    const marker = paintOverlay(this.overlayLayer, scene, this.step.step);
    const inPipeline = paintPipelines(this.overlayLayer, scene, this.step.pipelines ?? []);
    if (marker !== null && inPipeline !== null) marker.position(inPipeline);
    const path = animate && marker !== null && inPipeline === null ? this.travelPath(scene) : null;
    if (marker !== null && path !== null) this.travel(marker, path);
    else this.drawOverlay();
  }

  /** The wire the marker crosses from the previous step's device to the current one, if any. */
  private travelPath(scene: Scene): Point[] | null {
    const { step, previous, tweenMs } = this.step;
    if (step === null || previous === null || tweenMs <= 0 || prefersReducedMotion()) return null;
    const from = previous.location;
    const to = step.location;
    if (from.device === null || to.device === null) return null;
    return wirePath(
      scene,
      deviceKey({ ...from, device: from.device }),
      deviceKey({ ...to, device: to.device }),
    );
  }

  private travel(marker: Group, path: Point[]): void {
    const duration = this.step.tweenMs;
    let start: number | null = null;
    const frame = (now: number): void => {
      start ??= now;
      const t = Math.min((now - start) / duration, 1);
      marker.position(pointAlong(path, easeInOut(t)));
      this.drawOverlay();
      this.stats.tweenFrames += 1;
      this.tween = t < 1 ? requestAnimationFrame(frame) : 0;
    };
    marker.position(pointAlong(path, 0));
    this.tween = requestAnimationFrame(frame);
  }

  private repaintMarks(): void {
    if (this.scene === null) return;
    paintMarks(this.marksGroup, this.scene, this.marks);
    this.drawInteraction();
  }

  /** Draws the interaction layer on the next frame (once, however many changes come before it). */
  private drawInteraction(): void {
    if (this.interactionFrame !== 0) return;
    this.interactionFrame = requestAnimationFrame(() => {
      this.interactionFrame = 0;
      this.timed(this.interactionLayer, "interaction");
    });
  }

  /** Draws the static layer with only the shapes in view shown; the culling counts as draw time. */
  private drawStatic(): void {
    const started = performance.now();
    if (this.index !== null) {
      const size = this.size();
      const topLeft = toScene(this.view, { x: 0, y: 0 });
      const bottomRight = toScene(this.view, { x: size.width, y: size.height });
      const view = {
        x: topLeft.x,
        y: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      };
      cullStatic(this.index, view, new Set(this.lifted?.hidden ?? []));
    }
    this.staticLayer.draw();
    recordDraw(this.stats, "static", performance.now() - started);
  }

  private drawOverlay(): void {
    this.timed(this.overlayLayer, "overlay");
  }

  private timed(layer: Layer, which: CanvasLayer): void {
    const started = performance.now();
    layer.draw();
    recordDraw(this.stats, which, performance.now() - started);
  }
}

/** Whether `inner` lies wholly inside `outer`. */
function within(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
