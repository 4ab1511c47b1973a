import { addDays, format } from 'date-fns';
import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { decideAttestation, requestAttestation } from '../conformity/attestations.ts';

/**
 * Two attestations of the sample company: the on-site check of the server
 * room's physical entry controls (approved by the president, valid a year) and
 * the board's resource decision kept in paper minutes (waiting for a decision).
 */
export async function createDemoAttestations(
  db: Db,
  people: { manager: RequestContext; president: RequestContext },
  now = new Date(),
) {
  const day = (offset: number) => format(addDays(now, offset), 'yyyy-MM-dd');
  const physical = await requestAttestation(db, people.manager, {
    itemId: '4.2.2.c',
    statement:
      'サーバ室の入退室管理（ICカード錠・入退室記録簿・監視カメラ）が運用されていることを、' +
      'ISMS管理責任者が現地で確認した。記録簿の写しと確認時の写真を添付。原本は総務部のキャビネットに保管。',
    validFrom: day(-20),
    validUntil: day(345),
  });
  await decideAttestation(db, people.president, physical.id, physical.version, {
    decision: 'approved',
    note: '写真と記録簿の写しを確認しました。',
  });
  await requestAttestation(db, people.manager, {
    itemId: '5.1.e',
    statement:
      '取締役会で今年度のISMS予算と担当者の工数が承認された。議事録（紙）は総務部で保管し、該当ページの写しを添付。',
    validFrom: day(-5),
    validUntil: day(360),
  });
  return 2;
}
