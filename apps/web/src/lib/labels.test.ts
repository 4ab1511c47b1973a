import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { approvalTitle } from './labels';

describe('approval titles', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('words the title around the stored object name in the reader’s language', async () => {
    await i18n.changeLanguage('ja');
    expect(approvalTitle({ approvalType: 'scope', entityVersion: 3, title: '' })).toBe(
      '適用範囲 第3版',
    );
    expect(approvalTitle({ approvalType: 'residual_risk', entityVersion: 1, title: '4' })).toBe(
      '残留リスクの受容（4件）',
    );
    expect(
      approvalTitle({ approvalType: 'document', entityVersion: 2, title: 'POL-001 基本方針' }),
    ).toBe('POL-001 基本方針 第2版');
    await i18n.changeLanguage('en');
    expect(approvalTitle({ approvalType: 'scope', entityVersion: 3, title: '' })).toBe(
      'ISMS scope v3',
    );
    expect(
      approvalTitle({ approvalType: 'risk_method', entityVersion: 1, title: 'Risk assessment' }),
    ).toBe('Risk method v1: Risk assessment');
  });

  it('falls back to the type label for a type without its own template', async () => {
    await i18n.changeLanguage('en');
    expect(approvalTitle({ approvalType: 'new_kind', entityVersion: 2, title: 'X' })).toBe(
      'new_kind: X',
    );
    expect(approvalTitle({ approvalType: 'new_kind', entityVersion: 2, title: '' })).toBe(
      'new_kind v2',
    );
  });
});
