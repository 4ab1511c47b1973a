import { fieldName, isApiError } from '../api/client';

/**
 * A form's fields as the server names them in a problem's `errors[].field`
 * (`rationale`, `selectedControls.*.justification`: `*` stands for any list
 * index, a trailing `**` for anything inside), each with the label the form
 * shows for it.
 */
export type FieldLabels = Readonly<Record<string, string>>;

/** A server field error the form has no input for, said with its field's label. */
export interface UnplacedError {
  label: string | undefined;
  message: string;
}

export interface ProblemFields {
  /**
   * The message for a field path the form shows (`selectedControls.0.justification`),
   * or the first one inside it (`controlIds` answers for `controlIds.2`: a tags input).
   */
  error: (path: string) => string | undefined;
  /** Messages for the form's inputs, keyed by exact field path. */
  byField: Readonly<Record<string, string>>;
  /** Errors for paths the form shows no input for, labelled with the nearest known field. */
  unplaced: readonly UnplacedError[];
}

const EMPTY: ProblemFields = { error: () => undefined, byField: {}, unplaced: [] };

/** `*` matches one segment (a list index); a trailing `**` any deeper path. */
function matches(pattern: string, path: string) {
  const want = pattern.split('.');
  const got = path.split('.');
  const deep = want.at(-1) === '**';
  const head = deep ? want.slice(0, -1) : want;
  if (deep ? got.length <= head.length : got.length !== head.length) return false;
  return head.every((part, i) => part === '*' || part === got[i]);
}

/** The label of the longest known pattern that is the path or a parent of it. */
function labelOf(labels: FieldLabels, path: string): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const prefix = parts.slice(0, n).join('.');
    const hit = Object.keys(labels).find((pattern) => matches(pattern, prefix));
    if (hit) return labels[hit];
  }
  return undefined;
}

/**
 * Splits a failed save's field errors (problem+json `errors[]`) into those
 * the form shows beside its own inputs and the rest, which it lists labelled
 * in the user's language; a raw path such as `selectedControls.0.justification`
 * is never shown. `placed` lists the patterns that have an input; the other
 * patterns in `labels` only name what an unplaced error is about.
 */
export function problemFields(
  error: unknown,
  labels: FieldLabels,
  placed: readonly string[] = Object.keys(labels),
): ProblemFields {
  if (!isApiError(error) || error.errors.length === 0) return EMPTY;
  const byField: Record<string, string> = {};
  const unplaced: UnplacedError[] = [];
  for (const fieldError of error.errors) {
    const path = fieldName(fieldError.field);
    if (placed.some((pattern) => matches(pattern, path))) byField[path] ??= fieldError.message;
    else unplaced.push({ label: labelOf(labels, path), message: fieldError.message });
  }
  const messageAt = (path: string) =>
    byField[path] ?? Object.entries(byField).find(([field]) => field.startsWith(`${path}.`))?.[1];
  return { error: messageAt, byField, unplaced };
}

/** An unplaced error as one line: "Label: message", or the message alone. */
export function unplacedText(error: UnplacedError) {
  return error.label ? `${error.label}: ${error.message}` : error.message;
}
