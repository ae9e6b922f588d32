import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, temporaryHome } from './run-cli.js';

const apiKey = 'sk-cli-test-0123456789abcdef';
let gateway: MockGateway;
let home: Record<string, string>;
let env: Record<string, string>;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
});
afterAll(async () => {
  await gateway.close();
});
beforeEach(async () => {
  gateway.reset();
  home = await temporaryHome();
  env = { ...home, AIHUBMIX_API_KEY: apiKey, AIHUBMIX_BASE_URL: gateway.url };
});

describe('gemgate --help, --version and bad usage', { timeout: 60_000 }, () => {
  it('--version prints the version and exits 0', async () => {
    const run = await runCli({ args: ['--version'], env: home });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--help lists every command and exits 0', async () => {
    const run = await runCli({ args: ['--help'], env: home });
    expect(run.code).toBe(0);
    for (const command of ['chat', 'models', 'tokens', 'usage', 'cache', 'config', 'mock', 'demo']) {
      expect(run.stdout).toContain(command);
    }
  });

  it('an unknown option, command or bad value exits 2 with a message, never a stack trace', async () => {
    for (const args of [
      ['chat', '--bogus', 'x'],
      ['nonsense'],
      ['chat', '--api', 'grpc', 'x'],
      ['chat', '--max-tokens', 'lots', 'x'],
    ]) {
      const run = await runCli({ args, env });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('contradicting flags are a usage error before anything is sent', async () => {
    const run = await runCli({ args: ['chat', '--no-thinking', '--thinking-budget', '100', 'x'], env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--no-thinking');
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('gemgate config', { timeout: 60_000 }, () => {
  it('stores the key owner-only, masks it on get, and chat uses it', async () => {
    const set = await runCli({ args: ['config', 'set', 'apiKey', apiKey], env: home });
    expect(set.code).toBe(0);
    expect(set.stdout).not.toContain(apiKey);
    const file = join(home.XDG_CONFIG_HOME as string, 'gemgate', 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const get = await runCli({ args: ['config', 'get', 'apiKey'], env: home });
    expect(get.stdout.trim()).toBe(`****${apiKey.slice(-4)}`);
    const all = await runCli({ args: ['config', 'get'], env: home });
    expect(all.stdout).not.toContain(apiKey);
    await runCli({ args: ['config', 'set', 'baseURL', gateway.url], env: home });
    const chat = await runCli({ args: ['chat', '--quiet', 'Hi'], env: home });
    expect(chat.code).toBe(0);
    expect(gateway.requests.at(-1)?.headers['x-goog-api-key']).toBe(apiKey);
  });

  it('the environment wins over the file', async () => {
    await runCli({ args: ['config', 'set', 'apiKey', 'sk-file-key-0123456789abcdef'], env: home });
    await runCli({ args: ['config', 'set', 'baseURL', 'http://127.0.0.1:1'], env: home });
    const chat = await runCli({ args: ['chat', '--quiet', 'Hi'], env });
    expect(chat.code).toBe(0);
    expect(gateway.requests.at(-1)?.headers['x-goog-api-key']).toBe(apiKey);
  });

  it('unset removes a setting; an unknown setting is a usage error', async () => {
    await runCli({ args: ['config', 'set', 'model', 'gemini-2.0-flash'], env: home });
    expect((await runCli({ args: ['config', 'get', 'model'], env: home })).stdout.trim()).toBe(
      'gemini-2.0-flash',
    );
    await runCli({ args: ['config', 'unset', 'model'], env: home });
    expect((await runCli({ args: ['config', 'get', 'model'], env: home })).stdout.trim()).toBe('(not set)');
    const bad = await runCli({ args: ['config', 'set', 'colour', 'blue'], env: home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('apiKey, baseURL, appCode, model');
  });

  it('a loose file mode is tightened on the next write', async () => {
    await runCli({ args: ['config', 'set', 'model', 'gemini-2.5-pro'], env: home });
    const file = join(home.XDG_CONFIG_HOME as string, 'gemgate', 'config.json');
    const { chmod } = await import('node:fs/promises');
    await chmod(file, 0o644);
    await runCli({ args: ['config', 'set', 'apiKey', apiKey], env: home });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('gemgate models, tokens, usage, cache', { timeout: 60_000 }, () => {
  it('models lists ids on either route, filtered', async () => {
    const openai = await runCli({ args: ['models', 'flash'], env });
    expect(openai.code).toBe(0);
    const ids = openai.stdout.trim().split('\n');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toContain('flash');
    expect(gateway.requests.at(-1)?.path).toBe('/v1/models');
    const native = await runCli({ args: ['models', '--api', 'native', '--json'], env });
    expect(JSON.parse(native.stdout)).toContain('gemini-2.5-flash');
    expect(gateway.requests.at(-1)?.route).toBe('native');
  });

  it('models --details reads the models API once, caches it, and merges the catalog', async () => {
    const run = await runCli({ args: ['models', 'gemini-2.5-flash', '--details'], env });
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((each) => each.startsWith('gemini-2.5-flash '));
    expect(line).toMatch(/context \d+/);
    expect(line).toMatch(/\$[\d.]+\/M in/);
    expect(run.stdout).toMatch(/\(models API as of \d{4}-/);
    const fetches = () => gateway.requests.filter((request) => request.path === '/api/v1/models').length;
    expect(fetches()).toBe(1);
    // A second run within the day reads the cached copy; --refresh fetches again.
    await runCli({ args: ['models', '--details', '--json'], env });
    expect(fetches()).toBe(1);
    await runCli({ args: ['models', '--details', '--refresh'], env });
    expect(fetches()).toBe(2);
  });

  it("prices a chat with the gateway's own prices once models --details has cached them", async () => {
    const fresh = { ...(await temporaryHome()), AIHUBMIX_API_KEY: apiKey, AIHUBMIX_BASE_URL: gateway.url };
    const costOf = (stderr: string) => Number(/~\$(\d+\.\d+)/.exec(stderr)?.[1]);
    const chat = () =>
      runCli({ args: ['chat', '--model', 'gemini-2.0-flash', '--no-stream', 'Hello there'], env: fresh });
    const before = costOf((await chat()).stderr);
    expect(before).toBeGreaterThan(0);
    expect((await runCli({ args: ['models', '--details'], env: fresh })).code).toBe(0);
    // The mock's models API prices gemini-2.0-flash at $1/M in and $4/M out, ten times the dated table.
    const after = costOf((await chat()).stderr);
    expect(after).toBeGreaterThan(before * 5);
  });

  it('tokens counts with countTokens', async () => {
    const run = await runCli({ args: ['tokens', 'How many tokens is this?'], env });
    expect(run.code).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
    expect(gateway.requests.at(-1)?.path).toContain(':countTokens');
  });

  it('tokens counts a file with the prompt', async () => {
    const csv = join(home.HOME as string, 'data.csv');
    await writeFile(csv, 'city,celsius\nParis,21\nOslo,9\n');
    const run = await runCli({ args: ['tokens', '--file', csv, 'Summarise'], env });
    expect(run.code).toBe(0);
    const body = gateway.requests.at(-1)?.body as Record<string, any> | undefined;
    expect(body?.contents[0].parts[0].inlineData.mimeType).toBe('text/csv');
    expect(body?.contents[0].parts[1].text).toBe('Summarise');
  });

  it('mock runs the gateway in the foreground until SIGINT, then exits 0', async () => {
    const { spawn } = await import('node:child_process');
    const { binPath, appDirectory } = await import('./run-cli.js');
    const child = spawn(process.execPath, [binPath, 'mock', '--port', '0'], {
      cwd: appDirectory,
      env: { PATH: process.env.PATH, ...home },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const { vi } = await import('vitest');
    await vi.waitFor(() => expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/), {
      timeout: 30_000,
      interval: 50,
    });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const chat = await runCli({
      args: ['chat', '--quiet', 'Hi'],
      env: { ...home, AIHUBMIX_API_KEY: 'any-key', AIHUBMIX_BASE_URL: url },
    });
    expect(chat.code).toBe(0);
    child.kill('SIGINT');
    expect(await closed).toBe(0);
  });

  it('usage sums the calls chat made, by model and by route', async () => {
    const empty = await runCli({ args: ['usage'], env });
    expect(empty.stdout).toContain('No calls recorded yet');
    await runCli({ args: ['chat', '--quiet', 'Hi'], env });
    await runCli({ args: ['chat', '--quiet', '-m', 'gemini-2.5-flash-nothink', 'Hi'], env });
    const byModel = await runCli({ args: ['usage', '--json'], env });
    const report = JSON.parse(byModel.stdout);
    expect(report.calls).toBe(2);
    expect(Object.keys(report.totals).sort()).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash-nothink']);
    const byRoute = await runCli({ args: ['usage', '--by', 'route'], env });
    expect(byRoute.stdout).toMatch(/native\s+1/);
    expect(byRoute.stdout).toMatch(/openai\s+1/);
  });

  it('chat --cache answers a repeated call from the local cache; cache stats and clear', async () => {
    const first = await runCli({ args: ['chat', '--cache', '--no-stream', 'Same question'], env });
    expect(first.code).toBe(0);
    const second = await runCli({ args: ['chat', '--cache', '--no-stream', 'Same question'], env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('cache hit');
    expect(gateway.requests.filter((request) => request.path.includes('generateContent'))).toHaveLength(1);
    expect((await runCli({ args: ['cache', 'stats'], env })).stdout).toMatch(/^1 cached answer/);
    expect((await runCli({ args: ['cache', 'clear'], env })).stdout).toContain('Cleared 1');
    expect((await runCli({ args: ['cache', 'stats'], env })).stdout).toMatch(/^0 cached answer/);
  });
});

describe('gemgate chat --file and --tools', { timeout: 60_000 }, () => {
  it('--file sends an image inline on the native route and as image_url on the OpenAI route', async () => {
    const png = join(home.HOME as string, 'dot.png');
    // A 1×1 PNG: its magic bytes say image/png.
    await writeFile(
      png,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const native = await runCli({ args: ['chat', '--quiet', '--file', png, 'Describe the image.'], env });
    expect(native.code).toBe(0);
    const nativeBody = gateway.requests.at(-1)?.body as Record<string, any>;
    expect(nativeBody.contents[0].parts[0].inlineData.mimeType).toBe('image/png');
    const openai = await runCli({
      args: ['chat', '--quiet', '--api', 'openai', '-f', png, 'Describe the image.'],
      env,
    });
    expect(openai.code).toBe(0);
    const openaiBody = gateway.requests.at(-1)?.body as Record<string, any>;
    expect(openaiBody.messages[0].content[0].image_url.url).toMatch(/^data:image\/png;base64,/);
  });

  it('a file too large for the gateway is refused before any upload, exit 2', async () => {
    const big = join(home.HOME as string, 'big.csv');
    await writeFile(big, Buffer.alloc(16 * 1024 * 1024, 'a,b,c\n'));
    const run = await runCli({ args: ['chat', '--file', big, 'Summarise'], env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('MediaTooLargeError');
    expect(gateway.requests).toHaveLength(0);
  });

  it('--tools runs the module’s tools in the loop and shows each call', async () => {
    const run = await runCli({
      args: ['chat', '--tools', 'test/fixtures/weather-tools.mjs', 'Use get_weather: is it warm in Paris?'],
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('→ get_weather(');
    expect(run.stderr).toContain('← get_weather:');
    expect(run.stderr).toMatch(/2 step\(s\)/);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
  });

  it('--tools with a module that exports no tool is a usage error', async () => {
    const run = await runCli({ args: ['chat', '--tools', 'test/run-cli.ts', 'Hi'], env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exports no tool');
  });
});
