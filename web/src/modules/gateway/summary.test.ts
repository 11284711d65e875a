import { describe, expect, it } from 'vitest';
import { available } from './summary';

describe('available', () => {
  it("gives a module's summary when it answered", () => {
    expect(available({ open_count: 3 })).toEqual({ open_count: 3 });
  });
  it('gives null for an unavailable or missing module', () => {
    expect(available<{ open_count?: number }>({ error: 'unavailable' })).toBeNull();
    expect(available<{ open_count?: number }>(undefined)).toBeNull();
  });
});
