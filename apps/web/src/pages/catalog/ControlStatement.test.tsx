import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogControlDetail } from '@mamoru/contracts';
import { catalogRoutes, encryptionDetail } from '../../test/catalogFixtures';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

/** 10.3.2 as an OSCAL import would serve it: statement items, params, guidance parts, links. */
const imported: CatalogControlDetail = {
  ...encryptionDetail,
  official: null,
  guidance: { en: 'Keys matter [Assignment: key custodian].' },
  params: [
    { id: 'sc-1_prm_1', label: { en: 'key custodian' }, guidelines: ['who holds the keys'] },
    {
      id: 'sc-1_prm_2',
      select: { howMany: 'one-or-more', choice: ['at rest', ' in transit '] },
    },
    { id: 'sc-1_prm_3', label: { en: 'frequency' }, values: ['annually'] },
  ],
  parts: [
    {
      id: 'sc-1_smt',
      name: 'statement',
      prose: 'The organization:',
      parts: [
        {
          id: 'sc-1_smt.a',
          name: 'item',
          label: 'a.',
          prose: 'Encrypts data {{ insert: param, sc-1_prm_2 }}:',
          parts: [
            {
              id: 'sc-1_smt.a.1',
              name: 'item',
              label: '1.',
              prose: 'with keys held by {{ insert: param, sc-1_prm_1 }}; and',
            },
          ],
        },
        {
          id: 'sc-1_smt.b',
          name: 'item',
          label: 'b.',
          prose: 'Rotates keys {{ insert: param, sc-1_prm_3 }}.',
        },
      ],
    },
    { id: 'sc-1_gdn', name: 'guidance', prose: 'Keys matter {{ insert: param, sc-1_prm_1 }}.' },
    { id: 'sc-1_obj', name: 'assessment-objective', prose: 'Not shown on this page.' },
  ],
  links: [
    { href: '#10.3.1', rel: 'related' },
    {
      href: '#0b5c1a5e-0000-4000-8000-000000000001',
      rel: 'reference',
      resource: { title: 'Example Crypto Guide', href: 'https://example.org/crypto' },
    },
    { href: 'javascript:alert(1)', rel: 'reference', text: 'Not a web address' },
  ],
};

describe('control page of an imported OSCAL control', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows statement items with labels, parameters as placeholders, guidance and links', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('staff')),
        ...catalogRoutes(),
        'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.2': imported,
      }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');

    const statement = await screen.findByRole('region', { name: 'Statement' });
    expect(within(statement).getByText('The organization:')).toBeTruthy();
    const items = within(statement).getAllByRole('list')[0]!;
    const a = within(items).getAllByRole('listitem')[0]!;
    expect(within(a).getByText('a.')).toBeTruthy();
    // Item 1. is nested inside item a.
    const nested = within(a).getByRole('list');
    expect(within(nested).getByText('1.')).toBeTruthy();
    expect(a.textContent).toContain(
      'a.Encrypts data Selection (one or more): at rest / in transit:1.with keys held by Assignment: key custodian; and',
    );
    const placeholder = within(nested).getByText('Assignment: key custodian');
    expect(placeholder.getAttribute('data-param')).toBe('sc-1_prm_1');
    expect(within(statement).getByText('annually').getAttribute('data-param')).toBe('sc-1_prm_3');
    expect(statement.textContent).not.toContain('{{');
    expect(statement.textContent).not.toContain('Not shown on this page.');

    const guidance = screen.getByRole('region', { name: 'Guidance' });
    expect(within(guidance).getByText('Assignment: key custodian')).toBeTruthy();

    const params = screen.getByRole('region', { name: 'Parameters' });
    expect(within(params).getByText('who holds the keys')).toBeTruthy();

    const links = screen.getByRole('region', { name: 'Related controls and references' });
    expect(within(links).getByRole('link', { name: '10.3.1' }).getAttribute('href')).toBe(
      '/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E1',
    );
    expect(
      within(links).getByRole('link', { name: 'Example Crypto Guide' }).getAttribute('href'),
    ).toBe('https://example.org/crypto');
    expect(within(links).getAllByText('Reference')).toHaveLength(2);
    expect(within(links).getByText('Related')).toBeTruthy();
    // An address that is not a web address stays text.
    expect(within(links).queryByRole('link', { name: 'Not a web address' })).toBeNull();
    expect(within(links).getByText('Not a web address')).toBeTruthy();
  });

  it('keeps the plain summary for a control without OSCAL parts', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');
    expect(await screen.findByRole('region', { name: "Mamoru's summary" })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Statement' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Related controls and references' })).toBeNull();
  });
});
