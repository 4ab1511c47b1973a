import yauzl from 'yauzl';
import { expect } from 'vitest';
import type { EvidencePack } from '@mamoru/contracts';
import type { Client } from '../testing/identity.ts';

/** Starts a pack and waits until its job has ended; returns the pack as listed then. */
export async function makePack(
  client: Client,
  body: { asOf?: string; auditId?: string; lang: 'ja' | 'en' },
): Promise<EvidencePack> {
  const started = await client.post('/api/v1/evidence-packs', body);
  expect(started.statusCode, started.body).toBe(202);
  return waitForPack(client, started.json<EvidencePack>().id);
}

export async function waitForPack(client: Client, id: string): Promise<EvidencePack> {
  for (let i = 0; i < 1200; i += 1) {
    const res = await client.get(`/api/v1/evidence-packs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.json<EvidencePack>();
    if (pack.status === 'succeeded' || pack.status === 'failed') return pack;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pack ${id} did not finish`);
}

/** Every entry of a ZIP, by path. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}
