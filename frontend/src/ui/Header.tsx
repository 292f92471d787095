/** Owns the page header (product name, lab name and its notes, built-in lab picker, saved-lab controls, connection status), the dismissible error banner and the notice banner. */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ConnectionStatus as Status } from "../transport/connection";
import { fetchTemplates, labNotes, type LabTemplate } from "./templates";

const STATUS_TITLES: Readonly<Record<Status, string>> = {
  connecting: "Connecting to the lab server…",
  connected: "Connected to the lab server.",
  disconnected: "Not connected; trying again shortly.",
};

export function Header(props: {
  templates: readonly LabTemplate[];
  labName: string | null;
  connection: Status;
  openLab: (id: string) => void;
  /** Further header controls (the saved-lab buttons). */
  controls?: ComponentChildren;
}) {
  const templates = props.templates;
  const notes = labNotes(templates, props.labName);
  return (
    <header class="app-header">
      <h1 class="brand">Packetwalk</h1>
      <span class="lab-name">{props.labName ?? ""}</span>
      {notes === "" ? null : <BuiltInNotes text={notes} />}
      <LabPicker templates={templates} openLab={props.openLab} />
      {props.controls}
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

/** The server's built-in labs, fetched once; empty until they are known. */
export function useTemplates(): readonly LabTemplate[] {
  const [templates, setTemplates] = useState<readonly LabTemplate[]>([]);
  useEffect(() => {
    let live = true;
    void fetchTemplates().then((found) => {
      if (live) setTemplates(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return templates;
}

/** The open lab's notes: what it is and what to try, shown on request as plain text. */
function BuiltInNotes(props: { text: string }) {
  return (
    <details class="builtin-notes">
      <summary title="What this lab is and what to try">About this lab</summary>
      <p id="builtin-notes-text">{props.text}</p>
    </details>
  );
}

/** A menu of the server's built-in labs; choosing one opens it fresh. Hidden until they are known. */
function LabPicker(props: { templates: readonly LabTemplate[]; openLab: (id: string) => void }) {
  const templates = props.templates;
  if (templates.length === 0) return null;
  return (
    <label class="lab-picker">
      <span class="visually-hidden">Open a built-in lab</span>
      <select
        id="lab-picker"
        value=""
        onChange={(event) => {
          const id = event.currentTarget.value;
          if (id !== "") props.openLab(id);
        }}
      >
        <option value="">Open a lab…</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id} title={template.description}>
            {template.name}
          </option>
        ))}
      </select>
    </label>
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
