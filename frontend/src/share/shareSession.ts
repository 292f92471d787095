/** Owns the page's saved lab: which one this tab shows and with what permission, and the actions on it (save, history, restore, fork, new links, My labs), each ending in a new state and a sentence for the user. */
import type { SharedRef } from "../protocol/protocol";
import { Store } from "../store/store";
import { ShareApiError, type Permission, type ShareApi, type VersionSummary } from "./api";
import type { LabExporter } from "./exporter";
import { embedSnippet, linkPath } from "./links";
import { loadMyLabs, rememberLab, type KeyValueStore, type MyLab } from "./myLabs";

export interface OpenLab {
  readonly id: string;
  readonly permission: Permission;
  /** The secret of the link this tab holds: the edit link's when it may edit. */
  readonly secret: string;
  /** The view link's secret when this browser knows it. */
  readonly viewSecret: string | null;
  readonly title: string;
  readonly notes: string;
  /** The version this tab opened or last saved. */
  readonly version: number;
}

export type Panel = "none" | "save" | "share" | "history" | "myLabs";

export interface ShareState {
  readonly lab: OpenLab | null;
  readonly panel: Panel;
  readonly versions: readonly VersionSummary[];
  readonly busy: boolean;
  readonly message: string | null;
  readonly myLabs: readonly MyLab[];
}

/** What the session needs from the page around it. */
export interface SharePage {
  readonly origin: string;
  /** Goes to another address (a fresh lab from it: the tab's session is forgotten first). */
  open(path: string): void;
  /** Shows another address for the lab this tab already has (no reload). */
  replace(path: string): void;
  readonly storage: KeyValueStore;
}

export class ShareSession {
  readonly store: Store<ShareState>;

  constructor(
    private readonly api: ShareApi,
    private readonly exporter: LabExporter,
    private readonly page: SharePage,
  ) {
    this.store = new Store<ShareState>({
      lab: null,
      panel: "none",
      versions: [],
      busy: false,
      message: null,
      myLabs: loadMyLabs(page.storage),
    });
  }

  /** Reads the saved lab the page's link opened. */
  async open(ref: SharedRef): Promise<void> {
    await this.run(async () => {
      const info = await this.api.info(ref.id, ref.secret);
      const document = await this.api.document(ref.id, ref.secret, ref.version ?? null);
      const known = this.store.get().myLabs.find((lab) => lab.id === ref.id);
      const lab: OpenLab = {
        id: ref.id,
        permission: info.permission,
        secret: ref.secret,
        viewSecret: info.permission === "VIEW" ? ref.secret : secretOf(known?.viewLink ?? null),
        title: text(document["name"]),
        notes: text(document["notes"]),
        version: ref.version ?? info.latestVersion,
      };
      this.remember(lab);
      this.set({ lab });
      return null;
    });
  }

  show(panel: Panel): void {
    this.set({ panel, message: null });
    if (panel === "history") void this.loadHistory();
  }

  dismissMessage(): void {
    this.set({ message: null });
  }

  /** Saves the tab's lab: a new version of the open lab, or a new lab with its links. */
  async save(title: string, notes: string): Promise<void> {
    const lab = this.store.get().lab;
    if (lab !== null && lab.permission === "VIEW") {
      this.set({ message: "This lab is read-only (a view link); fork it to save your own copy." });
      return;
    }
    await this.run(async () => {
      const document = JSON.parse(await this.exporter.export()) as Record<string, unknown>;
      const body = JSON.stringify({ ...document, name: title, notes });
      if (lab !== null) {
        const saved = await this.api.save(lab.id, lab.secret, body);
        this.set({ lab: { ...lab, title, notes, version: saved.version }, panel: "none" });
        this.remember({ ...lab, title, notes });
        return `Saved version ${saved.version}.`;
      }
      const created = await this.api.create(body);
      const fresh: OpenLab = {
        id: created.id,
        permission: "EDIT",
        secret: created.editSecret,
        viewSecret: created.viewSecret,
        title,
        notes,
        version: created.version,
      };
      this.page.replace(linkPath(created.id, created.editSecret));
      this.remember(fresh);
      this.set({ lab: fresh, panel: "share" });
      return "Saved. Copy the view link to share the lab read-only.";
    });
  }

