/**
 * How a requirement or control ID is shown to a reader. Japanese readers see the
 * standard's own form (`第4 2.(1) b (ア)`, `9(4)⑨`); English readers get the
 * ISO-style form built from the stable ID (`4.2.1 b (1)`, `A.9.4.9`), since
 * 第 and circled digits mean nothing to them. IDs an organization chose itself
 * (its own controls) are shown as written in both languages.
 */
export function displayIdIn(
  node: { id: string; displayId: string },
  locale: string | undefined,
): string {
  if (locale === 'ja') return node.displayId;
  return englishDisplayId(node.id, node.displayId);
}

const ANNEX_FORM = /^\d+(\(\d+\)[\u2460-\u2473]?)?$/;
const ANNEX_ID = /^\d+(\.\d+){0,2}$/;

export function englishDisplayId(id: string, displayId: string): string {
  if (displayId.startsWith('第')) return requirementInEnglish(id);
  if (ANNEX_FORM.test(displayId) && ANNEX_ID.test(id)) return `A.${id}`;
  return displayId;
}

/** `4.2.1.b.1` → `4.2.1 b (1)`; `6.4.a` → `6.4 a`; `4.1` → `4.1`. */
function requirementInEnglish(id: string): string {
  const parts = id.split('.');
  const letterAt = parts.findIndex((p) => /^[a-z]$/.test(p));
  if (letterAt < 0) return id;
  const clause = parts.slice(0, letterAt).join('.');
  const rest = parts.slice(letterAt + 1).map((p) => `(${p})`);
  return [clause, parts[letterAt], ...rest].join(' ');
}
