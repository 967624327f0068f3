/** Read side of findings: filtered listings, always scoped to one tenant. */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { severities } from '../scanner/model.ts';
import type { Database } from './client.ts';
import type { Finding } from './findings.ts';
import { findingEvents, findings } from './schema.ts';

export interface FindingFilter {
  status?: 'open' | 'resolved' | 'muted' | 'all';
  severity?: string;
  provider?: string;
  ruleId?: string;
  connectionId?: string;
  limit?: number;
}

/** Ranks severities info → critical as 0 → 4; an unknown value ranks lowest. */
export const severityRank = `case severity ${severities.map((s, i) => `when '${s}' then ${i}`).join(' ')} else -1 end`;

export async function listFindings(
  db: Database,
  tenantId: string,
  filter: FindingFilter = {},
): Promise<Finding[]> {
  const conditions: SQL[] = [eq(findings.tenantId, tenantId)];
  const status = filter.status ?? 'open';
  if (status !== 'all') conditions.push(eq(findings.status, status));
  if (filter.severity) conditions.push(eq(findings.severity, filter.severity));
  if (filter.provider) conditions.push(eq(findings.provider, filter.provider));
  if (filter.ruleId) conditions.push(eq(findings.ruleId, filter.ruleId));
  if (filter.connectionId) conditions.push(eq(findings.connectionId, filter.connectionId));
  const query = db
    .select()
    .from(findings)
    .where(and(...conditions))
    .orderBy(desc(sql.raw(severityRank)), asc(findings.ruleId), asc(findings.assetKey));
  return filter.limit ? query.limit(filter.limit) : query;
}

export async function listFindingEvents(db: Database, tenantId: string, findingId?: string) {
  const conditions: SQL[] = [eq(findingEvents.tenantId, tenantId)];
  if (findingId) conditions.push(eq(findingEvents.findingId, findingId));
  return db
    .select()
    .from(findingEvents)
    .where(and(...conditions))
    .orderBy(asc(findingEvents.id));
}