  async loadHistory(): Promise<void> {
    const lab = this.store.get().lab;
    if (lab === null) return;
    await this.run(async () => {
      this.set({ versions: await this.api.versions(lab.id, lab.secret) });
      return null;
    });
  }

  /** Opens version `version` of the lab in this tab. */
  openVersion(version: number): void {
    const lab = this.store.get().lab;
    if (lab !== null) this.page.open(linkPath(lab.id, lab.secret, version));
  }

  /** Saves version `version` again as the newest, and opens it. */
  async restore(version: number): Promise<void> {
    const lab = this.store.get().lab;
    if (lab === null) return;
    await this.run(async () => {
      await this.api.restore(lab.id, lab.secret, version);
      this.page.open(linkPath(lab.id, lab.secret));
      return null;
    });
  }

  /** Makes this browser's own editable copy of the version shown, and opens it. */
  async fork(): Promise<void> {
    const lab = this.store.get().lab;
    if (lab === null) return;
    await this.run(async () => {
      const created = await this.api.fork(lab.id, lab.secret, lab.version);
      this.remember({
        ...lab,
        id: created.id,
        permission: "EDIT",
        secret: created.editSecret,
        viewSecret: created.viewSecret,
      });
      this.page.open(linkPath(created.id, created.editSecret));
      return null;
    });
  }

  /** Revokes the view or edit link and makes a new one. */
  async rotate(which: "view" | "edit"): Promise<void> {
    const lab = this.store.get().lab;
    if (lab === null || lab.permission !== "EDIT") return;
    await this.run(async () => {
      const secret = await this.api.rotate(lab.id, lab.secret, which);
      const next: OpenLab = which === "view" ? { ...lab, viewSecret: secret } : { ...lab, secret };
      if (which === "edit") this.page.replace(linkPath(lab.id, secret));
      this.remember(next);
      this.set({ lab: next });
      return which === "view"
        ? "The old view link was revoked; this is the new one."
        : "The old edit link was revoked; this page now uses the new one.";
    });
  }

  /** The full address of a link of the open lab. */
  link(secret: string): string {
    const lab = this.store.get().lab;
    return lab === null ? "" : this.page.origin + linkPath(lab.id, secret);
  }

  /** The iframe snippet that embeds the open lab read-only by its view link. */
  embed(viewSecret: string): string {
    const lab = this.store.get().lab;
    return lab === null ? "" : embedSnippet(this.page.origin, lab.id, viewSecret, lab.title);
  }

  private remember(lab: OpenLab): void {
    const myLabs = rememberLab(this.page.storage, {
      id: lab.id,
      title: lab.title,
      editLink: lab.permission === "EDIT" ? this.page.origin + linkPath(lab.id, lab.secret) : null,
      viewLink:
        lab.viewSecret === null ? null : this.page.origin + linkPath(lab.id, lab.viewSecret),
      seen: new Date().toISOString(),
    });
    this.set({ myLabs });
  }

  /** Runs an action with the busy flag up; its sentence, or its failure's, becomes the message. */
  private async run(action: () => Promise<string | null>): Promise<void> {
    this.set({ busy: true, message: null });
    try {
      const message = await action();
      this.set({ busy: false, message });
    } catch (error) {
      const message =
        error instanceof ShareApiError || error instanceof Error
          ? error.message
          : "The request failed.";
      this.set({ busy: false, message });
    }
  }

  private set(change: Partial<ShareState>): void {
    this.store.update((state) => ({ ...state, ...change }));
  }
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The secret at the end of a link, or null. */
function secretOf(link: string | null): string | null {
  if (link === null) return null;
  const last = link.split("/").pop();
  return last === undefined || last === "" ? null : last;
}
