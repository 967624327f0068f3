/**
 * The finding lifecycle. A finding is keyed by fingerprint = hash(tenant, rule, asset key):
 * first violation → open; seen again → refreshed; gone after a read that covered its asset →
 * resolved; back again → reopened; muted survives scans until its expiry. Every status change
 * appends one finding_events row (the outbox SIEM export drains) in the same transaction.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { AssetKind, Severity } from '../scanner/model.ts';
import { type Database, rowsOf } from './client.ts';
import { lockTenantOutbox } from './finding-events.ts';
import { assets, findingEvents, findings } from './schema.ts';

export type Finding = typeof findings.$inferSelect;
export type FindingStatus = 'open' | 'resolved' | 'muted';
export type FindingEventType = 'opened' | 'reopened' | 'resolved' | 'muted' | 'unmuted' | 'severity_changed';

export interface Observation {
  ruleId: string;
  title: string;
  severity: Severity;
  provider: string;
  asset: { key: string; kind: AssetKind; externalId: string; name: string; url: string | null };
  evidence: Record<string, unknown>;
}

export interface ScanScope {
  tenantId: string;
  connectionId: string;
  scanId: string;
  now: Date;
}

export function fingerprintOf(tenantId: string, ruleId: string, key: string): string {
  return createHash('sha256').update(`${tenantId}\u0000${ruleId}\u0000${key}`).digest('hex').slice(0, 40);
}

type EventRow = typeof findingEvents.$inferInsert;

/** Appends outbox events in one statement (one JSON parameter). */
async function insertEvents(tx: Pick<Database, 'execute'>, events: EventRow[]): Promise<void> {
  const rows = events.map((e) => ({
    tenant_id: e.tenantId,
    finding_id: e.findingId,
    scan_id: e.scanId ?? null,
    type: e.type,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus,
    severity: e.severity,
    detail: e.detail ?? {},
    at: (e.at instanceof Date ? e.at : new Date()).toISOString(),
  }));
  await tx.execute(sql`
    insert into finding_events (tenant_id, finding_id, scan_id, type, from_status, to_status, severity, detail, at)
    select r.tenant_id, r.finding_id, r.scan_id, r.type, r.from_status, r.to_status, r.severity, r.detail, r.at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(tenant_id uuid, finding_id uuid, scan_id uuid, type text, from_status text, to_status text, severity text,
           detail jsonb, at timestamptz)`);
}

function muteActive(mutedUntil: Date | null, muteReason: string | null, now: Date): boolean {
  return muteReason !== null && (mutedUntil === null || mutedUntil > now);
}

