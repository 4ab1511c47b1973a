import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.ts';
import { ensureWebBuilt } from './build.ts';
import { prepareDataTemplate } from './data-template.ts';

/**
 * Once per run: a browser must exist, the served web app must match its sources,
 * and a migrated data folder is made for the servers to start from.
 */
export default async function setup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) or set MAMORU_CHROMIUM`,
    );
  }
  // Side by side: the build (vite) and the migration (`mamoru migrate`) each keep
  // about one core busy, so on two cores both take the time of the longer one.
  const [built, template] = await Promise.allSettled([ensureWebBuilt(), prepareDataTemplate()]);
  if (built.status === 'rejected') {
    if (template.status === 'fulfilled') template.value();
    throw built.reason;
  }
  if (template.status === 'rejected') throw template.reason;
  return template.value;
}
