/**
 * One export event as an OCSF 1.8.0 Compliance Finding (class 2003, category 2 Findings): the
 * canonical rendering every SIEM sink ships, and the source of the life-cycle numbers the CEF and
 * ECS renderings reuse. Pure and deterministic: the same event always yields the same JSON (same
 * key order too), so a re-send is byte-identical and `metadata.uid` lets the SIEM drop duplicates.
 * Validated in tests against compliance-finding-1.8.0.schema.json.
 */
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import type {
  ActivityId,
  OcsfComplianceFinding,
  OcsfLifecycle,
  SeverityId,
  StatusId,
} from './compliance-finding-types.ts';

export type { OcsfComplianceFinding, OcsfLifecycle } from './compliance-finding-types.ts';

export const OCSF_VERSION = '1.8.0' as const;
const CATEGORY_UID = 2 as const;
const CLASS_UID = 2003 as const;

const activityNames = { 1: 'Create', 2: 'Update', 3: 'Close' } as const;
const statusNames = { 1: 'New', 3: 'Suppressed', 4: 'Resolved' } as const;
/** Periscope's finding status → OCSF finding status_id (the triage state, not pass/fail). */
const statusIdOf: Record<string, StatusId> = { open: 1, muted: 3, resolved: 4 };

/**
 * opened → Create/New; resolved → Close/Resolved (compliance Pass); every other change is an
 * Update whose status follows the status the finding moved to (muted → Suppressed, else New).
 */
export function ocsfLifecycle(event: ExportEvent): OcsfLifecycle {
  const activityId: ActivityId = event.type === 'opened' ? 1 : event.type === 'resolved' ? 3 : 2;
  const statusId: StatusId =
    event.type === 'resolved' ? 4 : event.type === 'muted' ? 3 : (statusIdOf[event.toStatus] ?? 1);
  return {
    activityId,
    activityName: activityNames[activityId],
    statusId,
    statusName: statusNames[statusId],
    // Muting accepts the risk; the check still fails until the asset is fixed.
    complianceStatusId: statusId === 4 ? 1 : 3,
    typeUid: CLASS_UID * 100 + activityId,
  };
}

