import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { detailFixture, failedResultFixture } from './fixtures';
import { controlsSession } from './testSession';

const slow = { timeout: 20_000 };
const DETAIL = 'GET /api/v1/controls/A.5.15';

describe('one control in operation', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the SoA entry, checks, results, procedures, records, actions and risks', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        [DETAIL]: detailFixture,
      }).fetch,
    );
    renderApp('/controls/A.5.15');
    expect(
      await screen.findByRole('heading', { name: 'A.5.15 Access control' }, slow),
    ).toBeTruthy();
    const soa = screen.getByRole('region', { name: 'Statement of applicability' });
    expect(within(soa).getByText('Applicable')).toBeTruthy();
    expect(within(soa).getByText('Version 2 (Approved)')).toBeTruthy();
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(within(checks).getByText('Quarterly access rights review')).toBeTruthy();
    expect(within(checks).getByText('Overdue')).toBeTruthy();
    const coverage = screen.getByRole('region', { name: 'Procedures and records' });
    expect(
      within(coverage).getByRole('link', { name: 'PR-007 Access management procedure' }),
    ).toBeTruthy();
    expect(within(coverage).getByRole('link', { name: 'Q4 access review' })).toBeTruthy();
    const treatment = screen.getByRole('region', { name: 'Treatment actions' });
    expect(within(treatment).getByText('TA-003 Automate leaver account removal')).toBeTruthy();
    expect(within(treatment).getByText('2 risks are treated by this control.')).toBeTruthy();
    expect(
      within(treatment).getByRole('link', { name: 'Show these risks' }).getAttribute('href'),
    ).toBe('/risks?controlId=A.5.15');
  });

  it('saves the operation with If-Match of the version read, and says when it is stale', async () => {
    const saves: { ifMatch: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        [DETAIL]: detailFixture,
        'PUT /api/v1/controls/A.5.15/operation': ({ headers, body }) => {
          saves.push({ ifMatch: headers.get('if-match'), body });
          return problem(412, 'Changed meanwhile');
        },
      }).fetch,
    );
    renderApp('/controls/A.5.15');
    const card = await screen.findByRole('region', { name: 'Operation' }, slow);
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(card).getByRole('textbox', { name: 'Notes' }), {
      target: { value: 'Monthly with HR' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    expect(
      await within(card).findByText('Someone changed the operation meanwhile', {}, slow),
    ).toBeTruthy();
    expect(saves).toEqual([
      {
        ifMatch: '"3"',
        body: {
          status: 'in_operation',
          ownerUserId: detailFixture.operation!.owner!.id,
          notes: 'Monthly with HR',
          noProcedureReason: '',
        },
      },
    ]);
    // What was typed stays for the next try.
    expect(within(card).getByDisplayValue('Monthly with HR')).toBeTruthy();
  });

  it('records the first operation with version 0 and adds a check', async () => {
    const calls: { what: string; ifMatch?: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        [DETAIL]: { ...detailFixture, operation: null, checks: [], recentResults: [] },
        'PUT /api/v1/controls/A.5.15/operation': ({ headers, body }) => {
          calls.push({ what: 'operation', ifMatch: headers.get('if-match'), body });
          return { body: detailFixture.operation };
        },
        'POST /api/v1/controls/A.5.15/checks': ({ body }) => {
          calls.push({ what: 'check', body });
          return { status: 201, body: detailFixture.checks[0] };
        },
      }).fetch,
    );
    renderApp('/controls/A.5.15');
    const card = await screen.findByRole('region', { name: 'Operation' }, slow);
    expect(within(card).getByText('No operation recorded yet.')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Record operation' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(calls[0]).toMatchObject({ what: 'operation', ifMatch: '"0"' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add check' }));
    const dialog = await screen.findByRole('dialog', { name: 'New check' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add check' }));
    expect(within(dialog).getAllByText('Required').length).toBe(2);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What is checked/ }), {
      target: { value: 'Backup restore test' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Next due/), {
      target: { value: '2026-06-30' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add check' }));
    await vi.waitFor(() =>
      expect(calls[1]).toEqual({
        what: 'check',
        body: {
          title: 'Backup restore test',
          method: '',
          frequency: 'quarterly',
          nextDue: '2026-06-30',
          checkerUserId: null,
        },
      }),
    );
  });

  it('raises a nonconformity from a result that found the control not effective', async () => {
    let raised: unknown;
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        [DETAIL]: detailFixture,
        [`POST /api/v1/control-check-results/${failedResultFixture.id}/nonconformity`]: ({
          body,
        }) => {
          raised = body;
          return {
            status: 201,
            body: { nonconformityId: failedResultFixture.id, code: 'NC-012', resultId: 'x' },
          };
        },
      }).fetch,
    );
    renderApp('/controls/A.5.15');
    const results = await screen.findByRole('region', { name: 'Results' }, slow);
    expect(within(results).getByText('Not effective')).toBeTruthy();
    fireEvent.click(within(results).getByRole('button', { name: 'Raise nonconformity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Raise a nonconformity' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise nonconformity' }));
    // A not-effective result is major unless the person says otherwise.
    await vi.waitFor(() => expect(raised).toEqual({ description: '', severity: 'major' }));
  });

  it('links a raised nonconformity instead of offering to raise another', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        [DETAIL]: {
          ...detailFixture,
          recentResults: [
            { ...failedResultFixture, nonconformity: { id: failedResultFixture.id, code: 'NC-3' } },
          ],
        },
      }).fetch,
    );
    renderApp('/controls/A.5.15');
    const results = await screen.findByRole('region', { name: 'Results' }, slow);
    expect(
      within(results).getByRole('link', { name: 'Nonconformity NC-3' }).getAttribute('href'),
    ).toBe(`/corrective-actions/${failedResultFixture.id}`);
    expect(within(results).queryByRole('button', { name: 'Raise nonconformity' })).toBeNull();
  });
});
