import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/assets';
import type { NewClassificationLevel } from '@mamoru/db/repositories/assets';
import type { z } from 'zod';
import type {
  HandlingRulesInput,
  classificationLevelCreateSchema,
  classificationLevelUpdateSchema,
} from '@mamoru/contracts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, systemActor } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';

/**
 * The classification scheme (annex 5.2). An organization starts with four
 * levels, created the first time anything reads or uses its scheme (so
 * organizations created before this feature get them too); it then renames,
 * re-ranks, adds or deactivates levels as it likes.
 */
const rules = (
  labelling: [string, string],
  storage: [string, string],
  transmission: [string, string],
  copying: [string, string],
  disposal: [string, string],
): HandlingRulesInput => {
  const t = ([ja, en]: [string, string]) => ({ ja, en });
  return {
    labelling: t(labelling),
    storage: t(storage),
    transmission: t(transmission),
    copying: t(copying),
    disposal: t(disposal),
  };
};

export const DEFAULT_CLASSIFICATION_LEVELS: Omit<NewClassificationLevel, 'organizationId'>[] = [
  {
    code: 'public',
    nameJa: '公開',
    nameEn: 'Public',
    rank: 1,
    description: {
      ja: '社外に公開してよい情報。',
      en: 'Information that may be published outside the organization.',
    },
    handling: rules(
      ['表示は不要。', 'No label needed.'],
      ['制限なし。', 'No restriction.'],
      ['制限なし。', 'No restriction.'],
      ['制限なし。', 'No restriction.'],
      ['通常の方法で廃棄してよい。', 'Dispose of normally.'],
    ),
  },
  {
    code: 'internal',
    nameJa: '社外秘',
    nameEn: 'Internal',
    rank: 2,
    description: {
      ja: '組織内では共有してよいが、社外には出さない情報。',
      en: 'Information shared freely inside the organization but not outside it.',
    },
    handling: rules(
      ['文書・ファイルに「社外秘」と表示する。', 'Mark documents and files "Internal".'],
      [
        '組織の管理下にある場所・システムに保管する。',
        'Keep on premises and systems the organization controls.',
      ],
      [
        '社外へは、秘密保持契約のある相手に限り送付する。',
        'Send outside only to parties under a non-disclosure agreement.',
      ],
      ['業務上必要な範囲で複製してよい。', 'Copy as far as the work needs.'],
      ['シュレッダー又は消去ツールで廃棄する。', 'Shred paper; wipe or delete files securely.'],
    ),
  },
  {
    code: 'confidential',
    nameJa: '秘',
    nameEn: 'Confidential',
    rank: 3,
    description: {
      ja: '業務上必要な者に限って開示する情報。',
      en: 'Information disclosed only to those whose work needs it.',
    },
    handling: rules(
      ['各ページ・ファイル名に「秘」と表示する。', 'Mark every page and file name "Confidential".'],
      [
        '施錠保管又はアクセス制御されたシステムに保管する。',
        'Store locked away or on access-controlled systems.',
      ],
      ['暗号化して送信し、受信者を限定する。', 'Encrypt in transit and restrict the recipients.'],
      [
        '責任者の許可を得て複製し、複製を記録する。',
        "Copy with the owner's permission and record copies.",
      ],
      [
        'クロスカットシュレッダー又は完全消去を行い、廃棄を記録する。',
        'Cross-cut shred or securely erase, and record the disposal.',
      ],
    ),
  },
  {
    code: 'strictly_confidential',
    nameJa: '極秘',
    nameEn: 'Strictly confidential',
    rank: 4,
    description: {
      ja: '漏えいすると組織に重大な損害を与える情報。指名された者だけが扱う。',
      en: 'Information whose disclosure would seriously harm the organization; named people only.',
    },
    handling: rules(
      [
        '各ページ・ファイル名に「極秘」と表示し、通し番号を付す。',
        'Mark every page and file name "Strictly confidential" and number the copies.',
      ],
      [
        '金庫又は暗号化され、利用者を指名したシステムに保管する。',
        'Keep in a safe or on encrypted systems with named users.',
      ],
      [
        '原則として送信しない。必要な場合は責任者の承認を得て暗号化し、手渡し又は追跡可能な方法による。',
        'Do not transmit unless the owner approves; then encrypt and hand over or use a tracked channel.',
      ],
      ['複製を禁止する。', 'Do not copy.'],
      [
        '物理的破壊又は完全消去を立会いの下で行い、記録する。',
        'Destroy physically or erase securely under witness, and record it.',
      ],
    ),
  },
];

/** Creates the default levels the first time an organization uses its scheme. */
export async function ensureDefaultLevels(db: Db, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  if ((await repo.countClassificationLevels(db, org)) > 0) return;
  await db.transaction(async (tx) => {
    const inserted = await repo.insertClassificationLevelsIfAbsent(
      tx,
      DEFAULT_CLASSIFICATION_LEVELS.map((l) => ({ ...l, organizationId: org })),
    );
    // Concurrent first uses insert once; only the one that inserted records it.
    await recordAudit(
      tx,
      { actor: systemActor(org), requestId: ctx.requestId },
      inserted.map((row) => ({
        action: 'classification.created',
        entityType: 'classification',
        entityId: row.id,
        after: auditable(row),
      })),
    );
  });
}

type Page = { limit: number; cursor?: string | undefined };

export async function listLevels(
  db: Db,
  ctx: RequestContext,
  q: { active?: 'true' | 'false' | undefined } & Page,
) {
  authorize(ctx.actor, 'isms:read');
  await ensureDefaultLevels(db, ctx);
  const active = q.active === undefined ? undefined : q.active === 'true';
  return repo.listClassificationLevels(db, ctx.actor.organizationId, { active }, q);
}

export async function getLevel(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getClassificationLevel(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('classification level');
  return row;
}

const EMPTY = { ja: '', en: '' };
const EMPTY_RULES: HandlingRulesInput = {
  labelling: EMPTY,
  storage: EMPTY,
  transmission: EMPTY,
  copying: EMPTY,
  disposal: EMPTY,
};

const codeTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'code', code: 'code_taken' }]);
  throw error;
};

export async function createLevel(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof classificationLevelCreateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  await ensureDefaultLevels(db, ctx);
  return db
    .transaction(async (tx) => {
      const row = await repo.insertClassificationLevel(tx, {
        organizationId: ctx.actor.organizationId,
        code: input.code,
        nameJa: input.name.ja,
        nameEn: input.name.en,
        rank: input.rank,
        description: input.description ?? EMPTY,
        handling: input.handling ?? EMPTY_RULES,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'classification.created',
          entityType: 'classification',
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return row;
    })
    .catch(codeTaken);
}

export async function updateLevel(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof classificationLevelUpdateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getClassificationLevel(tx, org, id);
      if (!before) throw notFound('classification level');
      const after = await repo.updateClassificationLevel(tx, org, id, expectedVersion, {
        code: input.code,
        nameJa: input.name?.ja,
        nameEn: input.name?.en,
        rank: input.rank,
        description: input.description,
        handling: input.handling,
        active: input.active,
      });
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'classification.updated',
          entityType: 'classification',
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return after;
    })
    .catch(codeTaken);
}
