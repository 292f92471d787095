/** Owns the saved-lab controls of the header (Save and Ctrl+S, Share, History, Fork, My labs) and their dialogs, and the lab's title and notes under the header. */
import { useEffect, useState } from "preact/hooks";
import "./share.css";
import { useStore } from "../ui/useStore";
import { isSafeHref } from "./markdown";
import { Markdown } from "./Markdown";
import type { ShareSession, ShareState } from "./shareSession";

export function ShareControls(props: { share: ShareSession }) {
  const { share } = props;
  const state = useStore(share.store);
  const { lab } = state;
  const editable = lab === null || lab.permission === "EDIT";
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      const open = share.store.get().lab;
      if (open === null) share.show("save");
      else void share.save(open.title, open.notes);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [share]);

  return (
    <div class="share-controls">
      {lab !== null && lab.permission === "VIEW" && (
        <span
          id="read-only-badge"
          class="badge"
          title="Opened by a view link: it cannot be changed"
        >
          read-only
        </span>
      )}
      {editable && (
        <button
          id="save-lab"
          type="button"
          disabled={state.busy}
          title="Save the lab as a new version (Ctrl+S)"
          onClick={() =>
            lab === null ? share.show("save") : void share.save(lab.title, lab.notes)
          }
        >
          Save
        </button>
      )}
      {lab !== null && editable && (
        <button id="edit-details" type="button" onClick={() => share.show("save")}>
          Title &amp; notes
        </button>
      )}
      {lab !== null && (
        <button id="share-lab" type="button" onClick={() => share.show("share")}>
          Share
        </button>
      )}
      {lab !== null && (
        <button id="lab-history" type="button" onClick={() => share.show("history")}>
          History
        </button>
      )}
      {lab !== null && (
        <button id="fork-lab" type="button" disabled={state.busy} onClick={() => void share.fork()}>
          Fork
        </button>
      )}
      <button id="my-labs" type="button" onClick={() => share.show("myLabs")}>
        My labs
      </button>
      <ShareDialog share={share} state={state} />
    </div>
  );
}

/** The lab's title and notes (Markdown, rendered safely), when the tab shows a saved lab. */
export function LabNotes(props: { share: ShareSession }) {
  const { lab, message } = useStore(props.share.store);
  return (
    <>
      {message !== null && (
        <div id="share-message" role="status">
          <span>{message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => props.share.dismissMessage()}>
            ×
          </button>
        </div>
      )}
      {lab !== null && (
        <section id="lab-notes" class="lab-notes" aria-label="Lab notes">
          <h2 id="lab-title">
            {lab.title} <span class="lab-version">version {lab.version}</span>
          </h2>
          {lab.notes !== "" && <Markdown id="lab-notes-text" text={lab.notes} />}
        </section>
      )}
    </>
  );
}

function ShareDialog(props: { share: ShareSession; state: ShareState }) {
  const { share, state } = props;
  if (state.panel === "none") return null;
  const close = () => share.show("none");
  return (
    <div class="share-dialog" id={`share-dialog-${state.panel}`} role="dialog" aria-modal="false">
      <button class="share-close" type="button" aria-label="Close" onClick={close}>
        ×
      </button>
      {state.panel === "save" && <SaveForm share={share} state={state} />}
      {state.panel === "share" && <LinksPanel share={share} state={state} />}
      {state.panel === "history" && <HistoryPanel share={share} state={state} />}
      {state.panel === "myLabs" && <MyLabsPanel state={state} />}
    </div>
  );
}

function SaveForm(props: { share: ShareSession; state: ShareState }) {
  const { lab } = props.state;
  const [title, setTitle] = useState(lab?.title ?? "My lab");
  const [notes, setNotes] = useState(lab?.notes ?? "");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void props.share.save(title.trim() === "" ? "My lab" : title.trim(), notes);
      }}
    >
      <h2>{lab === null ? "Save this lab" : "Title and notes"}</h2>
      <label>
        Title
        <input
          id="save-title"
          value={title}
          maxLength={200}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      <label>
        Notes (Markdown)
        <textarea
          id="save-notes"
          rows={6}
          value={notes}
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
      </label>
      <button id="save-confirm" type="submit" disabled={props.state.busy}>
        Save
      </button>
    </form>
  );
}

function LinksPanel(props: { share: ShareSession; state: ShareState }) {
  const { share, state } = props;
  const lab = state.lab;
  if (lab === null) return null;
  return (
    <div>
      <h2>Share</h2>
      {lab.viewSecret === null ? (
        <p>This browser does not know the view link.</p>
      ) : (
        <>
          <CopyField
            id="view-link"
            label="View link (read-only)"
            value={share.link(lab.viewSecret)}
          />
          <CopyField
            id="embed-snippet"
            label="Embed in a web page (read-only iframe)"
            value={share.embed(lab.viewSecret)}
          />
        </>
      )}
      {lab.permission === "EDIT" && (
        <>
          <CopyField
            id="edit-link"
            label="Edit link (keep it secret)"
            value={share.link(lab.secret)}
          />
          <p class="share-actions">
            <button id="rotate-view" type="button" onClick={() => void share.rotate("view")}>
              New view link
            </button>
            <button id="rotate-edit" type="button" onClick={() => void share.rotate("edit")}>
              New edit link
            </button>
          </p>
          <p class="hint">A new link revokes the old one: it then opens only a "revoked" page.</p>
        </>
      )}
    </div>
  );
}

function CopyField(props: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <label class="copy-field">
      {props.label}
      <span>
        <input
          id={props.id}
          readOnly
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          id={`${props.id}-copy`}
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(props.value).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </span>
    </label>
  );
}

function HistoryPanel(props: { share: ShareSession; state: ShareState }) {
  const { share, state } = props;
  const editable = state.lab?.permission === "EDIT";
  return (
    <div>
      <h2>History</h2>
      <ol id="version-list" class="version-list">
        {[...state.versions].reverse().map((version) => (
          <li key={version.versionNumber} data-version={version.versionNumber}>
            <span class="version-number">{version.versionNumber}</span>{" "}
            <span class="version-title">{version.title}</span>{" "}
            <time dateTime={version.savedAt}>{new Date(version.savedAt).toLocaleString()}</time>
            {version.restoredFrom !== null && (
              <span class="hint"> (restored from {version.restoredFrom})</span>
            )}{" "}
            <button type="button" onClick={() => share.openVersion(version.versionNumber)}>
              Open
            </button>
            {editable && (
              <button type="button" onClick={() => void share.restore(version.versionNumber)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function MyLabsPanel(props: { state: ShareState }) {
  const labs = props.state.myLabs;
  return (
    <div>
      <h2>My labs</h2>
      {labs.length === 0 ? (
        <p>Labs this browser saves or opens are listed here.</p>
      ) : (
        <ul id="my-labs-list">
          {labs.map((lab) => {
            const link = lab.editLink ?? lab.viewLink;
            return (
              <li key={lab.id}>
                {link === null || !isSafeHref(link) ? lab.title : <a href={link}>{lab.title}</a>}
                <span class="hint"> {lab.editLink !== null ? "edit" : "view"}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
