/** Owns the editing toolbar over the canvas: the select and connect tools, things to drag onto the canvas (namespace, router, internet host, bridge, underlay switch, VXLAN VTEP, host), undo, redo and Tidy; each with its key. */
import type { PaletteItem } from "../edit/paletteDrop";
import { PALETTE_ITEMS, PALETTE_KEYS } from "../tools/editKeys";
import type { ToolMode } from "../tools/select";

export interface PaletteProps {
  readonly mode: ToolMode;
  readonly onMode: (mode: ToolMode) => void;
  /** A press on an item starts dragging it; a click without a drag adds it where it fits. */
  readonly onGrab: (item: PaletteItem, event: PointerEvent) => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onTidy: () => void;
}

const ITEMS: Readonly<Record<PaletteItem, { readonly label: string; readonly title: string }>> = {
  namespace: {
    label: "Namespace",
    title:
      "Drag onto the canvas (or onto a host's box) to add a network namespace (a container) in that host; click to add one",
  },
  router: {
    label: "Router",
    title: "Drag onto the canvas to add a router: a namespace with net.ipv4.ip_forward=1",
  },
  internet: {
    label: "Internet",
    title:
      "Drag onto a namespace to hang an \u201cinternet\u201d host (203.0.113.10/24) off it by a veth pair; on empty space it hangs off the host's root namespace",
  },
  bridge: {
    label: "Bridge",
    title:
      "Drag onto a namespace to add a Linux bridge to it; click to add one to the selected namespace",
  },
  switch: {
    label: "Switch",
    title: "Drag onto a host to add an underlay switch: a bridge in the host's root namespace",
  },
  vtep: {
    label: "VTEP",
    title:
      "Drag onto a namespace to add a VXLAN VTEP (VNI 100+N, UDP port 4789, on its physical NIC if it has one)",
  },
  host: {
    label: "Host",
    title: "Click or drag onto the canvas to add a host (a kernel of its own) with pw host add",
  },
};

export function Palette(props: PaletteProps) {
  const tool = (mode: ToolMode, label: string, key: string, title: string) => (
    <button
      id={`tool-${mode}`}
      type="button"
      title={`${title} (${key})`}
      aria-keyshortcuts={key}
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
        "Select and move: click, Shift-click, Shift-drag a band, drag boxes; Ctrl+C and Ctrl+V copy and paste namespaces",
      )}
      {tool(
        "connect",
        "Connect",
        "C",
        "Connect: drag from one namespace to another for a veth pair, or onto a bridge for a port",
      )}
      <span class="palette-rule" aria-hidden="true" />
      {PALETTE_ITEMS.map((item) => (
        <button
          id={`palette-${item}`}
          key={item}
          type="button"
          class="palette-item"
          title={`${ITEMS[item].title} (${PALETTE_KEYS[item]})`}
          aria-keyshortcuts={PALETTE_KEYS[item]}
          onPointerDown={(event) => props.onGrab(item, event)}
        >
          {ITEMS[item].label}
        </button>
      ))}
      <span class="palette-rule" aria-hidden="true" />
      <button
        id="edit-undo"
        type="button"
        title="Undo the last edit (Ctrl+Z)"
        aria-keyshortcuts="Control+Z"
        disabled={!props.canUndo}
        onClick={props.onUndo}
      >
        Undo
      </button>
      <button
        id="edit-redo"
        type="button"
        title="Redo (Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Shift+Z"
        disabled={!props.canRedo}
        onClick={props.onRedo}
      >
        Redo
      </button>
      <button
        id="layout-tidy"
        type="button"
        title="Arrange every box afresh (the lab keeps the new places) (T)"
        aria-keyshortcuts="T"
        onClick={props.onTidy}
      >
        Tidy
      </button>
    </div>
  );
}
