import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../test/fakeApi';
import { renderApp } from '../test/render';

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function setupApi(extra = {}) {
  return fakeApi({
    'GET /api/v1/setup': { needed: true },
    'GET /api/v1/auth/session': () => problem(401, 'You are not signed in.'),
    ...extra,
  });
}

async function fillForm(password: string) {
  await screen.findByRole('heading', { level: 1, name: 'Set up Mamoru' });
  fill(/Organization name/, 'Example Corp');
  fill(/Your name/, 'Aiko Admin');
  fill(/Email address/, 'aiko@example.com');
  fill(/^Password/, password);
}

describe('first-run set-up page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the password rules and refuses a short password before sending', async () => {
    const api = setupApi();
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');
    await fillForm('short');

    const rules = document.getElementById('setup-password-rules')!;
    expect(within(rules).getByText('At least 12 characters')).toBeTruthy();
    expect(
      within(rules).getByText(
        'Hard to guess: no common password, no word with digits added, no repetition (checked when you submit)',
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create organization and sign in' }));
    expect(await screen.findByText('Use at least 12 characters.')).toBeTruthy();
    expect(screen.getByLabelText(/^Password/).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('shows the server’s field error for a common password under the password field (422)', async () => {
    const api = setupApi({
      'POST /api/v1/setup': problem(422, 'The request is not valid.', {
        code: 'validation',
        errors: [
          {
            field: 'password',
            code: 'password_weak',
            message: 'This password is too common; choose one that is harder to guess.',
          },
          { field: 'timezone', code: 'invalid', message: 'Unknown time zone.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/');
    await fillForm('passwordpassword1');
    fireEvent.click(screen.getByRole('button', { name: 'Create organization and sign in' }));

    expect(
      await screen.findByText('This password is too common; choose one that is harder to guess.'),
    ).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The request is not valid.');
    expect(screen.getByLabelText(/^Password/).getAttribute('aria-invalid')).toBe('true');
    // The password's error sits at its input; one the form has no input for is listed, without its path.
    expect(alert.textContent).not.toContain('too common');
    expect(alert.textContent).toContain('Unknown time zone.');
    expect(alert.textContent).not.toContain('timezone');
    const setup = api.calls.find((call) => call.method === 'POST');
    expect(setup?.body).toMatchObject({
      organizationName: 'Example Corp',
      displayName: 'Aiko Admin',
      email: 'aiko@example.com',
      locale: 'en',
    });
  });
});
