import { Command, CommanderError } from 'commander';
import { MAMORU_VERSION } from '@mamoru/server';
import { registerServe } from './commands/serve.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerAdmin } from './commands/admin.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCatalog } from './commands/catalog.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEvidence } from './commands/evidence.ts';
import { registerCheck } from './commands/check.ts';
import { registerIncidents } from './commands/incidents.ts';
import { registerObjectives } from './commands/objectives.ts';
import { registerLegal } from './commands/legal.ts';
import { registerOrg } from './commands/org.ts';
import { registerDb } from './commands/db.ts';
import { registerBackup } from './commands/backup.ts';

/** Exit codes: 0 ok, 1 failure, 2 usage error (unknown command or option). */
export function buildProgram(): Command {
  const program = new Command('mamoru')
    .description('Mamoru: an ISMS platform for the JIPDEC ISMS certification criteria')
    .version(MAMORU_VERSION, '-V, --version')
    .showHelpAfterError('(run `mamoru --help` for the commands)')
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerAdmin(program);
  registerAudit(program);
  registerCatalog(program);
  registerDemo(program);
  registerEvidence(program);
  registerCheck(program);
  registerIncidents(program);
  registerObjectives(program);
  registerLegal(program);
  registerOrg(program);
  registerDb(program);
  registerBackup(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `mamoru help` asks for help (0); a bare `mamoru` gets it on stderr as a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      // Unknown commands, options and missing arguments are the caller's mistake.
      return 2;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
