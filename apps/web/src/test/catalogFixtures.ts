import type {
  CatalogControl,
  CatalogControlDetail,
  CatalogLibrary,
  CatalogTree,
  CatalogTreeNode,
  GlossaryTerm,
} from '@mamoru/contracts';
import type { SessionInfo } from '../api/types';
import { sessionInfo } from './fakeApi';

/** A slice of the shipped JIPDEC library, as the catalog API returns it. */
export const jipdec: CatalogLibrary = {
  id: 'jipdec-isms-2.0',
  version: '2.0',
  name: { ja: 'ISMS認証基準 Ver.2.0', en: 'ISMS Certification Criteria Ver.2.0' },
  publisher: { ja: 'JIPDEC', en: 'JIPDEC' },
  description: null,
  origin: 'shipped',
  languages: ['ja', 'en'],
  counts: { requirements: 4, groups: 4, controls: 3, ownControls: 0, overlayTexts: 0 },
  updatedAt: '2026-01-05T09:00:00.000Z',
};

/** An English-only OSCAL catalog the organization imported. */
export const acme: CatalogLibrary = {
  id: 'acme-cloud',
  version: '1.0',
  name: { en: 'Acme Cloud Controls' },
  publisher: null,
  description: null,
  origin: 'oscal',
  languages: ['en'],
  counts: { requirements: 0, groups: 1, controls: 1, ownControls: 0, overlayTexts: 0 },
  updatedAt: '2026-02-05T09:00:00.000Z',
};

/** A tree node with ja/en texts, as the catalog API returns it. */
export function node(
  id: string,
  displayId: string,
  kind: CatalogTreeNode['kind'],
  title: [ja: string, en: string],
  summary: [ja: string, en: string] | null,
  children: CatalogTreeNode[] = [],
): CatalogTreeNode {
  return {
    id,
    displayId,
    kind,
    title: { ja: title[0], en: title[1] },
    summary: summary ? { ja: summary[0], en: summary[1] } : null,
    guidance: null,
    official: null,
    own: false,
    children,
  };
}

const domain10 = node(
  '10',
  '10',
  'domain',
  ['システムの開発及び保守', 'Systems development and maintenance'],
  ['情報システムにセキュリティを組み込む。', 'Building security into information systems.'],
  [
    node(
      '10.3',
      '10(3)',
      'objective',
      ['暗号による管理策', 'Cryptographic controls'],
      ['情報の機密性、真正性及び完全性を守る。', 'To protect the confidentiality of information.'],
      [
        node(
          '10.3.1',
          '10(3)①',
          'control',
          ['暗号による管理策の利用方針', 'Policy on the use of cryptographic controls'],
          ['暗号の利用方針を定める。', 'Develop a policy on the use of cryptography.'],
        ),
        node(
          '10.3.2',
          '10(3)②',
          'control',
          ['暗号化', 'Encryption'],
          ['機微な情報は暗号化する。', 'Encrypt sensitive information.'],
        ),
      ],
    ),
  ],
);

const domain3 = node(
  '3',
  '3',
  'domain',
  ['情報セキュリティポリシー', 'Security policy'],
  ['方針を定める。', 'Setting the policy.'],
  [
    node(
      '3.1',
      '3(1)',
      'objective',
      ['情報セキュリティ基本方針', 'Information security policy'],
      ['経営陣の方向性を示す。', 'To provide management direction.'],
      [
        node(
          '3.1.1',
          '3(1)①',
          'control',
          ['情報セキュリティ基本方針文書', 'Information security policy document'],
          null,
        ),
      ],
    ),
  ],
);

export const jipdecTree: CatalogTree = {
  library: jipdec,
  source: {
    title: 'ISMS認証基準 (Ver.2.0)',
    note: {
      ja: '各項目の名称・要約はMamoru独自の表現です。',
      en: "Summaries are Mamoru's own words.",
    },
  },
  requirements: [
    node(
      '4',
      '第4',
      'requirement',
      ['情報セキュリティマネジメントシステム', 'The ISMS'],
      ['ISMSの要求事項。', 'Requirements for the ISMS.'],
      [
        node(
          '4.2',
          '第4 2.',
          'requirement',
          ['ISMSの確立及び運営管理', 'Establishing and managing the ISMS'],
          null,
          [
            node(
              '4.2.1',
              '第4 2.(1)',
              'requirement',
              ['ISMSの確立', 'Establish the ISMS'],
              ['計画段階。', 'The planning stage.'],
              [
                node(
                  '4.2.1.d.2',
                  '第4 2.(1) d (イ)',
                  'requirement',
                  ['脅威', 'Threats'],
                  ['資産に対する脅威を識別する。', 'Identify the threats to those assets.'],
                ),
              ],
            ),
          ],
        ),
      ],
    ),
    node(
      '7',
      '第7',
      'requirement',
      ['改善', 'Improvement'],
      ['ISMSを改善する。', 'Improving the ISMS.'],
    ),
  ],
  controlGroups: [domain3, domain10],
};

