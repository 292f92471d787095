/**
 * Owns the rule for "follow the packet": following is on by default, the toggle turns it off and
 * on, and a pan or zoom the user makes while a trace plays turns it off (the user has taken the
 * view over) until the toggle turns it back on. Fit, and any pan or zoom while paused, leave it
 * as it is. Pure; the canvas does the following.
 */
import type { ViewAction } from "./panZoom";

/** Whether following stays on after the user's view action, made while a trace was `playing` or not. */
export function followingAfter(following: boolean, action: ViewAction, playing: boolean): boolean {
  if (action.kind === "fit") return following;
  return playing ? false : following;
}