const severityIds = { info: 1, low: 2, medium: 3, high: 4, critical: 5 } as const;
const severityNames = { 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical' } as const;

export function ocsfSeverityId(severity: ExportEvent['severity']): SeverityId {
  return severityIds[severity];
}

const eventVerbs: Record<ExportEvent['type'], string> = {
  opened: 'Failed',
  reopened: 'Failing again',
  muted: 'Muted',
  unmuted: 'Unmuted',
  severity_changed: 'Severity changed',
  resolved: 'Passed',
};

/** One line for humans, shared by OCSF `message`, CEF `msg` and ECS `message`. */
export function describeEvent(event: ExportEvent): string {
  const title = event.rule?.title ?? event.finding.title;
  const verb =
    event.type === 'severity_changed' ? `Severity changed to ${event.severity}` : eventVerbs[event.type];
  return `${verb}: ${title} (${event.finding.assetName})`;
}

/**
 * The SaaS tenant the connection reads, as OCSF `cloud.account`. OCSF has account types for
 * Google Workspace (15) and M365 tenants (17); the others are Other (99) with our own label.
 */
const providerAccounts: Record<string, { provider: string; typeId: 15 | 17 | 99; type: string }> = {
  github: { provider: 'GitHub', typeId: 99, type: 'GitHub Organization' },
  'google-workspace': { provider: 'Google', typeId: 15, type: 'Google Workspace' },
  'microsoft-365': { provider: 'Microsoft', typeId: 17, type: 'M365 Tenant' },
  openai: { provider: 'OpenAI', typeId: 99, type: 'OpenAI Organization' },
  anthropic: { provider: 'Anthropic', typeId: 99, type: 'Anthropic Organization' },
  gemini: { provider: 'Google', typeId: 99, type: 'Gemini API Project' },
};

const noFrameworks: Record<string, string[]> = {};
const mappings = new WeakMap<Record<string, string[]>, { standards: string[]; requirements: string[] }>();

/** A rule's framework ids and `<framework> <control>` lines, sorted; computed once per catalog entry. */
function complianceMapping(frameworks: Record<string, string[]> = noFrameworks) {
  let mapping = mappings.get(frameworks);
  if (!mapping) {
    const standards = Object.keys(frameworks).sort();
    const requirements = standards.flatMap((id) =>
      [...(frameworks[id] ?? [])].sort().map((c) => `${id} ${c}`),
    );
    mapping = { standards, requirements };
    mappings.set(frameworks, mapping);
  }
  return mapping;
}

export function toOcsf(event: ExportEvent, product: ProductInfo): OcsfComplianceFinding {
  const { finding, rule } = event;
  const life = ocsfLifecycle(event);
  const severityId = ocsfSeverityId(event.severity);
  const { standards, requirements } = complianceMapping(rule?.frameworks);
  const account = providerAccounts[event.connection.provider] ?? {
    provider: event.connection.provider,
    typeId: 99 as const,
    type: 'Other',
  };

  return {
    activity_id: life.activityId,
    activity_name: life.activityName,
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: life.typeUid,
    type_name: `Compliance Finding: ${life.activityName}`,
    severity_id: severityId,
    severity: severityNames[severityId],
    status_id: life.statusId,
    status: life.statusName,
    time: event.at.getTime(),
    message: describeEvent(event),
    metadata: withoutUndefined({
      version: OCSF_VERSION,
      uid: event.uid,
      product: { name: product.name, vendor_name: product.vendor, version: product.version },
      tenant_uid: event.tenant.id,
      correlation_uid: event.scanId ?? undefined,
      event_code: finding.ruleId,
      log_name: 'finding_events',
      // The outbox position: makes the order of events of one finding unambiguous downstream.
      sequence: event.eventId,
      profiles: ['cloud'],
    }),
    finding_info: withoutUndefined({
      uid: finding.fingerprint,
      title: rule?.title ?? finding.title,
      desc: rule?.description,
      types: ['Misconfiguration'],
      created_time: finding.firstSeenAt.getTime(),
      first_seen_time: finding.firstSeenAt.getTime(),
      last_seen_time: finding.lastSeenAt.getTime(),
      modified_time: event.at.getTime(),
      src_url: finding.assetUrl ?? undefined,
      analytic: { uid: finding.ruleId, name: rule?.title ?? finding.title, type_id: 1, type: 'Rule' },
    }),
    compliance: withoutUndefined({
      control: finding.ruleId,
      standards,
      requirements,
      status_id: life.complianceStatusId,
      status: life.complianceStatusId === 1 ? 'Pass' : 'Fail',
    }),
    resources: [
      {
        uid: finding.assetKey,
        uid_alt: finding.assetExternalId,
        name: finding.assetName,
        type: finding.assetKind,
        group: { name: finding.provider },
        labels: [finding.provider, finding.assetKind],
        data: { evidence: finding.evidence },
      },
    ],
    cloud: {
      provider: account.provider,
      account: {
        uid: event.connection.id,
        name: event.connection.name,
        type_id: account.typeId,
        type: account.type,
      },
    },
    ...(rule ? { remediation: { desc: rule.remediation, references: [...rule.references] } } : {}),
    // Only what no OCSF attribute above carries (ids and names are in metadata and cloud.account).
    unmapped: {
      periscope: withoutNull({
        event_type: event.type,
        from_status: event.fromStatus,
        to_status: event.toStatus,
        actor: event.actor,
        reason: typeof event.detail.reason === 'string' ? event.detail.reason : null,
        finding_id: finding.id,
        mute_reason: finding.muteReason,
        muted_until_time: finding.mutedUntil?.getTime() ?? null,
        tenant: { slug: event.tenant.slug, name: event.tenant.name },
        provider: event.connection.provider,
        rule_in_catalog: rule === null ? false : null,
      }),
    },
  };
}

/** Leaves out what is not there (null or undefined), so events stay small on the wire. */
function withoutNull<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined && value[key] !== null) out[key] = value[key];
  return out as Partial<T>;
}

/** OCSF forbids attributes with undefined values as much as unknown ones: drop them, keep key order. */
function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
