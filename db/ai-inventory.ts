/**
 * The tenant's AI inventory: stored app and oauth_grant assets the scan recognised as AI-catalog
 * apps, one row per catalog app across every connection. Aggregated in SQL so a tenant with
 * thousands of per-user grants returns a few dozen rows; removed assets do not count.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { aiCatalog } from '../scanner/ai-catalog/index.ts';
import type { ScopeRisk } from '../scanner/model.ts';
import type { AppApprovalStatus } from '../scanner/policy.ts';
import type { Database } from './client.ts';
import { getPolicy } from './policy.ts';
import { assets } from './schema.ts';

export interface AiInventoryRow {
  aiCatalogId: string;
  /** From the catalog; null when a stored id is no longer in it. */
  vendor: string | null;
  product: string | null;
  category: string | null;
  /** The tenant's verdict on the app (policy appApprovals), unreviewed by default. */
  approval: AppApprovalStatus;
  providers: string[];
  /** oauth_grant assets to the app (per-user grants, tenant-wide consents, installations). */
  grants: number;
  /** Distinct principals who granted it, and the first few of them, alphabetically. */
  users: number;
  sampleUsers: string[];
  /** Some grant covers the whole tenant or organization. */
  tenantWide: boolean;
  highestScopeRisk: ScopeRisk | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const riskOrder: ScopeRisk[] = ['low', 'medium', 'high', 'critical'];
const aiCatalogId = sql<string>`${assets.data}->>'aiCatalogId'`;
const principal = sql`${assets.data}->>'principal'`;
const isGrant = sql`${assets.kind} = 'oauth_grant'`;

export async function listAiInventory(
  db: Database,
  tenantId: string,
  options: { sampleUsers?: number } = {},
): Promise<AiInventoryRow[]> {
  const sample = options.sampleUsers ?? 3;
  const policy = await getPolicy(db, tenantId);
  const rows = await db
    .select({
      aiCatalogId,
      providers: sql<string[]>`array_agg(distinct ${assets.provider} order by ${assets.provider})`,
      grants: sql<number>`(count(*) filter (where ${isGrant}))::int`,
      users: sql<number>`(count(distinct ${principal}) filter (where ${isGrant}))::int`,
      sampleUsers: sql<
        string[] | null
      >`(array_agg(distinct ${principal}) filter (where ${isGrant} and ${principal} is not null))[1:${sql.raw(String(Math.max(0, Math.trunc(sample))))}]`,
      tenantWide: sql<boolean>`coalesce(bool_or(${isGrant} and ${assets.data}->>'principalType' <> 'user'), false)`,
      riskRank: sql<
        number | null
      >`max(array_position(array['low','medium','high','critical'], ${assets.data}->>'scopeRisk'))`,
      firstSeenAt: sql<string>`min(${assets.firstSeenAt})`,
      lastSeenAt: sql<string>`max(${assets.lastSeenAt})`,
    })
    .from(assets)
    .where(
      and(
        eq(assets.tenantId, tenantId),
        inArray(assets.kind, ['app', 'oauth_grant']),
        isNull(assets.removedAt),
        isNotNull(aiCatalogId),
      ),
    )
    .groupBy(aiCatalogId)
    .orderBy(aiCatalogId);
  return rows.map(({ riskRank, sampleUsers, firstSeenAt, lastSeenAt, ...row }) => {
    const app = aiCatalog.get(row.aiCatalogId);
    return {
      ...row,
      vendor: app?.vendor ?? null,
      product: app?.product ?? null,
      category: app?.category ?? null,
      approval: policy.appApprovals[row.aiCatalogId] ?? 'unreviewed',
      sampleUsers: sampleUsers ?? [],
      highestScopeRisk: riskRank ? (riskOrder[Number(riskRank) - 1] ?? null) : null,
      // Aggregates bypass drizzle's column mapping: both drivers hand back timestamps as text or Date.
      firstSeenAt: new Date(firstSeenAt),
      lastSeenAt: new Date(lastSeenAt),
    };
  });
}

/** Whether the tenant's stored assets hold an app or grant with this vendor app id. */
export async function hasAppAsset(
  db: Database,
  tenantId: string,
  provider: string,
  appId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ key: assets.key })
    .from(assets)
    .where(
      and(
        eq(assets.tenantId, tenantId),
        eq(assets.provider, provider),
        inArray(assets.kind, ['app', 'oauth_grant']),
        sql`${assets.data}->>'appId' = ${appId}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
