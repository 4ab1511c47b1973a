import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { assetFixture } from '../assets/assetFixtures';
import { managerSession, reportedIncident, statisticsFixture, unitId } from './fixtures';

const slow = { timeout: 20_000 };
const server = assetFixture(2, { code: 'SRV-01', name: 'Web server' });

/** Opens a Mantine select by its label and picks the option (jsdom styles the list hidden). */
async function pick(dialog: HTMLElement, label: string, option: string, type?: string) {
  const input = within(dialog)
    .getAllByLabelText(label)
    .find((element) => element.tagName === 'INPUT' && element.getAttribute('type') !== 'hidden')!;
  fireEvent.click(input);
  if (type) fireEvent.change(input, { target: { value: type } });
  const listbox = await waitFor(() =>
    document.getElementById(input.getAttribute('aria-controls')!)!,
  );
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

describe('reporting as a reader of the scope', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports a malfunction with its unit and an asset found by search', async () => {
    const reports: FakeRequest[] = [];
    const searches: string[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incident-statistics': statisticsFixture,
        'GET /api/v1/org-units': {
          items: [{ id: unitId, code: 'S-01', name: 'Sales', active: true }],
          nextCursor: null,
        },
        'GET /api/v1/locations': { items: [], nextCursor: null },
        'GET /api/v1/assets': (request) => {
          searches.push(request.query.get('q') ?? '');
          return { body: { items: request.query.get('q') ? [server] : [], nextCursor: null } };
        },
        'POST /api/v1/incidents': (request) => {
          reports.push(request);
          return {
            status: 201,
            body: { incident: reportedIncident('Mail relay down'), merged: false },
          };
        },
      }).fetch,
    );
    // Any page: the header is the same everywhere (here the not-found page).
    renderApp('/no-such-page');
    fireEvent.click(await screen.findByRole('button', { name: 'Report an incident' }, slow));
    await screen.findByRole('textbox', { name: /Short title/ }, slow);
    const dialog = screen.getByRole('dialog', { name: 'Report an incident' });
    // On a wide screen the form is a normal dialog.
    expect(dialog.closest('[data-full-screen]')).toBeNull();
    await pick(dialog, 'What kind of event is it?', 'Malfunction');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Short title/ }), {
      target: { value: 'Mail relay down' },
    });
    await pick(dialog, 'Unit', 'Sales');
    await pick(dialog, 'Assets involved', 'SRV-01 Web server', 'SRV');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Handle confidentially/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(
      await within(dialog).findByText('Report INC-0007 was sent. Thank you.', {}, slow),
    ).toBeTruthy();
    expect(searches).toContain('SRV');
    expect(reports[0]!.body).toEqual(
      expect.objectContaining({
        type: 'malfunction',
        title: 'Mail relay down',
        unitId,
        locationId: null,
        assetIds: [server.id],
        confidential: true,
        personalData: false,
      }),
    );
  });
});
