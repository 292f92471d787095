/** Owns the canvas area: creates the Konva canvas, feeds it the topology, the places of boxes, the selection and the current step, keeps it sized to its box, turns gestures, wheel turns and keys into view changes, selections, moves and edits, and shows the editing palette, the rename field and a refused edit's error next to its thing. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { EditController } from "../edit/editController";
import type { Hit } from "../geometry/hitTest";
import type { Point } from "../geometry/path";
import { TopologyCanvas, type FrameStats, type ViewState } from "../render/canvas";
import { currentStep, previousStep, type SessionState } from "../store/session";
import type { Store } from "../store/store";
import type { EditKeyAction } from "../tools/editKeys";
import type { ViewAction } from "../tools/panZoom";
import { DRAG_THRESHOLD, isNamespaceId, type ToolMode } from "../tools/select";
import { applyViewAction, attachGestures } from "./canvasGestures";
import { findDevice } from "../edit/commands";
import { pipelineStates } from "../geometry/pipeline";
import type { PaletteItem } from "../edit/paletteDrop";
import { Palette } from "./Palette";
import { PipelineToggle, PipelineStatus, toggled } from "./PipelineControls";
import { useStore } from "./useStore";
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
  readonly editing: EditController;
  /** A lab opened by a view link: no palette, and no gesture or key changes the lab. */
  readonly readOnly: boolean;
}

interface Renaming {
  readonly id: string;
  /** The device's name now. */
  readonly original: string;
  /** What the field holds. */
  readonly value: string;
}

/** A palette item being dragged, where the pointer is (page pixels). */
interface Grab {
  readonly item: PaletteItem;
  readonly x: number;
  readonly y: number;
}

