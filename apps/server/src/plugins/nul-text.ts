import fp from 'fastify-plugin';
import { translate } from '../i18n/messages.ts';
import { sendProblem } from './problem.ts';

/**
 * PostgreSQL text cannot hold a NUL character (U+0000): a body or query string
 * carrying one would fail in the database as a 500. Every route refuses it at
 * the edge instead, 400 naming each field, before any handler runs.
 */

const MAX_FIELDS = 20;
const MAX_DEPTH = 32;

/** Parsed JSON and query objects only: a raw upload stream or a Buffer is not text to walk. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function nulFields(value: unknown, path: string, found: string[], depth = 0) {
  if (found.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path || '(body)');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, path ? `${path}.${i}` : String(i), found, depth + 1));
  } else if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) found.push(field);
      nulFields(v, field, found, depth + 1);
    }
  }
}

export const nulTextPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request, reply) => {
    const found: string[] = [];
    // The query parser's object has its own prototype; its values are strings or lists of them.
    const query = (request.query ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(query)) nulFields(value, key, found);
    // Uploads arrive as streams or Buffers (bytes, not text): only parsed JSON is walked.
    nulFields(request.body, '', found);
    if (found.length === 0) return;
    const errors = found.map((field) => ({
      field,
      code: 'text_nul_character',
      message: translate(request.locale, 'text_nul_character'),
    }));
    return sendProblem(request, reply, 400, 'validation', {}, errors);
  });
});