/** Upserts the findings observed in one batch and appends events for every status change. */
export async function applyObservations(
  db: Database,
  scope: ScanScope,
  observations: Observation[],
): Promise<void> {
  if (observations.length === 0) return;
  const byFingerprint = new Map<string, Observation>();
  for (const o of observations) byFingerprint.set(fingerprintOf(scope.tenantId, o.ruleId, o.asset.key), o);
  const fingerprints = [...byFingerprint.keys()];

  await db.transaction(async (tx) => {
    await lockTenantOutbox(tx, scope.tenantId);
    const existing = await tx
      .select({
        fingerprint: findings.fingerprint,
        status: findings.status,
        muteReason: findings.muteReason,
        mutedUntil: findings.mutedUntil,
      })
      .from(findings)
      .where(
        and(
          eq(findings.tenantId, scope.tenantId),
          sql`${findings.fingerprint} in (select jsonb_array_elements_text(${JSON.stringify(fingerprints)}::jsonb))`,
        ),
      );
    const previous = new Map(existing.map((row) => [row.fingerprint, row]));

    const changes = new Map<string, { type: FindingEventType; from: string | null; to: FindingStatus }>();
    const rows = fingerprints.map((fingerprint) => {
      const o = byFingerprint.get(fingerprint)!;
      const prev = previous.get(fingerprint);
      const muted = prev ? muteActive(prev.mutedUntil, prev.muteReason, scope.now) : false;
      const status: FindingStatus = muted ? 'muted' : 'open';
      if (!prev) changes.set(fingerprint, { type: 'opened', from: null, to: status });
      else if (prev.status === 'resolved')
        changes.set(fingerprint, { type: 'reopened', from: 'resolved', to: status });
      else if (prev.status === 'muted' && !muted)
        changes.set(fingerprint, { type: 'unmuted', from: 'muted', to: status });
      return {
        fingerprint,
        rule_id: o.ruleId,
        title: o.title,
        severity: o.severity,
        status,
        provider: o.provider,
        asset_key: o.asset.key,
        asset_kind: o.asset.kind,
        asset_external_id: o.asset.externalId,
        asset_name: o.asset.name,
        asset_url: o.asset.url,
        evidence: o.evidence,
      };
    });

    // One JSON parameter expanded by jsonb_to_recordset, as db/assets.ts does: building a
    // thousand-row VALUES list through the query builder cost more CPU than the database work.
    const saved = rowsOf(
      await tx.execute(sql`
        insert into findings (tenant_id, connection_id, fingerprint, rule_id, title, severity, status, provider,
                              asset_key, asset_kind, asset_external_id, asset_name, asset_url, evidence,
                              first_seen_at, last_seen_at, resolved_at, last_scan_id)
        select ${scope.tenantId}::uuid, ${scope.connectionId}::uuid, r.fingerprint, r.rule_id, r.title, r.severity,
               r.status, r.provider, r.asset_key, r.asset_kind, r.asset_external_id, r.asset_name, r.asset_url,
               r.evidence, ${scope.now.toISOString()}::timestamptz, ${scope.now.toISOString()}::timestamptz, null,
               ${scope.scanId}::uuid
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(fingerprint text, rule_id text, title text, severity text, status text, provider text, asset_key text,
               asset_kind text, asset_external_id text, asset_name text, asset_url text, evidence jsonb)
        on conflict (fingerprint) do update set
          -- A person's override wins over the rules; what the rules said is kept beside it.
          title = excluded.title, severity = coalesce(findings.severity_override->>'severity', excluded.severity),
          severity_override = jsonb_set(findings.severity_override, '{computed}', to_jsonb(excluded.severity)),
          status = excluded.status,
          asset_name = excluded.asset_name, asset_url = excluded.asset_url, evidence = excluded.evidence,
          last_seen_at = excluded.last_seen_at, last_scan_id = excluded.last_scan_id, resolved_at = null
        returning id, fingerprint, severity`),
    ) as Array<{ id: string; fingerprint: string; severity: string }>;

    const events: EventRow[] = [];
    for (const row of saved) {
      const change = changes.get(row.fingerprint);
      if (!change) continue;
      const o = byFingerprint.get(row.fingerprint)!;
      events.push({
        tenantId: scope.tenantId,
        findingId: row.id,
        scanId: scope.scanId,
        type: change.type,
        fromStatus: change.from,
        toStatus: change.to,
        severity: row.severity,
        detail: { ruleId: o.ruleId, assetKey: o.asset.key },
        at: scope.now,
      });
    }
    if (events.length > 0) await insertEvents(tx, events);
  });
}

export interface ResolutionScope {
  /** Streams that read everything they cover in this scan. */
  completedStreams: string[];
  /** Rules evaluated per asset; their findings resolve when the asset was covered and not flagged. */
  assetRuleIds: string[];
  /** Tenant-wide rules that ran in full this scan; their unseen findings resolve. */
  evaluatedTenantRuleIds: string[];
  /** Rules that threw during this scan: nothing of theirs resolves. */
  erroredRuleIds: string[];
}

const candidateColumns = {
  id: findings.id,
  status: findings.status,
  severity: findings.severity,
  ruleId: findings.ruleId,
  assetKey: findings.assetKey,
};

/**
 * Resolves findings not observed in this scan, but only where the scan covered their asset: the
 * asset was read this scan (and the rule said no), or its stream completed (so the asset is gone).
 * A failed or partial stream therefore resolves nothing it did not read.
 */
