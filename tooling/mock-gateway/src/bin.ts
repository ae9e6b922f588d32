#!/usr/bin/env node
import { runCli } from './run-cli.js';

try {
  await runCli({
    argv: process.argv.slice(2),
    log: (line) => console.log(line),
    once: (signal, listener) => process.once(signal, listener),
    exit: (code) => process.exit(code),
  });
} catch (error) {
  // A bad flag or a busy port is the user's to fix: say what, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
