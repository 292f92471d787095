/** Owns the live lab's toggles: present this tab's steps (edit links), follow the presenter (every link). */
import type { LiveInfo } from "../protocol/protocol";

export interface LiveControlsProps {
  readonly live: LiveInfo;
  readonly presenting: boolean;
  readonly following: boolean;
  readonly onPresent: (presenting: boolean) => void;
  readonly onFollow: (following: boolean) => void;
}

export function LiveControls(props: LiveControlsProps) {
  const { live } = props;
  return (
    <div class="live-controls" role="group" aria-label="Live lab">
      <span
        class="live-badge"
        title="Every tab on this lab's links sees the same lab as it changes"
      >
        Live
      </span>
      {live.canEdit && (
        <label>
          <input
            id="live-present"
            type="checkbox"
            checked={props.presenting}
            onChange={(event) => props.onPresent(event.currentTarget.checked)}
          />
          Present my steps
        </label>
      )}
      <label>
        <input
          id="live-follow"
          type="checkbox"
          checked={props.following}
          onChange={(event) => props.onFollow(event.currentTarget.checked)}
        />
        Follow the presenter
      </label>
    </div>
  );
}
