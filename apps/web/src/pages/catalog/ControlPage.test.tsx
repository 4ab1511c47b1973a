import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogRoutes } from '../../test/catalogFixtures';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

describe('control page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows our summary, the licensed text beside it, the objective and domain, and where it is used', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    // The address as the app links it: dots escaped, decoded by the router.
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');

    expect(
      await screen.findByRole('heading', { level: 1, name: '10(3)② Encryption' }),
    ).toBeTruthy();
    const summary = screen.getByRole('region', { name: "Mamoru's summary" });
    expect(within(summary).getByText('Encrypt sensitive information.')).toBeTruthy();
    expect(within(summary).getByText('機微な情報は暗号化する。')).toBeTruthy();
    const official = screen.getByRole('region', {
      name: 'Official text licensed to Example Corp',
    });
    expect(within(official).getByText('[Official] Use encryption.')).toBeTruthy();

    const context = screen.getByRole('region', { name: 'Control objective and domain' });
    expect(within(context).getByText('Cryptographic controls')).toBeTruthy();
    // The objective's statement comes from the tree.
    expect(
      await within(context).findByText('To protect the confidentiality of information.'),
    ).toBeTruthy();
    expect(within(context).getByText('Systems development and maintenance')).toBeTruthy();

    const usage = screen.getByRole('region', { name: 'Where it is used' });
    expect(within(usage).getByText(/^No risks yet\./)).toBeTruthy();
    expect(within(usage).getByText(/^Not in a statement of applicability yet\./)).toBeTruthy();
    expect(within(usage).getByText(/^No documents yet\./)).toBeTruthy();

    const crumbs = screen.getByRole('navigation', {
      name: 'Where the control sits in the catalog',
    });
    expect(
      within(crumbs)
        .getByRole('link', { name: 'ISMS Certification Criteria Ver.2.0' })
        .getAttribute('href'),
    ).toBe('/catalog?library=jipdec-isms-2.0');
  });

  it('says when the control does not exist', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/99');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Control not found' }),
    ).toBeTruthy();
    expect(screen.getByText('This catalog has no control 99, or you cannot see it.')).toBeTruthy();
  });
});
