import type { EvidenceFile } from '@mamoru/contracts';
import type { Client } from './identity.ts';

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartBody(content: Buffer, filename: string, field = 'file') {
  const boundary = `----mamoru${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** POST /api/v1/files for an owner; returns the raw response. */
export function uploadFile(
  client: Client,
  owner: { type: string; id: string },
  content: Buffer,
  filename: string,
) {
  const { body, contentType } = multipartBody(content, filename);
  return client.post('/api/v1/files', body, {
    headers: { 'content-type': contentType },
    query: { ownerType: owner.type, ownerId: owner.id },
  });
}

/** Uploads and expects 201. */
export async function attachFile(
  client: Client,
  owner: { type: string; id: string },
  content: Buffer,
  filename: string,
) {
  const res = await uploadFile(client, owner, content, filename);
  if (res.statusCode !== 201) {
    throw new Error(`POST /api/v1/files: expected 201, got ${res.statusCode}: ${res.body}`);
  }
  return res.json<EvidenceFile>();
}

/** The smallest file each detector recognizes. */
export const samples = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  /** A PNG signature followed by `size` bytes: detected as image/png. */
  png: (size = 64) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR'),
      Buffer.alloc(size, 7),
    ]),
  /** A Windows executable header. */
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0), Buffer.from('PE\0\0')]),
};
