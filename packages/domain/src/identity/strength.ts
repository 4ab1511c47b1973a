import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { FieldError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * zxcvbn's score 4 (an estimated 10^10 guesses or more). Score 3 still lets
 * "a word, a year and symbols" through (`Summer2026!!!` is estimated at 10^8),
 * which is the first thing an attacker tries; passphrases of unrelated words
 * clear 4 easily.
 */
export const MIN_PASSWORD_SCORE = 4;

/** The product's own name, in the spellings a person might put into a password. */
const PRODUCT_NAMES = ['mamoru', 'まもる', 'マモル'];

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded on first use: importing the dictionaries takes a few hundred ms,
 * which every CLI command and server start would otherwise pay.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, ja] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-ja'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return estimator;
}

export interface PasswordContext {
  email?: string | undefined;
  displayName?: string | undefined;
  organizationName?: string | undefined;
}

/** Names a password must not contain: whole, and each word of four or more characters. */
function namesOf(context: PasswordContext): string[] {
  const names = [
    context.email?.split('@')[0],
    context.displayName,
    context.organizationName,
    ...PRODUCT_NAMES,
  ].filter((s): s is string => Boolean(s));
  const words = names.flatMap((n) => [n.replace(/\s+/g, ''), ...n.split(/[\s._+-]+/u)]);
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => [...w].length >= 4))];
}

/**
 * Password rules: at least 12 characters; estimated hard to guess by zxcvbn-ts
 * with its common-password, English and Japanese dictionaries (which catches
 * common passwords with digit tails, repetition, keyboard walks and dates);
 * and not containing the user's, the organization's or the product's names,
 * which zxcvbn matches as "user inputs" (also reversed or in l33t spelling).
 */
export async function passwordProblems(
  password: string,
  field: string,
  context: PasswordContext = {},
): Promise<FieldError[]> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return [{ field, code: 'password_too_short', params: { min: MIN_PASSWORD_LENGTH } }];
  }
  const result = (await zxcvbn()).check(password, namesOf(context));
  const named = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs' && m.token.length >= 4,
  );
  if (named) return [{ field, code: 'password_personal' }];
  if (result.score < MIN_PASSWORD_SCORE) return [{ field, code: 'password_weak' }];
  return [];
}
