import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import type { RiskMethodDefinition } from '../api/methods';
import { method, previewOf } from '../fixtures';
import { MethodForm } from './MethodForm';

const draft = method();

describe('risk method form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts the errors on the name, the bands and the acceptable level, with no raw path', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/risk-methods/preview': ({ body }) => ({
        body: previewOf(body as RiskMethodDefinition),
      }),
      [`PATCH /api/v1/risk-methods/${draft.id}`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'body.name', code: 'too_big', message: 'Name too long.' },
          { field: 'body.definition.acceptableLevel', code: 'too_big', message: 'Too high.' },
          { field: 'body.definition.bands.1.color', code: 'invalid', message: 'Not a colour.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<MethodForm method={draft} editable />);
    const name = await screen.findByRole('textbox', { name: /^Method name|^Name/ });
    fireEvent.change(name, { target: { value: 'Renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Name too long.')).toBeTruthy();
    expect(screen.getByText('Too high.')).toBeTruthy();
    expect(screen.getByText('Not a colour.')).toBeTruthy();
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).not.toContain('definition.');
  });
});
