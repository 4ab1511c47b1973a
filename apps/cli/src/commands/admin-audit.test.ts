import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import { systemActor, users } from '@mamoru/domain';
import { buildApp, loadConfig } from '@mamoru/server';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

const PASSWORD = 'Velvet-Orbit-Lantern-7319';

/** Standard input carrying this text (what `echo pw | mamoru …` gives). */
function stdinWith(text: string) {
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(
    Readable.from([Buffer.from(text)]) as unknown as typeof process.stdin,
  );
}

/** Tampers as someone with database access: the trigger is off only inside the transaction. */
async function tamper(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/**
 * The CLI opens the database itself: on PostgreSQL the suite's database by
 * URL, otherwise a PGlite data folder, which one process may hold at a time,
 * so the test opens it only between CLI runs.
 */
describeEachDatabase('mamoru admin create and audit verify', (ctx) => {
  let dataDir: string;
  const createArgs = (email: string, extra: string[] = []) => [
    'admin',
    'create',
    '--organization',
    'Acme Holdings',
    '--email',
    email,
    '--name',
    'Ann Admin',
    ...extra,
  ];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mamoru-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (ctx.kind === 'postgres') {
      vi.stubEnv('DATABASE_URL', (ctx.database as Database & { url: string }).url);
    } else {
      vi.stubEnv('DATABASE_URL', '');
    }
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (ctx.kind === 'postgres') return work(ctx.database);
    const database = await openDatabase({ dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it('audit verify has nothing to verify before set-up', async () => {
    // On PGlite this also shows that verify refuses an unmigrated database.
    if (ctx.kind === 'pglite') {
      expect(await run(['audit', 'verify'])).toBe(1);
      expect(io.stderr()).toMatch(/not \(fully\) migrated; run `mamoru migrate` first/);
      io.clear();
    }
    expect(await run(['migrate'])).toBe(0);
    expect(await run(['audit', 'verify'])).toBe(0);
    expect(io.stdout()).toMatch(/no organizations yet, nothing to verify/);
  });

  it('admin create refuses bad input with the reason and exit 1, creating nothing', async () => {
    const cases: [string[], RegExp][] = [
      [createArgs('ann@example.com'), /give the password with --password-stdin/],
      [createArgs('ann@example.com', ['--password', 'password1234']), /password: is easy to guess/],
      [
        createArgs('ann@example.com', ['--password', 'Sh0rt-pw']),
        /password: must have at least 12 characters/,
      ],
      [createArgs('not-an-email', ['--password', PASSWORD]), /--email: /],
      [
        createArgs('ann@example.com', ['--password', 'Ann-Admin-Secret-1']).map((a) =>
          a === 'Ann Admin' ? 'Ann-Admin' : a,
        ),
        /password: must not contain your name, email address/,
      ],
    ];
    for (const [args, reason] of cases) {
      io.clear();
      expect(await run(args), args.join(' ')).toBe(1);
      expect(io.stderr()).toMatch(reason);
    }
    await withDatabase(async (database) => {
      expect(await orgsRepo.countOrganizations(database.db)).toBe(0);
    });
  });

  it('admin create rejects usage errors with exit 2', async () => {
    expect(
      await run(createArgs('ann@example.com', ['--password', PASSWORD, '--password-stdin'])),
    ).toBe(2);
    expect(io.stderr()).toMatch(/cannot be used with/);
    expect(
      await run(createArgs('ann@example.com', ['--password', PASSWORD, '--locale', 'fr'])),
    ).toBe(2);
    expect(await run(['admin', 'create', '--email', 'ann@example.com'])).toBe(2);
    expect(io.stderr()).toMatch(/required option/);
  });

  it('admin create sets up the organization with the password from stdin; the admin can sign in', async () => {
    stdinWith(`${PASSWORD}\n`);
    expect(await run(createArgs('ann@example.com', ['--password-stdin', '--locale', 'en']))).toBe(
      0,
    );
    expect(io.stdout()).toMatch(
      /organization "Acme Holdings" \([0-9a-f-]{36}\) set up; administrator ann@example.com can now sign in/,
    );
    await withDatabase(async (database) => {
      const app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent' }),
        database,
        logger: false,
      });
      try {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'ann@example.com', password: PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          user: { displayName: 'Ann Admin', locale: 'en', roles: ['admin', 'isms_manager'] },
          organization: { name: 'Acme Holdings', defaultLocale: 'en' },
        });
      } finally {
        await app.close();
      }
    });
  });

  it('admin create refuses once Mamoru is set up', async () => {
    expect(await run(createArgs('bob@example.com', ['--password', PASSWORD]))).toBe(1);
    expect(io.stderr()).toMatch(/warning: a password given with --password/);
    expect(io.stderr()).toMatch(/Mamoru is already set up/);
    await withDatabase(async (database) => {
      expect(await orgsRepo.countOrganizations(database.db)).toBe(1);
    });
  });

  describe('audit verify', () => {
    let acme: string;
    let beta: string;
    beforeAll(async () => {
      await withDatabase(async (database) => {
        const rows = await queryRows<{ id: string }>(
          database.db,
          sql`select id from organizations`,
        );
        acme = rows[0]!.id;
        const org = await orgsRepo.insertOrganization(database.db, {
          name: 'Beta Corp',
          defaultLocale: 'ja',
        });
        beta = org.id;
        const ctxB = { actor: systemActor(beta), requestId: null };
        for (const n of [1, 2, 3]) {
          await users.createUser(database.db, ctxB, {
            email: `beta-${n}@example.com`,
            displayName: `Beta ${n}`,
            password: PASSWORD,
            locale: 'ja',
            roles: ['staff'],
          });
        }
      });
    });

    it('reports every organization ok, and exits 0', async () => {
      expect(await run(['audit', 'verify'])).toBe(0);
      // Acme: organization.created, user.created, isms_role.defaults_loaded (set-up loads the
      // shipped ISMS roles), and the admin's session.login above.
      expect(io.stdout()).toBe(
        `Acme Holdings (${acme}): ok (4 events)\nBeta Corp (${beta}): ok (3 events)\n`,
      );
      expect(io.stderr()).toBe('');
    });

    it('verifies one organization, as JSON if asked', async () => {
      expect(await run(['audit', 'verify', '--organization', beta, '--json'])).toBe(0);
      expect(JSON.parse(io.stdout())).toEqual({
        ok: true,
        organizations: [{ id: beta, name: 'Beta Corp', ok: true, events: 3, broken: null }],
      });
    });

    it('anchors the head with the signing key and verifies against the anchor file', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const keyFile = join(dataDir, 'audit-signing.pem');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      vi.stubEnv('MAMORU_AUDIT_SIGNING_KEY', keyFile);
      expect(await run(['audit', 'anchor', '--organization', beta])).toBe(0);
      const file = JSON.parse(io.stdout());
      expect(file.anchors[0]).toMatchObject({ organizationId: beta, seq: 3 });
      expect(file.anchors[0].signature).toBeTruthy();
      const anchorFile = join(dataDir, 'anchor.json');
      writeFileSync(anchorFile, JSON.stringify(file));
      expect(await run(['audit', 'verify', '--organization', beta, '--anchor', anchorFile])).toBe(
        0,
      );
      expect(io.stdout()).toMatch(/no event up to it was rewritten \(signature valid\)/);
      // An anchor edited by hand no longer verifies.
      file.anchors[0].seq = 2;
      writeFileSync(anchorFile, JSON.stringify(file));
      expect(await run(['audit', 'verify', '--organization', beta, '--anchor', anchorFile])).toBe(
        1,
      );
      expect(io.stdout()).toMatch(/FAILED: the signature does not match/);
    });

    it('refuses an unknown or malformed organization id', async () => {
      expect(
        await run(['audit', 'verify', '--organization', '00000000-0000-4000-8000-000000000000']),
      ).toBe(1);
      expect(io.stderr()).toMatch(/no organization with id 00000000-0000-4000-8000-000000000000/);
      expect(await run(['audit', 'verify', '--organization', 'acme'])).toBe(1);
      expect(io.stderr()).toMatch(/must be an organization id/);
    });

    it('names the first broken event of each broken organization and exits 1', async () => {
      await withDatabase(async (database) => {
        await tamper(
          database,
          sql`update audit_events set actor_name = 'Mallory'
              where organization_id = ${acme} and seq = 2`,
        );
        await tamper(
          database,
          sql`delete from audit_events where organization_id = ${beta} and seq = 2`,
        );
      });
      expect(await run(['audit', 'verify'])).toBe(1);
      expect(io.stdout()).toContain(`Acme Holdings (${acme}): BROKEN at event #2: hash_mismatch (`);
      expect(io.stdout()).toContain(`Beta Corp (${beta}): BROKEN at event #2: gap (`);
      expect(io.stderr()).toMatch(/the audit trail of 2 of 2 organization\(s\) does not verify/);

      io.clear();
      expect(await run(['audit', 'verify', '--json'])).toBe(1);
      const report = JSON.parse(io.stdout());
      expect(report.ok).toBe(false);
      expect(report.organizations).toEqual([
        expect.objectContaining({
          id: acme,
          events: 1,
          broken: { seq: 2, reason: 'hash_mismatch' },
        }),
        expect.objectContaining({ id: beta, events: 1, broken: { seq: 2, reason: 'gap' } }),
      ]);
    });
  });
});

describe('mamoru admin / audit help', () => {
  it('lists the new commands', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(io.stdout()).toMatch(/^\s+admin\b/m);
    expect(io.stdout()).toMatch(/^\s+audit\b/m);
    io.clear();
    expect(await run(['admin', 'create', '--help'])).toBe(0);
    expect(io.stdout()).toContain('--password-stdin');
    io.clear();
    expect(await run(['audit', 'verify', '--help'])).toBe(0);
    expect(io.stdout()).toContain('--json');
  });
});
