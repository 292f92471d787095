/** Owns the addresses of saved labs: reading `/shared/ID/SECRET[?version=N]` from the page's location, and writing links. */
import type { SharedRef } from "../protocol/protocol";

const PATH = /^\/shared\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,128})\/?$/;

/** The saved lab the page's address opens, or null when it opens none. */
export function sharedFromLocation(location: {
  readonly pathname: string;
  readonly search: string;
}): SharedRef | null {
  const match = PATH.exec(location.pathname);
  if (match === null) return null;
  const id = match[1] ?? "";
  const secret = match[2] ?? "";
  const version = Number(new URLSearchParams(location.search).get("version"));
  return Number.isInteger(version) && version >= 1 ? { id, secret, version } : { id, secret };
}

/** The page path of a link. */
export function linkPath(id: string, secret: string, version?: number): string {
  const path = `/shared/${encodeURIComponent(id)}/${encodeURIComponent(secret)}`;
  return version === undefined ? path : `${path}?version=${version}`;
}

/** Where the tab notes which address its lab came from (sessionStorage in the browser). */
export const OPENED_KEY = "packetwalk.opened";

/**
 * Whether `address` opens a different lab than the one this tab holds: true on the first visit
 * to a link, false on a reload of it (then the tab's lab is resumed). Notes `address` either way.
 */
export function opensAnotherLab(
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void },
  address: string,
): boolean {
  try {
    const fresh = storage.getItem(OPENED_KEY) !== address;
    storage.setItem(OPENED_KEY, address);
    return fresh;
  } catch {
    return true;
  }
}
