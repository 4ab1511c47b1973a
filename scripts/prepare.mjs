// npm runs `prepare` after every install. With dev dependencies it builds the
// web app; a production install (`npm ci --omit=dev`) has no Vite, so it keeps
// whatever apps/web/dist holds (built before, or shipped) and says so, instead
// of failing the install. The server answers the API either way.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

const require = createRequire(new URL('../apps/web/package.json', import.meta.url));
let hasVite = true;
try {
  require.resolve('vite/package.json');
} catch {
  hasVite = false;
}

if (hasVite) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--workspace', '@mamoru/web'], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
const built = existsSync(new URL('../apps/web/dist/index.html', import.meta.url));
console.log(
  built
    ? 'prepare: no dev dependencies; serving the web app already built in apps/web/dist'
    : 'prepare: no dev dependencies and no apps/web/dist; the API runs, the web app needs `npm run build` on a machine with dev dependencies',
);
