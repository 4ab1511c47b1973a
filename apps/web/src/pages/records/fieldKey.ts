/** The key pattern the server accepts (recordFieldKeySchema). */
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX = 64;

/** "Visit date" → "visitDate": ASCII words of the English label, camel-cased. */
function slug(english: string) {
  const words = english
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[A-Za-z]/.test(camel) ? camel.slice(0, MAX) : '';
}

/**
 * A field key generated from its label, so nobody has to invent one: from
 * the English label when it gives ASCII words, otherwise `field_<n>` (a
 * Japanese-only label needs no transliteration). Unique among `taken`.
 */
export function fieldKeyFrom(
  label: { ja: string; en: string },
  n: number,
  taken: Iterable<string>,
) {
  const used = new Set(taken);
  const base = slug(label.en) || `field_${n}`;
  let key = base;
  for (let i = 2; used.has(key) || !KEY.test(key); i += 1) {
    const suffix = `_${i}`;
    key = base.slice(0, MAX - suffix.length) + suffix;
  }
  return key;
}
