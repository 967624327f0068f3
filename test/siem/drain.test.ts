/**
 * Delivery semantics against the HEC receiver over real sockets and a real database: the cursor
 * moves only past acknowledged events, an outage loses nothing and keeps each finding's order, a
 * bad token dead-letters and pauses until replay, a rejected event is dead-lettered alone, and
 * rewinds re-send with the same event ids.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSink, listDeadLetters } from '../../db/export-sinks.ts';
import { DEFAULT_HEC_TOKEN, type HecReceiver, startHecReceiver } from '../../sandbox/siem/index.ts';
import { createDestinationGuard } from '../../siem/destination-guard.ts';
import { drainSink } from '../../siem/drain.ts';
import { addSink, backfillSink, getSinkStatus, replaySink, updateSink } from '../../siem/export-admin.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOutboxFixture, type OutboxFixture } from '../support/outbox.ts';

interface Received {
  uid: string;
  findingUid: string;
  sequence: number;
}

function received(hec: HecReceiver): Received[] {
  return hec.events.map((e) => {
    const event = e.envelope.event as {
      metadata: { uid: string; sequence: number };
      finding_info: { uid: string };
    };
    return { uid: event.metadata.uid, findingUid: event.finding_info.uid, sequence: event.metadata.sequence };
  });
}

/** Drains until caught up (ignoring the backoff schedule, as a test may), at most `rounds` times. */
async function drainUntilCaughtUp(f: OutboxFixture, sinkId: string, rounds = 50) {
  for (let i = 0; i < rounds; i++) {
    const result = await drainSink(f.deps, sinkId);
    if (result.status === 'caught_up') return result;
  }
  throw new Error('sink never caught up');
}

