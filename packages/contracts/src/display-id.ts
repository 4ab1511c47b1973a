/**
 * How a requirement or control ID is shown to a reader. Japanese readers see the
 * standard's own form (`第4 2.(1) b (ア)`, `9(4)⑨`, `箇条4`); English readers get
 * the ISO-style form built from the stable ID (`4.2.1 b (1)`, `A.9.4.9`,
 * `Clause 4`), since 第, 箇条 and circled digits mean nothing to them. IDs that
 * are already ISO-style (`4.1`, `A.5.7`, `3.1.1`) and IDs an organization chose
 * itself (its own controls) are shown as written in both languages.
 */
export function displayIdIn(
  node: { id: string; displayId: string; kind?: string | undefined },
  locale: string | undefined,
): string {
  if (locale === 'ja') return node.displayId;
  return englishDisplayId(node.id, node.displayId, node.kind);
}

/** Ver.2.0's annex numbering: `9`, `9(4)`, `9(4)⑨`; shown in English as `A.9.4.9`. */
const ANNEX_FORM = /^\d+(\(\d+\)[\u2460-\u2473]?)?$/;
const ANNEX_ID = /^\d+(\.\d+){0,2}$/;
/** JIS Q 27001's top clauses (`箇条4`): ISO writes them `Clause 4`; its sub-clauses (`4.1`) are alike in both. */
const JIS_CLAUSE = /^箇条\s*(\S+)$/;

export function englishDisplayId(id: string, displayId: string, kind?: string): string {
  if (displayId.startsWith('第')) return requirementInEnglish(id);
  const clause = JIS_CLAUSE.exec(displayId);
  if (clause) return `Clause ${clause[1]}`;
  // Annex letters belong to controls: a requirement clause numbered `4` stays `4`.
  if (kind !== 'requirement' && ANNEX_FORM.test(displayId) && ANNEX_ID.test(id)) return `A.${id}`;
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
