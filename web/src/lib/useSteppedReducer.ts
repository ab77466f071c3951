import { useReducer, useRef, type Reducer } from 'react';

/**
 * useReducer whose dispatch also returns the state the action leads to, at once. An async submit
 * needs it: it sends what the new state says (the order, the idempotency key) before React renders.
 */
export function useSteppedReducer<S, A>(reducer: Reducer<S, A>, initial: S): [S, (action: A) => S] {
  const [state, dispatch] = useReducer(reducer, initial);
  const latest = useRef<S>(state);
  latest.current = state;
  function apply(action: A): S {
    const next = reducer(latest.current, action);
    latest.current = next;
    dispatch(action);
    return next;
  }
  return [state, apply];
}
