import { describe, expect, it } from 'vitest';
import { mergeConcurrent } from '../../scanner/merge-concurrent.ts';

async function* count(from: number, n: number, delayMs = 0) {
  for (let i = 0; i < n; i += 1) {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    yield from + i;
  }
}

describe('mergeConcurrent', () => {
  it('yields every value of every producer, at most `limit` producers at once', async () => {
    let active = 0;
    let peak = 0;
    const out: number[] = [];
    for await (const v of mergeConcurrent([0, 100, 200, 300, 400], 2, async function* (base) {
      active += 1;
      peak = Math.max(peak, active);
      yield* count(base, 3, 2);
      active -= 1;
    }))
      out.push(v);
    expect(out.sort((a, b) => a - b)).toEqual([
      0, 1, 2, 100, 101, 102, 200, 201, 202, 300, 301, 302, 400, 401, 402,
    ]);
    expect(peak).toBe(2);
  });

  it('rethrows a producer failure and starts no new producer after it', async () => {
    const started: number[] = [];
    const run = async () => {
      for await (const _ of mergeConcurrent([1, 2, 3, 4], 1, async function* (n) {
        started.push(n);
        if (n === 2) throw new Error('site 2 failed');
        yield n;
      })) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow('site 2 failed');
    expect(started).toEqual([1, 2]);
  });

  it('keeps at most `buffer` values waiting for a slow consumer', async () => {
    let produced = 0;
    const gen = mergeConcurrent(
      [0],
      1,
      async function* () {
        for (let i = 0; i < 100; i += 1) {
          produced += 1;
          yield i;
        }
      },
      5,
    );
    await gen.next();
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBeLessThanOrEqual(7);
    await gen.return(undefined);
  });
});
