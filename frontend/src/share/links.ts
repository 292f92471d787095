/** Owns the addresses of saved labs: reading `/shared/ID/SECRET[?version=N]` and `/embed/ID/SECRET` from the page's location, and writing links and the embed snippet. */
import type { SharedRef } from "../protocol/protocol";

const PATH = /^\/(?:shared|embed)\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,128})\/?$/;

/** Whether the page is the read-only embed page (`/embed/ID/SECRET`) rather than the lab page. */
export function isEmbedPage(location: { readonly pathname: string }): boolean {
  return location.pathname.startsWith("/embed/") && PATH.test(location.pathname);
}

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

/** The embed page path of a view link. */
export function embedPath(id: string, viewSecret: string): string {
  return `/embed/${encodeURIComponent(id)}/${encodeURIComponent(viewSecret)}`;
}

/** The HTML a blog post or course page pastes to show the lab read-only in an iframe. */
export function embedSnippet(
  origin: string,
  id: string,
  viewSecret: string,
  title: string,
): string {
  const src = `${origin}${embedPath(id, viewSecret)}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}"` +
    ` width="960" height="600" style="border: 1px solid #ccc; border-radius: 6px"` +
    ` loading="lazy" referrerpolicy="no-referrer"></iframe>`
  );
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
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
