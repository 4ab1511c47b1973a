import { relative, sep } from 'node:path';
import type { FastifyReply } from 'fastify';

/** A year, the longest max-age caches honour: a hashed file never changes under its name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Files whose name stays across releases (index.html, favicon) are revalidated on every use. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * Cache-Control for the built web app under `root`. Vite writes every file it
 * hashes into assets/ (build.assetsDir), so those are cached for good; index.html
 * must never be, or a release would keep pointing browsers at old chunks.
 */
export function webCacheHeaders(root: string) {
  return (reply: FastifyReply, filePath: string) => {
    const hashed = relative(root, filePath).startsWith(`assets${sep}`);
    reply.header('cache-control', hashed ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
  };
}
