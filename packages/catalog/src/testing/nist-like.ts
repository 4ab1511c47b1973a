// Test-only: a small catalog shaped like NIST SP 800-53 rev5 (written for
// the suite, not taken from NIST's files). Every kind of content the import
// must keep appears at least once: groups (nested, one without an ID),
// controls with enhancements, a withdrawn control, statement items nested two
// levels, guidance, assessment objectives / methods / objects, params with
// label, guidelines, values and selections (one inserting another param),
// insertion points, props with namespaces and classes (label, sort-id,
// status), links of several rels, back-matter resources of several shapes
// and catalog-level controls and params.
const RMF = 'http://csrc.nist.gov/ns/rmf';
const REF_POLICY = '0b5c1a5e-0000-4000-8000-000000000001';
const REF_GUIDE = '0b5c1a5e-0000-4000-8000-000000000002';
const REF_FORM = '0b5c1a5e-0000-4000-8000-000000000003';

const label = (value: string, cls?: string) =>
  cls ? { name: 'label', class: cls, value } : { name: 'label', value };
const item = (id: string, lbl: string, prose: string, parts?: object[]) => ({
  id,
  name: 'item',
  props: [label(lbl)],
  prose,
  ...(parts ? { parts } : {}),
});

export function nistLikeCatalog() {
  return {
    catalog: {
      uuid: '5d3b3f3e-1111-4222-8333-444455556666',
      metadata: {
        title: 'Example Security and Privacy Controls for Testing Round Trips of Catalogs',
        'last-modified': '2024-02-03T04:05:06.000000-05:00',
        version: '5.1.1+test',
        'oscal-version': '1.1.2',
        published: '2024-01-01T00:00:00Z',
        props: [{ name: 'resolution-tool', value: 'test suite' }],
        links: [{ href: 'profile.json', rel: 'source-profile' }],
        roles: [{ id: 'creator', title: 'Document Creator' }],
        parties: [
          {
            uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
            type: 'organization',
            name: 'Example Standards Body',
            'email-addresses': ['standards@example.org'],
            addresses: [
              { 'addr-lines': ['1 Example Way'], city: 'Sample', 'postal-code': '00000' },
            ],
          },
        ],
        'responsible-parties': [
          { 'role-id': 'creator', 'party-uuids': ['aaaaaaaa-0000-4000-8000-000000000001'] },
        ],
        remarks: 'Written for the Mamoru test suite.',
      },
      params: [{ id: 'org_freq', label: 'organization-defined frequency' }],
      groups: [
        {
          id: 'ac',
          class: 'family',
          title: 'Access Control',
          parts: [{ id: 'ac_ovw', name: 'overview', title: 'About', prose: 'Who gets in.' }],
          controls: [
            {
              id: 'ac-1',
              class: 'SP800-53',
              title: 'Policy and Procedures',
              params: [
                {
                  id: 'ac-01_odp.01',
                  props: [
                    { name: 'alt-identifier', ns: RMF, value: 'ac-1_prm_1' },
                    { name: 'label', ns: RMF, class: 'sp800-53a', value: 'AC-01_ODP[01]' },
                  ],
                  label: 'personnel or roles',
                  guidelines: [{ prose: 'the personnel or roles to whom the policy goes ' }],
                },
                {
                  id: 'ac-01_odp.02',
                  props: [{ name: 'aggregates', ns: RMF, value: 'ac-01_odp.01' }],
                  select: {
                    'how-many': 'one-or-more',
                    choice: [
                      'organization-level',
                      ' system-level',
                      'every {{ insert: param, org_freq }}',
                    ],
                  },
                },
                { id: 'ac-01_odp.03', label: 'frequency', values: ['annually'] },
              ],
              props: [
                label('AC-1'),
                label('AC-01', 'sp800-53a'),
                { name: 'sort-id', value: 'ac-01' },
              ],
              links: [
                { href: `#${REF_POLICY}`, rel: 'reference' },
                { href: '#ac-2', rel: 'related' },
                { href: '#au-1', rel: 'related', text: 'Audit policy' },
              ],
              parts: [
                {
                  id: 'ac-1_smt',
                  name: 'statement',
                  parts: [
                    item(
                      'ac-1_smt.a',
                      'a.',
                      'Develop and document, for {{ insert: param, ac-01_odp.01 }}:',
                      [
                        item(
                          'ac-1_smt.a.1',
                          '1.',
                          '{{ insert: param, ac-01_odp.02 }} policy that:',
                          [
                            item('ac-1_smt.a.1.a', '(a)', 'Addresses purpose and scope; and'),
                            item(
                              'ac-1_smt.a.1.b',
                              '(b)',
                              'Is consistent with applicable laws; and ',
                            ),
                          ],
                        ),
                        item('ac-1_smt.a.2', '2.', 'Procedures to carry out the policy;'),
                      ],
                    ),
                    item(
                      'ac-1_smt.b',
                      'b.',
                      'Review the policy {{ insert: param, ac-01_odp.03 }}.',
                    ),
                  ],
                },
                {
                  id: 'ac-1_gdn',
                  name: 'guidance',
                  prose: 'Policies shape the rest of the family.',
                  links: [{ href: `#${REF_GUIDE}`, rel: 'reference' }],
                },
                {
                  id: 'ac-1_obj',
                  name: 'assessment-objective',
                  props: [label('AC-01', 'sp800-53a')],
                  parts: [
                    {
                      id: 'ac-1_obj.a-1',
                      name: 'assessment-objective',
                      props: [label('AC-01a.[01]', 'sp800-53a')],
                      prose: 'a policy is developed for {{ insert: param, ac-01_odp.01 }};',
                      links: [{ href: '#ac-1_smt.a', rel: 'assessment-for' }],
                    },
                  ],
                },
                {
                  id: 'ac-1_asm-examine',
                  name: 'assessment-method',
                  props: [
                    { name: 'method', ns: RMF, value: 'EXAMINE' },
                    { name: 'label', class: 'sp800-53a', value: 'AC-01-Examine' },
                  ],
                  parts: [
                    {
                      name: 'assessment-objects',
                      prose: 'Access control policy and procedures',
                      props: [{ name: 'label', value: 'objects' }],
                    },
                  ],
                },
              ],
            },
            {
              id: 'ac-2',
              class: 'SP800-53',
              title: 'Account Management',
              props: [label('AC-2'), { name: 'sort-id', value: 'ac-02' }],
              parts: [{ id: 'ac-2_smt', name: 'statement', prose: 'Manage accounts.' }],
              controls: [
                {
                  id: 'ac-2.1',
                  class: 'SP800-53-enhancement',
                  title: 'Automated Account Management',
                  params: [{ id: 'ac-02.01_odp', label: 'automated mechanisms' }],
                  props: [label('AC-2(1)'), { name: 'sort-id', value: 'ac-02.01' }],
                  links: [{ href: '#ac-2', rel: 'required' }],
                  parts: [
                    {
                      id: 'ac-2.1_smt',
                      name: 'statement',
                      prose: 'Support account management with {{ insert: param, ac-02.01_odp }}.',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          id: 'au',
          class: 'family',
          title: 'Audit and Accountability',
          controls: [
            {
              id: 'au-1',
              class: 'SP800-53',
              title: 'Policy',
              props: [label('AU-1')],
              parts: [{ id: 'au-1_smt', name: 'statement', prose: 'Log what matters.' }],
            },
            {
              id: 'au-15',
              class: 'SP800-53',
              title: 'Alternate Audit Logging Capability',
              props: [label('AU-15'), { name: 'status', value: 'withdrawn' }],
              links: [{ href: '#au-1', rel: 'moved-to' }],
            },
          ],
          groups: [
            {
              title: 'A group without an ID',
              props: [{ name: 'marking', value: 'test' }],
              controls: [{ id: 'au-x', title: 'Loose' }],
            },
          ],
        },
      ],
      controls: [{ id: 'top-1', title: 'Catalog-level control' }],
      'back-matter': {
        resources: [
          {
            uuid: REF_POLICY,
            title: 'Example Policy Handbook',
            citation: { text: 'Example Policy Handbook, 2020. ' },
            rlinks: [{ href: 'https://example.org/policy.pdf', 'media-type': 'application/pdf' }],
          },
          {
            uuid: REF_GUIDE,
            title: 'Example Guide',
            description: 'A guide.',
            props: [{ name: 'type', value: 'guidance' }],
            'document-ids': [{ scheme: 'http://www.doi.org/', identifier: '10.0000/example' }],
            rlinks: [
              {
                href: 'https://example.org/guide.html',
                hashes: [{ algorithm: 'SHA-256', value: 'ab'.repeat(32) }],
              },
            ],
          },
          {
            uuid: REF_FORM,
            title: 'Embedded form',
            base64: { filename: 'form.txt', 'media-type': 'text/plain', value: 'aGVsbG8=' },
            remarks: 'An attachment.',
          },
        ],
      },
    },
  };
}
