/** Owns the hook that re-renders a Preact component whenever a store changes. */
import { useEffect, useState } from "preact/hooks";
import type { Store } from "../store/store";

export function useStore<S>(store: Store<S>): S {
  const [state, setState] = useState(() => store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe((next) => setState(next));
  }, [store]);
  return state;
}