export const acmeTree: CatalogTree = {
  library: acme,
  source: { title: 'Acme Cloud Controls' },
  requirements: [],
  controlGroups: [
    {
      id: 'ac',
      displayId: 'ac',
      kind: 'group',
      title: { en: 'Access' },
      summary: null,
      guidance: null,
      official: null,
      own: false,
      children: [
        {
          id: 'ac-1',
          displayId: 'ac-1',
          kind: 'control',
          title: { en: 'Access reviews' },
          summary: { en: 'Review access every quarter.' },
          guidance: null,
          official: null,
          own: false,
          children: [],
        },
      ],
    },
  ],
};

const ref = (n: CatalogTreeNode) => ({
  id: n.id,
  displayId: n.displayId,
  kind: n.kind,
  title: n.title,
});
const objective103 = domain10.children[0]!;

/** A control of 10.3 as search results carry it. */
export function searchHit(index: 0 | 1): CatalogControl {
  const n = objective103.children[index]!;
  return {
    id: n.id,
    displayId: n.displayId,
    title: n.title,
    summary: n.summary,
    guidance: null,
    official: null,
    own: false,
    ancestors: [ref(domain10), ref(objective103)],
    objective: ref(objective103),
    domain: ref(domain10),
  };
}

export const complianceHit: CatalogControl = {
  id: '12.1.6',
  displayId: '12(1)⑥',
  title: { ja: '暗号に関する規制', en: 'Regulation of cryptographic controls' },
  summary: { ja: '暗号の利用について定めた法令を守る。', en: 'Comply with cryptography laws.' },
  guidance: null,
  official: null,
  own: false,
  ancestors: [
    { id: '12', displayId: '12', kind: 'domain', title: { ja: '準拠', en: 'Compliance' } },
    {
      id: '12.1',
      displayId: '12(1)',
      kind: 'objective',
      title: { ja: '法的要求事項への準拠', en: 'Compliance with legal requirements' },
    },
  ],
  objective: {
    id: '12.1',
    displayId: '12(1)',
    kind: 'objective',
    title: { ja: '法的要求事項への準拠', en: 'Compliance with legal requirements' },
  },
  domain: { id: '12', displayId: '12', kind: 'domain', title: { ja: '準拠', en: 'Compliance' } },
};

/** 10.3.2 with the organization's licensed wording. */
export const encryptionDetail: CatalogControlDetail = {
  ...searchHit(1),
  official: { ja: '【公式本文】暗号化を用いなければならない。', en: '[Official] Use encryption.' },
  params: [],
  usage: { risks: [], soa: [], documents: [], totals: { risks: 0, documents: 0 }, hidden: [] },
};

export const glossary: GlossaryTerm[] = [
  {
    libraryId: 'jipdec-isms-2.0',
    id: 'availability',
    term: { ja: '可用性', en: 'availability' },
    definition: {
      ja: '必要な時に情報を使える状態を確保すること。',
      en: 'Ensuring information is there when needed.',
    },
  },
];

/** A session of an ISMS manager (catalog:manage), in `locale`. */
export function managerSession(locale: 'ja' | 'en' = 'en'): SessionInfo {
  const base = sessionInfo('staff', {
    displayName: 'Mika Manager',
    locale,
    roles: ['isms_manager'],
  });
  return {
    ...base,
    permissions: {
      ...base.permissions,
      'isms:read': 'all',
      'catalog:manage': 'all',
      'approvals:read': 'all',
    },
  };
}

/** The catalog API of an instance with the JIPDEC slice and the Acme import. */
export function catalogRoutes() {
  return {
    'GET /api/v1/catalogs': { items: [jipdec, acme] },
    'GET /api/v1/catalogs/jipdec-isms-2.0': jipdecTree,
    'GET /api/v1/catalogs/acme-cloud': acmeTree,
    'GET /api/v1/glossary': { items: glossary },
    'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.2': encryptionDetail,
  };
}
