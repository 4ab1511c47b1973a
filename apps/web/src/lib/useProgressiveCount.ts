import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items to render now: `first` at once, then `step` more
 * after each paint, as a transition so typing and clicks stay ahead of it.
 * A long table thus shows its first rows in the time of a short one.
 *
 * The count only grows: once a table has been shown whole, a refetch or a
 * filter change re-renders it whole instead of flickering back to one chunk.
 */
export function useProgressiveCount(total: number, first: number, step: number) {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    const handle = window.setTimeout(() => startTransition(() => setCount((c) => c + step)), 0);
    return () => window.clearTimeout(handle);
  }, [count, total, step]);
  return Math.min(count, total);
}
