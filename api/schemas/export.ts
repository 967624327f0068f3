/** SIEM export sinks as the API shows them (never their secrets) and what it takes to add one. */
import { z } from 'zod';
import type { SinkStatus } from '../../siem/export-admin.ts';
import { sinkTypes } from '../../siem/sink.ts';
import { TenantRef } from './common.ts';

export const SinkRef = z
  .string()
  .regex(
    /^([a-z0-9][a-z0-9-]{0,62}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    'a sink name or id',
  )
  .describe('sink name or id');

export const SinkParams = z.strictObject({ tenant: TenantRef, sink: SinkRef });

const Setting = z.union([z.string().max(4000), z.number(), z.boolean()]);

export const ExportSink = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(sinkTypes),
    config: z.record(z.string(), z.unknown()),
    state: z.enum(['active', 'paused']),
    pausedReason: z.string().nullable(),
    cursor: z.number().int().describe('last outbox event id the destination acknowledged'),
    head: z.number().int().describe("the tenant's newest outbox event id"),
    lagEvents: z.number().int(),
    lagSeconds: z.number().describe('age of the oldest event not yet acknowledged'),
    delivered: z.number().int(),
    deadLetters: z.number().int(),
    failures: z.number().int().describe('retryable failures since the last success'),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastDeliveredAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    secretKeys: z.array(z.string()).describe('names of the stored secrets; values are never returned'),
  })
  .meta({ id: 'ExportSink' });

export const ExportSinkInput = z.strictObject({
  type: z.enum(sinkTypes),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional()
    .describe('default: the type'),
  config: z
    .record(z.string().max(100), Setting)
    .default({})
    .describe("the sink's settings (see the README per type)"),
  secrets: z
    .record(z.string().max(100), z.string().max(20_000))
    .default({})
    .describe('tokens, HMAC keys, passwords'),
  start: z
    .enum(['beginning', 'now'])
    .default('beginning')
    .describe("'beginning' sends the tenant's whole history"),
});

export const ExportSinkPatch = z.strictObject({
  config: z
    .record(z.string().max(100), Setting.nullable())
    .optional()
    .describe('keys to set; null removes one'),
  secrets: z.record(z.string().max(100), z.string().max(20_000).nullable()).optional(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiSink(status: SinkStatus): z.infer<typeof ExportSink> {
  return {
    ...status,
    type: status.type as (typeof sinkTypes)[number],
    state: status.state === 'paused' ? 'paused' : 'active',
    lastErrorAt: iso(status.lastErrorAt),
    lastDeliveredAt: iso(status.lastDeliveredAt),
    nextAttemptAt: iso(status.nextAttemptAt),
  };
}
