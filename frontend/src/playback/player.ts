/** Owns play/pause timing: advances a cursor at a steady rate through an injected scheduler, and stops at the end of a complete trace. */
import { isAtEnd, startOf, step, type Cursor } from "./cursor";

/** Runs a task later; returns a function that cancels it. Injected so tests can drive time. */
export type Scheduler = (delayMs: number, task: () => void) => () => void;

/** The scheduler of the browser (or Node) event loop. */
export const timerScheduler: Scheduler = (delayMs, task) => {
  const handle = setTimeout(task, delayMs);
  return () => clearTimeout(handle);
};

/** What the player moves: the trace's cursor, and whether more steps may still arrive. */
export interface PlaySource {
  cursor(): Cursor;
  /** True once the server has sent the trace's end. */
  complete(): boolean;
  moveTo(cursor: Cursor): void;
  /** Called whenever the player starts or stops playing. */
  playingChanged(playing: boolean): void;
}

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 20;
export const DEFAULT_SPEED = 2;

/** The speeds the faster and slower shortcuts step through, in steps per second. */
export const SPEED_LADDER: readonly number[] = [0.5, 1, 2, 3, 5, 8, 12, 20];

/** The next speed of the ladder above `speed` (the fastest stays). */
export function fasterSpeed(speed: number): number {
  return SPEED_LADDER.find((candidate) => candidate > speed) ?? MAX_SPEED;
}

/** The next speed of the ladder below `speed` (the slowest stays). */
export function slowerSpeed(speed: number): number {
  return [...SPEED_LADDER].reverse().find((candidate) => candidate < speed) ?? MIN_SPEED;
}

export class Player {
  private playing = false;
  private stepsPerSecond = DEFAULT_SPEED;
  private cancelTick: (() => void) | null = null;

  constructor(
    private readonly source: PlaySource,
    private readonly schedule: Scheduler,
  ) {}

  isPlaying(): boolean {
    return this.playing;
  }

  speed(): number {
    return this.stepsPerSecond;
  }

  /** Steps per second, clamped to MIN_SPEED..MAX_SPEED; takes effect from the next step. */
  setSpeed(stepsPerSecond: number): void {
    this.stepsPerSecond = Math.min(Math.max(stepsPerSecond, MIN_SPEED), MAX_SPEED);
    if (this.cancelTick !== null) {
      this.cancelTick();
      this.scheduleTick();
    }
  }

  /** Starts playing; at the end of a complete trace it starts again from the beginning. */
  play(): void {
    if (this.playing) return;
    const cursor = this.source.cursor();
    if (cursor.length === 0) return;
    if (isAtEnd(cursor) && this.source.complete()) this.source.moveTo(startOf(cursor.length));
    this.setPlaying(true);
    this.tick();
  }

  pause(): void {
    this.cancel();
    this.setPlaying(false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Tells a player that waits at the end of a streaming trace that steps arrived or the trace ended. */
  traceGrew(): void {
    if (this.playing && this.cancelTick === null) this.tick();
  }

  private tick(): void {
    this.cancelTick = null;
    const cursor = this.source.cursor();
    if (!isAtEnd(cursor)) {
      this.source.moveTo(step(cursor));
      this.scheduleTick();
    } else if (this.source.complete()) {
      this.setPlaying(false);
    }
    // Otherwise wait at the end of a streaming trace until traceGrew().
  }

  private scheduleTick(): void {
    this.cancelTick = this.schedule(1000 / this.stepsPerSecond, () => this.tick());
  }

  private cancel(): void {
    this.cancelTick?.();
    this.cancelTick = null;
  }

  private setPlaying(playing: boolean): void {
    if (this.playing === playing) return;
    this.playing = playing;
    this.source.playingChanged(playing);
  }
}
