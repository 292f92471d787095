/** Owns the canvas area: creates the Konva canvas, feeds it the topology and the current step, keeps it sized to its box, turns drags, wheel turns, zoom keys and the zoom buttons into view changes, and the follow toggle into following on or off. */
import { useEffect, useRef, useState } from "preact/hooks";
import { TopologyCanvas, type FrameStats, type ViewState } from "../render/canvas";
import { currentStep, previousStep, type SessionState } from "../store/session";
import type { Store } from "../store/store";
import type { ViewAction } from "../tools/panZoom";
import { applyViewAction, attachGestures } from "./canvasGestures";
import { ZoomControls } from "./ZoomControls";

/** The longest time a marker takes to cross a wire. */
const MAX_TWEEN_MS = 600;
/** The background dot grid's spacing at scale 1 (see .canvas-host in app.css). */
const GRID_PX = 20;

export interface CanvasViewProps {
  readonly store: Store<SessionState>;
  readonly stats: FrameStats;
  /** Shown over the canvas while there is no topology to draw; null once there is one. */
  readonly waiting: string | null;
}

export function CanvasView({ store, stats, waiting }: CanvasViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<TopologyCanvas | null>(null);
  const [view, setView] = useState<ViewState | null>(null);

  useEffect(() => {
    const hostElement = host.current;
    const stageElement = stage.current;
    if (hostElement === null || stageElement === null) return undefined;
    const size = () => ({
      width: Math.max(Math.floor(hostElement.clientWidth), 1),
      height: Math.max(Math.floor(hostElement.clientHeight), 1),
    });
    const canvas = new TopologyCanvas(stageElement, size(), stats, (state) => {
      // The dot grid moves and scales with the scene.
      hostElement.style.backgroundPosition = `${state.x}px ${state.y}px`;
      hostElement.style.backgroundSize = `${GRID_PX * state.scale}px ${GRID_PX * state.scale}px`;
      // Where the marker rests, for browser tests.
      if (state.marker === null) {
        delete stageElement.dataset["markerX"];
        delete stageElement.dataset["markerY"];
      } else {
        stageElement.dataset["markerX"] = state.marker.x.toFixed(1);
        stageElement.dataset["markerY"] = state.marker.y.toFixed(1);
      }
      setView(state);
    });
    canvasRef.current = canvas;
    const show = (state: SessionState, previous: SessionState | null): void => {
      canvas.setTopology(state.topology);
      const step = currentStep(state);
      if (previous !== null && step === currentStep(previous)) return;
      const advancedByOne =
        previous !== null &&
        state.trace?.requestId === previous.trace?.requestId &&
        state.cursor === previous.cursor + 1;
      canvas.showStep({
        step,
        previous: advancedByOne ? previousStep(state) : null,
        tweenMs: Math.min(MAX_TWEEN_MS, 800 / state.speed),
      });
    };
    show(store.get(), null);
    const unsubscribe = store.subscribe(show);
    // The view controls cover the canvas's top: following keeps the marker below them.
    const coverTop = (): void => {
      const controls = hostElement.querySelector<HTMLElement>(".canvas-controls");
      canvas.setCoveredTop(controls === null ? 0 : controls.offsetTop + controls.offsetHeight);
    };
    coverTop();
    const observer = new ResizeObserver(() => {
      coverTop();
      canvas.resize(size());
    });
    observer.observe(hostElement);
    const stopGestures = attachGestures(stageElement, canvas, () => store.get().playing);
    return () => {
      stopGestures();
      observer.disconnect();
      unsubscribe();
      canvas.destroy();
      canvasRef.current = null;
    };
  }, [store, stats]);

  const act = (action: ViewAction) => {
    const canvas = canvasRef.current;
    if (canvas !== null) applyViewAction(canvas, action, store.get().playing);
  };
  const toggleFollowing = () => {
    const canvas = canvasRef.current;
    if (canvas !== null) canvas.setFollowing(!canvas.isFollowing());
  };
  return (
    <div class="canvas-host" ref={host}>
      <div class="canvas-stage" ref={stage} aria-hidden="true" />
      {waiting !== null && <p class="canvas-empty">{waiting}</p>}
      <ZoomControls view={view} onAction={act} onToggleFollowing={toggleFollowing} />
    </div>
  );
}
