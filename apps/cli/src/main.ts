#!/usr/bin/env node
import { run } from './program.ts';

const code = await run(process.argv.slice(2));
// `serve` keeps the process alive through its listener; everything else ends here.
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
