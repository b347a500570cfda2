#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so there is no build step between a clone and a running city.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
});
// -1: a server is running and keeps the process alive.
if (code >= 0) process.exit(code);
