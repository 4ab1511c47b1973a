import type { Problem } from '@mamoru/contracts';
import { currentLocale, i18n } from '../i18n';

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/**
 * A failed API call. Carries the RFC 9457 problem+json body the server sends
 * (title and field errors are already in the request's language); `status` is
 * 0 when the server could not be reached.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly problem: Partial<Problem> | undefined;

  constructor(init: {
    status: number;
    title: string;
    problem?: Partial<Problem> | undefined;
    cause?: unknown;
  }) {
    super(init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.problem = init.problem;
    this.code = init.problem?.code;
    this.detail = init.problem?.detail;
    this.errors = init.problem?.errors ?? [];
  }

  /** The message for one form field, if the server rejected it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => fieldName(error.field) === fieldName(field))?.message;
  }

  /** Field errors keyed by field name (without the `body.` prefix), first message per field. */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const error of this.errors) result[fieldName(error.field)] ??= error.message;
    return result;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiClientOptions {
  /** Prefix for every path; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The UI language, sent as Accept-Language so messages come back translated. */
  language?: () => string;
  /** The session's CSRF token, sent as X-CSRF-Token on unsafe methods once known. */
  csrfToken?: () => string | null | undefined;
}

export interface RequestOptions {
  /** Serialized as the JSON request body. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Never open the step-up prompt for this request (the step-up calls themselves). */
  noStepUp?: boolean;
}

/**
 * Asks the person to confirm who they are again (step-up); resolves true once
 * they have, false when they gave up. Set by the app (StepUpProvider).
 */
export type StepUpHandler = (error: ApiError) => Promise<boolean>;

let stepUpHandler: StepUpHandler | null = null;

/** Registers (or, with null, removes) the prompt a `step_up_required` refusal opens. */
export function setStepUpHandler(handler: StepUpHandler | null) {
  stepUpHandler = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SAFE_METHODS: ReadonlySet<Method> = new Set(['GET']);

/** Fields of a problem's `errors[]` arrive as `body.email` (schema) or `email` (domain); compare without the prefix. */
export function fieldName(field: string) {
  return field.replace(/^(body|query|params|querystring)\./, '');
}

export function isJson(response: Response) {
  return /\bjson\b/i.test(response.headers.get('content-type') ?? '');
}

/** The problem+json fields of a response body, if it is one. */
export function asProblem(body: unknown): Partial<Problem> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const candidate = body as Record<string, unknown>;
  const errors = Array.isArray(candidate.errors)
    ? candidate.errors.filter(
        (e): e is FieldError =>
          !!e &&
          typeof e === 'object' &&
          typeof (e as FieldError).field === 'string' &&
          typeof (e as FieldError).message === 'string',
      )
    : undefined;
  return {
    ...(typeof candidate.type === 'string' ? { type: candidate.type } : {}),
    ...(typeof candidate.title === 'string' ? { title: candidate.title } : {}),
    ...(typeof candidate.status === 'number' ? { status: candidate.status } : {}),
    ...(typeof candidate.detail === 'string' ? { detail: candidate.detail } : {}),
    ...(typeof candidate.instance === 'string' ? { instance: candidate.instance } : {}),
    ...(typeof candidate.code === 'string' ? { code: candidate.code } : {}),
    ...(errors ? { errors } : {}),
  };
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const language = options.language ?? currentLocale;
  const csrfToken = options.csrfToken ?? (() => undefined);

  async function request<T>(method: Method, path: string, init: RequestOptions = {}): Promise<T> {
    try {
      return await send<T>(method, path, init);
    } catch (error) {
      // A sensitive action after the step-up window: confirm again, then send it once more.
      if (
        !(error instanceof ApiError) ||
        error.code !== 'step_up_required' ||
        init.noStepUp ||
        !stepUpHandler ||
        !(await stepUpHandler(error))
      )
        throw error;
      return send<T>(method, path, { ...init, noStepUp: true });
    }
  }

  async function send<T>(method: Method, path: string, init: RequestOptions): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': language(),
      ...init.headers,
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = SAFE_METHODS.has(method) ? undefined : csrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new ApiError({ status: 0, title: i18n.t('api.networkError'), cause });
    }

    const body: unknown =
      response.status === 204 || !isJson(response)
        ? undefined
        : await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = asProblem(body);
      throw new ApiError({
        status: response.status,
        title: problem?.title ?? i18n.t('api.unexpectedResponse', { status: response.status }),
        problem,
      });
    }
    return body as T;
  }

  return {
    request,
    get: <T>(path: string, init?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, init),
    post: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('POST', path, { ...init, body }),
    put: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('PUT', path, { ...init, body }),
    patch: <T>(path: string, body?: unknown, init?: RequestOptions) =>
      request<T>('PATCH', path, { ...init, body }),
    delete: <T = void>(path: string, init?: RequestOptions) => request<T>('DELETE', path, init),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

let sessionCsrfToken: string | null = null;

/** Remembers the signed-in session's CSRF token (null after sign-out) for the app's client. */
export function setCsrfToken(token: string | null) {
  sessionCsrfToken = token;
}

/** The client the app uses: same origin, the current UI language, the session's CSRF token. */
export const api = createApiClient({ csrfToken: () => sessionCsrfToken });
