/** Findings and their events as the API shows them (the CLI's JSON shape, plus severityOverride). */
import { z } from 'zod';
import type { Finding as FindingRow } from '../../db/findings.ts';
import type { findingEvents } from '../../db/schema.ts';
import { toFindingView } from '../../scanner/finding-view.ts';
import { AssetKind, Severity } from '../../scanner/model.ts';
import { Id, TenantRef } from './common.ts';

export const FindingStatus = z.enum(['open', 'resolved', 'muted']);

export const Finding = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    title: z.string(),
    severity: Severity,
    status: FindingStatus,
    provider: z.string(),
    connectionId: z.string(),
    asset: z.object({
      kind: AssetKind,
      externalId: z.string(),
      name: z.string(),
      url: z.string().nullable(),
    }),
    evidence: z.record(z.string(), z.unknown()),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    resolvedAt: z.string().nullable(),
    mute: z
      .object({ reason: z.string(), by: z.string().nullable(), until: z.string().nullable() })
      .nullable(),
    severityOverride: z
      .object({ severity: Severity, computed: Severity, reason: z.string(), by: z.string(), at: z.string() })
      .nullable()
      .describe('set by a person; `computed` is what the rules said'),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof Finding>;

export function toApiFinding(row: FindingRow): Finding {
  const view = toFindingView(row);
  return {
    ...view,
    severity: view.severity as Finding['severity'],
    status: view.status as Finding['status'],
    asset: { ...view.asset, kind: view.asset.kind as Finding['asset']['kind'] },
    severityOverride: (row.severityOverride as Finding['severityOverride']) ?? null,
  };
}

export const FindingEvent = z
  .object({
    id: z.number().int(),
    type: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    severity: z.string(),
    actor: z.string().nullable(),
    scanId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .meta({ id: 'FindingEvent' });

export function toApiFindingEvent(row: typeof findingEvents.$inferSelect): z.infer<typeof FindingEvent> {
  return {
    id: row.id,
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    severity: row.severity,
    actor: row.actor,
    scanId: row.scanId,
    detail: row.detail,
    at: row.at.toISOString(),
  };
}

export const FindingParams = z.strictObject({ tenant: TenantRef, findingId: Id });
