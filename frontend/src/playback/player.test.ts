/** Tests play/pause timing with a fake scheduler. */
import { describe, expect, it } from "vitest";
import { startOf, withLength, type Cursor } from "./cursor";
import { fasterSpeed, Player, slowerSpeed, type PlaySource, type Scheduler } from "./player";

/** A scheduler whose time moves only when the test says so. */
class FakeClock {
  private now = 0;
  private tasks: { at: number; task: () => void }[] = [];

  readonly schedule: Scheduler = (delayMs, task) => {
    const entry = { at: this.now + delayMs, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((candidate) => candidate !== entry);
    };
  };

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.tasks.filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.tasks = this.tasks.filter((entry) => entry !== next);
      this.now = next.at;
      next.task();
    }
    this.now = until;
  }

  pending(): number {
    return this.tasks.length;
  }
}

class FakeTrace implements PlaySource {
  position: Cursor;
  done: boolean;
  playingLog: boolean[] = [];

  constructor(length: number, done: boolean) {
    this.position = startOf(length);
    this.done = done;
  }

  cursor(): Cursor {
    return this.position;
  }
  complete(): boolean {
    return this.done;
  }
  moveTo(cursor: Cursor): void {
    this.position = cursor;
  }
  playingChanged(playing: boolean): void {
    this.playingLog.push(playing);
  }
}

function setUp(length: number, done = true) {
  const clock = new FakeClock();
  const trace = new FakeTrace(length, done);
  const player = new Player(trace, clock.schedule);
  return { clock, trace, player };
}

describe("player", () => {
  it("shows the first step at once when play is pressed", () => {
    const { trace, player } = setUp(3);
    player.play();
    expect(trace.position.index).toBe(0);
    expect(player.isPlaying()).toBe(true);
  });

  it("advances one step per interval at the chosen speed", () => {
    const { clock, trace, player } = setUp(10);
    player.setSpeed(4);
    player.play();
    clock.advance(249);
    expect(trace.position.index).toBe(0);
    clock.advance(1);
    expect(trace.position.index).toBe(1);
    clock.advance(500);
    expect(trace.position.index).toBe(3);
  });

  it("stops at the end of a complete trace", () => {
    const { clock, trace, player } = setUp(3);
    player.play();
    clock.advance(10_000);
    expect(trace.position.index).toBe(2);
    expect(player.isPlaying()).toBe(false);
    expect(trace.playingLog).toEqual([true, false]);
    expect(clock.pending()).toBe(0);
  });

  it("pauses and resumes where it was", () => {
    const { clock, trace, player } = setUp(5);
    player.play();
    clock.advance(500);
    player.pause();
    clock.advance(5_000);
    expect(trace.position.index).toBe(1);
    expect(clock.pending()).toBe(0);
    player.toggle();
    expect(trace.position.index).toBe(2);
  });

  it("starts again from the beginning when played at the end", () => {
    const { trace, player } = setUp(3);
    trace.position = { index: 2, length: 3 };
    player.play();
    expect(trace.position.index).toBe(0);
  });

  it("does nothing without steps", () => {
    const { player } = setUp(0);
    player.play();
    expect(player.isPlaying()).toBe(false);
  });

  it("waits at the end of a streaming trace and plays steps as they arrive", () => {
    const { clock, trace, player } = setUp(2, false);
    player.play();
    clock.advance(10_000);
    expect(trace.position.index).toBe(1);
    expect(player.isPlaying()).toBe(true);

    trace.position = withLength(trace.position, 4);
    player.traceGrew();
    expect(trace.position.index).toBe(2);
    clock.advance(500);
    expect(trace.position.index).toBe(3);

    trace.done = true;
    clock.advance(500);
    expect(player.isPlaying()).toBe(false);
  });

  it("stops when a waiting trace ends", () => {
    const { clock, trace, player } = setUp(1, false);
    player.play();
    clock.advance(1_000);
    trace.done = true;
    player.traceGrew();
    expect(player.isPlaying()).toBe(false);
  });

  it("clamps the speed", () => {
    const { player } = setUp(1);
    player.setSpeed(100);
    expect(player.speed()).toBe(20);
    player.setSpeed(0);
    expect(player.speed()).toBe(0.5);
  });
});

describe("speed ladder", () => {
  it("steps up and down through the ladder, also from a speed between two rungs", () => {
    expect(fasterSpeed(2)).toBe(3);
    expect(fasterSpeed(2.5)).toBe(3);
    expect(fasterSpeed(20)).toBe(20);
    expect(slowerSpeed(2)).toBe(1);
    expect(slowerSpeed(2.5)).toBe(2);
    expect(slowerSpeed(0.5)).toBe(0.5);
  });
});
