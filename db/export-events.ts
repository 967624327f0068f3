/**
 * Reads the outbox for export: finding_events of one tenant after a cursor (or by id, for
 * dead-letter replay), joined with what renderings need. One query per batch; the rule's
 * catalog metadata is attached from memory.
 */
import { sql } from 'drizzle-orm';
import type { Rule } from '../rules/define-rule.ts';
import type { Severity } from '../scanner/model.ts';
import { type ExportEvent, exportEventUid } from '../siem/export-event.ts';
import { type Database, rowsOf } from './client.ts';
import type { FindingEventType } from './findings.ts';

interface EventRow {
  event_id: string | number;
  type: string;
  from_status: string | null;
  to_status: string;
  event_severity: string;
  /** Times come as epoch milliseconds: far cheaper to parse than timestamptz text. */
  at: number;
  actor: string | null;
  detail: Record<string, unknown>;
  scan_id: string | null;
  connection_id: string;
  finding_id: string;
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: string;
  status: string;
  provider: string;
  asset_key: string;
  asset_kind: string;
  asset_external_id: string;
  asset_name: string;
  asset_url: string | null;
  evidence: Record<string, unknown>;
  first_seen_at: number;
  last_seen_at: number;
  resolved_at: number | null;
  mute_reason: string | null;
  muted_until: number | null;
}

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

// Tenant and connection are the same for many rows: loaded once per batch, not per row.
const columns = sql`e.id as event_id, e.type, e.from_status, e.to_status, e.severity as event_severity,
  ${ms('e.at')} as at, e.actor, e.detail, e.scan_id, f.connection_id,
  f.id as finding_id, f.fingerprint, f.rule_id, f.title, f.severity, f.status, f.provider, f.asset_key,
  f.asset_kind, f.asset_external_id, f.asset_name, f.asset_url, f.evidence, ${ms('f.first_seen_at')} as first_seen_at,
  ${ms('f.last_seen_at')} as last_seen_at, ${ms('f.resolved_at')} as resolved_at, f.mute_reason,
  ${ms('f.muted_until')} as muted_until`;

const from = sql`from finding_events e join findings f on f.id = e.finding_id`;

interface Context {
  tenant: ExportEvent['tenant'];
  connections: Map<string, ExportEvent['connection']>;
}

async function loadContext(db: Database, tenantId: string): Promise<Context> {
  const [tenantRows, connectionRows] = await Promise.all([
    db.execute(sql`select id, slug, name from tenants where id = ${tenantId}`),
    db.execute(sql`select id, provider, name from connections where tenant_id = ${tenantId}`),
  ]);
  const tenant = rowsOf<ExportEvent['tenant']>(tenantRows)[0] ?? {
    id: tenantId,
    slug: tenantId,
    name: tenantId,
  };
  const connections = new Map(rowsOf<ExportEvent['connection']>(connectionRows).map((c) => [c.id, c]));
  return { tenant, connections };
}

export type RuleCatalog = ReadonlyMap<string, Rule>;

export function ruleCatalog(rules: readonly Rule[]): RuleCatalog {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Up to `limit` events of the tenant with id > `afterId`, in id order. */
export async function loadExportEventsAfter(
  db: Database,
  tenantId: string,
  afterId: number,
  limit: number,
  rules: RuleCatalog,
): Promise<ExportEvent[]> {
  const [result, context] = await Promise.all([
    db.execute(
      sql`select ${columns} ${from} where e.tenant_id = ${tenantId} and e.id > ${afterId} order by e.id limit ${limit}`,
    ),
    loadContext(db, tenantId),
  ]);
  return rowsOf<EventRow>(result).map((row) => toExportEvent(row, context, rules));
}

/** The given events of the tenant (dead letters to replay), in id order; ids of other tenants are ignored. */
export async function loadExportEventsByIds(
  db: Database,
  tenantId: string,
  ids: number[],
  rules: RuleCatalog,
): Promise<ExportEvent[]> {
  if (ids.length === 0) return [];
  const [result, context] = await Promise.all([
    db.execute(
      sql`select ${columns} ${from} where e.tenant_id = ${tenantId}
        and e.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint) order by e.id`,
    ),
    loadContext(db, tenantId),
  ]);
  return rowsOf<EventRow>(result).map((row) => toExportEvent(row, context, rules));
}

/** The newest outbox id of the tenant (0 when none): the head a sink catches up to. */
export async function outboxHead(db: Database, tenantId: string): Promise<number> {
  const [row] = rowsOf<{ head: string | number | null }>(
    await db.execute(sql`select max(id) as head from finding_events where tenant_id = ${tenantId}`),
  );
  return Number(row?.head ?? 0);
}

/** The first outbox id of the tenant at or after `since`, minus one: a cursor that re-sends from there. */
export async function cursorBefore(db: Database, tenantId: string, since: Date): Promise<number> {
  const [row] = rowsOf<{ first: string | number | null }>(
    await db.execute(
      sql`select min(id) as first from finding_events where tenant_id = ${tenantId} and at >= ${since.toISOString()}`,
    ),
  );
  return row?.first == null ? await outboxHead(db, tenantId) : Number(row.first) - 1;
}

function toExportEvent(row: EventRow, context: Context, rules: RuleCatalog): ExportEvent {
  const eventId = Number(row.event_id);
  const at = new Date(Number(row.at));
  const rule = rules.get(row.rule_id);
  return {
    eventId,
    uid: exportEventUid(row.fingerprint, eventId, row.type, at),
    type: row.type as FindingEventType,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    severity: row.event_severity as Severity,
    at,
    actor: row.actor,
    detail: row.detail ?? {},
    scanId: row.scan_id,
    tenant: context.tenant,
    connection: context.connections.get(row.connection_id) ?? {
      id: row.connection_id,
      provider: row.provider,
      name: '',
    },
    finding: {
      id: row.finding_id,
      fingerprint: row.fingerprint,
      ruleId: row.rule_id,
      title: row.title,
      severity: row.severity as Severity,
      status: row.status,
      provider: row.provider,
      assetKey: row.asset_key,
      assetKind: row.asset_kind,
      assetExternalId: row.asset_external_id,
      assetName: row.asset_name,
      assetUrl: row.asset_url,
      evidence: row.evidence ?? {},
      firstSeenAt: new Date(Number(row.first_seen_at)),
      lastSeenAt: new Date(Number(row.last_seen_at)),
      resolvedAt: row.resolved_at === null ? null : new Date(Number(row.resolved_at)),
      muteReason: row.mute_reason,
      mutedUntil: row.muted_until === null ? null : new Date(Number(row.muted_until)),
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
  };
}
