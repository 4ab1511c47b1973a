import type { Command } from 'commander';
import { loadConfig, serveProcesses } from '@mamoru/server';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('start the web server (what `npm start` runs)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option(
      '--processes <n>',
      'server processes sharing the port (overrides MAMORU_PROCESSES; more than 1 needs PostgreSQL)',
    )
    .action(async (options: { port?: string; processes?: string }) => {
      const env = { ...process.env };
      if (options.port) env.PORT = options.port;
      if (options.processes) env.MAMORU_PROCESSES = options.processes;
      await serveProcesses(loadConfig(env));
    });
}
