/**
 * The API's view of findings: every filter a security team asks for, keyset pagination in a
 * chosen order, and facet counts. Always scoped to one tenant, which is a required argument.
 */
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { severityRank } from './finding-queries.ts';
import type { Finding } from './findings.ts';
import { findingSearchTextSeparator, findingSearchTextSql, findings } from './schema.ts';

export interface FindingSearch {
  /** Default: open only (as the CLI). */
  status?: Array<'open' | 'resolved' | 'muted'> | 'all';
  severity?: string[];
  provider?: string[];
  ruleId?: string[];
  kind?: string[];
  /** Rules of a framework: findings of other rules are left out (an empty list matches nothing). */
  frameworkRuleIds?: string[];
  /** An asset key (`provider:kind:externalId`) or an external id. */
  asset?: string;
  connectionId?: string;
  firstSeenFrom?: Date;
  firstSeenTo?: Date;
  lastSeenFrom?: Date;
  lastSeenTo?: Date;
  /** Case-insensitive substring of title, rule id, asset name, key or external id. */
  text?: string;
}

export const findingSorts = ['severity', 'lastSeenAt', 'firstSeenAt'] as const;
export type FindingSortKey = (typeof findingSorts)[number];

export interface FindingPageRequest {
  sort: FindingSortKey;
  direction: 'asc' | 'desc';
  limit: number;
  /** Id of the last finding of the previous page (the keyset continues after it). */
  after?: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditionsOf(tenantId: string, filter: FindingSearch): SQL[] {
  const where: SQL[] = [eq(findings.tenantId, tenantId)];
  const status = filter.status ?? ['open'];
  if (status !== 'all') where.push(inArray(findings.status, status));
  if (filter.severity?.length) where.push(inArray(findings.severity, filter.severity));
  if (filter.provider?.length) where.push(inArray(findings.provider, filter.provider));
  if (filter.ruleId?.length) where.push(inArray(findings.ruleId, filter.ruleId));
  if (filter.kind?.length) where.push(inArray(findings.assetKind, filter.kind));
  if (filter.frameworkRuleIds)
    where.push(
      filter.frameworkRuleIds.length ? inArray(findings.ruleId, filter.frameworkRuleIds) : sql`false`,
    );
  if (filter.asset)
    where.push(or(eq(findings.assetKey, filter.asset), eq(findings.assetExternalId, filter.asset))!);
  if (filter.connectionId)
    where.push(
      uuidPattern.test(filter.connectionId) ? eq(findings.connectionId, filter.connectionId) : sql`false`,
    );
  if (filter.firstSeenFrom) where.push(gte(findings.firstSeenAt, filter.firstSeenFrom));
  if (filter.firstSeenTo) where.push(lte(findings.firstSeenAt, filter.firstSeenTo));
  if (filter.lastSeenFrom) where.push(gte(findings.lastSeenAt, filter.lastSeenFrom));
  if (filter.lastSeenTo) where.push(lte(findings.lastSeenAt, filter.lastSeenTo));
  if (filter.text) {
    const pattern = likePattern(filter.text);
    if (filter.text.includes(findingSearchTextSeparator)) {
      // Could match across two fields of the joined text: check each field (rare, no index).
      where.push(
        sql`(${findings.title} ilike ${pattern} or ${findings.ruleId} ilike ${pattern} or ${findings.assetName} ilike ${pattern}
          or ${findings.assetKey} ilike ${pattern} or ${findings.assetExternalId} ilike ${pattern})`,
      );
    } else {
      // Without the separator, a match in the joined fields lies inside one field: the same rows,
      // through the trigram index (findings_tenant_search_text_idx).
      where.push(sql`${sql.raw(findingSearchTextSql)} ilike ${pattern}`);
    }
  }
  return where;
}

function sortExpression(sort: FindingSortKey): SQL {
  if (sort === 'severity') return sql.raw(severityRank);
  return sort === 'lastSeenAt' ? sql`${findings.lastSeenAt}` : sql`${findings.firstSeenAt}`;
}

/** The query of one page (limit + 1 rows, to tell whether more follow), not yet run. */
export function findingPageQuery(
  db: Database,
  tenantId: string,
  filter: FindingSearch,
  page: FindingPageRequest,
) {
  const where = conditionsOf(tenantId, filter);
  const key = sortExpression(page.sort);
  if (page.after) {
    // The keyset position is read from the row itself, so timestamps keep their full precision.
    const cursorRow = sql`(select ${key}, ${findings.id} from ${findings}
      where ${findings.tenantId} = ${tenantId} and ${findings.id} = ${page.after})`;
    where.push(
      page.direction === 'desc'
        ? sql`(${key}, ${findings.id}) < ${cursorRow}`
        : sql`(${key}, ${findings.id}) > ${cursorRow}`,
    );
  }
  const order = page.direction === 'desc' ? [desc(key), desc(findings.id)] : [asc(key), asc(findings.id)];
  return db
    .select()
    .from(findings)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit + 1);
}

/** One page of findings and whether more follow. */
export async function searchFindings(
  db: Database,
  tenantId: string,
  filter: FindingSearch,
  page: FindingPageRequest,
): Promise<{ rows: Finding[]; hasMore: boolean }> {
  const rows = await findingPageQuery(db, tenantId, filter, page);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

export interface FindingFacets {
  total: number;
  severity: Record<string, number>;
  provider: Record<string, number>;
  rule: Record<string, number>;
}

/**
 * The facet query, not yet run: one count per (severity, provider, rule) combination, a few dozen
 * rows, which findingFacets sums up per facet. For the usual filters it reads
 * findings_tenant_status_facets_idx alone, already in group order.
 */
export function findingFacetsQuery(db: Database, tenantId: string, filter: FindingSearch) {
  return db
    .select({
      severity: findings.severity,
      provider: findings.provider,
      rule: findings.ruleId,
      count: sql<number>`count(*)::int`,
    })
    .from(findings)
    .where(and(...conditionsOf(tenantId, filter)))
    .groupBy(findings.severity, findings.provider, findings.ruleId);
}

/** Counts of the findings matching a filter, by severity, provider and rule. */
export async function findingFacets(
  db: Database,
  tenantId: string,
  filter: FindingSearch,
): Promise<FindingFacets> {
  const facets: FindingFacets = { total: 0, severity: {}, provider: {}, rule: {} };
  for (const group of await findingFacetsQuery(db, tenantId, filter)) {
    const count = Number(group.count);
    facets.total += count;
    facets.severity[group.severity] = (facets.severity[group.severity] ?? 0) + count;
    facets.provider[group.provider] = (facets.provider[group.provider] ?? 0) + count;
    facets.rule[group.rule] = (facets.rule[group.rule] ?? 0) + count;
  }
  return facets;
}

export async function findFinding(db: Database, tenantId: string, id: string): Promise<Finding | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.tenantId, tenantId), eq(findings.id, id)));
  return row;
}
