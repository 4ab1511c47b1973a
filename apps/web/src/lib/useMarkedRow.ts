import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The row a link names in the address (e.g. `?action=<id>` from the conformity
 * view): `props(id)` marks that row and it is scrolled into view once shown.
 */
export function useMarkedRow(param: string, ids: readonly string[]) {
  const [params] = useSearchParams();
  const marked = params.get(param);
  const ref = useRef<HTMLTableRowElement>(null);
  const found = marked !== null && ids.includes(marked);
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    if (found) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [found, marked]);
  return (id: string) =>
    id === marked
      ? { ref, bg: 'yellow.0', 'aria-current': 'true' as const }
      : { bg: undefined, 'aria-current': undefined };
}
