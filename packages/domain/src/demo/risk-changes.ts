import { format, subMonths } from 'date-fns';
import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { recordAssessment } from '../risks/assessments.ts';
import { recordChangeReview } from '../risks/change-reviews.ts';

/**
 * Reviews of change this year (4.2.3.c.1–5): a cloud migration and a wave of
 * ransomware aimed at suppliers led to reassessments; the organization,
 * business objectives and external events were reviewed and found unchanged.
 */
export async function createDemoChangeReviews(db: Db, manager: RequestContext, today = new Date()) {
  const day = (monthsAgo: number) => format(subMonths(today, monthsAgo), 'yyyy-MM-dd');
  const reassess = async (title: string, on: string, reason: 'technology' | 'threats') =>
    (
      await recordAssessment(db, manager, {
        title,
        assessedOn: on,
        reasons: [reason],
        reasonText: '',
      })
    ).id;
  const cloud = await reassess('クラウド移行に伴う再アセスメント', day(5), 'technology');
  const ransomware = await reassess('ランサムウェア動向を受けた再アセスメント', day(2), 'threats');
  const reviews = [
    {
      reviewedOn: day(5),
      kind: 'technology' as const,
      outcome: 'changed' as const,
      description: 'ファイルサーバをクラウドストレージへ移行した。',
      assessmentId: cloud,
    },
    {
      reviewedOn: day(2),
      kind: 'threats' as const,
      outcome: 'changed' as const,
      description: '取引先を狙うランサムウェア攻撃の増加が報じられた。',
      assessmentId: ransomware,
    },
    {
      reviewedOn: day(3),
      kind: 'organization' as const,
      outcome: 'no_change' as const,
      description: 'ISMS委員会で組織体制を確認し、変更はなかった。',
      assessmentId: null,
    },
    {
      reviewedOn: day(3),
      kind: 'business' as const,
      outcome: 'no_change' as const,
      description: '事業目的と主要プロセスに変更はなかった。',
      assessmentId: null,
    },
    {
      reviewedOn: day(1),
      kind: 'external' as const,
      outcome: 'no_change' as const,
      description: '法令・取引先要求など外部の事象に影響する変化はなかった。',
      assessmentId: null,
    },
  ];
  for (const r of reviews) await recordChangeReview(db, manager, r);
  return reviews.length;
}
