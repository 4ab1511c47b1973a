// Library IDs made from a catalog title: lower-case words joined by hyphens,
// cut at a word boundary, never inside a word.
const SOFT_MAX = 60;
/** The library ID format's limit (schema `Slug`). */
export const LIBRARY_ID_MAX = 100;

/** `text` cut to at most `max` characters at a hyphen; a first word longer than `max` is cut at `max`. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const boundary = text.lastIndexOf('-', max);
  return boundary > 0 ? text.slice(0, boundary) : text.slice(0, max);
}

/**
 * A library ID from a title: `NIST SP 800-53 Rev 5` → `nist-sp-800-53-rev-5`.
 * Longer than 60 characters, it ends at the last whole word that fits; a
 * first word that is longer is kept whole up to the format's 100.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é → e, not e-
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const firstWord = slug.indexOf('-') < 0 ? slug.length : slug.indexOf('-');
  return cutAtWord(slug, firstWord > SOFT_MAX ? LIBRARY_ID_MAX : SOFT_MAX);
}

/** `id` with the suffix `-n` (n ≥ 2), shortened at a word boundary so that it stays within 100 characters. */
export function withSuffix(id: string, n: number): string {
  const suffix = `-${n}`;
  return `${cutAtWord(id, LIBRARY_ID_MAX - suffix.length)}${suffix}`;
}

/** How many suffixes `firstFreeLibraryId` tries before it gives up. */
const MAX_SUFFIX = 99;

/**
 * `base` when it is free, else the first free `base-2`, `base-3`, …; `base`
 * again when all are taken (the caller then refuses it as taken).
 */
export async function firstFreeLibraryId(
  base: string,
  isTaken: (id: string) => boolean | Promise<boolean>,
): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const id = withSuffix(base, n);
    if (!(await isTaken(id))) return id;
  }
  return base;
}
