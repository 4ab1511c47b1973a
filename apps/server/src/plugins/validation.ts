import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import type { FastifySchemaCompiler } from 'fastify';

/** Marks issues produced by our compiler so the error handler can localize them. */
export interface ZodValidationIssue {
  zodIssue: $ZodIssue;
  instancePath: string;
  message: string;
}

/**
 * Like fastify-type-provider-zod's validatorCompiler, but keeps the raw zod
 * issue (with its input) so the problem response can be worded in the user's
 * language. The input itself is never sent back.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    const error = Object.assign(new Error('validation'), {
      validation: result.error.issues.map((issue): ZodValidationIssue => ({
        zodIssue: issue,
        instancePath: `/${issue.path.join('/')}`,
        message: issue.message,
      })),
    });
    return { error };
  };

export function isZodValidationIssue(value: unknown): value is ZodValidationIssue {
  return typeof value === 'object' && value !== null && 'zodIssue' in value;
}
