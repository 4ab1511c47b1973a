import { describe, expect, it } from 'vitest';
import { approvedScope, emptySnapshot } from '../fixtures.ts';
import { RULES } from './index.ts';

const run = (id: string, s = emptySnapshot()) => RULES[id]!(s);

describe('4.2.1.a scope', () => {
  it('is not met without a scope, partly met as a draft, met once approved and complete', () => {
    expect(run('4.2.1.a').status).toBe('not_met');
    const draft = emptySnapshot({
      scope: { ...emptySnapshot().scope, latestNumber: 1, latestStatus: 'draft' },
    });
    expect(run('4.2.1.a', draft)).toMatchObject({
      status: 'partly_met',
      links: [{ href: '/scope', kind: 'gap' }],
    });
    const ok = run('4.2.1.a', emptySnapshot({ scope: approvedScope }));
    expect(ok.status).toBe('met');
    expect(ok.explanation.en).toContain('Scope version 2 was approved on 2026-10-01');
  });

  it('names the viewpoints an approved scope leaves out and a decider without top management', () => {
    const r = run(
      '4.2.1.a',
      emptySnapshot({
        scope: {
          ...approvedScope,
          approvedByTopManagement: false,
          filled: { ...approvedScope.filled!, technology: false, boundaries: false },
        },
      }),
    );
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('leaves out: technology, boundaries');
    expect(r.explanation.ja).toContain('技術、境界');
    expect(r.explanation.en).toContain('top management');
    expect(r.data.missingViewpoints).toEqual(['technology', 'boundaries']);
  });
});

describe('第1 2. exclusions', () => {
  const withExclusions = (ex: Partial<ReturnType<typeof emptySnapshot>['exclusions']>) =>
    emptySnapshot({
      exclusions: {
        scopeNumber: 1,
        scopeApproved: true,
        controlIds: [],
        withoutReason: 0,
        acceptedByInactive: [],
        ...ex,
      },
    });

  it('is met by an approved scope whose exclusions are annex controls with reason and acceptance', () => {
    expect(run('1.2').status).toBe('not_met');
    const r = run('1.2', withExclusions({ controlIds: ['10.5.5'] }));
    expect(r.status).toBe('met');
    expect(r.explanation.en).toContain('excludes 1 annex control');
  });

  it('is partly met while the scope is not approved', () => {
    expect(run('1.2', withExclusions({ scopeApproved: false })).status).toBe('partly_met');
  });

  it('is not met for an exclusion outside the annex or accepted by an inactive user', () => {
    const unknown = run('1.2', withExclusions({ controlIds: ['4.2.1', '10.5.5'] }));
    expect(unknown.status).toBe('not_met');
    expect(unknown.data.notAnnexControls).toEqual(['4.2.1']);
    const inactive = run(
      '1.2',
      withExclusions({ controlIds: ['10.5.5'], acceptedByInactive: ['10.5.5'] }),
    );
    expect(inactive.status).toBe('not_met');
    expect(inactive.explanation.en).toContain('no longer active for: 10.5.5');
  });
});

describe('4.2.1.d.1 assets', () => {
  const assets = (a: Partial<ReturnType<typeof emptySnapshot>['assets']>) =>
    emptySnapshot({
      assets: {
        inUse: 10,
        unclassified: 0,
        withoutValue: 0,
        ownerInactive: 0,
        inactiveOwnerIds: [],
        ...a,
      },
    });

  it('is not met with an empty register and met when every asset has owner and classification', () => {
    expect(run('4.2.1.d.1').status).toBe('not_met');
    expect(run('4.2.1.d.1', assets({})).status).toBe('met');
  });

  it('names the assets at fault with links to the filtered register', () => {
    const r = run(
      '4.2.1.d.1',
      assets({ unclassified: 12, ownerInactive: 2, inactiveOwnerIds: ['u-1'] }),
    );
    expect(r.status).toBe('partly_met');
    expect(r.explanation.en).toContain('12 assets are not classified');
    expect(r.explanation.en).toContain('2 assets have an owner who is no longer active');
    expect(r.links.map((l) => l.href)).toEqual([
      '/assets',
      '/assets?owner=u-1',
      '/assets?classificationId=none',
    ]);
  });
});

// 5.1.c (ISMS roles) is tested with the other people rules in people.test.ts;
// 4.2.3.f (the ISMS event log) with the incident rules in incidents.test.ts.
