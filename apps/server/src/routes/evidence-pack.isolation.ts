import type { Client } from '../testing/identity.ts';
import { makePack } from './evidence-pack.fixtures.ts';

/**
 * The evidence pack's lines of tenant-isolation.test.ts: B's finished pack
 * (made last, so it holds all of B's parts), and one probe per route that
 * takes its id.
 */
export interface EvidencePackOfB {
  packId: string;
  sha256: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createEvidencePackOfB(adminB: Client): Promise<EvidencePackOfB> {
  const pack = await makePack(adminB, { lang: 'en' });
  if (pack.status !== 'succeeded' || !pack.file) throw new Error(`B's pack: ${pack.status}`);
  return { packId: pack.id, sha256: pack.file.sha256, values: [pack.id, pack.file.sha256] };
}

export const EVIDENCE_PACK_LISTS = ['/api/v1/evidence-packs'];

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  control: { as: 'adminB'; status: number };
}

export function evidencePackProbes<B extends { evidencePack: EvidencePackOfB }>(): Probe<B>[] {
  const pack = (b: B) => `/api/v1/evidence-packs/${b.evidencePack.packId}`;
  return [
    { route: 'GET /api/v1/evidence-packs/:id', url: pack, control: { as: 'adminB', status: 200 } },
    {
      route: 'GET /api/v1/evidence-packs/:id/download',
      url: (b) => `${pack(b)}/download`,
      control: { as: 'adminB', status: 200 },
    },
  ];
}
