/** Owns the playback controls: jump to start, Back, Step, Play/Pause, jump to end and the speed slider, each labelled with its keyboard shortcut. */
import { MAX_SPEED, MIN_SPEED } from "../playback/player";
import { ariaShortcut, PLAYBACK_SHORTCUTS, type PlaybackKey } from "./keyboard";

export interface PlaybackControlsProps {
  readonly cursor: number;
  readonly length: number;
  readonly complete: boolean;
  readonly playing: boolean;
  readonly speed: number;
  readonly onBack: () => void;
  readonly onForward: () => void;
  readonly onTogglePlay: () => void;
  readonly onSpeed: (stepsPerSecond: number) => void;
  readonly onStart?: () => void;
  readonly onEnd?: () => void;
}

/** The attributes that tell people a control's shortcut: its title, aria-keyshortcuts, and the key shown after its text. */
function shortcut(action: PlaybackKey, what: string) {
  const shown = PLAYBACK_SHORTCUTS[action].shown;
  return {
    title: `${what} (${shown})`,
    "aria-keyshortcuts": ariaShortcut(action),
    "data-shortcut": shown,
  };
}

export function PlaybackControls(props: PlaybackControlsProps) {
  const { cursor, length, playing } = props;
  const position =
    length === 0
      ? "No steps yet"
      : cursor < 0
        ? `Before step 1 of ${length}`
        : `Step ${cursor + 1} of ${length}${props.complete ? "" : "…"}`;
  return (
    <div class="playback" role="group" aria-label="Playback">
      <button
        id="jump-start"
        type="button"
        disabled={cursor < 0}
        onClick={props.onStart}
        {...shortcut("start", "Jump to before the first step")}
      >
        « Start
      </button>
      <button
        id="step-back"
        type="button"
        disabled={cursor < 0}
        onClick={props.onBack}
        {...shortcut("back", "Step back one step, rewinding state")}
      >
        ◀ Back
      </button>
      <button
        id="step-forward"
        type="button"
        disabled={cursor >= length - 1}
        onClick={props.onForward}
        {...shortcut("forward", "Step forward one step")}
      >
        Step ▶
      </button>
      <button
        id="play-pause"
        type="button"
        class="primary"
        disabled={length === 0}
        aria-pressed={playing}
        onClick={props.onTogglePlay}
        {...shortcut("toggle", playing ? "Pause playback" : "Play the trace")}
      >
        {playing ? "Pause" : "Play"}
      </button>
      <button
        id="jump-end"
        type="button"
        disabled={cursor >= length - 1}
        onClick={props.onEnd}
        {...shortcut("end", "Jump to the last step")}
      >
        End »
      </button>
      <span class="position" aria-live="polite">
        {position}
      </span>
      <label
        class="speed"
        for="speed"
        title={`Playback speed: ${PLAYBACK_SHORTCUTS.slower.shown} slower, ${PLAYBACK_SHORTCUTS.faster.shown} faster`}
      >
        Speed
        <input
          id="speed"
          type="range"
          min={MIN_SPEED}
          max={MAX_SPEED}
          step={0.5}
          value={props.speed}
          aria-keyshortcuts={`${ariaShortcut("slower")} ${ariaShortcut("faster")}`}
          onInput={(event) => props.onSpeed(Number(event.currentTarget.value))}
        />
        <output id="speed-value" for="speed">
          {props.speed} steps/s
        </output>
        <span class="shortcut-hint" aria-hidden="true">
          {PLAYBACK_SHORTCUTS.slower.shown} {PLAYBACK_SHORTCUTS.faster.shown}
        </span>
      </label>
    </div>
  );
}
