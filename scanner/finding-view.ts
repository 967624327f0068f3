/**
 * The public shape of a finding (`periscope findings --format json`, the REST API, exports).
 * This is a contract: add fields, never rename or remove them.
 */
import type { Finding } from '../db/findings.ts';

export interface FindingView {
  id: string;
  ruleId: string;
  title: string;
  severity: string;
  status: string;
  provider: string;
  connectionId: string;
  asset: { kind: string; externalId: string; name: string; url: string | null };
  evidence: Record<string, unknown>;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  mute: { reason: string; by: string | null; until: string | null } | null;
}

export function toFindingView(row: Finding): FindingView {
  return {
    id: row.id,
    ruleId: row.ruleId,
    title: row.title,
    severity: row.severity,
    status: row.status,
    provider: row.provider,
    connectionId: row.connectionId,
    asset: { kind: row.assetKind, externalId: row.assetExternalId, name: row.assetName, url: row.assetUrl },
    evidence: row.evidence,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    mute: row.muteReason
      ? { reason: row.muteReason, by: row.mutedBy, until: row.mutedUntil?.toISOString() ?? null }
      : null,
  };
}
