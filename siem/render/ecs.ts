/**
 * Elastic Common Schema document for one export event, indexed by the Elastic `_bulk` sink with
 * `_id` = event uid. Shaped like Elastic's own posture integrations (research/siem.md §4.1):
 * `event.category: configuration`, `rule.*`, `resource.*` and the `result.{evaluation,evidence}`
 * group the Findings page reads. Each document records a *change* of a finding, so `event.kind`
 * is `event` (ECS reserves `state` for periodic snapshots).
 */
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import { describeEvent, ocsfLifecycle, ocsfSeverityId } from '../ocsf/compliance-finding.ts';

/** The finding's life cycle in ECS `event.type` terms: opened creates it, resolved closes it. */
const eventTypes: Record<ExportEvent['type'], string> = {
  opened: 'creation',
  reopened: 'change',
  muted: 'change',
  unmuted: 'change',
  severity_changed: 'change',
  resolved: 'deletion',
};

export function toEcs(event: ExportEvent, product: ProductInfo): Record<string, unknown> {
  const { finding, rule } = event;
  const life = ocsfLifecycle(event);
  const passed = life.complianceStatusId === 1;
  const at = event.at.toISOString();
  return {
    '@timestamp': at,
    event: {
      id: event.uid,
      kind: 'event',
      category: ['configuration'],
      type: [eventTypes[event.type]],
      action: event.type,
      outcome: passed ? 'success' : 'failure',
      // The OCSF severity_id (1 informational … 5 critical), so both renderings sort alike.
      severity: ocsfSeverityId(event.severity),
      created: at,
      provider: finding.provider,
      dataset: 'periscope.findings',
    },
    message: describeEvent(event),
    rule: withoutNullish({
      id: finding.ruleId,
      name: rule?.title ?? finding.title,
      description: rule?.description,
      reference: rule?.references[0],
      ruleset: finding.provider,
      category: finding.assetKind || 'Misconfiguration',
    }),
    resource: { id: finding.assetKey, name: finding.assetName, type: finding.assetKind },
    result: { evaluation: passed ? 'PASSED' : 'FAILED', evidence: finding.evidence },
    observer: { vendor: product.vendor, product: product.name, version: product.version },
    organization: { id: event.tenant.id, name: event.tenant.name },
    ...(finding.assetUrl ? { url: { full: finding.assetUrl } } : {}),
    labels: { tenant: event.tenant.slug, provider: finding.provider, connection: event.connection.name },
    periscope: {
      event_id: event.eventId,
      finding: withoutNullish({
        id: finding.id,
        fingerprint: finding.fingerprint,
        status: event.toStatus,
        severity: event.severity,
        first_seen: finding.firstSeenAt.toISOString(),
        last_seen: finding.lastSeenAt.toISOString(),
        mute_reason: finding.muteReason,
      }),
      connection: { id: event.connection.id, name: event.connection.name },
      tenant: { slug: event.tenant.slug },
      scan_id: event.scanId,
      actor: event.actor,
      frameworks: rule?.frameworks ?? {},
      ocsf: { type_uid: life.typeUid, status_id: life.statusId },
    },
  };
}

/** Elastic maps absent and null alike; leaving them out keeps documents small. */
function withoutNullish(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}
