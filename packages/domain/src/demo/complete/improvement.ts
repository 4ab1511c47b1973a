import type { Db } from '@mamoru/db';
import {
  getImprovement,
  listImprovements,
  recordCommunication,
  updateImprovement,
} from '../../improvement/improvements-index.ts';
import { listNonconformities } from '../../improvement/nonconformities.ts';
import type { DemoCast } from './cast.ts';

/**
 * Results reach those concerned and improvements show their effect: each
 * closed nonconformity and implemented improvement is communicated at the
 * committee and agreed, and the effect of each improvement is evidenced.
 */
export async function completeImprovement(db: Db, cast: DemoCast, today: string) {
  const closed = await listNonconformities(db, cast.manager, { status: 'closed', limit: 100 });
  const implemented = await listImprovements(db, cast.manager, {
    status: 'implemented',
    limit: 100,
  });
  const base = {
    audience: 'ISMS委員会、各部門長',
    channel: 'meeting' as const,
    communicatedOn: today,
    agreement: 'agreed' as const,
    agreementNote: '委員会で合意した',
    attachments: [],
  };
  for (const n of closed.items) {
    await recordCommunication(db, cast.manager, {
      ...base,
      nonconformityId: n.id,
      summary: `${n.title}の是正処置と結果を報告した。`,
    });
  }
  for (const i of implemented.items) {
    await recordCommunication(db, cast.manager, {
      ...base,
      improvementId: i.id,
      summary: `${i.title}の実施結果を報告した。`,
    });
    if (i.evidence.length === 0) {
      const row = await getImprovement(db, cast.manager, i.id);
      await updateImprovement(db, cast.manager, i.id, row.version, {
        evidence: [{ type: 'improvement', id: i.id, label: '実施後3か月の効果測定の結果' }],
      });
    }
  }
}
