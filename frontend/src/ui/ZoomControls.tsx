/** Owns the view controls over the canvas: zoom out, the zoom level, zoom in, Fit (pressed while the view is fitted) and Follow (pressed while the view follows the packet). */
import { ZOOM_STEP } from "../geometry/viewport";
import type { ViewState } from "../render/canvas";
import type { ViewAction } from "../tools/panZoom";

export interface ZoomControlsProps {
  /** The canvas's view; null before the canvas reports one. */
  readonly view: ViewState | null;
  readonly onAction: (action: ViewAction) => void;
  readonly onToggleFollowing: () => void;
}

export function ZoomControls({ view, onAction, onToggleFollowing }: ZoomControlsProps) {
  const scale = view?.scale ?? 1;
  /** A button that zooms by `factor` about the canvas's middle; `key` is its shortcut. */
  const zoomButton = (id: string, label: string, key: string, enabled: boolean, factor: number) => (
    <button
      id={id}
      type="button"
      title={`${label} (${key})`}
      aria-label={label}
      disabled={!enabled}
      onClick={() => onAction({ kind: "zoom", factor, anchor: null })}
    >
      {key}
    </button>
  );
  return (
    <div class="canvas-controls" role="toolbar" aria-label="Zoom">
      {zoomButton("zoom-out", "Zoom out", "−", view?.canZoomOut !== false, 1 / ZOOM_STEP)}
      <span id="zoom-level" data-scale={scale.toFixed(3)} aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      {zoomButton("zoom-in", "Zoom in", "+", view?.canZoomIn !== false, ZOOM_STEP)}
      <button
        id="zoom-fit"
        type="button"
        title="Fit the lab to the canvas (0)"
        aria-pressed={view?.fitted ?? true}
        onClick={() => onAction({ kind: "fit" })}
      >
        Fit
      </button>
      <button
        id="follow-packet"
        type="button"
        title="Follow the packet: pan to keep it in view"
        aria-pressed={view?.following ?? true}
        onClick={onToggleFollowing}
      >
        Follow
      </button>
    </div>
  );
}
