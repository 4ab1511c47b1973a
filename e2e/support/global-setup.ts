import { existsSync } from 'node:fs';
import { chromiumPath } from './browser.ts';
import { ensureWebBuilt } from './build.ts';

/** Once per run: a browser must exist, and the served web app must match its sources. */
export default function setup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) or set MAMORU_CHROMIUM`,
    );
  }
  ensureWebBuilt();
}
