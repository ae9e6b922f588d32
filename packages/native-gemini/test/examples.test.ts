import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index.js';
import { apiKey, useGateway } from './gateway.js';

const { gateway } = useGateway();

async function runExample(name: string): Promise<string[]> {
  const example = examples.find((candidate) => candidate.name === name)!;
  const lines: string[] = [];
  await example.run({ baseURL: gateway().nativeBaseURL, apiKey, log: (line) => lines.push(line) });
  return lines;
}

describe('the seed examples, run against the mock gateway', () => {
  it('lists one twin per native example of the seed', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'basic-generate',
      'describe-image',
      'csv-code-execution',
      'implicit-caching',
      'stream-rule-of-72',
    ]);
  });

  it('basic-generate asks gemini-2.0-flash and prints the answer', async () => {
    const lines = await runExample('basic-generate');
    expect(lines[0]?.length).toBeGreaterThan(0);
    expect(lines[1]).toBe('finish reason: STOP');
    expect(gateway().requests[0]?.path).toBe('/gemini/v1beta/models/gemini-2.0-flash:generateContent');
  });

  it('describe-image sends a valid PNG inline with the seed config', async () => {
    const lines = await runExample('describe-image');
    expect(lines[0]?.length).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/thinking tokens: 0$/);
    const body = gateway().requests[0]?.body as Record<string, any>;
    const image = Buffer.from(body.contents[0].parts[0].inlineData.data, 'base64');
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(body.systemInstruction).toEqual({
      role: 'user',
      parts: [{ text: 'You are a helpful assistant that can describe images.' }],
    });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 768,
      temperature: 0.1,
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
      mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
    });
  });

  it('csv-code-execution prints the text, the generated code and its result', async () => {
    const lines = await runExample('csv-code-execution');
    expect(
      lines.some((line) => line.startsWith('Generated code:\n') && line.length > 'Generated code:\n'.length),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith('Execution result (OUTCOME_OK):'))).toBe(true);
    expect(gateway().requests[0]?.body).toMatchObject({ tools: [{ codeExecution: {} }] });
  });

  it('implicit-caching misses on the first call and hits on the second', async () => {
    const lines = await runExample('implicit-caching');
    expect(lines[1]).toMatch(/cache miss$/);
    expect(lines[3]).toMatch(/cache hit$/);
    expect(lines[2]).toContain('cachedContentTokenCount');
  });

  it('stream-rule-of-72 prints each chunk and the final usage', async () => {
    const lines = await runExample('stream-rule-of-72');
    const chunkLines = lines.filter((line) => line.startsWith('chunk '));
    expect(chunkLines.length).toBeGreaterThan(1);
    expect(lines.at(-2)).toMatch(/^Usage: \{.*"totalTokenCount"/);
    expect(lines.at(-1)).toMatch(/^input \d+, output \d+ \(thinking \d+\)$/);
    expect(gateway().requests[0]?.query).toEqual({ alt: 'sse' });
    expect(gateway().requests[0]?.body).toMatchObject({
      generationConfig: { responseMimeType: 'text/plain' },
    });
  });
});
