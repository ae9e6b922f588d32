import { describeModel, loadModelRegistry, lookupModel } from '@gemgate/core-transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockGateway, startMockGateway } from '../src/index.js';

/** Core's capability registry, loaded from the mock's own `GET /api/v1/models`. */
describe("core's registry from the mock's models API", () => {
  let gateway: MockGateway;
  let perMillion: MockGateway;

  beforeAll(async () => {
    gateway = await startMockGateway();
    perMillion = await startMockGateway({ knobs: { 'x-mock-price-unit': 'per-million' } });
  });
  afterAll(async () => {
    await gateway.close();
    await perMillion.close();
  });

  it('loads every listed model with limits, features and prices the unit check trusts', async () => {
    const origin = new URL(gateway.nativeBaseURL).origin;
    const registry = await loadModelRegistry({ origin });
    expect(registry.pricesTrusted).toBe(true);
    expect(gateway.requests.at(-1)?.path).toBe('/api/v1/models');
    const argon = describeModel({ model: 'gemini-4-argon', registry });
    expect(argon.rules?.family).toBe('gemini-4');
    expect(argon.registry?.features).toContain('thinking');
    expect(argon.pricing).toEqual({ input: 0.004, output: 0.024, cacheRead: 0.0004, cacheWrite: undefined });
    // Each listed id core knows agrees on its limits with the mock's own table.
    for (const entry of registry.entries) {
      const info = lookupModel(entry.id);
      if (!info) continue;
      expect([entry.id, entry.contextLength, entry.maxOutput]).toEqual([
        entry.id,
        info.inputTokenLimit,
        info.outputTokenLimit,
      ]);
    }
  });

  it('drops the prices when the answer is priced per million', async () => {
    const registry = await loadModelRegistry({ origin: new URL(perMillion.nativeBaseURL).origin });
    expect(registry.pricesTrusted).toBe(false);
    expect(describeModel({ model: 'gemini-3.8-flash', registry }).pricing).toBeUndefined();
  });
});
