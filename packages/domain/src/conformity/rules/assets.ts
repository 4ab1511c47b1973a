import type { ConformitySnapshot, Evaluation } from '../types.ts';
import { evidence, gap, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';

/** 4.2.1.d.1: the assets in scope are identified, each with an active owner and a classification. */
export function assetsRule(s: ConformitySnapshot): Evaluation {
  const a = s.assets;
  const data = {
    assetsInUse: a.inUse,
    unclassified: a.unclassified,
    withoutValue: a.withoutValue,
    ownerInactive: a.ownerInactive,
    inactiveOwnerIds: a.inactiveOwnerIds,
  };
  const register = evidence('/assets', '資産台帳', 'Asset register');
  if (a.inUse === 0) {
    return notMet(
      tx('資産台帳に使用中の資産がありません。', 'The asset register holds no asset in use.'),
      [gap('/assets', '資産を登録する', 'Register assets')],
      data,
    );
  }
  const faults = [];
  const links = [register];
  if (a.ownerInactive) {
    faults.push(
      tx(
        `${a.ownerInactive}件の情報資産の責任者（所有者）が無効になっています。`,
        `${a.ownerInactive} ${a.ownerInactive === 1 ? 'asset has an owner who is' : 'assets have an owner who is'} no longer active.`,
      ),
    );
    for (const id of a.inactiveOwnerIds) {
      links.push(gap(`/assets?owner=${id}`, '無効な責任者の資産', 'Assets of an inactive owner'));
    }
  }
  if (a.unclassified) {
    faults.push(
      tx(
        `${a.unclassified}件の資産が分類されていません。`,
        `${a.unclassified} ${a.unclassified === 1 ? 'asset is' : 'assets are'} not classified.`,
      ),
    );
    links.push(gap('/assets?classificationId=none', '未分類の資産', 'Unclassified assets'));
  }
  if (a.withoutValue) {
    faults.push(
      tx(
        `${a.withoutValue}件の資産に機密性・完全性・可用性の評価がありません。`,
        `${a.withoutValue} ${a.withoutValue === 1 ? 'asset has' : 'assets have'} no confidentiality, integrity and availability rating.`,
      ),
    );
  }
  const base = tx(
    `資産台帳に使用中の資産が${a.inUse}件あります。`,
    `The asset register holds ${a.inUse} ${a.inUse === 1 ? 'asset' : 'assets'} in use.`,
  );
  if (faults.length) return partlyMet(joinTexts([base, ...faults]), links, data);
  return met(
    joinTexts([
      base,
      tx(
        'すべてに有効な管理責任者、分類、機密性・完全性・可用性の評価があります。',
        'Every one has an active owner, a classification and a C/I/A rating.',
      ),
    ]),
    links,
    data,
  );
}
