import type { Db } from '@mamoru/db';
import type { Distribution } from '@mamoru/contracts';
import { decideApproval } from '../../approvals/service.ts';
import { acknowledgeDocument } from '../../documents/distribution.ts';
import {
  createDocument,
  getDocument,
  listDocuments,
  updateDocument,
} from '../../documents/service.ts';
import { issueVersion, requestVersionApproval } from '../../documents/versions.ts';
import { everyone, type DemoCast } from './cast.ts';

/** Everyone receives every issued document. */
const toAll = () =>
  ({
    orgUnitIds: [],
    roles: ['admin', 'top_management', 'isms_manager', 'owner', 'internal_auditor', 'staff'],
    userIds: [],
  }) satisfies Distribution;

/** The procedures an auditor asks for that the demo has not written yet, and a standard from outside. */
const MISSING = [
  {
    code: 'PRO-003',
    title: '是正処置手順',
    type: 'procedure',
    requirementIds: ['7.2'],
    body: '# 是正処置手順\n\n不適合を記録し、原因を特定して再発防止の処置を決め、実施結果と有効性を確認する。',
  },
  {
    code: 'PRO-004',
    title: '予防処置手順',
    type: 'procedure',
    requirementIds: ['7.3'],
    body: '# 予防処置手順\n\n起こり得る不適合とその原因を特定し、リスクの変化に応じて予防処置を決めて実施する。',
  },
  {
    code: 'PRO-005',
    title: '文書・記録管理手順',
    type: 'procedure',
    requirementIds: ['4.3.2', '4.3.3'],
    body: '# 文書・記録管理手順\n\n文書は発行前に承認し、配付と改訂を管理する。記録は種類ごとに保管期間を定める。',
  },
  {
    code: 'EXT-001',
    title: 'JIS Q 27001 情報セキュリティマネジメントシステム－要求事項',
    type: 'external',
    requirementIds: [],
    body: '外部文書。原本は総務部が保管する。',
    external: { source: '日本規格協会', version: '2023' },
  },
] as const;

async function issue(
  db: Db,
  cast: DemoCast,
  documentId: string,
  versionId: string,
  version: number,
) {
  const requested = await requestVersionApproval(db, cast.manager, documentId, versionId, version, {
    assigneeUserId: cast.president.actor.userId,
  });
  await decideApproval(db, cast.president, requested.approvalId!, 'approved', '承認します');
  await issueVersion(db, cast.manager, documentId, versionId);
}

/** Writes and issues the missing documents, distributes everything, and everyone reads it. */
export async function completeDocuments(db: Db, cast: DemoCast) {
  for (const d of MISSING) {
    const created = await createDocument(db, cast.manager, {
      code: d.code,
      title: d.title,
      type: d.type,
      ismsPolicy: false,
      ownerUserId: cast.manager.actor.userId,
      classificationId: null,
      reviewIntervalMonths: 12,
      nextReviewDate: null,
      distribution: toAll(),
      externalOrigin: 'external' in d,
      externalSource: 'external' in d ? d.external.source : '',
      externalVersion: 'external' in d ? d.external.version : '',
      tags: [],
      controlIds: [],
      requirementIds: [...d.requirementIds],
      body: d.body,
      changeSummary: '初版',
    });
    const working = created.working!;
    await issue(db, cast, created.view.id, working.id, working.version);
  }
  const all = await listDocuments(db, cast.manager, {
    sort: 'code',
    direction: 'asc',
    limit: 100,
  });
  for (const doc of all.items) {
    let detail = await getDocument(db, cast.manager, doc.id);
    // The demo's last document was approved when top management cleared its inbox.
    if (detail.working?.status === 'in_review' && detail.working.approvedAt) {
      await issueVersion(db, cast.manager, doc.id, detail.working.id);
      detail = await getDocument(db, cast.manager, doc.id);
    } else if (detail.working?.status === 'draft') {
      await issue(db, cast, doc.id, detail.working.id, detail.working.version);
      detail = await getDocument(db, cast.manager, doc.id);
    }
    if (detail.view.distributionRoles.length < toAll().roles.length) {
      await updateDocument(db, cast.manager, doc.id, detail.view.version, {
        distribution: toAll(),
      });
    }
  }
  await acknowledgeAll(
    db,
    cast,
    all.items.map((d) => d.id),
  );
}

/** Every active person acknowledges what was distributed to them. */
async function acknowledgeAll(db: Db, cast: DemoCast, documentIds: string[]) {
  for (const ctx of await everyone(db, cast)) {
    for (const id of documentIds) {
      await acknowledgeDocument(db, ctx, id).catch((error: { code?: string }) => {
        if (error.code !== 'document_not_distributed_to_you') throw error;
      });
    }
  }
}
