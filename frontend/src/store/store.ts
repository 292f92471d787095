/** Owns a plain observable store: one immutable state value, replaced by updates, watched by listeners. */

export type Listener<S> = (state: S, previous: S) => void;

export class Store<S> {
  private state: S;
  private readonly listeners = new Set<Listener<S>>();

  constructor(initial: S) {
    this.state = initial;
  }

  get(): S {
    return this.state;
  }

  /** Replaces the state with `change(state)` and tells every listener, unless nothing changed. */
  update(change: (state: S) => S): void {
    const previous = this.state;
    const next = change(previous);
    if (next === previous) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next, previous);
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
