import { describe, expect, it } from 'vitest';
import { emptyRisks, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const run = (id: string, s = emptySnapshot()) => RULES[id]!(s);
const withRisks = (
  r: Partial<ConformitySnapshot['risks']>,
  over: Partial<ConformitySnapshot> = {},
) => emptySnapshot({ risks: { ...emptyRisks, ...r }, ...over });
const approvedMethod = {
  latestStatus: 'approved',
  approvedNumber: 1,
  approvedAt: '2026-08-01T00:00:00Z',
  approvedByTopManagement: true,
  hasAcceptableLevel: true,
};
/** A register where every risk is assessed, evaluated, treated and accepted. */
const healthy = {
  threats: 40,
  vulnerabilities: 30,
  assessments: 1,
  lastAssessedOn: '2026-10-01',
  operationAuthorized: true,
  risks: 10,
  treat: 4,
  accept: 6,
  options: { apply_controls: 3, retain: 1, avoid: 0, transfer: 0 },
  residualAccepted: 4,
  selectedControlIds: ['10.5.5'],
};

describe('risk method (4.2.1.c, 5.1.f)', () => {
  it.each(['4.2.1.c', '5.1.f'])(
    '%s: not met, partly met as a draft or without a level, met',
    (id) => {
      expect(run(id).status).toBe('not_met');
      const draft = withRisks({ method: { ...emptyRisks.method, latestStatus: 'draft' } });
      expect(run(id, draft).status).toBe('partly_met');
      const noLevel = withRisks({ method: { ...approvedMethod, hasAcceptableLevel: false } });
      expect(run(id, noLevel).explanation.en).toContain('no acceptable level');
      expect(run(id, withRisks({ method: approvedMethod })).status).toBe('met');
    },
  );
});

describe('risk identification and assessment (4.2.1.d–e)', () => {
  it('is not met on an empty register and met on a complete one', () => {
    for (const id of [
      '4.2.1.d.2',
      '4.2.1.d.3',
      '4.2.1.d.4',
      '4.2.1.e.1',
      '4.2.1.e.2',
      '4.2.1.e.4',
    ]) {
      expect(run(id).status, id).toBe('not_met');
      expect(run(id, withRisks(healthy)).status, id).toBe('met');
    }
  });

  it('names the assets without risks, risks without vulnerability and unassessed risks', () => {
    const d2 = run('4.2.1.d.2', withRisks({ ...healthy, assetsWithoutRisk: 12 }));
    expect(d2.status).toBe('partly_met');
    expect(d2.explanation.en).toContain('12 assets in use have no risk identified');
    expect(
      run('4.2.1.d.3', withRisks({ ...healthy, withoutVulnerability: 2 })).explanation.en,
    ).toContain('2 risks name no vulnerability');
    const e2 = run('4.2.1.e.2', withRisks({ ...healthy, assessments: 0, notAssessed: 3 }));
    expect(e2.status).toBe('partly_met');
    expect(e2.explanation.en).toContain('3 risks are not assessed');
    expect(e2.explanation.en).toContain('No dated risk assessment run');
    expect(run('4.2.1.e.4', withRisks({ ...healthy, notEvaluated: 1 })).status).toBe('partly_met');
  });
});

describe('treatment options and controls (4.2.1.f–g)', () => {
  it('flags the facts each option needs', () => {
    expect(run('4.2.1.f.1', withRisks(healthy)).status).toBe('met');
    expect(run('4.2.1.f.1', withRisks({ ...healthy, applyWithoutControls: 2 })).status).toBe(
      'partly_met',
    );
    const retain = run('4.2.1.f.2', withRisks({ ...healthy, retainNotApproved: 1 }));
    expect(retain.explanation.en).toContain('1 retained risks are not approved by top management');
    expect(run('4.2.1.f.4', withRisks({ ...healthy, transferWithoutParty: 1 })).status).toBe(
      'partly_met',
    );
    expect(run('4.2.1.f.3', withRisks({ ...healthy, treatWithoutOption: 1 })).status).toBe(
      'partly_met',
    );
  });

  it('links the risks to treat without an option to the filtered register, only while any exist', () => {
    const filtered = '/risks?evaluation=treat&treatmentOption=none&open=true';
    for (const id of ['4.2.1.f.1', '4.2.1.f.2', '4.2.1.f.3', '4.2.1.f.4']) {
      const r = run(id, withRisks({ ...healthy, treatWithoutOption: 12 }));
      expect(r.explanation.en, id).toContain('12 risks to treat have no treatment option');
      expect(r.links, id).toEqual([
        expect.objectContaining({ href: '/treatment-plan', kind: 'evidence' }),
        {
          href: filtered,
          kind: 'gap',
          label: { ja: '対応の選択肢がないリスク', en: 'Risks to treat without an option' },
        },
      ]);
      expect(
        run(id, withRisks(healthy)).links.map((l) => l.href),
        id,
      ).toEqual(['/treatment-plan']);
    }
    // Other faults of an option do not bring the link.
    const controls = run('4.2.1.f.1', withRisks({ ...healthy, applyWithoutControls: 2 }));
    expect(controls.links.map((l) => l.href)).not.toContain(filtered);
  });

  it('is not met without selected controls and names controls the SoA does not apply', () => {
    expect(run('4.2.1.g', withRisks({ ...healthy, selectedControlIds: [] })).status).toBe(
      'not_met',
    );
    const soa = {
      number: 1,
      status: 'approved',
      approvedAt: null,
      approvedByTopManagement: true,
      entries: 1,
      controlIds: ['10.5.5'],
      notApplicableIds: ['10.5.5'],
      undecided: 0,
      applicableWithoutReason: 0,
      excludedWithoutReason: 0,
      excludedWithoutAcceptance: 0,
      proposed: 0,
    };
    const r = run('4.2.1.g', withRisks(healthy, { soa }));
    expect(r.status).toBe('partly_met');
    expect(r.data.selectedButNotApplicable).toEqual(['10.5.5']);
    expect(run('4.2.1.g', withRisks(healthy)).status).toBe('met');
  });
});

describe('residual risk (4.2.1.i) and the treatment plan (4.2.2.a)', () => {
  it('needs every treated risk accepted and operation authorized', () => {
    expect(run('4.2.1.i').status).toBe('not_met');
    expect(run('4.2.1.i', withRisks(healthy)).status).toBe('met');
    const open = run(
      '4.2.1.i',
      withRisks({
        ...healthy,
        residualAccepted: 1,
        residualPending: 2,
        operationAuthorized: false,
      }),
    );
    expect(open.status).toBe('partly_met');
    expect(open.explanation.en).toContain('3 residual risks are not approved (2 pending)');
    expect(open.links).toEqual([
      expect.objectContaining({ href: '/treatment-plan', kind: 'evidence' }),
      {
        href: '/risks?evaluation=treat&residualAcceptance=pending&open=true',
        kind: 'gap',
        label: { ja: '承認待ちの残留リスク', en: 'Residual risks awaiting approval' },
      },
    ]);
  });

  it('links the pending residual risks only while some are pending', () => {
    const hrefs = (r: Partial<ConformitySnapshot['risks']>) =>
      run('4.2.1.i', withRisks({ ...healthy, ...r })).links.map((l) => l.href);
    expect(hrefs({})).toEqual(['/treatment-plan']);
    // Not approved but none submitted: no filtered link (the filter would show none of them).
    expect(hrefs({ residualAccepted: 2, residualPending: 0 })).toEqual(['/treatment-plan']);
    expect(hrefs({ residualAccepted: 3, residualPending: 1 })).toEqual([
      '/treatment-plan',
      '/risks?evaluation=treat&residualAcceptance=pending&open=true',
    ]);
  });

  it('needs actions with owners, due dates and resources for every risk to treat', () => {
    expect(run('4.2.2.a').status).toBe('not_met');
    const plan = {
      actions: 3,
      open: 2,
      withoutOwner: 0,
      withoutDueDate: 0,
      withoutResources: 0,
      overdue: 0,
      dueSoon: 0,
    };
    expect(run('4.2.2.a', withRisks(healthy, { treatment: plan })).status).toBe('met');
    const gaps = run(
      '4.2.2.a',
      withRisks({ ...healthy, applyWithoutAction: 2 }, { treatment: { ...plan, withoutOwner: 1 } }),
    );
    expect(gaps.status).toBe('partly_met');
    expect(gaps.explanation.en).toContain('2 risks to treat by controls have no action');
    expect(gaps.explanation.en).toContain('1 actions have no owner');
  });
});
