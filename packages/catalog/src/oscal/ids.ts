// OSCAL IDs are tokens: `^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$` (OSCAL metaschema).
// A library ID that is one travels unchanged, so that a profile or an SSP
// that says `ac-2` finds `ac-2`. One that is not (the shipped library's
// `3.1.1` starts with a digit) gets its namespace's prefix (`c-3.1.1`) and a
// `mamoru-id` prop with the original, which the import reads back.
import { OSCAL_ID_PREFIX } from './model.ts';

const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

export function isOscalToken(id: string): boolean {
  return TOKEN.test(id);
}

export type IdNamespace = keyof typeof OSCAL_ID_PREFIX;

/**
 * The OSCAL ID of a library node. Groups, controls and params keep a token
 * ID; requirements and terms, which live in Mamoru's container groups beside
 * the controls, always take their prefix so they never clash with a control.
 */
export function oscalIdOf(namespace: IdNamespace, id: string): string {
  const always = namespace === 'requirement' || namespace === 'term';
  return always || !isOscalToken(id) ? OSCAL_ID_PREFIX[namespace] + id : id;
}

const INSERT = /(\{\{\s*insert:\s*param,\s*)([^\s}]+)(\s*\}\})/g;

/** Rewrites the param IDs of `{{ insert: param, id }}` markers through `map` (IDs not in it stay). */
export function mapInserts(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return text;
  return text.replace(INSERT, (all, head: string, id: string, tail: string) => {
    const to = map.get(id);
    return to === undefined ? all : `${head}${to}${tail}`;
  });
}
