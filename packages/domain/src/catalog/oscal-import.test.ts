import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { DomainError } from '../errors.ts';
import { grantsOf } from '../identity/permissions.ts';
import { exportLibrary } from './export.ts';
import { importLibrary } from './import-library.ts';
import { getControl } from './service.ts';

/** Another tool's OSCAL catalog: statement items, a param, links, a reference resource. */
function catalog() {
  return {
    catalog: {
      uuid: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      metadata: {
        title: 'Example Security and Privacy Controls for Testing Round Trips of Catalogs',
        'last-modified': '2024-05-01T00:00:00Z',
        version: '1.0',
        'oscal-version': '1.1.2',
        roles: [{ id: 'creator', title: 'Creator' }],
      },
      groups: [
        {
          id: 'ac',
          class: 'family',
          title: 'Access Control',
          controls: [
            {
              id: 'ac-1',
              class: 'SP800-53',
              title: 'Policy',
              params: [
                {
                  id: 'ac-1_prm_1',
                  label: 'personnel or roles',
                  guidelines: [{ prose: 'who receives the policy' }],
                },
              ],
              props: [
                { name: 'label', value: 'AC-1' },
                { name: 'sort-id', value: 'ac-01' },
              ],
              links: [
                { href: '#ac-2', rel: 'related' },
                { href: '#6a1b2c3d-0000-4000-8000-000000000001', rel: 'reference' },
              ],
              parts: [
                {
                  id: 'ac-1_smt',
                  name: 'statement',
                  parts: [
                    {
                      id: 'ac-1_smt.a',
                      name: 'item',
                      props: [{ name: 'label', value: 'a.' }],
                      prose: 'Give the policy to {{ insert: param, ac-1_prm_1 }}:',
                      parts: [
                        {
                          id: 'ac-1_smt.a.1',
                          name: 'item',
                          props: [{ name: 'label', value: '1.' }],
                          prose: 'in writing.',
                        },
                      ],
                    },
                  ],
                },
                { id: 'ac-1_gdn', name: 'guidance', prose: 'Keep it short.' },
              ],
            },
            { id: 'ac-2', title: 'Accounts', props: [{ name: 'label', value: 'AC-2' }] },
          ],
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: '6a1b2c3d-0000-4000-8000-000000000001',
            title: 'A cited guide',
            rlinks: [{ href: 'https://example.org/guide' }],
          },
        ],
      },
    },
  };
}

const ID = 'example-security-and-privacy-controls-for-testing-round';

describeEachDatabase('importing another tool’s OSCAL catalog', (ctx) => {
  const db = () => ctx.database.db;
  let context: RequestContext;

  beforeAll(async () => {
    const org = (await insertOrganization(db(), { name: 'OSCAL', defaultLocale: 'en' })).id;
    const user = await insertUser(db(), {
      organizationId: org,
      email: `manager-${org}@example.com`,
      displayName: 'Manager',
      passwordHash: 'x',
      roles: ['isms_manager'],
    });
    context = {
      actor: {
        kind: 'user',
        userId: user.id,
        organizationId: org,
        displayName: 'Manager',
        roles: ['isms_manager'],
        grants: grantsOf(['isms_manager']),
        locale: 'en',
      },
      requestId: 'req-oscal',
    };
  });

  it('gives a title-made ID a suffix when the organization has it already; a chosen ID is refused', async () => {
    const first = await importLibrary(db(), context, catalog());
    expect(first.id).toBe(ID);
    const second = await importLibrary(db(), context, catalog());
    expect(second.id).toBe(`${ID}-2`);
    await expect(importLibrary(db(), context, catalog(), { libraryId: ID })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'catalog_id_taken',
    );
  });

  it('serves the control with its statement items, param guidelines and links', async () => {
    const control = await getControl(db(), context, ID, 'ac-1');
    expect(control.summary).toEqual({
      en: 'a. Give the policy to [personnel or roles]:\n  1. in writing.',
    });
    expect(control.params).toEqual([
      {
        id: 'ac-1_prm_1',
        label: { en: 'personnel or roles' },
        guidelines: ['who receives the policy'],
      },
    ]);
    expect(control.parts).toEqual([
      {
        id: 'ac-1_smt',
        name: 'statement',
        parts: [
          {
            id: 'ac-1_smt.a',
            name: 'item',
            label: 'a.',
            prose: 'Give the policy to {{ insert: param, ac-1_prm_1 }}:',
            parts: [{ id: 'ac-1_smt.a.1', name: 'item', label: '1.', prose: 'in writing.' }],
          },
        ],
      },
      { id: 'ac-1_gdn', name: 'guidance', prose: 'Keep it short.' },
    ]);
    expect(control.links).toEqual([
      { href: '#ac-2', rel: 'related' },
      {
        href: '#6a1b2c3d-0000-4000-8000-000000000001',
        rel: 'reference',
        resource: { title: 'A cited guide', href: 'https://example.org/guide' },
      },
    ]);
    const plain = await getControl(db(), context, ID, 'ac-2');
    expect(plain.parts).toBeUndefined();
  });

  it('exports the stored library as the catalog it came from, IDs unchanged', async () => {
    const out = await exportLibrary(db(), context, ID, { format: 'oscal', locale: 'en' });
    const { catalog: exported } = JSON.parse(out.body);
    const { catalog: original } = catalog();
    expect(exported.groups).toEqual(original.groups);
    expect(exported['back-matter']).toEqual(original['back-matter']);
    const { 'last-modified': _a, ...meta } = exported.metadata;
    const { 'last-modified': _b, ...originalMeta } = original.metadata;
    expect(meta).toEqual(originalMeta);
  });
});
