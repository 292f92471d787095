/** Owns the "Link to this step" field under the player: a saved lab's view link that opens at the current probe's current step. */
import { useState } from "preact/hooks";

export function MomentLink(props: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <label class="moment-link">
      <span>Link to this step</span>
      <input id="moment-link" type="text" readOnly value={props.link} />
      <button
        id="copy-moment-link"
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(props.link).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </label>
  );
}
