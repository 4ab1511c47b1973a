import type { FastifyInstance } from 'fastify';
import {
  scimListQuerySchema,
  scimPatchSchema,
  scimUserInputSchema,
  type ScimListQuery,
} from '@mamoru/contracts';
import { scim } from '@mamoru/domain';
import { baseUrlOf, callerOf, ifMatchOf, parseBody, sendScim } from './scim.ts';

type IdParams = { Params: { id: string } };
type Item = Awaited<ReturnType<typeof scim.users.getUser>>;

/** SCIM /Users: thin, as every route (parse → domain → present); the domain checks the provider. */
export async function scimUserRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const hide = { schema: { hide: true } };

  const present = (base: string, { row, groups }: Item) => scim.presentScimUser(row, groups, base);
  const answer = (
    reply: Parameters<typeof sendScim>[0],
    status: number,
    base: string,
    item: Item,
  ) => {
    reply.header('etag', scim.etagOf(item.row.user.version));
    return sendScim(reply, status, present(base, item));
  };

  app.get('/Users', hide, async (request, reply) => {
    const query: ScimListQuery = parseBody(scimListQuerySchema, request.query);
    const { items, total, page } = await scim.users.listUsers(db, callerOf(request), query);
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

  app.get<IdParams>('/Users/:id', hide, async (request, reply) => {
    const item = await scim.users.getUser(db, callerOf(request), request.params.id);
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.post('/Users', hide, async (request, reply) => {
    const input = parseBody(scimUserInputSchema, request.body);
    const item = await scim.users.createUser(db, callerOf(request), input);
    const base = baseUrlOf(app, request);
    reply.header('location', `${base}/Users/${item.row.user.id}`);
    return answer(reply, 201, base, item);
  });

  app.put<IdParams>('/Users/:id', hide, async (request, reply) => {
    const input = parseBody(scimUserInputSchema, request.body);
    const item = await scim.users.replaceUser(
      db,
      callerOf(request),
      request.params.id,
      ifMatchOf(request),
      input,
    );
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.patch<IdParams>('/Users/:id', hide, async (request, reply) => {
    const { Operations } = parseBody(scimPatchSchema, request.body);
    const item = await scim.users.patchUser(
      db,
      callerOf(request),
      request.params.id,
      ifMatchOf(request),
      Operations,
    );
    return answer(reply, 200, baseUrlOf(app, request), item);
  });

  app.delete<IdParams>('/Users/:id', hide, async (request, reply) => {
    await scim.users.deactivateUser(db, callerOf(request), request.params.id, ifMatchOf(request));
    return reply.status(204).send();
  });
}
