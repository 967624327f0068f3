/**
 * Storage of SIEM destinations and their delivery state. Every function takes the tenant (or a
 * sink id already resolved within a tenant) so no query can reach another tenant's sinks.
 */
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import { type Database, rowsOf } from './client.ts';
import { exportDeadLetters, exportSinks } from './schema.ts';

export type ExportSink = typeof exportSinks.$inferSelect;
export type DeadLetter = typeof exportDeadLetters.$inferSelect;

export async function insertSink(
  db: Database,
  row: Pick<ExportSink, 'tenantId' | 'name' | 'type' | 'config' | 'secretCiphertext' | 'cursor'>,
): Promise<ExportSink> {
  const [created] = await db.insert(exportSinks).values(row).onConflictDoNothing().returning();
  if (!created)
    throw new PeriscopeError(
      'config_invalid',
      `an export sink named "${row.name}" already exists in this tenant`,
    );
  return created;
}

export async function listSinks(db: Database, tenantId: string): Promise<ExportSink[]> {
  return db
    .select()
    .from(exportSinks)
    .where(eq(exportSinks.tenantId, tenantId))
    .orderBy(asc(exportSinks.name));
}

/** Active sinks of every tenant with events waiting and no backoff pending (the export tick's work list). */
export async function listDueSinks(db: Database, now: Date): Promise<ExportSink[]> {
  return db
    .select()
    .from(exportSinks)
    .where(
      and(
        eq(exportSinks.state, 'active'),
        or(isNull(exportSinks.nextAttemptAt), lt(exportSinks.nextAttemptAt, now)),
        sql`exists (select 1 from finding_events e where e.tenant_id = ${exportSinks.tenantId} and e.id > ${exportSinks.cursor})`,
      ),
    );
}

/** By name or id, within the tenant. */
export async function getSink(db: Database, tenantId: string, nameOrId: string): Promise<ExportSink> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nameOrId);
  const [row] = await db
    .select()
    .from(exportSinks)
    .where(
      and(
        eq(exportSinks.tenantId, tenantId),
        byId ? eq(exportSinks.id, nameOrId) : eq(exportSinks.name, nameOrId),
      ),
    );
  if (!row) throw new PeriscopeError('not_found', `no export sink "${nameOrId}" in this tenant`);
  return row;
}

export async function getSinkById(db: Database, sinkId: string): Promise<ExportSink | undefined> {
  const [row] = await db.select().from(exportSinks).where(eq(exportSinks.id, sinkId));
  return row;
}

export async function updateSinkRow(
  db: Database,
  sink: Pick<ExportSink, 'tenantId' | 'id'>,
  patch: Partial<
    Pick<
      ExportSink,
      'config' | 'secretCiphertext' | 'state' | 'pausedReason' | 'cursor' | 'failures' | 'nextAttemptAt'
    >
  >,
): Promise<ExportSink> {
  const [row] = await db
    .update(exportSinks)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(exportSinks.tenantId, sink.tenantId), eq(exportSinks.id, sink.id)))
    .returning();
  if (!row) throw new PeriscopeError('not_found', 'the export sink no longer exists');
  return row;
}

export async function deleteSink(db: Database, tenantId: string, sinkId: string): Promise<void> {
  await db.delete(exportSinks).where(and(eq(exportSinks.tenantId, tenantId), eq(exportSinks.id, sinkId)));
}

/**
 * Takes the sink's drain lease unless another drainer holds a live one. Returns the row (with
 * the current cursor) or undefined. The lease outlives a crashed worker by at most `leaseMs`.
 */
export async function acquireLease(
  db: Database,
  sinkId: string,
  leaseMs: number,
): Promise<ExportSink | undefined> {
  const [row] = await db
    .update(exportSinks)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(
      and(
        eq(exportSinks.id, sinkId),
        or(isNull(exportSinks.leaseUntil), lt(exportSinks.leaseUntil, sql`now()`)),
      ),
    )
    .returning();
  return row;
}

export async function renewLease(db: Database, sinkId: string, leaseMs: number): Promise<void> {
  await db
    .update(exportSinks)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(eq(exportSinks.id, sinkId));
}

export async function releaseLease(db: Database, sinkId: string): Promise<void> {
  await db.update(exportSinks).set({ leaseUntil: null }).where(eq(exportSinks.id, sinkId));
}

