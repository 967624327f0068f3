import { describe, expect, it } from 'vitest';
import { forEachConcurrently } from '../../scanner/for-each-concurrently.ts';
import { readAhead } from '../../scanner/read-ahead.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('forEachConcurrently', () => {
  it('never runs more than the limit and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick(5);
      running--;
      done.push(n);
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing after a failure, lets running items finish, then rethrows', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = forEachConcurrently([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('boom');
      await tick(10);
      finished.push(n);
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});

describe('readAhead', () => {
  it('asks for the next item while the current one is being handled', async () => {
    const log: string[] = [];
    async function* source() {
      for (const n of [1, 2, 3]) {
        log.push(`produce ${n}`);
        yield n;
      }
    }
    for await (const n of readAhead(source())) {
      await tick(1);
      log.push(`consume ${n}`);
    }
    expect(log).toEqual(['produce 1', 'produce 2', 'consume 1', 'produce 3', 'consume 2', 'consume 3']);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        closed = true;
      }
    }
    for await (const n of readAhead(source())) if (n === 1) break;
    expect(closed).toBe(true);
  });
});
