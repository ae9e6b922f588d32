#!/usr/bin/env node
import { runCli } from './run-cli.js';

await runCli({
  argv: process.argv.slice(2),
  log: (line) => console.log(line),
  once: (signal, listener) => process.once(signal, listener),
  exit: (code) => process.exit(code),
});
