import type { z } from 'zod';
import { i18n } from '../i18n';
import { fieldName, isApiError } from '../api/client';
import { problemFields, unplacedText, type FieldLabels } from './problemFields';

export type FieldErrors = Record<string, string>;

/**
 * Client-side check of a form against a contract schema, with messages in the
 * UI language (zod's own messages are English only). The server checks again
 * and its field errors are shown the same way.
 */
export function validate<T>(schema: z.ZodType<T>, values: unknown): FieldErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (errors[field]) continue;
    errors[field] = messageOf(issue);
  }
  return errors;
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array')
        return i18n.t('validation.chooseAtLeast', { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1
        ? i18n.t('validation.required')
        : i18n.t('validation.minLength', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number')
        return i18n.t('validation.maxNumber', { max: Number(issue.maximum) });
      return i18n.t('validation.maxLength', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? i18n.t('validation.email') : i18n.t('validation.invalid');
    case 'invalid_type':
      return i18n.t('validation.required');
    default:
      return i18n.t('validation.invalid');
  }
}

/**
 * The field errors a failed request carries (problem+json `errors[]`), by
 * field name; an error inside a list or object (`permissions.0`) also counts
 * for the field that holds it (`permissions`), whose input shows it.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error)) return {};
  const errors: FieldErrors = error.fieldErrors();
  for (const e of error.errors) {
    const top = fieldName(e.field).split('.')[0]!;
    errors[top] ??= e.message;
  }
  return errors;
}

/**
 * Server field errors that no input of the form shows, so the form can list
 * them instead: each said with its field's label when `labels` knows it
 * (see problemFields), never as a raw path.
 */
export function unplacedErrors(
  error: unknown,
  fields: readonly string[],
  labels: FieldLabels = {},
): string[] {
  return problemFields(
    error,
    labels,
    fields.flatMap((field) => [field, `${field}.**`]),
  ).unplaced.map(unplacedText);
}
