import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogControlDetail } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { addOrganization, setupOrganization, type Client } from '../testing/identity.ts';

/** Another tool's OSCAL catalog, NIST-shaped: statement items, a param, links, back-matter. */
function catalog() {
  return {
    catalog: {
      uuid: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      metadata: {
        title: 'Lossless OSCAL Catalog Served Through the API',
        'last-modified': '2024-05-01T00:00:00Z',
        version: '1',
        'oscal-version': '1.1.2',
        props: [{ name: 'resolution-tool', value: 'test' }],
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
              params: [{ id: 'ac-1_prm_1', label: 'roles', guidelines: [{ prose: 'who' }] }],
              props: [
                { name: 'label', value: 'AC-1' },
                { name: 'sort-id', value: 'ac-01' },
              ],
              links: [{ href: '#8e000000-0000-4000-8000-000000000001', rel: 'reference' }],
              parts: [
                {
                  id: 'ac-1_smt',
                  name: 'statement',
                  parts: [
                    {
                      id: 'ac-1_smt.a',
                      name: 'item',
                      props: [{ name: 'label', value: 'a.' }],
                      prose: 'Tell {{ insert: param, ac-1_prm_1 }}.',
                    },
                  ],
                },
                {
                  id: 'ac-1_obj',
                  name: 'assessment-objective',
                  props: [{ name: 'label', class: 'sp800-53a', value: 'AC-01' }],
                  prose: 'the policy is told;',
                },
              ],
            },
          ],
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: '8e000000-0000-4000-8000-000000000001',
            title: 'Guide',
            citation: { text: 'Guide, 2020.' },
          },
        ],
      },
    },
  };
}

const ID = 'lossless-oscal-catalog-served-through-the-api';

describeEachDatabase('catalog API with a lossless OSCAL import', (ctx) => {
  let app: App;
  let admin: Client;
  let adminB: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    ({ admin: adminB } = await addOrganization(app));
  });
  afterAll(() => app.close());

  it('serves statement items, param guidelines and links, and exports the original back', async () => {
    const res = await admin.post('/api/v1/catalogs/import', catalog());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().id).toBe(ID);

    const control = (
      await admin.get(`/api/v1/catalogs/${ID}/controls/ac-1`)
    ).json<CatalogControlDetail>();
    expect(control.params[0]).toMatchObject({ id: 'ac-1_prm_1', guidelines: ['who'] });
    expect(control.parts?.[0]).toEqual({
      id: 'ac-1_smt',
      name: 'statement',
      parts: [
        {
          id: 'ac-1_smt.a',
          name: 'item',
          label: 'a.',
          prose: 'Tell {{ insert: param, ac-1_prm_1 }}.',
        },
      ],
    });
    expect(control.parts?.[1]).toMatchObject({ name: 'assessment-objective', label: 'AC-01' });
    expect(control.links).toEqual([
      {
        href: '#8e000000-0000-4000-8000-000000000001',
        rel: 'reference',
        resource: { title: 'Guide' },
      },
    ]);

    const exported = await admin.get(`/api/v1/catalogs/${ID}/export`, {
      query: { format: 'oscal', locale: 'en' },
    });
    const { catalog: back } = JSON.parse(exported.body);
    const { catalog: original } = catalog();
    expect(back.groups).toEqual(original.groups);
    expect(back['back-matter']).toEqual(original['back-matter']);
    expect(back.metadata.props).toEqual(original.metadata.props);
  });

  it('imports the same catalog again under a suffixed ID', async () => {
    const res = await admin.post('/api/v1/catalogs/import', catalog());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().id).toBe(`${ID}-2`);
  });

  it('keeps the imported control from another organization', async () => {
    const res = await adminB.get(`/api/v1/catalogs/${ID}/controls/ac-1`);
    expect(res.statusCode).toBe(404);
    // Its own import of the same catalog takes the unsuffixed ID: IDs are per organization.
    const own = await adminB.post('/api/v1/catalogs/import', catalog());
    expect(own.json().id).toBe(ID);
  });
});
