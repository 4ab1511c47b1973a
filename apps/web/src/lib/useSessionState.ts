import { useCallback, useState } from 'react';

function read<T>(key: string, initial: T): T {
  try {
    const stored = globalThis.sessionStorage?.getItem(key);
    return stored === null || stored === undefined ? initial : (JSON.parse(stored) as T);
  } catch {
    return initial;
  }
}

/**
 * State kept in sessionStorage under `key`, so it survives leaving the page and
 * coming back in the same tab (e.g. which branches of a tree are open).
 * A different key starts from its own stored value.
 */
export function useSessionState<T>(key: string, initial: T) {
  const [state, setState] = useState<{ key: string; value: T }>(() => ({
    key,
    value: read(key, initial),
  }));
  const value = state.key === key ? state.value : read(key, initial);
  const update = useCallback(
    (next: T | ((old: T) => T)) => {
      setState((old) => {
        const base = old.key === key ? old.value : read(key, initial);
        const resolved = typeof next === 'function' ? (next as (old: T) => T)(base) : next;
        try {
          globalThis.sessionStorage?.setItem(key, JSON.stringify(resolved));
        } catch {
          // Storage can be unavailable; the state still holds for this visit.
        }
        return { key, value: resolved };
      });
    },
    // `initial` is a starting value only; callers pass literals.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return [value, update] as const;
}
