import fp from 'fastify-plugin';

/**
 * API answers carry organization data, session details and exports: no
 * browser or proxy cache may keep them (a shared computer's back button, a
 * caching proxy). Every /api/v1 response, refusals included, is `no-store`.
 */
export const noStorePlugin = fp(async (app) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/v1')) reply.header('cache-control', 'private, no-store');
    return payload;
  });
});
