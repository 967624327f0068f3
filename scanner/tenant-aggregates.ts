/**
 * The SQL behind tenant-wide rules: counts and listings over the connection's current assets,
 * so a rule like "too many owners" never loads every member into memory.
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { ScanScope } from '../db/findings.ts';
import { assets } from '../db/schema.ts';
import type { AggregateQuery, AssetFilter } from '../rules/define-rule.ts';
import type { AssetKind } from './model.ts';

function conditions(scope: ScanScope, filter: AssetFilter): SQL {
  const parts: SQL[] = [
    eq(assets.connectionId, scope.connectionId),
    eq(assets.kind, filter.kind),
    isNull(assets.removedAt),
  ];
  if (filter.settingType) parts.push(sql`${assets.data}->>'settingType' = ${filter.settingType}`);
  for (const [field, value] of Object.entries(filter.where ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) throw new Error(`invalid aggregate field "${field}"`);
    parts.push(
      value === null
        ? sql`${assets.data}->${field} = 'null'::jsonb`
        : sql`${assets.data}->${field} = ${JSON.stringify(value)}::jsonb`,
    );
  }
  return and(...parts)!;
}

export function createAggregateQuery(db: Database, scope: ScanScope): AggregateQuery {
  return {
    async count(filter) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(assets)
        .where(conditions(scope, filter));
      return Number(row?.n ?? 0);
    },
    async list(filter, limit) {
      const rows = await db
        .select({
          key: assets.key,
          kind: assets.kind,
          externalId: assets.externalId,
          name: assets.name,
          url: assets.url,
        })
        .from(assets)
        .where(conditions(scope, filter))
        .orderBy(assets.key)
        .limit(limit);
      return rows.map((r) => ({ ...r, kind: r.kind as AssetKind }));
    },
  };
}
