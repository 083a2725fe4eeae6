import { describe, expect, it } from 'vitest';
import { ShortCache } from '../../packages/adapters/src/dynamo/short-cache';

describe('ShortCache (configuration read once per container per few seconds)', () => {
  const setup = () => {
    let now = 0;
    let reads = 0;
    let fail = false;
    const cache = new ShortCache(
      10_000,
      async () => {
        reads++;
        if (fail) throw new Error('table unreachable');
        return `value ${reads}`;
      },
      () => now,
    );
    return { cache, reads: () => reads, advance: (ms: number) => (now += ms), failNext: (f: boolean) => (fail = f) };
  };

  it('shares one read among concurrent callers and keeps it for the time given', async () => {
    const t = setup();
    expect(await Promise.all([t.cache.get(), t.cache.get(), t.cache.get()])).toEqual(['value 1', 'value 1', 'value 1']);
    t.advance(9_999);
    expect(await t.cache.get()).toBe('value 1');
    t.advance(1);
    expect(await t.cache.get()).toBe('value 2');
    expect(t.reads()).toBe(2);
  });

  it('reads again at once after an edit in this container clears it', async () => {
    const t = setup();
    await t.cache.get();
    t.cache.clear();
    expect(await t.cache.get()).toBe('value 2');
  });

  it('does not keep a failed read: the next caller tries again', async () => {
    const t = setup();
    t.failNext(true);
    await expect(t.cache.get()).rejects.toThrow('table unreachable');
    t.failNext(false);
    expect(await t.cache.get()).toBe('value 2');
  });
});
