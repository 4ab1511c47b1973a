import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client';

function respond(status: number, body: unknown, type = 'application/json') {
  return async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': type },
    });
}

describe('api client', () => {
  it('returns parsed JSON and sends Accept-Language of the UI language', async () => {
    let seen: Headers | undefined;
    const api = createApiClient({
      language: () => 'ja',
      fetch: async (_url, init) => {
        seen = new Headers(init?.headers);
        return respond(200, { ok: true })();
      },
    });
    await expect(api.get('/api/v1/x')).resolves.toEqual({ ok: true });
    expect(seen?.get('accept-language')).toBe('ja');
    expect(seen?.get('content-type')).toBeNull();
  });

  it('sends JSON bodies', async () => {
    let body: unknown;
    let type: string | null = null;
    const api = createApiClient({
      fetch: async (_url, init) => {
        body = JSON.parse(String(init?.body));
        type = new Headers(init?.headers).get('content-type');
        return new Response(null, { status: 204 });
      },
    });
    await expect(api.post('/api/v1/x', { name: 'a' })).resolves.toBeUndefined();
    expect(body).toEqual({ name: 'a' });
    expect(type).toBe('application/json');
  });

  it('throws an ApiError carrying the problem+json fields', async () => {
    const problem = {
      type: 'https://mamoru.dev/problems/validation',
      title: '入力内容に誤りがあります',
      status: 400,
      code: 'validation',
      errors: [{ field: 'body.name', message: '必須です', code: 'required' }],
    };
    const api = createApiClient({
      fetch: respond(400, problem, 'application/problem+json; charset=utf-8'),
    });
    const error = await api.post('/api/v1/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('入力内容に誤りがあります');
    expect(apiError.message).toBe('入力内容に誤りがあります');
    expect(apiError.code).toBe('validation');
    expect(apiError.errors).toEqual(problem.errors);
    expect(apiError.fieldError('body.name')).toBe('必須です');
  });

  it('falls back to a translated message when the body is not a problem', async () => {
    const api = createApiClient({ fetch: respond(502, undefined, 'text/html') });
    const error = (await api.get('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.title).toBe('The server sent an unexpected response (HTTP 502).');
    expect(error.errors).toEqual([]);
  });

  it('reports an unreachable server as status 0', async () => {
    const api = createApiClient({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = (await api.get('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('sends the CSRF token on unsafe methods only, once it is known', async () => {
    const seen: Record<string, string | null> = {};
    let token: string | null = null;
    const api = createApiClient({
      csrfToken: () => token,
      fetch: async (_url, init) => {
        seen[init?.method ?? 'GET'] = new Headers(init?.headers).get('x-csrf-token');
        return new Response(null, { status: 204 });
      },
    });
    await api.post('/api/v1/x');
    expect(seen.POST).toBeNull();
    token = 'abc';
    await api.get('/api/v1/x');
    await api.post('/api/v1/x');
    await api.put('/api/v1/x', {});
    await api.patch('/api/v1/x', {});
    await api.delete('/api/v1/x');
    expect(seen).toEqual({ GET: null, POST: 'abc', PUT: 'abc', PATCH: 'abc', DELETE: 'abc' });
  });

  it('matches server field errors with or without the body. prefix', async () => {
    const api = createApiClient({
      fetch: respond(
        400,
        { title: 'Invalid', status: 400, errors: [{ field: 'body.email', message: 'Bad email' }] },
        'application/problem+json',
      ),
    });
    const error = (await api.post('/api/v1/x', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldError('email')).toBe('Bad email');
    expect(error.fieldErrors()).toEqual({ email: 'Bad email' });
  });
});
