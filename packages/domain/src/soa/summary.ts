import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import { previousApprovedSoaVersion } from '@mamoru/db/repositories/approval-summaries';
import { displayNames } from '@mamoru/db/repositories/users';
import type { LocalizedText } from '@mamoru/contracts';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { bilingual, fact, firstOf } from '../approvals/summary-rules.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import type { RequestContext } from '../audit/trail.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { SOA_ENTITY, loadSoa } from './common.ts';
import type { DIFF_FIELDS } from './rules.ts';
import { diffEntries } from './rules.ts';
import { listEntries } from './service.ts';

/** Most changed controls a summary lists; the rest are counted. */
export const SUMMARY_ENTRY_LIMIT = 100;

const FIELD_LABELS: Record<(typeof DIFF_FIELDS)[number], LocalizedText> = {
  applicable: { ja: '採否', en: 'Selected' },
  reasons: { ja: '採用の理由', en: 'Reasons for inclusion' },
  exclusionReason: { ja: '除外の理由', en: 'Reason for exclusion' },
  riskAcceptedBy: { ja: 'リスクの受容者', en: 'Risk accepted by' },
  riskAcceptedOn: { ja: 'リスクの受容日', en: 'Risk accepted on' },
  implementationStatus: { ja: '実施状況', en: 'Implementation' },
  links: { ja: '関連', en: 'Links' },
  ownerUserId: { ja: '責任者', en: 'Owner' },
  notes: { ja: '備考', en: 'Notes' },
};
const REASONS: Record<string, LocalizedText> = {
  risk: { ja: 'リスク対応', en: 'Risk treatment' },
  legal: { ja: '法令・規制・契約上の要求', en: 'Legal, regulatory or contractual' },
  business: { ja: '事業上の要求', en: 'Business requirement' },
  policy: { ja: '方針', en: 'Policy' },
};
const IMPLEMENTATION: Record<string, LocalizedText> = {
  not_started: { ja: '未着手', en: 'Not started' },
  planned: { ja: '計画済み', en: 'Planned' },
  partial: { ja: '一部実施', en: 'Partly implemented' },
  implemented: { ja: '実施済み', en: 'Implemented' },
};

type Names = Map<string, string>;

/** An entry's field as text in both languages: enums translated, people by name. */
function fieldText(field: string, value: unknown, names: Names): LocalizedText {
  if (field === 'applicable') {
    if (value === null) return { ja: '未決定', en: 'Not decided' };
    return value ? { ja: '採用', en: 'Selected' } : { ja: '不採用', en: 'Not selected' };
  }
  if (field === 'implementationStatus') return IMPLEMENTATION[String(value)] ?? bilingual(value);
  if (field === 'riskAcceptedBy' || field === 'ownerUserId') {
    return bilingual(typeof value === 'string' ? (names.get(value) ?? value) : value);
  }
  if (field === 'reasons' && Array.isArray(value)) {
    return bilingual(
      (value as { type: string; note: string }[]).map((r) => {
        const type = REASONS[r.type] ?? bilingual(r.type);
        return r.note ? { ja: `${type.ja}：${r.note}`, en: `${type.en}: ${r.note}` } : type;
      }),
    );
  }
  if (field === 'links' && Array.isArray(value)) {
    return bilingual((value as { id: string; label: string }[]).map((l) => l.label || l.id));
  }
  return bilingual(value);
}

async function entriesOfVersion(db: Db, ctx: RequestContext, soaId: string, versionId: string) {
  return (await listEntries(db, ctx, soaId, { version: versionId })).items;
}

// The statement version asked for, control by control against the version approved before it.
registerApprovalSummarizer(SOA_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const row = await repo.getVersion(db, org, approval.entityId);
  if (!row) throw notFound('statement version');
  const soa = await loadSoa(db, org, row.soaId);
  const after = await entriesOfVersion(db, ctx, row.soaId, row.id);
  const base = await previousApprovedSoaVersion(db, org, row.soaId, row.number);
  const before = base ? await entriesOfVersion(db, ctx, row.soaId, base.id) : [];
  const changes = diffEntries(before, after);
  const people = changes.flatMap((c) =>
    c.fields
      .filter((f) => f.field === 'riskAcceptedBy' || f.field === 'ownerUserId')
      .flatMap((f) => [f.before, f.after])
      .filter((v): v is string => typeof v === 'string'),
  );
  const names = await displayNames(db, org, people);
  const shown = firstOf(changes, SUMMARY_ENTRY_LIMIT);
  const applicable = after.filter((e) => e.applicable === true).length;
  return {
    // A migration's 2022 draft is not the statement the page opens on: name it.
    link:
      soa.libraryId === SCOPE_LIBRARY_ID
        ? '/statement-of-applicability'
        : `/statement-of-applicability?soa=${soa.id}`,
    facts: [
      fact({ ja: '適用宣言書', en: 'Statement of applicability' }, soa.title),
      fact({ ja: '版', en: 'Version' }, row.number),
      fact({ ja: '採用する管理策', en: 'Selected controls' }, `${applicable} / ${after.length}`),
    ],
    changes: {
      kind: 'entries',
      baseline: base ? { number: base.number } : null,
      items: shown.items.map((c) => ({
        controlId: c.controlId,
        displayId: c.displayId,
        kind: c.kind,
        fields: c.fields.map((f) => ({
          label: FIELD_LABELS[f.field as keyof typeof FIELD_LABELS] ?? bilingual(f.field),
          before: fieldText(f.field, f.before, names),
          after: fieldText(f.field, f.after, names),
        })),
      })),
      more: shown.more,
    },
  };
});
