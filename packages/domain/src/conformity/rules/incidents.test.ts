import { describe, expect, it } from 'vitest';
import { emptySnapshot, incidentRef, some, withIncidents } from '../fixtures.ts';
import type { ConformitySnapshot, Evaluation } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs, readable } from './people-testing.ts';

const run = (id: string, s: ConformitySnapshot) => RULES[id]!(s);
const evidenceHrefs = (e: Evaluation) =>
  e.links.filter((l) => l.kind === 'evidence').map((l) => l.href);

/** Reports flowing in the last year, all triaged on time. */
const flowing = {
  total: 9,
  reported12m: 6,
  breaches12m: 3,
  malfunctions12m: 2,
  toolReports12m: 1,
  triaged12m: 6,
};

describe('4.2.2.g incident response procedure and incidents handled by it', () => {
  it('is not met without a procedure and without any incident', () => {
    const e = run('4.2.2.g', withIncidents());
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/documents?type=procedure']);
    readable(e);
  });

  it('is met with an issued procedure and incidents triaged and worked through', () => {
    const e = run('4.2.2.g', withIncidents({ ...flowing, procedures: ['PRC-6'] }));
    expect(e.status).toBe('met');
    expect(evidenceHrefs(e)).toEqual(['/documents?q=PRC-6', '/incidents']);
    expect(e.explanation.en).toContain(
      '1 issued response procedure and 9 recorded incidents; 6 of the 6 reports of the last 12 months were triaged.',
    );
    readable(e);
  });

  it('names a missing procedure, reports waiting for triage and open incidents left idle', () => {
    const e = run(
      '4.2.2.g',
      withIncidents({
        ...flowing,
        untriagedLate: some(incidentRef('i-3', 3)),
        stalled: some(incidentRef('i-4', 4, 'suspected'), incidentRef('i-3', 3)),
      }),
    );
    expect(e.status).toBe('partly_met');
    // i-3 is at fault twice and linked once; links name the reference and the type only.
    expect(gapHrefs(e)).toEqual(['/documents?type=procedure', '/incidents/i-3', '/incidents/i-4']);
    expect(e.links.at(-1)!.label).toEqual({
      ja: 'INC-0004（事件・事故の疑い）',
      en: 'INC-0004 (suspected incident)',
    });
    expect(e.links.at(-2)!.label.en).toBe('INC-0003 (incident)');
    expect(e.explanation.en).toContain('No issued response procedure is tagged with 4.2.2.g.');
    expect(e.explanation.en).toContain('1 report waits for triage past the 24-hour target.');
    expect(e.explanation.en).toContain('2 open incidents have recorded no response for 30 days.');
    readable(e);
  });

  it('is only partly met with a procedure nobody has used yet', () => {
    const e = run('4.2.2.g', withIncidents({ procedures: ['PRC-6'] }));
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toContain('No incident has been handled under the procedure yet.');
  });
});

describe('4.2.3.a.1 errors in processing detected', () => {
  it('is not met when nothing was reported in the last 12 months', () => {
    const e = run('4.2.3.a.1', withIncidents({ total: 4 }));
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/incidents']);
  });

  it('is met with malfunctions or monitoring tool reports, partly met with neither', () => {
    const ok = run('4.2.3.a.1', withIncidents(flowing));
    expect(ok.status).toBe('met');
    expect(ok.explanation.en).toContain('2 concern malfunctions and 1 came from monitoring tools');
    readable(ok);
    const silent = run(
      '4.2.3.a.1',
      withIncidents({ ...flowing, malfunctions12m: 0, toolReports12m: 0 }),
    );
    expect(silent.status).toBe('partly_met');
    expect(gapHrefs(silent)).toEqual(['/incidents']);
    readable(silent);
    const toolOnly = run('4.2.3.a.1', withIncidents({ ...flowing, malfunctions12m: 0 }));
    expect(toolOnly.status).toBe('met');
  });
});

