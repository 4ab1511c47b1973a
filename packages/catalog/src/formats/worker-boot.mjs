// Worker threads do not inherit the `--import tsx` loader of the process:
// register it here, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