export async function resolveUnobservedFindings(
  db: Database,
  scope: ScanScope,
  resolution: ResolutionScope,
): Promise<number> {
  const assetRules = resolution.assetRuleIds.filter((id) => !resolution.erroredRuleIds.includes(id));
  const tenantRules = resolution.evaluatedTenantRuleIds.filter(
    (id) => !resolution.erroredRuleIds.includes(id),
  );
  const coveredAsset = or(
    eq(assets.lastScanId, scope.scanId),
    resolution.completedStreams.length > 0 ? inArray(assets.stream, resolution.completedStreams) : sql`false`,
  );
  const unobserved = and(
    eq(findings.tenantId, scope.tenantId),
    eq(findings.connectionId, scope.connectionId),
    inArray(findings.status, ['open', 'muted']),
    ne(findings.lastScanId, scope.scanId),
  );

  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, scope.tenantId);
    const candidates: Array<{
      id: string;
      status: string;
      severity: string;
      ruleId: string;
      assetKey: string;
    }> = [];
    if (assetRules.length > 0) {
      candidates.push(
        ...(await tx
          .select(candidateColumns)
          .from(findings)
          .innerJoin(
            assets,
            and(eq(assets.connectionId, findings.connectionId), eq(assets.key, findings.assetKey)),
          )
          .where(and(unobserved, inArray(findings.ruleId, assetRules), coveredAsset))),
      );
    }
    if (tenantRules.length > 0) {
      candidates.push(
        ...(await tx
          .select(candidateColumns)
          .from(findings)
          .where(and(unobserved, inArray(findings.ruleId, tenantRules)))),
      );
    }
    return resolveCandidates(tx, scope, candidates);
  });
}

type Candidate = { id: string; status: string; severity: string; ruleId: string; assetKey: string };

/** Marks these findings resolved and appends one 'resolved' event each. */
async function resolveCandidates(tx: Tx, scope: ScanScope, candidates: Candidate[]): Promise<number> {
  if (candidates.length === 0) return 0;
  for (let i = 0; i < candidates.length; i += 1000) {
    const ids = candidates.slice(i, i + 1000).map((c) => c.id);
    await tx
      .update(findings)
      .set({ status: 'resolved', resolvedAt: scope.now })
      .where(inArray(findings.id, ids));
  }
  const events: EventRow[] = candidates.map((c) => ({
    tenantId: scope.tenantId,
    findingId: c.id,
    scanId: scope.scanId,
    type: 'resolved',
    fromStatus: c.status,
    toStatus: 'resolved',
    severity: c.severity,
    detail: { ruleId: c.ruleId, assetKey: c.assetKey },
    at: scope.now,
  }));
  for (let i = 0; i < events.length; i += 5000) await insertEvents(tx, events.slice(i, i + 5000));
  return candidates.length;
}

/**
 * After one asset was evaluated again outside a scan's batch (a DLP result arrived): its open
 * findings for these rules that were not observed this time are resolved.
 */
export async function resolveAssetFindings(
  db: Database,
  scope: ScanScope,
  assetKey: string,
  ruleIds: string[],
  observed: Observation[],
): Promise<number> {
  if (ruleIds.length === 0) return 0;
  const keep = new Set(observed.map((o) => fingerprintOf(scope.tenantId, o.ruleId, o.asset.key)));
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, scope.tenantId);
    const rows = await tx
      .select({ ...candidateColumns, fingerprint: findings.fingerprint })
      .from(findings)
      .where(
        and(
          eq(findings.tenantId, scope.tenantId),
          eq(findings.connectionId, scope.connectionId),
          eq(findings.assetKey, assetKey),
          inArray(findings.status, ['open', 'muted']),
          inArray(findings.ruleId, ruleIds),
        ),
      );
    return resolveCandidates(
      tx,
      scope,
      rows.filter((r) => !keep.has(r.fingerprint)),
    );
  });
}

/**
 * Findings of (rule, asset) pairs a rule could not judge this time (its evidence is missing,
 * e.g. content not inspected yet) count as seen by this scan, so reconcile leaves them as they are.
 */
