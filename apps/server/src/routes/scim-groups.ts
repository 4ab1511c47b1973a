import type { FastifyInstance } from 'fastify';
import {
  scimGroupInputSchema,
  scimListQuerySchema,
  scimPatchSchema,
  type ScimListQuery,
} from '@mamoru/contracts';
import { scim } from '@mamoru/domain';
import { baseUrlOf, callerOf, ifMatchOf, parseBody, sendScim } from './scim.ts';

type IdParams = { Params: { id: string } };
type Item = Awaited<ReturnType<typeof scim.groups.getGroup>>;

/**
 * SCIM /Groups. Entra ID reads groups with `excludedAttributes=members`
 * (large groups): the members are then neither read nor sent.
 */
export async function scimGroupRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const hide = { schema: { hide: true } };

  const present = (base: string, { group, members }: Item) =>
    scim.presentScimGroup(group, members, base);
  const answer = (
    reply: Parameters<typeof sendScim>[0],
    status: number,
    base: string,
    item: Item,
  ) => {
    reply.header('etag', scim.etagOf(item.group.version));
    return sendScim(reply, status, present(base, item));
  };
  const queryOf = (query: unknown): ScimListQuery => parseBody(scimListQuerySchema, query);

  app.get('/Groups', hide, async (request, reply) => {
    const query = queryOf(request.query);
    const { items, total, page } = await scim.groups.listGroups(
      db,
      callerOf(request),
      query,
      scim.wants(query, 'members'),
    );
    const base = baseUrlOf(app, request);
    return sendScim(
      reply,
      200,
      scim.listResponse(
        items.map((i) => present(base, i)),
        total,
        page,
      ),
    );
  });

  app.get<IdParams>('/Groups/:id', hide, async (request, reply) => {
    const query = queryOf(request.query);
    const item = await scim.groups.getGroup(
      db,
      callerOf(request),
      request.params.id,
      scim.wants(query, 'members'),
    );
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.post('/Groups', hide, async (request, reply) => {
    const input = parseBody(scimGroupInputSchema, request.body);
    const item = await scim.groups.createGroup(db, callerOf(request), input);
    const base = baseUrlOf(app, request);
    reply.header('location', `${base}/Groups/${item.group.id}`);
    return answer(reply, 201, base, item);
  });

  app.put<IdParams>('/Groups/:id', hide, async (request, reply) => {
    const input = parseBody(scimGroupInputSchema, request.body);
    const item = await scim.groups.replaceGroup(
      db,
      callerOf(request),
      request.params.id,
      ifMatchOf(request),
      input,
    );
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.patch<IdParams>('/Groups/:id', hide, async (request, reply) => {
    const { Operations } = parseBody(scimPatchSchema, request.body);
    const item = await scim.groups.patchGroup(
      db,
      callerOf(request),
      request.params.id,
      ifMatchOf(request),
      Operations,
    );
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.delete<IdParams>('/Groups/:id', hide, async (request, reply) => {
    await scim.groups.deleteGroup(db, callerOf(request), request.params.id, ifMatchOf(request));
    return reply.status(204).send();
  });
}