describe('4.2.3.a.2 breaches identified and triaged on time', () => {
  it('is not met without reports in the last 12 months', () => {
    const e = run('4.2.3.a.2', withIncidents());
    expect(e.status).toBe('not_met');
    expect(e.explanation.en).toBe('No incident was reported in the last 12 months.');
  });

  it('is met when every report was triaged within the target', () => {
    const e = run('4.2.3.a.2', withIncidents({ ...flowing, triageTargetHours: 8 }));
    expect(e.status).toBe('met');
    expect(e.data).toMatchObject({ reportsLast12Months: 6, triageTargetHours: 8 });
    expect(e.explanation.en).toContain('the target is 8 hours');
    readable(e);
  });

  it('links the reports waiting past the target and those triaged late', () => {
    const e = run(
      '4.2.3.a.2',
      withIncidents({
        ...flowing,
        triagedLate: some(incidentRef('i-1', 1), incidentRef('i-2', 2)),
        untriagedLate: some(incidentRef('i-7', 7)),
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/incidents/i-7', '/incidents/i-1', '/incidents/i-2']);
    expect(e.explanation.en).toContain('2 reports were triaged after the target.');
    expect(e.explanation.ja).toContain(
      '1件の報告が目標の24時間を過ぎてもトリアージされていません。',
    );
    readable(e);
  });
});

describe('4.2.3.a.4 actions against recurrence decided', () => {
  it('is not met before any incident is closed', () => {
    expect(run('4.2.3.a.4', withIncidents(flowing)).status).toBe('not_met');
  });

  it('is met when every closed incident raised something or states its prevention', () => {
    const e = run('4.2.3.a.4', withIncidents({ ...flowing, closed: 4, closedWithRaised: 1 }));
    expect(e.status).toBe('met');
    expect(e.explanation.en).toBe(
      '1 of 4 closed incidents raised a nonconformity or an improvement.',
    );
    readable(e);
  });

  it('links exactly the closed incidents that decided nothing', () => {
    const e = run(
      '4.2.3.a.4',
      withIncidents({
        ...flowing,
        closed: 4,
        withoutRecurrenceAction: { count: 6, refs: [incidentRef('i-5', 5)] },
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/incidents/i-5']);
    expect(e.data.closedWithoutRecurrenceAction).toBe(6);
    expect(e.explanation.en).toContain(
      '6 closed incidents state no action against recurrence and raised nothing.',
    );
  });
});

describe('4.2.3.f the ISMS event log', () => {
  const log = (auto12m: number, manual12m: number, trail = 0) =>
    emptySnapshot({
      auditEvents90d: trail,
      eventLog: { auto12m, manual12m, lastManualAt: manual12m ? '2026-10-01T00:00:00.000Z' : null },
    });

  it('is not met with an empty log, even while the audit trail records changes', () => {
    const e = run('4.2.3.f', log(0, 0, 37));
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/isms-events']);
    expect(evidenceHrefs(e)).toEqual(['/admin/audit']);
    expect(e.data.auditTrailChangesLast90Days).toBe(37);
  });

  it('is partly met while only Mamoru writes the log', () => {
    const e = run('4.2.3.f', log(12, 0));
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/isms-events']);
    expect(e.explanation.en).toContain('no event from outside Mamoru');
  });

  it('is met with an entry made by hand', () => {
    const e = run('4.2.3.f', log(12, 1, 5));
    expect(e.status).toBe('met');
    expect(evidenceHrefs(e)).toEqual(['/isms-events', '/admin/audit']);
    expect(e.data).toMatchObject({
      eventLogEntriesLast12Months: 13,
      enteredByHandLast12Months: 1,
      lastEnteredByHandAt: '2026-10-01T00:00:00.000Z',
    });
  });
});

describe('4.3.3 incident records', () => {
  const records = { types: 3, typesWithoutStorage: 0, records: 20, overdueDisposal: 0 };

  it('is only partly met while a closed incident has no record, and links it', () => {
    const s = withIncidents(
      { closed: 2, withoutRecord: some(incidentRef('i-9', 9, 'near_miss')) },
      { records },
    );
    const e = run('4.3.3', s);
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/incidents/i-9']);
    expect(e.explanation.en).toContain('1 closed incident has no record kept.');
    expect(e.data).toMatchObject({ closedIncidents: 2, closedIncidentsWithoutRecord: 1 });
    expect(run('4.3.3', withIncidents({ closed: 2 }, { records })).status).toBe('met');
  });
});
