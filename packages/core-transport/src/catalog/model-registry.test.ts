import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseValidationError, UpstreamError } from '../errors.js';
import recorded from './__fixtures__/models-api-answer.json' with { type: 'json' };
import { describeModel, loadModelRegistry, parseModelsAnswer } from './model-registry.js';

const fetchedAt = new Date('2026-12-01T00:00:00Z');

describe('parseModelsAnswer (a recorded models-API answer)', () => {
  it('reads ids, features, modalities, limits and prices per 1K tokens', () => {
    const registry = parseModelsAnswer({ answer: recorded, fetchedAt });
    expect(registry.fetchedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(registry.pricesTrusted).toBe(true);
    const flash = registry.entries.find((entry) => entry.id === 'gemini-3.8-flash');
    expect(flash).toMatchObject({
      features: ['thinking', 'tools', 'function_calling', 'web', 'long_context', 'structured_outputs'],
      inputModalities: ['text', 'image', 'audio', 'video', 'pdf'],
      contextLength: 1_048_576,
      maxOutput: 65_536,
      pricing: { input: 0.0005, output: 0.003, cacheRead: 0.00005, cacheWrite: 0.0001 },
    });
  });

  it('drops the prices when the reference model is priced per million instead of per 1K', () => {
    const perMillion = structuredClone(recorded) as { data: { pricing: Record<string, number> }[] };
    for (const item of perMillion.data) {
      for (const key of Object.keys(item.pricing)) item.pricing[key] = item.pricing[key]! * 1000;
    }
    const registry = parseModelsAnswer({ answer: perMillion, fetchedAt });
    expect(registry.pricesTrusted).toBe(false);
    expect(registry.entries.every((entry) => entry.pricing === undefined)).toBe(true);
    expect(registry.entries.length).toBe(4);
  });

  it('does not trust prices when the reference model is missing', () => {
    const answer = { data: recorded.data.filter((item) => item.model_id !== 'gemini-2.5-flash') };
    expect(parseModelsAnswer({ answer, fetchedAt }).pricesTrusted).toBe(false);
  });

  it('refuses an answer without a data list', () => {
    expect(() => parseModelsAnswer({ answer: { models: [] }, fetchedAt })).toThrow(ResponseValidationError);
  });
});

describe('describeModel', () => {
  const registry = parseModelsAnswer({ answer: recorded, fetchedAt });

  it('keeps the local rules over the registry and adds its prices', () => {
    const flash = describeModel({ model: 'models/gemini-3.8-flash', registry });
    expect(flash.rules?.family).toBe('gemini-3.7-flash');
    expect(flash.outputTokenLimit).toBe(65_536);
    expect(flash.pricing?.cacheRead).toBe(0.00005);
  });

  it('fills limits from the registry for a model the catalog does not know, which stays unchecked', () => {
    const live = describeModel({ model: 'gemini-3.8-live', registry });
    expect(live.rules).toBeUndefined();
    expect(live.inputTokenLimit).toBe(131_072);
    expect(live.outputTokenLimit).toBe(8192);
  });

  it('finds the base id of a gateway variant', () => {
    expect(describeModel({ model: 'gemini-2.5-flash-nothink', registry }).pricing?.input).toBe(0.0003);
  });
});

describe('loadModelRegistry', () => {
  let server: Server;
  let origin: string;
  let hits = 0;
  let status = 200;
  let directory: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      expect(request.url).toBe('/api/v1/models');
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(status === 200 ? recorded : { error: 'down' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    directory = await mkdtemp(join(tmpdir(), 'gemgate-registry-'));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(directory, { recursive: true, force: true });
  });

  it('fetches, writes the cache with its date, then reads the cache until it is stale', async () => {
    const cacheFile = join(directory, 'nested', 'models.json');
    hits = 0;
    const first = await loadModelRegistry({ origin, cacheFile, now: () => fetchedAt });
    expect(hits).toBe(1);
    expect(first.entries).toHaveLength(4);
    const written = JSON.parse(await readFile(cacheFile, 'utf8'));
    expect(written.fetchedAt).toBe('2026-12-01T00:00:00.000Z');

    const oneHourLater = new Date(fetchedAt.getTime() + 60 * 60 * 1000);
    const cached = await loadModelRegistry({ origin, cacheFile, now: () => oneHourLater });
    expect(hits).toBe(1);
    expect(cached.fetchedAt).toBe(first.fetchedAt);

    const twoDaysLater = new Date(fetchedAt.getTime() + 2 * 24 * 60 * 60 * 1000);
    const refreshed = await loadModelRegistry({ origin, cacheFile, now: () => twoDaysLater });
    expect(hits).toBe(2);
    expect(refreshed.fetchedAt).toBe(twoDaysLater.toISOString());
  });

  it('fetches again over a damaged cache file', async () => {
    const cacheFile = join(directory, 'damaged.json');
    await writeFile(cacheFile, '{ not json');
    hits = 0;
    await loadModelRegistry({ origin, cacheFile, now: () => fetchedAt });
    expect(hits).toBe(1);
  });

  it('reports a failed answer as an UpstreamError', async () => {
    status = 503;
    try {
      await expect(loadModelRegistry({ origin, refresh: true })).rejects.toSatisfy(
        (error: unknown) => UpstreamError.isInstance(error) && (error as UpstreamError).statusCode === 503,
      );
    } finally {
      status = 200;
    }
  });
});
