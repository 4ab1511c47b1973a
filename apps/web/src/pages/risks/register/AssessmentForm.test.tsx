import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { method, risk } from '../fixtures';
import { AssessmentForm } from './AssessmentForm';

const assessed = risk(1, {
  controls: [{ controlId: '7.1.3', role: 'existing', justification: 'Fire doors' }],
});

describe('risk assessment form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("marks the notes and the existing control's note, with no raw path", async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`PATCH /api/v1/risks/${assessed.id}`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'body.notes', code: 'too_big', message: 'Too long.' },
          {
            field: 'existingControls.0.justification',
            code: 'too_big',
            message: 'Note too long.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<AssessmentForm risk={assessed} method={method().definition} editable />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save changes' }));

    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await vi.waitFor(() => expect(notes.getAttribute('aria-invalid')).toBe('true'));
    const note = screen.getByRole('textbox', { name: 'How it is in place: 7.1.3' });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Note too long.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('existingControls');
  });
});
