/**
 * What every export rendering starts from: one outbox row (finding_events) joined with its
 * finding, tenant, connection and the rule's catalog metadata. Loaded by db/export-events.ts;
 * renderers (siem/ocsf, siem/render) are pure functions of it.
 */
import { createHash } from 'node:crypto';
import type { FindingEventType } from '../db/findings.ts';
import type { RuleMeta } from '../rules/define-rule.ts';
import type { Severity } from '../scanner/model.ts';

export interface ExportEvent {
  /** finding_events.id: the outbox position, increasing. */
  eventId: number;
  /** Deterministic id of this event (OCSF metadata.uid, HEC fields.event_uid, Elastic _id …): the same row always gets the same uid. */
  uid: string;
  type: FindingEventType;
  fromStatus: string | null;
  toStatus: string;
  /** The finding's severity when the event happened. */
  severity: Severity;
  at: Date;
  /** Who caused it: null for a scan, a token name or CLI user for mutes and overrides. */
  actor: string | null;
  detail: Record<string, unknown>;
  scanId: string | null;
  tenant: { id: string; slug: string; name: string };
  connection: { id: string; provider: string; name: string };
  finding: {
    id: string;
    fingerprint: string;
    ruleId: string;
    title: string;
    severity: Severity;
    status: string;
    provider: string;
    assetKey: string;
    assetKind: string;
    assetExternalId: string;
    assetName: string;
    assetUrl: string | null;
    evidence: Record<string, unknown>;
    firstSeenAt: Date;
    lastSeenAt: Date;
    resolvedAt: Date | null;
    muteReason: string | null;
    mutedUntil: Date | null;
  };
  /** The rule's catalog entry; null when the rule is no longer in the catalog (renamed or removed). */
  rule: Pick<RuleMeta, 'id' | 'title' | 'description' | 'remediation' | 'references' | 'frameworks'> | null;
}

/** Who we are, stamped on every event (OCSF metadata.product, CEF header, ECS observer). */
export interface ProductInfo {
  name: string;
  vendor: string;
  version: string;
}

/** Stable over re-sends and replays: the outbox row's identity, never the time of sending. */
export function exportEventUid(fingerprint: string, eventId: number, type: string, at: Date): string {
  return createHash('sha256')
    .update(`${fingerprint}|${eventId}|${type}|${at.toISOString()}`)
    .digest('hex')
    .slice(0, 32);
}
