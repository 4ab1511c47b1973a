// The organization's own controls in a library, and the overlay of official wording it holds a licence for.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type {
  CatalogControlDetail,
  CatalogText,
  OverlayImport,
  OwnControlCreate,
} from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import { DomainError, invalid, type FieldError } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { normalizeForSearch, searchTextOf } from './nodes.ts';
import { visibleLibrary, isUniqueViolation } from './common.ts';
import { controlDetail } from './service.ts';

/** Field errors listed per refused file; the problem's title gives the count. */
const MAX_LISTED_ISSUES = 100;

const ownText = (t: { ja?: string | undefined; en?: string | undefined } | undefined) =>
  t
    ? (Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as CatalogText)
    : null;

/**
 * Adds one of the organization's own controls under an objective (or plain
 * group) of a library; its ID must not clash with any group or control the
 * organization sees in that library.
 */
export async function addOwnControl(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  input: OwnControlCreate,
): Promise<CatalogControlDetail> {
  authorize(ctx.actor, 'catalog:manage');
  const organizationId = ctx.actor.organizationId;
  const idTaken = () =>
    invalid([{ field: 'id', code: 'catalog_node_id_taken', params: { id: input.id } }]);
  try {
    return await db.transaction(async (tx) => {
      const library = await visibleLibrary(tx, ctx, libraryId);
      const parent = await repo.getNode(
        tx,
        organizationId,
        library.id,
        'control',
        input.objectiveId,
      );
      if (!parent || parent.organizationId !== null) {
        throw invalid([
          {
            field: 'objectiveId',
            code: 'catalog_objective_unknown',
            params: { id: input.objectiveId },
          },
        ]);
      }
      if (parent.kind !== 'objective' && parent.kind !== 'group') {
        throw invalid([
          {
            field: 'objectiveId',
            code: 'catalog_not_objective',
            params: { id: input.objectiveId },
          },
        ]);
      }
      if (await repo.getNode(tx, organizationId, library.id, 'control', input.id)) throw idTaken();
      const title = ownText(input.title)!;
      const summary = ownText(input.summary);
      const displayId = input.displayId ?? input.id;
      const control = await repo.insertOwnControl(tx, {
        libraryId: library.id,
        organizationId,
        namespace: 'control',
        nodeId: input.id,
        parentId: parent.nodeId,
        ancestorIds: [...parent.ancestorIds, parent.nodeId],
        kind: 'control',
        displayId,
        position: await repo.nextOwnPosition(tx, organizationId, library.id),
        depth: parent.depth + 1,
        title,
        summary,
        guidance: ownText(input.guidance),
        searchText: searchTextOf({ id: input.id, displayId, title, summary }, parent.title),
      });
      await recordAudit(tx, ctx, [
        {
          action: 'catalog.control_added',
          entityType: 'catalog_control',
          entityId: control.id,
          after: {
            libraryId: library.libraryId,
            objectiveId: parent.nodeId,
            id: control.nodeId,
            displayId,
            title,
            summary,
          },
        },
      ]);
      return controlDetail(tx, ctx, library, control);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw idTaken();
    throw error;
  }
}

/** SHA-256 of the overlay's canonical JSON: the audit trail records it instead of the licensed text. */
function overlayHash(texts: OverlayImport['texts']): string {
  return createHash('sha256')
    .update(canonicalize(texts) ?? '')
    .digest('hex');
}

/**
 * Replaces the organization's official wording of a library (its licensed-text
 * overlay) with `texts`. Every ID must be a node of the library (unknown IDs
 * are refused, listed). The audit event records the IDs and a hash, never the
 * text itself: the licence may end, the audit trail cannot be edited.
 */
export async function importOverlay(
  db: Db,
  ctx: RequestContext,
  libraryId: string,
  input: OverlayImport,
): Promise<{ libraryId: string; texts: number; replaced: number }> {
  authorize(ctx.actor, 'catalog:manage');
  const organizationId = ctx.actor.organizationId;
  const library = await visibleLibrary(db, ctx, libraryId);
  if (input.libraryId !== undefined && input.libraryId !== libraryId) {
    throw invalid([
      {
        field: 'libraryId',
        code: 'catalog_overlay_library_mismatch',
        params: { libraryId: input.libraryId, expected: libraryId },
      },
    ]);
  }
  const seen = new Set<string>();
  const duplicates: FieldError[] = [];
  input.texts.forEach((t, i) => {
    const key = `${t.namespace}:${t.id}`;
    if (seen.has(key))
      duplicates.push({
        field: `texts.${i}.id`,
        code: 'catalog_overlay_duplicate',
        params: { id: t.id },
      });
    seen.add(key);
  });
  if (duplicates.length) throw invalid(duplicates.slice(0, MAX_LISTED_ISSUES));

  const unknown: FieldError[] = [];
  for (const namespace of ['requirement', 'control'] as const) {
    const wanted = input.texts.filter((t) => t.namespace === namespace).map((t) => t.id);
    const known = await repo.existingLibraryNodeIds(db, library.id, namespace, wanted);
    input.texts.forEach((t, i) => {
      if (t.namespace === namespace && !known.has(t.id))
        unknown.push({
          field: `texts.${i}.id`,
          code: 'catalog_overlay_unknown_id',
          params: { id: t.id, namespace },
        });
    });
  }
  if (unknown.length) {
    unknown.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1]));
    const ids = unknown.map((u) => `${u.params!.namespace} ${u.params!.id}`);
    throw new DomainError(
      'validation',
      'catalog_overlay_unknown_ids',
      { count: ids.length, ids: ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '') },
      unknown.slice(0, MAX_LISTED_ISSUES),
    );
  }

  const rows = input.texts.map((t) => {
    const official = ownText(t.text)!;
    return {
      namespace: t.namespace,
      nodeId: t.id,
      text: official,
      searchText: normalizeForSearch(Object.values(official).join('\n')),
    };
  });
  const replaced = await db.transaction(async (tx) => {
    const count = await repo.replaceOverlay(tx, organizationId, library.id, rows);
    await recordAudit(tx, ctx, [
      {
        action: 'catalog.overlay_imported',
        entityType: 'catalog_library',
        entityId: library.id,
        after: {
          libraryId: library.libraryId,
          texts: rows.length,
          replaced: count,
          ids: rows.map((r) => `${r.namespace}:${r.nodeId}`),
          sha256: overlayHash(input.texts),
        },
      },
    ]);
    return count;
  });
  return { libraryId: library.libraryId, texts: rows.length, replaced };
}
