/** Fakes for canvas tests in jsdom: animation frames run on demand, and layer draws that take set times without painting. */
import { Layer } from "konva/lib/Layer";
import { vi } from "vitest";

/** Queues requestAnimationFrame callbacks until `run` calls them. */
export function fakeAnimationFrames(): { run: () => void } {
  let queue: FrameRequestCallback[] = [];
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queue.push(callback);
    return queue.length;
  });
  vi.stubGlobal("cancelAnimationFrame", () => undefined);
  return {
    run: () => {
      const due = queue;
      queue = [];
      due.forEach((callback) => callback(performance.now()));
    },
  };
}

/**
 * Makes each layer draw take the next of the returned queue's durations (ms, then 0) on a fake
 * clock, without painting: jsdom has no 2D context, so Konva gets one that does nothing.
 */
export function fakeLayerDraws(): number[] {
  const remaining: number[] = [];
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => now);
  vi.spyOn(Layer.prototype, "draw").mockImplementation(function (this: Layer) {
    now += remaining.shift() ?? 0;
    return this;
  });
  const context: Record<PropertyKey, unknown> = {
    measureText: () => ({ width: 10 }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
  };
  const inert = new Proxy(context, {
    get: (target, name) => (name in target ? target[name] : () => undefined),
    set: () => true,
  });
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(inert as never);
  return remaining;
}
