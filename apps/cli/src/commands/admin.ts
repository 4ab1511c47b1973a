import { Option, type Command } from 'commander';
import { setupRequestSchema, type SetupRequest } from '@mamoru/contracts';
import { DomainError, migrateDatabase, setup } from '@mamoru/domain';
import { withDatabase } from './database.ts';

/** The option each set-up field comes from, for messages a shell user can act on. */
const OPTION_OF: Record<string, string> = {
  organizationName: '--organization',
  displayName: '--name',
  email: '--email',
  password: 'password',
  locale: '--locale',
};

/** The domain's reasons, worded for the shell (the server words them per user language). */
const REASONS: Record<string, string> = {
  password_too_short: 'must have at least {min} characters',
  password_weak:
    'is easy to guess (a common password, a word with digits added, or repetition); use a longer passphrase of unrelated words',
  password_personal:
    'must not contain your name, email address, the organization’s name or the product’s name',
  email_taken: 'is already used by another user',
};

const ALREADY_SET_UP =
  'Mamoru is already set up: an organization exists. Sign in to the web app instead; administrators add users there.';

function fillIn(template: string, params: Record<string, string | number> = {}) {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** The whole of standard input, without the one line break `echo` or a file adds. */
async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface CreateOptions {
  organization: string;
  email: string;
  name: string;
  passwordStdin?: boolean;
  password?: string;
  locale: 'ja' | 'en';
}

async function passwordOf(options: CreateOptions): Promise<string> {
  if (options.passwordStdin) {
    if (process.stdin.isTTY) console.error('Type the password, then press Ctrl-D:');
    const password = await readStdin();
    if (!password) throw new Error('no password on standard input');
    return password;
  }
  if (options.password !== undefined) {
    console.error(
      'warning: a password given with --password can be read from the process list and shell history; prefer --password-stdin',
    );
    return options.password;
  }
  throw new Error('give the password with --password-stdin (recommended) or --password');
}

function parseInput(options: CreateOptions, password: string): SetupRequest {
  const parsed = setupRequestSchema.safeParse({
    organizationName: options.organization,
    displayName: options.name,
    email: options.email,
    password,
    locale: options.locale,
  });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const message =
      field === 'password' && issue.code === 'too_small'
        ? fillIn(REASONS.password_too_short!, { min: Number(issue.minimum) })
        : issue.message;
    return `  ${OPTION_OF[field] ?? field}: ${message}`;
  });
  throw new Error(`cannot set up Mamoru:\n${lines.join('\n')}`);
}

function explain(error: unknown): never {
  if (error instanceof DomainError) {
    if (error.code === 'setup_done') throw new Error(ALREADY_SET_UP);
    if (error.fieldErrors.length) {
      const lines = error.fieldErrors.map(
        (f) =>
          `  ${OPTION_OF[f.field] ?? f.field}: ${REASONS[f.code] ? fillIn(REASONS[f.code]!, f.params) : f.code}`,
      );
      throw new Error(`cannot set up Mamoru:\n${lines.join('\n')}`);
    }
    throw new Error(`cannot set up Mamoru: ${error.code}`);
  }
  throw error;
}

export function registerAdmin(program: Command) {
  const admin = program.command('admin').description('administration from the shell');
  admin
    .command('create')
    .description('first-run set-up: create the organization and its first administrator')
    .requiredOption('--organization <name>', 'the name of the organization')
    .requiredOption('--email <email>', "the administrator's email address (used to sign in)")
    .requiredOption('--name <display name>', "the administrator's display name")
    .addOption(new Option('--password-stdin', 'read the password from standard input'))
    .addOption(
      new Option('--password <password>', 'the password (prefer --password-stdin)').conflicts(
        'passwordStdin',
      ),
    )
    .addOption(
      new Option('--locale <locale>', 'language of the organization and the administrator')
        .choices(['ja', 'en'])
        .default('ja'),
    )
    .action(async (options: CreateOptions) => {
      const input = parseInput(options, await passwordOf(options));
      await withDatabase(async (database) => {
        await migrateDatabase(database.db);
        if (!(await setup.isSetupNeeded(database.db))) throw new Error(ALREADY_SET_UP);
        const { organization, user } = await setup
          .setupOrganization(database.db, input, null)
          .catch(explain);
        console.log(
          `${database.label}: organization "${organization.name}" (${organization.id}) set up; ` +
            `administrator ${user.email} can now sign in`,
        );
      });
    });
}
