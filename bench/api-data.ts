/**
 * Bench data for the API: tenants, one connection per provider each, and findings inserted in
 * SQL (one INSERT … SELECT over generate_series per tenant). Rules come from the real catalog,
 * weighted by provider and skewed so a few rules dominate, as in real tenants; statuses are
 * ~60% open, ~33% resolved, ~7% muted; assets are drawn from a pool per tenant and provider.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type DatabaseHandle, openDatabase, rowsOf } from '../db/client.ts';
import { rules } from '../rules/index.ts';

/** Share of findings per provider, in percent (100 slots). */
const providerShare: Record<string, number> = {
  github: 35,
  'google-workspace': 25,
  'microsoft-365': 25,
  openai: 7,
  anthropic: 5,
  gemini: 3,
};
/** Distinct assets per tenant and provider. */
const ASSETS_PER_PROVIDER = 3000;

export interface RuleSlot {
  slot: number;
  rule_id: string;
  provider: string;
  title: string;
  severity: string;
  kind: string;
}

/** 100 slots: each provider's share, its first rules more frequent (quadratic skew). */
export function ruleSlots(): RuleSlot[] {
  const slots: RuleSlot[] = [];
  for (const [provider, share] of Object.entries(providerShare)) {
    const own = rules.filter((r) => r.provider === provider);
    if (own.length === 0) throw new Error(`bench: no rules for ${provider}`);
    for (let k = 0; k < share; k++) {
      const rule = own[Math.floor(own.length * (k / share) ** 2)]!;
      const kind = (rule as { kind?: string }).kind ?? 'setting';
      slots.push({
        slot: slots.length,
        rule_id: rule.id,
        provider,
        title: rule.title,
        severity: rule.severity,
        kind,
      });
    }
  }
  return slots;
}

export interface BenchTenant {
  id: string;
  slug: string;
}

export async function createTenants(db: Database, count: number): Promise<BenchTenant[]> {
  const result = await db.execute(sql`
    insert into tenants (slug, name)
    select 'bench-' || lpad(g::text, 3, '0'), 'Bench tenant ' || g from generate_series(1, ${count}) g
    returning id, slug`);
  const tenants = (rowsOf(result) as BenchTenant[]).sort((a, b) => a.slug.localeCompare(b.slug));
  // Connections are never scanned here: the ciphertext column holds a marker, not credentials.
  await db.execute(sql`
    insert into connections (tenant_id, provider, name, secret_ciphertext)
    select t.id, p.provider, p.provider, 'bench:not-a-credential'
    from tenants t cross join unnest(string_to_array(${Object.keys(providerShare).join(',')}, ',')) p(provider)`);
  return tenants;
}

/**
 * A PostgreSQL database kept between runs (`BENCH_API_KEEP_DB=<name>`): created when missing,
 * migrated on every open (so a new migration is measured on the loaded data), never dropped.
 */
export async function openKeptDatabase(
  url: string,
  name: string,
): Promise<DatabaseHandle & { label: string }> {
  if (!/^[a-z][a-z0-9_]*$/.test(name) || name.startsWith('periscope_t'))
    throw new Error(
      `BENCH_API_KEEP_DB: "${name}" must be a lower-case identifier not starting with periscope_t (the tests drop those)`,
    );
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const existing = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString() });
  return { ...handle, label: `PostgreSQL (${target.host}, database ${name}, kept between runs)` };
}

/** The bench tenants already in the database (a kept one), in slug order. */
export async function existingTenants(db: Database): Promise<BenchTenant[]> {
  const result = await db.execute(sql`select id, slug from tenants where slug like 'bench-%' order by slug`);
  return rowsOf(result) as BenchTenant[];
}

/** `perTenant` findings for one tenant; deterministic in (tenant index, row number). */
export async function insertFindings(
  db: Database,
  tenant: BenchTenant,
  tenantIndex: number,
  perTenant: number,
  slots: RuleSlot[],
): Promise<void> {
  await db.execute(sql`
    with slots as (
      select * from jsonb_to_recordset(${JSON.stringify(slots)}::jsonb)
        as r(slot int, rule_id text, provider text, title text, severity text, kind text)
    ),
    rows as (
      select g,
        (g * 7919 + ${tenantIndex} * 104729) % 100 as slot,
        (g * 48271 + ${tenantIndex}) % ${ASSETS_PER_PROVIDER} as asset,
        (g * 69621) % 100 as status_roll,
        (g * 16807) % 365 as age_days,
        (g * 2531) % 60 as seen_days
      from generate_series(1, ${perTenant}) g
    )
    insert into findings (tenant_id, connection_id, fingerprint, rule_id, title, severity, status,
      provider, asset_key, asset_kind, asset_external_id, asset_name, evidence, first_seen_at,
      last_seen_at, resolved_at, last_scan_id, mute_reason, muted_by)
    select ${tenant.id}::uuid, c.id, md5(${tenant.id} || ':' || rows.g), s.rule_id,
      s.title || ': ' || 'asset-' || rows.asset, s.severity,
      case when rows.status_roll < 60 then 'open' when rows.status_roll < 93 then 'resolved' else 'muted' end,
      s.provider, s.provider || ':' || s.kind || ':' || s.kind || '-' || rows.asset, s.kind,
      s.kind || '-' || rows.asset,
      case s.kind when 'identity' then 'user' || rows.asset || '@' || ${tenant.slug} || '.example'
        when 'file' then 'Quarterly report ' || rows.asset || '.xlsx'
        else s.kind || ' asset-' || rows.asset end,
      jsonb_build_object('bench', true, 'n', rows.g),
      now() - make_interval(days => rows.age_days + rows.seen_days),
      now() - make_interval(days => rows.seen_days),
      case when rows.status_roll between 60 and 92 then now() - make_interval(days => rows.seen_days) end,
      gen_random_uuid(),
      case when rows.status_roll >= 93 then 'accepted risk' end,
      case when rows.status_roll >= 93 then 'api-token:bench' end
    from rows join slots s on s.slot = rows.slot
    join connections c on c.tenant_id = ${tenant.id}::uuid and c.provider = s.provider`);
}
