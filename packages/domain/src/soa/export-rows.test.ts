import { describe, expect, it } from 'vitest';
import { exportRow, reasonText, type ExportEntry } from './export-rows.ts';

const entry = (over: Partial<ExportEntry> = {}): ExportEntry => ({
  controlId: '3.1.1',
  displayId: '3(1)①',
  own: false,
  domainId: '3',
  domainDisplayId: '3',
  domainTitle: { ja: '情報セキュリティポリシー', en: 'Security policy' },
  objectiveId: '3.1',
  objectiveDisplayId: '3(1)',
  objectiveTitle: { ja: '情報セキュリティポリシー', en: 'Information security policy' },
  title: { ja: '基本方針文書', en: 'Policy document' },
  summary: { ja: '要約', en: 'Summary' },
  applicable: true,
  proposed: false,
  reasons: [
    { type: 'risk', note: '', link: { type: 'risk', id: 'r1', label: 'R-000001' } },
    { type: 'risk', note: '', link: { type: 'risk', id: 'r2', label: 'R-000002' } },
    { type: 'legal', note: '個人情報保護法', link: null },
  ],
  exclusionReason: '',
  riskAcceptedBy: null,
  riskAcceptedOn: null,
  implementationStatus: 'partial',
  links: [{ type: 'document', id: 'd1', label: '基本方針' }],
  ownerUserId: null,
  notes: '',
  updatedBy: null,
  updatedAt: '2026-01-05T09:00:00.000Z',
  official: null,
  ...over,
});
const names = new Map([['u1', '経営 太郎']]);

describe('export rows', () => {
  it('groups selection reasons by type with the linked risks', () => {
    expect(reasonText(entry(), 'ja', names)).toBe(
      'リスク対応: R-000001, R-000002\n法令・規制・契約上の要求: 個人情報保護法',
    );
    expect(reasonText(entry(), 'en', names)).toContain('Risk treatment: R-000001, R-000002');
  });

  it('gives an exclusion its justification and who accepted the risk', () => {
    const excluded = entry({
      applicable: false,
      exclusionReason: '開発を外部委託していない',
      riskAcceptedBy: 'u1',
      riskAcceptedOn: '2026-04-01',
    });
    expect(reasonText(excluded, 'ja', names)).toBe(
      '開発を外部委託していない\nリスク受容: 経営 太郎（2026-04-01）',
    );
    expect(exportRow(excluded, 'ja', names)[3]).toBe('不採用');
    expect(exportRow(excluded, 'ja', names)[5]).toBe('');
  });

  it('fills the seven auditor columns, preferring the licensed text', () => {
    expect(exportRow(entry(), 'ja', names)).toEqual([
      '3(1)①',
      '3(1) 情報セキュリティポリシー',
      '基本方針文書\n要約',
      '採用',
      'リスク対応: R-000001, R-000002\n法令・規制・契約上の要求: 個人情報保護法',
      '一部実施',
      '基本方針',
    ]);
    const licensed = entry({ official: { ja: '公式の文言' } });
    expect(exportRow(licensed, 'ja', names)[2]).toBe('基本方針文書\n公式の文言');
    expect(exportRow(entry({ applicable: null }), 'en', names)[3]).toBe('Undecided');
  });
});