/**
 * Moves the cursor from `from` to `to` after the destination acknowledged (or dead-lettered)
 * everything in between, in one transaction with the dead letters. Refuses (returns false) when
 * the cursor moved meanwhile (a replay rewound it), so a drain never overwrites a rewind.
 */
export async function advanceCursor(
  db: Database,
  sink: Pick<ExportSink, 'tenantId' | 'id'>,
  move: {
    from: number;
    to: number;
    delivered: number;
    deadLetters: Array<{ eventId: number; code: string; reason: string }>;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(exportSinks)
      .set({
        cursor: move.to,
        delivered: sql`${exportSinks.delivered} + ${move.delivered}`,
        lastDeliveredAt: move.delivered > 0 ? new Date() : sql`${exportSinks.lastDeliveredAt}`,
        failures: 0,
        nextAttemptAt: null,
        lastError: move.deadLetters.length > 0 ? move.deadLetters.at(-1)!.reason : null,
        lastErrorAt: move.deadLetters.length > 0 ? new Date() : sql`${exportSinks.lastErrorAt}`,
        updatedAt: new Date(),
      })
      .where(and(eq(exportSinks.id, sink.id), eq(exportSinks.cursor, move.from)))
      .returning({ id: exportSinks.id });
    if (moved.length === 0) return false;
    if (move.deadLetters.length > 0)
      await tx
        .insert(exportDeadLetters)
        .values(move.deadLetters.map((d) => ({ ...d, tenantId: sink.tenantId, sinkId: sink.id })));
    return true;
  });
}

/** A retryable failure: count it, remember the message, and wait until `nextAttemptAt`. */
export async function recordRetry(
  db: Database,
  sinkId: string,
  error: string,
  nextAttemptAt: Date,
): Promise<number> {
  const [row] = await db
    .update(exportSinks)
    .set({
      failures: sql`${exportSinks.failures} + 1`,
      lastError: error,
      lastErrorAt: new Date(),
      nextAttemptAt,
      updatedAt: new Date(),
    })
    .where(eq(exportSinks.id, sinkId))
    .returning({ failures: exportSinks.failures });
  return row?.failures ?? 0;
}

/** A permanent refusal: pause the sink with the reason until someone updates or replays it. */
export async function pauseSink(db: Database, sinkId: string, reason: string): Promise<void> {
  await db
    .update(exportSinks)
    .set({
      state: 'paused',
      pausedReason: reason,
      lastError: reason,
      lastErrorAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(exportSinks.id, sinkId));
}

export async function listDeadLetters(
  db: Database,
  sink: Pick<ExportSink, 'tenantId' | 'id'>,
  options: { pendingOnly?: boolean; limit?: number; afterEventId?: number } = {},
): Promise<DeadLetter[]> {
  return db
    .select()
    .from(exportDeadLetters)
    .where(
      and(
        eq(exportDeadLetters.tenantId, sink.tenantId),
        eq(exportDeadLetters.sinkId, sink.id),
        options.pendingOnly ? isNull(exportDeadLetters.replayedAt) : undefined,
        options.afterEventId !== undefined ? gt(exportDeadLetters.eventId, options.afterEventId) : undefined,
      ),
    )
    .orderBy(asc(exportDeadLetters.eventId))
    .limit(options.limit ?? 1000);
}

export async function markReplayed(db: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(exportDeadLetters)
    .set({ replayedAt: new Date() })
    .where(
      sql`${exportDeadLetters.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`,
    );
}

export async function countPendingDeadLetters(db: Database, sinkId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(exportDeadLetters)
    .where(and(eq(exportDeadLetters.sinkId, sinkId), isNull(exportDeadLetters.replayedAt)));
  return Number(row?.n ?? 0);
}

/** Events waiting for the sink and the age of the oldest one (seconds; 0 when caught up). */
export async function sinkLag(
  db: Database,
  sink: Pick<ExportSink, 'tenantId' | 'cursor'>,
): Promise<{ events: number; oldestSeconds: number }> {
  const result = await db.execute(sql`select count(*)::int as n,
      coalesce(extract(epoch from now() - (select at from finding_events
        where tenant_id = ${sink.tenantId} and id > ${sink.cursor} order by id limit 1)), 0)::float8 as age
    from finding_events where tenant_id = ${sink.tenantId} and id > ${sink.cursor}`);
  const [row] = rowsOf<{ n: number; age: number }>(result);
  return { events: Number(row?.n ?? 0), oldestSeconds: Math.max(0, Number(row?.age ?? 0)) };
}
