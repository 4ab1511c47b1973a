import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { ChecklistPanel } from './ChecklistPanel';
import { AUDIT_ID, auditorSession, checklistFixture } from './checklistFixtures';

const base = `/api/v1/audits/${AUDIT_ID}`;
const first = checklistFixture.items[0]!;

function renderPanel(routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    ...signedInRoutes(auditorSession()),
    [`GET ${base}/checklist`]: checklistFixture,
    [`GET ${base}/findings`]: { items: [] },
    'GET /api/v1/files': { items: [], nextCursor: null },
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithProviders(<ChecklistPanel auditId={AUDIT_ID} />);
  return api;
}

async function openResult() {
  fireEvent.click(await screen.findByRole('button', { name: 'Actions for line 1' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Record result' }));
  const dialog = await screen.findByRole('dialog', { name: 'Result: A.9.2.1 User registration' });
  const result = within(dialog).getByRole('combobox', { name: 'Result' });
  result.focus();
  fireEvent.keyDown(result, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByRole('option', { name: 'Minor nonconformity', hidden: true }));
  return dialog;
}

describe('audit checklist panel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows each line with its reference, question, evidence in Mamoru and result', async () => {
    renderPanel();
    expect(await screen.findByText('Is user registration done?')).toBeTruthy();
    expect(screen.getByText('A.9.2.1 User registration')).toBeTruthy();
    expect(screen.getByText('Own question')).toBeTruthy();
    expect(screen.getByText('1 of 2 answered')).toBeTruthy();
    const record = screen.getByRole('link', { name: 'Record：Access review 2026' });
    expect(record.getAttribute('href')).toBe('/records/00000000-0000-4000-8000-00000000d001');
    expect(screen.getByRole('link', { name: 'SoA entry' }).getAttribute('href')).toBe(
      '/statement-of-applicability?control=9.2.1',
    );
    expect(screen.getByText('Conform')).toBeTruthy();
    expect(screen.getByText('Not answered')).toBeTruthy();
  });

  it('records a nonconformity with its finding, sending the version read', async () => {
    let sent: { body: unknown; ifMatch: string | null } | undefined;
    renderPanel({
      [`PUT ${base}/checklist/lines/${first.id}/result`]: (request) => {
        sent = { body: request.body, ifMatch: request.headers.get('if-match') };
        return { body: { ...first, result: 'minor_nc', version: 2 } };
      },
    });
    const dialog = await openResult();
    expect(within(dialog).getByText('This result raises a finding of the audit.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Notes' }), {
      target: { value: 'Two leavers still active' },
    });
    fireEvent.change(within(dialog).getByLabelText('Correct by'), {
      target: { value: '2026-05-31' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Record：Access review 2026' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save result' }));
    await vi.waitFor(() => expect(sent).toBeDefined());
    expect(sent!.ifMatch).toBe('"1"');
    expect(sent!.body).toEqual({
      result: 'minor_nc',
      notes: 'Two leavers still active',
      evidence: [
        { type: 'record', id: '00000000-0000-4000-8000-00000000d001', label: 'Access review 2026' },
      ],
      finding: { description: '', unitId: null, dueDate: '2026-05-31' },
    });
  });

  it('marks the finding fields a refused result (422) names', async () => {
    renderPanel({
      [`PUT ${base}/checklist/lines/${first.id}/result`]: problem(
        422,
        'Check the values entered.',
        {
          errors: [
            {
              field: 'finding.description',
              code: 'audit_finding_description_required',
              message: 'A finding needs a description.',
            },
            { field: 'body.finding.dueDate', code: 'invalid_date', message: 'Not a date.' },
          ],
        },
      ),
    });
    const dialog = await openResult();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save result' }));
    const description = await within(dialog).findByRole('textbox', { name: 'Finding' });
    await vi.waitFor(() => expect(description.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('A finding needs a description.')).toBeTruthy();
    expect(within(dialog).getByText('Not a date.')).toBeTruthy();
  });

  it('uploads an evidence file of the line into the evidence store', async () => {
    const api = renderPanel({
      'POST /api/v1/files': {
        status: 201,
        body: { id: '00000000-0000-4000-8000-0000000000f1', originalName: 'log.pdf' },
      },
    });
    const dialog = await openResult();
    expect(within(dialog).getByText('No files yet')).toBeTruthy();
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'log.pdf')] } });
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/files')).toBe(true),
    );
    const sent = api.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/files')!;
    expect(sent.query.get('ownerType')).toBe('audit_checklist_line');
    expect(sent.query.get('ownerId')).toBe(first.id);
  });

  it('offers generation when the checklist is empty', async () => {
    const api = renderPanel({
      [`GET ${base}/checklist`]: { ...checklistFixture, auditStatus: 'planned', items: [] },
      [`POST ${base}/checklist/generate`]: { added: 12, checklist: checklistFixture },
    });
    expect(await screen.findByText('No checklist yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import filled XLSX' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Generate from the scope' }));
    expect(await screen.findByText('12 lines added from the scope')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/generate'))).toBe(true);
  });
});
