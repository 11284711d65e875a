import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { newIdempotencyKey, SubmissionKeys } from './idempotency';

afterEach(() => vi.unstubAllGlobals());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const failure = (status: number) => new ApiError(status, { code: 'x', message: 'x' });

describe('newIdempotencyKey', () => {
  it('makes v4 UUIDs, different each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID);
    expect(newIdempotencyKey()).not.toBe(a);
  });
  it('makes them where crypto.randomUUID is missing (plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(newIdempotencyKey()).toMatch(UUID);
  });
});

describe('SubmissionKeys', () => {
  it('keeps the key for the same body while the outcome is open', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor({ name: 'Maria' });
    keys.settle(failure(0));
    expect(keys.keyFor({ name: 'Maria' })).toBe(first);
    keys.settle(failure(503));
    expect(keys.keyFor({ name: 'Maria' })).toBe(first);
    keys.settle(failure(409));
    expect(keys.keyFor({ name: 'Maria' })).toBe(first);
  });
  it('starts anew after a success', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor({ name: 'Maria' });
    keys.settle();
    expect(keys.keyFor({ name: 'Maria' })).not.toBe(first);
  });
  it('starts anew after a refusal, which changed nothing', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor({ quantity: 5 });
    keys.settle(failure(422));
    expect(keys.keyFor({ quantity: 5 })).not.toBe(first);
  });
  it('gives another body another key', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor({ name: 'Maria' });
    keys.settle(failure(0));
    expect(keys.keyFor({ name: 'Mariana' })).not.toBe(first);
  });
});