export async function keepFindings(
  db: Database,
  scope: ScanScope,
  kept: Array<{ ruleId: string; assetKey: string }>,
): Promise<void> {
  const fingerprints = kept.map((k) => fingerprintOf(scope.tenantId, k.ruleId, k.assetKey));
  for (let i = 0; i < fingerprints.length; i += 5000) {
    const slice = JSON.stringify(fingerprints.slice(i, i + 5000));
    await db
      .update(findings)
      .set({ lastScanId: scope.scanId })
      .where(
        and(
          eq(findings.tenantId, scope.tenantId),
          sql`${findings.fingerprint} in (select jsonb_array_elements_text(${slice}::jsonb))`,
          inArray(findings.status, ['open', 'muted']),
        ),
      );
  }
}

/** Mutes whose expiry passed become open again (only findings that are still muted). */
export async function expireMutes(db: Database, tenantId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, tenantId);
    const expired = await tx
      .update(findings)
      .set({ status: 'open', muteReason: null, mutedBy: null, mutedUntil: null })
      .where(
        and(
          eq(findings.tenantId, tenantId),
          eq(findings.status, 'muted'),
          isNotNull(findings.mutedUntil),
          lte(findings.mutedUntil, now),
        ),
      )
      .returning({
        id: findings.id,
        severity: findings.severity,
        ruleId: findings.ruleId,
        assetKey: findings.assetKey,
      });
    if (expired.length === 0) return 0;
    await tx.insert(findingEvents).values(
      expired.map((f) => ({
        tenantId,
        findingId: f.id,
        type: 'unmuted',
        fromStatus: 'muted',
        toStatus: 'open',
        severity: f.severity,
        actor: 'mute-expiry',
        detail: { ruleId: f.ruleId, assetKey: f.assetKey },
        at: now,
      })),
    );
    return expired.length;
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function getFindingForUpdate(tx: Tx, tenantId: string, findingId: string): Promise<Finding> {
  if (!uuidPattern.test(findingId))
    throw new PeriscopeError('not_found', `no finding ${findingId} in this tenant`);
  const [row] = await tx
    .select()
    .from(findings)
    .where(and(eq(findings.tenantId, tenantId), eq(findings.id, findingId)))
    .for('update');
  if (!row) throw new PeriscopeError('not_found', `no finding ${findingId} in this tenant`);
  return row;
}

export interface MuteRequest {
  reason: string;
  until?: Date | null;
  actor: string;
  now?: Date;
}

export async function muteFinding(
  db: Database,
  tenantId: string,
  findingId: string,
  request: MuteRequest,
): Promise<Finding> {
  if (!request.reason.trim()) throw new PeriscopeError('config_invalid', 'a mute needs a reason');
  const now = request.now ?? new Date();
  if (request.until && request.until <= now)
    throw new PeriscopeError('config_invalid', 'mute expiry must be in the future');
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, tenantId);
    const current = await getFindingForUpdate(tx, tenantId, findingId);
    // A resolved finding keeps its status; the mute applies if it ever comes back.
    const status = current.status === 'resolved' ? 'resolved' : 'muted';
    const [updated] = await tx
      .update(findings)
      .set({ status, muteReason: request.reason, mutedBy: request.actor, mutedUntil: request.until ?? null })
      .where(eq(findings.id, findingId))
      .returning();
    if (current.status === 'open') {
      await tx.insert(findingEvents).values({
        tenantId,
        findingId,
        type: 'muted',
        fromStatus: 'open',
        toStatus: 'muted',
        severity: current.severity,
        actor: request.actor,
        detail: { ruleId: current.ruleId, assetKey: current.assetKey, reason: request.reason },
        at: now,
      });
    }
    return updated!;
  });
}

export async function unmuteFinding(
  db: Database,
  tenantId: string,
  findingId: string,
  actor: string,
): Promise<Finding> {
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, tenantId);
    const current = await getFindingForUpdate(tx, tenantId, findingId);
    const status = current.status === 'muted' ? 'open' : current.status;
    const [updated] = await tx
      .update(findings)
      .set({ status, muteReason: null, mutedBy: null, mutedUntil: null })
      .where(eq(findings.id, findingId))
      .returning();
    if (current.status === 'muted') {
      await tx.insert(findingEvents).values({
        tenantId,
        findingId,
        type: 'unmuted',
        fromStatus: 'muted',
        toStatus: 'open',
        severity: current.severity,
        actor,
        detail: { ruleId: current.ruleId, assetKey: current.assetKey },
      });
    }
    return updated!;
  });
}
