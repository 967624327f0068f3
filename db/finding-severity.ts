/**
 * A person's severity for one finding. `severity` takes the chosen value at once (so filters,
 * exports and the CLI see it) and scans keep it; the rules' own value is kept in the override as
 * `computed` (scans refresh it) and comes back when the override is cleared. Each change appends
 * a `severity_changed` event to the outbox.
 */
import { and, eq } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Severity } from '../scanner/model.ts';
import type { Database } from './client.ts';
import { lockTenantOutbox } from './finding-events.ts';
import type { Finding } from './findings.ts';
import { findingEvents, findings } from './schema.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function lockFinding(tx: Tx, tenantId: string, findingId: string): Promise<Finding> {
  const [row] = uuidPattern.test(findingId)
    ? await tx
        .select()
        .from(findings)
        .where(and(eq(findings.tenantId, tenantId), eq(findings.id, findingId)))
        .for('update')
    : [];
  if (!row) throw new PeriscopeError('not_found', `no finding ${findingId} in this tenant`);
  return row;
}

export async function overrideSeverity(
  db: Database,
  tenantId: string,
  findingId: string,
  request: { severity: Severity; reason: string; actor: string; now?: Date },
): Promise<Finding> {
  if (!request.reason.trim())
    throw new PeriscopeError('config_invalid', 'a severity override needs a reason');
  const now = request.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, tenantId);
    const current = await lockFinding(tx, tenantId, findingId);
    const computed = current.severityOverride?.computed ?? current.severity;
    const override = {
      severity: request.severity,
      computed,
      reason: request.reason,
      by: request.actor,
      at: now.toISOString(),
    };
    const [updated] = await tx
      .update(findings)
      .set({ severity: request.severity, severityOverride: override })
      .where(eq(findings.id, current.id))
      .returning();
    await tx.insert(findingEvents).values({
      tenantId,
      findingId: current.id,
      type: 'severity_changed',
      fromStatus: current.status,
      toStatus: current.status,
      severity: request.severity,
      actor: request.actor,
      detail: {
        ruleId: current.ruleId,
        assetKey: current.assetKey,
        from: current.severity,
        reason: request.reason,
      },
      at: now,
    });
    return updated!;
  });
}

export async function clearSeverityOverride(
  db: Database,
  tenantId: string,
  findingId: string,
  actor: string,
  now = new Date(),
): Promise<Finding> {
  return db.transaction(async (tx) => {
    await lockTenantOutbox(tx, tenantId);
    const current = await lockFinding(tx, tenantId, findingId);
    if (!current.severityOverride) return current;
    const severity = current.severityOverride.computed;
    const [updated] = await tx
      .update(findings)
      .set({ severity, severityOverride: null })
      .where(eq(findings.id, current.id))
      .returning();
    await tx.insert(findingEvents).values({
      tenantId,
      findingId: current.id,
      type: 'severity_changed',
      fromStatus: current.status,
      toStatus: current.status,
      severity,
      actor,
      detail: { ruleId: current.ruleId, assetKey: current.assetKey, from: current.severity, cleared: true },
      at: now,
    });
    return updated!;
  });
}
