import { vi } from 'vitest';

/** Captures what commander and the commands write, without letting it through. */
export function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation(
    (...args: unknown[]) => void out.push(`${args.join(' ')}\n`),
  );
  vi.spyOn(console, 'error').mockImplementation(
    (...args: unknown[]) => void err.push(`${args.join(' ')}\n`),
  );
  return {
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    clear: () => {
      out.length = 0;
      err.length = 0;
    },
  };
}
