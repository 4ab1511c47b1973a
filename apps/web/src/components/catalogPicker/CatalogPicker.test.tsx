import { MantineProvider } from '@mantine/core';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../i18n';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../App';
import type { CatalogControl } from '../../api/catalog';
import { iso2022Tree } from '../../test/catalogEditionFixtures';
import { complianceHit, jipdecTree } from '../../test/catalogFixtures';
import { fakeApi } from '../../test/fakeApi';
import { CatalogPicker, CatalogSelect } from './CatalogPicker';
import { nodeLabel, shownId } from './useCatalogOptions';

const TREE = '/api/v1/catalogs/jipdec-isms-2.0';
const clause: CatalogControl = {
  ...complianceHit,
  id: '4.2.1',
  displayId: '第4 2.(1)',
  title: { ja: 'ISMSの確立', en: 'Establish the ISMS' },
  ancestors: [],
  objective: null,
  domain: null,
};

function serve() {
  const api = fakeApi({
    [`GET ${TREE}`]: jipdecTree,
    [`GET ${TREE}/controls`]: (request) => ({
      body: {
        items: request.query.get('namespace') === 'requirement' ? [clause] : [complianceHit],
        nextCursor: null,
      },
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

function Harness({ initial = [] as string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <CatalogPicker namespace="control" label="Controls" value={value} onChange={setValue} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

function renderPicker(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={client}>
      {/* Mantine's test environment: no transitions, so the dropdown shows at once. */}
      <MantineProvider env="test">{ui}</MantineProvider>
    </AppProviders>,
  );
}

describe('catalog picker', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('names nodes by display ID in Japanese and by the ISO-style ID in English, with the title in the language', () => {
    expect(shownId(complianceHit, 'ja')).toBe('12(1)⑥');
    expect(nodeLabel(complianceHit, 'ja')).toBe('12(1)⑥ 暗号に関する規制');
    expect(nodeLabel(complianceHit, 'en')).toBe('A.12.1.6 Regulation of cryptographic controls');
  });

  it('searches the server as the user types and keeps the picked ID as the value', async () => {
    const api = serve();
    await i18n.changeLanguage('ja');
    renderPicker(<Harness />);
    const input = screen.getByLabelText('Controls', { selector: 'input' });
    input.focus();
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: '暗号' } });
    // The typed words reach the server (after the picker's short debounce)…
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) =>
            c.path === `${TREE}/controls` &&
            c.query.get('q') === '暗号' &&
            c.query.get('namespace') === 'control',
        ),
      ).toBe(true),
    );
    // …and the picked option's ID is the value.
    fireEvent.click(await screen.findByRole('option', { name: '12(1)⑥ 暗号に関する規制' }));
    expect(screen.getByTestId('value').textContent).toBe('12.1.6');
  });

  it('labels a value chosen earlier from the cached catalog tree', async () => {
    serve();
    renderPicker(<Harness initial={['3.1.1']} />);
    expect(await screen.findByText('A.3.1.1 Information security policy document')).toBeTruthy();
  });

  it('picks one requirement clause', async () => {
    serve();
    const onChange = vi.fn();
    renderPicker(
      <CatalogSelect namespace="requirement" label="Clause" value={null} onChange={onChange} />,
    );
    const input = screen.getByLabelText('Clause', { selector: 'input' });
    input.focus();
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: '4.2.1' } });
    fireEvent.click(await screen.findByRole('option', { name: '4.2.1 Establish the ISMS' }));
    expect(onChange).toHaveBeenCalledWith('4.2.1', expect.anything());
  });

  it('picks from another library when named, in that library’s numbering', async () => {
    const base = '/api/v1/catalogs/iso-iec-27001-2022';
    const clause4 = iso2022Tree.requirements[0]!;
    const api = fakeApi({
      [`GET ${base}`]: iso2022Tree,
      [`GET ${base}/controls`]: {
        items: [{ ...clause, id: clause4.id, displayId: clause4.displayId, title: clause4.title }],
        nextCursor: null,
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const onChange = vi.fn();
    renderPicker(
      <>
        <CatalogSelect
          libraryId="iso-iec-27001-2022"
          namespace="requirement"
          label="Clause"
          value={null}
          onChange={onChange}
        />
        <CatalogPicker
          libraryId="iso-iec-27001-2022"
          namespace="control"
          label="Controls"
          value={['8.24']}
          onChange={() => undefined}
        />
      </>,
    );
    // A chosen control is named from the 2022 tree, not Ver.2.0's.
    expect(await screen.findByText('A.8.24 Use of cryptography')).toBeTruthy();
    const input = screen.getByLabelText('Clause', { selector: 'input' });
    input.focus();
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: '4' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Clause 4 Organizational context' }));
    expect(onChange).toHaveBeenCalledWith('4', expect.anything());
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/catalogs/jipdec'))).toBe(false);
    expect(nodeLabel(clause4, 'ja')).toBe('箇条4 組織を取り巻く状況');
  });
});
