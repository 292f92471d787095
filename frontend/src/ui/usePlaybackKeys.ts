/** Owns the page's playback shortcuts (arrows, Space, Home/End, [ and ]): a hook that sends each to the controller while the page is mounted. */
import { useEffect } from "preact/hooks";
import type { Controller } from "./controller";
import { playbackKey, type PlaybackKey } from "./keyboard";

export function usePlaybackKeys(controller: Controller): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target instanceof Element ? event.target.tagName : "BODY";
      const action = playbackKey({ ...modifiers(event), key: event.key, targetTag: target });
      if (action === null) return;
      event.preventDefault();
      PLAYBACK_ACTIONS[action](controller);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [controller]);
}

/** What each playback shortcut does. */
const PLAYBACK_ACTIONS: Readonly<Record<PlaybackKey, (controller: Controller) => void>> = {
  forward: (controller) => controller.stepForward(),
  back: (controller) => controller.stepBack(),
  toggle: (controller) => controller.togglePlay(),
  start: (controller) => controller.jumpToStart(),
  end: (controller) => controller.jumpToEnd(),
  slower: (controller) => controller.slower(),
  faster: (controller) => controller.faster(),
};

function modifiers(event: KeyboardEvent) {
  return {
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
  };
}
