// Run by pglite-proxy.test.ts in a child process: opens the embedded database
// on its worker thread, queries, and (with "close") closes it. The process must
// then exit on its own: the worker does not keep it alive once idle.
import { PgliteProxy } from '../pglite-proxy.ts';

const proxy = await PgliteProxy.create('memory://');
const { rows } = await proxy.query<{ n: number }>('select 1 as n');
process.stdout.write(`${rows[0]!.n}\n`);
if (process.argv[2] === 'close') await proxy.close();
