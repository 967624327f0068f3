/**
 * A tenant's scan schedule as the API shows it, the cron/time-zone check turned into field errors,
 * and the BullMQ queue the schedule is mirrored into.
 */
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { isPeriscopeError } from '../../scanner/errors.ts';
import { BullScanQueue } from '../../scanner/queue/bullmq.ts';
import { type Schedule as ScheduleRow, schedulerId, validateCron } from '../../scanner/queue/schedules.ts';
import type { ScanQueue } from '../../scanner/queue/types.ts';
import { fieldError } from '../errors.ts';

export const Schedule = z
  .object({
    id: z.string().describe('the job scheduler id (one schedule per tenant)'),
    cron: z.string(),
    timezone: z.string(),
    enabled: z.boolean(),
    nextRunAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Schedule' });
export type Schedule = z.infer<typeof Schedule>;

export const ScheduleInput = z.strictObject({
  cron: z.string().min(1).max(200).describe('5 fields (or 6 with seconds), e.g. "0 3 * * *"'),
  timezone: z.string().min(1).max(100).default('UTC').describe('IANA time zone, e.g. Europe/Paris'),
});

export function toApiSchedule(row: ScheduleRow & { nextRunAt: Date }): Schedule {
  return {
    id: schedulerId(row.tenantId),
    cron: row.cron,
    timezone: row.timezone,
    enabled: row.enabled,
    nextRunAt: row.nextRunAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Checks cron and zone before anything is stored; a bad one is a 400 naming body.cron or body.timezone. */
export function checkCron(cron: string, timezone: string): void {
  try {
    validateCron(cron, timezone);
  } catch (error) {
    const field = isPeriscopeError(error) ? error.details.field : undefined;
    if (typeof field === 'string') throw fieldError(`body.${field}`, (error as Error).message);
    throw error;
  }
}

/** The BullMQ queue behind the scan queue (its job schedulers mirror the rows), or null in-process. */
export function bullQueueOf(queue: ScanQueue): Queue | null {
  return queue instanceof BullScanQueue ? queue.queue : null;
}
