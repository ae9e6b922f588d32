import { type MockGateway, startMockGateway } from '@gemgate/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, temporaryHome } from './run-cli.js';

const apiKey = 'sk-cli-test-0123456789abcdef';
let gateway: MockGateway;
let env: Record<string, string>;

beforeAll(async () => {
  gateway = await startMockGateway({ apiKeys: [apiKey] });
});
afterAll(async () => {
  await gateway.close();
});
beforeEach(async () => {
  gateway.reset();
  env = { ...(await temporaryHome()), AIHUBMIX_API_KEY: apiKey, AIHUBMIX_BASE_URL: gateway.url };
});

const escapeByte = '\u001b';

/** stderr without the clients' one-line warnings (a retired model, say), which come and go with the catalog. */
const withoutWarnings = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('gemgate: warning:'))
    .join('\n');

describe('gemgate chat, one-shot', { timeout: 60_000 }, () => {
  it('streams an answer on the native route, then one stats line on stderr', async () => {
    const run = await runCli({ args: ['chat', 'Hello there'], env });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stderr).toMatch(/gemini-2\.5-flash \(native\) · in \d+ · out \d+/);
    expect(run.stderr).toMatch(/~\$\d+\.\d{6}/);
    const request = gateway.requests.at(-1);
    expect(request?.route).toBe('native');
    expect(request?.path).toContain(':streamGenerateContent');
    expect(run.stdout + run.stderr).not.toContain(apiKey);
  });

  it('reads the prompt from stdin, and piped output carries no colour or spinner bytes', async () => {
    const run = await runCli({
      args: ['chat'],
      env: { ...env, FORCE_COLOR: '1' },
      input: 'What is a prime?',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(escapeByte);
    expect(run.stderr).not.toContain(escapeByte);
    const body = gateway.requests.at(-1)?.body as { contents: Array<{ parts: Array<{ text: string }> }> };
    expect(body.contents[0]?.parts.at(-1)?.text).toBe('What is a prime?');
  });

  it('sends -nothink ids to the OpenAI route by default, and --api overrides the route', async () => {
    await runCli({ args: ['chat', '-m', 'gemini-2.5-flash-nothink', 'Hi'], env });
    expect(gateway.requests.at(-1)?.route).toBe('openai');
    await runCli({ args: ['chat', '--api', 'openai', 'Hi'], env });
    expect(gateway.requests.at(-1)?.route).toBe('openai');
    expect(gateway.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });

  it('maps the flags onto the native request', async () => {
    const run = await runCli({
      args: [
        'chat',
        '--system',
        'Be brief.',
        '--temperature',
        '0.2',
        '--max-tokens',
        '300',
        '--thinking-budget',
        '512',
        '--show-thoughts',
        '--media-resolution',
        'medium',
        'Hi',
      ],
      env,
    });
    expect(run.code).toBe(0);
    const body = gateway.requests.at(-1)?.body as Record<string, any>;
    expect(body.systemInstruction.parts[0].text).toBe('Be brief.');
    expect(body.generationConfig).toMatchObject({
      temperature: 0.2,
      maxOutputTokens: 300,
      thinkingConfig: { thinkingBudget: 512, includeThoughts: true },
      mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
    });
    // Thoughts go to stderr, apart from the answer on stdout.
    expect(run.stderr).toContain('thinking:');
  });

  it('maps the flags onto the OpenAI request', async () => {
    const run = await runCli({
      args: [
        'chat',
        '--api',
        'openai',
        '--system',
        'Be brief.',
        '--temperature',
        '1',
        '--max-tokens',
        '100',
        '--reasoning-effort',
        'low',
        'Hi',
      ],
      env,
    });
    expect(run.code).toBe(0);
    const body = gateway.requests.at(-1)?.body as Record<string, any>;
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(body).toMatchObject({ temperature: 1, max_tokens: 100, reasoning_effort: 'low', stream: true });
  });

  it('--thinking-level goes to a Gemini 3 model as thinkingLevel', async () => {
    const run = await runCli({
      args: ['chat', '-m', 'gemini-3-flash-preview', '--thinking-level', 'low', '--quiet', 'Hi'],
      env,
    });
    expect(run.code).toBe(0);
    const body = gateway.requests.at(-1)?.body as Record<string, any> | undefined;
    expect(body?.generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'low' });
  });

  it('an empty piped prompt is a usage error, nothing sent', async () => {
    const run = await runCli({ args: ['chat'], env, input: '  \n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No prompt');
    expect(gateway.requests).toHaveLength(0);
  });

  it('--no-thinking sends a budget of 0', async () => {
    await runCli({ args: ['chat', '--no-thinking', 'Hi'], env });
    const body = gateway.requests.at(-1)?.body as Record<string, any>;
    expect(body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
  });

  it('--json streams the wire chunks as JSON lines, and --no-stream --json prints the wire response', async () => {
    const streamed = await runCli({ args: ['chat', '--json', 'Hi'], env });
    expect(streamed.code).toBe(0);
    const lines = streamed.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('candidates');
    expect(withoutWarnings(streamed.stderr)).toBe('');
    const whole = await runCli({ args: ['chat', '--json', '--no-stream', 'Hi'], env });
    expect(JSON.parse(whole.stdout)).toHaveProperty('usageMetadata');
    expect(gateway.requests.at(-1)?.path).toContain(':generateContent');
  });

  it('--quiet leaves the stats line out', async () => {
    const run = await runCli({ args: ['chat', '--quiet', 'Hi'], env });
    expect(run.code).toBe(0);
    expect(withoutWarnings(run.stderr)).toBe('');
  });

  it('--code asks for code execution and prints code and results as blocks', async () => {
    const run = await runCli({ args: ['chat', '--code', '--quiet', 'Sum 1, 2 and 3 with code'], env });
    expect(run.code).toBe(0);
    expect((gateway.requests.at(-1)?.body as Record<string, any> | undefined)?.tools).toEqual([
      { codeExecution: {} },
    ]);
    expect(run.stdout).toMatch(/```python\n[\s\S]+\n```/);
    expect(run.stdout).toMatch(/```output \(ok\)\n[\s\S]+\n```/);
  });

  it('--code on the OpenAI route is a usage error', async () => {
    const run = await runCli({ args: ['chat', '--code', '--api', 'openai', 'Hi'], env });
    expect(run.code).toBe(2);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('gemgate chat, failures and exit codes', { timeout: 60_000 }, () => {
  it('a wrong key exits 3, and the key is never printed', async () => {
    const wrongKey = 'sk-wrong-key-0123456789abcdef';
    const run = await runCli({ args: ['chat', 'Hi'], env: { ...env, AIHUBMIX_API_KEY: wrongKey } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AuthenticationError');
    expect(run.stdout + run.stderr).not.toContain(wrongKey);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing key exits 3 and says how to set it', async () => {
    const run = await runCli({ args: ['chat', 'Hi'], env: { ...env, AIHUBMIX_API_KEY: undefined } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AIHUBMIX_API_KEY');
    expect(run.stderr).toContain('gemgate config set apiKey');
    expect(gateway.requests).toHaveLength(0);
  });

  it('rate limiting past the retries exits 4', async () => {
    gateway.scheduleFault({ fault: '429; retry-after-ms=1', times: 3 });
    const run = await runCli({ args: ['chat', 'Hi'], env });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('RateLimitError');
  });

  it('an upstream 500 past the retries exits 6', async () => {
    gateway.scheduleFault({ fault: '500', times: 3 });
    const run = await runCli({ args: ['chat', '--timeout', '30000', 'Hi'], env });
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('ServerError');
  });

  it('the gateway down exits 5 with one line, no stack trace', async () => {
    const run = await runCli({
      args: ['chat', 'Hi'],
      env: { ...env, AIHUBMIX_BASE_URL: 'http://127.0.0.1:1' },
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('ConnectionError');
    expect(withoutWarnings(run.stderr).split('\n')).toHaveLength(1);
  });

  it('SIGINT mid-stream exits 130 without a half line', async () => {
    gateway.scheduleFault({ fault: 'slow-chunks=300', times: 1 });
    const run = await runCli({
      args: ['chat', '--quiet', 'Tell me a long story'],
      env,
      onStdout: (text, child) => {
        if (text.length > 0 && !child.killed) child.kill('SIGINT');
      },
    });
    expect(run.code).toBe(130);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stderr).toContain('Interrupted');
  });

  it('--timeout gives up with exit 5', async () => {
    gateway.scheduleFault({ fault: 'slow-first-byte=5000', times: 3 });
    const run = await runCli({ args: ['chat', '--timeout', '200', 'Hi'], env });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('TimeoutError');
  });

  it('--show-thoughts on the OpenAI route asks for thoughts and prints them on stderr', async () => {
    const run = await runCli({
      args: ['chat', '--api', 'openai', '--show-thoughts', '--quiet', 'Is 91 prime?'],
      env,
    });
    expect(run.code).toBe(0);
    const body = gateway.requests.at(-1)?.body as Record<string, any> | undefined;
    expect(body?.extra_body).toEqual({ google: { thinking_config: { include_thoughts: true } } });
    expect(run.stderr).toContain('thinking:');
    expect(run.stdout).not.toContain('thinking:');
  });

  it('--base-url wins over AIHUBMIX_BASE_URL', async () => {
    const run = await runCli({
      args: ['chat', '--base-url', gateway.url, 'Hi'],
      env: { ...env, AIHUBMIX_BASE_URL: 'http://127.0.0.1:1' },
    });
    expect(run.code).toBe(0);
  });
});
