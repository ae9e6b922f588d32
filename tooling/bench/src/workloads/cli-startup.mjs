// Row: the start-up of the `gemgate` command (apps/cli's built dist/main.js) for `--version`
// and `--help`, beside a bare `node -e 0`, each a fresh process. The CLI loads only commander
// before parsing: every command imports its clients lazily. Read the wall time: the target is
// ≤ 150 ms per `gemgate --version` on this kind of machine. The CPU column is the parent's
// (spawning and waiting), not the child's, so the ratio says little here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../../../../apps/cli/dist/main.js', import.meta.url));
// `pnpm bench` builds first, so figures always come from dist/. The smoke run of `pnpm test`
// builds nothing: there the committed bin shim (which runs the sources) stands in, to check
// the answers only.
const cli = existsSync(built)
  ? built
  : fileURLToPath(new URL('../../../../apps/cli/bin/gemgate.js', import.meta.url));

function spawnDriver(args) {
  return async () => {
    return {
      once: async () => ({
        output: execFileSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH } }),
      }),
    };
  };
}

export default {
  name: 'cli-startup',
  description:
    'A fresh `gemgate --version` / `--help` process against `node -e 0`: read the wall time (target ≤ 150 ms for --version).',
  baseline: 'node -e 0',
  iterations: 20,
  warmup: 3,
  repeats: 3,
  upstream: 'none',
  drivers: {
    'node -e 0': spawnDriver(['-e', 'process.stdout.write("0.0.0\\n")']),
    'gemgate --version': spawnDriver([cli, '--version']),
    'gemgate --help': spawnDriver([cli, '--help']),
  },
  check(answer, driverName) {
    const expected = driverName === 'gemgate --help' ? /Usage: gemgate/ : /^\d+\.\d+\.\d+\n$/;
    if (!expected.test(answer.output))
      throw new Error(`${driverName}: unexpected output ${JSON.stringify(answer.output)}`);
  },
};
