/**
 * Owns what the canvas's editing can do: it keeps the selection and the places of boxes in the
 * store, sends the places to the lab, and turns deletes, renames, new things, links, undo and redo
 * into edit batches for the server, noting each in the edit state until its answer comes.
 */
import type { Hit } from "../geometry/hitTest";
import type { Point } from "../geometry/path";
import { namespaceKey, namespaceLabel } from "../model/topology";
import type { ClientMessage, EditCommand } from "../protocol/protocol";
import type { SessionState } from "../store/session";
import type { Store } from "../store/store";
import { isNamespaceId, nextSelection } from "../tools/select";
import { connectPlan, deletePlan, namespaceRefOf, renamePlan, type EditPlan } from "./commands";
import { pastePlan } from "./copyPlan";
import { paletteDrop, type PaletteItem } from "./paletteDrop";
import {
  dismissRefusal,
  editSent,
  moveMade,
  moveReversed,
  stackOf,
  type EditMode,
  type Reversal,
} from "./editState";

export class EditController {
  private requests = 0;
  /** The namespace ids Ctrl+C copied, pasted by Ctrl+V. */
  private copied: readonly string[] = [];

  constructor(
    private readonly store: Store<SessionState>,
    private readonly send: (message: ClientMessage) => boolean,
  ) {}

  select(ids: readonly string[], toggle: boolean): void {
    this.store.update((state) => {
      const selection = nextSelection(state.selection, ids, toggle);
      const same =
        selection.length === state.selection.length &&
        selection.every((id, index) => id === state.selection[index]);
      return same ? state : { ...state, selection };
    });
  }

  /** Keeps boxes at new centres (by namespace key) and tells the lab. */
  place(places: ReadonlyMap<string, Point>): void {
    if (places.size === 0) return;
    this.store.update((state) => ({
      ...state,
      positions: new Map([...state.positions, ...places]),
    }));
    this.sendPlaces(places);
  }

  /**
   * Boxes the person dragged from `from` to `places`: kept, told to the lab, and undoable (the
   * lab's kernel is not involved, so undo and redo of a move need no answer).
   */
  move(places: ReadonlyMap<string, Point>, from: ReadonlyMap<string, Point>): void {
    if (places.size === 0) return;
    const label = `moved ${[...places.keys()].map((key) => namespaceLabel(namespaceRefOf(key))).join(", ")}`;
    this.store.update((state) => ({
      ...state,
      edits: moveMade(state.edits, { label, commands: [], places: from }),
    }));
    this.place(places);
  }

  /** Makes `places` the only places (after Tidy) and tells the lab. */
  replacePlaces(places: ReadonlyMap<string, Point>): void {
    this.store.update((state) => ({ ...state, positions: new Map(places) }));
    this.sendPlaces(places);
  }

  deleteSelection(): void {
    const { topology, selection } = this.store.get();
    if (topology === null) return;
    const plan = deletePlan(topology, selection);
    if (plan !== null) this.run(plan, "do", null);
  }

  rename(id: string, name: string): void {
    const topology = this.store.get().topology;
    const plan = topology === null ? null : renamePlan(topology, id, name);
    if (plan !== null) this.run(plan, "do", null);
  }

  connect(from: Hit, to: Hit | null): void {
    const topology = this.store.get().topology;
    const plan = topology === null ? null : connectPlan(topology, from, to);
    if (plan !== null) this.run(plan, "do", null);
  }

  /**
   * Drops a palette item on `hit` at `at` (scene coordinates; both null for a click or a key,
   * which go by the selection): runs its plan, a new namespace's box placed where it was dropped.
   */
  dropPaletteItem(item: PaletteItem, hit: Hit | null, at: Point | null): void {
    const { topology, selection } = this.store.get();
    if (topology === null) return;
    const result = paletteDrop(topology, item, hit, selection);
    if (result.kind === "refused") {
      this.refuse(hit === null || hit.kind === "host" ? "" : hit.key, result.message);
      return;
    }
    const host = result.plan.target.split("/")[0] ?? "";
    if (at !== null && result.newNamespace !== null)
      this.place(new Map([[namespaceKey({ host, netns: result.newNamespace }), at]]));
    this.run(result.plan, "do", null);
  }

  /** Copies the selected named namespaces; false when none is selected. */
  copySelection(): boolean {
    const picked = this.store.get().selection.filter(isNamespaceId);
    if (picked.length === 0) return false;
    this.copied = picked;
    return true;
  }

  /** Pastes copies of the copied namespaces as one edit; false when nothing was copied. */
  paste(): boolean {
    const topology = this.store.get().topology;
    if (topology === null || this.copied.length === 0) return false;
    const plan = pastePlan(topology, this.copied);
    if (plan === null) {
      this.refuse("", "The copied namespaces are gone, so there is nothing to paste.");
      return true;
    }
    this.run(plan, "do", null);
    return true;
  }

  undo(): void {
    this.reverse("undo");
  }

  redo(): void {
    this.reverse("redo");
  }

  /** Shows an error next to a thing, as a refused edit's is (e.g. a drop where nothing can go). */
  refuse(target: string, message: string): void {
    this.store.update((state) => ({
      ...state,
      edits: { ...state.edits, refusal: { target, message } },
    }));
  }

  dismissRefusal(): void {
    this.store.update((state) => {
      const edits = dismissRefusal(state.edits);
      return edits === state.edits ? state : { ...state, edits };
    });
  }

  private reverse(mode: "undo" | "redo"): void {
    const reversal = stackOf(this.store.get().edits, mode).at(-1);
    if (reversal === undefined) return;
    if (reversal.places !== undefined) {
      const now = this.store.get().positions;
      const back = new Map(
        [...reversal.places.keys()].flatMap((key) => {
          const at = now.get(key);
          return at === undefined ? [] : [[key, at] as const];
        }),
      );
      this.store.update((state) => ({
        ...state,
        edits: moveReversed(state.edits, mode, { ...reversal, places: back }),
      }));
      this.place(reversal.places);
      return;
    }
    this.run(
      { label: `${mode}: ${reversal.label}`, commands: reversal.commands, target: "" },
      mode,
      reversal,
    );
  }

  private run(plan: EditPlan, mode: EditMode, reversal: Reversal | null): void {
    const requestId = `e${++this.requests}`;
    const commands: EditCommand[] = [...plan.commands];
    const sent = this.send({ v: 2, type: "edit", requestId, label: plan.label, commands });
    if (!sent) {
      this.refuse(plan.target, "Not connected to the server, so the edit was not made.");
      return;
    }
    this.store.update((state) => ({
      ...state,
      edits: editSent(state.edits, requestId, {
        mode,
        label: plan.label,
        target: plan.target,
        reversal,
      }),
    }));
  }

  private sendPlaces(places: ReadonlyMap<string, Point>): void {
    const positions = [...places].map(([key, at]) => ({
      ...namespaceRefOf(key),
      x: at.x,
      y: at.y,
    }));
    this.send({ v: 2, type: "place", positions });
  }
}
