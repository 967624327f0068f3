/** Scans and connections as the API shows them. Credentials and stream checkpoints never leave. */
import { z } from 'zod';
import type { Connection as ConnectionRow } from '../../db/connections.ts';
import type { Scan as ScanRow } from '../../db/scans.ts';
import { isoOrNull } from './common.ts';

const StreamStatus = z.object({
  status: z.enum(['pending', 'running', 'completed', 'failed', 'unavailable']),
  mode: z.enum(['full', 'delta']).optional(),
  reason: z.string().optional().describe('why the stream is unavailable (missing scope, plan…)'),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  assets: z.number().int(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});

export const ScanStatus = z.enum(['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled']);

export const Scan = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    status: ScanStatus,
    trigger: z.string(),
    streams: z.record(z.string(), StreamStatus),
    rules: z.record(
      z.string(),
      z.object({
        status: z.enum(['evaluated', 'not_evaluated']),
        reason: z.string().optional(),
        findings: z.number().int().optional(),
      }),
    ),
    counts: z.record(z.string(), z.number()),
    httpCalls: z.number().int(),
    httpStats: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Scan' });
export type Scan = z.infer<typeof Scan>;

export function toApiScan(row: ScanRow): Scan {
  const streams = Object.fromEntries(
    Object.entries(row.streams).map(([name, { checkpoint: _internal, ...stream }]) => [name, stream]),
  );
  return {
    id: row.id,
    connectionId: row.connectionId,
    status: row.status as Scan['status'],
    trigger: row.trigger,
    streams,
    rules: row.rules,
    counts: row.counts,
    httpCalls: row.httpCalls,
    httpStats: row.httpStats,
    attempts: row.attempts,
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

export const Connection = z
  .object({
    id: z.string(),
    provider: z.string(),
    name: z.string(),
    baseUrl: z.string().nullable(),
    config: z.record(z.string(), z.string()).describe('non-secret settings; credentials are never returned'),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastScan: Scan.nullable(),
  })
  .meta({ id: 'Connection' });

export function toApiConnection(
  row: ConnectionRow,
  lastScan: ScanRow | undefined,
): z.infer<typeof Connection> {
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    baseUrl: row.baseUrl,
    config: row.config,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastScan: lastScan ? toApiScan(lastScan) : null,
  };
}
