import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { auditAnchor } from '@mamoru/domain';
import { loadConfig } from '@mamoru/server';
import { withDatabase } from './database.ts';

/** What each anchor problem means, for the person reading the report. */
const MEANING: Record<auditAnchor.AnchorProblem, string> = {
  signature_missing: 'the anchor is not signed, but a key to check it was given',
  signature_invalid: 'the signature does not match: the anchor file was not made with this key',
  chain_broken: 'the chain does not verify up to the anchor',
  anchored_event_missing: 'the anchored event is gone: events were deleted',
  anchored_event_rewritten:
    'the anchored event has another hash now: events up to it were rewritten',
};

/** The configured signing key (MAMORU_AUDIT_SIGNING_KEY), if any. */
function configuredKey() {
  const path = loadConfig().auditSigningKey;
  return path ? auditAnchor.loadSigningKey(path) : null;
}

interface AnchorFile {
  anchors: auditAnchor.AuditAnchor[];
}

export function readAnchorFile(path: string): AnchorFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<AnchorFile>;
  const anchors = parsed.anchors ?? [];
  if (!anchors.length || anchors.some((a) => a.format !== auditAnchor.ANCHOR_FORMAT)) {
    throw new Error(`${path}: not an audit anchor file (from \`mamoru audit anchor\`)`);
  }
  return { anchors };
}

/** Checks every anchor of a file; returns the lines to print and whether all hold. */
export async function checkAnchorFile(db: Executor, file: AnchorFile, publicKeyPath?: string) {
  const signing = configuredKey();
  const key = publicKeyPath
    ? auditAnchor.loadVerifyKey(publicKeyPath)
    : signing
      ? auditAnchor.publicKeyOf(signing)
      : null;
  const lines: string[] = [];
  let ok = true;
  for (const anchor of file.anchors) {
    const check = await auditAnchor.checkAnchor(db, anchor, key);
    const at = `anchor of ${anchor.organizationId} at event #${anchor.seq}`;
    if (check.ok) {
      const how = check.signatureChecked ? 'signature valid' : 'signature NOT checked (no key)';
      lines.push(`${at}: ok, no event up to it was rewritten (${how})`);
    } else {
      ok = false;
      const where = check.seq ? ` (event #${check.seq})` : '';
      lines.push(`${at}: FAILED${where}: ${MEANING[check.problem!]}`);
    }
  }
  return { ok, lines };
}

export function registerAuditAnchor(auditCommand: Command) {
  auditCommand
    .command('anchor')
    .description(
      "print each organization's audit chain head (sequence number, hash), signed with the " +
        'Ed25519 key in MAMORU_AUDIT_SIGNING_KEY; keep the output outside the database',
    )
    .option('--organization <id>', 'anchor only the organization with this id')
    .action(async (options: { organization?: string }) => {
      const key = configuredKey();
      if (!key) {
        console.error(
          'warning: MAMORU_AUDIT_SIGNING_KEY is not set; the anchor is not signed and proves only what a copy proves',
        );
      }
      await withDatabase(async (database) => {
        const ids = options.organization
          ? [options.organization]
          : await orgs.listOrganizationIds(database.db);
        const anchors = [];
        for (const id of ids) anchors.push(await auditAnchor.createAnchor(database.db, id, key));
        console.log(JSON.stringify({ anchors }, null, 2));
      });
    });
}
