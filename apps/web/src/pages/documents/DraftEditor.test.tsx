import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { DraftEditor } from './DraftEditor';
import { DOC_ID, detail, V2, version } from './fixtures';

const draft = version({ status: 'draft', issuedAt: null, policyFields: null });

describe('draft editor: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts a refused policy field on its input, labelled, with no raw path', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`PATCH /api/v1/documents/${DOC_ID}/versions/${V2}`]: problem(
        422,
        'Check the values entered.',
        {
          errors: [
            {
              field: 'policyFields.obligationsConsidered',
              code: 'field_required',
              message: 'Required.',
            },
            { field: 'attachments', code: 'invalid', message: 'Not allowed.' },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DraftEditor doc={detail({ ismsPolicy: true, working: draft })} />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Summary of changes' }), {
      target: { value: 'Yearly review' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const obligations = screen.getByRole('textbox', {
      name: /^Business, legal and contractual obligations considered/,
    });
    await vi.waitFor(() => expect(obligations.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Not allowed.')).toBeTruthy();
    const alerts = screen
      .getAllByRole('alert')
      .map((a) => a.textContent)
      .join(' ');
    expect(alerts).not.toContain('policyFields');
  });
});
