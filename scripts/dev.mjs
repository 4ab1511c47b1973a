#!/usr/bin/env node
// `npm run dev`: the API server (restarting on change) and the Vite dev server
// (hot reload, proxying /api, /healthz and /readyz to the API) side by side.
// Ctrl-C stops both; if either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PORT ?? '3000';

const services = [
  {
    name: 'api',
    color: 36,
    command: process.execPath,
    args: ['--import', 'tsx', '--watch', 'apps/cli/src/main.ts', 'serve'],
    env: { PORT: apiPort },
  },
  {
    name: 'web',
    color: 35,
    command: process.execPath,
    args: [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url))],
    cwd: fileURLToPath(new URL('../apps/web/', import.meta.url)),
    env: { MAMORU_API_URL: process.env.MAMORU_API_URL ?? `http://localhost:${apiPort}` },
  },
];

const children = new Map();
let stopping = false;

function prefixLines(name, color, stream, target) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) target.write(`\x1b[${color}m[${name}]\x1b[0m ${line}\n`);
  });
  stream.on('end', () => {
    if (pending) target.write(`\x1b[${color}m[${name}]\x1b[0m ${pending}\n`);
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children.values()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  // Whatever has not stopped after a grace period is killed.
  setTimeout(() => {
    for (const child of children.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 5000).unref();
}

for (const service of services) {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd ?? root,
    env: { ...process.env, ...service.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(service.name, child);
  prefixLines(service.name, service.color, child.stdout, process.stdout);
  prefixLines(service.name, service.color, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(`[${service.name}] exited (${signal ?? `code ${code}`}); stopping the others`);
      stopAll(code || 1);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopAll(0));
}

console.log(
  `Mamoru dev: API on http://localhost:${apiPort}, web app on http://localhost:5173 (Ctrl-C stops both)`,
);
