import { describe, expect, it } from 'vitest';
import { emptyDeep, emptyDocuments, emptyRisks, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const run = (id: string, s = emptySnapshot()) => RULES[id]!(s);
const deep = (d: Partial<ConformitySnapshot['deep']>, over: Partial<ConformitySnapshot> = {}) =>
  emptySnapshot({ deep: { ...emptyDeep(), ...d }, ...over });
const fault = (...labels: string[]) => ({
  count: labels.length,
  refs: labels.map((label, i) => ({ id: `id-${i}`, label })),
});
const all = {
  '4.2.2.g': ['PR-INC'],
  '7.2': ['PR-CA'],
  '7.3': ['PR-PA'],
  '4.3.2': ['PR-DOC'],
  '4.3.3': ['PR-REC'],
};

describe('required documentation (4.3.1.d–f)', () => {
  it('4.3.1.d: actions with owners and dates, and an approved plan', () => {
    expect(run('4.3.1.d').status).toBe('not_met');
    const treatment = { ...emptySnapshot().treatment, actions: 3, open: 2 };
    const approved = { ...emptyRisks, lastAcceptedAt: '2026-10-01T00:00:00Z' };
    expect(run('4.3.1.d', emptySnapshot({ treatment, risks: approved })).status).toBe('met');
    const r = run('4.3.1.d', emptySnapshot({ treatment: { ...treatment, withoutOwner: 1 } }));
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('1 actions have no owner');
    expect(r.explanation.en).toContain('not been approved');
    expect(r.links.map((l) => l.href)).toContain('/treatment-plan?missing=owner&open=true');
  });

  it('4.3.1.e: names each required procedure that is missing', () => {
    expect(run('4.3.1.e').status).toBe('not_met');
    expect(run('4.3.1.e', deep({ requiredProcedures: all })).status).toBe('met');
    const r = run('4.3.1.e', deep({ requiredProcedures: { ...all, '7.3': [] } }));
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('preventive action (7.3)');
    expect(r.explanation.ja).toContain('予防処置');
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/documents?create=procedure&requirement=7.3',
    ]);
  });

  it('4.3.1.f: records of audits, reviews, training and incidents', () => {
    expect(run('4.3.1.f').status).toBe('not_met');
    const records = { types: 3, typesWithoutStorage: 0, records: 5, overdueDisposal: 0 };
    const full = { audit: 1, review: 1, training: 8, incident: 2 };
    expect(run('4.3.1.f', deep({ requiredRecords: full }, { records })).status).toBe('met');
    const r = run('4.3.1.f', deep({ requiredRecords: { ...full, training: 0 } }, { records }));
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('No training attendance records exist');
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
      '/training/completions',
    ]);
  });
});

describe('document control in substance (4.3.2.a/e/h)', () => {
  const issued = { documents: { ...emptyDocuments, issued: 4, external: 1 } };
  it('4.3.2.a links each issued document whose version in force nobody approved', () => {
    const r = run('4.3.2.a', deep({ issuedUnapproved: fault('POL-002') }, issued));
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain(
      '1 issued documents have a version in force nobody approved',
    );
    expect(r.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual(['/documents/id-0']);
  });
  it('4.3.2.e links documents lacking identification or a readable content', () => {
    expect(run('4.3.2.e', deep({}, issued)).status).toBe('met');
    const r = run('4.3.2.e', deep({ unidentifiable: fault('PR-009', 'PR-010') }, issued));
    expect(r.status).toBe('partly_met');
    expect(r.links.filter((l) => l.kind === 'gap')).toHaveLength(2);
  });
  it('4.3.2.h links obsolete documents still in distribution', () => {
    const r = run('4.3.2.h', deep({ obsoleteStillDistributed: fault('STD-001') }, issued));
    expect(r.status).toBe('partly_met');
    expect(r.explanation.ja).toContain('配付から外されていません');
    expect(r.links.find((l) => l.kind === 'gap')?.label.en).toContain('STD-001');
  });
});

describe('likelihood considering existing controls (4.2.1.e.2)', () => {
  const risks = { ...emptyRisks, risks: 3, assessments: 1 };
  it('is met when every assessed risk records its existing controls', () => {
    const r = run('4.2.1.e.2', deep({ assessedRisks: 3, withExistingControls: 3 }, { risks }));
    expect(r.status).toBe('met');
    expect(r.explanation.en).toContain('3 of 3 assessed risks');
  });
  it('names the risks without existing controls', () => {
    const r = run(
      '4.2.1.e.2',
      deep(
        { assessedRisks: 3, withExistingControls: 2, withoutExistingControls: fault('R-0007') },
        { risks },
      ),
    );
    expect(r.status).toBe('partly_met');
    expect(r.links.find((l) => l.kind === 'gap')?.href).toBe('/risks?q=R-0007');
  });
});
