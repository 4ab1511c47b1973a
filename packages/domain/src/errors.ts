/**
 * Errors the domain raises. Each carries a stable code that the HTTP layer maps
 * to a status and to a message in the user's language; params fill the message.
 */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'too_many_requests';

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string) => new DomainError('not_found', 'not_found', { entity });
export const forbidden = (code = 'forbidden', params: Record<string, string | number> = {}) =>
  new DomainError('forbidden', code, params);
export const conflict = (code: string, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', code, params);
export const invalid = (fieldErrors: FieldError[], code = 'validation') =>
  new DomainError('validation', code, {}, fieldErrors);
export const staleVersion = () => new DomainError('precondition_failed', 'stale_version');