export function CanvasView({ store, stats, waiting, editing, readOnly }: CanvasViewProps) {
  const state = useStore(store);
  const host = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<TopologyCanvas | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [mode, setMode] = useState<ToolMode>("select");
  const modeRef = useRef<ToolMode>(mode);
  modeRef.current = mode;
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const [grab, setGrab] = useState<Grab | null>(null);
  /** The namespaces whose netfilter pipelines are drawn. */
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const expandedRef = useRef(expanded);
  expandedRef.current = expanded;
  /** The namespace just expanded, whose panel is brought into view once it is drawn. */
  const revealing = useRef<string | null>(null);
  const toggleExpanded = (key: string): void => {
    const opening = !expandedRef.current.includes(key);
    setExpanded((keys) => toggled(keys, key));
    revealing.current = opening ? key : null;
  };

  const startRename = (id: string): void => {
    const topology = store.get().topology;
    const found = topology === null ? null : findDevice(topology, id);
    if (found !== null) setRenaming({ id, original: found.device.name, value: found.device.name });
  };

  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  /** Carries out an editing key; false when it had nothing to do (so the browser keeps the key). */
  const onKey = (action: EditKeyAction): boolean => {
    if (readOnlyRef.current && action !== "escape") return false;
    if (typeof action === "object") {
      editing.dropPaletteItem(action.place, null, null);
      return true;
    }
    switch (action) {
      case "delete":
        editing.deleteSelection();
        return true;
      case "undo":
        editing.undo();
        return true;
      case "redo":
        editing.redo();
        return true;
      case "copy":
        return editing.copySelection();
      case "paste":
        return editing.paste();
      case "rename": {
        const device = store.get().selection.find((id) => id.split("/").length === 3);
        if (device !== undefined) startRename(device);
        return true;
      }
      case "escape":
        editing.select([], false);
        editing.dismissRefusal();
        return true;
      case "select-tool":
        setMode("select");
        return true;
      case "connect-tool":
        setMode("connect");
        return true;
      case "expand": {
        const box = store.get().selection.find(isNamespaceId);
        if (box === undefined) return false;
        toggleExpanded(box);
        return true;
      }
      case "tidy": {
        const canvas = canvasRef.current;
        if (canvas !== null) editing.replacePlaces(canvas.tidy());
        return true;
      }
    }
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;

  useEffect(() => {
    const hostElement = host.current;
    const stageElement = stage.current;
    if (hostElement === null || stageElement === null) return undefined;
    const size = () => ({
      width: Math.max(Math.floor(hostElement.clientWidth), 1),
      height: Math.max(Math.floor(hostElement.clientHeight), 1),
    });
    const canvas = new TopologyCanvas(stageElement, size(), stats, (viewState) => {
      // The dot grid moves and scales with the scene.
      hostElement.style.backgroundPosition = `${viewState.x}px ${viewState.y}px`;
      hostElement.style.backgroundSize = `${GRID_PX * viewState.scale}px ${GRID_PX * viewState.scale}px`;
      // Where the marker rests, for browser tests.
      if (viewState.marker === null) {
        delete stageElement.dataset["markerX"];
        delete stageElement.dataset["markerY"];
      } else {
        stageElement.dataset["markerX"] = viewState.marker.x.toFixed(1);
        stageElement.dataset["markerY"] = viewState.marker.y.toFixed(1);
      }
      setView(viewState);
    });
    canvasRef.current = canvas;
    const show = (next: SessionState, previous: SessionState | null): void => {
      // Only a welcome (a lab opened or resumed) replaces the topology and the places at once.
      const welcome =
        previous !== null &&
        next.topology !== previous.topology &&
        next.positions !== previous.positions;
      if (welcome) canvas.forgetPlaces();
      canvas.setPositions(next.positions);
      canvas.setTopology(next.topology);
      canvas.setSelection(next.selection);
      const step = currentStep(next);
      if (previous !== null && step === currentStep(previous)) return;
      const advancedByOne =
        previous !== null &&
        next.trace?.requestId === previous.trace?.requestId &&
        next.cursor === previous.cursor + 1;
      canvas.showStep({
        step,
        previous: advancedByOne ? previousStep(next) : null,
        tweenMs: Math.min(MAX_TWEEN_MS, 800 / next.speed),
        pipelines: pipelineStates(next.trace?.steps ?? [], next.cursor, expandedRef.current),
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
    const stopGestures = attachGestures(stageElement, canvas, () => store.get().playing, {
      selection: () => store.get().selection,
      mode: () => modeRef.current,
      select: (ids, toggle) => editing.select(ids, toggle),
      moved: (places, from) => {
        if (!readOnlyRef.current) editing.move(places, from);
      },
      connect: (from, to) => {
        if (!readOnlyRef.current) editing.connect(from, to);
      },
      rename: (id) => {
        if (!readOnlyRef.current) startRename(id);
      },
      expand: (key) => toggleExpanded(key),
      key: (action) => onKeyRef.current(action),
    });
    return () => {
      stopGestures();
      observer.disconnect();
      unsubscribe();
      canvas.destroy();
      canvasRef.current = null;
    };
  }, [store, stats, editing]);

  // Expanding or collapsing a namespace redraws the current step with its pipeline.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const now = store.get();
    canvas.showStep({
      step: currentStep(now),
      previous: null,
      tweenMs: 0,
      pipelines: pipelineStates(now.trace?.steps ?? [], now.cursor, expanded),
    });
    if (revealing.current !== null) canvas.revealPipeline(revealing.current);
    revealing.current = null;
  }, [expanded, store]);

  const act = (action: ViewAction) => {
    const canvas = canvasRef.current;
    if (canvas !== null) applyViewAction(canvas, action, store.get().playing);
  };
  const toggleFollowing = () => {
    const canvas = canvasRef.current;
    if (canvas !== null) canvas.setFollowing(!canvas.isFollowing());
  };

  /** Drops a palette item at a page point: over the canvas, where it lands; else (a click) where it fits. */
  const drop = (item: PaletteItem, page: Point | null): void => {
    const canvas = canvasRef.current;
    const stageElement = stage.current;
    const topology = store.get().topology;
    if (canvas === null || stageElement === null || topology === null) return;
    let hit: Hit | null = null;
    let scene: Point | null = null;
    if (page !== null) {
      const bounds = stageElement.getBoundingClientRect();
      const point = { x: page.x - bounds.left, y: page.y - bounds.top };
      if (point.x < 0 || point.y < 0 || point.x > bounds.width || point.y > bounds.height) return;
      hit = canvas.hitAt(point);
      scene = canvas.sceneAt(point);
    }
    editing.dropPaletteItem(item, hit, scene);
  };

  const onGrab = (item: PaletteItem, event: PointerEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = { x: event.clientX, y: event.clientY };
    let dragged = false;
    const move = (moved: PointerEvent): void => {
      if (Math.hypot(moved.clientX - start.x, moved.clientY - start.y) >= DRAG_THRESHOLD)
        dragged = true;
      if (dragged) setGrab({ item, x: moved.clientX, y: moved.clientY });
    };
    const up = (released: PointerEvent): void => {
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", up);
      setGrab(null);
      drop(item, dragged ? { x: released.clientX, y: released.clientY } : null);
    };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", up);
  };

  const canvas = canvasRef.current;
  const refusal = state.edits.refusal;
  const outOfView = view?.outOfView ?? [];
  // The view is a dependency: the bubble and the field follow pans and zooms.
  const screenRect = (id: string) =>
    view === null || canvas === null ? null : canvas.screenRectOf(id);
  const refusalAt = refusal === null ? null : screenRect(refusal.target);
  const renameAt = renaming === null ? null : screenRect(renaming.id);
  const selectedBox = state.selection.find(isNamespaceId) ?? null;
  const selectedAt = selectedBox === null ? null : screenRect(selectedBox);
  return (
    <div class="canvas-area">
      {!readOnly && (
        <Palette
          mode={mode}
          onMode={setMode}
          onGrab={onGrab}
          canUndo={state.edits.undo.length > 0}
          canRedo={state.edits.redo.length > 0}
          onUndo={() => editing.undo()}
          onRedo={() => editing.redo()}
          onTidy={() => {
            if (canvas !== null) editing.replacePlaces(canvas.tidy());
          }}
        />
      )}
      <div class="canvas-host" ref={host}>
        <div class={`canvas-stage tool-${mode}`} ref={stage} aria-hidden="true" />
        {waiting !== null && <p class="canvas-empty">{waiting}</p>}
        <ZoomControls view={view} onAction={act} onToggleFollowing={toggleFollowing} />
        {outOfView.length > 0 && (
          <p id="out-of-view" class="canvas-hint" role="status">
            {outOfView.join(", ")} {outOfView.length === 1 ? "was" : "were"} added out of view;{" "}
            <button type="button" onClick={() => act({ kind: "fit" })}>
              Fit
            </button>{" "}
            shows {outOfView.length === 1 ? "it" : "them"}.
          </p>
        )}
        {grab !== null && (
          <div
            class="palette-ghost"
            style={{ left: `${grab.x}px`, top: `${grab.y}px` }}
            aria-hidden="true"
          >
            {grab.item}
          </div>
        )}
        {selectedBox !== null && selectedAt !== null && (
          <PipelineToggle
            at={selectedAt}
            label={selectedBox.split("/")[1] || `${selectedBox.split("/")[0] ?? ""} root`}
            expanded={expanded.includes(selectedBox)}
            onToggle={() => toggleExpanded(selectedBox)}
          />
        )}
        <PipelineStatus
          pipelines={pipelineStates(state.trace?.steps ?? [], state.cursor, expanded)}
        />
        {renaming !== null && renameAt !== null && (
          <input
            id="rename-field"
            class="rename-field"
            aria-label={`New name for ${renaming.original}`}
            value={renaming.value}
            onInput={(event) => setRenaming({ ...renaming, value: event.currentTarget.value })}
            style={{
              left: `${renameAt.x}px`,
              top: `${renameAt.y}px`,
              width: `${Math.max(renameAt.width, 120)}px`,
            }}
            ref={(element) => {
              if (element !== null && document.activeElement !== element) element.focus();
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                editing.rename(renaming.id, event.currentTarget.value);
                setRenaming(null);
              } else if (event.key === "Escape") {
                setRenaming(null);
              }
            }}
            onBlur={() => setRenaming(null)}
          />
        )}
        {refusal !== null && (
          <div
            id="edit-refusal"
            class="edit-refusal"
            role="alert"
            style={
              refusalAt === null
                ? { left: "12px", top: "12px" }
                : { left: `${refusalAt.x}px`, top: `${refusalAt.y + refusalAt.height + 6}px` }
            }
          >
            <span>{refusal.message}</span>
            <button
              type="button"
              aria-label="Dismiss the error"
              onClick={() => editing.dismissRefusal()}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
