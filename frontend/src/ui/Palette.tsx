/** Owns the editing toolbar over the canvas: the select and connect tools, things to drag onto the canvas (namespace, bridge, and host when the lab has several), undo, redo and Tidy. */
import type { ToolMode } from "../tools/select";

/** What can be dragged from the palette. */
export type PaletteItem = "namespace" | "bridge" | "host";

export interface PaletteProps {
  readonly mode: ToolMode;
  readonly onMode: (mode: ToolMode) => void;
  /** A press on an item starts dragging it; a click without a drag adds it where it fits. */
  readonly onGrab: (item: PaletteItem, event: PointerEvent) => void;
  readonly showHost: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onTidy: () => void;
}

const ITEMS: readonly { item: PaletteItem; label: string; title: string }[] = [
  {
    item: "namespace",
    label: "Namespace",
    title: "Drag onto the canvas to add a network namespace (a container); click to add one",
  },
  {
    item: "bridge",
    label: "Bridge",
    title:
      "Drag onto a namespace to add a Linux bridge to it; click to add one to the selected namespace",
  },
  {
    item: "host",
    label: "Host",
    title: "Drag onto the canvas to add a host (a kernel of its own)",
  },
];

export function Palette(props: PaletteProps) {
  const tool = (mode: ToolMode, label: string, key: string, title: string) => (
    <button
      id={`tool-${mode}`}
      type="button"
      title={`${title} (${key})`}
      aria-pressed={props.mode === mode}
      onClick={() => props.onMode(mode)}
    >
      {label}
    </button>
  );
  return (
    <div class="canvas-palette" role="toolbar" aria-label="Edit">
      {tool(
        "select",
        "Select",
        "V",
        "Select and move: click, Shift-click, Shift-drag a band, drag boxes",
      )}
      {tool(
        "connect",
        "Connect",
        "C",
        "Connect: drag from one namespace to another for a veth pair, or onto a bridge for a port",
      )}
      <span class="palette-rule" aria-hidden="true" />
      {ITEMS.filter(({ item }) => item !== "host" || props.showHost).map(
        ({ item, label, title }) => (
          <button
            id={`palette-${item}`}
            key={item}
            type="button"
            class="palette-item"
            title={title}
            onPointerDown={(event) => props.onGrab(item, event)}
          >
            {label}
          </button>
        ),
      )}
      <span class="palette-rule" aria-hidden="true" />
      <button
        id="edit-undo"
        type="button"
        title="Undo the last edit (Ctrl+Z)"
        disabled={!props.canUndo}
        onClick={props.onUndo}
      >
        Undo
      </button>
      <button
        id="edit-redo"
        type="button"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!props.canRedo}
        onClick={props.onRedo}
      >
        Redo
      </button>
      <button
        id="layout-tidy"
        type="button"
        title="Arrange every box afresh (the lab keeps the new places)"
        onClick={props.onTidy}
      >
        Tidy
      </button>
    </div>
  );
}
