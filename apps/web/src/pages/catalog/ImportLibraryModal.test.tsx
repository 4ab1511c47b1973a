import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogImportPreview } from '@mamoru/contracts';
import { catalogRoutes, managerSession } from '../../test/catalogFixtures';
import { fakeApi, problem, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

function preview(overrides: Partial<CatalogImportPreview> = {}): CatalogImportPreview {
  return {
    format: 'oscal-xml',
    libraryId: 'mini-catalog',
    version: '1.0',
    name: { en: 'Mini catalog' },
    languages: ['en'],
    counts: { groups: 1, controls: 3, requirements: 0, params: 2, parts: 7 },
    warnings: [
      {
        code: 'catalog_warning_xml_skipped',
        message: 'The element <colour> is not part of the OSCAL catalog model and was left out.',
      },
    ],
    conflict: null,
    ...overrides,
  };
}

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Manage' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Import a catalog…' }));
  return screen.findByRole('dialog', { name: 'Import a catalog' });
}

function choose(dialog: HTMLElement, name: string, type: string, content = '<catalog/>') {
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type })] } });
  return input;
}

const button = (dialog: HTMLElement, name: string) =>
  within(dialog).getByRole('button', { name }) as HTMLButtonElement;

describe('the catalog import’s preview step', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('checks the file first, shows what it would import, then imports it', async () => {
    const sent: FakeRequest[] = [];
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      ...catalogRoutes(),
      'POST /api/v1/catalogs/import': (request) => {
        sent.push(request);
        if (request.query.get('dryRun') === 'true') return { body: preview() };
        return {
          status: 201,
          body: {
            id: 'mini-catalog',
            name: { en: 'Mini catalog' },
            counts: { controls: 3, requirements: 0 },
          },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/catalog');
    const dialog = await openDialog();

    const input = choose(dialog, 'picture.png', 'image/png');
    expect(input.accept.split(',')).toEqual(
      expect.arrayContaining(['.json', '.yaml', '.yml', '.xml']),
    );
    expect(
      await within(dialog).findByText(
        'picture.png is not a catalog file: choose a file ending in .json, .yaml, .yml, .xml.',
      ),
    ).toBeTruthy();
    expect(button(dialog, 'Check the file').disabled).toBe(true);

    choose(dialog, 'mini.xml', 'text/xml');
    expect(button(dialog, 'Import').disabled).toBe(true);
    fireEvent.click(button(dialog, 'Check the file'));
    const region = await within(dialog).findByRole('region', {
      name: 'What the file would import',
    });
    expect(within(region).getByText('OSCAL catalog (XML)')).toBeTruthy();
    expect(within(region).getByText('Mini catalog (mini-catalog, version 1.0)')).toBeTruthy();
    expect(
      within(region).getByRole('row', { name: 'Parts (statements, guidance…) 7' }),
    ).toBeTruthy();
    expect(within(region).getByText(/^The element <colour> is not part/)).toBeTruthy();
    // The dry run sent the file itself, as it is, and wrote nothing.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('content-type')).toBe('text/xml');

    await waitFor(() => expect(button(dialog, 'Import').disabled).toBe(false));
    fireEvent.click(button(dialog, 'Import'));
    expect(await screen.findByText('Catalog imported: Mini catalog')).toBeTruthy();
    expect(sent.map((r) => r.query.get('dryRun'))).toEqual(['true', null]);
  });

  it('lists the server’s reasons at their place, and refuses a taken ID before importing', async () => {
    let dryRuns = 0;
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      ...catalogRoutes(),
      'POST /api/v1/catalogs/import': () => {
        dryRuns++;
        if (dryRuns === 1)
          return problem(422, 'The catalog file is not valid: 1 problem(s)', {
            code: 'catalog_invalid',
            errors: [
              {
                field: '/catalog/group[1]/control[2] (line 81)',
                code: 'catalog_issue',
                message: "must have required property 'title'",
              },
            ],
          });
        return {
          body: preview({
            format: 'ciso-yaml',
            conflict: {
              code: 'catalog_id_taken',
              message: 'Your organization already has a catalog with the ID mini-catalog.',
            },
          }),
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/catalog');
    const dialog = await openDialog();

    choose(dialog, 'broken.xml', 'application/xml');
    fireEvent.click(button(dialog, 'Check the file'));
    const refusal = await within(dialog).findByRole('alert');
    expect(within(refusal).getByText('/catalog/group[1]/control[2] (line 81)')).toBeTruthy();

    choose(dialog, 'framework.yaml', 'application/yaml', 'urn: x');
    fireEvent.click(button(dialog, 'Check the file'));
    expect(
      await within(dialog).findByText(
        'Your organization already has a catalog with the ID mini-catalog.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText('CISO Assistant framework (YAML)')).toBeTruthy();
    expect(button(dialog, 'Import').disabled).toBe(true);

    // Another ID needs a new check before anything is imported.
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Import under another ID/ }), {
      target: { value: 'mini-copy' },
    });
    expect(within(dialog).queryByRole('region', { name: 'What the file would import' })).toBeNull();
    expect(button(dialog, 'Import').disabled).toBe(true);
  });
});
