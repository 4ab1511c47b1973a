import type { CatalogLibrary, CatalogTree } from '@mamoru/contracts';
import { catalogRoutes, glossary, jipdec, node } from './catalogFixtures';

/**
 * Small slices of the ISO/IEC 27001 editions Mamoru ships beside Ver.2.0, in
 * their own numbering: 2022 with clauses 箇条4–箇条10 and Annex A themes, 2013
 * as control numbers only. Titles are Mamoru's own words, as in the library.
 */
const shipped = (id: string, version: string, name: [ja: string, en: string]): CatalogLibrary => ({
  id,
  version,
  name: { ja: name[0], en: name[1] },
  publisher: { ja: 'ISO/IEC', en: 'ISO/IEC' },
  description: null,
  origin: 'shipped',
  languages: ['ja', 'en'],
  counts: { requirements: 0, groups: 0, controls: 0, ownControls: 0, overlayTexts: 0 },
  updatedAt: '2026-03-01T09:00:00.000Z',
});

export const iso2022: CatalogLibrary = {
  ...shipped('iso-iec-27001-2022', '2022', [
    'ISO/IEC 27001:2022（JIS Q 27001:2023）',
    'ISO/IEC 27001:2022',
  ]),
  counts: { requirements: 4, groups: 2, controls: 3, ownControls: 0, overlayTexts: 0 },
};

export const iso2022Tree: CatalogTree = {
  library: iso2022,
  source: { title: 'ISO/IEC 27001:2022' },
  requirements: [
    node('4', '箇条4', 'requirement', ['組織を取り巻く状況', 'Organizational context'], null, [
      node('4.1', '4.1', 'requirement', ['内外の課題の把握', 'Internal and external issues'], null),
    ]),
    node('10', '箇条10', 'requirement', ['改善', 'Improvement'], null, [
      node(
        '10.2',
        '10.2',
        'requirement',
        ['不適合と是正処置', 'Nonconformity and correction'],
        null,
      ),
    ]),
  ],
  controlGroups: [
    node('5', 'A.5', 'domain', ['組織的管理策', 'Organizational controls'], null, [
      node('5.1', 'A.5.1', 'control', ['情報セキュリティ方針群', 'Security policy set'], null),
      node('5.7', 'A.5.7', 'control', ['脅威インテリジェンス', 'Threat intelligence'], null),
    ]),
    node('8', 'A.8', 'domain', ['技術的管理策', 'Technological controls'], null, [
      node('8.24', 'A.8.24', 'control', ['暗号の利用', 'Use of cryptography'], null),
    ]),
  ],
};

export const iso2013: CatalogLibrary = {
  ...shipped('iso-iec-27001-2013', '2013', [
    'ISO/IEC 27001:2013 附属書A（管理策番号）',
    'ISO/IEC 27001:2013 Annex A (control numbers)',
  ]),
  counts: { requirements: 0, groups: 1, controls: 1, ownControls: 0, overlayTexts: 0 },
};

export const iso2013Tree: CatalogTree = {
  library: iso2013,
  source: { title: 'ISO/IEC 27001:2013' },
  requirements: [],
  controlGroups: [
    node('10', 'A.10', 'domain', ['暗号', 'Cryptography'], null, [
      node('10.1.1', 'A.10.1.1', 'control', ['暗号の利用方針', 'Cryptography policy'], null),
    ]),
  ],
};

/** The catalog API of an instance with Ver.2.0, the 2022 and 2013 editions (and the Acme import). */
export function editionRoutes() {
  return {
    ...catalogRoutes(),
    'GET /api/v1/catalogs': { items: [jipdec, iso2022, iso2013] },
    'GET /api/v1/catalogs/iso-iec-27001-2022': iso2022Tree,
    'GET /api/v1/catalogs/iso-iec-27001-2013': iso2013Tree,
    // Only Ver.2.0 ships a glossary.
    'GET /api/v1/glossary': ({ query }: { query: URLSearchParams }) => ({
      body: { items: query.get('library') === jipdec.id ? glossary : [] },
    }),
  };
}
