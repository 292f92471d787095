/** Owns the start page: shown when the page opens with no lab, saved-lab link or tab session, it lists the built-in labs with their notes; each opens ready to play, or the default lab stays open. */
import { useEffect, useRef } from "preact/hooks";
import type { LabTemplate } from "./templates";

export function StartPage(props: {
  templates: readonly LabTemplate[];
  openLab: (id: string) => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      props.onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [props.onClose]);
  return (
    <div class="start-backdrop">
      <section
        id="start-page"
        class="start-page"
        role="dialog"
        aria-modal="true"
        aria-labelledby="start-title"
        aria-describedby="start-intro"
      >
        <h2 id="start-title" ref={heading} tabIndex={-1}>
          Start with a ready-made lab
        </h2>
        <p id="start-intro">
          Each lab is built on the server and opens ready to play: pick one, then press Ping.
        </p>
        <ul class="start-labs" aria-label="Ready-made labs">
          {props.templates.map((template) => (
            <li key={template.id} class="start-lab" data-lab={template.id}>
              <h3>{template.name}</h3>
              <p>{withCode(template.description)}</p>
              <button type="button" class="primary" onClick={() => props.openLab(template.id)}>
                Open<span class="visually-hidden"> {template.name}</span>
              </button>
            </li>
          ))}
        </ul>
        <div class="start-actions">
          <button type="button" id="start-close" onClick={props.onClose}>
            Keep the open lab <kbd>Esc</kbd>
          </button>
        </div>
      </section>
    </div>
  );
}

/** The notes as text, with `quoted` commands set as code. */
function withCode(notes: string) {
  return notes
    .split("`")
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
