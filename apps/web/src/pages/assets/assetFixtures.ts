import type { Asset, ClassificationLevel } from '../../api/assets';
import { sessionInfo, signedInRoutes } from '../../test/fakeApi';

/** An asset as the list returns it; `n` makes id and code unique. */
export function assetFixture(n: number, extra: Partial<Asset> = {}): Asset {
  return {
    id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
    code: `A-${String(n).padStart(3, '0')}`,
    name: `Customer database ${n}`,
    category: 'information',
    description: '',
    owner: {
      type: 'unit',
      id: '00000000-0000-4000-8000-000000000301',
      name: 'Sales',
      key: 'SALES',
    },
    custodian: null,
    orgUnit: null,
    location: null,
    classification: {
      id: '00000000-0000-4000-8000-000000000401',
      code: 'confidential',
      name: { ja: '社外秘', en: 'Confidential' },
    },
    confidentiality: 3,
    integrity: 2,
    availability: 1,
    value: 3,
    businessProcess: '',
    status: 'in_use',
    nextReviewDate: '2027-04-01',
    tags: [],
    version: 5,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

const rules = { ja: '', en: '' };
export function levelFixture(
  n: number,
  extra: Partial<ClassificationLevel> = {},
): ClassificationLevel {
  return {
    id: `00000000-0000-4000-8000-0000000004${String(n).padStart(2, '0')}`,
    code: `level-${n}`,
    name: { ja: `レベル${n}`, en: `Level ${n}` },
    rank: n,
    description: { ja: '', en: '' },
    handling: {
      labelling: rules,
      storage: rules,
      transmission: rules,
      copying: rules,
      disposal: rules,
    },
    active: true,
    version: 1,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...extra,
  };
}

/** What the register needs besides the assets, for a signed-in administrator. */
export const registerRoutes = {
  ...signedInRoutes(sessionInfo('admin')),
  'GET /api/v1/classifications': { items: [levelFixture(1), levelFixture(2)], nextCursor: null },
  'GET /api/v1/org-units': {
    items: [
      { id: '00000000-0000-4000-8000-000000000301', code: 'SALES', name: 'Sales', active: true },
    ],
    nextCursor: null,
  },
  'GET /api/v1/locations': { items: [], nextCursor: null },
  'GET /api/v1/users': { items: [], nextCursor: null },
  'GET /api/v1/saved-views': { items: [], nextCursor: null },
};
