/**
 * A user's first minutes, from the packed tarballs: `pnpm pack` each publishable package, install
 * the tarballs with npm into an empty project, and for each README's first example check that it
 * type-checks under `moduleResolution: nodenext` and runs against the mock gateway. Only the base
 * URL and the key are changed (through the environment, and the one literal URL in
 * core-transport's example).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstTypeScriptBlock } from './first-typescript-block.js';

const run = promisify(execFile);
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const apiKey = 'sk-pack-smoke';

const packages = [
  {
    name: '@gemgate/core-transport',
    directory: 'packages/core-transport',
    file: 'core-transport',
    route: 'native',
  },
  {
    name: '@gemgate/native-gemini',
    directory: 'packages/native-gemini',
    file: 'native-gemini',
    route: 'native',
  },
  {
    name: '@gemgate/openai-compat',
    directory: 'packages/openai-compat',
    file: 'openai-compat',
    route: 'openai',
  },
] as const;

/** The environment of a user's shell: none of ours or pnpm's settings leak into npm or the example. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(AIHUBMIX_|GEMGATE_|npm_|PNPM_|TURBO_|VITEST|NODE_OPTIONS$)/i.test(name)) continue;
    environment[name] = value;
  }
  // A registry mirror or cache the machine is set up with still applies.
  for (const name of ['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']) {
    if (process.env[name]) environment[name] = process.env[name];
  }
  return { ...environment, ...extra };
}

let gateway: Awaited<ReturnType<typeof startMockGateway>>;
let project: string;
let typeCheck: { ok: boolean; output: string };

beforeAll(async () => {
  for (const { name, directory } of packages) {
    if (!existsSync(join(workspaceRoot, directory, 'dist/index.js'))) {
      throw new Error(`${name} is not built: run \`pnpm build\` (turbo builds it before this test).`);
    }
  }
  gateway = await startMockGateway({ apiKeys: [apiKey] });
  project = await mkdtemp(join(tmpdir(), 'gemgate-pack-smoke-'));
  const tarballs = join(project, 'tarballs');
  await mkdir(tarballs);
  for (const { directory } of packages) {
    await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(workspaceRoot, directory) });
  }
  const tarballFiles = (await readdir(tarballs)).map((file) => join(tarballs, file));
  expect(tarballFiles).toHaveLength(packages.length);

  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'gemgate-pack-smoke-project', private: true, type: 'module' }, null, 2),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...tarballFiles,
      'zod@4',
      'undici',
      '@types/node@20',
    ],
    { cwd: project, env: userEnvironment({}), timeout: 100_000 },
  );

  // The same tsconfig a user starting a Node ESM project would write.
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        types: ['node'],
        outDir: 'out',
        // As `tsc --init` writes it; attw already checks how our declarations resolve.
        skipLibCheck: true,
      },
      include: ['examples'],
    }),
  );
  await mkdir(join(project, 'examples'));
  for (const { directory, file } of packages) {
    const readme = await readFile(join(project, 'node_modules', '@gemgate', file, 'README.md'), 'utf8').catch(
      () => readFile(join(workspaceRoot, directory, 'README.md'), 'utf8'),
    );
    const example = firstTypeScriptBlock({ markdown: readme }).replaceAll(
      'https://aihubmix.com',
      gateway.url,
    );
    await writeFile(join(project, 'examples', `${file}.ts`), example);
  }
  typeCheck = await run(process.execPath, [tsc, '-p', project], { cwd: project }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stdout?: string; stderr?: string }) => ({
      ok: false,
      output: `${error.stdout}${error.stderr}`,
    }),
  );
});

afterAll(async () => {
  await gateway?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the packed packages, installed with npm into an empty project', () => {
  it("type-check each README's first example with module and moduleResolution nodenext", () => {
    // The diagnostics are the assertion's message: they say which example broke and where.
    expect(typeCheck.output).toBe('');
    expect(typeCheck.ok).toBe(true);
  });

  it.each(packages)(
    '$file: the first README example runs against the mock gateway',
    async ({ file, route }) => {
      expect(typeCheck.ok).toBe(true);
      gateway.reset();
      const { stdout } = await run(process.execPath, [join(project, 'out', `${file}.js`)], {
        cwd: project,
        env: userEnvironment({ AIHUBMIX_API_KEY: apiKey, AIHUBMIX_BASE_URL: gateway.url }),
        timeout: 30_000,
      });
      expect(stdout.trim().length).toBeGreaterThan(0);
      expect(gateway.requests.length).toBeGreaterThan(0);
      expect(gateway.requests.map((request) => request.route)).toContain(route);
      expect(gateway.requests[0]?.headers[route === 'native' ? 'x-goog-api-key' : 'authorization']).toMatch(
        apiKey,
      );
    },
  );
});
