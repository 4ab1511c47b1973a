// Test-only: an OSCAL document in canonical order (object keys sorted;
// arrays keep their order, which carries meaning in OSCAL), without what
// every export renews: the document UUID and metadata.last-modified.
export function canonicalOscal(doc: unknown): unknown {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sort((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  const copy = structuredClone(doc) as {
    catalog?: { uuid?: string; metadata?: Record<string, unknown> };
  };
  delete copy.catalog?.uuid;
  delete copy.catalog?.metadata?.['last-modified'];
  return sort(copy);
}

/** How many of each kind of OSCAL content a catalog holds (parts and controls counted at every depth). */
export function oscalCounts(doc: unknown) {
  const counts = { controls: 0, parts: 0, links: 0, params: 0, props: 0, resources: 0 };
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      if (key && key in counts && key !== 'resources')
        counts[key as keyof typeof counts] += value.length;
      value.forEach((v) => walk(v));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(doc);
  const cat = (doc as { catalog: { 'back-matter'?: { resources?: unknown[] } } }).catalog;
  counts.resources = cat['back-matter']?.resources?.length ?? 0;
  return counts;
}
