/** Owns the page header (product name, lab name, connection status), the dismissible error banner and the notice banner. */
import type { ConnectionStatus as Status } from "../transport/connection";

const STATUS_TITLES: Readonly<Record<Status, string>> = {
  connecting: "Connecting to the lab server…",
  connected: "Connected to the lab server.",
  disconnected: "Not connected; trying again shortly.",
};

export function Header(props: { labName: string | null; connection: Status }) {
  return (
    <header class="app-header">
      <h1 class="brand">Packetwalk</h1>
      <span class="lab-name">{props.labName ?? ""}</span>
      <span
        id="connection-status"
        class={`status status-${props.connection}`}
        data-status={props.connection}
        role="status"
        title={STATUS_TITLES[props.connection]}
      >
        {props.connection}
      </span>
    </header>
  );
}

export function ErrorBanner(props: { message: string | null; onDismiss: () => void }) {
  if (props.message === null) return null;
  return (
    <div id="error-banner" role="alert">
      <span class="error-message">{props.message}</span>
      <button id="error-dismiss" type="button" aria-label="Dismiss" onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}

/** What the server said about this tab's lab, e.g. that a resume came too late. */
export function NoticeBanner(props: { message: string | null; onDismiss: () => void }) {
  if (props.message === null) return null;
  return (
    <div id="notice-banner" role="status">
      <span class="error-message">{props.message}</span>
      <button id="notice-dismiss" type="button" aria-label="Dismiss" onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}
