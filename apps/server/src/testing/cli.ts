import { Readable } from 'node:stream';
import { vi } from 'vitest';
// The CLI package exports no entry of its own; run() is what its main.ts calls.
import { run } from '../../../cli/src/program.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `mamoru` command with extra environment (e.g. DATABASE_URL or
 * MAMORU_DATA_DIR) and collects its output. It runs in this process, through
 * the run() that apps/cli/src/main.ts calls (main.ts only turns its result into
 * the exit code), as the CLI's own tests do: a child `node --import tsx` loaded
 * Node, tsx and every module again, seconds of CPU per call. The environment is
 * set for the call only; PGlite data folders are opened by one holder at a time
 * either way, so callers release theirs before a run as they did for the child.
 */
export async function runMamoru(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliResult> {
  const overrides = { LOG_LEVEL: 'silent', ...env };
  const saved = new Map(Object.keys(overrides).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overrides);
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    }),
    vi
      .spyOn(console, 'log')
      .mockImplementation((...parts: unknown[]) => void out.push(`${parts.join(' ')}\n`)),
    vi
      .spyOn(console, 'error')
      .mockImplementation((...parts: unknown[]) => void err.push(`${parts.join(' ')}\n`)),
    // What the child read from its standard input (the CLI reads it only when asked to).
    vi
      .spyOn(process, 'stdin', 'get')
      .mockReturnValue(
        Readable.from(input ? [Buffer.from(input)] : []) as unknown as typeof process.stdin,
      ),
  ];
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
