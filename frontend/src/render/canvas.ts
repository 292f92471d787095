/** Owns the Konva stage: a static layer redrawn only when the topology or size changes, an overlay layer redrawn per step, the marker's tween along a wire, and frame statistics. */
import Konva from "konva/lib/Core";
import type { Group } from "konva/lib/Group";
import { Layer } from "konva/lib/Layer";
import { Stage } from "konva/lib/Stage";
import { layoutTopology, wirePath, type Scene, type Size } from "../geometry/layout";
import { pointAlong, type Point } from "../geometry/path";
import { deviceKey, type Topology } from "../model/topology";
import type { TraceStep } from "../model/trace";
import { paintOverlay } from "./overlayScene";
import { paintStatic } from "./staticScene";

/** Draw counts and times, read by the browser frame-time benchmark. */
export interface FrameStats {
  staticDraws: number;
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
}

/** Which of the two canvas layers a draw was of. */
export type CanvasLayer = "static" | "overlay";

/** What the overlay shows: the current step, and the step it came from when the walk advanced by one. */
export interface StepView {
  readonly step: TraceStep | null;
  readonly previous: TraceStep | null;
  /** How long the marker may take to travel a wire; 0 places it at once. */
  readonly tweenMs: number;
}

const EMPTY_VIEW: StepView = { step: null, previous: null, tweenMs: 0 };

// Layers are drawn explicitly so every draw is counted and timed.
Konva.autoDrawEnabled = false;

export function createFrameStats(): FrameStats {
  return {
    staticDraws: 0,
    overlayDraws: 0,
    tweenFrames: 0,
    totalDrawMs: 0,
    maxDrawMs: 0,
    staticTotalDrawMs: 0,
    staticMaxDrawMs: 0,
    overlayTotalDrawMs: 0,
    overlayMaxDrawMs: 0,
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
  } else {
    stats.overlayDraws += 1;
    stats.overlayTotalDrawMs += elapsedMs;
    stats.overlayMaxDrawMs = Math.max(stats.overlayMaxDrawMs, elapsedMs);
  }
}

export class TopologyCanvas {
  private readonly stage: Stage;
  private readonly staticLayer = new Layer({ listening: false });
  private readonly overlayLayer = new Layer({ listening: false });
  private topology: Topology | null = null;
  private scene: Scene | null = null;
  private view: StepView = EMPTY_VIEW;
  private tween = 0;

  constructor(
    container: HTMLDivElement,
    size: Size,
    private readonly stats: FrameStats,
  ) {
    this.stage = new Stage({ container, width: size.width, height: size.height });
    this.stage.add(this.staticLayer, this.overlayLayer);
  }

  setTopology(topology: Topology | null): void {
    if (topology === this.topology) return;
    this.topology = topology;
    this.relayout();
  }

  resize(size: Size): void {
    if (size.width === this.stage.width() && size.height === this.stage.height()) return;
    this.stage.size(size);
    this.relayout();
  }

  showStep(view: StepView): void {
    this.view = view;
    this.paintStep(true);
  }

  destroy(): void {
    cancelAnimationFrame(this.tween);
    this.stage.destroy();
  }

  private relayout(): void {
    const size = { width: this.stage.width(), height: this.stage.height() };
    this.scene = this.topology === null ? null : layoutTopology(this.topology, size);
    if (this.scene === null) this.staticLayer.destroyChildren();
    else paintStatic(this.staticLayer, this.scene);
    this.fit(size);
    this.timed(this.staticLayer, "static");
    this.paintStep(false);
  }

  /** Scales a scene larger than the canvas down to fit, centred. */
  private fit(size: Size): void {
    const scene = this.scene?.size ?? size;
    const scale = Math.min(1, size.width / scene.width, size.height / scene.height);
    const offset = {
      x: (size.width - scene.width * scale) / 2,
      y: (size.height - scene.height * scale) / 2,
    };
    for (const layer of [this.staticLayer, this.overlayLayer]) {
      layer.scale({ x: scale, y: scale });
      layer.position(offset);
    }
  }

  private paintStep(animate: boolean): void {
    cancelAnimationFrame(this.tween);
    const scene = this.scene;
    if (scene === null) {
      this.overlayLayer.destroyChildren();
      this.drawOverlay();
      return;
    }
    const marker = paintOverlay(this.overlayLayer, scene, this.view.step);
    const path = animate && marker !== null ? this.travelPath(scene) : null;
    if (marker !== null && path !== null) this.travel(marker, path);
    else this.drawOverlay();
  }

  /** The wire the marker crosses from the previous step's device to the current one, if any. */
  private travelPath(scene: Scene): Point[] | null {
    const { step, previous, tweenMs } = this.view;
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
    const duration = this.view.tweenMs;
    let start: number | null = null;
    const frame = (now: number): void => {
      start ??= now;
      const t = Math.min((now - start) / duration, 1);
      marker.position(pointAlong(path, easeInOut(t)));
      this.drawOverlay();
      this.stats.tweenFrames += 1;
      if (t < 1) this.tween = requestAnimationFrame(frame);
    };
    marker.position(pointAlong(path, 0));
    this.tween = requestAnimationFrame(frame);
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

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
