import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index.js';
import { makeSamplePng } from '../examples/make-sample-png.js';
import { useTemporaryDirectory } from './fixtures.js';
import { apiKey, useGateway } from './use-gateway.js';

const { gateway } = useGateway();
const files = useTemporaryDirectory();
const png = makeSamplePng({ width: 32, height: 32 });
const imagePath = files.write('file.png', png);
const csv = [
  'city,population,area_km2',
  'Paris,2102650,105.4',
  'Lyon,522250,47.9',
  'Marseille,873076,240.6',
].join('\n');
const csvPath = files.write('file.csv', csv);

async function runExample(name: string, filePath: string): Promise<string[]> {
  const example = examples.find((candidate) => candidate.name === name)!;
  const lines: string[] = [];
  const baseURL = example.route === 'native' ? gateway().nativeBaseURL : gateway().openaiBaseURL;
  await example.run({ baseURL, apiKey, filePath, log: (line) => lines.push(line) });
  return lines;
}

type Body = Record<string, any>;

describe("the guide's media examples, run against the mock gateway", () => {
  it("describe-image streams the file inline with the guide's config", async () => {
    const lines = await runExample('describe-image', imagePath);
    expect(lines[0]?.length).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/^image\/png, \d+ bytes; input tokens: \d+$/);
    const body = gateway().requests[0]!.body as Body;
    expect(body.contents[0].parts[0].inlineData.mimeType).toBe('image/png');
    expect(Buffer.from(body.contents[0].parts[0].inlineData.data, 'base64').equals(png)).toBe(true);
    expect(body.contents[0].parts[1]).toEqual({ text: 'Describe the image.' });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 768,
      temperature: 0.1,
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
      mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
    });
  });

  it('csv-code-execution sends text/csv and prints the text, the generated code and its result', async () => {
    const lines = await runExample('csv-code-execution', csvPath);
    const body = gateway().requests[0]!.body as Body;
    expect(body.contents[0].parts[0].inlineData.mimeType).toBe('text/csv');
    expect(Buffer.from(body.contents[0].parts[0].inlineData.data, 'base64').toString()).toBe(csv);
    expect(body).toMatchObject({ tools: [{ codeExecution: {} }] });
    expect(
      lines.some((line) => line.startsWith('Generated code:\n') && line.length > 'Generated code:\n'.length),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith('Execution result:\n'))).toBe(true);
  });

  it('describe-image-openai sends the file as an image_url data URL', async () => {
    const lines = await runExample('describe-image-openai', imagePath);
    expect(lines[0]?.length).toBeGreaterThan(0);
    const body = gateway().requests[0]!.body as Body;
    const url: string = body.messages[1].content[0].image_url.url;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64').equals(png)).toBe(true);
  });
});
