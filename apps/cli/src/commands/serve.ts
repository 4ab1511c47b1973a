import type { Command } from 'commander';
import { loadConfig, serve } from '@mamoru/server';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('start the web server (what `npm start` runs)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (options: { port?: string }) => {
      const env = options.port ? { ...process.env, PORT: options.port } : process.env;
      await serve(loadConfig(env));
    });
}
