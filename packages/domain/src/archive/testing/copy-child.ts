// Test helper run as a child process (the kill test): copies the PGlite data
// folder argv[2] into the PostgreSQL database argv[3], printing progress on stderr.
import { openDatabase } from '@mamoru/db';
import { copyDatabase } from '../copy.ts';

const [dataDir, url] = process.argv.slice(2);
const source = await openDatabase({ dataDir: dataDir!, pgliteThread: 'inline' });
const target = await openDatabase({ url: url!, dataDir: '', poolMax: 2 });
try {
  const result = await copyDatabase(source.db, target.db, {
    onProgress: (p) => process.stderr.write(`${p.part} ${p.rows}\n`),
  });
  process.stdout.write(`copied ${JSON.stringify(result)}\n`);
} finally {
  await source.close();
  await target.close();
}
