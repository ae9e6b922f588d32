import { InvalidArgumentError, PermissionDeniedError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { useGateway } from './gateway.js';

const { gateway, client } = useGateway();

const document = 'The quick brown fox jumps over the lazy dog. '.repeat(400);

describe('caches against the mock gateway', () => {
  it('creates, gets, lists, updates and deletes a cache', async () => {
    const { caches } = client();
    const created = await caches.create({
      model: 'gemini-2.5-flash',
      config: {
        contents: document,
        systemInstruction: 'Answer from the document.',
        ttl: 300,
        displayName: 'doc',
      },
    });
    expect(created.name).toMatch(/^cachedContents\//);
    expect(gateway().requests[0]?.body).toMatchObject({
      model: 'models/gemini-2.5-flash',
      ttl: '300s',
      displayName: 'doc',
      systemInstruction: { role: 'user', parts: [{ text: 'Answer from the document.' }] },
    });

    const fetched = await caches.get({ name: created.name });
    expect(fetched.name).toBe(created.name);

    const names: string[] = [];
    for await (const cache of await caches.list()) names.push(cache.name);
    expect(names).toContain(created.name);

    const expireTime = new Date(Date.now() + 3_600_000);
    const updated = await caches.update({ name: created.name, config: { expireTime } });
    expect(new Date(updated.expireTime!).getTime()).toBe(expireTime.getTime());
    const patch = gateway().requests.at(-1);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.query).toEqual({ updateMask: 'expireTime' });

    await caches.update({ name: created.name, config: { ttl: '600s' } });
    expect(gateway().requests.at(-1)?.body).toEqual({ ttl: '600s' });

    await caches.delete({ name: created.name });
    // Google answers 403 "CachedContent not found (or permission denied)" for a deleted cache.
    await expect(caches.get({ name: created.name })).rejects.toSatisfy((error) =>
      PermissionDeniedError.isInstance(error),
    );
  });

  it('uses a cache with cachedContent at the top level of generateContent, reporting cached tokens', async () => {
    const gemini = client();
    const cache = await gemini.caches.create({
      model: 'gemini-2.5-flash',
      config: { contents: document, ttl: '60s' },
    });
    const response = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Summarise the document',
      config: { cachedContent: cache.name, temperature: 0 },
    });
    const sent = gateway().requests.at(-1)?.body as Record<string, unknown>;
    expect(sent.cachedContent).toBe(cache.name);
    expect(sent.generationConfig).toEqual({ temperature: 0 });
    expect(response.usage.cachedInputTokens).toBeGreaterThan(0);
    expect(response.usage.inputTokens).toBeGreaterThanOrEqual(response.usage.cachedInputTokens);
  });

  it('refuses a cache name that would change the URL path, before sending', async () => {
    const { caches } = client();
    for (const name of ['../models/gemini-2.5-flash', 'cachedContents/abc?x=1', '', 'a/b']) {
      await expect(caches.get({ name })).rejects.toSatisfy(
        (error) => InvalidArgumentError.isInstance(error) && error.argument === 'name',
      );
      await expect(caches.delete({ name })).rejects.toSatisfy((error) =>
        InvalidArgumentError.isInstance(error),
      );
    }
    expect(gateway().requests).toHaveLength(0);
  });

  it('refuses a system instruction next to an explicit cache, before sending', async () => {
    const gemini = client();
    await expect(
      gemini.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: 'x',
        config: { cachedContent: 'cachedContents/abc', systemInstruction: 'no' },
      }),
    ).rejects.toSatisfy((error) => InvalidArgumentError.isInstance(error));
    expect(gateway().requests).toHaveLength(0);
  });
});
