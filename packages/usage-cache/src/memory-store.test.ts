import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { memoryStore } from './memory-store.js';

describe('memoryStore', () => {
  it('evicts the least recently used answers once the bytes exceed maxBytes', async () => {
    const store = memoryStore({ maxBytes: 300 });
    const hundredBytes = 'x'.repeat(100);
    await store.set({ key: 'a', value: hundredBytes, ttlMs: 60_000 });
    await store.set({ key: 'b', value: hundredBytes, ttlMs: 60_000 });
    await store.set({ key: 'c', value: hundredBytes, ttlMs: 60_000 });
    expect(store.bytes).toBe(300);
    // Reading `a` makes `b` the least recently used.
    expect(await store.get({ key: 'a' })).toBe(hundredBytes);
    await store.set({ key: 'd', value: hundredBytes, ttlMs: 60_000 });
    expect(await store.get({ key: 'b' })).toBeUndefined();
    expect(await store.get({ key: 'a' })).toBe(hundredBytes);
    expect(await store.get({ key: 'd' })).toBe(hundredBytes);
    expect(store.size).toBe(3);
  });

  it('counts bytes as UTF-8, not characters', async () => {
    const store = memoryStore({ maxBytes: 10 });
    await store.set({ key: 'wide', value: 'éééééé', ttlMs: 60_000 }); // 6 characters, 12 bytes
    expect(await store.get({ key: 'wide' })).toBeUndefined();
    await store.set({ key: 'narrow', value: 'éééé', ttlMs: 60_000 }); // 8 bytes
    expect(store.bytes).toBe(8);
  });

  it('evicts by entries past maxEntries', async () => {
    const store = memoryStore({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await store.set({ key, value: key, ttlMs: 60_000 });
    expect(await store.get({ key: 'a' })).toBeUndefined();
    expect(store.size).toBe(2);
  });

  it('expires an entry at its TTL, by the clock it is given', async () => {
    let now = 1000;
    const store = memoryStore({ now: () => now });
    await store.set({ key: 'a', value: 'answer', ttlMs: 500 });
    now = 1499;
    expect(await store.get({ key: 'a' })).toBe('answer');
    now = 1500;
    expect(await store.get({ key: 'a' })).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('refuses bounds that are not whole positive numbers, saying what to pass', () => {
    expect(() => memoryStore({ maxBytes: 0 })).toThrow(/maxBytes must be a whole number of 1 or more/);
    let caught: unknown;
    try {
      memoryStore({ maxEntries: Number.NaN });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
  });

  it('answers synchronously through getSync and setSync, the same entries as get and set', async () => {
    let now = 0;
    const store = memoryStore({ maxEntries: 2, now: () => now });
    store.setSync({ key: 'a', value: 'é', ttlMs: 10 });
    expect(await store.get({ key: 'a' })).toBe('é');
    await store.set({ key: 'b', value: 'b', ttlMs: 10 });
    expect(store.getSync({ key: 'b' })).toBe('b');
    expect(store.bytes).toBe(3);
    store.setSync({ key: 'c', value: 'c', ttlMs: 10 });
    // `a` was the least recently used.
    expect(store.getSync({ key: 'a' })).toBeUndefined();
    now = 10;
    expect(store.getSync({ key: 'c' })).toBeUndefined();
  });

  it('replaces an entry written again under its key, counting its bytes once', () => {
    const store = memoryStore({ maxEntries: 2 });
    store.setSync({ key: 'a', value: 'x'.repeat(10), ttlMs: 60_000 });
    store.setSync({ key: 'b', value: 'b', ttlMs: 60_000 });
    store.setSync({ key: 'a', value: 'y'.repeat(4), ttlMs: 60_000 });
    expect(store.size).toBe(2);
    expect(store.bytes).toBe(5);
    expect(store.getSync({ key: 'a' })).toBe('yyyy');
    // Rewriting `a` made it the most recently used: `b` goes first.
    store.setSync({ key: 'c', value: 'c', ttlMs: 60_000 });
    expect(store.getSync({ key: 'b' })).toBeUndefined();
    expect(store.getSync({ key: 'a' })).toBe('yyyy');
  });

  it('keeps nothing larger than maxBytes, and drops the older answer it was to replace', () => {
    const store = memoryStore({ maxBytes: 8 });
    store.setSync({ key: 'small', value: 'kept', ttlMs: 60_000 });
    store.setSync({ key: 'a', value: 'old', ttlMs: 60_000 });
    store.setSync({ key: 'a', value: 'x'.repeat(9), ttlMs: 60_000 });
    expect(store.getSync({ key: 'a' })).toBeUndefined();
    expect(store.getSync({ key: 'small' })).toBe('kept');
    expect(store.bytes).toBe(4);
  });

  it('gives the bytes of a deleted or expired entry back', async () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    await store.set({ key: 'a', value: 'aaaa', ttlMs: 10 });
    await store.set({ key: 'b', value: 'bb', ttlMs: 100 });
    await store.delete({ key: 'b' });
    expect(store.bytes).toBe(4);
    now = 10;
    expect(await store.get({ key: 'a' })).toBeUndefined();
    expect(store.bytes).toBe(0);
    expect(store.size).toBe(0);
  });

  it('stays within both bounds under a long run of writes and reads', () => {
    const store = memoryStore({ maxEntries: 50, maxBytes: 2_000 });
    for (let index = 0; index < 5_000; index++) {
      store.setSync({ key: `k${index % 180}`, value: 'é'.repeat(index % 40), ttlMs: 60_000 });
      store.getSync({ key: `k${(index * 7) % 180}` });
      expect(store.size).toBeLessThanOrEqual(50);
      expect(store.bytes).toBeLessThanOrEqual(2_000);
    }
    // The byte count is the sum over what is held, not a drifting tally.
    let held = 0;
    for (let index = 0; index < 180; index++) {
      const value = store.getSync({ key: `k${index}` });
      if (value !== undefined) held += Math.max(1, Buffer.byteLength(value));
    }
    expect(store.bytes).toBe(held);
  });
});
