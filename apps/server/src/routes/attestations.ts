import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attestationCreateSchema,
  attestationDecisionSchema,
  attestationListQuerySchema,
  attestationRevokeSchema,
  attestationSchema,
  idParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { attestations, presentAttestation } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['conformity'];
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Attestations of requirement items evidenced outside Mamoru: recorded by the
 * ISMS manager, decided by someone else, counted as "met by attestation" while
 * approved and valid.
 */
export const attestationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/conformity/attestations',
    {
      schema: {
        tags,
        description: 'Attestations, latest validity first, filtered by item and status.',
        querystring: attestationListQuerySchema,
        response: { 200: pageSchema(attestationSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await attestations.listAttestations(db, contextOf(request), request.query);
      const day = today();
      return {
        items: page.items.map((a) => presentAttestation(a, day)),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/conformity/attestations',
    {
      schema: {
        tags,
        description:
          'Records an attestation for a requirement item (pending until another person decides). ' +
          'Attach evidence files with POST /files (ownerType attestation) while it is pending.',
        body: attestationCreateSchema,
        response: { 201: attestationSchema },
      },
      config: { permission: 'conformity:attest' },
    },
    async (request, reply) => {
      const row = await attestations.requestAttestation(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentAttestation(row, today()));
    },
  );
  app.get(
    '/conformity/attestations/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: attestationSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await attestations.getAttestation(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentAttestation(row, today());
    },
  );
  app.post(
    '/conformity/attestations/:id/decision',
    {
      schema: {
        tags,
        description: 'Approves or rejects a pending attestation; refused (403) to its requester.',
        params: idParamsSchema,
        body: attestationDecisionSchema,
        response: { 200: attestationSchema },
      },
      config: { permission: 'conformity:attest_decide' },
    },
    async (request, reply) => {
      const row = await attestations.decideAttestation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAttestation(row, today());
    },
  );
  app.post(
    '/conformity/attestations/:id/revocation',
    {
      schema: {
        tags,
        description: 'Revokes an approved attestation: the item no longer counts as met by it.',
        params: idParamsSchema,
        body: attestationRevokeSchema,
        response: { 200: attestationSchema },
      },
      config: { permission: 'conformity:attest' },
    },
    async (request, reply) => {
      const row = await attestations.revokeAttestation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAttestation(row, today());
    },
  );
};
