import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.ts';
import { ensureWebBuilt } from './build.ts';
import { prepareDataTemplate } from './data-template.ts';

/**
 * Once per run: a browser must exist, the served web app must match its sources,
 * and a migrated data folder is made for the servers to start from.
 */
export default function setup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) or set MAMORU_CHROMIUM`,
    );
  }
  ensureWebBuilt();
  return prepareDataTemplate();
}
