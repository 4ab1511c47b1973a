import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogRoutes, encryptionDetail } from '../../test/catalogFixtures';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const band = { index: 3, label: { ja: '高', en: 'High' }, color: '#e03131' };
const risk = (n: number, roles: ('existing' | 'selected')[]) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  title: `Asset ${n} × Threat ${n}`,
  code: `R-00000${n}`,
  asset: {
    id: `00000000-0000-4000-8000-00000000020${n}`,
    code: `A-${n}`,
    name: `Mail server ${n}`,
  },
  threat: {
    id: `00000000-0000-4000-8000-00000000030${n}`,
    code: `T-${n}`,
    name: { ja: `マルウェア ${n}`, en: `Malware ${n}` },
  },
  level: band,
  value: 18,
  roles,
  status: 'in_treatment' as const,
  treatmentOption: 'apply_controls' as const,
});

/** 10.3.2 used by risks (20 of 1,234 shown), the latest statement and a procedure. */
const usedDetail = {
  ...encryptionDetail,
  usage: {
    risks: [risk(1, ['existing', 'selected']), risk(2, ['existing'])],
    soa: [
      {
        id: '00000000-0000-4000-8000-000000000401',
        title: 'Statement of Applicability (scope v1)',
        versionId: '00000000-0000-4000-8000-000000000402',
        versionNumber: 2,
        versionStatus: 'approved' as const,
        applicable: true,
        proposed: false,
        implementationStatus: 'partial' as const,
        justification: 'Mail carries customer data.',
      },
    ],
    documents: [
      {
        id: '00000000-0000-4000-8000-000000000501',
        title: 'Encryption procedure',
        code: 'PR-007',
        type: 'procedure' as const,
        status: 'issued' as const,
        currentRevision: 3,
      },
    ],
    totals: { risks: 1234, documents: 1 },
    hidden: [],
  },
};

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
      await screen.findByRole('heading', { level: 1, name: 'A.10.3.2 Encryption' }),
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

  it('lists the risks, the statement entry and the documents with links and counts', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        ...catalogRoutes(),
        'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.2': usedDetail,
      }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');

    const risks = await screen.findByRole('region', { name: 'Risks' });
    expect(within(risks).getByRole('link', { name: 'R-000001' }).getAttribute('href')).toBe(
      `/risks?risk=${usedDetail.usage.risks[0]!.id}`,
    );
    expect(within(risks).getByText('Mail server 1 × Malware 1')).toBeTruthy();
    expect(within(risks).getByText('Existing control · Selected to treat')).toBeTruthy();
    expect(within(risks).getAllByText('High')).toHaveLength(2);
    expect(within(risks).getAllByText('In treatment')).toHaveLength(2);
    expect(within(risks).getByText('1,234')).toBeTruthy();
    expect(within(risks).getByText('Showing 2 of 1,234')).toBeTruthy();

    const soa = screen.getByRole('region', { name: 'Statement of applicability' });
    expect(
      within(soa)
        .getByRole('link', {
          name: 'Statement of Applicability (scope v1), version 2 (Approved)',
        })
        .getAttribute('href'),
    ).toBe('/statement-of-applicability?control=10.3.2');
    expect(within(soa).getByText('Applicable')).toBeTruthy();
    expect(within(soa).getByText('Partly implemented')).toBeTruthy();
    expect(within(soa).getByText('Mail carries customer data.')).toBeTruthy();

    const documents = screen.getByRole('region', { name: 'Documents' });
    expect(
      within(documents)
        .getByRole('link', { name: 'PR-007 Encryption procedure' })
        .getAttribute('href'),
    ).toBe('/documents/00000000-0000-4000-8000-000000000501');
    expect(within(documents).getByText('Procedure')).toBeTruthy();
    expect(within(documents).getByText('Revision 3')).toBeTruthy();
    // Every item fits: no "showing" line.
    expect(within(documents).queryByText(/^Showing/)).toBeNull();
  });

  it('says which lists the role may not read', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('staff')),
        ...catalogRoutes(),
        'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.2': {
          ...usedDetail,
          usage: {
            ...usedDetail.usage,
            risks: [],
            soa: [],
            totals: { risks: 0, documents: 1 },
            hidden: ['risks', 'soa'],
          },
        },
      }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');

    const risks = await screen.findByRole('region', { name: 'Risks' });
    expect(within(risks).getByText('Your role does not include reading this list.')).toBeTruthy();
    const soa = screen.getByRole('region', { name: 'Statement of applicability' });
    expect(within(soa).getByText('Your role does not include reading this list.')).toBeTruthy();
    const documents = screen.getByRole('region', { name: 'Documents' });
    expect(
      within(documents).getByRole('link', { name: 'PR-007 Encryption procedure' }),
    ).toBeTruthy();
  });

  it('lists withdrawn documents too once the switch asks for them', async () => {
    const asked: (string | null)[] = [];
    const withdrawn = {
      id: '00000000-0000-4000-8000-000000000502',
      title: 'Old encryption procedure',
      code: 'PR-003',
      type: 'procedure' as const,
      status: 'obsolete' as const,
      currentRevision: 2,
    };
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        ...catalogRoutes(),
        'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.2': ({ query }) => {
          asked.push(query.get('includeObsolete'));
          return {
            body:
              query.get('includeObsolete') === 'true'
                ? {
                    ...usedDetail,
                    usage: {
                      ...usedDetail.usage,
                      documents: [...usedDetail.usage.documents, withdrawn],
                      totals: { risks: 1234, documents: 2 },
                    },
                  }
                : usedDetail,
          };
        },
      }).fetch,
    );
    renderApp('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');

    const documents = await screen.findByRole('region', { name: 'Documents' });
    expect(within(documents).queryByRole('link', { name: /PR-003/ })).toBeNull();
    expect(asked).toEqual([null]);
    fireEvent.click(within(documents).getByRole('switch', { name: 'Include obsolete documents' }));
    expect(
      await within(documents).findByRole('link', { name: 'PR-003 Old encryption procedure' }),
    ).toBeTruthy();
    expect(within(documents).getByText('Obsolete')).toBeTruthy();
    expect(within(documents).getByText('2')).toBeTruthy();
    expect(asked).toEqual([null, 'true']);
    // Switched off, the list is the control's own again.
    fireEvent.click(within(documents).getByRole('switch', { name: 'Include obsolete documents' }));
    expect(within(documents).queryByRole('link', { name: /PR-003/ })).toBeNull();
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
