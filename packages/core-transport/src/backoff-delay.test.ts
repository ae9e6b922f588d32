import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt, with full jitter below it', () => {
    expect(backoffDelay({ attempt: 0, random: () => 0.999 })).toBe(499);
    expect(backoffDelay({ attempt: 2, random: () => 0.5 })).toBe(1000);
    expect(backoffDelay({ attempt: 2, random: () => 0 })).toBe(0);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay({ attempt: 30, maxDelay: 8000, random: () => 0.999 })).toBe(7992);
  });
});
