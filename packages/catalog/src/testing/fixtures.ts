// Test-only fixtures.

/** A small English-only library, shaped like an OSCAL import: enhancements, no summaries. */
export function miniLibrary() {
  return {
    formatVersion: 1,
    id: 'mini',
    version: '1',
    name: { en: 'Mini' },
    source: { title: 'Mini source' },
    requirements: [{ id: '1', displayId: '1', title: { en: 'Req' }, summary: { en: 'Do it.' } }],
    controlGroups: [
      {
        id: 'a',
        displayId: 'A',
        kind: 'group',
        title: { en: 'Group A' },
        controls: [
          {
            id: 'a-1',
            displayId: 'A.1',
            title: { en: 'Control' },
            controls: [{ id: 'a-1.1', displayId: 'A.1(1)', title: { en: 'Enhancement' } }],
          },
        ],
      },
    ],
    terms: [],
  };
}

/**
 * A trilingual library that uses every optional field: guidance, params
 * (label, values, selection), enhancements, a French extra on some texts,
 * mappings, a source URL. The OSCAL round trip must keep all of it.
 */
export function fullLibrary() {
  return {
    formatVersion: 1,
    id: 'full-test',
    version: '0.1',
    name: { ja: '全部入り', en: 'Everything' },
    publisher: { ja: '発行者', en: 'Publisher' },
    description: { ja: '説明。', en: 'Description.', fr: 'Description en français.' },
    source: {
      title: 'Original',
      published: '2020-02-29',
      url: 'https://example.org/std',
      note: { ja: '注記', en: 'Note' },
    },
    requirements: [
      {
        id: '1',
        displayId: '第1',
        title: { ja: '要求', en: 'Requirement' },
        summary: { ja: '要約', en: 'Summary' },
        children: [
          {
            id: '1.a',
            displayId: '第1 a',
            title: { ja: '項目', en: 'Item', fr: 'Article' },
            summary: { ja: '内容', en: 'Content' },
          },
        ],
      },
    ],
    controlGroups: [
      {
        id: '1',
        displayId: 'I',
        kind: 'domain',
        title: { ja: '分野', en: 'Domain' },
        groups: [
          {
            id: '1.1',
            displayId: 'I-1',
            kind: 'objective',
            title: { ja: '目的', en: 'Objective' },
            controls: [
              {
                id: '1.1.1',
                displayId: 'I-1-1',
                title: { ja: '管理策', en: 'Control' },
                summary: { ja: '要約\n\n二段落目', en: 'Summary\n\nSecond paragraph' },
                guidance: { ja: '手引', en: 'Guidance', fr: 'Conseils' },
                params: [
                  { id: 'prm-1', label: { ja: '期間', en: 'a period' } },
                  { id: 'prm-2', values: ['90 days'] },
                  {
                    id: 'prm-3',
                    label: { ja: '選択', en: 'choice' },
                    select: { howMany: 'one-or-more', choice: ['a', 'b'] },
                  },
                ],
                controls: [
                  {
                    id: '1.1.1.1',
                    displayId: 'I-1-1(1)',
                    title: { ja: '強化', en: 'Enhancement' },
                    summary: { ja: '強化の要約', en: 'Enhancement summary' },
                  },
                ],
              },
            ],
          },
          {
            id: '1.2',
            displayId: 'I-2',
            kind: 'group',
            title: { ja: '空', en: 'Empty' },
            summary: { ja: '空の群', en: 'An empty group' },
          },
        ],
      },
    ],
    terms: [
      {
        id: 'term',
        term: { ja: '用語', en: 'term' },
        definition: { ja: '定義', en: 'definition', fr: 'définition' },
      },
    ],
    mappings: [
      {
        targetLibrary: 'other',
        relations: [{ source: '1.1.1', target: 'X-1', relation: 'subset' }],
      },
    ],
  };
}
