/**
 * Cron schedules per tenant. The row in `schedules` is the source of truth; with Redis it is
 * mirrored into a BullMQ job scheduler (one per tenant), without Redis the in-process scheduler
 * reads the rows and fires the same fan-out.
 */

import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { schedules } from '../../db/schema.ts';
import { PeriscopeError } from '../errors.ts';
import type { ScheduledScanJobData } from './types.ts';

export type Schedule = typeof schedules.$inferSelect;

export function schedulerId(tenantId: string): string {
  return `tenant-${tenantId}`;
}

/** Throws a config error naming what is wrong with the expression or zone. */
export function validateCron(cron: string, timezone: string): Date {
  try {
    Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new PeriscopeError('config_invalid', `unknown time zone "${timezone}"`, { field: 'timezone' });
  }
  const fields = cron.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) {
    throw new PeriscopeError('config_invalid', `cron "${cron}" must have 5 fields (or 6 with seconds)`, {
      field: 'cron',
    });
  }
  try {
    return CronExpressionParser.parse(cron, { tz: timezone }).next().toDate();
  } catch (error) {
    throw new PeriscopeError('config_invalid', `invalid cron "${cron}": ${(error as Error).message}`, {
      field: 'cron',
    });
  }
}

export async function setSchedule(
  db: Database,
  bull: Queue | null,
  tenantId: string,
  cron: string,
  timezone = 'UTC',
): Promise<Schedule & { nextRunAt: Date }> {
  const nextRunAt = validateCron(cron, timezone);
  const [row] = await db
    .insert(schedules)
    .values({ tenantId, cron, timezone, enabled: true })
    .onConflictDoUpdate({
      target: schedules.tenantId,
      set: { cron, timezone, enabled: true, updatedAt: new Date() },
    })
    .returning();
  if (bull) {
    const data: ScheduledScanJobData = { tenantId };
    await bull.upsertJobScheduler(
      schedulerId(tenantId),
      { pattern: cron, tz: timezone },
      { name: 'scheduled-scan', data },
    );
  }
  return { ...row!, nextRunAt };
}

/**
 * Changes a tenant's schedule in place (cron, zone, on/off), keeping what is not named; undefined
 * when the tenant has none. A disabled schedule keeps its row but leaves no BullMQ job scheduler.
 */
export async function updateSchedule(
  db: Database,
  bull: Queue | null,
  tenantId: string,
  patch: { cron?: string; timezone?: string; enabled?: boolean },
): Promise<(Schedule & { nextRunAt: Date }) | undefined> {
  const [current] = await db.select().from(schedules).where(eq(schedules.tenantId, tenantId));
  if (!current) return undefined;
  const next = { ...current, ...patch };
  const nextRunAt = validateCron(next.cron, next.timezone);
  const [row] = await db
    .update(schedules)
    .set({ cron: next.cron, timezone: next.timezone, enabled: next.enabled, updatedAt: new Date() })
    .where(eq(schedules.tenantId, tenantId))
    .returning();
  if (bull) {
    if (next.enabled) {
      const data: ScheduledScanJobData = { tenantId };
      await bull.upsertJobScheduler(
        schedulerId(tenantId),
        { pattern: next.cron, tz: next.timezone },
        { name: 'scheduled-scan', data },
      );
    } else await bull.removeJobScheduler(schedulerId(tenantId));
  }
  return { ...row!, nextRunAt };
}

export async function removeSchedule(db: Database, bull: Queue | null, tenantId: string): Promise<boolean> {
  const deleted = await db.delete(schedules).where(eq(schedules.tenantId, tenantId)).returning();
  if (bull) await bull.removeJobScheduler(schedulerId(tenantId));
  return deleted.length > 0;
}

export async function listSchedules(
  db: Database,
  tenantId?: string,
): Promise<Array<Schedule & { nextRunAt: Date }>> {
  const rows = tenantId
    ? await db.select().from(schedules).where(eq(schedules.tenantId, tenantId))
    : await db.select().from(schedules);
  return rows.map((row) => ({ ...row, nextRunAt: validateCron(row.cron, row.timezone) }));
}