describe('export delivery (drain)', () => {
  let database: TestDatabase;
  let hec: HecReceiver;
  let f: OutboxFixture;

  beforeEach(async () => {
    database = await createTestDatabase();
    hec = await startHecReceiver();
    f = await createOutboxFixture(database);
  });
  afterEach(async () => {
    await hec.close();
    await database.close();
  });
  afterAll(() => {});

  const addHec = (extra: Record<string, unknown> = {}, token = DEFAULT_HEC_TOKEN) =>
    addSink(f.deps, f.tenantId, {
      type: 'splunk-hec',
      name: 'splunk',
      config: { url: hec.url, timeoutMs: '400', ...extra },
      secrets: { token },
    });

  it('delivers the whole outbox in order and moves the cursor to the head', async () => {
    await f.open(30);
    await f.churn(1);
    const sink = await addHec();
    const result = await drainSink(f.deps, sink.id, { batchSize: 7 });
    expect(result).toMatchObject({ status: 'caught_up', deadLettered: 0 });
    const outbox = await f.events();
    expect(result.delivered).toBe(outbox.length);
    expect(received(hec).map((r) => r.sequence)).toEqual(outbox.map((e) => e.id));
    const status = await getSinkStatus(f.deps, f.tenantId, 'splunk');
    expect(status).toMatchObject({
      cursor: outbox.at(-1)!.id,
      lagEvents: 0,
      delivered: outbox.length,
      state: 'active',
    });
    // Nothing new: a second drain sends nothing.
    expect((await drainSink(f.deps, sink.id)).delivered).toBe(0);
    expect(hec.eventCount).toBe(outbox.length);
  });

  it('loses nothing through an outage (refused, 503, timeouts) while findings keep changing', async () => {
    await f.open(20);
    const sink = await addHec();
    await drainUntilCaughtUp(f, sink.id);
    const phases = ['down', 'busy', 'hang'] as const;
    for (const [round, mode] of phases.entries()) {
      await hec.setMode(mode);
      await f.churn(round);
      await f.open(5, 20 + round * 5);
      const result = await drainSink(f.deps, sink.id, { batchSize: 10 });
      expect(result.status).toBe('retry_later');
      expect(result.delivered).toBe(0);
      const stored = await getSink(f.deps.db, f.tenantId, 'splunk');
      expect(stored.failures).toBe(round + 1);
      expect(stored.lastError).toBeTruthy();
      expect(stored.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1000);
    }
    await hec.setMode('up');
    await f.churn(9);
    await drainUntilCaughtUp(f, sink.id);

    const outbox = await f.events();
    const got = received(hec);
    const uids = new Set(got.map((r) => r.uid));
    expect(uids.size).toBe(outbox.length); // every event, none invented
    // Duplicates carry an identical event id, and each finding's events arrive in outbox order.
    const seen = new Map<string, number>();
    const firstArrivals = new Map<string, number[]>();
    for (const r of got) {
      if (seen.has(r.uid)) {
        expect(seen.get(r.uid)).toBe(r.sequence);
        continue;
      }
      seen.set(r.uid, r.sequence);
      firstArrivals.set(r.findingUid, [...(firstArrivals.get(r.findingUid) ?? []), r.sequence]);
    }
    for (const sequence of firstArrivals.values())
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    expect((await getSink(f.deps.db, f.tenantId, 'splunk')).failures).toBe(0);
  });

  it('dead-letters a batch refused for a bad token, pauses, and delivers it on replay after the fix', async () => {
    await f.open(12);
    const sink = await addHec({}, 'not-the-right-token');
    const result = await drainSink(f.deps, sink.id);
    expect(result.status).toBe('paused');
    expect(result.error).toMatch(/token/i);
    const letters = await listDeadLetters(f.deps.db, { tenantId: f.tenantId, id: sink.id });
    expect(letters).toHaveLength(12);
    expect(letters[0]!.reason).toMatch(/token/i);
    expect(JSON.stringify(letters)).not.toContain('not-the-right-token');
    expect(hec.eventCount).toBe(0);
    // More events queue up behind the pause; a drain does nothing while paused.
    await f.churn(1);
    expect((await drainSink(f.deps, sink.id)).status).toBe('paused');

    await updateSink(f.deps, f.tenantId, 'splunk', { secrets: { token: DEFAULT_HEC_TOKEN } });
    const replay = await replaySink(f.deps, f.tenantId, 'splunk');
    expect(replay.replayed).toBe(12);
    expect(replay.drain.status).toBe('caught_up');
    const outbox = await f.events();
    expect(new Set(received(hec).map((r) => r.sequence))).toEqual(new Set(outbox.map((e) => e.id)));
    const status = await getSinkStatus(f.deps, f.tenantId, 'splunk');
    expect(status).toMatchObject({ deadLetters: 0, state: 'active', lagEvents: 0 });
    expect(JSON.stringify(status)).not.toContain(DEFAULT_HEC_TOKEN);
    expect(f.logs.join('')).not.toContain(DEFAULT_HEC_TOKEN);
  });

  it('keeps a dead letter the destination refuses again pending, and replays the others', async () => {
    await f.open(6);
    const sink = await addHec({}, 'not-the-right-token');
    expect((await drainSink(f.deps, sink.id)).status).toBe('paused');
    const letters = await listDeadLetters(f.deps.db, { tenantId: f.tenantId, id: sink.id });
    await updateSink(f.deps, f.tenantId, 'splunk', { secrets: { token: DEFAULT_HEC_TOKEN } });
    const refused = letters.at(-1)!.eventId;
    hec.rejectEnvelopes(
      (e) => (e.event as { metadata: { sequence: number } }).metadata.sequence === refused,
      6,
    );
    const first = await replaySink(f.deps, f.tenantId, 'splunk');
    expect(first).toMatchObject({ replayed: 5, stillRefused: 1 });
    const pending = await listDeadLetters(
      f.deps.db,
      { tenantId: f.tenantId, id: sink.id },
      { pendingOnly: true },
    );
    expect(pending.map((l) => l.eventId)).toEqual([refused]);
    hec.rejectEnvelopes(undefined);
    const second = await replaySink(f.deps, f.tenantId, 'splunk');
    expect(second).toMatchObject({ replayed: 1, stillRefused: 0 });
    expect(new Set(received(hec).map((r) => r.sequence))).toEqual(
      new Set((await f.events()).map((e) => e.id)),
    );
  });

  it('dead-letters only the event the destination rejects and delivers the rest', async () => {
    await f.open(10);
    const outbox = await f.events();
    const bad = outbox[4]!.id;
    hec.rejectEnvelopes((e) => (e.event as { metadata: { sequence: number } }).metadata.sequence === bad, 6);
    const sink = await addHec();
    const result = await drainUntilCaughtUp(f, sink.id);
    expect(result.status).toBe('caught_up');
    const letters = await listDeadLetters(f.deps.db, { tenantId: f.tenantId, id: sink.id });
    expect(letters.map((l) => [l.eventId, l.code])).toEqual([[bad, 'hec_6']]);
    expect(received(hec).map((r) => r.sequence)).toEqual(outbox.map((e) => e.id).filter((id) => id !== bad));
  });

  it('re-sends with the same event ids on backfill and on replay from an event id', async () => {
    await f.open(8);
    const sink = await addHec();
    await drainUntilCaughtUp(f, sink.id);
    const first = received(hec);
    hec.reset();
    const backfill = await backfillSink(f.deps, f.tenantId, 'splunk', new Date(Date.now() - 3600_000));
    expect(backfill.drain.status).toBe('caught_up');
    expect(received(hec)).toEqual(first);
    hec.reset();
    const outbox = await f.events();
    const replay = await replaySink(f.deps, f.tenantId, 'splunk', { fromEventId: outbox[5]!.id });
    expect(replay.drain.delivered).toBe(3);
    expect(received(hec)).toEqual(first.slice(5));
  });

  it('lets one drainer hold a sink at a time', async () => {
    await f.open(50);
    const sink = await addHec();
    const [a, b] = await Promise.all([
      drainSink(f.deps, sink.id, { batchSize: 5 }),
      drainSink(f.deps, sink.id, { batchSize: 5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'caught_up']);
    expect(hec.eventCount).toBe((await f.events()).length);
  });

  it('refuses private destinations unless allowed, keeping events queued', async () => {
    await f.open(3);
    const strict = { ...f.deps, guard: createDestinationGuard({ allowPrivate: false }) };
    await expect(
      addSink(strict, f.tenantId, {
        type: 'splunk-hec',
        config: { url: hec.url },
        secrets: { token: DEFAULT_HEC_TOKEN },
      }),
    ).rejects.toThrow(/private, loopback or link-local/);
    // A sink stored while allowed, drained by a worker that is not: paused, nothing dead-lettered.
    const sink = await addHec();
    const result = await drainSink(strict, sink.id);
    expect(result.status).toBe('paused');
    expect(await listDeadLetters(f.deps.db, { tenantId: f.tenantId, id: sink.id })).toHaveLength(0);
    expect((await getSinkStatus(f.deps, f.tenantId, 'splunk')).lagEvents).toBe(3);
  });

  it('names a bad setting and never echoes a secret', async () => {
    await expect(
      addSink(f.deps, f.tenantId, {
        type: 'splunk-hec',
        config: { url: hec.url, colour: 'red' },
        secrets: { token: 'x' },
      }),
    ).rejects.toThrow(/colour/);
    await expect(
      addSink(f.deps, f.tenantId, {
        type: 'splunk-hec',
        config: { url: hec.url },
        secrets: { tokn: 'super-secret-value' },
      }),
    ).rejects.toThrow(/tokn/);
    await expect(
      addSink(f.deps, f.tenantId, {
        type: 'splunk-hec',
        config: { url: hec.url },
        secrets: { tokn: 'super-secret-value' },
      }),
    ).rejects.not.toThrow(/super-secret-value/);
    await expect(addSink(f.deps, f.tenantId, { type: 'kafka', config: {}, secrets: {} })).rejects.toThrow(
      /unknown export sink type "kafka"/,
    );
  });
});
