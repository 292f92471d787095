/** Owns the playback controls: Back, Step, Play/Pause and the speed slider. */
import { MAX_SPEED, MIN_SPEED } from "../playback/player";

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
      <button id="step-back" type="button" disabled={cursor < 0} onClick={props.onBack}>
        ◀ Back
      </button>
      <button
        id="step-forward"
        type="button"
        disabled={cursor >= length - 1}
        onClick={props.onForward}
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
      >
        {playing ? "Pause" : "Play"}
      </button>
      <span class="position" aria-live="polite">
        {position}
      </span>
      <label class="speed" for="speed">
        Speed
        <input
          id="speed"
          type="range"
          min={MIN_SPEED}
          max={MAX_SPEED}
          step={0.5}
          value={props.speed}
          onInput={(event) => props.onSpeed(Number(event.currentTarget.value))}
        />
        <output id="speed-value" for="speed">
          {props.speed} steps/s
        </output>
      </label>
    </div>
  );
}
