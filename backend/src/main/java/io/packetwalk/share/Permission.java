package io.packetwalk.share;

/** What a link lets its holder do. */
public enum Permission {
  /** Open the lab and its versions, and fork it; never change it. */
  VIEW,
  /** Everything a view link does, plus save, restore, and revoke or rotate links. */
  EDIT;

  /** Whether a link with this permission may do what {@code needed} allows. */
  boolean covers(Permission needed) {
    return this == EDIT || needed == VIEW;
  }
}
