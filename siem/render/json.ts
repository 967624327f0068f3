/**
 * Periscope's own JSON rendering of an export event, for destinations that want our shape rather
 * than OCSF (webhooks, NDJSON files, a custom HEC sourcetype). It mirrors ExportEvent with times
 * as ISO-8601 strings; the shape is a public contract, so fields are only ever added.
 *
 * ```json
 * { "eventId": 42, "uid": "…", "type": "opened", "fromStatus": null, "toStatus": "open",
 *   "severity": "high", "at": "2026-11-20T10:00:00.123Z", "actor": null, "scanId": "…", "detail": {},
 *   "tenant": { "id", "slug", "name" }, "connection": { "id", "provider", "name" },
 *   "finding": { "id", "fingerprint", "ruleId", "title", "severity", "status", "provider",
 *     "assetKey", "assetKind", "assetExternalId", "assetName", "assetUrl", "evidence",
 *     "firstSeenAt", "lastSeenAt", "resolvedAt", "muteReason", "mutedUntil" },
 *   "rule": { "id", "title", "description", "remediation", "references", "frameworks" } | null,
 *   "product": { "name", "vendor", "version" } }
 * ```
 */
import type { ExportEvent, ProductInfo } from '../export-event.ts';

export function toPlainJson(event: ExportEvent, product: ProductInfo): Record<string, unknown> {
  const { finding, rule } = event;
  return {
    eventId: event.eventId,
    uid: event.uid,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    severity: event.severity,
    at: event.at.toISOString(),
    actor: event.actor,
    scanId: event.scanId,
    detail: event.detail,
    tenant: { id: event.tenant.id, slug: event.tenant.slug, name: event.tenant.name },
    connection: { id: event.connection.id, provider: event.connection.provider, name: event.connection.name },
    finding: {
      id: finding.id,
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      title: finding.title,
      severity: finding.severity,
      status: finding.status,
      provider: finding.provider,
      assetKey: finding.assetKey,
      assetKind: finding.assetKind,
      assetExternalId: finding.assetExternalId,
      assetName: finding.assetName,
      assetUrl: finding.assetUrl,
      evidence: finding.evidence,
      firstSeenAt: finding.firstSeenAt.toISOString(),
      lastSeenAt: finding.lastSeenAt.toISOString(),
      resolvedAt: finding.resolvedAt?.toISOString() ?? null,
      muteReason: finding.muteReason,
      mutedUntil: finding.mutedUntil?.toISOString() ?? null,
    },
    rule: rule
      ? {
          id: rule.id,
          title: rule.title,
          description: rule.description,
          remediation: rule.remediation,
          references: rule.references,
          frameworks: rule.frameworks,
        }
      : null,
    product: { name: product.name, vendor: product.vendor, version: product.version },
  };
}
