/** Owns "My labs": the saved labs this browser made or opened, kept in localStorage, newest first. */

export interface MyLab {
  readonly id: string;
  readonly title: string;
  /** The edit link when this browser holds it, else null. */
  readonly editLink: string | null;
  /** The view link when this browser knows it, else null. */
  readonly viewLink: string | null;
  /** ISO time this browser last saved or opened it. */
  readonly seen: string;
}

/** The part of Storage this needs (window.localStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const MY_LABS_KEY = "packetwalk.myLabs";
const MAX_LABS = 50;

/** The labs kept in `storage`; anything unreadable is left out. */
export function loadMyLabs(storage: KeyValueStore): readonly MyLab[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(MY_LABS_KEY) ?? "[]");
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isMyLab) : [];
}

/** Keeps `lab` first, merging what was known of it (a known edit link is never forgotten by a view). */
export function rememberLab(storage: KeyValueStore, lab: MyLab): readonly MyLab[] {
  const known = loadMyLabs(storage);
  const before = known.find((other) => other.id === lab.id);
  const merged: MyLab = {
    ...lab,
    editLink: lab.editLink ?? before?.editLink ?? null,
    viewLink: lab.viewLink ?? before?.viewLink ?? null,
  };
  const labs = [merged, ...known.filter((other) => other.id !== lab.id)].slice(0, MAX_LABS);
  try {
    storage.setItem(MY_LABS_KEY, JSON.stringify(labs));
  } catch {
    // storage full or unavailable: the list lives only in this page
  }
  return labs;
}

function isMyLab(value: unknown): value is MyLab {
  if (typeof value !== "object" || value === null) return false;
  const lab = value as Record<string, unknown>;
  const link = (field: unknown): boolean => field === null || typeof field === "string";
  return (
    typeof lab["id"] === "string" &&
    typeof lab["title"] === "string" &&
    typeof lab["seen"] === "string" &&
    link(lab["editLink"]) &&
    link(lab["viewLink"])
  );
}
